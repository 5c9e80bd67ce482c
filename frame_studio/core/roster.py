"""Staff rosters (CSV or XLSX): one row per person, a column naming their photo file.

Headers become plain field keys ("Họ và tên" -> `ho_va_ten`, "Đơn vị" -> `don_vi`) for
name templates and per-person frame text. Every value is NFC-normalised (files saved on
macOS are often NFD). A photo is matched to a row by its file name, case-insensitively,
with or without its extension.
"""

from __future__ import annotations

import csv
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
MAX_ROWS = 100_000


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
class Roster:
    """A read roster.

    Attributes:
        fields: the field keys, in column order.
        people: per photo key, that person's fields (NFC text).
        photo_field: the key of the column naming the photo.
    """

    fields: tuple[str, ...]
    people: dict[str, dict[str, str]]
    photo_field: str

    def person_for(self, file_name: str) -> dict[str, str] | None:
        """The row for a photo file, by full name or by name without extension."""
        key = photo_key(file_name)
        return self.people.get(key) or self.people.get(photo_key(Path(key).stem))


def _read_csv_rows(path: Path) -> list[list[str]]:
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
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]


def _read_xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
        raise RosterError(path, "not_a_workbook", f"not a readable Excel workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            cells = ["" if v is None else str(v) for v in values]
            if any(cell.strip() for cell in cells):
                rows.append(cells)
            if len(rows) > MAX_ROWS:
                break
        return rows
    finally:
        book.close()


def read_roster(path: str | Path) -> Roster:
    """Read a roster from a .csv or .xlsx file.

    Raises:
        RosterError: codes `unreadable`, `bad_encoding`, `not_a_workbook`, `roster_empty`,
            `roster_too_large` (over `MAX_ROWS` rows) or `no_photo_column`.
    """
    path = Path(path)
    try:
        rows = _read_xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _read_csv_rows(path)
    except OSError as exc:
        raise RosterError(path, "unreadable", f"cannot read the file ({exc.strerror})") from None
    if not rows:
        raise RosterError(path, "roster_empty", "the roster is empty")
    if len(rows) > MAX_ROWS:
        raise RosterError(path, "roster_too_large", f"the roster has more than {MAX_ROWS} rows")
    keys = tuple(field_key(header) or f"column_{i + 1}" for i, header in enumerate(rows[0]))
    photo_field = next((k for k in PHOTO_KEYS if k in keys), None)
    if photo_field is None:
        wanted = ", ".join(repr(k) for k in PHOTO_KEYS[:4])
        raise RosterError(path, "no_photo_column", f"no column names the photo file (a header like {wanted})")
    people: dict[str, dict[str, str]] = {}
    for row in rows[1:]:
        person = {
            key: unicodedata.normalize("NFC", row[i].strip()) if i < len(row) else ""
            for i, key in enumerate(keys)
        }
        if person[photo_field]:
            people[photo_key(person[photo_field])] = person
    return Roster(fields=keys, people=people, photo_field=photo_field)
