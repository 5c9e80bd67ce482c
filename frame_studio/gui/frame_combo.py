"""Fill a frame chooser (a QComboBox of frame names with their ids), keeping the choice.

A frame whose campaign has ended is still offered (on purpose), marked as ended.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from frame_studio.core.frames import Frame


def frame_label(frame: Frame, today: dt.date | None = None) -> str:
    """The frame's name, marked when its campaign has ended."""
    today = today or dt.date.today()
    if frame.valid_until is not None and frame.valid_until < today:
        ended = QCoreApplication.translate("frames", "đã kết thúc {date}")
        return f"{frame.name} ({ended.format(date=frame.valid_until.strftime('%d/%m/%Y'))})"
    return frame.name


def fill_frame_box(box: QComboBox, frames: list[Frame]) -> None:
    """Show `frames` in `box`; the selected frame stays selected when it is still there."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for frame in frames:
        box.addItem(frame_label(frame), frame.id)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)
