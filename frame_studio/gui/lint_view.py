"""The lint results beside the preview: a Vietnamese heading over the core's sentences.

The core's lint speaks plain English sentences naming the layer; they are listed as they
are (they name fields of frame.toml, which are English too), under a Vietnamese summary.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget


class LintView(QGroupBox):
    """«Kiểm tra mẫu»: how many problems, then one line per problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: tuple[str, ...] | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 100)
        layout.addStretch(1)  # keeps the summary at the top when the list is hidden
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text (called again when the language changes)."""
        self.setTitle(self.tr("Kiểm tra mẫu"))
        self._show_summary()

    def show_problems(self, problems: Sequence[str]) -> None:
        """List the problems the lint found (none: the frame is fine)."""
        self.problems = tuple(problems)
        self.list.clear()
        self.list.addItems(list(self.problems))
        self.list.setVisible(bool(self.problems))
        self._show_summary()

    def _show_summary(self) -> None:
        if self.problems is None:
            self.summary.setText(self.tr("Đang kiểm tra…"))
            self.summary.setStyleSheet("color: #777")
        elif not self.problems:
            self.summary.setText(self.tr("✓ Không tìm thấy vấn đề nào."))
            self.summary.setStyleSheet("color: #1b5e20")
        else:
            self.summary.setText(self.tr("⚠ Tìm thấy {count} vấn đề:").format(count=len(self.problems)))
            self.summary.setStyleSheet("color: #b00020")
