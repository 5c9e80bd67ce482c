"""Batch reports: JSON Lines for programs, CSV (UTF-8 with BOM, opens right in Excel) for people."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from frame_studio.core.atomic import write_bytes_atomic, write_text_atomic
from frame_studio.core.winpath import shown

CSV_COLUMNS = ("file", "status", "flags", "reason", "output")


def report_jsonl(records: Iterable[dict[str, Any]]) -> str:
    """One JSON object per line."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def report_csv(records: Iterable[dict[str, Any]]) -> bytes:
    """The CSV for people, encoded UTF-8 with a BOM so Excel reads Vietnamese names right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        outputs = record.get("outputs") or ([record["output"]] if record.get("output") else [])
        writer.writerow(
            [
                record["input"],
                record["status"],
                " ".join(record.get("flags") or []),
                record.get("reason") or "",
                " | ".join(outputs),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig", "backslashreplace")


def write_reports(records: list[dict[str, Any]], jsonl_path: Path, csv_path: Path) -> None:
    """Write both reports atomically, replacing the previous run's.

    The CSV goes first: when it cannot be replaced (open in Excel), the JSON Lines is left
    as it was too, so the two never describe different runs.
    """
    write_bytes_atomic(csv_path, report_csv(records), overwrite=True)
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


def update_reports(record: dict[str, Any], jsonl_path: Path, csv_path: Path) -> None:
    """Replace one input's record in both reports (added when it is not there yet)."""
    records = read_report(jsonl_path) if jsonl_path.is_file() else []
    for index, old in enumerate(records):
        if shown(old["input"]) == record["input"]:  # a report written before names were shown so
            records[index] = record
            break
    else:
        records.append(record)
    write_reports(records, jsonl_path, csv_path)
