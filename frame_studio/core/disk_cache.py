"""Small files kept between runs, so work done once is not done at every start or in every worker.

They live in `cache/<kind>/` of the user's data folder (`user_dirs`), named by a hash of
everything the result depends on (`file_name`), the app's version always among it. A cache
is only a saving: a missing, damaged or unwritable file costs only the work again, never a
failure. Each kind keeps its `MAX_FILES` newest files.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path
from typing import BinaryIO

from frame_studio import __version__
from frame_studio.core.user_dirs import user_data_dir

#: Files kept per kind; older ones are removed when a new one is written.
MAX_FILES = 32

logger = logging.getLogger(__name__)


def cache_folder(kind: str) -> Path:
    """The folder of one kind of cached file, e.g. `cache_folder("overlays")`."""
    return user_data_dir() / "cache" / kind


def file_name(parts: list[str], suffix: str) -> str:
    """A file name that changes whenever any of `parts` (or the app's version) does."""
    digest = hashlib.sha256("\n".join([__version__, *parts]).encode()).hexdigest()[:32]
    return f"{digest}{suffix}"


def read_bytes(path: Path) -> bytes | None:
    """The cached file's content, or None when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(handle: BinaryIO, *, data: bytes) -> None:
    handle.write(data)


def _age(path: Path) -> int:
    """A file's modification time; 0 for one another worker removed meanwhile."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def store(path: Path, data: bytes) -> None:
    """Write a cached file atomically, then remove the oldest beyond `MAX_FILES` and the temp
    files of writers that were killed; never raises."""
    from frame_studio.core.atomic import remove_stale_temp_files, write_atomic  # psutil: not at loading

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, functools.partial(_write, data=data), overwrite=True)
        kept = sorted(path.parent.glob(f"*{path.suffix}"), key=_age, reverse=True)
        for old in kept[MAX_FILES:]:
            old.unlink(missing_ok=True)
        remove_stale_temp_files(path.parent)
    except Exception as error:  # noqa: BLE001 - a cache is only a saving: never a failure
        logger.info("%s not cached (%s)", path.name, error)
