"""End-to-end tests of `frame-studio frames list|check|sheet` and `frame-studio qr`.

The commands run in-process through `frame_studio.cli.main([...])` with output captured by
capsys; one test runs a real `python -m frame_studio` process for the exit code. The user's
data folder (`FRAME_STUDIO_DATA_DIR`, where opened packs go) is a fresh folder in `tmp_path`
for every test, so the person's own packs never show up. Bad frames are written to
`tmp_path`; QR files are decoded back (PNG with `decode_qr`; SVG through a small
rasteriser of its path rectangles, independent of the code that wrote it).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from helpers import DATA, rasterise_svg, run_cli, run_subprocess
from PIL import Image

from frame_studio.core.campaign import Campaign, open_pack
from frame_studio.core.frames import bundled_frames, find_frame, frames_dir, load_frame
from frame_studio.core.lint import check_frame_folder
from frame_studio.core.pack_writer import write_pack
from frame_studio.core.qr import decode_qr
from frame_studio.core.sheet import GAP, LABEL_HEIGHT, sample_photos
from frame_studio.core.user_dirs import user_frames_dir

LINK = "http://www.facebook.com/profilepicframes/?selected_overlay_id=663119041002834"
CELL = 360  # the sheet's default cell size
BAD_FRAME = """
id = "bad"
name = "Bad frame"
campaign = "Test"

[window]
shape = "rect"
box = [0.5, 0.5, 0.8, 0.8]
"""


@pytest.fixture(autouse=True)
def clean_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder: no opened packs unless a test opens one."""
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path / "profile"))
    return tmp_path / "profile"


def decode_png(path: Path) -> str | None:
    with Image.open(path) as image:
        assert image.format == "PNG"
        return decode_qr(image)


def bad_frame(folder: Path) -> Path:
    """A frame with two problems: its window leaves the canvas, and it has no link."""
    folder.mkdir(parents=True)
    (folder / "frame.toml").write_text(BAD_FRAME, encoding="utf-8")
    return folder


