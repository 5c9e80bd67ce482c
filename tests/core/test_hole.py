"""Finding the transparent hole of a designer's overlay PNG, and placing a real face in it.

The PNGs are drawn here the way a designer exports them: an opaque, patterned RGBA canvas
with a transparent hole with anti-aliased edges (drawn 4x larger and reduced). Then a
frame with `shape = "auto"` and that PNG as its image layer frames a real portrait, and the
face is detected again on the output to check it sits in the hole.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from helpers import DATA
from PIL import Image, ImageDraw

from frame_studio.core.faces import detect_faces
from frame_studio.core.frames import load_frame
from frame_studio.core.hole import find_hole
from frame_studio.core.pipeline import frame_photo

SIZE = 800
SUPER = 4
LINK = "http://www.facebook.com/profilepicframes/?selected_overlay_id=663119041002834"

Box = tuple[float, float, float, float]


def _alpha(size: int, draw_holes: list[tuple[str, Box]], outside_round: bool) -> Image.Image:
    """An anti-aliased alpha mask: 255 everywhere except the holes (boxes in fractions)."""
    big = size * SUPER
    mask = Image.new("L", (big, big), 255)
    draw = ImageDraw.Draw(mask)
    if outside_round:  # a round design: transparent outside the big disc
        draw.rectangle((0, 0, big, big), fill=0)
        draw.ellipse((0, 0, big - 1, big - 1), fill=255)
    for shape, (x, y, w, h) in draw_holes:
        corners = (x * big, y * big, (x + w) * big - 1, (y + h) * big - 1)
        if shape == "circle":
            draw.ellipse(corners, fill=0)
        else:
            draw.rectangle(corners, fill=0)
    return mask.resize((size, size), Image.Resampling.BOX)


def designer_png(
    path: Path, holes: list[tuple[str, Box]], *, size: int = SIZE, outside_round: bool = False
) -> Path:
    """An opaque red-and-gold striped RGBA overlay with the given transparent holes."""
    stripes = (np.arange(size)[None, :] + np.arange(size)[:, None]) // 40 % 2
    red, gold = np.array([200, 16, 46]), np.array([246, 200, 70])
    rgb = np.where(stripes[..., None] == 1, gold, red).astype(np.uint8)
    image = Image.fromarray(rgb, "RGB").convert("RGBA")
    image.putalpha(_alpha(size, holes, outside_round))
    image.save(path)
    return path


def circle(cx: float, cy: float, r: float) -> tuple[str, Box]:
    return ("circle", (cx - r, cy - r, 2 * r, 2 * r))


def assert_box_close(actual: Box, expected: Box, tolerance: float = 0.01) -> None:
    assert all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True)), (actual, expected)


# ---------------------------------------------------------------------------------------
# find_hole on generated PNGs
# ---------------------------------------------------------------------------------------


def test_circular_hole_found_with_its_box(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [circle(0.5, 0.45, 0.3)])
    found = find_hole(png)
    assert found is not None
    shape, box = found
    assert shape == "circle"
    assert_box_close(box, (0.2, 0.15, 0.6, 0.6))


def test_off_centre_circle_still_covering_the_centre(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [circle(0.42, 0.58, 0.25)])
    found = find_hole(png)
    assert found is not None
    assert found[0] == "circle"
    assert_box_close(found[1], (0.17, 0.33, 0.5, 0.5))


def test_rectangular_hole_is_a_rect(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [("rect", (0.1, 0.2, 0.8, 0.5))])
    found = find_hole(png)
    assert found is not None
    shape, box = found
    assert shape == "rect"
    assert_box_close(box, (0.1, 0.2, 0.8, 0.5))


def test_square_hole_is_a_rect_not_a_circle(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [("rect", (0.2, 0.2, 0.6, 0.6))])
    found = find_hole(png)
    assert found is not None
    assert found[0] == "rect"
    assert_box_close(found[1], (0.2, 0.2, 0.6, 0.6))


def test_non_square_png_gives_fractions_of_each_side(tmp_path: Path) -> None:
    image = Image.new("RGBA", (1000, 500), (200, 16, 46, 255))
    ImageDraw.Draw(image).rectangle((100, 50, 899, 399), fill=(0, 0, 0, 0))
    image.save(tmp_path / "wide.png")
    found = find_hole(tmp_path / "wide.png")
    assert found is not None
    assert found[0] == "rect"
    assert_box_close(found[1], (0.1, 0.1, 0.8, 0.7))


def test_round_design_corners_are_not_the_hole(tmp_path: Path) -> None:
    """Transparent corners touch the border; the centre is opaque; the inner hole is it."""
    png = designer_png(tmp_path / "overlay.png", [circle(0.5, 0.28, 0.16)], outside_round=True)
    with Image.open(png) as image:
        assert image.getpixel((SIZE // 2, SIZE // 2))[3] == 255  # the centre is opaque
        assert image.getpixel((0, 0))[3] == 0  # the corners are transparent
    found = find_hole(png)
    assert found is not None
    assert found[0] == "circle"
    assert_box_close(found[1], (0.34, 0.12, 0.32, 0.32))


def test_largest_inner_hole_wins(tmp_path: Path) -> None:
    holes = [circle(0.5, 0.25, 0.18), circle(0.2, 0.8, 0.08)]
    png = designer_png(tmp_path / "overlay.png", holes, outside_round=True)
    found = find_hole(png)
    assert found is not None
    assert_box_close(found[1], (0.32, 0.07, 0.36, 0.36))


def test_round_design_with_hole_at_the_centre(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [circle(0.5, 0.5, 0.38)], outside_round=True)
    found = find_hole(png)
    assert found is not None
    assert found[0] == "circle"
    assert_box_close(found[1], (0.12, 0.12, 0.76, 0.76))


def test_no_hole_gives_none(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [])
    assert find_hole(png) is None


def test_only_transparent_corners_gives_none(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [], outside_round=True)
    assert find_hole(png) is None


def test_semi_transparent_area_is_not_a_hole(tmp_path: Path) -> None:
    image = Image.new("RGBA", (SIZE, SIZE), (200, 16, 46, 255))
    ImageDraw.Draw(image).ellipse((200, 200, 600, 600), fill=(0, 0, 0, 200))  # a soft shadow
    image.save(tmp_path / "overlay.png")
    assert find_hole(tmp_path / "overlay.png") is None


def test_rgb_png_without_alpha_gives_none(tmp_path: Path) -> None:
    png = designer_png(tmp_path / "overlay.png", [circle(0.5, 0.45, 0.3)])
    with Image.open(png) as image:
        image.convert("RGB").save(tmp_path / "flat.png")
    assert find_hole(tmp_path / "flat.png") is None


# ---------------------------------------------------------------------------------------
# End to end: a designer PNG frame places a real face in its hole
# ---------------------------------------------------------------------------------------


def designer_frame(folder: Path, hole: tuple[str, Box]) -> Path:
    """A frame folder: `shape = "auto"` and one image layer of a designer PNG."""
    folder.mkdir()
    designer_png(folder / "overlay.png", [hole], size=1080)
    (folder / "frame.toml").write_text(
        f"""
