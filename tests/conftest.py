"""Shared fixtures. Qt must run offscreen on machines with no display: set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


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
