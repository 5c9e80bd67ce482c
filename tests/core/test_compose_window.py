"""Compose draws only the window, once, under the overlay, and decodes a photo once.

The reference images here are made the plain way, over the whole canvas (the photo resized
or turned onto all of it, the overlay pasted on top): drawing only what shows must give the
same avatar. Images are compared by the share of pixels that differ visibly (> 32 in a
channel), as the goldens are.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from helpers import portrait_image
from PIL import Image

from frame_studio.core.frames import Frame, bundled_frames, find_frame, load_frame
from frame_studio.core.images import LoadedPhoto, load_photo
from frame_studio.core.overlay import render_overlay
from frame_studio.core.pipeline import (
    analyse,
    frame_photo,
    photo_for_output,
    preview_reduction,
    window_pixels,
)
from frame_studio.core.placement import Placement, PlacementSettings
from frame_studio.core.render import compose

SIZE = 540
VISIBLE = 32
#: Share of pixels that may differ visibly from the whole-canvas reference.
TOLERANCE = 0.0005
LEVEL_OFF = PlacementSettings(level_head=False)


def visible_share(actual: Image.Image, expected: Image.Image) -> float:
    difference = np.abs(np.asarray(actual, dtype=np.int16) - np.asarray(expected, dtype=np.int16))
    return float((difference.max(axis=2) > VISIBLE).mean())


def canvas_to_photo(placement: Placement, frame: Frame, photo: LoadedPhoto) -> tuple[float, ...]:
    """Pillow's affine coefficients from canvas pixels to decoded-photo pixels (independent of render)."""
    wx, wy, ww, wh = (v * SIZE for v in frame.window.box)
    ratio = photo.scale * placement.span / wh
    cos, sin = math.cos(math.radians(placement.angle)), math.sin(math.radians(placement.angle))
    a, b, d, e = ratio * cos, -ratio * sin, ratio * sin, ratio * cos
    cx, cy = wx + ww / 2, wy + wh / 2
    return (
        a,
        b,
        photo.scale * placement.center[0] - a * cx - b * cy,
        d,
        e,
        photo.scale * placement.center[1] - d * cx - e * cy,
    )


def with_overlay(photo_canvas: Image.Image, frame: Frame) -> Image.Image:
    overlay = render_overlay(frame, SIZE)
    canvas = photo_canvas.convert("RGBA")
    canvas.alpha_composite(overlay)
    return canvas.convert("RGB")


@pytest.fixture(scope="module")
def big_portrait(tmp_path_factory: pytest.TempPathFactory) -> LoadedPhoto:
    path = tmp_path_factory.mktemp("photos") / "big.jpg"
    portrait_image().resize((1536, 1800), Image.Resampling.BICUBIC).save(path, quality=92)
    return load_photo(path)


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_the_window_is_the_whole_canvas_resized(big_portrait: LoadedPhoto, folder: Path) -> None:
    frame = load_frame(folder)
    placement = Placement((760.0, 800.0), 900.0)
    a, _, c, _, e, f = canvas_to_photo(placement, frame, big_portrait)
    box = (c, f, a * SIZE + c, e * SIZE + f)
    assert box[0] >= 0 and box[1] >= 0 and box[2] <= 1536 and box[3] <= 1800  # the photo covers it all
    whole = big_portrait.image.resize((SIZE, SIZE), Image.Resampling.LANCZOS, box=box)
    share = visible_share(compose(big_portrait, placement, frame, size=SIZE), with_overlay(whole, frame))
    assert share <= TOLERANCE, f"{share:.3%} of the pixels differ visibly"


def test_a_turned_window_is_the_whole_canvas_turned(big_portrait: LoadedPhoto) -> None:
    frame = find_frame()
    placement = Placement((760.0, 800.0), 480.0, 9.0)
    coeffs = canvas_to_photo(placement, frame, big_portrait)
    assert math.hypot(coeffs[0], coeffs[3]) < 1.25  # near 1:1, so no reduction comes first
    whole = big_portrait.image.transform(
        (SIZE, SIZE), Image.Transform.AFFINE, coeffs, Image.Resampling.BICUBIC
    )
    share = visible_share(compose(big_portrait, placement, frame, size=SIZE), with_overlay(whole, frame))
    assert share <= TOLERANCE, f"{share:.3%} of the pixels differ visibly"


