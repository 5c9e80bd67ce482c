"""The QR panel: the campaign link's QR code, the link editable, export to PNG or SVG.

The code is redrawn when typing settles (a few milliseconds of work). Export runs
`save_qr` on a worker: it decodes the code back before writing, and any error is shown in
red under the buttons. A link that no longer does its job (`core.lint.link_advice`: a
Facebook profile-frame link, dead since 2022) gets a plain warning under the link; its
code is still drawn and exported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.lint import link_advice
from frame_studio.core.qr import qr_image, save_qr
from frame_studio.gui.convert import to_pixmap
from frame_studio.gui.live_text import LiveText
from frame_studio.gui.messages import error_text, failure_text
from frame_studio.gui.workers import Worker, start_worker

QR_VIEW = 240
PNG_SIZE = 600
SETTLE_MS = 200


class QrPanel(QWidget):
    """Shows and exports the QR code of a link."""

    code_updated = Signal(str)  # the link the shown code holds ("" when there is none)
    link_edited = Signal(str)  # the person changed the link
    exported = Signal(object)  # Path
    export_failed = Signal(str)

    def __init__(self, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.shown_link = ""
        self.heading, self.link_label, self.hint = QLabel(), QLabel(), QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666")
        self.link_edit = QLineEdit()
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("color: #8a5300")
        self.advice.setVisible(False)
        self.link_edit.textChanged.connect(self._typed)
        self.code = QLabel()
        self.code.setFixedSize(QR_VIEW, QR_VIEW)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setStyleSheet("background: white; border: 1px solid #ddd")
        self.png_button, self.svg_button = QPushButton(), QPushButton()
        self.png_button.clicked.connect(self.choose_png)
        self.svg_button.clicked.connect(self.choose_svg)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = LiveText(self.status)
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.timer.timeout.connect(self.update_code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.svg_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.link_label)
        layout.addWidget(self.link_edit)
        layout.addWidget(self.advice)
        layout.addWidget(self.hint)
        layout.addWidget(self.code, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text (called again when the language changes)."""
        self.note.retranslate()
        self.link_label.setText(self.tr("Đường dẫn chiến dịch (mã QR dẫn tới đây):"))
        self.hint.setText(
            self.tr("Sửa đường dẫn thì mã QR vẽ lại ngay; khi lưu mẫu mới, đường dẫn này được lưu theo.")
        )
        self.png_button.setText(self.tr("Xuất PNG…"))
        self.svg_button.setText(self.tr("Xuất SVG…"))
        if not self.shown_link:
            self.code.setText(self.tr("Chưa có đường dẫn"))
        self._show_advice()

    def set_heading(self, text: str) -> None:
        """The line above the link (which frame it belongs to)."""
        self.heading.setText(text)

    def set_link(self, link: str) -> None:
        """Show a link (not an edit: `link_edited` is not emitted) and its code."""
        self.link_edit.blockSignals(True)
        self.link_edit.setText(link)
        self.link_edit.setCursorPosition(0)
        self.link_edit.blockSignals(False)
        self.update_code()

    def link(self) -> str:
        """The link in the edit box, without surrounding spaces."""
        return self.link_edit.text().strip()

    def _typed(self, _: str) -> None:
        self.link_edited.emit(self.link())
        self.timer.start()

    def update_code(self) -> None:
        """Draw the code of the current link now."""
        self.timer.stop()
        link = self.link()
        self.shown_link = link
        ready = bool(link)
        self.png_button.setEnabled(ready)
        self.svg_button.setEnabled(ready)
        self.note.clear()
        if ready:
            self.code.setPixmap(to_pixmap(qr_image(link, size=QR_VIEW - 8)))
        else:
            self.code.clear()
            self.code.setText(self.tr("Chưa có đường dẫn"))
        self.code.setToolTip(link)
        self._show_advice()
        self.code_updated.emit(link)

    def _show_advice(self) -> None:
        """Say so when the shown link cannot do what the campaign wants (else hide)."""
        code = link_advice(self.shown_link) if self.shown_link else None
        self.advice.setText("⚠ " + error_text(code) if code else "")
        self.advice.setVisible(code is not None)

    def choose_png(self) -> None:
        self.choose_export(".png")

    def choose_svg(self) -> None:
        self.choose_export(".svg")

    def choose_export(self, suffix: str) -> None:
        """Ask for a file name, then export (the dialog already asked about replacing)."""
        kind = "PNG (*.png)" if suffix == ".png" else "SVG (*.svg)"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất mã QR"), f"campaign-qr{suffix}", kind)
        if name:
            path = Path(name)
            self.export(path if path.suffix.lower() == suffix else path.with_suffix(suffix), overwrite=True)

    def export(self, path: Path, *, overwrite: bool = False) -> Worker:
        """Write the code to a .png or .svg file on a worker (it is decoded back first)."""
        self.status.setStyleSheet("color: #777")
        self.note.show(lambda: self.tr("Đang xuất {name}…").format(name=path.name))
        size = PNG_SIZE if path.suffix.lower() == ".png" else None
        worker = Worker(save_qr, self.link(), path, size=size, overwrite=overwrite, context=path)
        worker.signals.finished.connect(self._exported)
        worker.signals.failed.connect(self._failed)
        return start_worker(self.pool, worker)

    def _exported(self, path: Path) -> None:
        self.status.setStyleSheet("color: #1b5e20")
        self.note.show(lambda: self.tr("Đã xuất mã QR: {path}").format(path=path))
        self.exported.emit(path)

    def _failed(self, error: BaseException, _trace: str, path: Path) -> None:
        self.status.setStyleSheet("color: #b00020; font-weight: 600")
        self.note.show(
            lambda: self.tr("Không xuất được {name}: {error}").format(
                name=path.name, error=failure_text(error)
            )
        )
        self.export_failed.emit(self.status.text())
