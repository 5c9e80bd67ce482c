"""The main window: three workspaces (Photo, Batch, Frames), menus, one thread pool.

Menus: File (recent photos, campaign packs, quit), Language, Help (the user guide, About).
The Batch and Frames workspaces (and their modules) are built the first time their tab is
shown or something asks for them: the first window needs only the Photo workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from frame_studio.core.campaign import PACK_SUFFIX, OpenedCampaign
from frame_studio.core.frames import Frame
from frame_studio.core.user_dirs import user_frames_dir
from frame_studio.gui import ask
from frame_studio.gui.campaign_book import (
    CampaignBook,
    OpenedPack,
    edition,
    frame_signature,
    open_pack_frames,
    remove_opened,
)
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.frame_combo import grouped
from frame_studio.gui.help_dialogs import AboutDialog, GuideDialog
from frame_studio.gui.i18n import load_translator
from frame_studio.gui.messages import failure_text
from frame_studio.gui.pack_export import DOCUMENTS, DOWNLOADS, remember_folder, start_folder
from frame_studio.gui.photo_workspace import PhotoWorkspace
from frame_studio.gui.recent_photos import RecentPhotosMenu
from frame_studio.gui.settings import Settings, remember_frames
from frame_studio.gui.workers import Worker, start_worker

if TYPE_CHECKING:
    from frame_studio.gui.batch_workspace import BatchWorkspace
    from frame_studio.gui.frames_workspace import FramesWorkspace

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))
BATCH_TAB, FRAMES_TAB = 1, 2


def quit_keys() -> list[QKeySequence]:
    """The platform's Quit keys, and Ctrl+Q (Windows has no standard Quit key)."""
    keys: dict[str, QKeySequence] = {}
    for key in [*QKeySequence.keyBindings(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")]:
        keys.setdefault(key.toString(), key)  # twice the same key on one action: ambiguous
    return list(keys.values())


class MainWindow(QMainWindow):
    """Holds the workspaces; switches the UI language at run time."""

    pack_opened = Signal(object)  # the OpenedCampaign
    pack_failed = Signal(str)

    def __init__(
        self,
        frames: list[Frame],
        settings: Settings,
        pool: QThreadPool | None = None,
        book: CampaignBook | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.pool = pool or QThreadPool(self)
        self.book = book or CampaignBook()
        self.translator: QTranslator | None = None
        self.setAcceptDrops(True)
        self.photo = PhotoWorkspace(frames, self.pool, settings=settings)
        self.frame_list = list(frames)  # what every workspace offers
        self._batch: BatchWorkspace | None = None
        self._frames: FramesWorkspace | None = None
        self.photo.select_frame(str(settings.get("frame")))
        self.photo.pack_dropped.connect(self.open_pack_file)
        self.photo.set_frames(frames, self.book.campaign_for)
        self.tabs = QTabWidget()
        for page in (self.photo, QWidget(), QWidget()):  # empty pages hold the later workspaces' places
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.setCentralWidget(self.tabs)
        self.file_menu = QMenu(self)
        self.recent_menu = RecentPhotosMenu(settings, self)
        self.recent_menu.photo_chosen.connect(self.open_recent_photo)
        self.recent_menu.photos_dropped.connect(self._recent_photos_dropped)
        self.photo.photo_loaded.connect(self._photo_loaded)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.open_pack_action = QAction(self)
        self.open_pack_action.setShortcut("Ctrl+Shift+O")
        self.open_pack_action.triggered.connect(self.choose_pack)
        self.file_menu.addAction(self.open_pack_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcuts(quit_keys())
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.menuBar().addMenu(self.file_menu)
        self.language_menu = QMenu(self)
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setData(code)
            self.language_actions.addAction(action)
            self.language_menu.addAction(action)
        self.language_actions.triggered.connect(self._language_chosen)
        self.menuBar().addMenu(self.language_menu)
        self._build_help_menu()
        self._status: Callable[[], str] | None = None  # renders the status line in the current language
        self._status_shown = ""
        self.resize(1100, 720)
        self.set_language(str(settings.get("language")))

    def _build_help_menu(self) -> None:
        self.help_menu = QMenu(self)
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.menuBar().addMenu(self.help_menu)
        self.guide_dialog: GuideDialog | None = None
        self.about_dialog: AboutDialog | None = None

    def _language_chosen(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    @property
    def batch(self) -> BatchWorkspace:
        """The Batch workspace (built now if it was not yet)."""
        if self._batch is None:
            from frame_studio.gui.batch_workspace import BatchWorkspace

            self._batch = BatchWorkspace(self.frame_list, self.pool, self.settings)
            self._batch.fix_requested.connect(self.open_fix)
            self._place(BATCH_TAB, self._batch)
        return self._batch

    @property
    def frames(self) -> FramesWorkspace:
        """The Frames workspace (built now if it was not yet)."""
        if self._frames is None:
            from frame_studio.gui.frames_workspace import FramesWorkspace

            self._frames = FramesWorkspace(self.frame_list, self.pool, self.settings)
            self._frames.frames_changed.connect(self.set_frames)
            self._place(FRAMES_TAB, self._frames)
        return self._frames

    def _place(self, index: int, workspace: QWidget) -> None:
        """Put a workspace built late in its tab, instead of the empty page that held its place."""
        current, title, empty = self.tabs.currentIndex(), self.tabs.tabText(index), self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, workspace, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if empty is not None:
            empty.deleteLater()

    def _tab_chosen(self, index: int) -> None:
        if index == BATCH_TAB and self._batch is None:
            self.tabs.setCurrentWidget(self.batch)
        elif index == FRAMES_TAB and self._frames is None:
            self.tabs.setCurrentWidget(self.frames)

    def set_language(self, code: str) -> None:
        """Switch the UI language (Vietnamese is the source language) and retranslate."""
        app = QCoreApplication.instance()
        if self.translator is not None and app is not None:
            app.removeTranslator(self.translator)
            self.translator = None
        if code != "vi" and app is not None:
            self.translator = load_translator(code)
            if self.translator is not None:
                app.installTranslator(self.translator)
        self.settings.set("language", code)
        for action in self.language_actions.actions():
            action.setChecked(action.data() == code)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Frame Studio — Khung ảnh đại diện"))
        self.language_menu.setTitle(self.tr("Ngôn ngữ"))
        self.file_menu.setTitle(self.tr("Tệp"))
        self.open_pack_action.setText(self.tr("Mở gói chiến dịch…"))
        self.quit_action.setText(self.tr("Thoát"))
        self.recent_menu.retranslate()
        self.help_menu.setTitle(self.tr("Trợ giúp"))
        self.guide_action.setText(self.tr("Hướng dẫn sử dụng"))
        self.about_action.setText(self.tr("Giới thiệu Frame Studio"))
        for dialog in (self.guide_dialog, self.about_dialog):
            if dialog is not None:
                dialog.retranslate()
        titles = (self.tr("Ảnh của tôi"), self.tr("Hàng loạt"), self.tr("Khung"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        for workspace in (self.photo, self._batch, self._frames):
            if workspace is not None:
                workspace.retranslate()
        self._retranslate_status()

    # -- the status line ---------------------------------------------------------------

    def show_status(self, render: Callable[[], str]) -> None:
        """Show `render()` in the status bar, and again in the new language after a switch.

        `render` is a bound method or a functools.partial of one (never a lambda capturing
        self); a message shown with statusBar().showMessage stays as it was written.
        """
        self._status = render
        self._status_shown = render()
        self.statusBar().showMessage(self._status_shown)

    def _retranslate_status(self) -> None:
        if self._status is not None and self.statusBar().currentMessage() == self._status_shown:
            self.show_status(self._status)

    # -- recent photos, help -----------------------------------------------------------

    def _photo_loaded(self, path: Path) -> None:
        if self.photo.fix is None:  # a batch photo being fixed is not one the person opened
            self.recent_menu.add(path)

    def open_recent_photo(self, path: Path) -> Worker:
        """Open a photo of the recent list in the Photo workspace."""
        self.tabs.setCurrentWidget(self.photo)
        self.photo.end_fix()
        return self.photo.load_photo(path)

    def _recent_photos_dropped(self, gone: list[Path]) -> None:
        self.show_status(partial(self.recent_menu.gone_note, gone))

    def show_guide(self) -> GuideDialog:
        """The user guide, in a window of its own (the app keeps working)."""
        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        self.guide_dialog.activateWindow()
        return self.guide_dialog

    def show_about(self) -> AboutDialog:
        """The version and the licences of the bundled font and face model."""
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self)
        self.about_dialog.show()
        self.about_dialog.raise_()
        self.about_dialog.activateWindow()
        return self.about_dialog

    def set_frames(self, frames: list[Frame]) -> None:
        """A variant was saved or a pack opened: offer its frames everywhere."""
        self.frame_list = list(frames)
        self.photo.set_frames(frames, self.book.campaign_for)
        for workspace in (self._batch, self._frames):
            if workspace is not None:
                workspace.set_frames(frames)
        remember_frames(self.settings, frames)

    def choose_pack(self) -> None:
        start = start_folder("packs", DOWNLOADS, DOCUMENTS)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Mở gói chiến dịch"), start, self.tr("Gói chiến dịch") + f" (*{PACK_SUFFIX})"
        )
        if name:
            remember_folder("packs", Path(name).parent)
            self.open_pack_file(Path(name))

    def open_pack_file(self, path: Path) -> Worker:
        """Open a campaign pack into the user's frame folder (on a worker), then offer its new frames."""
        self.statusBar().showMessage(self.tr("Đang mở gói {name}…").format(name=path.name))
        worker = Worker(open_pack_frames, path, user_frames_dir(), context=path)
        worker.signals.finished.connect(self._pack_opened)
        worker.signals.failed.connect(self._pack_open_failed)
        return start_worker(self.pool, worker)

    def _pack_opened(self, pack: OpenedPack) -> None:
        """Offer the pack's new frames; another version of its campaign is replaced only if asked to."""
        opened = pack.opened
        older = self.book.rival(opened)
        if self.book.holds(opened):
            text = self.tr("Gói “{name}” đã được mở rồi: không có gì thay đổi.")
            self._tell(text.format(name=opened.campaign.name))
        elif older is not None and not self._replaces(older, opened):
            start_worker(self.pool, Worker(remove_opened, opened.folder))
        else:
            self._use_pack(pack, older)
        self.pack_opened.emit(opened)

    def _replaces(self, current: OpenedCampaign, opened: OpenedCampaign) -> bool:
        """Whether a pack replaces the open version of its campaign: asked, or told why not."""
        new, old = opened.campaign, current.campaign
        dates = {"name": new.name, "new": f"{new.end:%d/%m/%Y}", "old": f"{old.end:%d/%m/%Y}"}
        if edition(new) < edition(old):
            text = self.tr(
                "Gói này là bản cũ hơn của chiến dịch “{name}” (đến hết {new}); "
                "vẫn dùng bản đang có (đến hết {old})."
            )
            self._tell(text.format(**dates))
            return False
        if edition(new) > edition(old):
            question = self.tr(
                "Gói này là bản mới hơn của chiến dịch “{name}” (đến hết {new}; "
                "bản đang dùng đến hết {old}). Dùng bản mới thay cho bản đang dùng?"
            )
        else:
            question = self.tr(
                "Đã có một bản khác của chiến dịch “{name}”, cùng thời gian (đến hết {old}). "
                "Dùng gói này thay cho bản đang dùng?"
            )
        replace = ask.ask(
            self,
            self.tr("Gói chiến dịch"),
            question.format(**dates),
            yes=self.tr("Dùng gói này"),
            no=self.tr("Giữ bản đang dùng"),
        )
        if not replace:
            self.statusBar().showMessage(
                self.tr("Vẫn dùng bản đang có của chiến dịch “{name}”.").format(name=old.name)
            )
            return False
        return True

    def _use_pack(self, pack: OpenedPack, older: OpenedCampaign | None) -> None:
        """Offer a pack's frames that are not offered yet (in place of an older version's)."""
        frames = list(self.frame_list)
        at = len(frames)
        if older is not None:
            gone = {folder.resolve() for folder in older.frame_folders}
            at = next((i for i, f in enumerate(frames) if f.folder.resolve() in gone), at)
            frames = [f for f in frames if f.folder.resolve() not in gone]
            self.book.remove(older)
            start_worker(self.pool, Worker(remove_opened, older.folder))
        self.book.add(pack.opened, pack.frames)
        known = {frame_signature(frame) for frame in frames}
        new = [f for f, signature in zip(pack.frames, pack.signatures, strict=True) if signature not in known]
        frames[at:at] = new
        self.set_frames(grouped(frames))  # the current choices stay: the person picks
        name, same = pack.opened.campaign.name, len(pack.frames) - len(new)
        if not new:
            message = self.tr("Gói “{name}” không có khung mới: %n khung đã có sẵn.", "", same)
            self.statusBar().showMessage(message.format(name=name))
            return
        message = self.tr("Đã mở gói “{name}”: %n khung mới.", "", len(new)).format(name=name)
        if same:
            message += " " + self.tr("%n khung đã có sẵn.", "", same)
        self.statusBar().showMessage(message)

    def _tell(self, message: str) -> None:
        """Say something in the status bar and in a box that does not block the app."""
        self.statusBar().showMessage(message)
        ask.notice_box(self, self.tr("Gói chiến dịch"), message, QMessageBox.Icon.Information).open()

    def _pack_open_failed(self, error: BaseException, _trace: str, path: Path) -> None:
        self._pack_failed(path, error)

    def _pack_failed(self, path: Path, error: BaseException) -> None:
        reason = failure_text(error)  # the core's English message is logged, not shown
        message = self.tr("Không mở được gói {name}: {reason}").format(name=path.name, reason=reason)
        self.statusBar().showMessage(message)
        box = ask.notice_box(self, self.tr("Gói chiến dịch"), message, QMessageBox.Icon.Warning)
        box.open()  # not modal-blocking: the app keeps working
        self.pack_failed.emit(message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(url.toLocalFile().lower().endswith(PACK_SUFFIX) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        packs = [
            url.toLocalFile()
            for url in event.mimeData().urls()
            if url.toLocalFile().lower().endswith(PACK_SUFFIX)
        ]
        if packs:
            self.open_pack_file(Path(packs[0]))
            event.acceptProposedAction()

    def open_fix(self, request: FixRequest) -> None:
        """Show a batch photo in the Photo workspace, to fix and re-export it."""
        self.photo.select_frame(request.frame_id)
        self.photo.start_fix(request)
        self.tabs.setCurrentWidget(self.photo)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._batch is not None:
            self._batch.stop()
        self.pool.waitForDone(10_000)
        self.settings.set("frame", self.photo.frame.id)
        super().closeEvent(event)
