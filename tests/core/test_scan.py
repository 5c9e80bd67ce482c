"""Tests of `scan_inputs`: real folders in tmp_path, every odd entry an office PC can hold.

Links, FIFOs and permission bits need POSIX (and permission bits a user that is not root):
those tests skip elsewhere with a reason. Failures that cannot be made on purpose (a
listing that breaks midway, an entry whose stat fails) are injected with monkeypatch.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frame_studio.core.atomic import TEMP_SUFFIX
from frame_studio.core.batch_plan import BatchSettings, plan_batch
from frame_studio.core.jobs import Job
from frame_studio.core.journal import JOURNAL_NAME
from frame_studio.core.out_folder import LOCK_NAME
from frame_studio.core.scan import ScanResult, is_own_file, scan_inputs

DATA = Path(__file__).parent.parent / "data"

needs_links = pytest.mark.posix(reason="creating symlinks needs a privilege the Windows test machines lack")
needs_posix_permissions = pytest.mark.posix(reason="chmod 000 does not make a folder unreadable on Windows")


def photo(path: Path) -> Path:
    """A copy of a real portrait at `path` (parents made)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / "grace_hopper.jpg", path)
    return path


def names(result: ScanResult) -> list[str]:
    return [job.name for job in result.jobs]


def by_name(result: ScanResult) -> dict[str, Job]:
    return {job.name: job for job in result.jobs}


def problem_of(result: ScanResult, name: str) -> tuple[str, str]:
    problem = by_name(result)[name].problem
    assert problem is not None, f"{name} was not rejected"
    return problem


@pytest.fixture
def in_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


# ---------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------


@needs_links
def test_symlink_loops_are_rejected_jobs_not_a_crash(in_dir: Path) -> None:
    photo(in_dir / "good.jpg")
    (in_dir / "a.jpg").symlink_to("b.jpg")
    (in_dir / "b.jpg").symlink_to("a.jpg")
    (in_dir / "self.jpg").symlink_to("self.jpg")
    result = scan_inputs(in_dir)
    assert names(result) == ["a.jpg", "b.jpg", "good.jpg", "self.jpg"]
    for name in ("a.jpg", "b.jpg", "self.jpg"):
        assert problem_of(result, name) == ("link_loop", "the link leads round in a loop")
    assert by_name(result)["good.jpg"].problem is None


@needs_links
def test_dangling_link_is_a_rejected_job(in_dir: Path) -> None:
    (in_dir / "gone.jpg").symlink_to(in_dir / "missing.jpg")
    result = scan_inputs(in_dir)
    assert problem_of(result, "gone.jpg") == ("not_found", "the link points to a missing file")


@needs_links
def test_link_leading_out_of_the_input_folder_is_rejected(tmp_path: Path, in_dir: Path) -> None:
    secret = photo(tmp_path / "elsewhere" / "secret.jpg")
    (in_dir / "escape.jpg").symlink_to(secret)
    (in_dir / "escape-relative.jpg").symlink_to(Path("..") / "elsewhere" / "secret.jpg")
    photo(in_dir / "real.jpg")
    (in_dir / "alias.jpg").symlink_to("real.jpg")
    result = scan_inputs(in_dir)
    for name in ("escape.jpg", "escape-relative.jpg"):
        assert problem_of(result, name) == ("outside_link", "the link leads out of the input folder")
    assert by_name(result)["alias.jpg"].problem is None  # a link that stays inside is fine


@needs_links
@pytest.mark.parametrize("recursive", [False, True], ids=["flat", "recursive"])
def test_linked_folders_are_not_followed_but_noted(in_dir: Path, recursive: bool) -> None:
    photo(in_dir / "sub" / "inner.jpg")
    (in_dir / "shortcut").symlink_to(in_dir / "sub", target_is_directory=True)
    (in_dir / "loop").symlink_to(in_dir, target_is_directory=True)
    (in_dir / "sub" / "up").symlink_to("..", target_is_directory=True)
    result = scan_inputs(in_dir, recursive=recursive)
    assert names(result) == (["sub/inner.jpg"] if recursive else [])
    linked = [note for note in result.notes if "linked folder" in note]
    expected = ["loop", "shortcut", "sub/up"] if recursive else ["loop", "shortcut"]
    assert [note.partition(":")[0] for note in linked] == expected
    assert result.ignored == 0


