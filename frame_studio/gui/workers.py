"""The one worker pattern: a QRunnable whose QObject carries past-tense signals.

`Worker(fn, *args)` runs `fn(*args)` on the app's thread pool. When `fn` returns a
generator, each value it yields is emitted as `progressed` and its return value as
`finished`; otherwise `finished` carries the result. Any exception is emitted as `failed`
(never lost). A worker never touches widgets: connect its signals to slots in the GUI.
Cancelling sets `cancel`, an Event the work may check (pass it in yourself).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """Signals of one worker. `failed` carries (exception, formatted traceback)."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object, str)


class Worker(QRunnable):
    """Runs a function (or drains a generator) off the GUI thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = WorkerSignals()
        self.cancel = threading.Event()
        # Auto-delete stays on: the pool owns the C++ runnable until run() has returned, so
        # the GUI dropping its Python reference early can never free it mid-run.
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
            if isinstance(result, Generator):
                result = self._drain(result)
        except Exception as error:
            log.exception("worker failed")
            self.signals.failed.emit(error, traceback.format_exc())
        else:
            self.signals.finished.emit(result)

    def _drain(self, generator: Generator[Any, None, Any]) -> Any:
        try:
            while True:
                self.signals.progressed.emit(next(generator))
        except StopIteration as stop:
            return stop.value


def start_kept(pool: QThreadPool, worker: Worker, kept: set[Worker]) -> Worker:
    """Start `worker` on `pool`, holding it in `kept` until it has reported.

    The Python side must outlive the run (its signals and cancel flag), so the caller's
    set keeps it; it leaves the set when `finished` or `failed` arrives.
    """
    kept.add(worker)
    worker.signals.finished.connect(lambda _: kept.discard(worker))
    worker.signals.failed.connect(lambda *_: kept.discard(worker))
    pool.start(worker)
    return worker
