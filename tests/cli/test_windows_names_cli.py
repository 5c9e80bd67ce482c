"""A real batch whose roster holds names Windows refuses: every photo is still written.

`python -m frame_studio batch` runs as a real process with a roster of device names
(`CON `, `conin$`, `COM¹`), a name with a zero-width space inside, one ending in a dot,
and a unit with `\\` and `:`, named by a `{don_vi}\\{ho_ten}` template. Every path written
must be one Windows accepts, by the rule `windows_refuses` states here on its own (the
rule of Python 3.13's `ntpath.isreserved`, plus no invisible character).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from helpers import portrait_image, run_subprocess

EXIT_OK = 0
DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
DEVICES |= {f"{port}{digit}" for port in ("COM", "LPT") for digit in "123456789¹²³"}
ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
BIDI = {"\u200e", "\u200f", "\u061c"} | {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
ROSTER = [
    ("Tệp ảnh", "Họ tên", "Đơn vị"),
    ("cb_00.jpg", "CON ", "Phòng Tổ chức"),
    ("cb_01.jpg", "conin$", "Ban B\\C:D"),
    ("cb_02.jpg", "COM¹", "Ban B\\C:D"),
    ("cb_03.jpg", "Lê\u200bVăn Tám", "Phòng Tổ chức"),
    ("cb_04.jpg", "Nguyễn Văn An.", "LPT³"),
    ("cb_05.jpg", "Aux .jpg", "nul.tar.gz"),
]
EXPECTED = {
    "Phòng Tổ chức/_CON.jpg",
    "Ban B_C_D/_conin$.jpg",
    "Ban B_C_D/_COM¹.jpg",
    "Phòng Tổ chức/LêVăn Tám.jpg",
    "_LPT³/Nguyễn Văn An.jpg",
    "_nul.tar.gz/_Aux .jpg.jpg",
}


def windows_refuses(part: str) -> str | None:
    """Why Windows would refuse `part` as a file or folder name; None when it accepts it."""
    if part in {"", ".", ".."} or part[-1] in ". ":
        return "empty, a dot name, or ends in a dot or a space"
    if any(character in '<>:"/\\|?*' or ord(character) < 32 for character in part):
        return "has a forbidden character"
    if (ZERO_WIDTH | BIDI) & set(part):
        return "has an invisible character"
    if part.split(".")[0].rstrip(" ").upper() in DEVICES:
        return "is a device name"
    return None if len(part.encode("utf-16-le")) <= 2 * 255 else "is too long"


def test_names_windows_refuses_are_made_into_names_it_accepts(tmp_path: Path) -> None:
    portrait = portrait_image("grace_hopper.jpg").resize((240, 300))
    (tmp_path / "in").mkdir()
    for row in ROSTER[1:]:
        portrait.save(tmp_path / "in" / row[0], quality=85)
    with (tmp_path / "staff.csv").open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(ROSTER)

    template = "{don_vi}\\{ho_ten}"  # a Windows user's folder separator
    argv = ["batch", "in", "out", "--roster", "staff.csv", "--name", template, "--size", "128", "--jobs", "2"]
    done = run_subprocess(*argv, cwd=tmp_path)

    assert done.code == EXIT_OK, done.err
    lines = (tmp_path / "out" / "frame-studio-report.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [record["status"] for record in records] == ["framed"] * len(EXPECTED), records
    written = {path.relative_to(tmp_path / "out") for path in (tmp_path / "out").rglob("*")}
    assert {path.as_posix() for path in written if path.suffix == ".jpg"} == EXPECTED
    for path in written:
        refused = {part: windows_refuses(part) for part in path.parts if windows_refuses(part)}
        assert refused == {}, path
    assert (tmp_path / "out" / "Phòng Tổ chức").is_dir()  # the template's "\" made a folder
    assert not any("\\" in path.as_posix() for path in written)
