"""A PNG's hole is measured once and kept on disk; a changed file is measured again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from frame_studio.core import hole
from frame_studio.core.hole import find_hole
from frame_studio.core.user_dirs import DATA_DIR_VARIABLE


@pytest.fixture(autouse=True)
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "profile"))
    hole._kept_hole.cache_clear()
    return tmp_path / "profile" / "cache" / "holes"


def overlay_png(path: Path, box: tuple[int, int, int, int]) -> Path:
    """A 400 px opaque overlay with a transparent rectangle at `box` (pixels)."""
    image = Image.new("RGBA", (400, 400), (160, 20, 30, 255))
    ImageDraw.Draw(image).rectangle(box, fill=(0, 0, 0, 0))
    image.save(path)
    return path


def test_a_hole_is_measured_once_then_read_back(tmp_path: Path, profile: Path) -> None:
    png = overlay_png(tmp_path / "frame.png", (100, 80, 299, 279))
    assert find_hole(png) == ("rect", (0.25, 0.2, 0.5, 0.5))
    [kept] = profile.glob("*.json")
    kept.write_text(json.dumps({"shape": "rect", "box": [0.1, 0.1, 0.2, 0.2]}))
    hole._kept_hole.cache_clear()  # a new process
    assert find_hole(png) == ("rect", (0.1, 0.1, 0.2, 0.2))  # read from the disk, not measured


def test_a_changed_file_is_measured_again(tmp_path: Path) -> None:
    png = overlay_png(tmp_path / "frame.png", (100, 80, 299, 279))
    assert find_hole(png) == ("rect", (0.25, 0.2, 0.5, 0.5))
    before = png.stat().st_mtime_ns
    overlay_png(png, (40, 40, 239, 239))
    os.utime(png, ns=(before + 10**9, before + 10**9))
    assert find_hole(png) == ("rect", (0.1, 0.1, 0.5, 0.5))


def test_a_damaged_record_is_measured_again(tmp_path: Path, profile: Path) -> None:
    png = overlay_png(tmp_path / "frame.png", (100, 80, 299, 279))
    find_hole(png)
    [kept] = profile.glob("*.json")
    kept.write_text("{not json")
    hole._kept_hole.cache_clear()
    assert find_hole(png) == ("rect", (0.25, 0.2, 0.5, 0.5))


def test_a_png_without_a_hole_is_kept_as_none(tmp_path: Path, profile: Path) -> None:
    png = tmp_path / "solid.png"
    Image.new("RGBA", (200, 200), (1, 2, 3, 255)).save(png)
    assert find_hole(png) is None
    [kept] = profile.glob("*.json")
    assert json.loads(kept.read_text()) is None
