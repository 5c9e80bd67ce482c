"""The per-unit summary for the department: which units of the roster are done.

`summarise` counts, per unit of the roster (in the roster's order), the staff listed, those
framed, those without a photo and those needing review, with a total row and the list of
people without a photo. `summary_xlsx` lays it out as the workbook HR sends on
(`SUMMARY_NAME`, one sheet per table); the Batch workspace shows the same rows.

A report record points at its person by `roster_row`, the `roster.StaffMember.row` of the
person (0-based, after the header); a photo that matched no row is in no unit. A person is
counted once per column, however many photos point at them.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from frame_studio.core.atomic import write_bytes_atomic
from frame_studio.core.report import needs_review
from frame_studio.core.roster import StaffMember

SUMMARY_NAME = "frame-studio-summary.xlsx"
UNIT_SHEET, MISSING_SHEET = "Theo đơn vị", "Chưa có ảnh"
UNIT_COLUMNS = ("Đơn vị", "Số cán bộ trong danh sách", "Đã gắn khung", "Chưa có ảnh", "Cần xem lại")
"""The headers of `UnitRow`'s fields, in order."""
MISSING_COLUMNS = ("Họ tên", "Đơn vị", "Tên ảnh trong danh sách", "Dòng trong danh sách")
NO_UNIT = "(Chưa ghi đơn vị)"
"""The unit of the people whose roster row names none."""
TOTAL = "Tổng cộng"


def unit_label(unit: str) -> str:
    """A roster's unit as the summary shows it (`NO_UNIT` for none)."""
    return unit.strip() or NO_UNIT


class UnitRow(NamedTuple):
    """One row of the summary table: a unit's label and its counts (`UNIT_COLUMNS`)."""

    unit: str
    staff: int
    framed: int
    without_photo: int
    review: int


@dataclass(frozen=True)
class Summary:
    """The summary: per unit in the roster's order, their total, and who has no photo yet."""

    units: tuple[UnitRow, ...]
    total: UnitRow
    without_photo: tuple[StaffMember, ...]

    @property
    def rows(self) -> tuple[UnitRow, ...]:
        """The table's rows: the units, then the total."""
        return (*self.units, self.total)


def _is_framed(record: dict[str, Any]) -> bool:
    """Framed now, or by an earlier run (skipped with its outputs)."""
    status = record.get("status")
    return status == "framed" or (status == "skipped" and bool(record.get("outputs") or record.get("output")))


def summarise(
    staff: Sequence[StaffMember], records: Iterable[dict[str, Any]], unsure: Collection[int] = ()
) -> Summary:
    """Count the roster's people per unit from the batch's report records.

    `unsure`: the rows the batch could not match for sure (two rows naming one photo, two
    photos matching one person): such a person has a photo, not yet given to them, so they
    count as needing review, not as without a photo.
    """
    by_row: dict[int, list[dict[str, Any]]] = {}
    for record in records:
        row = record.get("roster_row")
        if isinstance(row, int):
            by_row.setdefault(row, []).append(record)
    counts: dict[str, list[int]] = {}  # unit -> [staff, framed, without photo, review]
    without_photo = []
    for member in staff:
        found = by_row.get(member.row, [])
        missing = not found and member.row not in unsure
        if missing:
            without_photo.append(member)
        tally = counts.setdefault(unit_label(member.unit), [0, 0, 0, 0])
        tally[0] += 1
        tally[1] += int(any(_is_framed(record) for record in found))
        tally[2] += int(missing)
        tally[3] += int(any(needs_review(record) for record in found) or (not found and not missing))
    units = tuple(UnitRow(unit, *tally) for unit, tally in counts.items())
    total = UnitRow(
        TOTAL,
        sum(unit.staff for unit in units),
        sum(unit.framed for unit in units),
        sum(unit.without_photo for unit in units),
        sum(unit.review for unit in units),
    )
    return Summary(units, total, tuple(without_photo))


def _sheet(book: Any, title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Any:
    """A sheet with a bold, frozen header and `rows`, its columns as wide as their text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    widths = [len(text) for text in header]
    for cells in sheet.iter_rows():
        for index, cell in enumerate(cells):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a name starting with "=" is a text, never a formula
            widths[index] = max(widths[index], len(str(cell.value or "")))
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(width + 2, 60)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return sheet


def summary_xlsx(summary: Summary) -> bytes:
    """The summary as an Excel workbook: the units with a total row, then who has no photo."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    units = _sheet(book, UNIT_SHEET, UNIT_COLUMNS, summary.rows)
    for cell in units[units.max_row]:
        cell.font = Font(bold=True)
    # The roster's row as Excel numbers it: its header is row 1, so data row 0 is row 2.
    people = ((m.name, unit_label(m.unit), m.photo, m.line or m.row + 2) for m in summary.without_photo)
    _sheet(book, MISSING_SHEET, MISSING_COLUMNS, people)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_summary(summary: Summary, path: Path, *, overwrite: bool) -> None:
    """Write the summary workbook atomically.

    Raises:
        ExportError: `path` exists and `overwrite` is False, or the file cannot be written
            (open in Excel, disk full...); nothing is left under `path` or beside it.
    """
    write_bytes_atomic(path, summary_xlsx(summary), overwrite=overwrite)
