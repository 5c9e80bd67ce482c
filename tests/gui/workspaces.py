"""Workspaces as the GUI tests build them: real widgets, sized like a small office screen."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from frame_studio.core.frames import Frame
from frame_studio.gui.batch_workspace import BatchWorkspace
from frame_studio.gui.photo_workspace import PhotoWorkspace
from frame_studio.gui.settings import Settings


def make_batch_workspace(
    qtbot: QtBot, frames: list[Frame], pool: QThreadPool, settings: Settings
) -> BatchWorkspace:
    """A Batch workspace with one worker process (a test's photos are few)."""
    workspace = BatchWorkspace(frames, pool, settings)
    workspace.workers = 1
    qtbot.addWidget(workspace)
    workspace.resize(1100, 720)
    return workspace


def make_photo_workspace(qtbot: QtBot, frames: list[Frame], pool: QThreadPool) -> PhotoWorkspace:
    """A Photo workspace, shown."""
    widget = PhotoWorkspace(frames, pool)
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.show()
    return widget
