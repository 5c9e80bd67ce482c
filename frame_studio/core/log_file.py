"""The app's log file, `frame-studio.log` in the user data folder, shared by the CLI and the GUI.

It is created only when the first record arrives. A windowed app has no console, so this
file is where its warnings and tracebacks go; the CLI writes there what it cannot say in
one line.
"""

from __future__ import annotations

import logging
import logging.handlers
import tempfile
from collections.abc import Callable
from pathlib import Path

from frame_studio.core.user_dirs import user_data_dir

LOG_FILE_NAME = "frame-studio.log"
_LOG_MAX_BYTES = 1_000_000
_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _RotatingLog(logging.handlers.RotatingFileHandler):
    """The log file itself; a record it cannot write (disk full...) is dropped quietly.

    There is nowhere else to report that, and a "--- Logging error ---" traceback on the
    terminal is exactly what the log file is there to avoid.
    """

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        """Drop the record."""


class LogFile(logging.Handler):
    """`frame-studio.log`, opened (and its folder created) only when the first record arrives.

    It goes in the user data folder, or in the temp folder when that folder cannot be created
    or written. When neither can, records are dropped and `path` stays None.
    """

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.setFormatter(logging.Formatter(_LOG_FORMAT))
        self.path: Path | None = None
        self._file: logging.Handler | None = None
        self._failed = False

    def _open(self) -> logging.Handler | None:
        folders: list[Callable[[], Path]] = [user_data_dir, lambda: Path(tempfile.gettempdir())]
        for folder in folders:
            try:
                path = folder() / LOG_FILE_NAME
                path.parent.mkdir(parents=True, exist_ok=True)
                handler = _RotatingLog(path, maxBytes=_LOG_MAX_BYTES, backupCount=1, encoding="utf-8")
            except OSError:
                continue  # nowhere to log this to yet: try the next folder
            handler.setFormatter(self.formatter)
            self.path = path
            return handler
        return None

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record, opening the file first if needed."""
        if self._file is None and not self._failed:
            self._file = self._open()
            self._failed = self._file is None
        if self._file is not None:
            self._file.emit(record)

    def close(self) -> None:
        """Close the file, if it was opened."""
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()
