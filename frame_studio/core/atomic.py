"""Atomic file writes that hold up on office storage: USB sticks, shared folders, open files.

A file is written to a temp file in the same folder, then published under its final name,
so a crash at any moment leaves either no file or the complete file (plus, at worst, a
temp file `.fs-<host>.<pid>.<random>.part`, which `remove_stale_temp_files` clears once its
writer has ended). An existing file is never replaced unless `overwrite` is given.

Publishing never depends on hard links: a hard link is tried (atomic and no-clobber);
where the file system refuses links (FAT32/exFAT, some shares: EINVAL, EACCES, EPERM...)
the folder is remembered and the final name is claimed by an exclusive create, then the
temp file replaces it. A replace that fails because another program holds the file open
(Windows: PermissionError while Excel, a viewer or an antivirus scan has it) is retried a
few times before a per-file error says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from frame_studio.core.errors import ExportError
from frame_studio.core.processes import Writer, host_tag, is_alive
from frame_studio.core.winpath import MAX_PATH, path_length, room_for_name

logger = logging.getLogger(__name__)

TEMP_SUFFIX = ".frame-studio.part"
"""The suffix of temp folders (packs, variants) while they are being filled."""
TEMP_NAME_LENGTH = 32
"""The longest temp file name this module makes (path-length checks count it)."""
RETRY_DELAYS = (0.1, 0.2, 0.4, 0.8, 1.5)
"""Waits between tries of a replace that another program blocks (seconds)."""
STALE_AFTER = 15 * 60
"""A temp file of a writer on another computer is taken as left over after this (seconds)."""

_TEMP_NAME = re.compile(r"^\.fs-(?P<host>[0-9a-f]{4})\.(?P<pid>\d+)\.[0-9a-z]+\.part$")
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_links_refused: set[str] = set()  # folders whose file system refused a hard link


def is_temp_name(name: str) -> bool:
    """True for the name of a temp file this module makes."""
    return _TEMP_NAME.match(name) is not None


def export_error(path: Path, exc: OSError) -> ExportError:
    """Turn an OS error into an `ExportError` with a plain sentence."""
    if exc.errno == errno.ENOSPC:
        return ExportError(path, "disk_full", "the disk is full; nothing was written")
    if exc.errno == errno.ENAMETOOLONG or _too_long(path):
        return _too_long_error(path)
    if exc.errno == errno.EROFS:
        return ExportError(path, "read_only", "the disk or folder is read-only")
    if exc.errno in {errno.EACCES, errno.EPERM}:
        return ExportError(path, "not_writable", "no permission to write here")
    if exc.errno == errno.ENOENT and not path.parent.is_dir():
        return ExportError(path, "no_folder", "the output folder does not exist")
    return ExportError(path, "write_failed", f"cannot write the file ({exc.strerror or exc})")


def _too_long(path: Path) -> bool:
    """True when Windows' path limit applies and the file or its temp file passes it."""
    room = room_for_name(path.parent)
    return room is not None and max(len(path.name), TEMP_NAME_LENGTH) > room


def _too_long_error(path: Path) -> ExportError:
    return ExportError(
        path,
        "path_too_long",
        f"the path is too long for Windows ({path_length(path)} characters, the limit is {MAX_PATH}); "
        "choose an output folder closer to the top of the drive",
    )


def _exists_error(path: Path) -> ExportError:
    return ExportError(path, "exists", "a file with this name already exists")


def _locked_error(path: Path) -> ExportError:
    return ExportError(
        path,
        "locked",
        "the file is open in another program (Excel, a photo viewer, an antivirus scan); "
        "close it and run again",
    )


def _open_temp(folder: Path) -> tuple[int, Path]:
    """Create a new temp file in `folder`; its name says which process writes it."""
    stamp = f".fs-{host_tag()}.{os.getpid()}."
    while True:
        temp = folder / f"{stamp}{secrets.token_hex(4)}.part"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666), temp
        except FileExistsError:
            continue


