"""The output folder of a batch: checked before any work, and held by one batch at a time.

`claim_output_folder` creates the folder, proves it can be written (a read-only USB stick,
a share without write permission or a path too long for Windows each get one sentence
before a photo is touched), then takes the lock file `.frame-studio.lock`. The lock names
its owner (computer, process, start time); a second batch into the same folder waits or
is refused, and a lock left by a crashed run is recognised and taken over: on this
computer because its process has ended, from another computer because its owner stopped
refreshing it. Last, temp files that no live run owns are cleared.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import platform
import secrets
import threading
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from frame_studio.core.atomic import TEMP_NAME_LENGTH, remove_stale_temp_files, write_bytes_atomic
from frame_studio.core.errors import ExportError, FrameStudioError
from frame_studio.core.processes import Writer, is_alive, this_process
from frame_studio.core.winpath import MAX_PATH, path_length, room_for_name

logger = logging.getLogger(__name__)

LOCK_NAME = ".frame-studio.lock"
REFRESH_EVERY = 20.0
"""The holder touches the lock this often (seconds)."""
FOREIGN_STALE_AFTER = 120.0
"""A lock from another computer not refreshed for this long belongs to a crashed run."""


class FolderError(FrameStudioError):
    """The output folder cannot be used: not creatable, not writable, busy, path too long."""


class FolderBusyError(FolderError):
    """Another live batch holds the output folder.

    Attributes:
        computer: the name of the computer it runs on ("" when unknown).
        pid: its process id on that computer (0 when unknown).
        since: when it took the folder, "YYYY-MM-DD HH:MM" local time ("" when unknown).
    """

    def __init__(self, folder: Path, computer: str, pid: int, since: str) -> None:
        self.computer, self.pid, self.since = computer, pid, since
        who = f"on {computer or 'another computer'}, process {pid or '?'}" + (
            f", since {since}" if since else ""
        )
        super().__init__(
            folder, "busy", f"another batch is writing into this folder ({who}); wait for it to finish"
        )


class FolderLock:
    """The lock of one output folder, held by this process until `release`."""

    def __init__(self, folder: Path, token: str) -> None:
        self.folder, self.path, self.token = folder, folder / LOCK_NAME, token
        self._refreshed = time.monotonic()

    def refresh(self) -> None:
        """Show other computers that this run is alive (cheap: at most every few seconds)."""
        if time.monotonic() - self._refreshed < REFRESH_EVERY:
            return
        self._refreshed = time.monotonic()
        try:
            os.utime(self.path)
        except OSError:
            logger.warning("%s: cannot refresh the lock", self.path, exc_info=True)

    def release(self) -> None:
        """Remove the lock, if it is still ours."""
        if (_read(self.path) or {}).get("token") != self.token:
            return
        try:
            self.path.unlink()
        except OSError:
            logger.warning("%s: cannot remove the lock", self.path, exc_info=True)

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def check_output_folder(folder: Path) -> None:
    """Create `folder` if needed and prove it can be written.

    Raises:
        FolderError: with a sentence for the user (codes: path_too_long, not_a_folder,
            read_only, not_writable, disk_full, cannot_create).
    """
    room = room_for_name(folder)
    if room is not None and room < max(TEMP_NAME_LENGTH, len(LOCK_NAME)):
        raise FolderError(
            folder,
            "path_too_long",
            f"the output folder's path is too long for Windows ({path_length(folder)} characters; "
            f"a file in it would pass the limit of {MAX_PATH}): "
            "choose a folder closer to the top of the drive",
        )
    if folder.exists() and not folder.is_dir():
        raise FolderError(folder, "not_a_folder", "the output path exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(folder, exc, "cannot create the output folder") from None
    probe = folder / f".fs-probe-{secrets.token_hex(4)}.tmp"
    try:
        with probe.open("xb") as handle:
            handle.write(b"frame-studio")
    except OSError as exc:
        raise _folder_error(folder, exc, "cannot write into the output folder") from None
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def _folder_error(folder: Path, exc: OSError, what: str) -> FolderError:
    if exc.errno == errno.EROFS:
        return FolderError(folder, "read_only", f"{what}: the disk or folder is read-only")
    if exc.errno in {errno.EACCES, errno.EPERM}:
        return FolderError(folder, "not_writable", f"{what}: no permission to write there")
    if exc.errno == errno.ENOSPC:
        return FolderError(folder, "disk_full", f"{what}: the disk is full")
    if exc.errno == errno.ENAMETOOLONG:
        return FolderError(folder, "path_too_long", f"{what}: the path is too long")
    return FolderError(folder, "cannot_create", f"{what} ({exc.strerror or exc})")


def claim_output_folder(
    folder: str | Path, *, wait: float = 0.0, cancel: threading.Event | None = None, poll: float = 1.0
) -> FolderLock:
    """Check the output folder, take its lock and clear left-over temp files.

    Args:
        folder: the batch's output folder (created if missing).
        wait: how long to wait for another batch to finish (seconds; `float("inf")`: until
            it does or `cancel` is set); 0 refuses at once.
        cancel: stops the wait.
        poll: seconds between looks at a busy lock.

    Raises:
        FolderError: the folder cannot be used; FolderBusyError: another live batch holds it.
    """
    folder = Path(folder)
    check_output_folder(folder)
    deadline = time.monotonic() + wait
    while True:
        lock = _try_lock(folder)
        if isinstance(lock, FolderLock):
            remove_stale_temp_files(folder)
            return lock
        if time.monotonic() >= deadline or (cancel is not None and cancel.is_set()):
            raise _busy_error(folder, lock)
        if cancel is None:
            time.sleep(poll)
        else:
            cancel.wait(poll)


def _try_lock(folder: Path) -> FolderLock | dict[str, Any]:
    """The lock, or the record of the live batch that holds it."""
    path = folder / LOCK_NAME
    token = secrets.token_hex(8)
    owner = this_process()
    record = asdict(owner) | {
        "token": token,
        "computer": platform.node(),
        "since": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    for _ in range(5):
        try:
            write_bytes_atomic(path, json.dumps(record).encode(), overwrite=False)
            return FolderLock(folder, token)
        except ExportError as error:
            if error.code != "exists":
                message = f"cannot lock the output folder: {error.message}"
                raise FolderError(folder, error.code, message) from None
        held = _read(path)
        if not _stale(path, held):
            return held or {}
        _take_over(path)
    return _read(path) or {}


def _read(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _stale(path: Path, held: dict[str, Any] | None) -> bool:
    """True when the lock's owner has ended (or, elsewhere, stopped refreshing it)."""
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return True  # released meanwhile: try again
    except OSError:
        return False
    if held is None:  # unreadable, or being written this instant
        return age > FOREIGN_STALE_AFTER
    try:
        owner = Writer(str(held["host"]), int(held["pid"]), float(held.get("started") or 0))
    except (KeyError, TypeError, ValueError):
        return age > FOREIGN_STALE_AFTER
    alive = is_alive(owner)
    return alive is False or (alive is None and age > FOREIGN_STALE_AFTER)


def _take_over(path: Path) -> None:
    """Move a dead run's lock away; of two runs doing this at once, one wins the next create."""
    aside = path.with_name(f"{LOCK_NAME}.{secrets.token_hex(4)}.stale")
    try:
        path.rename(aside)
        aside.unlink()
        logger.info("%s: took over the lock of a run that has ended", path)
    except FileNotFoundError:
        pass  # another run took it first
    except OSError:
        logger.warning("%s: cannot move a stale lock away", path, exc_info=True)


def _busy_error(folder: Path, held: dict[str, Any]) -> FolderBusyError:
    try:
        pid = int(held.get("pid") or 0)
    except (TypeError, ValueError):
        pid = 0
    since = str(held.get("since") or "")[:16].replace("T", " ")
    return FolderBusyError(folder, str(held.get("computer") or ""), pid, since)