# ---------------------------------------------------------------------------------------
# What cannot be read
# ---------------------------------------------------------------------------------------


def permission_bits_are_enforced(tmp_path: Path) -> bool:
    """False for root (and the like), who can list a chmod-000 folder anyway."""
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0)
    try:
        list(probe.iterdir())
    except PermissionError:
        return True
    finally:
        probe.chmod(0o755)
        probe.rmdir()
    return False


@needs_posix_permissions
def test_unreadable_sub_folder_is_a_job_and_the_scan_goes_on(tmp_path: Path, in_dir: Path) -> None:
    if not permission_bits_are_enforced(tmp_path):
        pytest.skip("this user (root) reads chmod-000 folders anyway")
    photo(in_dir / "a" / "one.jpg")
    photo(in_dir / "b-locked" / "two.jpg")
    photo(in_dir / "c" / "three.jpg")
    (in_dir / "b-locked").chmod(0)
    try:
        result = scan_inputs(in_dir, recursive=True)
    finally:
        (in_dir / "b-locked").chmod(0o755)
    assert names(result) == ["a/one.jpg", "b-locked", "c/three.jpg"]
    code, reason = problem_of(result, "b-locked")
    assert code == "unreadable_folder"
    assert reason.startswith("this folder cannot be read (") and reason.endswith(")"), reason


class BreaksAfterOne:
    """A scandir iterator that fails after its first entry, as a dying USB stick does."""

    def __init__(self, listing: Any) -> None:
        self.listing, self.given = listing, 0

    def __enter__(self) -> BreaksAfterOne:
        return self

    def __exit__(self, *exc: object) -> None:
        self.listing.close()

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        if self.given:
            raise OSError(errno.EIO, "Input/output error")
        self.given += 1
        return next(self.listing)


