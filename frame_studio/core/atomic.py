"""Atomic file writes: a temp file in the same folder, fsync, then a rename.

A crash at any moment leaves either no file or the complete file under the final name
(plus, at worst, a hidden `.*.frame-studio.part` temp file, which
`remove_stale_temp_files` clears on the next run). An existing file is never replaced unless
`overwrite` is given.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from frame_studio.core.errors import ExportError

TEMP_SUFFIX = ".frame-studio.part"


def export_error(path: Path, exc: OSError) -> ExportError:
    """Turn an OS error into an `ExportError` with a plain sentence."""
    if exc.errno == errno.ENOSPC:
        return ExportError(path, "disk_full", "the disk is full; nothing was written")
    if exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return ExportError(path, "not_writable", "no permission to write here")
    if exc.errno == errno.ENOENT:
        return ExportError(path, "no_folder", "the output folder does not exist")
    return ExportError(path, "write_failed", f"cannot write the file ({exc.strerror or exc})")


def _exists_error(path: Path) -> ExportError:
    return ExportError(path, "exists", "a file with this name already exists")


def write_atomic(path: str | Path, write: Callable[[BinaryIO], None], *, overwrite: bool = False) -> Path:
    """Write a file atomically; `write` fills the open temp file.

    Raises:
        ExportError: the name is taken (and `overwrite` is False), the disk is full,
            no permission, ... Nothing is left under the final name.
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise _exists_error(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.stem[:32]}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise export_error(path, exc) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o644)
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
        temp.replace(path)
        return
    try:
        os.link(temp, path)  # atomic, and fails if the name is taken
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError as exc:
        if exc.errno not in {errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}:
            raise
        if path.exists():  # a file system without hard links
            raise _exists_error(path) from None
        temp.replace(path)


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files a killed run left in `folder` and below; returns how many."""
    removed = 0
    for temp in folder.rglob(f".*{TEMP_SUFFIX}"):
        if temp.is_file() and not temp.is_symlink():
            with contextlib.suppress(OSError):
                temp.unlink()
                removed += 1
    return removed
