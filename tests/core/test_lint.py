"""Frame lint: every bundled frame is clean, and each purpose-made bad frame is caught.

Bad frames are built in `tmp_path`: either a copy of a bundled frame with one line of its
frame.toml changed, or a small frame.toml written from scratch (plus, for image frames, a
designer-style overlay PNG drawn here). Each test checks that lint reports the problem in a
sentence that names it, and, where the frame has no other fault, that it is the only one.
Problems are structured (`Problem`: a code, the part, parameters); their English sentence
is what the CLI prints. A greeting too long for its arc is first drawn smaller, down to
`overlay.MIN_ARC_TEXT`, and only then a problem. Link advice (a dead Facebook
profile-frame link) is given on request and never fails a frame.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from frame_studio.core import overlay
from frame_studio.core.assets import asset_path
from frame_studio.core.errors import FrameError
from frame_studio.core.frames import Layer, bundled_frames, find_frame, frames_dir, load_frame
from frame_studio.core.lint import (
    PROBLEMS,
    Problem,
    check_frame_folder,
    folder_problems,
    frame_problems,
    link_advice,
    lint_frame,
    missing_characters,
)
from frame_studio.core.overlay import MAX_ARC_DEGREES, MIN_ARC_TEXT, arc_text_size, render_overlay

LINK = "http://www.facebook.com/profilepicframes/?selected_overlay_id=663119041002834"
BOLD = asset_path("fonts", "BeVietnamPro-Bold.ttf")
GREETING = "Chào mừng Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020-2025"

HEADER = f"""
id = "bad"
name = "Bad frame"
campaign = "Test"
link = "{LINK}"
"""
CIRCLE_WINDOW = """
[window]
shape = "circle"
center = [0.5, 0.5]
radius = 0.375
"""
AUTO_WINDOW = """
[window]
shape = "auto"
image = "overlay.png"
"""
IMAGE_LAYER = """
[[layers]]
name = "overlay"
type = "image"
file = "overlay.png"
"""


def write_frame(folder: Path, toml: str) -> Path:
    """A frame folder with this frame.toml (the folder is created)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "frame.toml").write_text(toml, encoding="utf-8")
    return folder


def text_layer(text: str, *, center: str = "[0.5, 0.5]", max_width: float = 1.0, size: float = 0.05) -> str:
    return f"""
[[layers]]
name = "words"
type = "text"
text = "{text}"
font = "bundled:BeVietnamPro-Bold.ttf"
size = {size}
color = "#ffffff"
center = {center}
max_width = {max_width}
"""


def arc_layer(text: str, *, radius: float = 0.4375, size: float = 0.05) -> str:
    return f"""
[[layers]]
name = "arc"
type = "arc_text"
text = "{text}"
font = "bundled:BeVietnamPro-Bold.ttf"
size = {size}
color = "#ffd84d"
radius = {radius}
"""


def designer_png(
    path: Path, size: tuple[int, int] = (1080, 1080), *, hole_alpha: int = 0, radius: float = 0.375
) -> Path:
    """An opaque red RGBA overlay with a circular hole (alpha `hole_alpha`) in its middle."""
    width, height = size
    image = Image.new("RGBA", size, (200, 16, 46, 255))
    r = radius * min(size)
    cx, cy = width / 2, height / 2
    ImageDraw.Draw(image).ellipse((cx - r, cy - r, cx + r, cy + r), fill=(0, 0, 0, hole_alpha))
    image.save(path)
    return path


def copy_bundled(tmp_path: Path, frame_id: str = "congress-ring") -> Path:
    target = tmp_path / frame_id
    shutil.copytree(frames_dir() / frame_id, target)
    return target


def edit(folder: Path, old: str, new: str) -> None:
    toml = folder / "frame.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")


def only_problem(folder: Path, expected: str, *, output_size: int = 1080) -> str:
    """Check the folder has exactly one problem, containing `expected`; return it."""
    problems = check_frame_folder(folder, output_size=output_size)
    assert len(problems) == 1, problems
    assert expected in problems[0], problems
    return problems[0]


# ---------------------------------------------------------------------------------------
# The bundled frames and good frames are clean
# ---------------------------------------------------------------------------------------


