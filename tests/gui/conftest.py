"""GUI fixtures: settings in a temporary file, the bundled frames, a thread pool per test."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from frame_studio.core.frames import Frame
from frame_studio.gui.app import load_frames
from frame_studio.gui.settings import Settings


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """As in the app (frame_studio.gui.collector): no collection on pool threads."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """App settings stored in tmp_path, never in the user's profile."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def frames() -> list[Frame]:
    return load_frames()


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    """A pool for the test; waits for its workers so none outlives the test."""
    pool = QThreadPool()
    yield pool
    pool.waitForDone(30_000)