id = "designer"
name = "Designer overlay"
campaign = "Test"
link = "{LINK}"

[window]
shape = "auto"
image = "overlay.png"

[face]
center = [0.5, 0.5]
height = 0.45

[[layers]]
name = "overlay"
type = "image"
file = "overlay.png"
""",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize(
    "hole",
    [circle(0.5, 0.45, 0.3), circle(0.42, 0.56, 0.27), ("rect", (0.2, 0.12, 0.6, 0.66))],
    ids=["circle-high", "circle-low-left", "tall-rect"],
)
def test_designer_png_frame_places_the_face_in_the_hole(tmp_path: Path, hole: tuple[str, Box]) -> None:
    frame = load_frame(designer_frame(tmp_path / "designer", hole))
    assert frame.window.shape == hole[0]
    assert_box_close(frame.window.box, hole[1])

    size = 800
    framed = frame_photo(DATA / "grace_hopper.jpg", frame, size=size)
    assert framed.image.size == (size, size)
    assert "no_face" not in framed.flags

    faces = detect_faces(framed.image)
    assert len(faces) == 1, faces
    fx, fy = faces[0].center
    x, y, w, h = (v * size for v in hole[1])
    assert x < fx < x + w and y < fy < y + h, "the face is not inside the hole"
    assert abs(fx - (x + w / 2)) <= 0.1 * w, (fx, x + w / 2)
    assert abs(fy - (y + h / 2)) <= 0.1 * h, (fy, y + h / 2)
    # The face is about as tall as the frame asks (0.45 of the hole's height).
    assert 0.3 * h < faces[0].box[3] < 0.6 * h

    # Outside the hole the designer's opaque artwork covers the photo.
    pixels = np.asarray(framed.image.convert("RGB"), dtype=np.int16)
    with Image.open(tmp_path / "designer" / "overlay.png") as overlay:
        art = np.asarray(overlay.convert("RGBA").resize((size, size)), dtype=np.int16)
    opaque = art[..., 3] == 255
    assert float(np.abs(pixels[opaque] - art[opaque][:, :3]).mean()) < 3
