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


def _where(frame: Frame) -> str:
    """Where a frame comes from, to tell apart two frames with the same name."""
    folder = frame.folder
    return folder.parent.parent.name if folder.parent.name == "frames" else folder.name


def fill_frame_box(box: QComboBox, frames: list[Frame]) -> None:
    """Show `frames` in `box`; the selected frame stays selected when it is still there."""
    current = box.currentData()
    names = [frame.name for frame in frames]
    box.blockSignals(True)
    box.clear()
    for index, frame in enumerate(frames):
        label = frame_label(frame)
        if names.count(frame.name) > 1 and index != names.index(frame.name):
            label += f" · {_where(frame)}"
        box.addItem(label, frame.id)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)