def _sync(handle: BinaryIO) -> None:
    """Flush to the disk; file systems that cannot (some shares, FUSE) are written anyway."""
    handle.flush()
    try:
        os.fsync(handle.fileno())
    except OSError as exc:
        if exc.errno not in {errno.EINVAL, errno.ENOTSUP, errno.ENOSYS, errno.EBADF}:
            raise
        logger.debug("fsync not supported here; written without it", exc_info=True)


def write_atomic(path: str | Path, write: Callable[[BinaryIO], None], *, overwrite: bool = False) -> Path:
    """Write a file atomically; `write` fills the open temp file.

    Raises:
        ExportError: the name is taken (and `overwrite` is False), the file is held open by
            another program, the disk is full, no permission, the path is too long...
            Nothing is left under the final name.
    """
    path = Path(path)
    if path.is_dir() or (not overwrite and (path.exists() or path.is_symlink())):
        raise _exists_error(path)
    if _too_long(path):
        raise _too_long_error(path)
    try:
        fd, temp = _open_temp(path.parent)
    except OSError as exc:
        raise export_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            _sync(handle)
        _publish(temp, path, overwrite=overwrite)
    except OSError as exc:
        raise export_error(path, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path


def write_bytes_atomic(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write bytes atomically."""

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_atomic(path, write, overwrite=overwrite)


def write_text_atomic(path: str | Path, text: str, *, overwrite: bool = False) -> Path:
    """Write UTF-8 text atomically (undecodable file names are backslash-escaped)."""
    return write_bytes_atomic(path, text.encode("utf-8", "backslashreplace"), overwrite=overwrite)


def _publish(temp: Path, path: Path, *, overwrite: bool) -> None:
    """Move a finished temp file to its final name (no-clobber unless `overwrite`)."""
    if overwrite:
        _replace(temp, path)
        return
    folder = str(path.parent)
    if folder not in _links_refused:
        try:
            os.link(temp, path)  # atomic, and fails if the name is taken
            return
        except FileExistsError:
            raise _exists_error(path) from None
        except OSError as exc:  # FAT32/exFAT, shares: EINVAL, EACCES, EPERM, ENOTSUP, EXDEV...
            logger.info("%s: hard links refused (%s); publishing without them", folder, exc)
            _links_refused.add(folder)
    _claim(path)
    try:
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            if path.stat().st_size == 0:  # our own empty claim, nothing of anyone else's
                path.unlink()
        raise


def _claim(path: Path) -> None:
    """Take the final name with an exclusive create: fails if anything has it already."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666))
    except FileExistsError:
        raise _exists_error(path) from None


def _replace(temp: Path, path: Path) -> None:
    """`os.replace`, retried while another program holds the target open."""
    for delay in (*RETRY_DELAYS, None):
        try:
            temp.replace(path)
            return
        except PermissionError as exc:
            if path.is_dir():
                raise _exists_error(path) from None
            if delay is None:
                logger.warning("%s: still held open after %d tries: %s", path, len(RETRY_DELAYS) + 1, exc)
                raise _locked_error(path) from None
            time.sleep(delay)


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files that crashed runs left in `folder` and below; returns how many.

    A temp file whose writer is still running (here, or recently on another computer) is
    kept: two runs into one folder never delete each other's work.
    """
    removed = 0
    now = time.time()
    for temp in folder.rglob(".fs-*.part"):
        match = _TEMP_NAME.match(temp.name)
        if match is None or temp.is_symlink():
            continue
        try:
            alive = is_alive(Writer(match["host"], int(match["pid"])))
            if alive or (alive is None and now - temp.stat().st_mtime < STALE_AFTER):
                continue
            temp.unlink()
            removed += 1
        except OSError:
            logger.warning("%s: cannot remove a left-over temp file", temp, exc_info=True)
    return removed