def test_there_are_bundled_frames() -> None:
    assert len(bundled_frames()) >= 4


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_bundled_frame_lints_clean(folder: Path) -> None:
    assert lint_frame(load_frame(folder)) == []
    assert check_frame_folder(folder) == []


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_bundled_frame_lints_clean_at_facebook_size(folder: Path) -> None:
    assert check_frame_folder(folder, output_size=176) == []


def test_minimal_frame_from_scratch_is_clean(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "ok", HEADER + CIRCLE_WINDOW + text_layer("XVII"))
    assert check_frame_folder(folder) == []


def test_designer_png_frame_from_scratch_is_clean(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "ok", HEADER + AUTO_WINDOW + IMAGE_LAYER)
    designer_png(folder / "overlay.png")
    assert check_frame_folder(folder) == []


# ---------------------------------------------------------------------------------------
# The window and the face target
# ---------------------------------------------------------------------------------------


def test_window_off_the_canvas(tmp_path: Path) -> None:
    window = '\n[window]\nshape = "rect"\nbox = [0.5, 0.5, 0.8, 0.8]\n'
    folder = write_frame(tmp_path / "bad", HEADER + window)
    only_problem(folder, "window: goes outside the canvas")


def test_circle_window_off_the_canvas(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder, "center = [0.5, 0.5]\nradius = 0.375", "center = [0.2, 0.5]\nradius = 0.375")
    problems = check_frame_folder(folder)
    assert "window: goes outside the canvas" in problems


def test_window_too_small(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder, "radius = 0.375", "radius = 0.1")
    problems = check_frame_folder(folder)
    assert any("window: too small" in p and "0.20" in p for p in problems), problems


def test_face_target_outside_the_window(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder, "[face]\ncenter = [0.5, 0.5]", "[face]\ncenter = [0.97, 0.5]")
    only_problem(folder, "face: the face target does not fit inside the window")


def test_face_too_tall_for_the_window(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder, "[face]\ncenter = [0.5, 0.5]\nheight = 0.48", "[face]\ncenter = [0.5, 0.2]\nheight = 0.6")
    only_problem(folder, "face: the face target does not fit inside the window")


# ---------------------------------------------------------------------------------------
# Text: inside Facebook's circle, fitting its arc or box, and covered by its font
# ---------------------------------------------------------------------------------------


def test_straight_text_in_a_corner_is_outside_the_facebook_circle(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + text_layer("XVII", center="[0.1, 0.06]"))
    problem = only_problem(folder, "the text passes outside the circle Facebook shows")
    assert problem.startswith("layers[0]")


def test_arc_text_too_far_out_is_outside_the_facebook_circle(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder, 'radius = 0.4375\nposition = "top"', 'radius = 0.49\nposition = "top"')
    problems = check_frame_folder(folder)
    assert len(problems) == 1, problems
    assert problems[0].startswith("layers[3]")
    assert problems[0].endswith(": the text passes outside the circle Facebook shows")


def test_a_problem_names_the_layer_by_index_and_name(tmp_path: Path) -> None:
    """lint.py's `_label` adds the layer's `name` so a designer finds the layer in the file."""
    folder = copy_bundled(tmp_path)
    edit(folder, 'radius = 0.4375\nposition = "top"', 'radius = 0.49\nposition = "top"')
    assert check_frame_folder(folder) == [
        "layers[3] (top_text): the text passes outside the circle Facebook shows"
    ]


def test_text_too_long_for_its_arc(tmp_path: Path) -> None:
    twice = f"{GREETING} · {GREETING}"
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + arc_layer(twice))
    problem = only_problem(folder, "does not fit its arc, even drawn at the smallest legible size (27 px")
    assert problem.startswith("layers[0] (arc): ")
    [found] = folder_problems(folder)
    assert found == Problem(
        "arc_text_too_long", "arc", 0, "arc_text", "top", {"text": twice, "minimum": 27, "at": 1080}
    )


