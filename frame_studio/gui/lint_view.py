"""The frame check's results beside the preview: a Vietnamese summary over plain sentences.

The core's check (`core.lint.frame_problems`) gives structured problems; each is said in
the UI language by `messages.problem_text` ("Lời chào quá dài: ..."), never as the core's
English (`layers[3] (top_text): ...`). Advice (a problem with `advice` set) is listed
after the problems and does not count as one. Plain strings are still accepted and
listed as they are, for callers that have only a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from frame_studio.core.lint import Problem
from frame_studio.gui.messages import problem_text


class LintView(QGroupBox):
    """“Kiểm tra mẫu”: how many problems, then one line per problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: tuple[Problem | str, ...] | None = None
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
        self._show_list()
        self._show_summary()

    def show_problems(self, problems: Sequence[Problem | str]) -> None:
        """List the problems the check found (none: the frame is fine)."""
        faults = [p for p in problems if not (isinstance(p, Problem) and p.advice)]
        self.problems = (*faults, *(p for p in problems if isinstance(p, Problem) and p.advice))
        self._show_list()
        self._show_summary()

    def _line(self, problem: Problem | str) -> str:
        if not isinstance(problem, Problem):
            return problem
        text = problem_text(problem)
        return self.tr("Lưu ý: {advice}").format(advice=text) if problem.advice else text

    def _show_list(self) -> None:
        self.list.clear()
        self.list.addItems([self._line(problem) for problem in self.problems or ()])
        self.list.setVisible(bool(self.problems))

    def _faults(self) -> int:
        return sum(1 for p in self.problems or () if not (isinstance(p, Problem) and p.advice))

    def _show_summary(self) -> None:
        if self.problems is None:
            self.summary.setText(self.tr("Đang kiểm tra…"))
            self.summary.setStyleSheet("color: #777")
        elif not self._faults():
            self.summary.setText(self.tr("✓ Không tìm thấy vấn đề nào."))
            self.summary.setStyleSheet("color: #1b5e20")
        else:
            self.summary.setText(self.tr("⚠ Tìm thấy %n vấn đề:", "", self._faults()))
            self.summary.setStyleSheet("color: #b00020")
