"""`frame-studio batch --roster --name`: files named from the roster, the Vietnamese CSV with the
person's name and unit, and the per-unit summary whose counts match the roster.

The roster has three units; a person without a photo; a photo without a person; a no-face
photo and a group photo (both need review). Real photos, an in-process run.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from helpers import Run, no_face_image, run_cli, twin_photo
from openpyxl import load_workbook

DATA = Path(__file__).resolve().parents[1] / "data"
ROSTER = [
    ["Họ và tên", "Đơn vị", "Ảnh"],
    ["Nguyễn Văn An", "Phòng Tổ chức", "an.jpg"],
    ["Trần Thị Bình", "Phòng Tổ chức", "binh"],
    ["Lê Văn Chí", "Văn phòng", "chi.jpg"],
    ["Phạm Thị Dung", "Văn phòng", "dung.jpg"],
    ["Vũ Văn Vắng", "Ban Tuyên giáo", "vang.jpg"],
    ["Đỗ Thị Em", "Ban Tuyên giáo", "em.jpg"],
]


@pytest.fixture
def roster_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Run]:
    photos = tmp_path / "ảnh"
    photos.mkdir()
    shutil.copyfile(DATA / "grace_hopper.jpg", photos / "an.jpg")
    shutil.copyfile(DATA / "grace_hopper.jpg", photos / "Binh.JPG")
    no_face_image().save(photos / "chi.jpg", quality=90)
    twin_photo().save(photos / "dung.jpg", quality=90)
    shutil.copyfile(DATA / "grace_hopper.jpg", photos / "em.jpg")
    shutil.copyfile(DATA / "grace_hopper.jpg", photos / "khach.jpg")  # nobody's
    roster = tmp_path / "danh sách.csv"
    roster.write_text("\n".join(",".join(row) for row in ROSTER) + "\n", encoding="utf-8")
    out = tmp_path / "kết quả"
    done = run_cli(
        capsys,
        "batch",
        photos,
        out,
        "--roster",
        roster,
        "--name",
        "{don_vi}/{ho_va_ten}",
        "--jobs",
        "1",
        "--size",
        "320",
    )
    return out, done


def test_files_are_named_from_the_roster(roster_run: tuple[Path, Run]) -> None:
    out, done = roster_run
    assert done.code == 0, done.err
    for unit, name in [(row[1], row[0]) for row in ROSTER[1:] if row[0] != "Vũ Văn Vắng"]:
        assert (out / unit / f"{name}.jpg").is_file(), (unit, name)
    assert (out / "khach_jpg.jpg").is_file()
    assert "note: khach.jpg: no row in the roster" in done.err
    assert "note: roster row for 'Vũ Văn Vắng': no such photo (vang.jpg)" in done.err
    assert "2 to review" in done.err and "summary by unit:" in done.err


def test_the_csv_says_who_and_where_in_vietnamese(roster_run: tuple[Path, Run]) -> None:
    out, _ = roster_run
    data = (out / "frame-studio-report.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    by_photo = {line["Ảnh gốc"]: line for line in table}
    assert by_photo["Binh.JPG"]["Họ tên"] == "Trần Thị Bình"
    assert by_photo["Binh.JPG"]["Đơn vị"] == "Phòng Tổ chức"
    assert by_photo["Binh.JPG"]["Kết quả"] == "Đã gắn khung"
    assert by_photo["chi.jpg"]["Cần xem lại"] == "Có" and by_photo["dung.jpg"]["Cần xem lại"] == "Có"
    assert by_photo["an.jpg"]["Cần xem lại"] == "Không"
    assert by_photo["khach.jpg"]["Họ tên"] == ""


def test_the_summary_counts_match_the_roster(roster_run: tuple[Path, Run]) -> None:
    out, _ = roster_run
    book = load_workbook(out / "frame-studio-summary.xlsx")
    units, missing = book.worksheets
    table = [[cell.value for cell in row] for row in units.iter_rows()]
    assert table[0] == ["Đơn vị", "Số cán bộ trong danh sách", "Đã gắn khung", "Chưa có ảnh", "Cần xem lại"]
    assert table[1:] == [
        ["Phòng Tổ chức", 2, 2, 0, 0],
        ["Văn phòng", 2, 2, 0, 2],
        ["Ban Tuyên giáo", 2, 1, 1, 0],
        ["Tổng cộng", 6, 5, 1, 2],
    ]
    people = [[cell.value for cell in row] for row in missing.iter_rows(min_row=2)]
    assert people == [["Vũ Văn Vắng", "Ban Tuyên giáo", "vang.jpg", 6]]
    book.close()
