"""End-to-end tests of `frame-studio pack create|check|open` and `render|batch --campaign`.

`pack` and `render` run in-process (`main([...])`, output captured by capsys); `batch` runs
as a real `python -m frame_studio` process, as in test_batch_cli.py. The user's data
folder is a clean temporary folder (`FRAME_STUDIO_DATA_DIR`), so every pack opens on a
fresh profile. One test runs the core `run_batch` directly: HR's reminder comes from the
core, so the desktop app's batch writes it too.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import icalendar
import pytest
from helpers import DATA, Run, assert_image_similar, run_cli
from PIL import Image

from frame_studio.core.batch import run_batch
from frame_studio.core.batch_files import write_batch_files
from frame_studio.core.batch_plan import BatchSettings, plan_batch
from frame_studio.core.campaign import DEFAULT_INSTRUCTIONS, MANIFEST, read_manifest
from frame_studio.core.frames import find_frame
from frame_studio.core.outcome import FRAMED
from frame_studio.core.pipeline import frame_photo
from frame_studio.core.qr import decode_qr
from frame_studio.core.reminder import REMINDER_FILE

LINK = "https://example.org/dai-hoi-xvii"
START, END = dt.date.today(), dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean user data folder; returns where opened packs go."""
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path / "profile"))
    return tmp_path / "profile" / "frames"


def create(capsys: pytest.CaptureFixture[str], output: Path, *extra: str) -> Run:
    return run_cli(
        capsys,
        "pack", "create", "-o", output,
        "--frame", "congress-ring-navy", "--frame", "congress-badge",
        "--link", LINK, "--start", START.isoformat(), "--end", END.isoformat(),
        "--caption", "{ho_ten} - {don_vi} chào mừng Đại hội!",
        "--name", "Chào mừng Đại hội XVII",
        *extra,
    )  # fmt: skip


