"""Every bundled frame, rendered on a real portrait, matches its golden image.

After a deliberate design change, regenerate the goldens and look at them:
`FRAME_STUDIO_UPDATE_GOLDENS=1 ./scripts/test tests/core/test_frame_goldens.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import DATA, assert_image_similar
from PIL import Image

from frame_studio.core.frames import bundled_frames, load_frame
from frame_studio.core.pipeline import frame_photo

GOLDEN = DATA / "golden"
SIZE = 360
UPDATE = os.environ.get("FRAME_STUDIO_UPDATE_GOLDENS") == "1"


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_bundled_frame_matches_its_golden(folder: Path) -> None:
    frame = load_frame(folder)
    actual = frame_photo(DATA / "grace_hopper.jpg", frame, size=SIZE).image
    golden = GOLDEN / f"{frame.id}.png"
    if UPDATE:
        actual.save(golden)
    assert golden.is_file(), f"no golden for {frame.id}: run with FRAME_STUDIO_UPDATE_GOLDENS=1 and look"
    with Image.open(golden) as expected:
        assert_image_similar(actual, expected.convert("RGB"), 1.5, f"golden_{frame.id}")


def test_every_golden_has_a_frame() -> None:
    ids = {load_frame(folder).id for folder in bundled_frames()}
    assert {p.stem for p in GOLDEN.glob("*.png")} <= ids
