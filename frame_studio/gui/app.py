"""The desktop app's entry point and its first window: frame one photo and save it.

All image work is a call into `frame_studio.core`, run on the app's thread pool so the
window never freezes. (The full Photo / Batch / Frames workspaces come later.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frame_studio import __version__
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, find_frame
from frame_studio.core.pipeline import Framed, frame_photo
from frame_studio.core.render import save_image

PHOTO_FILTER = "Ảnh (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.gif *.bmp *.tif *.tiff)"
PREVIEW_SIZE = 540


class FrameSignals(QObject):
    """Signals of a framing job (past tense, as everywhere in the app)."""

    finished = Signal(object)
    failed = Signal(str)


class FrameJob(QRunnable):
    """Frames one photo on a pool thread; never touches widgets."""

    def __init__(self, path: Path, frame: Frame) -> None:
        super().__init__()
        self.path, self.frame = path, frame
        self.signals = FrameSignals()

    def run(self) -> None:
        try:
            framed = frame_photo(self.path, self.frame)
        except FrameStudioError as error:
            self.signals.failed.emit(error.message)
        else:
            self.signals.finished.emit(framed)


def to_pixmap(image: Image.Image) -> QPixmap:
    """Convert a Pillow RGB image to a QPixmap (copied, so Pillow's buffer may go)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


class MainWindow(QMainWindow):
    """Open a photo, see it framed, save it."""

    def __init__(self, frame: Frame, pool: QThreadPool) -> None:
        super().__init__()
        self.frame, self.pool = frame, pool
        self.framed: Framed | None = None
        self.setWindowTitle(self.tr("Frame Studio — Khung ảnh đại diện"))
        self.preview = QLabel(self.tr("Mở một ảnh chân dung để gắn khung"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.status = QLabel()
        self.open_button = QPushButton(self.tr("Mở ảnh…"))
        self.save_button = QPushButton(self.tr("Lưu ảnh…"))
        self.save_button.setEnabled(False)
        self.open_button.clicked.connect(self.choose_photo)
        self.save_button.clicked.connect(self.save_photo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout()
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    def choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn ảnh"), "", PHOTO_FILTER)
        if name:
            self.load_photo(Path(name))

    def load_photo(self, path: Path) -> None:
        """Frame `path` in the background; the preview updates when it is done."""
        self.status.setText(self.tr("Đang xử lý {name}…").format(name=path.name))
        self.open_button.setEnabled(False)
        job = FrameJob(path, self.frame)
        job.signals.finished.connect(self.show_framed)
        job.signals.failed.connect(self.show_error)
        self.pool.start(job)

    def show_framed(self, framed: Framed) -> None:
        self.framed = framed
        self.preview.setPixmap(to_pixmap(framed.image.resize((PREVIEW_SIZE, PREVIEW_SIZE))))
        notes = {
            "no_face": self.tr("không thấy khuôn mặt"),
            "several_faces": self.tr("có nhiều khuôn mặt"),
            "padded": self.tr("ảnh được bù nền"),
            "low_resolution": self.tr("độ phân giải thấp"),
        }
        flags = ", ".join(notes.get(flag, flag) for flag in framed.flags)
        self.status.setText(self.tr("Đã gắn khung.") + (f" ({flags})" if flags else ""))
        self.open_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def show_error(self, message: str) -> None:
        self.status.setText("")
        self.open_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Không mở được ảnh"), message)

    def save_photo(self) -> None:
        if self.framed is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu ảnh"), "avatar.png", "PNG (*.png);;JPEG (*.jpg)"
        )
        if not name:
            return
        try:
            save_image(self.framed.image, name, overwrite=True)
        except FrameStudioError as error:
            QMessageBox.warning(self, self.tr("Không lưu được ảnh"), error.message)
        else:
            self.status.setText(self.tr("Đã lưu {name}").format(name=name))


def run(argv: list[str]) -> int:
    """Start the app; returns the exit status."""
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Frame Studio")
    app.setApplicationVersion(__version__)
    window = MainWindow(find_frame(), QThreadPool.globalInstance())
    window.show()
    return int(app.exec())
