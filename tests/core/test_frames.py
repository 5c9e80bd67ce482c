"""Frame templates: the bundled frame, validation errors that name file and key, safe paths."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from helpers import assert_image_similar

from frame_studio.core.errors import FrameError
from frame_studio.core.frames import find_frame, frames_dir, load_frame
from frame_studio.core.overlay import render_overlay

GREETING = "Chào mừng Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020-2025"


@pytest.fixture
def frame_copy(tmp_path: Path) -> Path:
    """A copy of the bundled ring frame that a test may edit."""
    target = tmp_path / "ring"
    shutil.copytree(frames_dir() / "congress-ring", target)
    return target


def edit(folder: Path, old: str, new: str) -> None:
    toml = folder / "frame.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bundled_frame_loads_with_the_campaign() -> None:
    frame = find_frame()
    assert frame.campaign == GREETING
    assert frame.link.endswith("selected_overlay_id=663119041002834")
    assert frame.window.shape == "circle"
    assert str(frame.valid_until) == "2020-09-29"


def test_overlay_has_a_transparent_window_and_opaque_ring() -> None:
    frame = find_frame()
    overlay = render_overlay(frame, 400)
    assert overlay.size == (400, 400) and overlay.mode == "RGBA"
    assert overlay.getpixel((200, 200))[3] == 0  # window centre shows the photo
    assert overlay.getpixel((200, 8))[3] == 255  # the band at the top
    assert overlay.getpixel((2, 2))[3] == 255  # the corner has the background


def test_frame_found_by_folder_path(frame_copy: Path) -> None:
    assert find_frame(frame_copy).folder == frame_copy


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("radius = 0.375", "radius = 0.9", "window.radius: must be between"),
        ('shape = "circle"', 'shape = "hexagon"', "window.shape: must be one of"),
        ('color = "#c8102e"', 'color = "reddish"', "layers[0].color: is not a colour"),
        ('font = "bundled:BeVietnamPro-Bold.ttf"', 'font = "../../etc/passwd"', "must stay in the folder"),
        ('font = "bundled:BeVietnamPro-Bold.ttf"', 'font = "/etc/passwd"', "must stay in the folder"),
        (
            'font = "bundled:BeVietnamPro-Bold.ttf"',
            'font = "Missing.ttf"',
            "the file 'Missing.ttf' is missing",
        ),
        ('type = "ring"', 'type = "hologram"', "layers[0].type: must be one of"),
        ('id = "congress-ring"', "", "id: is required"),
        ("valid_until = 2020-09-29", 'valid_until = "soon"', "valid_until: must be a date"),
        ("[window]", "[window", "not valid TOML"),
    ],
)
def test_bad_frames_get_errors_naming_file_and_key(
    frame_copy: Path, old: str, new: str, message: str
) -> None:
    edit(frame_copy, old, new)
    with pytest.raises(FrameError) as caught:
        load_frame(frame_copy)
    assert message in str(caught.value)
    assert str(frame_copy / "frame.toml") in str(caught.value)


@pytest.mark.posix(reason="creating symlinks needs a privilege on Windows")
def test_symlink_out_of_the_folder_is_refused(frame_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.ttf"
    shutil.copyfile(frames_dir().parent / "fonts" / "BeVietnamPro-Bold.ttf", outside)
    (frame_copy / "font.ttf").symlink_to(outside)
    edit(frame_copy, 'font = "bundled:BeVietnamPro-Bold.ttf"', 'font = "font.ttf"')
    with pytest.raises(FrameError, match="leaves the folder"):
        load_frame(frame_copy)


def test_missing_frame_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FrameError, match="no frame with this id"):
        find_frame("no-such-frame")
    with pytest.raises(FrameError, match="no frame\\.toml"):
        load_frame(tmp_path)


def test_text_too_long_for_its_arc_is_an_error(frame_copy: Path) -> None:
    edit(frame_copy, "CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH", f"{GREETING.upper()} · {GREETING.upper()}")
    with pytest.raises(FrameError, match="does not fit its arc"):
        render_overlay(load_frame(frame_copy), 300)


def test_nfd_text_renders_like_nfc(frame_copy: Path) -> None:
    nfc = render_overlay(load_frame(frame_copy), 360)
    text = (frame_copy / "frame.toml").read_text(encoding="utf-8")
    (frame_copy / "frame.toml").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    decomposed = load_frame(frame_copy)
    assert all(unicodedata.is_normalized("NFC", layer.get("text", "")) for layer in decomposed.layers)
    assert_image_similar(render_overlay(decomposed, 360), nfc, 0.01, "nfd_vs_nfc")
