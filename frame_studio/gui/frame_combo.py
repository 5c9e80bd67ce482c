"""Fill a frame chooser (a QComboBox of frame names with their ids), keeping the choice.

One row per frame, in the list's order, so row i is `frames[i]` for the workspaces. Frames
that came in a campaign pack are grouped under their campaign's name: the first frame of
a group carries the name in `GROUP_ROLE`, and `GroupDelegate` paints it as a header band
above that row; a click on the band selects nothing. Names are elided to a bounded width
(the full name is the tooltip) and the box asks only for a minimum contents length, so a
long name never widens the window. A frame whose campaign has ended is still offered (on
purpose), marked as ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
)

from frame_studio.core.campaign import MANIFEST
from frame_studio.core.frames import Frame

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # the campaign name shown above a group's first row
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 2  # the frame's folder, to keep the choice exactly
LABEL_PX = 340  # longest item text, in pixels; longer names are elided
MIN_CHARS = 22  # the box's own width, in characters (it never grows with the names)
HEADER_PAD = 6

Index = QModelIndex | QPersistentModelIndex


def frame_label(frame: Frame, today: dt.date | None = None) -> str:
    """The frame's name, marked when its campaign has ended."""
    return frame.name + _ended(frame, today)


def _ended(frame: Frame, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if frame.valid_until is not None and frame.valid_until < today:
        ended = QCoreApplication.translate("frames", "đã kết thúc {date}")
        return f" ({ended.format(date=frame.valid_until.strftime('%d/%m/%Y'))})"
    return ""


def pack_folder(frame: Frame) -> Path | None:
    """The opened campaign pack a frame came in (`<pack>/frames/<name>/`), or None."""
    frames = frame.folder.parent
    if frames.name == "frames" and (frames.parent / MANIFEST).is_file():
        return frames.parent
    return None


def group_of(frame: Frame) -> tuple[Path, str] | None:
    """The pack folder and campaign name a frame is grouped under (None: no group)."""
    folder = pack_folder(frame)
    if folder is None:
        return None
    return folder, frame.campaign or folder.name


def grouped(frames: Sequence[Frame]) -> list[Frame]:
    """The frames with every pack's frames together: frames without a pack first, order kept."""
    order: dict[Path | None, int] = {None: 0}
    for frame in frames:
        group = group_of(frame)
        order.setdefault(None if group is None else group[0], len(order))
    return sorted(frames, key=lambda frame: order[(group_of(frame) or (None,))[0]])


def elided(text: str, metrics: QFontMetrics, width: int = LABEL_PX) -> str:
    """`text` cut with “…” to fit `width` pixels."""
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def fill_frame_box(box: QComboBox, frames: Sequence[Frame]) -> None:
    """Show `frames` in `box`, grouped by campaign; the selected frame stays selected."""
    folder, current = box.currentData(FOLDER_ROLE), box.currentData()
    _GroupedBox.attach(box)
    metrics = box.fontMetrics()
    names = [(group_of(frame), frame.name) for frame in frames]
    box.blockSignals(True)
    box.clear()
    previous: tuple[Path, str] | None = None
    for index, frame in enumerate(frames):
        group = group_of(frame)
        name = frame.name
        if names.count((group, name)) > 1 and index != names.index((group, name)):
            name += f" · {frame.id}"  # two frames of one name in one group
        suffix = _ended(frame)
        label = elided(name, metrics, LABEL_PX - metrics.horizontalAdvance(suffix)) + suffix
        box.addItem(label, frame.id)
        box.setItemData(index, str(frame.folder), FOLDER_ROLE)
        full = name + suffix if group is None else f"{group[1]}\n{name}{suffix}"
        box.setItemData(index, full, Qt.ItemDataRole.ToolTipRole)
        if group is not None and group != previous:
            box.setItemData(index, elided(group[1], metrics), GROUP_ROLE)
        elif group is None and previous is not None:  # after a group: say these are apart
            other = QCoreApplication.translate("frames", "Khung khác")
            box.setItemData(index, other, GROUP_ROLE)
        previous = group
    found = box.findData(folder, FOLDER_ROLE) if folder is not None else -1
    box.setCurrentIndex(found if found >= 0 else max(0, box.findData(current)))
    box.setToolTip(str(box.currentData(Qt.ItemDataRole.ToolTipRole) or ""))
    box.blockSignals(False)


def header_height(metrics: QFontMetrics) -> int:
    """The height of a group's header band."""
    return metrics.height() + 2 * HEADER_PAD


class GroupDelegate(QStyledItemDelegate):
    """Draws a campaign's name (bold, grey, over a line) above the first row of its group."""

    def _header_font(self, option: QStyleOptionViewItem) -> QFont:
        return _bold(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        if index.data(GROUP_ROLE):
            size.setHeight(size.height() + header_height(QFontMetrics(self._header_font(option))))
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        header = index.data(GROUP_ROLE)
        if not header:
            super().paint(painter, option, index)
            return
        rect = option.rect
        font = self._header_font(option)
        band = header_height(QFontMetrics(font))
        painter.save()
        palette = option.palette
        painter.fillRect(rect.x(), rect.y(), rect.width(), band, palette.base())
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.left() + 4, rect.top() + 1, rect.right() - 4, rect.top() + 1)
        painter.setFont(font)
        painter.setPen(palette.placeholderText().color())
        text_rect = rect.adjusted(HEADER_PAD, 0, -HEADER_PAD, 0)
        text_rect.setTop(rect.top() + 2)
        text_rect.setHeight(band - 2)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), header)
        painter.restore()
        item = QStyleOptionViewItem(option)
        item.rect = rect.adjusted(0, band, 0, 0)
        super().paint(painter, item, index)


class _GroupedBox(QObject):
    """A frame box's helper (its child): the group delegate, header clicks, the tooltip."""

    def __init__(self, box: QComboBox) -> None:
        super().__init__(box)
        self.box = box
        self.delegate = GroupDelegate(self)
        box.setItemDelegate(self.delegate)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(MIN_CHARS)
        box.view().viewport().installEventFilter(self)  # after the popup's own: runs first
        box.installEventFilter(self)
        box.currentIndexChanged.connect(self._show_tooltip)

    @classmethod
    def attach(cls, box: QComboBox) -> None:
        """Set the box up once."""
        if box.findChild(cls) is None:
            cls(box)

    def _show_tooltip(self) -> None:
        self.box.setToolTip(str(self.box.currentData(Qt.ItemDataRole.ToolTipRole) or ""))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The box's text is elided; a press or release on a header band is swallowed."""
        if watched is self.box:
            if event.type() == QEvent.Type.Paint:
                self._paint_elided()
                return True
            return False
        if isinstance(event, QMouseEvent) and event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            return on_header(self.box.view(), event.position().toPoint())
        return False

    def _paint_elided(self) -> None:
        """Paint the box as QComboBox does, with its text cut by “…” where the box ends."""
        box = self.box
        painter = QStylePainter(box)
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
        )
        icon = option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0
        option.currentText = elided(option.currentText, box.fontMetrics(), field.width() - icon - 2)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()


def on_header(view: QAbstractItemView, point: QPoint) -> bool:
    """Whether a point of a frame box's popup (viewport coordinates) is on a group's header band."""
    index = view.indexAt(point)
    if not index.isValid() or not index.data(GROUP_ROLE):
        return False
    return point.y() - view.visualRect(index).top() < header_height(QFontMetrics(_bold(view.font())))


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
