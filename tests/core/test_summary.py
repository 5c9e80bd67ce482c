"""The per-unit summary: counts per unit of the roster, the workbook read back, written atomically.

The records are the core's own (`JobResult.record()`), each pointing at its roster row as a
batch with a roster writes it; the roster's people are `StaffMember`s in the roster's order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from frame_studio.core.atomic import is_temp_name
from frame_studio.core.errors import ExportError
from frame_studio.core.outcome import FRAMED, REJECTED, SKIPPED, JobResult
from frame_studio.core.roster import StaffMember
from frame_studio.core.summary import (
    MISSING_COLUMNS,
    NO_UNIT,
    SUMMARY_NAME,
    TOTAL,
    UNIT_COLUMNS,
    Summary,
    UnitRow,
    summarise,
    summary_xlsx,
    write_summary,
)

TO_CHUC, KE_TOAN, VAN_PHONG = "Phòng Tổ chức", "Phòng Kế toán", "Văn phòng"
STAFF = (
    StaffMember(0, "Nguyễn Văn An", TO_CHUC, "an.jpg"),  # framed
    StaffMember(1, "Trần Thị Bình", KE_TOAN, "binh.jpg"),  # no face: framed, needs review
    StaffMember(2, "Lê Văn Cường", TO_CHUC, "cuong.jpg"),  # no photo
    StaffMember(3, "Phạm Thị Dung", KE_TOAN, "dung.jpg"),  # damaged: rejected
    StaffMember(4, "Hoàng Văn Em", VAN_PHONG, "em.jpg"),  # framed by an earlier run
    StaffMember(5, "Đỗ Thị Giang", TO_CHUC, "to.jpg"),  # a group photo: needs review
    StaffMember(6, "=Vũ Hà", "", "ha.jpg"),  # no unit, no photo; a name Excel must not compute
    StaffMember(7, "Bùi Văn Khang", VAN_PHONG, "khang.jpg"),  # two photos: framed + rejected
)


def record(result: JobResult, row: int | None) -> dict[str, Any]:
    """A batch record of `result` for the roster's row `row` (None: a photo no row names)."""
    person = (
        {"name": None, "unit": None} if row is None else {"name": STAFF[row].name, "unit": STAFF[row].unit}
    )
    return result.record() | {"code": result.code, "roster_row": row} | person


RECORDS = [
    record(JobResult("an.jpg", FRAMED, ("out/an.jpg",)), 0),
    record(JobResult("binh.jpg", FRAMED, ("out/binh.jpg",), flags=("no_face",), review=True), 1),
    record(JobResult("dung.jpg", REJECTED, reason="damaged", code="damaged"), 3),
    record(JobResult("em.jpg", SKIPPED, ("out/em.jpg",)), 4),
    record(JobResult("to.jpg", FRAMED, ("out/to.jpg",), flags=("several_faces",), review=True), 5),
    record(JobResult("khang.jpg", FRAMED, ("out/khang.jpg",)), 7),
    record(JobResult("khang.png", REJECTED, reason="damaged", code="damaged"), 7),
    record(JobResult("la.jpg", FRAMED, ("out/la.jpg",)), None),  # a photo without a person
]


@pytest.fixture
def summary() -> Summary:
    return summarise(STAFF, RECORDS)


def test_each_unit_counts_its_people(summary: Summary) -> None:
    assert summary.units == (  # the roster's order of first appearance
        UnitRow(TO_CHUC, staff=3, framed=2, without_photo=1, review=1),
        UnitRow(KE_TOAN, staff=2, framed=1, without_photo=0, review=2),
        UnitRow(VAN_PHONG, staff=2, framed=2, without_photo=0, review=1),
        UnitRow(NO_UNIT, staff=1, framed=0, without_photo=1, review=0),
    )
    assert summary.total == UnitRow(TOTAL, staff=8, framed=5, without_photo=2, review=4)
    assert summary.rows == (*summary.units, summary.total)
    assert summary.without_photo == (STAFF[2], STAFF[6])