def test_a_greeting_too_long_for_its_arc_is_first_drawn_smaller(tmp_path: Path) -> None:
    """The whole greeting does not fit the ring's arc at 5 %; shrunk (not under 2.5 %) it does."""
    folder = write_frame(tmp_path / "ok", HEADER + CIRCLE_WINDOW + arc_layer(GREETING.upper()))
    assert check_frame_folder(folder) == []
    assert check_frame_folder(folder, output_size=176) == []
    [layer] = load_frame(folder).layers
    fraction, sweep = arc_text_size(layer)
    assert MIN_ARC_TEXT <= fraction < 0.05 and sweep <= MAX_ARC_DEGREES
    assert fraction * 1080 >= 27  # the minimum, in pixels at a 1080 px output
    frame = load_frame(folder)
    for size in (176, 540, 1080):
        assert render_overlay(frame, size).getchannel("A").getbbox() is not None


def test_a_shrunk_greeting_uses_the_largest_size_that_fits(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "ok", HEADER + CIRCLE_WINDOW + arc_layer(GREETING.upper()))
    [layer] = load_frame(folder).layers
    fraction, _ = arc_text_size(layer)
    pixels = round(fraction * 1080)
    bigger = Layer(
        layer.kind, tuple((k, (pixels + 1) / 1080 if k == "size" else v) for k, v in layer.options)
    )
    assert arc_text_size(bigger)[0] < (pixels + 1) / 1080  # one pixel more does not fit


def test_an_arc_text_designed_below_the_minimum_is_never_enlarged(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + arc_layer(GREETING * 3, size=0.02))
    [layer] = load_frame(folder).layers
    assert arc_text_size(layer)[0] == 0.02
    only_problem(folder, "does not fit its arc")


def test_bundled_arc_texts_are_not_shrunk() -> None:
    """Their goldens stay: every bundled arc text fits at its own size."""
    for folder in bundled_frames():
        for layer in load_frame(folder).layers:
            if layer.kind == "arc_text":
                assert arc_text_size(layer)[0] == layer.get("size"), folder.name


def test_a_greeting_too_long_even_shrunk_is_an_error_when_drawn(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + arc_layer(f"{GREETING} {GREETING}"))
    with pytest.raises(FrameError, match="does not fit its arc") as caught:
        render_overlay(load_frame(folder), 540)
    assert caught.value.code == "text_too_long"
    assert overlay.min_arc_pixels() == 27


def test_text_wider_than_its_box(tmp_path: Path) -> None:
    layer = text_layer("ĐẢNG BỘ TỈNH LẠNG SƠN", max_width=0.2)
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + layer)
    problem = only_problem(folder, "is wider than its box")
    assert "ĐẢNG BỘ TỈNH LẠNG SƠN" in problem


def test_font_without_the_characters(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + text_layer("Lạng Sơn 漢字"))
    problem = only_problem(folder, "the font BeVietnamPro-Bold.ttf has no")
    assert "漢" in problem and "字" in problem
    assert "ạ" not in problem and "ơ" not in problem


def test_missing_characters_of_the_bundled_font() -> None:
    assert missing_characters(BOLD, GREETING) == []
    assert missing_characters(BOLD, "ẮẰẲẴẶ ắằẳẵặ ỨỪỬỮỰ ứừửữự ĐđƠơƯư") == []
    assert missing_characters(BOLD, "Xin chào 漢字 Đ") == ["字", "漢"]


def test_missing_characters_of_another_font() -> None:
    """A second, unrelated font (DejaVu, when the system has it): Vietnamese yes, CJK no."""
    candidates = [
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    ]
    font = next((c for c in candidates if c.is_file()), None)
    if font is None:
        pytest.skip("no system font to compare with")
    assert missing_characters(font, "Lạng Sơn") == []
    assert missing_characters(font, "Lạng 漢") == ["漢"]


# ---------------------------------------------------------------------------------------
# Overlay images: resolution, shape, transparency of the window
# ---------------------------------------------------------------------------------------


def test_overlay_png_smaller_than_the_output(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + AUTO_WINDOW + IMAGE_LAYER)
    designer_png(folder / "overlay.png", (500, 500))
    problem = only_problem(folder, "500x500 px is too small for a 1080 px output")
    assert problem.startswith("layers[0]")
    assert check_frame_folder(folder, output_size=480) == []


def test_overlay_png_stretched(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + IMAGE_LAYER)
    designer_png(folder / "overlay.png", (1400, 1080), radius=0.375 * 1080 / 1400)
    problems = check_frame_folder(folder)
    assert any("the image would be stretched" in p for p in problems), problems


