"""The one worker pattern: a QRunnable whose QObject carries past-tense signals.

`Worker(fn, *args)` runs `fn(*args)` on the app's thread pool. When `fn` returns a
generator, each value it yields is emitted as `progressed` and its return value as
`finished`; otherwise `finished` carries the result. Any exception is emitted as `failed`
(never lost). A worker never touches widgets: connect its signals to slots in the GUI.
Cancelling sets `cancel`, an Event the work may check (pass it in yourself).

Lifetime: a worker (and its signals, a QObject of the GUI thread) must only ever be freed
on the GUI thread, after the pool thread is done with it. So the pool never deletes it
(no auto-delete), `run` drops what it held and notes when it returned, and
`start_kept` keeps it until well after that, releasing it when a later worker starts.
"""

from __future__ import annotations

import logging
import threading
import time
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
        self.returned_at: float | None = None  # monotonic time run() ended (set on the pool thread)
        self.setAutoDelete(False)

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
        finally:
            self.fn, self.args, self.kwargs = _done, (), {}  # free the work's inputs here
            self.returned_at = time.monotonic()

    def _drain(self, generator: Generator[Any, None, Any]) -> Any:
        try:
            while True:
                self.signals.progressed.emit(next(generator))
        except StopIteration as stop:
            return stop.value


#: How long after its run returned a worker is kept, so the pool thread is long done with it.
RELEASE_AFTER = 1.0


def _done(*args: Any, **kwargs: Any) -> None:
    """What a finished worker holds instead of its function."""


def start_kept(pool: QThreadPool, worker: Worker, kept: set[Worker]) -> Worker:
    """Start `worker` on `pool`, keeping it in the caller's `kept` set.

    Workers whose run ended more than `RELEASE_AFTER` seconds ago leave the set here, on the
    GUI thread, so a worker and its signals are never freed on a pool thread or mid-run.
    """
    now = time.monotonic()
    for old in [w for w in kept if w.returned_at is not None and now - w.returned_at > RELEASE_AFTER]:
        kept.discard(old)
    kept.add(worker)
    pool.start(worker)
    return worker
