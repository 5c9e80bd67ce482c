"""Export the frames as a campaign pack: a small dialog for the campaign's name, dates, caption.

Also where the Frames workspace's file dialogs start (`start_folder`: the folder used last
this session, else the person's Pictures, Documents or Downloads; never the app's own
folder) and the pack's proposed id and file name (`pack_slug`: the campaign name as
lowercase words, cut between words).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from frame_studio.core.assets import assets_dir
from frame_studio.core.campaign import DEFAULT_CAPTION, Campaign
from frame_studio.core.frames import Frame
from frame_studio.core.roster import field_key
from frame_studio.core.variants import ID_PATTERN

SLUG_LIMIT = 64  # a campaign id's longest (ID_PATTERN)
PICTURES = QStandardPaths.StandardLocation.PicturesLocation
DOCUMENTS = QStandardPaths.StandardLocation.DocumentsLocation
DOWNLOADS = QStandardPaths.StandardLocation.DownloadLocation
_last: dict[str, Path] = {}  # kind of file -> the folder chosen last (this session)


def pack_slug(name: str, limit: int = SLUG_LIMIT) -> str:
    """A campaign name as an id and file name, cut between words: "Đại hội XVII, …" -> "dai-hoi-xvii-…"."""
    words = [word for word in re.split(r"[^a-z0-9]+", field_key(name)) if word]
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    slug = "-".join(kept) or (words[0][:limit] if words else "")
    return slug if ID_PATTERN.fullmatch(slug) else "chien-dich"


def _app_folders() -> list[Path]:
    """The app's own folders (a checkout, or the frozen app's folder): never a dialog's start."""
    folders = [assets_dir().parent.resolve()]
    if getattr(sys, "frozen", False):
        folders.append(Path(sys.executable).resolve().parent)
    return folders


def remember_folder(kind: str, folder: Path) -> None:
    """Remember the folder a file dialog of this kind was used in (for its next start)."""
    _last[kind] = folder


def start_folder(kind: str, *locations: QStandardPaths.StandardLocation) -> str:
    """Where a file dialog of this kind starts: the last folder used, else the person's own folders.

    The first that exists of: the folder used last, `locations` (Pictures, Documents, ...),
    the home folder. A folder inside the app's own folder is never proposed.
    """
    candidates = [_last.get(kind)]
    candidates += [Path(QStandardPaths.writableLocation(location)) for location in locations]
    candidates.append(Path.home())
    app = _app_folders()
    for folder in candidates:
        if folder is not None and str(folder) not in {"", "."} and folder.is_dir():
            resolved = folder.resolve()
            if not any(resolved.is_relative_to(own) for own in app):
                return str(folder)
    return str(Path.home())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PackExportDialog(QDialog):
    """Asks what the pack says about its campaign; `campaign()` builds it."""

    def __init__(self, frames: list[Frame], link: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        first = frames[0]
        end = first.valid_until or dt.date.today()
        self.name_edit = QLineEdit(first.campaign or first.name)
        self.link_edit = QLineEdit(link)
        self.start_edit = QDateEdit(_qdate(min(end, dt.date.today())))
        self.end_edit = QDateEdit(_qdate(end))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.caption_edit = QPlainTextEdit(DEFAULT_CAPTION)
        self.caption_edit.setFixedHeight(70)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xuất gói…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tên chiến dịch"), self.name_edit)
        form.addRow(self.tr("Đường dẫn chiến dịch"), self.link_edit)
        form.addRow(self.tr("Bắt đầu"), self.start_edit)
        form.addRow(self.tr("Kết thúc"), self.end_edit)
        form.addRow(self.tr("Lời đăng kèm ảnh"), self.caption_edit)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("Xuất gói chiến dịch (%n khung)", "", len(frames)))

    def campaign(self) -> Campaign:
        name = self.name_edit.text().strip()
        return Campaign(
            id=pack_slug(name),
            name=name,
            link=self.link_edit.text().strip(),
            start=dt.date(*self.start_edit.date().getDate()),
            end=dt.date(*self.end_edit.date().getDate()),
            caption=self.caption_edit.toPlainText().strip(),
        )