@pytest.fixture
def pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A pack of two bundled frames with presets 256 and 320 px, PNG."""
    output = tmp_path / "dai-hoi.fspack"
    run = create(capsys, output, "--sizes", "256,320", "--format", "png")
    assert run.code == 0, run.err
    return output


def test_create_writes_a_pack_that_checks_clean(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = read_manifest(pack)
    assert campaign.id == "chao-mung-dai-hoi-xvii"
    assert campaign.frames == ("congress-ring-navy", "congress-badge")
    assert (campaign.sizes, campaign.format, campaign.link) == ((256, 320), "png", LINK)
    assert campaign.instructions == DEFAULT_INSTRUCTIONS  # Vietnamese, for staff
    run = run_cli(capsys, "pack", "check", pack)
    assert run.code == 0 and run.out == ""
    assert run.err.strip() == f"{pack}: 0 problem(s)"


def test_create_refuses_a_missing_frame_or_bad_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "x.fspack"
    run = run_cli(
        capsys, "pack", "create", "-o", output, "--frame", "no-such-frame",
        "--link", LINK, "--start", "2030-01-01", "--end", "2030-02-01",
    )  # fmt: skip
    assert run.code == 2 and "no-such-frame" in run.err
    run = create(capsys, output, "--start", "2030-02-02")
    assert run.code == 2 and "ends before it starts" in run.err
    assert create(capsys, output, "--end", "29/09/2030").code == 2  # argparse: not a date
    assert not output.exists()


def test_an_ended_campaign_checks_clean_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ended = tmp_path / "ended.fspack"
    assert create(capsys, ended, "--start", "2020-09-01", "--end", "2020-09-29").code == 0
    run = run_cli(capsys, "pack", "check", ended)
    assert run.code == 0  # still usable on purpose (issue 7): not a problem
    assert run.out.splitlines() == ["note: the campaign ended on 2020-09-29"]
    assert run.err.strip() == f"{ended}: 0 problem(s)"


def test_check_prints_one_line_per_problem_and_exits_1(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "hostile.fspack"
    shutil.copyfile(pack, hostile)
    with zipfile.ZipFile(hostile, "a") as archive:
        archive.writestr("../evil.txt", "x")
    run = run_cli(capsys, "pack", "check", hostile)
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{hostile}: the entry '../evil.txt' has an empty, '.' or '..' part",
    ]
    assert not (tmp_path.parent / "evil.txt").exists()


def test_open_installs_once_into_the_user_frame_folder(
    pack: Path, profile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run_cli(capsys, "pack", "open", pack)
    assert first.code == 0, first.err
    [folder] = list(profile.iterdir())
    assert (folder / MANIFEST).is_file()
    assert f"frame: congress-ring-navy -> {folder / 'frames' / 'congress-ring-navy'}" in first.out
    assert "campaign: Chào mừng Đại hội XVII" in first.out
    again = run_cli(capsys, "pack", "open", pack)
    assert again.code == 0 and again.out == first.out
    assert list(profile.iterdir()) == [folder]


def test_open_into_a_folder_and_refuse_a_bad_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.fspack"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr(MANIFEST, "format = 99\n")
    run = run_cli(capsys, "pack", "open", bad, "--into", tmp_path / "into")
    assert run.code == 2
    assert run.err.strip() == (
        f"error: {bad}: the pack is format 99; this Frame Studio reads format 1 "
        "(update Frame Studio, or ask for a pack made by this version)"
    )
    assert not (tmp_path / "into").exists()


def test_render_with_a_campaign_uses_its_frame_and_presets(
    pack: Path, profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run = run_cli(capsys, "render", DATA / "grace_hopper.jpg", "-o", out, "--campaign", pack)
    assert run.code == 0, run.err
    with Image.open(out / "grace_hopper_jpg.png") as image:  # the pack's format and first size
        assert (image.format, image.size) == ("PNG", (256, 256))
        expected = frame_photo(DATA / "grace_hopper.jpg", find_frame("congress-ring-navy"), size=256).image
        assert_image_similar(image, expected, 1.0, "render-campaign")
    run = run_cli(
        capsys, "render", DATA / "grace_hopper.jpg", "-o", out, "--campaign", pack,
        "--frame", "congress-badge", "--size", "200", "--format", "jpg",
    )  # fmt: skip
    assert run.code == 0, run.err
    with Image.open(out / "grace_hopper_jpg.jpg") as image:
        assert (image.format, image.size) == ("JPEG", (200, 200))
    assert len(list(profile.iterdir())) == 1  # opened once for both runs


def test_render_with_a_frame_the_pack_does_not_have(
    pack: Path, profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(
        capsys, "render", DATA / "grace_hopper.jpg", "-o", tmp_path / "out",
        "--campaign", pack, "--frame", "congress-ring",
    )  # fmt: skip
    assert run.code == 2
    assert "the pack has no frame 'congress-ring' (it has congress-ring-navy, congress-badge)" in run.err


def test_batch_with_a_campaign_writes_its_sizes_qr_and_reminder(pack: Path, tmp_path: Path) -> None:
    photos = tmp_path / "in"
    photos.mkdir()
    shutil.copyfile(DATA / "grace_hopper.jpg", photos / "grace_hopper.jpg")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "frame_studio", "batch", photos, out, "--campaign", pack, "--jobs", "1"],
        capture_output=True,
        env={**os.environ, "FRAME_STUDIO_DATA_DIR": str(tmp_path / "profile")},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    for size in (256, 320):
        with Image.open(out / f"grace_hopper_jpg-{size}.png") as image:
            assert image.size == (size, size)
    with Image.open(out / "campaign-qr.png") as image:
        assert decode_qr(image) == LINK
    calendar = icalendar.Calendar.from_ical((out / "campaign-reminder.ics").read_bytes())
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == END
    assert "Chào mừng Đại hội XVII" in str(event["SUMMARY"])
    assert len(list((tmp_path / "profile" / "frames").iterdir())) == 1


def test_core_batch_writes_the_reminder_of_the_frame_end_date(tmp_path: Path) -> None:
    photos = tmp_path / "in"
    photos.mkdir()
    shutil.copyfile(DATA / "grace_hopper.jpg", photos / "grace_hopper.jpg")
    frame = find_frame()  # the bundled frame: its campaign ended on 2020-09-29
    plan = plan_batch(photos, tmp_path / "out", BatchSettings(sizes=(200,)))
    results = list(run_batch(plan, workers=1))
    assert [result.status for result in results] == [FRAMED]
    assert not write_batch_files(plan, [result.record() for result in results]).problems
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / REMINDER_FILE).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2020, 9, 29) == frame.valid_until
    assert frame.campaign in str(event["SUMMARY"])
    assert str(event["URL"]) == frame.link
