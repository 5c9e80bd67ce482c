"""Every bundled frame, rendered on a real portrait, matches its golden image.

There is one golden per text layout: RAQM in golden/, Pillow's basic layout (what its
Windows wheels have) in golden/basic/. Glyphs move by a pixel or two between the two, so
one image cannot stand for both: 1.5-3.0% of the pixels differ visibly between the two
goldens. The RAQM goldens are skipped where Pillow has no RAQM.

An image matches when few pixels differ visibly (by more than 32 in a channel), not by a
mean: measured at 360 px, the smallest layer (the badge's star) is 0.13% of the pixels and
the badge's "2020 – 2025" 0.27%, while the RAQM renders drifted from their goldens by at
most 0.01% (photo placement; no text) since these were made.

After a deliberate design change, regenerate the goldens and look at them:
`FRAME_STUDIO_UPDATE_GOLDENS=1 ./scripts/test tests/core/test_frame_goldens.py`. That run
fails on purpose (a rewritten golden proves nothing); the next run without it must pass.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from helpers import DATA, FAILURES
from PIL import Image, ImageFont

from frame_studio.core import overlay, render, text_layout
from frame_studio.core.frames import bundled_frames, load_frame
from frame_studio.core.pipeline import frame_photo

GOLDEN = DATA / "golden"
GOLDEN_BY_LAYOUT = {ImageFont.Layout.RAQM: GOLDEN, ImageFont.Layout.BASIC: GOLDEN / "basic"}
SIZE = 360
VISIBLE = 32
#: Share of pixels that may differ visibly: 5x the drift measured, under the smallest layer.
TOLERANCE = 0.0005
UPDATE = os.environ.get("FRAME_STUDIO_UPDATE_GOLDENS") == "1"


def _drop_caches() -> None:
    overlay.load_font.cache_clear()
    overlay.render_overlay.cache_clear()
    render._overlay_parts.cache_clear()


def visible_differences(actual: Image.Image, expected: Image.Image) -> np.ndarray:
    """Where the two images differ by more than VISIBLE in some channel."""
    difference = np.abs(np.asarray(actual, np.int16) - np.asarray(expected, np.int16)).max(axis=2)
    result: np.ndarray = difference > VISIBLE
    return result


def assert_matches(actual: Image.Image, expected: Image.Image, name: str) -> None:
    """Few pixels differ visibly; if too many do, save actual, expected and a diff under FAILURES."""
    differs = visible_differences(actual, expected)
    share = float(differs.mean())
    if share > TOLERANCE:
        FAILURES.mkdir(exist_ok=True)
        actual.save(FAILURES / f"{name}.actual.png")
        expected.save(FAILURES / f"{name}.expected.png")
        Image.fromarray(differs.astype(np.uint8) * 255).save(FAILURES / f"{name}.diff.png")
        pytest.fail(f"{name}: {share:.3%} of the pixels differ visibly > {TOLERANCE:.3%} (see {FAILURES})")


@pytest.fixture(params=list(GOLDEN_BY_LAYOUT), ids=lambda layout: layout.name.lower())
def golden_dir(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Draw text with one layout for the whole test; its goldens' folder."""
    layout = request.param
    if layout is ImageFont.Layout.RAQM and text_layout.available_layout() is not layout:
        pytest.skip("this Pillow has no RAQM")
    monkeypatch.setattr(text_layout, "LAYOUT", layout)
    _drop_caches()
    yield GOLDEN_BY_LAYOUT[layout]
    _drop_caches()


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_bundled_frame_matches_its_golden(folder: Path, golden_dir: Path) -> None:
    frame = load_frame(folder)
    actual = frame_photo(DATA / "grace_hopper.jpg", frame, size=SIZE).image
    golden = golden_dir / f"{frame.id}.png"
    if UPDATE:
        actual.save(golden)
        pytest.fail(f"{golden} rewritten: look at it, then run again without FRAME_STUDIO_UPDATE_GOLDENS")
    assert golden.is_file(), f"no golden for {frame.id}: run with FRAME_STUDIO_UPDATE_GOLDENS=1 and look"
    with Image.open(golden) as expected:
        assert_matches(actual, expected.convert("RGB"), f"{golden_dir.name}_{frame.id}")


def test_every_golden_has_a_frame() -> None:
    ids = {load_frame(folder).id for folder in bundled_frames()}
    for folder in GOLDEN_BY_LAYOUT.values():
        assert {p.stem for p in folder.glob("*.png")} <= ids, folder


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_a_frame_missing_any_one_layer_fails_its_golden(folder: Path, golden_dir: Path) -> None:
    """The comparison is fine enough to see each layer: leave one out and the golden differs."""
    frame = load_frame(folder)
    with Image.open(golden_dir / f"{frame.id}.png") as golden:
        expected = golden.convert("RGB")
    for index, layer in enumerate(frame.layers):
        partial = dataclasses.replace(frame, layers=frame.layers[:index] + frame.layers[index + 1 :])
        actual = frame_photo(DATA / "grace_hopper.jpg", partial, size=SIZE).image
        share = float(visible_differences(actual, expected).mean())
        assert share > TOLERANCE, f"{frame.id} without layer {index} ({layer.kind}): {share:.3%} differs"
