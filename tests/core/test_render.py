"""Compose and export: the face lands in the window, padding looks filled, writes are atomic."""

from __future__ import annotations

import errno
import math
from pathlib import Path

import numpy as np
import pytest
from helpers import assert_image_similar, portrait_image
from PIL import Image

from frame_studio.core.atomic import export_error, write_atomic
from frame_studio.core.errors import ExportError
from frame_studio.core.faces import detect_faces
from frame_studio.core.frames import find_frame
from frame_studio.core.images import LoadedPhoto, load_photo
from frame_studio.core.pipeline import frame_photo
from frame_studio.core.placement import LOW_RESOLUTION, PADDED, Placement
from frame_studio.core.render import compose, save_image


def window_center_and_height(size: int) -> tuple[float, float, float]:
    x, y, w, h = (v * size for v in find_frame().window.box)
    return x + w / 2, y + h / 2, h


def test_framed_face_is_on_target_in_the_output(portrait: Path) -> None:
    framed = frame_photo(portrait, find_frame(), size=1080)
    assert framed.image.size == (1080, 1080)
    assert framed.image.mode == "RGB"
    # Detect again on the output: the face is centred in the window at about half its height.
    faces = detect_faces(framed.image)
    assert faces
    cx, cy, window_h = window_center_and_height(1080)
    fx, fy = faces[0].center
    assert math.hypot(fx - cx, fy - cy) < 0.05 * window_h
    assert 0.40 < faces[0].box[3] / window_h < 0.60


def test_output_reflects_the_placement_exactly() -> None:
    # A synthetic photo: left half black, right half white. Centre the window on the edge.
    pixels = np.zeros((400, 400, 3), np.uint8)
    pixels[:, 200:] = 255
    photo = LoadedPhoto(Image.fromarray(pixels), (400, 400), "PNG")
    frame = find_frame()
    out = np.asarray(compose(photo, Placement((200.0, 200.0), 200.0), frame, size=600))
    cx, cy, h = window_center_and_height(600)
    assert out[round(cy), round(cx - h / 4)].max() < 30  # left of centre: black
    assert out[round(cy), round(cx + h / 4)].min() > 225  # right of centre: white


def test_reduced_decode_gives_the_same_avatar_as_a_full_decode(tmp_path: Path) -> None:
    big = portrait_image().resize((2048, 2400), Image.Resampling.BICUBIC)
    path = tmp_path / "big.jpg"
    big.save(path, quality=95)
    frame = find_frame()
    full = load_photo(path)
    reduced = load_photo(path, min_long_side=700)
    assert reduced.scale < 1
    placement = Placement((1070.0, 900.0), 1700.0)
    a = compose(full, placement, frame, size=540)
    b = compose(reduced, placement, frame, size=540)
    assert_image_similar(b, a, 2.0, "reduced_vs_full")


def test_padded_area_carries_on_the_photo_beside_it(tmp_path: Path) -> None:
    # A tight close-up: the face fills the photo, so the window must be padded.
    close = portrait_image().crop((150, 90, 390, 370))
    path = tmp_path / "closeup.png"
    close.save(path)
    framed = frame_photo(path, find_frame(), size=540)
    assert PADDED in framed.flags
    cx, cy, h = window_center_and_height(540)
    scale = h / framed.placement.span
    left_edge = round(cx + (0 - framed.placement.center[0]) * scale)  # where the photo's left side lands
    assert left_edge > cx - h / 2 + 20  # there is padding on the left, inside the window
    pixels = np.asarray(framed.image).astype(int)
    row = round(cy + (close.height * 0.6 - framed.placement.center[1]) * scale)
    photo_side = pixels[row, left_edge + 8]
    padding = pixels[row, left_edge - 12]
    assert padding.max() > 20  # not an empty black hole
    assert np.abs(padding - photo_side).mean() < 60  # the colours of the photo beside it, darkened


def test_small_photo_is_flagged_low_resolution(tmp_path: Path) -> None:
    path = tmp_path / "small.jpg"
    portrait_image().resize((128, 150)).save(path)
    assert LOW_RESOLUTION in frame_photo(path, find_frame(), size=1080).flags


def test_export_has_no_exif_or_gps(tmp_path: Path) -> None:
    source = portrait_image()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif.get_ifd(0x8825)[2] = (21.0, 51.0, 0.0)  # GPS latitude
    path = tmp_path / "gps.jpg"
    source.save(path, exif=exif)
    with Image.open(path) as original:
        assert original.getexif().get_ifd(0x8825)
    framed = frame_photo(path, find_frame(), size=256)
    for suffix in (".png", ".jpg", ".webp"):
        out = save_image(framed.image, tmp_path / f"out{suffix}")
        with Image.open(out) as image:
            assert dict(image.getexif()) == {}
            assert "exif" not in image.info
            assert image.info.get("icc_profile")  # tagged sRGB


def test_save_never_overwrites_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "avatar.png"
    target.write_bytes(b"precious")
    image = Image.new("RGB", (64, 64), "red")
    with pytest.raises(ExportError) as caught:
        save_image(image, target)
    assert caught.value.code == "exists"
    assert target.read_bytes() == b"precious"
    save_image(image, target, overwrite=True)
    with Image.open(target) as written:
        assert written.size == (64, 64)
    assert [p.name for p in tmp_path.iterdir()] == ["avatar.png"]  # no temp file left


def test_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    def explode(handle: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as caught:
        write_atomic(tmp_path / "out.png", explode)
    assert caught.value.code == "disk_full"
    assert "disk is full" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_and_missing_folder_are_clear(tmp_path: Path) -> None:
    image = Image.new("RGB", (64, 64))
    with pytest.raises(ExportError, match="unknown output format"):
        save_image(image, tmp_path / "out.gif")
    with pytest.raises(ExportError, match="does not exist"):
        save_image(image, tmp_path / "missing" / "out.png")


def test_export_errors_read_plainly() -> None:
    path = Path("/x/out.png")
    assert export_error(path, OSError(errno.EACCES, "denied")).code == "not_writable"
    assert export_error(path, OSError(errno.EIO, "I/O error")).code == "write_failed"
