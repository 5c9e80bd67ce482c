"""Office storage in the core: writes without hard links, held files, the folder lock, long paths."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import DATA, dead_pid
from storage import hold_open, refuse_links

from frame_studio.core import atomic, winpath
from frame_studio.core.atomic import is_temp_name, remove_stale_temp_files, write_bytes_atomic
from frame_studio.core.batch_plan import BatchSettings, plan_batch
from frame_studio.core.errors import ExportError
from frame_studio.core.out_folder import (
    FOREIGN_STALE_AFTER,
    LOCK_NAME,
    FolderError,
    check_output_folder,
    claim_output_folder,
)
from frame_studio.core.processes import host_tag


def temps(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if is_temp_name(path.name)]


# --- Publishing without hard links -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fat32", "share"])
def test_a_file_is_written_where_hard_links_are_refused(tmp_path: Path, kind: str, monkeypatch) -> None:
    refuse_links(monkeypatch, kind)
    target = write_bytes_atomic(tmp_path / "a.jpg", b"new")
    assert target.read_bytes() == b"new"
    assert temps(tmp_path) == []


@pytest.mark.parametrize("kind", ["fat32", "share"])
def test_without_hard_links_an_existing_file_is_still_never_overwritten(
    tmp_path: Path, kind: str, monkeypatch
) -> None:
    refuse_links(monkeypatch, kind)
    (tmp_path / "theirs.jpg").write_bytes(b"theirs")
    with pytest.raises(ExportError) as caught:
        write_bytes_atomic(tmp_path / "theirs.jpg", b"ours")
    assert caught.value.code == "exists"
    assert (tmp_path / "theirs.jpg").read_bytes() == b"theirs"
    assert temps(tmp_path) == []
    write_bytes_atomic(tmp_path / "theirs.jpg", b"ours", overwrite=True)  # the user said so
    assert (tmp_path / "theirs.jpg").read_bytes() == b"ours"


def test_a_name_taken_while_writing_is_not_overwritten_without_links(tmp_path: Path, monkeypatch) -> None:
    refuse_links(monkeypatch, "fat32")
    target = tmp_path / "race.jpg"

    def write(handle) -> None:
        target.write_bytes(b"a colleague's file")  # appears after the first look
        handle.write(b"ours")

    with pytest.raises(ExportError) as caught:
        atomic.write_atomic(target, write)
    assert caught.value.code == "exists"
    assert target.read_bytes() == b"a colleague's file"
    assert temps(tmp_path) == []


def test_fsync_refused_by_the_file_system_is_not_an_error(tmp_path: Path, monkeypatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "fsync", fsync)
    assert write_bytes_atomic(tmp_path / "a.txt", b"x").read_bytes() == b"x"


# --- A file held open --------------------------------------------------------------------------


def test_a_file_held_open_is_retried_then_reported_with_what_to_do(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "report.csv").write_bytes(b"old")
    refused = hold_open(monkeypatch, lambda path: path.name == "report.csv")
    with pytest.raises(ExportError) as caught:
        write_bytes_atomic(tmp_path / "report.csv", b"new", overwrite=True)
    assert caught.value.code == "locked"
    assert "report.csv" in str(caught.value) and "close it" in caught.value.message
    assert len(refused) == len(atomic.RETRY_DELAYS) + 1
    assert (tmp_path / "report.csv").read_bytes() == b"old"
    assert temps(tmp_path) == []


def test_a_scan_that_lets_go_is_waited_for(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "report.csv").write_bytes(b"old")
    refused = hold_open(monkeypatch, lambda path: path.name == "report.csv", times=2)
    write_bytes_atomic(tmp_path / "report.csv", b"new", overwrite=True)
    assert len(refused) == 2
    assert (tmp_path / "report.csv").read_bytes() == b"new"


def test_a_held_new_file_without_links_leaves_no_empty_claim(tmp_path: Path, monkeypatch) -> None:
    refuse_links(monkeypatch, "fat32")
    hold_open(monkeypatch, lambda path: path.name == "new.jpg")
    with pytest.raises(ExportError) as caught:
        write_bytes_atomic(tmp_path / "new.jpg", b"x")
    assert caught.value.code == "locked"
    assert list(tmp_path.iterdir()) == []


# --- Windows' path limit -----------------------------------------------------------------------


def deep_folder(root: Path, length: int) -> Path:
    """A folder whose absolute path has exactly `length` characters (Vietnamese unit names)."""
    folder = root
    while len(str(folder.absolute())) < length - 20:
        folder = folder / "Phòng Tổ chức cán bộ"
    rest = length - len(str(folder.absolute())) - 1
    return folder / ("x" * rest)


def test_long_output_names_are_shortened_to_fit_windows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(winpath, "APPLY_WINDOWS_RULES", True)
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    name = "Nguyễn Thị Hường - Phòng Tổ chức cán bộ - ảnh thẻ 2020" * 2 + ".jpg"
    shutil.copyfile(DATA / "grace_hopper.jpg", in_dir / name)
    out_dir = deep_folder(tmp_path, 190)
    plan = plan_batch(in_dir, out_dir, BatchSettings())
    [job] = plan.jobs
    assert job.problem is None
    full = out_dir / job.outputs[0]
    assert len(str(full.absolute())) <= winpath.MAX_PATH - 1
    assert len(job.outputs[0]) >= atomic.TEMP_NAME_LENGTH  # the temp file fits too
    assert full.suffix == ".jpg" and "~" in full.name  # cut, with a hash that keeps it unique


def test_a_folder_too_deep_for_windows_is_a_clear_reason(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(winpath, "APPLY_WINDOWS_RULES", True)
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    shutil.copyfile(DATA / "grace_hopper.jpg", in_dir / "a.jpg")
    out_dir = deep_folder(tmp_path, 250)
    plan = plan_batch(in_dir, out_dir, BatchSettings())
    [job] = plan.jobs
    assert job.problem is not None and job.problem[0] == "path_too_long"
    assert "too long for Windows" in job.problem[1]
    with pytest.raises(FolderError) as caught:
        check_output_folder(out_dir)
    assert caught.value.code == "path_too_long"
    with pytest.raises(ExportError) as export:
        write_bytes_atomic(out_dir.parent / ("y" * 60), b"x")
    assert export.value.code == "path_too_long"


def test_the_windows_rule_is_off_elsewhere(tmp_path: Path) -> None:
    assert winpath.room_for_name(tmp_path, windows=False) is None
    assert winpath.room_for_name("C:/x", windows=True) is not None


# --- The output folder: checked, then locked -----------------------------------------------


def test_a_read_only_output_folder_is_one_sentence(tmp_path: Path, monkeypatch) -> None:
    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args, **kwargs):
        if "x" in mode or "w" in mode:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", read_only)
    with pytest.raises(FolderError) as caught:
        check_output_folder(tmp_path)
    assert caught.value.code == "read_only"
    assert "read-only" in str(caught.value)


def test_an_output_folder_that_cannot_be_created_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(FolderError) as caught:
        check_output_folder(tmp_path / "file" / "out")
    assert caught.value.code == "cannot_create"
    with pytest.raises(FolderError) as caught:
        check_output_folder(tmp_path / "file")
    assert caught.value.code == "not_a_folder"


def test_a_second_batch_is_refused_while_the_first_holds_the_folder(tmp_path: Path) -> None:
    with claim_output_folder(tmp_path) as first:
        record = json.loads(first.path.read_text())
        assert record["pid"] == os.getpid() and record["computer"]
        with pytest.raises(FolderError) as caught:
            claim_output_folder(tmp_path)
        assert caught.value.code == "busy"
        assert "another batch is writing into this folder" in str(caught.value)
    assert not (tmp_path / LOCK_NAME).exists()  # released
    claim_output_folder(tmp_path).release()


def write_lock(folder: Path, *, host: str, pid: int, age: float = 0.0) -> Path:
    lock = folder / LOCK_NAME
    lock.write_text(json.dumps({"host": host, "pid": pid, "started": 0, "computer": "PC-KHAC"}))
    if age:
        then = time.time() - age
        os.utime(lock, (then, then))
    return lock


def test_a_lock_left_by_a_crashed_run_here_is_taken_over(tmp_path: Path) -> None:
    write_lock(tmp_path, host=host_tag(), pid=dead_pid())
    with claim_output_folder(tmp_path) as lock:
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no stale lock kept aside


def test_a_lock_of_another_computer_is_respected_until_it_goes_stale(tmp_path: Path) -> None:
    write_lock(tmp_path, host="zzzz", pid=1)
    with pytest.raises(FolderError) as caught:
        claim_output_folder(tmp_path)
    assert "PC-KHAC" in str(caught.value)
    write_lock(tmp_path, host="zzzz", pid=1, age=FOREIGN_STALE_AFTER + 5)
    claim_output_folder(tmp_path).release()


def test_waiting_for_the_folder_starts_when_the_other_run_ends(tmp_path: Path) -> None:
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from frame_studio.core.out_folder import claim_output_folder as c; "
            "lock = c(sys.argv[1]); print('held', flush=True); time.sleep(1.5); lock.release()",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with claim_output_folder(tmp_path, wait=30, poll=0.1):
            assert time.monotonic() - started > 0.5
        assert holder.wait(timeout=30) == 0


def test_clean_up_keeps_temp_files_of_live_runs(tmp_path: Path) -> None:
    mine = tmp_path / f".fs-{host_tag()}.{os.getpid()}.aaaa.part"
    dead = tmp_path / f".fs-{host_tag()}.{dead_pid()}.bbbb.part"
    elsewhere = tmp_path / ".fs-ffff.42.cccc.part"
    old_elsewhere = tmp_path / ".fs-ffff.43.dddd.part"
    foreign = tmp_path / ".fs-notes.part"  # not one of ours by its shape: never touched
    for path in (mine, dead, elsewhere, old_elsewhere, foreign):
        path.write_bytes(b"x")
    then = time.time() - atomic.STALE_AFTER - 5
    os.utime(old_elsewhere, (then, then))
    assert remove_stale_temp_files(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (mine, elsewhere, foreign))
