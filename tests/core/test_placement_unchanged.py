"""The faster pipeline places every test photo where the pipeline before it did.

One decode per photo (at the output's draft, the detector's copy made from it) instead of a
small decode for detection and a second one for the output changes the pixels the detector
and the head levelling see a little. `EXPECTED` holds the placements the pipeline made
before that change (measured on these very photos); each must still be within a few output
pixels: the window's centre within `CENTER_PX`, its size within `SPAN_SHARE` (under 4 px at
the window's rim), its turn within `ANGLE_DEGREES` (about 4 px at the rim). The flags must
be the same.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from helpers import group_photo, portrait_image, turned
from PIL import Image

from frame_studio.core.frames import find_frame
from frame_studio.core.pipeline import DEFAULT_SIZE, analyse, window_pixels

CENTER_PX = 5.0
SPAN_SHARE = 0.01
#: Head levelling's landmarks move by up to half a degree when the pixels under them change
#: a little (its accuracy is about 0.6 degrees: docs/decisions/0007-head-levelling.md).
ANGLE_DEGREES = 0.6


def _gradient(size: tuple[int, int]) -> Image.Image:
    """A smooth phone-sized backdrop (no noise: the same bytes on every machine)."""
    width, height = size
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, width, dtype=np.float32)[None, :]
    rgb = np.stack([70 + 90 * y + 0 * x, 90 + 60 * x + 0 * y, 150 - 60 * y + 20 * x], axis=-1)
    return Image.fromarray(rgb.astype(np.uint8), "RGB")


def _on_phone_photo(face_height: int, at: tuple[int, int]) -> Image.Image:
    """The Grace Hopper portrait enlarged to `face_height` px tall on a 12 MP backdrop."""
    portrait = portrait_image("grace_hopper.jpg")
    width = round(portrait.width * face_height / portrait.height)
    photo = _gradient((4000, 3000))
    photo.paste(portrait.resize((width, face_height), Image.Resampling.BICUBIC), at)
    return photo


def _close_up() -> Image.Image:
    """Grace Hopper's face filling the picture: padded under a round window."""
    return portrait_image("grace_hopper.jpg").crop((100, 60, 420, 400)).resize((2400, 2550))


PHOTOS: dict[str, Callable[[], Image.Image]] = {
    "grace_hopper": portrait_image,
    "astronaut": lambda: portrait_image("astronaut.jpg"),
    "phone_large_face": lambda: _on_phone_photo(2100, (1100, 400)),
    "phone_small_face": lambda: _on_phone_photo(520, (1800, 1200)),
    "close_up": _close_up,
    "tilted": lambda: turned(portrait_image("grace_hopper.jpg"), 12).resize((2400, 2812)),
    "group": lambda: group_photo().resize((4 * group_photo().width, 4 * group_photo().height)),
}

#: (centre x, centre y, span, angle, flags) measured with the pipeline before one decode.
EXPECTED: dict[str, tuple[float, float, float, float, tuple[str, ...]]] = {
    "grace_hopper": (268.06, 226.74, 441.42, 0.00, ()),
    "astronaut": (223.32, 119.56, 236.17, 0.00, ()),
    "phone_large_face": (2039.72, 1205.07, 1424.11, 0.00, ()),
    "phone_small_face": (2026.50, 1400.03, 413.07, 0.00, ()),
    "close_up": (1200.00, 1275.00, 2953.38, 0.00, ("padded",)),
    "tilted": (1314.81, 1085.19, 1908.97, 8.51, ()),
    "group": (1068.73, 886.35, 1771.84, 0.00, ()),
}


@pytest.mark.parametrize("name", list(PHOTOS))
def test_the_placement_is_as_before(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.jpg"
    PHOTOS[name]().save(path, quality=92)
    frame = find_frame()
    result = analyse(path, frame).result
    cx, cy, span, angle, flags = EXPECTED[name]
    placed = result.placement
    pixels = window_pixels(frame, DEFAULT_SIZE) / span  # output pixels per source pixel
    moved = math.dist(placed.center, (cx, cy)) * pixels
    assert moved <= CENTER_PX, f"{name}: the window's centre moved {moved:.1f} px"
    assert abs(placed.span / span - 1) <= SPAN_SHARE, f"{name}: span {placed.span:.1f} != {span:.1f}"
    assert abs(placed.angle - angle) <= ANGLE_DEGREES, f"{name}: angle {placed.angle:.2f} != {angle:.2f}"
    assert result.flags == flags
