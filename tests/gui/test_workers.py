"""Worker lifetimes are owned: released from their own `ended` signal, never reporting to a dead widget."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from frame_studio.gui.workers import Worker, keeper, start_worker

pytestmark = pytest.mark.gui


class Listener(QWidget):
    """A widget that starts workers and records what they report."""

    def __init__(self, pool: QThreadPool) -> None:
        super().__init__()
        self.pool = pool
        self.results: list[tuple[object, object]] = []
        self.errors: list[tuple[str, object]] = []

    def start(self, worker: Worker) -> Worker:
        worker.signals.finished.connect(self.finished)
        worker.signals.failed.connect(self.failed)
        return start_worker(self.pool, worker)

    def finished(self, result: object, context: object) -> None:
        self.setToolTip(str(result))  # raises if this widget's C++ object is gone
        self.results.append((result, context))

    def failed(self, error: BaseException, _trace: str, context: object) -> None:
        self.errors.append((str(error), context))


def divide(a: int, b: int) -> float:
    return a / b


def test_results_and_errors_arrive_with_their_context(qtbot: QtBot, pool: QThreadPool) -> None:
    listener = Listener(pool)
    qtbot.addWidget(listener)
    good, bad = Worker(divide, 6, 3, context="six"), Worker(divide, 1, 0, context="zero")
    listener.start(good)
    listener.start(bad)
    qtbot.waitUntil(lambda: bool(listener.results and listener.errors), timeout=10_000)
    assert listener.results == [(2.0, "six")]
    assert listener.errors == [("division by zero", "zero")]


def test_a_worker_is_released_on_the_gui_thread_when_it_ends(qtbot: QtBot, pool: QThreadPool) -> None:
    listener = Listener(pool)
    qtbot.addWidget(listener)
    release = threading.Event()
    worker = listener.start(Worker(release.wait, 10))
    signals = worker.signals
    assert signals.parent() is keeper()  # owned by Qt, not by whichever thread drops it last
    assert worker in keeper().running.values()
    release.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(signals), timeout=10_000)  # ended, then deleteLater
    assert worker not in keeper().running.values()


def test_a_closed_widget_gets_no_report_from_a_late_worker(qtbot: QtBot, pool: QThreadPool) -> None:
    release = threading.Event()
    listener = Listener(pool)
    worker = listener.start(Worker(release.wait, 10, context="late"))
    signals = worker.signals
    listener.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(listener), timeout=5_000)
    assert shiboken6.isValid(signals)  # the worker still runs: its signals live on
    release.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(signals), timeout=10_000)  # ended, then released
    # A report delivered to the deleted widget would have raised in its slot (pytest-qt fails on that).
