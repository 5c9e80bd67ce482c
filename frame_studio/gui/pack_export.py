"""Export the frames as a campaign pack: a small dialog for the campaign's name, dates, caption."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from frame_studio.core.campaign import Campaign, campaign_id
from frame_studio.core.frames import Frame

DEFAULT_CAPTION = "{ho_ten} – {don_vi} nhiệt liệt chào mừng {chien_dich}"


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
        self.setWindowTitle(self.tr("Xuất gói chiến dịch ({count} khung)").format(count=len(frames)))

    def campaign(self) -> Campaign:
        name = self.name_edit.text().strip()
        return Campaign(
            id=campaign_id(name),
            name=name,
            link=self.link_edit.text().strip(),
            start=dt.date(*self.start_edit.date().getDate()),
            end=dt.date(*self.end_edit.date().getDate()),
            caption=self.caption_edit.toPlainText().strip(),
        )