def photo_folder(folder: Path, *names: str) -> Path:
    """A folder with copies of committed portraits, plus a file that is not a photo."""
    folder.mkdir()
    for name in names:
        shutil.copyfile(DATA / name, folder / name)
    (folder / "notes.txt").write_text("not a photo", encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------
# frames list
# ---------------------------------------------------------------------------------------


def test_frames_list_shows_the_congress_variants(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, "frames", "list")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    congress = [line for line in lines if line.startswith("congress-")]
    assert len(congress) >= 4
    assert len(lines) == len(bundled_frames())
    for folder in bundled_frames():
        frame = load_frame(folder)
        line = next(line for line in lines if line.split()[0] == frame.id)
        assert frame.name in line
        assert "2020-09-29 (ended)" in line
        assert frame.campaign in line
    assert "broken" not in run.out


def test_frames_list_shows_distinct_ids_and_names(capsys: pytest.CaptureFixture[str]) -> None:
    lines = run_cli(capsys, "frames", "list").out.splitlines()
    ids = [line.split()[0] for line in lines]
    names = [load_frame(folder).name for folder in bundled_frames()]
    assert len(set(ids)) == len(ids) == len(set(names)) == len(names)
    assert all(any(name in line for line in lines) for name in names)


def open_campaign_pack(tmp_path: Path, frames: list[str], end: dt.date) -> Path:
    """Write a pack of bundled frames and open it into the user's frame folder; returns its folder."""
    campaign = Campaign(
        id="dai-hoi-xvii",
        name="Chào mừng Đại hội XVII",
        link="https://example.org/dai-hoi-xvii",
        start=dt.date(2020, 9, 1),
        end=end,
    )
    pack = write_pack(tmp_path / "dai-hoi.fspack", campaign, [find_frame(frame) for frame in frames])
    return open_pack(pack, user_frames_dir()).folder


def test_frames_list_shows_opened_packs_after_the_bundled_frames(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    end = dt.date.today() + dt.timedelta(days=30)
    folder = open_campaign_pack(tmp_path, ["congress-ring-navy", "congress-badge"], end)
    run = run_cli(capsys, "frames", "list")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    bundled, packed = lines[: len(bundled_frames())], lines[len(bundled_frames()) :]
    assert [line.split()[0] for line in bundled] == [load_frame(f).id for f in bundled_frames()]
    assert [line.split()[0] for line in packed] == ["congress-ring-navy", "congress-badge"]
    for line, name in zip(packed, ["congress-ring-navy", "congress-badge"], strict=True):
        assert f"{end.isoformat()} " in line and "(ended)" not in line  # the campaign's dates
        assert line.endswith(f"[pack: Chào mừng Đại hội XVII] {folder / 'frames' / name}")
        assert find_frame("congress-ring-navy").campaign not in line


def test_frames_list_marks_an_ended_pack_and_skips_a_broken_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_campaign_pack(tmp_path, ["congress-badge"], dt.date(2020, 9, 29))
    broken = user_frames_dir() / "broken-1234"
    broken.mkdir()
    (broken / "campaign.toml").write_text("format = 1\n", encoding="utf-8")
    lines = run_cli(capsys, "frames", "list").out.splitlines()
    assert len(lines) == len(bundled_frames()) + 1
    assert lines[-1].startswith("congress-badge ")
    assert "2020-09-29 (ended)" in lines[-1] and "[pack: Chào mừng Đại hội XVII]" in lines[-1]


def test_frames_list_without_a_user_folder_lists_the_bundled_frames(
    clean_profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not clean_profile.exists()
    run = run_cli(capsys, "frames", "list")
    assert run.code == 0 and len(run.out.splitlines()) == len(bundled_frames())
    assert not clean_profile.exists()  # listing creates nothing


# ---------------------------------------------------------------------------------------
# frames check
# ---------------------------------------------------------------------------------------


def test_frames_check_passes_on_the_bundled_frames(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, "frames", "check")
    assert run.code == 0, run.out
    assert run.out == ""
    count = len(bundled_frames())
    assert f"{count} frame(s) checked, 0 problem(s), {count} note(s)" in run.err


def test_frames_check_says_the_facebook_frame_link_is_dead(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed letter's link is kept, but a note says it opens no frame since 2022 (not a failure)."""
    run = run_cli(capsys, "frames", "check", frames_dir() / "congress-ring")
    assert run.code == 0 and run.out == ""
    notes = [line for line in run.err.splitlines() if ": note: " in line]
    assert notes == [
        f"{frames_dir() / 'congress-ring'}: note: link: this Facebook profile-frame link no longer opens "
        "a frame (Facebook withdrew profile frames in 2022); keep it as the campaign's historical link, "
        "but point the QR code at the page where the agency publishes the campaign"
    ]
    assert "1 frame(s) checked, 0 problem(s), 1 note(s)" in run.err


def test_frames_check_gives_no_note_for_the_agency_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ring"
    shutil.copytree(frames_dir() / "congress-ring", folder)
    toml = folder / "frame.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(LINK, "https://langson.gov.vn/dai-hoi-xvii"),
        encoding="utf-8",
    )
    run = run_cli(capsys, "frames", "check", folder)
    assert run.code == 0 and run.out == ""
    assert "note" not in run.err
    assert run.err.strip().endswith("1 frame(s) checked, 0 problem(s)")


def test_frames_check_shrinks_a_long_greeting_before_calling_it_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ring"
    shutil.copytree(frames_dir() / "congress-ring", folder)
    toml = folder / "frame.toml"
    greeting = "CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẠNG SƠN LẦN THỨ XVII, NHIỆM KỲ 2020-2025"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH", greeting, 1), encoding="utf-8")
    assert run_cli(capsys, "frames", "check", folder).code == 0  # drawn smaller, it fits
    toml.write_text(
        text.replace("CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH", f"{greeting} · {greeting}", 1), "utf-8"
    )
    run = run_cli(capsys, "frames", "check", folder)
    assert run.code == 1
    [line] = run.out.splitlines()
    assert line.startswith(f"{folder}: layers[3] (top_text): the text ")
    assert line.endswith("does not fit its arc, even drawn at the smallest legible size (27 px at 1080 px)")


def test_frames_check_on_named_bundled_folders(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, "frames", "check", frames_dir() / "congress-ring", frames_dir() / "congress-poster")
    assert run.code == 0, run.out
    assert "2 frame(s) checked, 0 problem(s)" in run.err


def test_frames_check_fails_with_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bad_frame(tmp_path / "bad")
    run = run_cli(capsys, "frames", "check", frames_dir() / "congress-ring", folder)
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines == [f"{folder}: {problem}" for problem in check_frame_folder(folder)]
    assert len(lines) == 2
    assert "window: goes outside the canvas" in lines[0]
    assert "link: empty" in lines[1]
    assert "2 frame(s) checked, 2 problem(s)" in run.err


def test_frames_check_reports_a_frame_that_does_not_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "traversal"
    shutil.copytree(frames_dir() / "congress-ring", folder)
    toml = folder / "frame.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("bundled:BeVietnamPro-Bold.ttf", "../../etc/passwd", 1),
        encoding="utf-8",
    )
    run = run_cli(capsys, "frames", "check", folder, tmp_path / "no-such-folder")
    assert run.code == 1
    lines = run.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{folder}: ") and "must stay in the folder" in lines[0]
    assert "there is no frame.toml" in lines[1]


def test_frames_check_reports_a_link_too_long_for_a_qr_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "long-link"
    shutil.copytree(frames_dir() / "congress-badge", folder)
    toml = folder / "frame.toml"
    long_link = "https://example.org/" + "a" * 2980
    toml.write_text(toml.read_text(encoding="utf-8").replace(LINK, long_link), encoding="utf-8")
    run = run_cli(capsys, "frames", "check", folder)
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{folder}: link: the link is too long for a QR code (3000 characters; at most 2331)"
    ]


def test_frames_check_size_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "poster"
    shutil.copytree(frames_dir() / "congress-poster", folder)
    with Image.open(folder / "overlay.png") as overlay:
        overlay.resize((600, 600)).save(folder / "overlay.png")
    assert run_cli(capsys, "frames", "check", folder, "--size", "540").code == 0
    run = run_cli(capsys, "frames", "check", folder)
    assert run.code == 1
    assert "600x600 px is too small for a 1080 px output" in run.out


def test_frames_check_exit_code_in_a_real_process(tmp_path: Path) -> None:
    folder = bad_frame(tmp_path / "bad")
    done = run_subprocess("frames", "check", folder, cwd=tmp_path)
    assert done.code == 1, done.err
    assert len(done.out.splitlines()) == 2
    assert "1 frame(s) checked, 2 problem(s)" in done.err


# ---------------------------------------------------------------------------------------
# frames sheet
# ---------------------------------------------------------------------------------------


def sheet_size(frames: int, photos: int) -> tuple[int, int]:
    """The board's size: a column per photo plus the Facebook preview, a row per frame."""
    return (GAP + (photos + 1) * (CELL + GAP), GAP + frames * (LABEL_HEIGHT + CELL + GAP))


def test_frames_sheet_grows_with_the_photos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    count = len(bundled_frames())
    one = photo_folder(tmp_path / "one", "astronaut.jpg")
    two = photo_folder(tmp_path / "two", "astronaut.jpg", "grace_hopper.jpg")

    run = run_cli(capsys, "frames", "sheet", "-o", tmp_path / "one.png", "--photos", one)
    assert run.code == 0, run.err
    assert f"({count} frames x 1 photos)" in run.out
    run = run_cli(capsys, "frames", "sheet", "-o", tmp_path / "two.png", "--photos", two)
    assert run.code == 0, run.err
    assert f"({count} frames x 2 photos)" in run.out

    with Image.open(tmp_path / "one.png") as small, Image.open(tmp_path / "two.png") as large:
        assert small.format == large.format == "PNG"
        assert small.size == sheet_size(count, 1)
        assert large.size == sheet_size(count, 2)
        assert large.width > small.width and large.height == small.height
        # The first photo column is the same picture in both boards: --photos was used.
        box = (GAP, GAP + LABEL_HEIGHT, GAP + CELL, GAP + LABEL_HEIGHT + CELL)
        first_small = np.asarray(small.convert("RGB").crop(box), dtype=np.int16)
        first_large = np.asarray(large.convert("RGB").crop(box), dtype=np.int16)
        assert float(np.abs(first_small - first_large).mean()) < 1


def test_frames_sheet_uses_the_photos_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A board of the astronaut differs from a board of Grace Hopper in the photo cells."""
    boards = []
    for name in ("astronaut.jpg", "grace_hopper.jpg"):
        folder = photo_folder(tmp_path / name.split(".")[0], name)
        out = tmp_path / f"{name}.png"
        assert run_cli(capsys, "frames", "sheet", "-o", out, "--photos", folder).code == 0
        with Image.open(out) as image:
            boards.append(np.asarray(image.convert("RGB"), dtype=np.int16))
    assert boards[0].shape == boards[1].shape
    cell = (slice(GAP + LABEL_HEIGHT, GAP + LABEL_HEIGHT + CELL), slice(GAP, GAP + CELL))
    assert float(np.abs(boards[0][cell] - boards[1][cell]).mean()) > 10


def test_frames_sheet_default_photos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheet.png"
    run = run_cli(capsys, "frames", "sheet", "-o", out)
    assert run.code == 0, run.err
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == sheet_size(len(bundled_frames()), len(sample_photos()[:4]))


def test_frames_sheet_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    photos = photo_folder(tmp_path / "photos", "grace_hopper.jpg")
    out = tmp_path / "sheet.png"
    out.write_bytes(b"keep me")
    run = run_cli(capsys, "frames", "sheet", "-o", out, "--photos", photos)
    assert run.code == 2
    assert "already exists" in run.err
    assert out.read_bytes() == b"keep me"

    run = run_cli(capsys, "frames", "sheet", "-o", out, "--photos", photos, "--overwrite")
    assert run.code == 0, run.err
    with Image.open(out) as image:
        assert image.format == "PNG"


def test_frames_sheet_with_no_photos_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = photo_folder(tmp_path / "empty")
    run = run_cli(capsys, "frames", "sheet", "-o", tmp_path / "sheet.png", "--photos", empty)
    assert run.code == 2
    assert "error:" in run.err
    assert not (tmp_path / "sheet.png").exists()


def test_frames_sheet_with_a_missing_photos_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder"
    run = run_cli(capsys, "frames", "sheet", "-o", tmp_path / "sheet.png", "--photos", missing)
    assert run.code == 2
    assert run.err.splitlines() == [f"error: {missing}: there is no such folder"]
    assert "Traceback" not in run.err
    assert list(tmp_path.iterdir()) == []


def test_frames_sheet_with_a_file_as_photos_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "astronaut.jpg"
    shutil.copyfile(DATA / "astronaut.jpg", photo)
    run = run_cli(capsys, "frames", "sheet", "-o", tmp_path / "sheet.png", "--photos", photo)
    assert run.code == 2
    assert run.err.splitlines() == [f"error: {photo}: this is a file, not a folder of photos"]
    assert not (tmp_path / "sheet.png").exists()


def test_frames_sheet_with_an_unreadable_photos_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = photo_folder(tmp_path / "locked", "astronaut.jpg")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads any folder: refuse the listing as the OS would
            listing = Path.iterdir

            def refuse(self: Path) -> Iterator[Path]:
                if self == locked:
                    raise PermissionError(errno.EACCES, "Permission denied", str(self))
                return listing(self)

            monkeypatch.setattr(Path, "iterdir", refuse)
        run = run_cli(capsys, "frames", "sheet", "-o", tmp_path / "sheet.png", "--photos", locked)
    finally:
        locked.chmod(0o755)
    assert run.code == 2
    assert run.err.splitlines() == [f"error: {locked}: the folder cannot be read (permission denied)"]
    assert not (tmp_path / "sheet.png").exists()


def test_frames_sheet_skips_a_folder_named_like_a_photo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photos = photo_folder(tmp_path / "photos", "astronaut.jpg")
    with Image.open(DATA / "grace_hopper.jpg") as portrait:
        portrait.save(photos / "grace_hopper.gif")
    (photos / "album.jpg").mkdir()
    run = run_cli(capsys, "frames", "sheet", "-o", tmp_path / "sheet.png", "--photos", photos)
    assert run.code == 0, run.err
    assert "x 2 photos)" in run.out  # the GIF counts (the loader reads GIF); the folder does not


# ---------------------------------------------------------------------------------------
# qr
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".png", ".svg"])
@pytest.mark.parametrize(
    ("options", "link"),
    [
        ([], LINK),
        (["--link", "https://example.org/lạng-sơn?x=1"], "https://example.org/lạng-sơn?x=1"),
        (["--frame", "congress-badge"], LINK),
    ],
    ids=["default-frame", "link", "frame-id"],
)
def test_qr_writes_a_code_that_decodes_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], link: str, suffix: str
) -> None:
    out = tmp_path / f"qr{suffix}"
    run = run_cli(capsys, "qr", "-o", out, *options)
    assert run.code == 0, run.err
    assert f"decoded back to {link}" in run.out
    decoded = decode_png(out) if suffix == ".png" else decode_qr(rasterise_svg(out))
    assert decoded == link


def test_qr_default_link_is_the_default_frame_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, "qr", "-o", tmp_path / "qr.png")
    assert run.code == 0, run.err
    assert decode_png(tmp_path / "qr.png") == find_frame().link


def test_qr_frame_by_folder_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    shutil.copytree(frames_dir() / "congress-ring", folder)
    toml = folder / "frame.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(LINK, "https://example.org/mine"), encoding="utf-8"
    )
    run = run_cli(capsys, "qr", "--frame", folder, "-o", tmp_path / "qr.png")
    assert run.code == 0, run.err
    assert decode_png(tmp_path / "qr.png") == "https://example.org/mine"


@pytest.mark.parametrize("size", [200, 800])
def test_qr_size_option(tmp_path: Path, capsys: pytest.CaptureFixture[str], size: int) -> None:
    out = tmp_path / "qr.png"
    assert run_cli(capsys, "qr", "-o", out, "--size", str(size)).code == 0
    with Image.open(out) as image:
        assert abs(image.width - size) <= 0.15 * size
        assert decode_qr(image) == LINK


def test_qr_empty_link_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, "qr", "--link", "", "-o", tmp_path / "qr.png")
    assert run.code == 2
    assert "no link" in run.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["qr", "-o", "qr.gif"],
        ["qr", "--frame", "no-such-frame", "-o", "qr.png"],
        ["qr", "--frame", "congress-ring", "--link", LINK, "-o", "qr.png"],
        ["qr", "-o", "qr.png", "--size", "10"],
        ["qr"],
    ],
    ids=["gif", "unknown-frame", "frame-and-link", "size-too-small", "no-output"],
)
def test_qr_bad_requests_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_cli(capsys, *argv)
    assert run.code == 2
    assert list(tmp_path.iterdir()) == []


def test_qr_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "qr.svg"
    out.write_text("keep me", encoding="utf-8")
    run = run_cli(capsys, "qr", "-o", out)
    assert run.code == 2
    assert "already exists" in run.err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run_cli(capsys, "qr", "-o", out, "--overwrite").code == 0
    assert decode_qr(rasterise_svg(out)) == LINK
