"""The “recent photos” submenu: the last photos opened in the Photo workspace.

The list lives in Settings (newest first, at most eight). A photo that is no longer there
(moved, deleted, on a network drive that is not connected) is dropped from the list when
the menu opens or when it is chosen, and the menu says so in a note.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from frame_studio.gui.settings import Settings, recent_photos, remember_photo, set_recent_photos


class RecentPhotosMenu(QMenu):
    """Lists the recent photos; choosing one emits `photo_chosen`."""

    photo_chosen = Signal(object)  # the Path, which exists
    photos_dropped = Signal(object)  # the list of Paths no longer there (`gone_note` says so)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setToolTipsVisible(True)  # the full path of each photo
        self.aboutToShow.connect(self.refresh)
        self.triggered.connect(self._triggered)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ảnh mở gần đây"))
        self.rebuild()

    def add(self, photo: Path) -> None:
        """A photo was opened: put it first."""
        remember_photo(self.settings, photo)
        self.rebuild()

    def refresh(self) -> list[Path]:
        """Drop the photos that are gone (with a note), then list the others; returns those."""
        photos = recent_photos(self.settings)
        gone = [photo for photo in photos if not photo.is_file()]
        if gone:
            set_recent_photos(self.settings, [photo for photo in photos if photo.is_file()])
            self.photos_dropped.emit(gone)
        self.rebuild()
        return recent_photos(self.settings)

    def rebuild(self) -> None:
        """One entry per remembered photo (no look at the disk: `refresh` does that)."""
        for action in self.actions():  # not clear(): it deletes an action that may be emitting
            self.removeAction(action)
            if action.parent() is self:
                action.deleteLater()
        photos = recent_photos(self.settings)
        for number, photo in enumerate(photos, start=1):
            action = QAction(f"&{number} {photo.name.replace('&', '&&')}", self)
            action.setToolTip(str(photo))
            action.setData(str(photo))
            self.addAction(action)
        if not photos:
            empty = QAction(self.tr("Chưa có ảnh nào"), self)
            empty.setEnabled(False)
            self.addAction(empty)
        self.addSeparator()
        self.clear_action = QAction(self.tr("Xóa danh sách"), self)
        self.clear_action.setEnabled(bool(photos))
        self.clear_action.triggered.connect(self.clear_list)
        self.addAction(self.clear_action)

    def _triggered(self, action: QAction) -> None:
        if action.data():
            self.choose(Path(str(action.data())))

    def choose(self, photo: Path) -> bool:
        """Open `photo` if it is still there; otherwise drop it with a note. True if opened."""
        if not photo.is_file():
            set_recent_photos(self.settings, [p for p in recent_photos(self.settings) if p != photo])
            self.photos_dropped.emit([photo])
            self.rebuild()
            return False
        self.photo_chosen.emit(photo)
        return True

    def photo_actions(self) -> list[QAction]:
        """The entries that open a photo, in order."""
        return [action for action in self.actions() if action.data()]

    def clear_list(self) -> None:
        set_recent_photos(self.settings, [])
        self.rebuild()

    def gone_note(self, gone: list[Path]) -> str:
        """The note for photos dropped from the list, in the current language."""
        if len(gone) == 1:
            return self.tr("Không còn thấy ảnh “{name}”: đã bỏ khỏi danh sách ảnh gần đây.").format(
                name=gone[0].name
            )
        return self.tr("Không còn thấy %n ảnh: đã bỏ khỏi danh sách ảnh gần đây.", "", len(gone))
