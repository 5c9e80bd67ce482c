"""The variant board: every frame (a row) on every sample face (a column), drawn on workers.

Each row is drawn by one `Worker` that yields one `Cell` per photo; a row drawn again (an
edited variant applied) gets a new ticket, so late cells of an older drawing are ignored.
`rendered` is emitted when every cell of the board is drawn. Face detection is shared
between rows and the editor's preview through a thread-safe `AnalysisCache`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget

from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.images import PHOTO_SUFFIXES
from frame_studio.core.pipeline import Analysis, analyse, frame_photo
from frame_studio.gui.convert import to_qimage
from frame_studio.gui.messages import error_text, failure_text
from frame_studio.gui.workers import Worker, start_worker

THUMB = 124
NAME_COLUMN_WIDTH = 150
MAX_PHOTOS = 6


def list_photos(folder: Path, limit: int = MAX_PHOTOS) -> list[Path]:
    """The first few photos of a folder, by name (not recursive)."""
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file())
    except OSError:
        return []
    return files[:limit]


class AnalysisCache:
    """Face analyses by (photo, window shape, face target), shared by workers (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple[object, ...], Analysis] = {}

    def get(self, photo: Path, frame: Frame) -> Analysis:
        """The analysis of `photo` for `frame`'s window (computed once)."""
        key = (photo, frame.window.aspect, frame.face_target)
        with self._lock:
            found = self._items.get(key)
        if found is None:
            found = analyse(photo, frame)
            with self._lock:
                self._items[key] = found
        return found


@dataclass(frozen=True)
class Cell:
    """One drawn cell: the avatar as a QImage, or the reason it could not be drawn."""

    ticket: int
    row: int
    column: int
    image: QImage | None
    error: str | None


def render_row(
    ticket: int, row: int, frame: Frame, photos: Sequence[Path], size: int, cache: AnalysisCache
) -> Iterator[Cell]:
    """Draw one frame on every photo (run on a worker; yields cells as they are done)."""
    for column, photo in enumerate(photos):
        try:
            image = frame_photo(photo, frame, size=size, analysis=cache.get(photo, frame)).image
        except FrameStudioError as error:
            yield Cell(ticket, row, column, None, error_text(error.code, error.message))
        else:
            yield Cell(ticket, row, column, to_qimage(image), None)


class VariantBoard(QTableWidget):
    """Frames (rows) by photos (columns); column 0 names the frame."""

    rendered = Signal()
    cell_chosen = Signal(int, int)  # frame row, photo index

    def __init__(self, pool: QThreadPool, cache: AnalysisCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool, self.cache = pool, cache
        self.frames: list[Frame] = []
        self.photos: list[Path] = []
        self.images: dict[tuple[int, int], QImage] = {}
        self._tickets: dict[int, int] = {}
        self._pending: dict[int, int] = {}
        self._next_ticket = 0
        self.waiting_text = "…"
        self.edited_tip = ""
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(THUMB + 12)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(THUMB + 12)
        self.setShowGrid(False)
        self.setStyleSheet("QTableWidget::item:selected { background: palette(highlight); }")
        self.currentCellChanged.connect(self._current_changed)

    @property
    def busy(self) -> bool:
        """Some cell is still being drawn."""
        return any(self._pending.values())

    def show_board(
        self,
        frames: Sequence[Frame],
        photos: Sequence[Path],
        headers: Sequence[str],
        *,
        edited: Set[str] = frozenset(),
        row: int | None = None,
    ) -> None:
        """Lay out the grid and start drawing every row.

        `edited`: ids shown with unsaved edits; `row`: the row to select (default: the same).
        """
        self.frames, self.photos = list(frames), list(photos)
        self.images.clear()
        self._tickets.clear()
        self._pending.clear()
        row, column = max(0, self.currentRow() if row is None else row), max(1, self.currentColumn())
        self.blockSignals(True)
        self.clear()
        self.setRowCount(len(self.frames))
        self.setColumnCount(len(self.photos) + 1)
        self.setHorizontalHeaderLabels(list(headers))
        self.setColumnWidth(0, NAME_COLUMN_WIDTH)
        for index, frame in enumerate(self.frames):
            self.set_frame(index, frame, edited=frame.id in edited)
        self.blockSignals(False)
        if self.frames and self.photos:
            self.setCurrentCell(min(row, len(self.frames) - 1), min(column, len(self.photos)))
        if not self.busy:
            self.rendered.emit()

    def set_frame(self, row: int, frame: Frame, *, edited: bool = False) -> Worker | None:
        """Show `frame` in `row` (an edited variant when `edited`) and draw its cells."""
        if not self.photos:
            return None
        self.frames[row] = frame
        mark = " ✎" if edited else ""
        label = self._label(row, 0)
        label.setText(
            f"<b>{escape(frame.name)}{mark}</b><br><span style='color:#777'>{escape(frame.id)}</span>"
        )
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        label.setContentsMargins(8, 4, 8, 4)
        label.setToolTip(self.edited_tip if edited else "")
        for column in range(1, len(self.photos) + 1):
            if (row, column - 1) not in self.images:  # a redrawn cell keeps its old picture meanwhile
                self._label(row, column).setText(self.waiting_text)
            self.images.pop((row, column - 1), None)
        self._next_ticket += 1
        ticket = self._tickets[row] = self._next_ticket
        self._pending[row] = len(self.photos)
        worker = Worker(render_row, ticket, row, frame, self.photos, THUMB, self.cache, context=(ticket, row))
        worker.signals.progressed.connect(self._cell_drawn)
        worker.signals.failed.connect(self._row_failed)
        return start_worker(self.pool, worker)

    def _cell_drawn(self, cell: Cell) -> None:
        if self._tickets.get(cell.row) != cell.ticket:
            return  # an older drawing of this row
        label = self._label(cell.row, cell.column + 1)
        if cell.image is not None:
            self.images[(cell.row, cell.column)] = cell.image
            label.setPixmap(QPixmap.fromImage(cell.image))
        else:
            label.setText(cell.error or "")
            label.setStyleSheet("color: #b00020")
        self._done(cell.row, 1)

    def _row_failed(self, error: BaseException, _trace: str, context: tuple[int, int]) -> None:
        ticket, row = context
        if self._tickets.get(row) != ticket:
            return
        for column in range(1, len(self.photos) + 1):
            if (row, column - 1) not in self.images:
                label = self._label(row, column)
                label.setText(failure_text(error))
                label.setStyleSheet("color: #b00020")
        self._done(row, self._pending.get(row, 0))

    def _label(self, row: int, column: int) -> QLabel:
        """The label showing a cell (made once, then reused: no flicker, no stale widgets)."""
        label = self.cellWidget(row, column)
        if isinstance(label, QLabel):
            label.setStyleSheet("")
            return label
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        self.setCellWidget(row, column, label)
        return label

    def _done(self, row: int, count: int) -> None:
        self._pending[row] = max(0, self._pending.get(row, 0) - count)
        if not self.busy:
            self.rendered.emit()

    def _current_changed(self, row: int, column: int, *_: int) -> None:
        if row >= 0:
            self.cell_chosen.emit(row, max(0, column - 1))

    def photo_index(self) -> int:
        """The photo of the selected cell (the first photo when the name column is selected)."""
        return max(0, self.currentColumn() - 1)
