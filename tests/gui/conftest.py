"""GUI fixtures: settings in a temporary file, the bundled frames, a thread pool per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from frame_studio.core.frames import Frame
from frame_studio.gui.app import load_frames
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """App settings stored in tmp_path, never in the user's profile."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def frames() -> list[Frame]:
    return load_frames()


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder for the test (packs open into it), never the real one."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def pool(qtbot: QtBot) -> Iterator[QThreadPool]:
    """A pool for the test, drained before pytest-qt closes the test's widgets.

    It depends on `qtbot`, so it is set up after it and torn down before it: every worker
    has returned before any widget it reports to is closed, as when the app quits.
    """
    pool = QThreadPool()
    yield pool
    pool.waitForDone(30_000)


@pytest.fixture
def window(qtbot: QtBot, frames: list[Frame], settings: Settings, pool: QThreadPool) -> Iterator[MainWindow]:
    """The main window with the test's settings and pool (Vietnamese again afterwards)."""
    widget = MainWindow(frames, settings, pool)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.set_language("vi")  # the translator is the application's: leave it as found