def test_overlay_png_not_square_in_a_matching_box_is_fine(tmp_path: Path) -> None:
    layer = IMAGE_LAYER + "box = [0.0, 0.9, 1.0, 0.1]\n"  # a strip below the window
    folder = write_frame(tmp_path / "ok", HEADER + CIRCLE_WINDOW + layer)
    Image.new("RGBA", (1200, 120), (200, 16, 46, 255)).save(folder / "overlay.png")
    assert check_frame_folder(folder) == []


def test_overlay_png_with_a_semi_opaque_hole(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + AUTO_WINDOW + IMAGE_LAYER)
    designer_png(folder / "overlay.png", hole_alpha=100)
    only_problem(folder, "the image is not transparent where the photo should show")


def test_opaque_overlay_png_over_a_fixed_window(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + CIRCLE_WINDOW + IMAGE_LAYER)
    Image.new("RGBA", (1080, 1080), (200, 16, 46, 255)).save(folder / "overlay.png")
    only_problem(folder, "the image is not transparent where the photo should show")


def test_overlay_png_without_a_hole_does_not_load(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER + AUTO_WINDOW + IMAGE_LAYER)
    Image.new("RGBA", (1080, 1080), (200, 16, 46, 255)).save(folder / "overlay.png")
    only_problem(folder, "window.image: overlay.png has no transparent hole")


# ---------------------------------------------------------------------------------------
# The link
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ['link = ""', ""], ids=["empty", "absent"])
def test_empty_link(tmp_path: Path, line: str) -> None:
    folder = write_frame(tmp_path / "bad", HEADER.replace(f'link = "{LINK}"', line) + CIRCLE_WINDOW)
    only_problem(folder, "link: empty")


def test_link_too_long_for_a_qr_code(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path, "congress-badge")
    edit(folder, LINK, "https://example.org/" + "a" * 2980)
    only_problem(folder, "link: the link is too long for a QR code (3000 characters; at most 2331)")


def test_blank_link_is_reported_once(tmp_path: Path) -> None:
    folder = write_frame(tmp_path / "bad", HEADER.replace(LINK, "   ") + CIRCLE_WINDOW)
    only_problem(folder, "link: empty")
    assert folder_problems(folder) == [Problem("empty_link", "link")]


@pytest.mark.parametrize(
    "link",
    [
        LINK,
        "https://www.facebook.com/profilepicframes/?selected_overlay_id=1",
        "https://m.facebook.com/profilepicframes",
        "facebook.com/profilepicframes/?selected_overlay_id=663119041002834",
        "https://web.facebook.com/ProfilePicFrames/",
        "https://fb.com/profilepicframes?selected_overlay_id=2",
        "https://www.facebook.com/?overlay_id=3",
    ],
)
def test_facebook_profile_frame_links_get_advice(link: str) -> None:
    assert link_advice(link) == "facebook_frame_link"


@pytest.mark.parametrize(
    "link",
    [
        "https://www.facebook.com/langson.gov.vn",
        "https://langson.gov.vn/dai-hoi-xvii",
        "https://facebook.com.example.org/profilepicframes",
        "https://example.org/profilepicframes",
        "http://[broken",
        "",
    ],
)
def test_other_links_get_no_advice(link: str) -> None:
    assert link_advice(link) is None


@pytest.mark.parametrize("folder", bundled_frames(), ids=lambda p: p.name)
def test_the_bundled_facebook_link_is_advice_not_a_problem(folder: Path) -> None:
    assert folder_problems(folder) == []
    [advice] = folder_problems(folder, advice=True)
    assert advice.advice and advice.code == "facebook_frame_link" and advice.part == "link"
    assert str(advice).startswith("link: this Facebook profile-frame link no longer opens a frame")


def test_a_publishing_page_link_gets_no_advice() -> None:
    frame = replace(find_frame("congress-ring"), link="https://langson.gov.vn/dai-hoi-xvii")
    assert frame_problems(frame, advice=True) == []


# ---------------------------------------------------------------------------------------
# Paths and files: a load error is one problem from check_frame_folder
# ---------------------------------------------------------------------------------------

FONT_LINE = 'font = "bundled:BeVietnamPro-Bold.ttf"'


