"""Shared fixtures. Qt must run offscreen on machines with no display: set before any Qt import.

The suite runs on Windows too. A test that needs a POSIX-only call (a FIFO, a symlink, a
uid, chmod making something unreadable, process groups and signals) is marked
`@pytest.mark.posix` (optionally `posix(reason=...)`) and is skipped on Windows with its
reason. Nothing POSIX-only may run at import or in an unguarded fixture: the collection
must work where those calls do not exist (tests/test_windows_collect.py checks it).

`FRAME_STUDIO_DATA_DIR` points at a temporary folder for the whole run.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app's own files (log, opened packs, the overlay and hole caches) go to a folder of the
# run's, never into the user's profile; a test that needs its own sets it again.
os.environ.setdefault("FRAME_STUDIO_DATA_DIR", tempfile.mkdtemp(prefix="frame-studio-tests-"))

import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
POSIX_REASON = "needs a POSIX-only call (fifo, uid, chmod-read-only, symlink, signals)"


def skip_posix_only(items: Iterable[pytest.Item], *, windows: bool) -> None:
    """On Windows, add a skip (with the marker's reason) to every test marked `posix`."""
    if not windows:
        return
    for item in items:
        marker = item.get_closest_marker("posix")
        if marker is not None:
            reason = marker.kwargs.get("reason") or POSIX_REASON
            item.add_marker(pytest.mark.skip(reason=f"POSIX only: {reason}"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_posix_only(items, windows=sys.platform == "win32")


@pytest.fixture
def data_dir() -> Path:
    """The folder of committed test photos (read-only: copy before changing anything)."""
    return DATA


@pytest.fixture
def portrait(tmp_path: Path) -> Path:
    """A copy of a real public-domain portrait (Grace Hopper), safe to touch."""
    target = tmp_path / "grace_hopper.jpg"
    shutil.copyfile(DATA / "grace_hopper.jpg", target)
    return target
