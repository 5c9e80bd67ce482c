"""safe_zip on its own: checked entries, the caller's layout check, the streaming budget.

The hostile packs of issue 7 are in test_campaign.py (through `open_pack`); these tests
pin the small public API the campaign module builds on, with zips written in the test.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from frame_studio.core.safe_zip import (
    MAX_ENTRIES,
    ZipRefusedError,
    checked_entries,
    open_checked,
    read_entry,
    unpack,
)


def make_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def test_checked_entries_lists_files_by_name_and_leaves_folders_out(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"a/": b"", "a/b.txt": b"hello", "c.txt": b"x"})
    with zipfile.ZipFile(path) as archive:
        assert sorted(checked_entries(path, archive)) == ["a/b.txt", "c.txt"]


def test_the_callers_check_refuses_entries_that_do_not_belong(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"ok/x.txt": b"x", "stray.sh": b"rm -rf ~"})

    def only_ok(where: Path, parts: tuple[str, ...], info: zipfile.ZipInfo) -> None:
        if parts[0] != "ok":
            raise ZipRefusedError(where, "unexpected", f"{info.filename} does not belong")

    with (
        pytest.raises(ZipRefusedError, match=r"stray\.sh does not belong") as caught,
        open_checked(path, check=only_ok),
    ):
        pass
    assert caught.value.code == "unexpected" and str(caught.value).startswith(f"{path}: ")


@pytest.mark.parametrize(
    ("name", "code"),
    [("../x", "unsafe_path"), ("/etc/x", "unsafe_path"), ("a\\b", "unsafe_path"), ("aux.txt", "unsafe_path")],
)
def test_unsafe_names_are_refused(tmp_path: Path, name: str, code: str) -> None:
    path = make_zip(tmp_path / "a.zip", {name: b"x"})
    with pytest.raises(ZipRefusedError) as caught, open_checked(path):
        pass
    assert caught.value.code == code


def test_too_many_entries_are_refused_before_zipfile_parses_them(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {f"f{i}": b"" for i in range(MAX_ENTRIES + 1)})
    with pytest.raises(ZipRefusedError, match=f"limit {MAX_ENTRIES}"), open_checked(path):
        pass


def test_read_entry_stops_at_its_limit(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"big.txt": b"x" * 5000})
    with open_checked(path) as (archive, files):
        assert read_entry(path, archive, files["big.txt"], limit=5000) == b"x" * 5000
        with pytest.raises(ZipRefusedError, match="unpacks to more than it says"):
            read_entry(path, archive, files["big.txt"], limit=100)


def test_unpack_writes_every_file_inside_the_folder(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", {"a/b.txt": b"hello", "c.txt": b"x"})
    into = tmp_path / "into"
    into.mkdir()
    with open_checked(path) as (archive, files):
        unpack(path, archive, files, into)
    assert sorted(p.relative_to(into).as_posix() for p in into.rglob("*")) == ["a", "a/b.txt", "c.txt"]
    assert (into / "a" / "b.txt").read_bytes() == b"hello"


def test_a_missing_file_or_not_a_zip_is_refused(tmp_path: Path) -> None:
    with (
        pytest.raises(ZipRefusedError, match="there is no pack file here"),
        open_checked(tmp_path / "no.zip"),
    ):
        pass
    (tmp_path / "page.zip").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(ZipRefusedError, match="not a zip file"), open_checked(tmp_path / "page.zip"):
        pass
