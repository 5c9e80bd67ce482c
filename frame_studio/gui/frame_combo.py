"""Fill a frame chooser (a QComboBox of frame names with their ids), keeping the choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from frame_studio.core.frames import Frame


def fill_frame_box(box: QComboBox, frames: list[Frame]) -> None:
    """Show `frames` in `box`; the selected frame stays selected when it is still there."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for frame in frames:
        box.addItem(frame.name, frame.id)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)