@pytest.mark.parametrize(
    ("font", "message"),
    [
        ("../congress-badge/frame.toml", "must stay in the folder"),
        ("fonts/../../x.ttf", "must stay in the folder"),
        ("bundled:../frames/congress-ring/frame.toml", "must stay in the folder"),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "must stay in the folder"),
        ("", "must stay in the folder"),
        ("Missing.ttf", "the file 'Missing.ttf' is missing"),
        ("bundled:NoSuchFont.ttf", "the file 'NoSuchFont.ttf' is missing"),
    ],
    ids=["dotdot", "nested-dotdot", "bundled-dotdot", "absolute", "empty", "missing", "bundled-missing"],
)
def test_bad_font_path_is_one_problem(tmp_path: Path, font: str, message: str) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder, FONT_LINE, f'font = "{font}"')
    problem = only_problem(folder, message)
    assert problem.startswith("layers[3].font:"), problem


@pytest.mark.posix(reason="creating symlinks needs a privilege on Windows")
def test_symlink_leaving_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copyfile(BOLD, outside / "Bold.ttf")
    folder = copy_bundled(tmp_path)
    (folder / "Bold.ttf").symlink_to(outside / "Bold.ttf")
    edit(folder, FONT_LINE, 'font = "Bold.ttf"')
    only_problem(folder, "leaves the folder")


@pytest.mark.posix(reason="creating symlinks needs a privilege on Windows")
def test_symlinked_folder_inside_the_frame_is_fine(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    (folder / "fonts").mkdir()
    shutil.copyfile(BOLD, folder / "fonts" / "Bold.ttf")
    (folder / "link.ttf").symlink_to(folder / "fonts" / "Bold.ttf")
    edit(folder, FONT_LINE, 'font = "link.ttf"')
    assert check_frame_folder(folder) == []


def test_image_path_traversal(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path, "congress-poster")
    edit(folder, 'file = "overlay.png"', 'file = "../congress-poster/overlay.png"')
    only_problem(folder, "layers[0].file: the path '../congress-poster/overlay.png' must stay in the folder")


def test_window_image_missing(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path, "congress-poster")
    edit(folder, 'image = "overlay.png"', 'image = "hole.png"')
    only_problem(folder, "window.image: the file 'hole.png' is missing")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (None, "there is no frame.toml"),
        ("[window", "not valid TOML"),
        (HEADER, "window: is required"),
        (
            HEADER + CIRCLE_WINDOW + '\n[[layers]]\ntype = "ring"\nradius = 0.4\n',
            "layers[0].width: is required",
        ),
    ],
    ids=["no-file", "bad-toml", "no-window", "incomplete-layer"],
)
def test_a_load_error_is_one_problem(tmp_path: Path, toml: str | None, message: str) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    if toml is not None:
        write_frame(folder, toml)
    only_problem(folder, message)


def test_problems_are_structured_and_say_themselves_in_english(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder, 'radius = 0.4375\nposition = "top"', 'radius = 0.49\nposition = "top"')
    edit(folder, "radius = 0.375", "radius = 0.1")
    problems = folder_problems(folder)
    assert problems == [
        Problem("window_too_small", "window", params={"size": pytest.approx(0.2), "minimum": 0.3}),
        Problem("outside_circle", "top_text", 3, "arc_text", "top"),
    ]
    assert [str(p) for p in problems] == check_frame_folder(folder)
    assert str(problems[1]) == "layers[3] (top_text): the text passes outside the circle Facebook shows"
    assert all(p.code in PROBLEMS for p in problems)


def test_a_frame_that_does_not_load_is_one_problem_with_its_error_code(tmp_path: Path) -> None:
    [problem] = folder_problems(tmp_path)
    assert problem.code == "missing" and problem.layer is None and problem.part == ""
    assert str(problem) == problem.params["detail"] == "there is no frame.toml in this folder"


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    window = '\n[window]\nshape = "rect"\nbox = [0.5, 0.5, 0.8, 0.2]\n'
    header = HEADER.replace(f'link = "{LINK}"', "")
    folder = write_frame(tmp_path / "bad", header + window + text_layer("漢", center="[0.05, 0.05]"))
    problems = check_frame_folder(folder)
    assert len(problems) == 4, problems
    assert problems[0] == "window: goes outside the canvas"
    assert problems[1].startswith("window: too small (0.20")
    assert problems[2].startswith("link: empty")
    assert "has no 漢" in problems[3]
