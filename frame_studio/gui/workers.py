"""The one worker pattern: a QRunnable whose QObject carries past-tense signals.

`Worker(fn, *args, context=...)` runs `fn(*args)` on a thread pool. When `fn` returns a
generator, each value it yields is emitted as `progressed` and its return value as
`finished`; otherwise `finished` carries the result. Any exception is emitted as `failed`
(never lost). Both also carry the worker's `context` (what the slot needs to know about the
request, e.g. the photo's path), so slots are bound methods, never lambdas that capture a
widget. A worker never touches widgets. Cancelling sets `cancel`, an Event the work may
check (pass it in yourself).

Lifetimes are owned, not timed. `start_worker(pool, worker)` hands the worker to the app's
keeper, a QObject child of the QApplication, which makes the worker's signals object its
own child. So Qt, not Python's garbage collector on whichever thread drops the last
reference, decides when that QObject is freed: when the worker emits `ended` (its last
act), the keeper lets go of the worker and deletes its signals with `deleteLater`, on the
GUI thread. A widget that closes while its worker still runs loses nothing but the reports:
its slots are bound methods, so Qt drops those connections with the widget. Whoever owns
the pool drains it (`waitForDone`) before widgets close: the main window on close, the
tests' `pool` fixture before pytest-qt closes the widgets.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from frame_studio.core.errors import FrameStudioError

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """Signals of one worker.

    `finished(result, context)`, `failed(error, formatted traceback, context)`,
    `progressed(value)`, then always `ended()`.
    """

    progressed = Signal(object)
    finished = Signal(object, object)
    failed = Signal(object, str, object)
    ended = Signal()


class Worker(QRunnable):
    """Runs a function (or drains a generator) off the GUI thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, context: object = None, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs, self.context = fn, args, kwargs, context
        self.signals = WorkerSignals()
        self.cancel = threading.Event()
        self.setAutoDelete(False)  # the keeper holds it until `ended`

    def run(self) -> None:
        signals, context = self.signals, self.context
        try:
            result = self.fn(*self.args, **self.kwargs)
            if isinstance(result, Generator):
                result = self._drain(result)
        except Exception as error:
            if isinstance(error, FrameStudioError):  # expected: the slot tells the person
                log.info("worker: %s", error)
            else:
                log.exception("worker failed")
            signals.failed.emit(error, traceback.format_exc(), context)
        else:
            signals.finished.emit(result, context)
        finally:
            self.fn, self.args, self.kwargs = _done, (), {}  # free the work's inputs on this thread
            signals.ended.emit()

    def _drain(self, generator: Generator[Any, None, Any]) -> Any:
        try:
            while True:
                self.signals.progressed.emit(next(generator))
        except StopIteration as stop:
            return stop.value


def _done(*args: Any, **kwargs: Any) -> None:
    """What a finished worker holds instead of its function."""


class _Keeper(QObject):
    """Holds every started worker until its `ended` arrives on the GUI thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.running: dict[WorkerSignals, Worker] = {}

    def keep(self, worker: Worker) -> None:
        worker.signals.setParent(self)
        worker.signals.ended.connect(self._release)
        self.running[worker.signals] = worker

    def _release(self) -> None:
        signals = self.sender()
        if isinstance(signals, WorkerSignals) and self.running.pop(signals, None) is not None:
            signals.deleteLater()


def keeper() -> _Keeper:
    """The app's keeper of running workers (made on first use, a child of the application)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("workers need a QApplication")
    found = app.findChild(_Keeper)
    return found if isinstance(found, _Keeper) else _Keeper(app)


def start_worker(pool: QThreadPool, worker: Worker) -> Worker:
    """Start `worker` on `pool`; it is kept, and released on the GUI thread when it ends."""
    keeper().keep(worker)
    pool.start(worker)
    return worker
