"""How a roster batch names its files: the photo's own name, or a template of roster columns.

The template is typed or built from the roster's columns (offered by their headers as the
roster says them); the first names it makes are previewed as soon as the roster has been
read (on a worker, by `batch_run.preview`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.roster import Roster

UNIT_AND_NAME = "{{{unit}}}/{{{name}}}"
PREVIEW_DELAY_MS = 300


class NamingBox(QWidget):
    """Choose the output names: the photo's name, or a template of the roster's columns."""

    changed = Signal()
    preview_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster: Roster | None = None
        self.mode_box = QComboBox()
        self.mode_box.addItem("", False)
        self.mode_box.addItem("", True)
        self.mode_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template_box = QComboBox()
        self.template_box.setEditable(True)
        self.template_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.column_button = QPushButton()  # its menu arrow keeps clear of the text
        self.column_menu = QMenu(self)
        self.column_button.setMenu(self.column_menu)
        self.ascii_box = QCheckBox()
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("color: palette(placeholder-text);")
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview_wanted)
        self._preview: list[str] = []
        self._problem = ""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode_box)
        row.addWidget(self.template_box, 1)
        row.addWidget(self.column_button)
        row.addWidget(self.ascii_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.preview_label)
        self.mode_box.currentIndexChanged.connect(self._changed)
        self.template_box.editTextChanged.connect(self._changed)
        self.ascii_box.toggled.connect(self._changed)
        self._update_enabled()

    def retranslate(self) -> None:
        self.mode_box.setItemText(0, self.tr("Giữ tên ảnh gốc"))
        self.mode_box.setItemText(1, self.tr("Theo danh sách cán bộ"))
        self.template_box.setToolTip(
            self.tr("Mỗi cột viết trong ngoặc nhọn, ví dụ {don_vi}/{ho_va_ten}; dấu / tạo thư mục con.")
        )
        self.column_button.setText(self.tr("Chèn cột"))
        self.ascii_box.setText(self.tr("Bỏ dấu tiếng Việt"))
        self._show_preview()

    # -- values ------------------------------------------------------------------------

    @property
    def by_roster(self) -> bool:
        return bool(self.mode_box.currentData()) and self.roster_known

    @property
    def roster_known(self) -> bool:
        return self.roster is not None

    @property
    def template(self) -> str | None:
        """The name template, or None for the photo's own name."""
        text = self.template_box.currentText().strip()
        return text if self.mode_box.currentData() and text else None

    @property
    def ascii_names(self) -> bool:
        return self.ascii_box.isChecked()

    def restore(self, template: str, ascii_names: bool) -> None:
        self.mode_box.setCurrentIndex(1 if template else 0)
        self.template_box.setEditText(template)
        self.ascii_box.setChecked(ascii_names)

    def set_roster(self, roster: Roster | None) -> None:
        """The roster read (None: none chosen, or it cannot be read): its columns are offered."""
        self.roster = roster
        text = self.template_box.currentText()
        self.column_menu.clear()
        self.template_box.blockSignals(True)
        self.template_box.clear()
        if roster is not None:
            for field in roster.fields:
                self.column_menu.addAction("{" + field + "}", partial(self._insert, field))
            if roster.name_field:
                suggestion = "{" + roster.name_field + "}"
                if roster.unit_field:
                    suggestion = UNIT_AND_NAME.format(unit=roster.unit_field, name=roster.name_field)
                self.template_box.addItem(suggestion)
        self.template_box.setEditText(text or self.template_box.itemText(0))
        self.template_box.blockSignals(False)
        self._update_enabled()
        self._show_preview()

    def set_preview(self, names: list[str], problem: str = "") -> None:
        """The first output names (or why there are none)."""
        self._preview, self._problem = names, problem
        self._show_preview()

    def set_editable(self, enabled: bool) -> None:
        self.setEnabled(enabled)

    # -- behaviour ---------------------------------------------------------------------

    def _insert(self, field: str) -> None:
        self.mode_box.setCurrentIndex(1)
        edit = self.template_box.lineEdit()
        if edit is not None:  # always: the box is editable
            edit.insert("{" + field + "}")
            edit.setFocus()

    def _changed(self) -> None:
        self._update_enabled()
        self.changed.emit()
        if self.by_roster:
            self._preview_timer.start()
        else:
            self.set_preview([])

    def _update_enabled(self) -> None:
        self.mode_box.setEnabled(self.roster_known)
        on = self.by_roster
        for widget in (self.template_box, self.column_button, self.ascii_box):
            widget.setEnabled(on)

    def _show_preview(self) -> None:
        if not self.roster_known:
            text = self.tr("Chọn danh sách cán bộ để đặt tên tệp theo họ tên, đơn vị…")
        elif self._problem:
            text = self._problem
        elif self.by_roster and self._preview:
            text = self.tr("Ví dụ: {names}").format(names="; ".join(self._preview))
        else:
            text = self.tr("Tệp kết quả giữ tên của ảnh gốc.")
        self.preview_label.setText(text)
