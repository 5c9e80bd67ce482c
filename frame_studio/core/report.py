"""Batch reports: JSON Lines for programs, CSV (UTF-8 with BOM, opens right in Excel) for people.

The JSON Lines report is the machine contract: one `outcome.JobResult.record()` per input,
with English codes and a `review` verdict. The CSV says the same for people, in Vietnamese
(`report_words`), with the roster's name and unit of each person when a roster was used.
Records of older versions lack some keys (`review`, `code`, `name`...): a missing key reads
as null.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from frame_studio.core.atomic import write_bytes_atomic, write_text_atomic
from frame_studio.core.report_words import NO, STATUS_WORDS, YES, flags_text, reason_text
from frame_studio.core.winpath import shown

CSV_COLUMNS = ("Ảnh gốc", "Kết quả", "Cần xem lại", "Lý do", "Ghi chú", "Ảnh đã gắn khung")
"""The CSV's columns without a roster."""
PEOPLE_COLUMNS = ("Họ tên", "Đơn vị")
"""The roster's columns, after "Ảnh gốc" when a roster was used."""
ROSTER_KEYS = ("name", "unit", "roster_row")
"""A record's keys from the roster (the person the photo is of), when a roster was used."""


def csv_columns(*, people: bool = False) -> tuple[str, ...]:
    """The CSV's header: `CSV_COLUMNS`, with `PEOPLE_COLUMNS` after the first when `people`."""
    return (CSV_COLUMNS[0], *PEOPLE_COLUMNS, *CSV_COLUMNS[1:]) if people else CSV_COLUMNS


def needs_review(record: dict[str, Any]) -> bool:
    """The record's review verdict (a rejected input always needs a person, even in an older report)."""
    return bool(record.get("review")) or record.get("status") == "rejected"


def report_jsonl(records: Iterable[dict[str, Any]]) -> str:
    """One JSON object per line."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def _csv_row(record: dict[str, Any], *, people: bool) -> list[str]:
    status = record.get("status") or ""
    outputs = record.get("outputs") or ([record["output"]] if record.get("output") else [])
    row = [
        record.get("input") or "",
        STATUS_WORDS.get(status, status),
        YES if needs_review(record) else NO,
        reason_text(record.get("code")) if status == "rejected" else "",
        flags_text(record.get("flags") or ()),
        " | ".join(outputs),
    ]
    if people:
        row[1:1] = [record.get("name") or "", record.get("unit") or ""]
    return row


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel read a CSV cell as a formula ("=HYPERLINK(...)" in a roster or a file name)."""


def _cell(text: str) -> str:
    """A value as Excel will show it, never run: a formula-like start gets a leading "'"."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def report_csv(records: Iterable[dict[str, Any]], *, people: bool = False) -> bytes:
    """The CSV for people, encoded UTF-8 with a BOM so Excel reads Vietnamese names right.

    Args:
        records: the inputs' report records.
        people: a roster was used: add each person's name and unit ("Họ tên", "Đơn vị").
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_columns(people=people))
    writer.writerows([_cell(cell) for cell in _csv_row(record, people=people)] for record in records)
    return buffer.getvalue().encode("utf-8-sig", "backslashreplace")


def write_reports(
    records: list[dict[str, Any]], jsonl_path: Path, csv_path: Path, *, people: bool = False
) -> None:
    """Write both reports atomically, replacing the previous run's.

    The CSV goes first: when it cannot be replaced (open in Excel), the JSON Lines is left
    as it was too, so the two never describe different runs. `people`: as in `report_csv`.
    """
    write_bytes_atomic(csv_path, report_csv(records, people=people), overwrite=True)
    write_text_atomic(jsonl_path, report_jsonl(records), overwrite=True)


def read_report(jsonl_path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines report (lines that do not parse are skipped)."""
    records = []
    for line in jsonl_path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and "input" in record:
            records.append(record)
    return records


def update_reports(record: dict[str, Any], jsonl_path: Path, csv_path: Path, *, people: bool = False) -> None:
    """Replace one input's record in both reports (added when it is not there yet).

    A hand fix does not change whose photo it is: the roster's keys (`ROSTER_KEYS`) that the
    new record lacks are kept from the old one. `people`: as in `report_csv`.
    """
    records = read_report(jsonl_path) if jsonl_path.is_file() else []
    for index, old in enumerate(records):
        if shown(old["input"]) == record["input"]:  # a report written before names were shown so
            kept = {key: old[key] for key in ROSTER_KEYS if key in old and key not in record}
            records[index] = record | kept
            break
    else:
        records.append(record)
    write_reports(records, jsonl_path, csv_path, people=people)