def test_a_photo_without_a_person_counts_in_no_unit() -> None:
    alone = summarise(STAFF[:1], [record(JobResult("la.jpg", FRAMED, ("out/la.jpg",)), None)])
    assert alone.units == (UnitRow(TO_CHUC, staff=1, framed=0, without_photo=1, review=0),)


def test_two_photos_of_one_person_count_once_per_column() -> None:
    group = JobResult("khang.jpg", FRAMED, ("out/khang.jpg",), flags=("several_faces",), review=True)
    again = JobResult("khang.png", FRAMED, ("out/khang_1.jpg",), flags=("padded",), review=True)
    twice = summarise(STAFF[7:], [record(group, 7), record(again, 7)])
    assert twice.units == (UnitRow(VAN_PHONG, staff=1, framed=1, without_photo=0, review=1),)


def test_only_a_skipped_photo_with_outputs_counts_as_framed() -> None:
    earlier = {
        "input": "an.jpg",
        "status": SKIPPED,
        "outputs": ["out/an.jpg"],
        "roster_row": 0,
    }  # an old record
    assert summarise(STAFF[:1], [earlier]).total.framed == 1
    assert summarise(STAFF[:1], [earlier | {"outputs": []}]).total.framed == 0


def test_an_empty_roster_sums_to_zero() -> None:
    assert summarise([], RECORDS) == Summary((), UnitRow(TOTAL, 0, 0, 0, 0), ())


def test_the_workbook_reads_back(tmp_path: Path, summary: Summary) -> None:
    path = tmp_path / SUMMARY_NAME
    write_summary(summary, path, overwrite=False)
    book = load_workbook(path)
    assert book.sheetnames == ["Theo đơn vị", "Chưa có ảnh"]

    units = book["Theo đơn vị"]
    rows = [list(row) for row in units.iter_rows(values_only=True)]
    assert rows[0] == list(UNIT_COLUMNS)
    assert rows[0] == ["Đơn vị", "Số cán bộ trong danh sách", "Đã gắn khung", "Chưa có ảnh", "Cần xem lại"]
    assert [tuple(row) for row in rows[1:]] == [tuple(row) for row in summary.rows]
    *body, total = rows[1:]
    assert total[0] == "Tổng cộng"
    assert total[1:] == [sum(row[column] for row in body) for column in range(1, len(UNIT_COLUMNS))]
    assert units.freeze_panes == "A2"
    assert all(cell.font.b for cell in units[1]) and all(cell.font.b for cell in units[units.max_row])
    assert not any(cell.font.b for cell in units[2])
    assert all(units.column_dimensions[letter].width >= 12 for letter in "ABCDE")

    missing = book["Chưa có ảnh"]
    rows = [list(row) for row in missing.iter_rows(values_only=True)]
    assert rows == [
        list(MISSING_COLUMNS),
        ["Lê Văn Cường", TO_CHUC, "cuong.jpg", 4],  # data row 2 of the roster: Excel's row 4
        ["=Vũ Hà", NO_UNIT, "ha.jpg", 8],
    ]
    assert missing.freeze_panes == "A2" and all(cell.font.b for cell in missing[1])
    assert missing["A3"].data_type == "s"  # a text, not a formula


def test_the_workbook_bytes_are_a_workbook(tmp_path: Path, summary: Summary) -> None:
    (tmp_path / "a.xlsx").write_bytes(summary_xlsx(summary))
    assert load_workbook(tmp_path / "a.xlsx", read_only=True).sheetnames == ["Theo đơn vị", "Chưa có ảnh"]


def test_write_summary_never_replaces_a_file_it_was_not_told_to(tmp_path: Path, summary: Summary) -> None:
    path = tmp_path / SUMMARY_NAME
    path.write_bytes(b"someone's own workbook")
    with pytest.raises(ExportError) as caught:
        write_summary(summary, path, overwrite=False)
    assert caught.value.code == "exists"
    assert path.read_bytes() == b"someone's own workbook"
    assert [p.name for p in tmp_path.iterdir() if is_temp_name(p.name)] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [SUMMARY_NAME]

    write_summary(summary, path, overwrite=True)  # the batch's own summary of an earlier run
    assert load_workbook(path).sheetnames == ["Theo đơn vị", "Chưa có ảnh"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [SUMMARY_NAME]