def test_listing_that_fails_midway_is_reported_and_the_scan_goes_on(
    in_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo(in_dir / "flaky" / "x1.jpg")
    photo(in_dir / "flaky" / "x2.jpg")
    photo(in_dir / "later" / "y.jpg")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        listing = real_scandir(path)
        return BreaksAfterOne(listing) if Path(path).name == "flaky" else listing

    monkeypatch.setattr(os, "scandir", scandir)
    result = scan_inputs(in_dir, recursive=True)
    found = names(result)
    assert found[0] == "flaky" and found[-1] == "later/y.jpg", found
    assert len([name for name in found if name.startswith("flaky/")]) == 1, found  # what was read is kept
    assert problem_of(result, "flaky") == (
        "unreadable_folder",
        "this folder could not be read to the end (Input/output error)",
    )


def test_entry_whose_stat_fails_is_reported_and_the_scan_goes_on(
    in_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo(in_dir / "a.jpg")
    photo(in_dir / "locked.jpg")
    photo(in_dir / "z.jpg")
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if isinstance(path, str | os.PathLike) and os.fspath(path) == str(in_dir / "locked.jpg"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    result = scan_inputs(in_dir)
    assert names(result) == ["a.jpg", "locked.jpg", "z.jpg"]
    assert problem_of(result, "locked.jpg") == ("unreadable", "this file cannot be read (Permission denied)")
    assert by_name(result)["z.jpg"].problem is None


def make_undecodable(folder: Path, raw: bytes, *, is_folder: bool = False) -> None:
    """Create an entry whose name is not UTF-8, or skip where the file system refuses it."""
    path = os.fsencode(folder) + os.sep.encode() + raw
    try:
        if is_folder:
            Path(os.fsdecode(path)).mkdir()
        else:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o644))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        pytest.skip(f"this file system refuses names that are not UTF-8 ({exc})")
    if all(entry.name.isprintable() for entry in folder.iterdir()):
        pytest.skip("this file system rewrote the name into valid text")


@pytest.mark.parametrize("recursive", [False, True], ids=["flat", "recursive"])
def test_undecodable_names_are_rejected_with_a_printable_name(in_dir: Path, recursive: bool) -> None:
    make_undecodable(in_dir, b"\xff\xfe.jpg")
    make_undecodable(in_dir, b"\xff-folder", is_folder=True)
    photo(in_dir / os.fsdecode(b"\xff-folder") / "inside.jpg")
    photo(in_dir / "good.jpg")
    result = scan_inputs(in_dir, recursive=recursive)
    bad = ["\\xff\\xfe.jpg", "\\xff-folder"] if recursive else ["\\xff\\xfe.jpg"]
    assert sorted(names(result)) == sorted([*bad, "good.jpg"])
    for name in bad:
        assert problem_of(result, name) == ("bad_name", "the file name is not valid text; rename the file")
        name.encode("utf-8")  # printable and writable to a UTF-8 report
    assert result.notes == (
        () if recursive else ("1 sub-folder not included (add --recursive to include them)",)
    )


# ---------------------------------------------------------------------------------------
# Names: photos whatever their name, our own files, the system's junk
# ---------------------------------------------------------------------------------------


def test_a_photo_whose_name_starts_with_a_dot_is_an_input(in_dir: Path) -> None:
    photo(in_dir / ".anh.jpg")
    photo(in_dir / ".Ảnh đẹp" / "c.jpg")
    photo(in_dir / "b.jpg")
    flat = scan_inputs(in_dir)
    assert names(flat) == [".anh.jpg", "b.jpg"]
    assert by_name(flat)[".anh.jpg"].problem is None
    assert by_name(flat)[".anh.jpg"].fingerprint[0] == (DATA / "grace_hopper.jpg").stat().st_size
    assert names(scan_inputs(in_dir, recursive=True)) == [".anh.jpg", "b.jpg", ".Ảnh đẹp/c.jpg"]


JUNK_FILES = [
    "Thumbs.db",
    "THUMBS.DB",
    "ehthumbs.db",
    "desktop.ini",
    "Desktop.INI",
    ".DS_Store",
    "._photo.jpg",
    ".localized",
    pytest.param("Icon\r", marks=pytest.mark.posix(reason="Windows refuses \\r in names")),
]


@pytest.mark.parametrize("junk", JUNK_FILES)
def test_each_junk_file_is_counted_not_listed(in_dir: Path, junk: str) -> None:
    (in_dir / junk).write_bytes(b"left by the system")
    photo(in_dir / "photo.jpg")
    result = scan_inputs(in_dir, recursive=True)
    assert names(result) == ["photo.jpg"]
    assert result.ignored == 1
    assert result.notes == ()


JUNK_FOLDERS = [
    "$RECYCLE.BIN",
    "$Recycle.Bin",
    "System Volume Information",
    ".Spotlight-V100",
    ".Trashes",
    ".fseventsd",
    "__MACOSX",
]


@pytest.mark.parametrize("junk", JUNK_FOLDERS)
def test_each_junk_folder_is_counted_not_scanned(in_dir: Path, junk: str) -> None:
    photo(in_dir / junk / "deleted.jpg")
    photo(in_dir / "photo.jpg")
    recursive = scan_inputs(in_dir, recursive=True)
    assert names(recursive) == ["photo.jpg"]
    assert recursive.ignored == 1
    flat = scan_inputs(in_dir)
    assert names(flat) == ["photo.jpg"]
    assert flat.notes == ()  # not one of the "sub-folders not included"


def test_own_files_are_skipped_silently(in_dir: Path) -> None:
    own = [
        JOURNAL_NAME,
        LOCK_NAME,
        ".fs-ab12.1234.5f3e9c1a.part",  # a temp file as atomic.py names them
        f".photo.x1y2{TEMP_SUFFIX}",  # atomic.py's temp file and temp folder suffix
    ]
    for name in own:
        (in_dir / name).write_bytes(b"ours")
    (in_dir / f"pack{TEMP_SUFFIX}").mkdir()
    photo(in_dir / ".fs-photo.jpg")  # the prefix alone does not make it ours
    photo(in_dir / "photo.part")  # nor the suffix alone
    result = scan_inputs(in_dir, recursive=True)
    assert names(result) == [".fs-photo.jpg", "photo.part"]
    assert result.ignored == 0
    assert result.notes == ()
    assert all(is_own_file(name) for name in own)


# ---------------------------------------------------------------------------------------
# Folders and order
# ---------------------------------------------------------------------------------------


def test_sub_folders_left_out_are_counted_in_one_note(in_dir: Path) -> None:
    for folder in ("Phòng A", "Phòng B", ".hidden"):
        photo(in_dir / folder / "x.jpg")
    photo(in_dir / "top.jpg")
    result = scan_inputs(in_dir)
    assert names(result) == ["top.jpg"]
    assert result.notes == ("3 sub-folders not included (add --recursive to include them)",)
    assert scan_inputs(in_dir, recursive=True).notes == ()


def test_natural_order_folder_by_folder(in_dir: Path) -> None:
    for name in ("Nhân viên 10.jpg", "nhân viên 2.jpg", "Nhân viên 1.jpg", "An.jpg"):
        photo(in_dir / name)
    for folder in ("Tổ 10", "Tổ 2"):
        photo(in_dir / folder / "b 10.jpg")
        photo(in_dir / folder / "b 9.jpg")
    result = scan_inputs(in_dir, recursive=True)
    assert names(result) == [
        "An.jpg",
        "Nhân viên 1.jpg",
        "nhân viên 2.jpg",
        "Nhân viên 10.jpg",
        "Tổ 2/b 9.jpg",
        "Tổ 2/b 10.jpg",
        "Tổ 10/b 9.jpg",
        "Tổ 10/b 10.jpg",
    ]


@pytest.mark.posix(reason="no FIFOs on Windows")
def test_fifo_is_a_rejected_job(in_dir: Path) -> None:
    os.mkfifo(in_dir / "pipe.jpg")
    result = scan_inputs(in_dir)  # must not block opening the FIFO
    assert problem_of(result, "pipe.jpg") == ("not_a_file", "this is a special file, not a photo")


# ---------------------------------------------------------------------------------------
# Through plan_batch
# ---------------------------------------------------------------------------------------


@needs_links
def test_plan_batch_survives_a_messy_folder(tmp_path: Path, in_dir: Path) -> None:
    (in_dir / "a.jpg").symlink_to("b.jpg")
    (in_dir / "b.jpg").symlink_to("a.jpg")
    (in_dir / "Thumbs.db").write_bytes(b"thumbnails")
    (in_dir / "desktop.ini").write_bytes(b"[.ShellClassInfo]")
    photo(in_dir / ".anh.jpg")
    photo(in_dir / "good.jpg")
    plan = plan_batch(in_dir, tmp_path / "out", BatchSettings())
    assert plan.ignored == 2
    jobs = {job.name: job for job in plan.jobs}
    assert sorted(jobs) == [".anh.jpg", "a.jpg", "b.jpg", "good.jpg"]
    for name in (".anh.jpg", "good.jpg"):
        assert jobs[name].problem is None and jobs[name].previous is None and jobs[name].outputs, jobs[name]
    assert jobs["a.jpg"].problem is not None and jobs["a.jpg"].problem[0] == "link_loop"
    assert jobs["a.jpg"].outputs == ()
