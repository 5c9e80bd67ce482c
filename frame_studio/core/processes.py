"""Who is writing: this process's identity, and whether the writer of a file is still alive.

Temp files and the output folder's lock carry their writer's host tag and process id, so
a run can tell files left by a crashed run (safe to clear or take over) from files a live
run is still writing (never touched). A process is known only on its own computer: for a
writer on another computer (a shared folder) the answer is "unknown", and callers fall
back on the file's age.
"""

from __future__ import annotations

import hashlib
import os
import platform
from dataclasses import dataclass

import psutil


def host_tag(host: str | None = None) -> str:
    """A short, file-name-safe tag of a computer's name (this one's by default)."""
    name = platform.node() if host is None else host
    return hashlib.sha1(name.casefold().encode("utf-8", "surrogateescape")).hexdigest()[:4]


@dataclass(frozen=True)
class Writer:
    """A process that writes into a folder.

    Attributes:
        host: the computer's tag (`host_tag`).
        pid: the process id on that computer.
        started: the process's start time (seconds since the epoch), which tells a live
            process from a later one that reuses the id; 0 when unknown.
    """

    host: str
    pid: int
    started: float = 0.0


def this_process() -> Writer:
    """The current process as a `Writer`."""
    pid = os.getpid()
    return Writer(host_tag(), pid, _start_time(pid) or 0.0)


def _start_time(pid: int) -> float | None:
    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.Error, OSError):
        return None


def is_alive(writer: Writer) -> bool | None:
    """True while the writer runs, False once it has ended, None when it runs elsewhere."""
    if writer.host != host_tag():
        return None
    started = _start_time(writer.pid)
    if started is None:
        return False
    return not writer.started or abs(started - writer.started) < 1.0
