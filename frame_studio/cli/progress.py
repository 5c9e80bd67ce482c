"""Batch progress on stderr: a bar with count, rate and ETA on a terminal, plain lines otherwise."""

from __future__ import annotations

import time
from typing import TextIO

BAR_WIDTH = 28


class Progress:
    """Reports each finished photo; never crashes on names the console cannot encode."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.done = 0
        self.started = time.monotonic()
        self.is_terminal = bool(getattr(stream, "isatty", lambda: False)())

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def advance(self, name: str, status: str, reason: str | None = None) -> None:
        """Count one finished input and show it."""
        self.done += 1
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        if status == "rejected":
            self._write(("\r\x1b[K" if self.is_terminal else "") + f"rejected: {name}: {reason}\n")
        if self.is_terminal:
            filled = round(BAR_WIDTH * self.done / max(self.total, 1))
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self._write(f"\r[{bar}] {self.done}/{self.total}  {rate:.1f} photos/s  ETA {left:.0f} s ")
        elif status != "rejected":
            self._write(f"[{self.done}/{self.total}] {status}: {name}\n")

    def finish(self) -> None:
        """End the bar's line."""
        if self.is_terminal and self.done:
            self._write("\n")
