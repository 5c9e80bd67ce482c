"""Python's garbage collector runs on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate, so a pool
thread can end up freeing Qt objects of the GUI thread, which crashes now and then. The
app turns automatic collection off and collects from a timer on the GUI thread instead
(the same generations and thresholds Python would use).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collects garbage on the GUI thread; create it once, on that thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def collect(self) -> None:
        """Collect the generations whose counts passed Python's own thresholds."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return
