"""The per-unit summary of a roster batch: the table the department asks for, and who has
no photo yet (the same figures as `frame-studio-summary.xlsx`, which it can open)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.summary import NO_UNIT, TOTAL, Summary


class UnitSummary(QWidget):
    """One row per unit (staff, framed, without a photo, needing review) and a total row."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: Summary | None = None
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.missing_label, 1)
        bottom.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Đơn vị"),
                self.tr("Số cán bộ"),
                self.tr("Đã gắn khung"),
                self.tr("Chưa có ảnh"),
                self.tr("Cần xem lại"),
            ]
        )
        self.open_button.setText(self.tr("Mở bảng tổng hợp"))
        self.show_summary(self.summary)

    def show_summary(self, summary: Summary | None) -> None:
        """Fill the table (None: empty, no roster)."""
        self.summary = summary
        rows = summary.rows if summary else ()
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for index, row in enumerate(rows):
            is_total = summary is not None and index == len(rows) - 1
            label = self._unit_text(row.unit, is_total)
            for column, value in enumerate((label, row.staff, row.framed, row.without_photo, row.review)):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if is_total:
                    item.setFont(bold)
                self.table.setItem(index, column, item)
        self.missing_label.setText(self._missing_text(summary))

    def _unit_text(self, unit: str, is_total: bool) -> str:
        if is_total and unit == TOTAL:
            return self.tr("Tổng cộng")
        if unit == NO_UNIT:
            return self.tr("(Chưa ghi đơn vị)")
        return unit

    def _missing_text(self, summary: Summary | None) -> str:
        if summary is None:
            return ""
        people = summary.without_photo
        if not people:
            return self.tr("Mọi cán bộ trong danh sách đều đã có ảnh.")
        names = ", ".join(member.name or member.photo for member in people[:20])
        more = self.tr(" và %n người khác", "", len(people) - 20) if len(people) > 20 else ""
        return self.tr("Chưa có ảnh (%n người): ", "", len(people)) + names + more + "."
