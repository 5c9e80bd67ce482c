"""The CLI on office storage, imitated on Linux: every photo framed or clearly rejected, no traceback.

Batches run as real processes; `storage.storage_env` makes them (and their spawned workers)
meet Windows' errors: hard links refused as on FAT32/exFAT (EINVAL) or a share (EACCES),
chmod unsupported, a file held open by Excel (PermissionError on replace).
"""

from __future__ import annotations

import csv
import errno
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import DATA, Run, portrait_image, run_cli, run_subprocess
from PIL import Image
from storage import storage_env

from frame_studio.core import winpath
from frame_studio.core.atomic import is_temp_name
from frame_studio.core.out_folder import LOCK_NAME

EXIT_OK, EXIT_SOME_REJECTED, EXIT_CANNOT_START, EXIT_FILES_NOT_WRITTEN = 0, 1, 2, 3
SIDE_FILES = ("campaign-qr.png", "campaign-qr.svg", "campaign-reminder.ics")


def make_photos(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    portrait = portrait_image("grace_hopper.jpg").resize((300, 375))
    names = [f"cb_{index:02}.jpg" for index in range(count)]
    for index, name in enumerate(names):
        portrait.rotate(index, fillcolor=(128, 128, 128)).save(folder / name, quality=85)
    return names


def no_traceback(done: Run) -> None:
    assert "Traceback" not in done.err and "Traceback" not in done.out, done.err


def temps(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if is_temp_name(path.name)]


def report(out: Path) -> dict[str, dict[str, object]]:
    lines = (out / "frame-studio-report.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["input"]: record for record in map(json.loads, lines)}


@pytest.mark.parametrize("kind", ["fat32", "share"])
def test_batch_and_render_where_hard_links_are_refused(tmp_path: Path, kind: str) -> None:
    names = make_photos(tmp_path / "in", 5)
    env = storage_env(tmp_path / "imitation", links=kind)
    done = run_subprocess("batch", "in", "out", "--jobs", "2", cwd=tmp_path, env=env)
    no_traceback(done)
    assert done.code == EXIT_OK, done.err
    assert "5 framed, 0 skipped, 0 rejected" in done.err
    for name in names:
        with Image.open(tmp_path / "out" / name.replace(".jpg", "_jpg.jpg")) as image:
            assert image.size == (1080, 1080)
    assert all((tmp_path / "out" / name).is_file() for name in SIDE_FILES)
    again = run_subprocess("batch", "in", "out", "--overwrite", cwd=tmp_path, env=env)
    assert again.code == EXIT_OK, again.err
    rendered = run_subprocess("render", "in/cb_00.jpg", "-o", "single", cwd=tmp_path, env=env)
    assert rendered.code == EXIT_OK, rendered.err
    assert (tmp_path / "single" / "cb_00_jpg.png").is_file()
    assert temps(tmp_path) == []


def test_a_report_open_in_excel_keeps_both_reports_of_one_run(tmp_path: Path) -> None:
    make_photos(tmp_path / "in", 2)
    first = run_subprocess("batch", "in", "out", cwd=tmp_path)
    assert first.code == EXIT_OK, first.err
    jsonl_before = (tmp_path / "out" / "frame-studio-report.jsonl").read_bytes()
    csv_before = (tmp_path / "out" / "frame-studio-report.csv").read_bytes()
    make_photos(tmp_path / "in", 3)  # a third photo arrives
    env = storage_env(tmp_path / "imitation", held="frame-studio-report.csv")
    held = run_subprocess("batch", "in", "out", cwd=tmp_path, env=env)
    no_traceback(held)
    assert held.code == EXIT_FILES_NOT_WRITTEN, held.err
    assert "frame-studio-report.csv" in held.err and "close it" in held.err
    assert (tmp_path / "out" / "cb_02_jpg.jpg").is_file()  # the photo itself is done
    assert (tmp_path / "out" / "frame-studio-report.jsonl").read_bytes() == jsonl_before
    assert (tmp_path / "out" / "frame-studio-report.csv").read_bytes() == csv_before
    closed = run_subprocess("batch", "in", "out", cwd=tmp_path)  # Excel closed: the reports catch up
    assert closed.code == EXIT_OK, closed.err
    assert set(report(tmp_path / "out")) == {"cb_00.jpg", "cb_01.jpg", "cb_02.jpg"}
    with (tmp_path / "out" / "frame-studio-report.csv").open(encoding="utf-8-sig") as handle:
        assert [row["Ảnh gốc"] for row in csv.DictReader(handle)] == ["cb_00.jpg", "cb_01.jpg", "cb_02.jpg"]


def test_a_qr_code_open_in_a_viewer_does_not_stop_the_reports(tmp_path: Path) -> None:
    make_photos(tmp_path / "in", 2)
    assert run_subprocess("batch", "in", "out", cwd=tmp_path).code == EXIT_OK
    env = storage_env(tmp_path / "imitation", held="campaign-qr.png")
    done = run_subprocess("batch", "in", "out", "--size", "512", cwd=tmp_path, env=env)
    no_traceback(done)
    assert done.code == EXIT_FILES_NOT_WRITTEN, done.err
    assert "campaign-qr.png" in done.err
    assert all(record["status"] == "framed" for record in report(tmp_path / "out").values())
    assert (tmp_path / "out" / "campaign-qr.svg").is_file()


def test_foreign_side_files_are_never_overwritten(tmp_path: Path) -> None:
    make_photos(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    for name in SIDE_FILES:
        (out / name).write_bytes(b"the user's own " + name.encode())
    (out / "frame-studio-report.csv").mkdir()  # even a folder in the way
    done = run_subprocess("batch", "in", "out", cwd=tmp_path)
    no_traceback(done)
    assert done.code == EXIT_OK, done.err
    for name in SIDE_FILES:
        assert (out / name).read_bytes() == b"the user's own " + name.encode()
        stem, suffix = name.rsplit(".", 1)
        assert (out / f"{stem} (1).{suffix}").is_file()
    assert (out / "frame-studio-report (1).csv").is_file() and (
        out / "frame-studio-report (1).jsonl"
    ).is_file()
    assert "someone else's file" in done.err
    rerun = run_subprocess("batch", "in", "out", cwd=tmp_path)  # ours now: replaced, no " (2)"
    assert rerun.code == EXIT_OK, rerun.err
    assert not list(out.glob("* (2).*"))


def test_a_link_too_long_for_a_qr_code_still_gives_the_photos_and_reports(tmp_path: Path) -> None:
    frame = tmp_path / "frame"
    shutil.copytree(Path(__file__).parents[2] / "assets" / "frames" / "congress-ring", frame)
    toml = frame / "frame.toml"
    lines = toml.read_text(encoding="utf-8").splitlines()
    toml.write_text(
        "\n".join(
            f'link = "https://so.example/{"a" * 3000}"' if line.startswith("link =") else line
            for line in lines
        ),
        encoding="utf-8",
    )
    make_photos(tmp_path / "in", 1)
    done = run_subprocess("batch", "in", "out", "--frame", frame, cwd=tmp_path)
    no_traceback(done)
    assert done.code == EXIT_FILES_NOT_WRITTEN, done.err
    assert "too long for a QR code" in done.err
    assert report(tmp_path / "out")["cb_00.jpg"]["status"] == "framed"
    assert (tmp_path / "out" / "campaign-reminder.ics").is_file()


@pytest.mark.posix(reason="symlinks need a privilege on Windows")
def test_a_messy_photo_folder_is_scanned_without_a_crash(tmp_path: Path) -> None:
    make_photos(tmp_path / "in", 2)
    photos = tmp_path / "in"
    (photos / "a.jpg").symlink_to("b.jpg")
    (photos / "b.jpg").symlink_to("a.jpg")
    for junk in ("Thumbs.db", "desktop.ini", ".DS_Store", "._cb_00.jpg"):
        (photos / junk).write_bytes(b"\0junk")
    shutil.copyfile(DATA / "astronaut.jpg", photos / ".anh.jpg")
    done = run_subprocess("batch", "in", "out", cwd=tmp_path)
    no_traceback(done)
    assert done.code == EXIT_SOME_REJECTED, done.err
    assert "4 system files ignored" in done.err
    records = report(tmp_path / "out")
    assert set(records) == {"a.jpg", "b.jpg", "cb_00.jpg", "cb_01.jpg", ".anh.jpg"}
    assert records[".anh.jpg"]["status"] == "framed"
    assert (tmp_path / "out" / "anh_jpg.jpg").is_file()
    assert records["a.jpg"]["status"] == "rejected" and "loop" in str(records["a.jpg"]["reason"])


def test_two_batches_into_one_folder_lose_nothing(tmp_path: Path) -> None:
    names = make_photos(tmp_path / "in", 16)
    command = [sys.executable, "-m", "frame_studio", "batch", "in", "out", "--jobs", "1"]
    with subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True) as first:
        deadline = time.monotonic() + 60
        while not (tmp_path / "out" / LOCK_NAME).exists():
            assert time.monotonic() < deadline and first.poll() is None, "the first batch never started"
            time.sleep(0.05)
        second = run_subprocess("batch", "in", "out", cwd=tmp_path)
        assert first.poll() is None, "the first batch was already done: the test proves nothing"
        waiting = subprocess.Popen([*command, "--wait"], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
        _, first_err = first.communicate(timeout=180)
    _, waiting_err = waiting.communicate(timeout=180)
    no_traceback(second)
    assert second.code == EXIT_CANNOT_START
    assert "another batch is writing into this folder" in second.err and "--wait" in second.err
    assert first.returncode == EXIT_OK, first_err
    assert "16 framed" in first_err
    assert waiting.returncode == EXIT_OK, waiting_err
    assert "0 framed, 16 skipped" in waiting_err
    assert all((tmp_path / "out" / name.replace(".jpg", "_jpg.jpg")).is_file() for name in names)
    assert set(report(tmp_path / "out")) == set(names)
    assert temps(tmp_path / "out") == [] and not (tmp_path / "out" / LOCK_NAME).exists()


def test_a_read_only_output_folder_is_refused_before_any_work(tmp_path: Path, monkeypatch, capsys) -> None:
    make_photos(tmp_path / "in", 1)
    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args, **kwargs):
        if self.parent == tmp_path / "out" and ("x" in mode or "w" in mode or "a" in mode):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", read_only)
    done = run_cli(capsys, "batch", tmp_path / "in", tmp_path / "out")
    assert done.code == EXIT_CANNOT_START
    assert done.err.strip().count("\n") == 0 and "read-only" in done.err, done.err
    assert list((tmp_path / "out").iterdir()) == []


def test_a_path_too_long_for_windows_says_so(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(winpath, "APPLY_WINDOWS_RULES", True)
    make_photos(tmp_path / "in", 1)
    out = tmp_path.joinpath(*["Phòng Tổ chức cán bộ"] * 12)
    done = run_cli(capsys, "batch", tmp_path / "in", out)
    assert done.code == EXIT_CANNOT_START
    assert "too long for Windows" in done.err and "does not exist" not in done.err


def test_a_folder_name_too_long_for_the_file_system_is_one_sentence(tmp_path: Path, capsys) -> None:
    make_photos(tmp_path / "in", 1)
    done = run_cli(capsys, "batch", tmp_path / "in", tmp_path / ("Phòng Tổ chức cán bộ " * 12))
    assert done.code == EXIT_CANNOT_START
    assert done.err.startswith("error: ") and "path is too long" in done.err, done.err


def test_a_journal_that_cannot_be_written_is_one_sentence(tmp_path: Path, capsys) -> None:
    make_photos(tmp_path / "in", 1)
    (tmp_path / "out" / ".frame-studio-journal.jsonl").mkdir(parents=True)  # in the way
    done = run_cli(capsys, "batch", tmp_path / "in", tmp_path / "out")
    assert done.code == EXIT_CANNOT_START, done.err
    assert "error: " in done.err and ".frame-studio-journal.jsonl" in done.err
    assert not (tmp_path / "out" / LOCK_NAME).exists()
