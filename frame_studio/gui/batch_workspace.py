"""The Batch workspace (HR). (Placeholder: being built.)"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from frame_studio.core.frames import Frame
from frame_studio.gui.settings import Settings


class BatchWorkspace(QWidget):
    """Frame a whole folder, review what was flagged, fix by hand."""

    fix_requested = Signal(object)

    def __init__(
        self, frames: list[Frame], pool: QThreadPool, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.frames, self.pool, self.settings = frames, pool, settings
        self.title = QLabel()
        QVBoxLayout(self).addWidget(self.title)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Hàng loạt"))

    def stop(self) -> None:
        """Stop a running batch (the window is closing)."""
