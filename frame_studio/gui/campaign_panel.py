"""The campaign box of the Photo workspace: name, dates, the caption to post, a reminder.

The caption is the campaign's text with the person's name and unit filled in; the reminder
is a calendar file with one event on the campaign's last day (switch the photo back).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.campaign import DEFAULT_CAPTION, Campaign, caption, is_ended
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.reminder import REMINDER_FILE, write_reminder
from frame_studio.gui.live_text import LiveText
from frame_studio.gui.messages import failure_text

FIELD_CHARS = 16  # a name field is never narrower than about this many characters


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


class FittedScroll(QScrollArea):
    """A frameless, vertical-only scroll area as tall as its content at the width it has.

    On a small screen the Photo workspace's side column is shorter than its contents: a
    plain layout then squashes every row (a name field a few pixels high, the caption's
    marks cut off). Here the content keeps its own sizes and scrolls instead. The size hint
    follows the wrapped labels' real height (a plain scroll area guesses it), so the box
    does not scroll when there is room.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setWidget(content)
        content.setAutoFillBackground(False)  # setWidget turned it on: the group box shows through
        self.viewport().setAutoFillBackground(False)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.keep_visible: QWidget | None = None  # the minimum height shows down to this
        content.installEventFilter(self)

    def _content_height(self, width: int) -> int:
        content = self.content
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return height if height > 0 else content.sizeHint().height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        content = self.content
        width = self.viewport().width() if self.isVisible() else content.sizeHint().width()
        return QSize(content.sizeHint().width(), self._content_height(width) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        content, wanted = self.content, self.keep_visible
        height = self._content_height(self.viewport().width()) if wanted is None else 0
        if wanted is not None:
            height = wanted.mapTo(content, wanted.rect().bottomLeft()).y() + 1
            if height <= 1:  # not laid out yet
                height = wanted.sizeHint().height()
        bar = self.verticalScrollBar().sizeHint().width()  # the content is never under the bar
        return QSize(content.minimumSizeHint().width() + bar, height + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped labels' height depends on the width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A text inside changed: ask for the new height and size the content again.

        QScrollArea misses it (the content's layout request goes to the viewport): the
        content would keep its old height, its rows squashed, when the caption grows.
        """
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.content.width() != self.viewport().width():
            super().event(event)  # the scroll bar came or went: fit the content to the new width
        return handled


class CampaignPanel(QGroupBox):
    """Shows one campaign and fills its caption for one person."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaign: Campaign | None = None
        self.name_label, self.dates_label, self.caption_label = QLabel(), QLabel(), QLabel()
        for label in (self.name_label, self.dates_label, self.caption_label):
            label.setWordWrap(True)
        self.person_edit, self.unit_edit = QLineEdit(), QLineEdit()
        self.person_edit.textChanged.connect(self.refresh)
        self.unit_edit.textChanged.connect(self.refresh)
        self.copy_button, self.reminder_button = QPushButton(), QPushButton()
        self.copy_button.clicked.connect(self.copy_caption)
        self.reminder_button.clicked.connect(self.choose_reminder_path)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.note = LiveText(self.message)
        self.person_label, self.unit_label = QLabel(), QLabel()
        self._build()
        self.retranslate()

    def _build(self) -> None:
        """Fields that keep a usable width and their height; the box scrolls when short."""
        for edit in (self.person_edit, self.unit_edit):
            edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * FIELD_CHARS)
            edit.setMinimumHeight(edit.sizeHint().height())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label goes above
        form.addRow(self.person_label, self.person_edit)
        form.addRow(self.unit_label, self.unit_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.reminder_button)
        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (self.name_label, self.dates_label):
            inner.addWidget(widget)
        inner.addLayout(form)
        inner.addWidget(self.caption_label)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        inner.addStretch()
        self.scroll_area = FittedScroll(self.content)
        self.scroll_area.keep_visible = self.unit_edit
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Chiến dịch"))
        self.person_label.setText(self.tr("Họ tên"))
        self.unit_label.setText(self.tr("Đơn vị"))
        self.copy_button.setText(self.tr("Sao chép lời đăng"))
        self.reminder_button.setText(self.tr("Lời nhắc đổi lại ảnh…"))
        self.note.retranslate()
        self.refresh()

    def set_campaign(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.note.clear()
        self.refresh()

    def person(self) -> dict[str, str]:
        return {"ho_ten": self.person_edit.text(), "don_vi": self.unit_edit.text()}

    def caption_text(self) -> str:
        """The caption for the person typed in (NFC, empty fields left out: see `caption`)."""
        if self.campaign is None:
            return ""
        return caption(self.campaign, self.person())

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
        self.note.show(lambda: self.tr("Đã sao chép lời đăng."))

    def _reminder_failed(self, error: FrameStudioError) -> None:
        self.note.show(lambda: self.tr("Không lưu được lời nhắc: {error}").format(error=failure_text(error)))

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
            self._reminder_failed(error)
            return
        self.note.show(lambda: self.tr("Đã lưu lời nhắc vào {name}.").format(name=target.name))