def test_only_the_overlay_shows_outside_the_window(big_portrait: LoadedPhoto) -> None:
    frame = find_frame()
    avatar = np.asarray(compose(big_portrait, Placement((760.0, 780.0), 1300.0), frame, size=SIZE))
    overlay = np.asarray(render_overlay(frame, SIZE))
    opaque = overlay[..., 3] == 255
    assert opaque.mean() > 0.3
    assert np.array_equal(avatar[opaque], overlay[..., :3][opaque])


@pytest.mark.parametrize("angle", [0.0, 8.0])
def test_padding_fill_takes_each_side_from_the_photo_beside_it(angle: float) -> None:
    """A narrow photo, red on its left half and blue on its right, padded on both sides."""
    pixels = np.zeros((900, 400, 3), np.uint8)
    pixels[:, :200] = (200, 30, 30)
    pixels[:, 200:] = (30, 30, 200)
    photo = LoadedPhoto(Image.fromarray(pixels), (400, 900), "PNG")
    frame = find_frame()
    avatar = np.asarray(compose(photo, Placement((200.0, 450.0), 800.0, angle), frame, size=SIZE)).astype(int)
    wx, wy, ww, wh = (v * SIZE for v in frame.window.box)
    row = round(wy + wh / 2)
    photo_half = 200 * wh / 800  # the photo's half width on the canvas
    left = avatar[row, round(wx + ww / 2 - photo_half - 15)]
    right = avatar[row, round(wx + ww / 2 + photo_half + 15)]
    assert left[0] > 100 and left[2] < 60, left  # reddish, a little darker than the photo
    assert right[2] > 100 and right[0] < 60, right  # bluish
    assert left[0] < 200 and right[2] < 200  # darkened: the padding does not pass for the photo


def _jpeg(tmp_path: Path, face_height: int) -> Path:
    """A 12 MP phone-like JPEG with the real portrait `face_height` px tall in it (at most 2700)."""
    portrait = portrait_image()
    photo = Image.new("RGB", (4000, 3000), (120, 130, 140))
    size = (round(portrait.width * face_height / portrait.height), face_height)
    photo.paste(portrait.resize(size, Image.Resampling.BICUBIC), (1000, 3000 - face_height - 300))
    path = tmp_path / f"phone_{face_height}.jpg"
    photo.save(path, quality=92)
    return path


def test_a_photo_is_decoded_once_at_the_output_draft(tmp_path: Path) -> None:
    path, frame = _jpeg(tmp_path, 2400), find_frame()
    analysis = analyse(path, frame, settings=LEVEL_OFF)
    assert analysis.photo.image.size == (2000, 1500)  # the 1/2 draft, not the full photo
    assert analysis.photo.full_size == (4000, 3000)
    placement = analysis.result.placement
    assert analysis.photo.scale >= window_pixels(frame, 1080) / placement.span  # not upscaled
    assert photo_for_output(path, analysis, placement, frame, 1080) is analysis.photo  # no second decode


def test_a_small_face_is_decoded_again_so_nothing_is_upscaled(tmp_path: Path) -> None:
    path, frame = _jpeg(tmp_path, 1200), find_frame()
    analysis = analyse(path, frame, settings=LEVEL_OFF)
    placement = analysis.result.placement
    needed = window_pixels(frame, 1080) / placement.span
    assert analysis.photo.scale < needed <= 1  # the first decode is too small for this face
    output = photo_for_output(path, analysis, placement, frame, 1080)
    assert output.scale >= needed
    framed = frame_photo(path, frame, size=1080, analysis=analysis)
    from_full = compose(load_photo(path), placement, frame, size=1080)
    assert visible_share(framed.image, from_full) <= TOLERANCE


def test_a_preview_is_drawn_from_the_decode_reduced_as_far_as_it_keeps_its_pixels(tmp_path: Path) -> None:
    path, frame = _jpeg(tmp_path, 2400), find_frame()
    analysis = analyse(path, frame, settings=LEVEL_OFF)
    photo, placement = analysis.photo, analysis.result.placement
    assert preview_reduction(photo, placement, frame, 1080) == 1  # the export's own decode
    factor = preview_reduction(photo, placement, frame, 360)
    needed = window_pixels(frame, 360) / placement.span
    assert factor > 1
    assert photo.reduced(factor).scale >= needed  # nothing that shows is upscaled
    assert photo.reduced(2 * factor).scale < needed  # and reduced as far as that allows
    assert photo.reduced(factor).full_size == photo.full_size
