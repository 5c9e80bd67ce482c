"""The people's CSV report: Vietnamese headers, statuses, reasons and notes, read back as Excel would.

The JSON Lines report keeps the English codes; the CSV (UTF-8 with a BOM) says them in
Vietnamese and, with a roster, names each person and their unit. Records are the core's
own (`JobResult.record()`), with the batch's `code` / roster keys added where the batch
adds them; records of older reports lack those keys.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from frame_studio.core import placement
from frame_studio.core.errors import CODES
from frame_studio.core.journal import ACCEPTED
from frame_studio.core.outcome import FRAMED, REJECTED, SKIPPED, JobResult
from frame_studio.core.report import (
    CSV_COLUMNS,
    read_report,
    report_csv,
    update_reports,
    write_reports,
)
from frame_studio.core.report_words import CODE_WORDS, FLAG_WORDS, STATUS_WORDS, UNKNOWN_REASON

WORDING_TEST = Path(__file__).parents[1] / "gui" / "test_wording.py"
PEOPLE_HEADER = [
    "Ảnh gốc",
    "Họ tên",
    "Đơn vị",
    "Kết quả",
    "Cần xem lại",
    "Lý do",
    "Ghi chú",
    "Ảnh đã gắn khung",
]
#: English words that have slipped into Vietnamese texts before (whole words, any case).
ENGLISH = re.compile(
    r"\b(the|and|not|of|file|folder|photo|image|frame|framed|link|error|output|input|report|"
    r"status|review|skipped|rejected|padded|face|staff|unit|flag|reason|yes|no)\b",
    re.IGNORECASE,
)
#: Names that stay as they are in any language.
PROPER_NAMES = ("Frame Studio", "frame.toml", "campaign.toml")


def banned_words() -> dict[str, str]:
    """tests/gui/test_wording.py's BANNED table, read from its source.

    That module imports PySide6 and the main window at its top, and the core's tests must run
    without Qt, so its one list is read with `ast` rather than imported.
    """
    for node in ast.parse(WORDING_TEST.read_text(encoding="utf-8")).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "BANNED" and node.value is not None:
            banned = ast.literal_eval(node.value)
            assert isinstance(banned, dict) and banned
            return banned
    raise AssertionError(f"no BANNED table in {WORDING_TEST}")


def read_csv(data: bytes) -> list[list[str]]:
    """The CSV as Excel reads it: BOM first, then UTF-8 rows (CRLF, quoted fields)."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def with_roster(
    record: dict[str, Any], name: str | None, unit: str | None, row: int | None
) -> dict[str, Any]:
    return record | {"name": name, "unit": unit, "roster_row": row}


FRAMED_RECORD = JobResult("an.jpg", FRAMED, ("out/an.jpg", "out/an_1080.jpg")).record() | {"code": None}
GROUP_RECORD = JobResult(
    "tổ 1.jpg", FRAMED, ("out/to1.jpg",), flags=("several_faces", "adjusted"), review=True
).record() | {"code": None}
REJECTED_RECORD = JobResult(
    "hỏng.jpg", REJECTED, reason="the file's data is damaged", code="damaged"
).record() | {"code": "damaged"}
SKIPPED_RECORD = JobResult(
    "binh.jpg", SKIPPED, ("out/binh.jpg",), flags=("padded",), review=True
).record() | {"code": None}


def test_the_csv_has_a_bom_and_vietnamese_headers_and_statuses() -> None:
    rows = read_csv(report_csv([FRAMED_RECORD, GROUP_RECORD, REJECTED_RECORD, SKIPPED_RECORD]))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[0] == ["Ảnh gốc", "Kết quả", "Cần xem lại", "Lý do", "Ghi chú", "Ảnh đã gắn khung"]
    by_file = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert list(by_file) == ["an.jpg", "tổ 1.jpg", "hỏng.jpg", "binh.jpg"]  # the records' order
    assert [row["Kết quả"] for row in by_file.values()] == [
        "Đã gắn khung",
        "Đã gắn khung",
        "Không xử lý được",
        "Đã có từ lần trước",
    ]
    assert [row["Cần xem lại"] for row in by_file.values()] == ["Không", "Có", "Có", "Có"]
    assert by_file["an.jpg"]["Ảnh đã gắn khung"] == "out/an.jpg | out/an_1080.jpg"
    assert by_file["hỏng.jpg"]["Ảnh đã gắn khung"] == ""


def test_reasons_and_notes_are_vietnamese_words_for_the_codes() -> None:
    rows = read_csv(report_csv([GROUP_RECORD, REJECTED_RECORD, SKIPPED_RECORD, FRAMED_RECORD]))
    reason, notes = rows[0].index("Lý do"), rows[0].index("Ghi chú")
    assert [(row[reason], row[notes]) for row in rows[1:]] == [
        ("", "Có nhiều khuôn mặt; đã chỉnh tay"),
        ("Tệp bị hỏng, không đọc được nội dung", ""),
        ("", "Ảnh được bù nền"),
        ("", ""),
    ]
    assert "damaged" not in "".join(rows[2])  # the English sentence stays in the JSON Lines


