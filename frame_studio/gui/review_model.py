"""The batch review list: one row per input, and one per roster note; what needs a person first.

A photo needs review when the core's verdict says so (`JobResult.review`: no face, several
faces, a fill or a softness people would see), not for every flag: the other flags are
shown as information. `ReviewModel` holds the rows in arrival order; `ReviewFilter` sorts
them (rejected, then needing review and roster notes, then the rest, each in plan order)
and filters them (all / needing review / rejected / roster notes / one flag).
Thumbnails are lazy: the first time a row's picture is asked for, the model
emits `thumbnail_wanted` and the owner loads it off the GUI thread (`load_thumbnail`),
then hands it back with `set_thumbnail`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPixmap

from frame_studio.core.journal import ACCEPTED
from frame_studio.core.outcome import FRAMED, REJECTED, SKIPPED, JobResult
from frame_studio.core.winpath import shown
from frame_studio.gui.convert import to_qimage
from frame_studio.gui.messages import error_text, flag_text, note_text

THUMBNAIL = 48
ADJUSTED = "adjusted"  # reexport() adds it: the placement was chosen by hand
FLAGS = ("no_face", "several_faces", "padded", "low_resolution", ADJUSTED, ACCEPTED)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("picture", "name", "status", "flags", "reason")
ANY, FLAGGED, REJECTED_ONLY, NOTES = "all", "flagged", "rejected", "notes"
NOTE = "note"  # the status of a roster note's row (not a photo)
REJECTED_TINT, FLAGGED_TINT, NOTE_TINT = QColor("#fde2e1"), QColor("#fff1cc"), QColor("#e3eefc")

ModelIndex = QModelIndex | QPersistentModelIndex


def flag_word(flag: str) -> str:
    """A flag in words (the shared words, plus the batch's own `adjusted` and `accepted`)."""
    if flag == ADJUSTED:
        return QCoreApplication.translate("review", "đã chỉnh tay")
    if flag == ACCEPTED:
        return QCoreApplication.translate("review", "đã xem, giữ nguyên")
    return flag_text(flag)


def is_flagged(result: JobResult) -> bool:
    """Needs a person: a finished photo whose verdict says so (not every flag does)."""
    return result.status in (FRAMED, SKIPPED) and result.review


def status_word(result: JobResult) -> str:
    if result.status == NOTE:
        return QCoreApplication.translate("review", "Ghi chú danh sách")
    if result.status == REJECTED:
        return QCoreApplication.translate("review", "Không xử lý được")
    if is_flagged(result):
        return QCoreApplication.translate("review", "Cần xem lại")
    if ADJUSTED in result.flags:
        return QCoreApplication.translate("review", "Đã chỉnh tay")
    if ACCEPTED in result.flags:
        return QCoreApplication.translate("review", "Đã xem, giữ nguyên")
    if result.status == SKIPPED:
        return QCoreApplication.translate("review", "Đã có từ lần trước")
    return QCoreApplication.translate("review", "Đã gắn khung")


def load_thumbnail(path: str, size: int = THUMBNAIL) -> QImage | None:
    """A small picture of an output file (run on a worker; JPEG decodes at reduced scale)."""
    try:
        with Image.open(path) as image:
            image.draft("RGB", (size * 2, size * 2))
            image.thumbnail((size, size), Image.Resampling.LANCZOS)
            return to_qimage(image.convert("RGBA" if "A" in image.getbands() else "RGB"))
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


@dataclass
class ReviewRow:
    """One input's row: its result, place in the plan, and (once loaded) its picture."""

    result: JobResult
    order: int
    note: str | None = None  # a roster note (a `core.errors.Note`), said in the current language
    image: QImage | None = None
    pixmap: QPixmap | None = field(default=None, repr=False)
    asked: bool = False


class ReviewModel(QAbstractTableModel):
    """The results of one batch, in arrival order."""

    thumbnail_wanted = Signal(str, str)  # input name, output path

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ReviewRow] = []
        self.by_name: dict[str, int] = {}
        self.tally: Counter[str] = Counter()  # rows per filter, kept as rows come and change

    # -- editing -----------------------------------------------------------------------

    def clear(self) -> None:
        self.beginResetModel()
        self.rows, self.by_name, self.tally = [], {}, Counter()
        self.endResetModel()

    def add(self, result: JobResult, order: int) -> None:
        """Add an input's result (or replace it when the input already has a row)."""
        if result.input in self.by_name:
            self.replace(result)
            return
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(ReviewRow(result, order))
        self.by_name[result.input] = row
        self.tally.update(filters_of(result))
        self.endInsertRows()

    def add_notes(self, notes: list[str], first_order: int) -> None:
        """Add the roster notes, each as a row of its own (it names a photo or a person), in one
        insertion (a large roster against a small folder makes thousands)."""
        if not notes:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(notes) - 1)
        for index, note in enumerate(notes):
            name = getattr(note, "params", {}).get("name", "")
            result = JobResult(name, NOTE, code=getattr(note, "code", None))
            self.rows.append(ReviewRow(result, first_order + index, note))
        self.tally.update({ANY: len(notes), NOTES: len(notes)})
        self.endInsertRows()

    def extend(self, results: list[JobResult]) -> None:
        """Add many results at once, in plan order (the last batch, shown again at start)."""
        new = [result for result in results if result.input not in self.by_name]
        if not new:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for order, result in enumerate(new):
            self.by_name[result.input] = len(self.rows)
            self.rows.append(ReviewRow(result, order))
            self.tally.update(filters_of(result))
        self.endInsertRows()

    def replace(self, result: JobResult) -> None:
        """A new result for an input (a fix by hand): its picture is loaded again."""
        row = self.by_name[result.input]
        self.tally.subtract(filters_of(self.rows[row].result))
        self.tally.update(filters_of(result))
        self.rows[row] = ReviewRow(result, self.rows[row].order)
        self._changed(row)

    def set_thumbnail(self, name: str, image: QImage | None) -> None:
        row = self.by_name.get(name)
        if row is not None and image is not None:
            self.rows[row].image, self.rows[row].pixmap = image, None
            self._changed(row)

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def result(self, row: int) -> JobResult:
        return self.rows[row].result

    def results(self) -> list[JobResult]:
        """Every photo's result, in plan order (no notes)."""
        return [row.result for row in sorted(self.rows, key=lambda row: row.order) if row.note is None]

    # -- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("review", "Ảnh"),
            QCoreApplication.translate("review", "Tệp"),
            QCoreApplication.translate("review", "Trạng thái"),
            QCoreApplication.translate("review", "Cần chú ý"),
            QCoreApplication.translate("review", "Lý do"),
        )
        return titles[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        result, column = row.result, COLUMNS[index.column()]
        if role == SORT_ROLE:
            priority = 0 if result.status == REJECTED else 1 if is_flagged(result) or row.note else 2
            return priority * 10_000_000 + row.order
        if role == Qt.ItemDataRole.DecorationRole and column == "picture":
            return self._picture(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _tint(row)
        if role == Qt.ItemDataRole.ForegroundRole and _tint(row) is not None:
            return QColor("#1f1f1f")  # readable on the tint whatever the palette
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if row.note is not None:
                return self._note_text(row.note, column)
            return self._text(result, column, role == Qt.ItemDataRole.ToolTipRole)
        return None

    @staticmethod
    def _note_text(note: str, column: str) -> str | None:
        if column == "name":
            return getattr(note, "params", {}).get("name") or None
        if column == "status":
            return QCoreApplication.translate("review", "Ghi chú danh sách")
        if column == "reason":
            return note_text(note)
        return None

    def _picture(self, row: ReviewRow) -> QPixmap | None:
        if row.image is None:
            if not row.asked and row.result.outputs and row.result.status in (FRAMED, SKIPPED):
                row.asked = True
                self.thumbnail_wanted.emit(row.result.input, row.result.outputs[0])
            return None
        if row.pixmap is None:
            row.pixmap = QPixmap.fromImage(row.image)
        return row.pixmap

    def _text(self, result: JobResult, column: str, tooltip: bool) -> str | None:
        if column == "name":
            staff = result.staff
            who = " · ".join(part for part in (staff.name, staff.unit) if part) if staff else ""
            return f"{shown(result.input)}\n{who}" if who else shown(result.input)
        if column == "status":
            return status_word(result)
        if column == "flags":
            return ", ".join(flag_word(flag) for flag in result.flags)
        if column == "reason":
            if result.status != REJECTED:
                return None
            text = error_text(result.code, result.reason)
            return f"{text}\n({result.reason})" if tooltip and result.reason else text
        if column == "picture" and tooltip and result.outputs:
            return str(Path(result.outputs[0]))
        return None


def _tint(row: ReviewRow) -> QColor | None:
    """Rejected red, needing review amber, a roster note blue, the rest the palette's."""
    if row.note is not None:
        return NOTE_TINT
    if row.result.status == REJECTED:
        return REJECTED_TINT
    return FLAGGED_TINT if is_flagged(row.result) else None


class ReviewFilter(QSortFilterProxyModel):
    """Rejected, then needing review and notes, then the rest; showing all, needing review,
    rejected, roster notes or one flag."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = ANY
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def set_mode(self, mode: str) -> None:
        """`all`, `flagged`, `rejected`, or a flag such as `no_face`."""
        self.beginFilterChange()
        self.mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, ReviewModel):
            return True
        result = model.result(source_row)
        if self.mode == ANY:
            return True
        if self.mode == FLAGGED:
            return is_flagged(result)
        if self.mode == REJECTED_ONLY:
            return result.status == REJECTED
        if self.mode == NOTES:
            return result.status == NOTE
        return self.mode in result.flags

    def result_at(self, index: ModelIndex) -> JobResult | None:
        model = self.sourceModel()
        if not index.isValid() or not isinstance(model, ReviewModel):
            return None
        return model.result(self.mapToSource(index).row())


def filters_of(result: JobResult) -> list[str]:
    """The filters that show this result."""
    shown = [ANY, *(flag for flag in dict.fromkeys(result.flags) if flag in FLAGS)]
    if is_flagged(result):
        shown.append(FLAGGED)
    if result.status == REJECTED:
        shown.append(REJECTED_ONLY)
    return shown
