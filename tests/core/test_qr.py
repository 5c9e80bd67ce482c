"""QR codes round trip: what is drawn or written decodes back to the campaign link.

PNG files are decoded with `decode_qr` (OpenCV). SVG files are checked independently of
the code that wrote them: the XML is parsed, the rectangles of its path ("Mx,yHx2Vy2Hxz",
as qrcode's SvgPathImage writes them) are painted into a numpy grid by the small
rasteriser below, and that picture is decoded.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from helpers import rasterise_svg
from PIL import Image

from frame_studio.core.errors import ExportError
from frame_studio.core.frames import bundled_frames, find_frame, load_frame
from frame_studio.core.qr import MAX_LINK_BYTES, QRError, check_link, decode_qr, qr_image, save_qr

LINK = "http://www.facebook.com/profilepicframes/?selected_overlay_id=663119041002834"
VIETNAMESE_LINK = "https://vi.wikipedia.org/wiki/Lạng_Sơn?q=Đại hội Đảng bộ"


# ---------------------------------------------------------------------------------------
# In memory
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_every_bundled_frame_link_round_trips(folder: Path) -> None:
    link = load_frame(folder).link
    assert link == LINK
    image = qr_image(link)
    assert image.mode == "RGB"
    assert decode_qr(image) == link


def test_qr_image_is_black_modules_on_a_white_quiet_zone() -> None:
    image = qr_image(LINK)
    pixels = np.asarray(image.convert("L"))
    assert set(np.unique(pixels)) == {0, 255}
    assert image.width == image.height
    assert (pixels[:40, :] == 255).all() and (pixels[:, :40] == 255).all()  # 4 modules x 10 px


@pytest.mark.parametrize("size", [100, 300, 600, 1000])
def test_size_gives_an_image_close_to_the_size_asked(size: int) -> None:
    image = qr_image(LINK, size=size)
    assert image.width == image.height
    assert abs(image.width - size) <= 0.15 * size, image.size
    assert decode_qr(image) == LINK


def test_decode_finds_nothing_in_a_blank_picture() -> None:
    assert decode_qr(Image.new("RGB", (300, 300), "white")) is None


def test_vietnamese_link_round_trips_in_memory() -> None:
    assert decode_qr(qr_image(VIETNAMESE_LINK)) == VIETNAMESE_LINK


@pytest.mark.parametrize("link", ["", "   ", "\n"])
def test_empty_link_is_refused(link: str) -> None:
    with pytest.raises(QRError) as caught:
        qr_image(link)
    assert caught.value.code == "empty_link"


LONG_LINK = "https://example.org/" + "a" * 2980  # 3,000 characters


def test_the_longest_link_is_the_byte_capacity_of_a_version_40_code_at_level_m() -> None:
    """2,331 bytes fit (ISO/IEC 18004 table 7, 40-M, byte mode); one more does not."""
    assert MAX_LINK_BYTES == 2331
    longest = "https://example.org/" + "a" * (MAX_LINK_BYTES - 20)
    assert len(longest) == MAX_LINK_BYTES
    image = qr_image(longest, size=185)
    assert image.size == (185, 185)  # 177 modules (version 40) and the 4-module border
    with pytest.raises(QRError) as caught:
        qr_image(longest + "a")
    assert caught.value.code == "link_too_long"
    assert caught.value.message == "the link is too long for a QR code (2332 characters; at most 2331)"


def test_a_link_too_long_is_refused_in_memory() -> None:
    with pytest.raises(QRError) as caught:
        qr_image(LONG_LINK)
    assert caught.value.code == "link_too_long"
    assert caught.value.path is None
    assert str(caught.value) == "the link is too long for a QR code (3000 characters; at most 2331)"
    with pytest.raises(QRError):
        check_link(LONG_LINK)


def test_a_link_is_measured_in_utf8_bytes() -> None:
    """800 Vietnamese letters are 2,400 bytes: too long, though far fewer than 2,331 characters."""
    link = "https://vi.wikipedia.org/" + "ạ" * 800
    with pytest.raises(QRError) as caught:
        qr_image(link)
    assert caught.value.code == "link_too_long"
    assert "(825 characters, 2425 bytes in UTF-8; at most 2331 bytes)" in caught.value.message
    check_link("https://vi.wikipedia.org/" + "ạ" * 700)  # 2,125 bytes: fine
    assert qr_image("https://vi.wikipedia.org/" + "ạ" * 700).width > 0


# ---------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------


def test_png_file_decodes_back(tmp_path: Path) -> None:
    written = save_qr(LINK, tmp_path / "qr.png")
    assert written == tmp_path / "qr.png"
    with Image.open(written) as image:
        assert image.format == "PNG"
        assert decode_qr(image) == LINK


def test_png_file_size_close_to_the_size_asked(tmp_path: Path) -> None:
    written = save_qr(LINK, tmp_path / "qr.png", size=512)
    with Image.open(written) as image:
        assert abs(image.width - 512) <= 0.15 * 512
        assert decode_qr(image) == LINK


def test_svg_file_is_xml_whose_rectangles_decode_back(tmp_path: Path) -> None:
    written = save_qr(LINK, tmp_path / "qr.svg")
    picture = rasterise_svg(written)
    assert decode_qr(picture) == LINK


def test_svg_draws_the_same_modules_as_the_png(tmp_path: Path) -> None:
    written = save_qr(LINK, tmp_path / "qr.svg")
    picture = rasterise_svg(written, pixels_per_unit=10)
    assert picture.size == qr_image(LINK).size
    assert np.array_equal(np.asarray(picture), np.asarray(qr_image(LINK).convert("L")))


def test_uppercase_suffix_is_accepted(tmp_path: Path) -> None:
    save_qr(LINK, tmp_path / "QR.PNG")
    save_qr(LINK, tmp_path / "QR.SVG")
    with Image.open(tmp_path / "QR.PNG") as image:
        assert decode_qr(image) == LINK
    assert decode_qr(rasterise_svg(tmp_path / "QR.SVG")) == LINK


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_vietnamese_link_round_trips_through_a_file(tmp_path: Path, suffix: str) -> None:
    written = save_qr(VIETNAMESE_LINK, tmp_path / f"qr{suffix}")
    if suffix == ".png":
        with Image.open(written) as image:
            assert decode_qr(image) == VIETNAMESE_LINK
    else:
        assert decode_qr(rasterise_svg(written)) == VIETNAMESE_LINK


def test_default_frame_link_saves(tmp_path: Path) -> None:
    link = find_frame().link
    with Image.open(save_qr(link, tmp_path / "qr.png")) as image:
        assert decode_qr(image) == link


def test_empty_link_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(QRError) as caught:
        save_qr("", tmp_path / "qr.png")
    assert caught.value.code == "empty_link"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_link_too_long_writes_nothing(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"qr{suffix}"
    with pytest.raises(QRError) as caught:
        save_qr(LONG_LINK, target)
    assert caught.value.code == "link_too_long"
    assert caught.value.path == str(target)
    assert (
        str(caught.value) == f"{target}: the link is too long for a QR code (3000 characters; at most 2331)"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["qr.gif", "qr.jpg", "qr"])
def test_other_suffixes_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(QRError) as caught:
        save_qr(LINK, tmp_path / name)
    assert caught.value.code == "bad_format"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_existing_file_is_not_overwritten(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"qr{suffix}"
    target.write_bytes(b"keep me")
    with pytest.raises(ExportError) as caught:
        save_qr(LINK, target)
    assert caught.value.code == "exists"
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left

    save_qr(LINK, target, overwrite=True)
    assert target.read_bytes() != b"keep me"


def test_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        save_qr(LINK, tmp_path / "no" / "such" / "qr.png")
    assert caught.value.code == "no_folder"
