"""The campaign box of the Photo workspace: name, dates, the caption to post, a reminder.

The caption is the campaign's text with the person's name and unit filled in; the reminder
is a calendar file with one event on the campaign's last day (switch the photo back).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.campaign import Campaign, caption, is_ended
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.reminder import REMINDER_FILE, write_reminder

DEFAULT_CAPTION = "{ho_ten} ({don_vi}) hưởng ứng: {chien_dich}"


def campaign_of_frame(frame: Frame) -> Campaign:
    """A campaign for a frame that came without a pack: its name, link and end date."""
    end = frame.valid_until or dt.date.today()
    return Campaign(
        id=frame.id,
        name=frame.campaign or frame.name,
        link=frame.link,
        start=min(end, dt.date.today()),
        end=end,
        caption=DEFAULT_CAPTION,
    )


class CampaignPanel(QGroupBox):
    """Shows one campaign and fills its caption for one person."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaign: Campaign | None = None
        self.name_label, self.dates_label, self.caption_label = QLabel(), QLabel(), QLabel()
        for label in (self.name_label, self.caption_label):
            label.setWordWrap(True)
        self.person_edit, self.unit_edit = QLineEdit(), QLineEdit()
        self.person_edit.textChanged.connect(self.refresh)
        self.unit_edit.textChanged.connect(self.refresh)
        self.copy_button, self.reminder_button = QPushButton(), QPushButton()
        self.copy_button.clicked.connect(self.copy_caption)
        self.reminder_button.clicked.connect(self.choose_reminder_path)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.person_label, self.unit_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.person_label, self.person_edit)
        form.addRow(self.unit_label, self.unit_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.reminder_button)
        layout = QVBoxLayout(self)
        for widget in (self.name_label, self.dates_label):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.caption_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Chiến dịch"))
        self.person_label.setText(self.tr("Họ tên"))
        self.unit_label.setText(self.tr("Đơn vị"))
        self.copy_button.setText(self.tr("Sao chép lời đăng"))
        self.reminder_button.setText(self.tr("Lời nhắc đổi lại ảnh…"))
        self.refresh()

    def set_campaign(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.message.clear()
        self.refresh()

    def person(self) -> dict[str, str]:
        return {"ho_ten": self.person_edit.text(), "don_vi": self.unit_edit.text()}

    def caption_text(self) -> str:
        """The caption for the person typed in (NFC, empty fields left out)."""
        if self.campaign is None:
            return ""
        fields = self.person() | {"chien_dich": self.campaign.name}
        text = re.sub(r"\(\s*\)", "", caption(self.campaign, fields))  # "()" of an empty field
        return " ".join(text.split()).lstrip(" -–,:")

    def refresh(self) -> None:
        campaign = self.campaign
        self.setEnabled(campaign is not None)
        if campaign is None:
            self.name_label.clear()
            self.dates_label.clear()
            self.caption_label.clear()
            return
        self.name_label.setText(f"<b>{campaign.name}</b>")
        end = campaign.end.strftime("%d/%m/%Y")
        if is_ended(campaign.end):
            self.dates_label.setText(self.tr("Đã kết thúc ngày {end} (vẫn dùng được khung).").format(end=end))
        else:
            self.dates_label.setText(self.tr("Đến hết ngày {end}.").format(end=end))
        self.caption_label.setText(self.caption_text())

    def copy_caption(self) -> None:
        QGuiApplication.clipboard().setText(self.caption_text())
        self.message.setText(self.tr("Đã sao chép lời đăng."))

    def choose_reminder_path(self) -> None:
        if self.campaign is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu lời nhắc"), REMINDER_FILE, self.tr("Lịch") + " (*.ics)"
        )
        if name:
            self.save_reminder(Path(name))

    def save_reminder(self, target: Path) -> None:
        """Write the calendar reminder (replacing the file: the dialog already asked)."""
        if self.campaign is None:
            return
        try:
            write_reminder(
                target, self.campaign.name, self.campaign.end, link=self.campaign.link, overwrite=True
            )
        except FrameStudioError as error:
            self.message.setText(self.tr("Không lưu được lời nhắc: {error}").format(error=error.message))
            return
        self.message.setText(self.tr("Đã lưu lời nhắc vào {name}.").format(name=target.name))
