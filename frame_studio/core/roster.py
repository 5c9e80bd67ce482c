"""Staff rosters (CSV or XLSX): one row per person, a column naming their photo file.

Headers become plain field keys ("Họ và tên" -> `ho_va_ten`, "Đơn vị" -> `don_vi`) for
name templates and per-person frame text, case- and accent-insensitively ("HỌ VÀ TÊN",
"Ho va ten"); the name, unit and photo columns are recognised under their usual Vietnamese
headers ("Họ và tên"/"Họ tên", "Đơn vị", "Ảnh"/"Tên ảnh"). Every value is NFC-normalised
(files saved on macOS are often NFD). A photo is matched to a row by its file name, case-
and normalisation-insensitively, with or without its extension.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from frame_studio.core.errors import FrameStudioError

PHOTO_KEYS = (
    "anh",
    "file",
    "tep",
    "photo",
    "image",
    "filename",
    "file_anh",
    "ten_file",
    "ten_anh",
    "anh_the",
    "hinh",
    "hinh_anh",
    "tep_anh",
)
NAME_KEYS = (
    *("ho_va_ten", "ho_ten", "ho_va_ten_can_bo", "ho_ten_can_bo", "ten_can_bo", "hoten"),
    *("full_name", "name"),
)
UNIT_KEYS = ("don_vi", "don_vi_cong_tac", "co_quan", "phong_ban", "bo_phan", "unit", "department")
MAX_ROWS = 100_000
HEADER_SEARCH = 10
"""How many rows from the top may come before the header row (a title, a date...)."""


class RosterError(FrameStudioError):
    """The roster cannot be read or has no photo column."""


def strip_diacritics(text: str) -> str:
    """Vietnamese to plain ASCII letters: "Nguyễn Đức" -> "Nguyen Duc"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def field_key(header: str) -> str:
    """A column header as a template field key: "Họ và tên" -> "ho_va_ten"."""
    plain = strip_diacritics(unicodedata.normalize("NFC", header)).lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def photo_key(name: str) -> str:
    """How a photo file name is matched against the roster (NFC, case-folded)."""
    return unicodedata.normalize("NFC", Path(name.strip()).name).casefold()


@dataclass(frozen=True)
class StaffMember:
    """One person of the roster: the row (0-based, after the header), name, unit and photo,
    and the row's number as Excel shows it (`line`; 0 when not known)."""

    row: int
    name: str
    unit: str
    photo: str
    line: int = 0


@dataclass(frozen=True)
class Roster:
    """A read roster.

    Columns are recognised by their headers as field keys (`field_key`), so "Họ và tên",
    "HO VA TEN" and "họ và tên" are all `ho_va_ten`.

    Attributes:
        fields: the field keys, in column order.
        rows: every person's row, in the file's order (NFC text per field key; the
            photo name may be empty: that person has no photo yet).
        photo_field: the key of the column naming the photo.
        name_field: the key of the person's name column ("Họ và tên", "Họ tên"...), if any.
        unit_field: the key of the unit column ("Đơn vị"...), if any.
        lines: per row, its number as Excel shows it (blank rows are skipped, not counted
            out).
    """

    fields: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    photo_field: str
    name_field: str | None = None
    unit_field: str | None = None
    lines: tuple[int, ...] = ()

    @functools.cached_property
    def _rows_by_photo(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for index, row in enumerate(self.rows):
            if row[self.photo_field]:
                found.setdefault(photo_key(row[self.photo_field]), []).append(index)
        return found

    def rows_for(self, file_name: str) -> list[int]:
        """The rows naming a photo file: by full name or by name without extension, matched
        case- and normalisation-insensitively. More than one is ambiguous (not a guess)."""
        key = photo_key(file_name)
        rows = self._rows_by_photo.get(key, []) + self._rows_by_photo.get(Path(key).stem, [])
        return sorted(set(rows))

    def member(self, row: int) -> StaffMember:
        """The person of one row."""
        fields = self.rows[row]
        name = fields.get(self.name_field, "") if self.name_field else ""
        unit = fields.get(self.unit_field, "") if self.unit_field else ""
        line = self.lines[row] if row < len(self.lines) else 0
        return StaffMember(row, name, unit, fields[self.photo_field], line)

    def staff(self) -> list[StaffMember]:
        """Everyone in the roster, in the file's order."""
        return [self.member(row) for row in range(len(self.rows))]


def _read_csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError(path, "bad_encoding", "the file is neither UTF-8 nor Windows-1258 text")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    records = enumerate(csv.reader(io.StringIO(text), dialect), start=1)
    return [(line, row) for line, row in records if any(cell.strip() for cell in row)]


def _read_xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise  # missing or unreadable: said as such by `read_roster`
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
        raise RosterError(path, "not_a_workbook", f"not a readable Excel workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = ["" if v is None else str(v) for v in values]
            if any(cell.strip() for cell in cells):
                rows.append((line, cells))
            if len(rows) > MAX_ROWS:
                break
        return rows
    finally:
        book.close()


def _keys(header: list[str]) -> tuple[str, ...]:
    return tuple(field_key(title) or f"column_{i + 1}" for i, title in enumerate(header))


def _header_row(rows: list[tuple[int, list[str]]]) -> int | None:
    """The header: the first of the first `HEADER_SEARCH` rows that names a photo column (a
    roster often starts with its title, "DANH SÁCH CÁN BỘ ...", above the headers)."""
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH]):
        if any(key in PHOTO_KEYS for key in _keys(cells)):
            return index
    return None


def read_roster(path: str | Path) -> Roster:
    """Read a roster from a .csv or .xlsx file.

    Raises:
        RosterError: codes `unreadable`, `bad_encoding`, `not_a_workbook`, `old_excel`,
            `roster_empty`, `roster_too_large` (over `MAX_ROWS` rows) or `no_photo_column` (none
            of the first `HEADER_SEARCH` rows names a photo column).
    """
    path = Path(path)
    if path.suffix.lower() == ".xls":
        raise RosterError(path, "old_excel", "an Excel 97-2003 workbook (.xls): save it as .xlsx (or .csv)")
    try:
        rows = _read_xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _read_csv_rows(path)
    except OSError as exc:
        raise RosterError(path, "unreadable", f"cannot read the file ({exc.strerror})") from None
    if not rows:
        raise RosterError(path, "roster_empty", "the roster is empty")
    if len(rows) > MAX_ROWS:
        raise RosterError(path, "roster_too_large", f"the roster has more than {MAX_ROWS} rows")
    header = _header_row(rows)
    if header is None:
        wanted = ", ".join(repr(k) for k in PHOTO_KEYS[:4])
        raise RosterError(path, "no_photo_column", f"no column names the photo file (a header like {wanted})")
    keys = _keys(rows[header][1])
    photo_field = next(k for k in PHOTO_KEYS if k in keys)
    rows_read = []
    for _, row in rows[header + 1 :]:
        person = {
            key: unicodedata.normalize("NFC", row[i].strip()) if i < len(row) else ""
            for i, key in enumerate(keys)
        }
        rows_read.append(person)
    name_field = next((k for k in NAME_KEYS if k in keys), None)
    unit_field = next((k for k in UNIT_KEYS if k in keys), None)
    lines = tuple(line for line, _ in rows[header + 1 :])
    return Roster(keys, tuple(rows_read), photo_field, name_field, unit_field, lines)