def test_names_and_units_only_with_people() -> None:
    records = [
        with_roster(FRAMED_RECORD, "Nguyễn Văn An", "Phòng Tổ chức, Cán bộ", 0),
        with_roster(REJECTED_RECORD, None, None, None),  # a photo no roster row names
    ]
    rows = read_csv(report_csv(records, people=True))
    assert rows[0] == PEOPLE_HEADER
    assert rows[1][:4] == ["an.jpg", "Nguyễn Văn An", "Phòng Tổ chức, Cán bộ", "Đã gắn khung"]
    assert rows[2][:4] == ["hỏng.jpg", "", "", "Không xử lý được"]
    plain = read_csv(report_csv(records))
    assert plain[0] == list(CSV_COLUMNS)
    assert all("Nguyễn Văn An" not in cell for row in plain for cell in row)


def test_fields_excel_must_quote_survive_the_round_trip() -> None:
    name = 'Lê Thị "Út", tổ 2\nkiêm nhiệm'
    data = report_csv(
        [with_roster(FRAMED_RECORD | {"input": "a,b.jpg"}, name, "Phòng; Kế toán", 3)], people=True
    )
    assert b"\r\n" in data and data.count(b"\r\n") == 2  # CRLF rows; the name's own line break is quoted
    rows = read_csv(data)
    assert rows[1][:3] == ["a,b.jpg", name, "Phòng; Kế toán"]


def test_records_of_an_older_report_lack_the_new_keys() -> None:
    old = [
        {"input": "cu.jpg", "status": "framed", "output": "out/cu.jpg", "reason": None, "flags": ["padded"]},
        {"input": "hong.jpg", "status": "rejected", "output": None, "reason": "the file is empty"},
    ]
    rows = read_csv(report_csv(old, people=True))
    assert rows[1] == ["cu.jpg", "", "", "Đã gắn khung", "Không", "", "Ảnh được bù nền", "out/cu.jpg"]
    assert rows[2] == ["hong.jpg", "", "", "Không xử lý được", "Có", UNKNOWN_REASON.capitalize(), "", ""]


def test_reports_written_and_updated_keep_the_person(tmp_path: Path) -> None:
    jsonl, csv_file = tmp_path / "frame-studio-report.jsonl", tmp_path / "frame-studio-report.csv"
    records = [with_roster(REJECTED_RECORD, "Trần Bình", "Phòng Kế toán", 1)]
    write_reports(records, jsonl, csv_file, people=True)
    (line,) = jsonl.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["status"] == "rejected" and json.loads(line)["review"] is True  # English codes
    assert json.loads(line)["code"] == "damaged"
    fixed = JobResult("hỏng.jpg", FRAMED, ("out/hong.jpg",), flags=("adjusted",)).record()  # a hand fix
    update_reports(fixed, jsonl, csv_file, people=True)
    (record,) = read_report(jsonl)
    assert (record["status"], record["name"], record["unit"], record["roster_row"]) == (
        "framed",
        "Trần Bình",
        "Phòng Kế toán",
        1,
    )
    rows = read_csv(csv_file.read_bytes())
    assert rows[1] == [
        "hỏng.jpg",
        "Trần Bình",
        "Phòng Kế toán",
        "Đã gắn khung",
        "Không",
        "",
        "Đã chỉnh tay",
        "out/hong.jpg",
    ]


# -- the words --------------------------------------------------------------------------------


def test_every_status_flag_and_error_code_has_vietnamese_words() -> None:
    assert set(STATUS_WORDS) == {FRAMED, REJECTED, SKIPPED}
    flags = {placement.NO_FACE, placement.SEVERAL_FACES, placement.PADDED, placement.LOW_RESOLUTION}
    assert flags | {"adjusted", ACCEPTED} <= set(FLAG_WORDS)  # "adjusted": batch.reexport's literal
    missing = sorted(set(CODES) - set(CODE_WORDS))
    assert missing == [], "add these codes' words to core/report_words.py CODE_WORDS"
    assert sorted(set(CODE_WORDS) - set(CODES)) == []  # no words for a code that is gone


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_reads_as_a_vietnamese_reason(code: str) -> None:
    record = JobResult("x.jpg", REJECTED, reason=CODES[code], code=code).record() | {"code": code}
    cell = read_csv(report_csv([record]))[1][CSV_COLUMNS.index("Lý do")]
    assert cell and cell != UNKNOWN_REASON.capitalize() and cell[0].isupper()
    assert CODES[code] not in cell


def test_the_words_use_the_offices_terms_and_no_english() -> None:
    words = [*STATUS_WORDS.values(), *FLAG_WORDS.values(), *CODE_WORDS.values(), UNKNOWN_REASON]
    banned = banned_words()
    assert {
        text: [w for w in banned if w in text.casefold()]
        for text in words
        if any(w in text.casefold() for w in banned)
    } == {}
    english = [
        text for text in words if ENGLISH.search(re.sub("|".join(map(re.escape, PROPER_NAMES)), "", text))
    ]
    assert english == []


def test_a_formula_from_a_roster_or_a_file_name_is_never_run_by_excel() -> None:
    record = {
        "input": "=cmd.jpg",
        "status": "framed",
        "outputs": ["out/x.jpg"],
        "review": False,
        "name": '=HYPERLINK("http://evil.example/")',
        "unit": "+Phòng",
        "roster_row": 0,
    }
    rows = list(csv.reader(io.StringIO(report_csv([record], people=True).decode("utf-8-sig"))))
    assert rows[1][:3] == ["'=cmd.jpg", '\'=HYPERLINK("http://evil.example/")', "'+Phòng"]
    assert rows[1][3] == "Đã gắn khung"  # ordinary values are left as they are
