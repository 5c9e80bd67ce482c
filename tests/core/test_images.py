"""Tests of `load_photo`: formats, EXIF orientation, colour modes, ICC, limits, draft, errors.

Every photo is generated here with Pillow/numpy under tmp_path, except the HEIC (Pillow and
pi-heif cannot write one), which is committed as tests/data/astronaut.heic.
"""

from __future__ import annotations

import io
import os
import struct
import threading
import time
import warnings
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from helpers import assert_image_similar
from PIL import Image, ImageCms

from frame_studio.core.errors import ImageLoadError
from frame_studio.core.images import MAX_PIXELS, load_photo

RED, GREEN, BLUE, WHITE = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)


def quadrants(size: tuple[int, int] = (128, 80)) -> Image.Image:
    """Four flat colours, one per quadrant: every flip or rotation of it looks different."""
    width, height = size
    array = np.zeros((height, width, 3), np.uint8)
    array[: height // 2, : width // 2] = RED
    array[: height // 2, width // 2 :] = GREEN
    array[height // 2 :, : width // 2] = BLUE
    array[height // 2 :, width // 2 :] = WHITE
    return Image.fromarray(array, "RGB")


def save(image: Image.Image, path: Path, format: str, **params: Any) -> Path:
    image.save(path, format, **params)
    return path


def load_error(path: Path, **kwargs: Any) -> ImageLoadError:
    """Load a bad file and return the error, checking it names the file."""
    with pytest.raises(ImageLoadError) as caught:
        load_photo(path, **kwargs)
    assert str(path) in str(caught.value)
    return caught.value


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def crafted_png(tmp_path: Path, width: int, height: int) -> Path:
    """A small valid PNG whose IHDR (with a correct CRC) claims width x height pixels."""
    buffer = io.BytesIO()
    Image.new("L", (64, 64)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(data[12:29]))
    path = tmp_path / f"claims_{width}x{height}.png"
    path.write_bytes(bytes(data))
    return path


def swapped_primaries_profile() -> bytes:
    """sRGB with its red and blue primaries swapped: pure red in it is pure blue in sRGB."""
    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    (count,) = struct.unpack(">I", icc[128:132])
    entries = {bytes(icc[132 + 12 * i : 136 + 12 * i]): 132 + 12 * i for i in range(count)}
    red, blue = entries[b"rXYZ"], entries[b"bXYZ"]
    icc[red + 4 : red + 12], icc[blue + 4 : blue + 12] = icc[blue + 4 : blue + 12], icc[red + 4 : red + 12]
    icc[84:100] = bytes(16)  # profile ID (an MD5 of the contents) no longer matches: clear it
    return bytes(icc)


# --- formats --------------------------------------------------------------------------------

FORMATS = [
    # (Pillow writer, extra save parameters, expected format, tolerance)
    ("JPEG", {"quality": 95}, "JPEG", 3.0),
    ("PNG", {}, "PNG", 0.0),
    ("WEBP", {"quality": 90}, "WEBP", 3.0),
    ("GIF", {}, "GIF", 0.0),
    ("BMP", {}, "BMP", 0.0),
    ("TIFF", {}, "TIFF", 0.0),
    ("AVIF", {"quality": 90}, "AVIF", 4.0),
]


@pytest.mark.parametrize(("writer", "params", "expected_format", "tolerance"), FORMATS, ids=lambda v: v)
def test_allowed_formats_decode(
    tmp_path: Path, writer: str, params: dict[str, Any], expected_format: str, tolerance: float
) -> None:
    reference = quadrants()
    photo = load_photo(save(reference, tmp_path / "photo", writer, **params))
    assert photo.format == expected_format
    assert photo.image.mode == "RGB"
    assert photo.full_size == photo.image.size == (128, 80)
    assert photo.scale == 1.0
    assert_image_similar(photo.image, reference, tolerance, f"format-{writer}")


@pytest.mark.parametrize(("writer", "expected_format"), [("MPO", "MPO"), ("PNG", "PNG"), ("GIF", "GIF")])
def test_multi_frame_formats_give_the_first_frame(tmp_path: Path, writer: str, expected_format: str) -> None:
    first, second = quadrants(), Image.new("RGB", (128, 80), (20, 200, 90))
    path = save(first, tmp_path / "animated", writer, save_all=True, append_images=[second])
    with Image.open(path) as written:
        assert getattr(written, "n_frames", 1) == 2
    photo = load_photo(path)
    assert photo.format == expected_format
    assert_image_similar(photo.image, first, 3.0, f"first-frame-{writer}")


def test_heic_decodes(data_dir: Path) -> None:
    path = data_dir / "astronaut.heic"
    before = fingerprint(path)
    photo = load_photo(path)
    assert photo.format == "HEIF"
    assert photo.image.mode == "RGB"
    assert photo.full_size == (128, 128)
    with Image.open(data_dir / "astronaut.jpg") as source:
        reference = source.convert("RGB").resize((128, 128), Image.Resampling.LANCZOS)
    assert_image_similar(photo.image, reference, 6.0, "heic")
    assert fingerprint(path) == before


@pytest.mark.parametrize(("writer", "name"), [("PNG", "photo.jpg"), ("JPEG", "photo.png"), ("WEBP", "photo")])
def test_format_is_detected_by_content_not_name(tmp_path: Path, writer: str, name: str) -> None:
    photo = load_photo(save(quadrants(), tmp_path / name, writer))
    assert photo.format == writer
    assert photo.image.getpixel((10, 10)) == pytest.approx(RED, abs=3)


@pytest.mark.parametrize("writer", ["PCX", "ICO", "PPM", "TGA", "SGI"])
def test_formats_outside_the_allow_list_are_rejected(tmp_path: Path, writer: str) -> None:
    path = save(quadrants(), tmp_path / "photo.jpg", writer)
    with Image.open(path) as image:  # Pillow itself can read it...
        assert image.format == writer
    error = load_error(path)  # ...but we don't
    assert error.code == "not_an_image"
    assert "not a supported image" in error.message


def test_real_portrait_loads(portrait: Path) -> None:
    photo = load_photo(portrait)
    with Image.open(portrait) as original:
        assert photo.full_size == original.size
    assert photo.format == "JPEG"
    assert photo.image.mode == "RGB"


# --- EXIF orientation -----------------------------------------------------------------------

# How a camera stores an upright picture for each EXIF orientation (independent of Pillow).
STORED_AS = {
    1: lambda a: a,
    2: lambda a: a[:, ::-1],
    3: lambda a: a[::-1, ::-1],
    4: lambda a: a[::-1],
    5: lambda a: a.transpose(1, 0, 2),
    6: lambda a: np.rot90(a, 1),
    7: lambda a: np.rot90(a, 2).transpose(1, 0, 2),
    8: lambda a: np.rot90(a, -1),
}


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("writer", ["JPEG", "PNG", "WEBP", "TIFF", "AVIF"])
def test_exif_orientation_is_applied(tmp_path: Path, writer: str, orientation: int) -> None:
    upright = quadrants()
    stored = Image.fromarray(np.ascontiguousarray(STORED_AS[orientation](np.asarray(upright))))
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = save(stored, tmp_path / "photo", writer, exif=exif, quality=95)
    photo = load_photo(path)
    assert photo.full_size == photo.image.size == (128, 80)
    assert_image_similar(photo.image, upright, 4.0, f"orientation-{writer}-{orientation}")


def test_orientation_swaps_full_size_with_draft(tmp_path: Path) -> None:
    stored = Image.fromarray(np.ascontiguousarray(np.rot90(np.asarray(quadrants((1600, 1200))), 1)))
    exif = Image.Exif()
    exif[0x0112] = 6
    photo = load_photo(save(stored, tmp_path / "photo.jpg", "JPEG", exif=exif), min_long_side=400)
    assert photo.full_size == (1600, 1200)
    assert photo.image.size == (400, 300)
    assert photo.scale == 0.25
    assert photo.image.getpixel((20, 20)) == pytest.approx(RED, abs=3)


@pytest.mark.parametrize(
    "exif",
    [
        b"Exif\x00\x00garbage, not a TIFF header",
        b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x05\x01",  # claims 5 entries, has none
        # one entry: orientation 9, which does not exist
        b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x09\x00",
    ],
    ids=["garbage", "cut-short", "orientation-9"],
)
def test_broken_exif_is_ignored(tmp_path: Path, exif: bytes) -> None:
    path = save(quadrants(), tmp_path / "photo.jpg", "JPEG", exif=exif, quality=95)
    photo = load_photo(path)
    assert photo.full_size == (128, 80)
    assert_image_similar(photo.image, quadrants(), 3.0, "broken-exif")


# --- colour modes ---------------------------------------------------------------------------


def test_palette_with_transparency_becomes_rgba(tmp_path: Path) -> None:
    image = Image.new("P", (64, 64), 0)
    image.putpalette([10, 20, 30, 200, 100, 50])
    image.paste(1, (32, 0, 64, 64))
    photo = load_photo(save(image, tmp_path / "photo.png", "PNG", transparency=0))
    assert photo.image.mode == "RGBA"
    assert photo.image.getchannel("A").getpixel((5, 5)) == 0
    assert photo.image.getpixel((40, 5)) == (200, 100, 50, 255)


def test_gif_with_transparency_becomes_rgba(tmp_path: Path) -> None:
    image = Image.new("P", (64, 64), 1)
    image.putpalette([0, 0, 0, 30, 120, 240])
    image.paste(0, (0, 0, 64, 32))
    photo = load_photo(save(image, tmp_path / "photo.gif", "GIF", transparency=0))
    assert photo.image.mode == "RGBA"
    assert photo.image.getchannel("A").getpixel((5, 5)) == 0
    assert photo.image.getpixel((5, 50)) == (30, 120, 240, 255)


def test_rgb_with_transparent_colour_becomes_rgba(tmp_path: Path) -> None:
    photo = load_photo(save(quadrants(), tmp_path / "photo.png", "PNG", transparency=GREEN))
    assert photo.image.mode == "RGBA"
    assert photo.image.getchannel("A").getpixel((100, 10)) == 0
    assert photo.image.getpixel((10, 10)) == (*RED, 255)


def test_rgba_keeps_its_alpha(tmp_path: Path) -> None:
    array = np.zeros((64, 80, 4), np.uint8)
    array[..., 0] = 200
    array[..., 3] = np.arange(80, dtype=np.uint8)[None, :] * 3
    photo = load_photo(save(Image.fromarray(array, "RGBA"), tmp_path / "photo.png", "PNG"))
    assert photo.image.mode == "RGBA"
    np.testing.assert_array_equal(np.asarray(photo.image), array)


def test_grey_with_alpha_becomes_rgba(tmp_path: Path) -> None:
    photo = load_photo(save(Image.new("LA", (64, 64), (100, 128)), tmp_path / "photo.png", "PNG"))
    assert photo.image.mode == "RGBA"
    assert photo.image.getpixel((3, 3)) == (100, 100, 100, 128)


def test_grey_becomes_rgb(tmp_path: Path) -> None:
    photo = load_photo(save(Image.new("L", (64, 64), 77), tmp_path / "photo.png", "PNG"))
    assert photo.image.mode == "RGB"
    assert photo.image.getpixel((3, 3)) == (77, 77, 77)


@pytest.mark.parametrize(
    ("values", "expected"),
    [((0, 32896, 65535, 257), (0, 128, 255, 1)), ((0, 100, 200, 255), (0, 0, 1, 1))],
    ids=["full-range", "very-dark"],
)
def test_16_bit_grey_is_scaled_to_8_bit(
    tmp_path: Path, values: tuple[int, ...], expected: tuple[int, ...]
) -> None:
    array = np.repeat(np.array(values, np.uint16), 16)[None, :].repeat(64, axis=0)
    path = save(Image.fromarray(array), tmp_path / "photo.png", "PNG")
    with Image.open(path) as written:
        assert written.mode == "I;16"
    photo = load_photo(path)
    assert photo.image.mode == "RGB"
    assert [photo.image.getpixel((16 * i, 0)) for i in range(4)] == [(v, v, v) for v in expected]


def test_float_tiff_becomes_8_bit(tmp_path: Path) -> None:
    array = np.repeat(np.array([0.0, 0.5, 1.0, np.nan], np.float32), 16)[None, :].repeat(64, axis=0)
    photo = load_photo(save(Image.fromarray(array, "F"), tmp_path / "photo.tif", "TIFF"))
    assert photo.image.mode == "RGB"
    assert [photo.image.getchannel("R").getpixel((16 * i, 0)) for i in range(4)] == [0, 128, 255, 0]


@pytest.mark.parametrize("writer", ["PNG", "BMP", "TIFF"])
def test_one_bit_becomes_black_and_white(tmp_path: Path, writer: str) -> None:
    image = Image.new("1", (64, 64), 0)
    image.paste(1, (32, 0, 64, 64))
    photo = load_photo(save(image, tmp_path / "photo", writer))
    assert photo.image.mode == "RGB"
    assert photo.image.getpixel((5, 5)) == (0, 0, 0)
    assert photo.image.getpixel((40, 5)) == WHITE


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    image = Image.new("CMYK", (64, 64), (0, 255, 255, 0))  # red
    image.paste((255, 0, 0, 0), (32, 0, 64, 64))  # cyan
    photo = load_photo(save(image, tmp_path / "photo.jpg", "JPEG", quality=95))
    assert photo.image.mode == "RGB"
    assert photo.image.getpixel((5, 5)) == pytest.approx(RED, abs=3)
    assert photo.image.getpixel((50, 5)) == pytest.approx((0, 255, 255), abs=3)


# --- ICC profiles ---------------------------------------------------------------------------


@pytest.mark.parametrize("writer", ["PNG", "JPEG", "TIFF"])
def test_embedded_profile_is_converted_to_srgb(tmp_path: Path, writer: str) -> None:
    path = save(quadrants(), tmp_path / "photo", writer, icc_profile=swapped_primaries_profile(), quality=95)
    photo = load_photo(path)
    assert photo.image.getpixel((10, 10)) == pytest.approx(BLUE, abs=4)  # red in that profile
    assert photo.image.getpixel((10, 70)) == pytest.approx(RED, abs=4)  # and blue is red
    assert photo.image.getpixel((100, 10)) == pytest.approx(GREEN, abs=4)


def test_embedded_profile_keeps_alpha(tmp_path: Path) -> None:
    image = quadrants().convert("RGBA")
    image.putalpha(90)
    photo = load_photo(save(image, tmp_path / "photo.png", "PNG", icc_profile=swapped_primaries_profile()))
    assert photo.image.mode == "RGBA"
    assert photo.image.getpixel((10, 10)) == pytest.approx((*BLUE, 90), abs=4)


@pytest.mark.parametrize(
    "icc",
    [b"garbage, not a profile", ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()],
    ids=["garbage", "lab-profile-on-rgb"],
)
def test_unusable_profile_is_ignored(tmp_path: Path, icc: bytes) -> None:
    photo = load_photo(save(quadrants(), tmp_path / "photo.png", "PNG", icc_profile=icc))
    assert photo.image.mode == "RGB"
    assert_image_similar(photo.image, quadrants(), 0.0, "unusable-icc")


# --- size limits ----------------------------------------------------------------------------


@pytest.mark.parametrize("side", [20_000, 11_000])  # beyond Pillow's own error; between it and ours
def test_oversized_header_is_rejected_without_decoding(tmp_path: Path, side: int) -> None:
    assert side * side > MAX_PIXELS
    path = crafted_png(tmp_path, side, side)
    start = time.perf_counter()
    error = load_error(path)
    assert time.perf_counter() - start < 1.0
    assert error.code == "too_large"  # decoding would have failed as truncated instead
    assert "too large" in error.message


def test_image_under_our_limit_but_over_pillows_warning_does_not_warn(tmp_path: Path) -> None:
    path = crafted_png(tmp_path, 10_000, 10_000)  # 100 MP: Pillow warns above 89 MP
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        error = load_error(path)
    assert error.code in {"truncated", "damaged"}  # got past the header, to the missing pixels


@pytest.mark.parametrize("size", [(63, 200), (200, 63), (10, 10)])
def test_too_small_is_rejected(tmp_path: Path, size: tuple[int, int]) -> None:
    error = load_error(save(Image.new("RGB", size), tmp_path / "photo.png", "PNG"))
    assert error.code == "too_small"
    assert "too small" in error.message


def test_smallest_allowed_size_loads(tmp_path: Path) -> None:
    assert load_photo(save(Image.new("RGB", (64, 64)), tmp_path / "photo.png", "PNG")).full_size == (64, 64)


# --- broken and non-image files ---------------------------------------------------------------


def truncated(tmp_path: Path, writer: str) -> Path:
    """Two thirds of a noisy photo, as left by an interrupted copy."""
    buffer = io.BytesIO()
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (200, 300, 3), np.uint8)).save(buffer, writer)
    path = tmp_path / "photo"
    path.write_bytes(buffer.getvalue()[: buffer.tell() * 2 // 3])
    return path


@pytest.mark.parametrize("writer", ["JPEG", "PNG", "GIF", "TIFF", "BMP"])
def test_truncated_file_is_rejected(tmp_path: Path, writer: str) -> None:
    error = load_error(truncated(tmp_path, writer))
    assert error.code == "truncated"
    assert "truncated" in error.message


@pytest.mark.parametrize("writer", ["WEBP", "AVIF"])
def test_truncated_webp_and_avif_are_rejected(tmp_path: Path, writer: str) -> None:
    # Their decoders cannot tell a cut file from a broken one (AVIF even fails to identify it).
    assert load_error(truncated(tmp_path, writer)).code in {"damaged", "not_an_image"}


def test_corrupted_jpeg_data_is_rejected(tmp_path: Path) -> None:
    data = bytearray(save(quadrants(), tmp_path / "photo.jpg", "JPEG").read_bytes())
    start = data.index(b"\xff\xda")  # start of scan: wreck the header that follows
    data[start + 2 : start + 12] = b"\xff" * 10
    path = tmp_path / "broken.jpg"
    path.write_bytes(bytes(data))
    error = load_error(path)
    assert error.code in {"damaged", "truncated"}


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.jpg"
    os.mkfifo(path)
    return path


def _dangling_link(tmp_path: Path) -> Path:
    path = tmp_path / "link.jpg"
    path.symlink_to(tmp_path / "gone.jpg")
    return path


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "notes.jpg"
    path.write_text("these are notes, not a photo\n" * 20)
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    return path


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "album.jpg"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        pytest.param(lambda tmp: tmp / "missing.jpg", "not_found", "does not exist", id="missing"),
        pytest.param(
            _dangling_link,
            "not_found",
            "points to a missing file",
            id="dangling-link",
            marks=pytest.mark.posix(reason="symlinks need a privilege on Windows"),
        ),
        pytest.param(_empty, "empty", "empty", id="empty"),
        pytest.param(_text, "not_an_image", "not a supported image", id="text"),
        pytest.param(_folder, "not_a_file", "folder", id="folder"),
        pytest.param(
            _fifo,
            "not_a_file",
            "special file",
            id="fifo",
            marks=pytest.mark.posix(reason="no FIFOs on Windows"),
        ),
        pytest.param(
            lambda tmp: Path("/dev/null"),
            "not_a_file",
            "special file",
            id="device",
            marks=pytest.mark.posix(reason="no /dev/null on Windows"),
        ),
    ],
)
def test_files_that_are_not_photos_are_rejected(tmp_path: Path, make: Any, code: str, words: str) -> None:
    path = make(tmp_path)
    outcome: list[ImageLoadError] = []

    def attempt() -> None:
        outcome.append(load_error(path))

    worker = threading.Thread(target=attempt, daemon=True)  # a FIFO must not block the loader
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "load_photo hung"
    assert len(outcome) == 1
    assert outcome[0].code == code
    assert words in outcome[0].message


@pytest.mark.posix(reason="chmod 0 does not make a file unreadable on Windows")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = save(quadrants(), tmp_path / "photo.jpg", "JPEG")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("this user (root) reads any file")
        error = load_error(path)
    finally:
        path.chmod(0o600)
    assert error.code == "unreadable"
    assert "permission denied" in error.message


# --- draft: reduced JPEG decoding ---------------------------------------------------------------


@pytest.fixture(scope="module")
def big_jpeg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save(quadrants((4000, 3000)), tmp_path_factory.mktemp("draft") / "big.jpg", "JPEG", quality=90)


@pytest.mark.parametrize(
    ("min_long_side", "expected"), [(640, (1000, 750)), (1, (500, 375)), (0, (500, 375))]
)
def test_jpeg_draft_decodes_smaller(big_jpeg: Path, min_long_side: int, expected: tuple[int, int]) -> None:
    photo = load_photo(big_jpeg, min_long_side=min_long_side)
    assert photo.full_size == (4000, 3000)
    assert photo.image.size == expected
    assert max(photo.image.size) >= min_long_side
    assert photo.scale == expected[0] / 4000 < 1
    assert_image_similar(photo.image, quadrants(expected), 2.0, f"draft-{min_long_side}")


@pytest.mark.parametrize("min_long_side", [None, 4000, 9000])
def test_jpeg_draft_never_goes_below_the_request(big_jpeg: Path, min_long_side: int | None) -> None:
    photo = load_photo(big_jpeg, min_long_side=min_long_side)
    assert photo.image.size == photo.full_size == (4000, 3000)
    assert photo.scale == 1.0


def test_png_is_always_decoded_in_full(tmp_path: Path) -> None:
    photo = load_photo(save(quadrants((1000, 750)), tmp_path / "photo.png", "PNG"), min_long_side=100)
    assert photo.image.size == photo.full_size == (1000, 750)
    assert photo.scale == 1.0


# --- inputs stay untouched ----------------------------------------------------------------------


@pytest.mark.parametrize("writer", ["JPEG", "PNG", "TIFF", "broken"])
def test_input_file_is_never_modified(tmp_path: Path, writer: str) -> None:
    path = tmp_path / "photo"
    exif = Image.Exif()
    exif[0x0112] = 6
    save(quadrants((800, 600)), path, "PNG" if writer == "broken" else writer, exif=exif)
    if writer == "broken":
        path.write_bytes(path.read_bytes()[:-500])
    old = time.time() - 3600
    os.utime(path, (old, old))
    before = fingerprint(path)
    try:
        load_photo(path, min_long_side=200)
    except ImageLoadError:
        assert writer == "broken"
    assert fingerprint(path) == before
    assert [child.name for child in tmp_path.iterdir()] == ["photo"]
