"""The placement canvas: shows the framed avatar and lets the user drag, zoom and turn the photo.

It draws exactly what the core renders (`compose` on the small decode), so what the user
sees is what is exported. A drag or wheel step redraws with a fast filter; once the hand
stops, the canvas redraws once more with the export filter.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from frame_studio.core.frames import Frame
from frame_studio.core.images import LoadedPhoto
from frame_studio.core.placement import Placement, moved, rotated, zoomed
from frame_studio.core.render import compose
from frame_studio.gui.convert import to_pixmap

PREVIEW_SIZE = 540
WHEEL_STEP = 1.1
KEY_STEP = 0.01


class PlacementCanvas(QWidget):
    """A square preview of the avatar that edits a `Placement`."""

    placement_changed = Signal(object)
    settled = Signal()  # redrawn with the export filter (the hand has stopped)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: LoadedPhoto | None = None
        self.frame: Frame | None = None
        self.placement: Placement | None = None
        self.preview: Image.Image | None = None
        self._pixmap = QPixmap()
        self._drag_from: QPointF | None = None
        self._settle = QTimer(self, singleShot=True, interval=150)
        self._settle.timeout.connect(self.redraw)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(PREVIEW_SIZE // 2, PREVIEW_SIZE // 2))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAccessibleName(self.tr("Ảnh đại diện xem trước"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(PREVIEW_SIZE, PREVIEW_SIZE)

    def show_photo(self, photo: LoadedPhoto, frame: Frame, placement: Placement) -> None:
        """Show a photo under a frame with a placement."""
        self.photo, self.frame = photo, frame
        self.set_placement(placement)

    def set_frame(self, frame: Frame) -> None:
        self.frame = frame
        self.redraw()

    def set_placement(self, placement: Placement, *, fast: bool = False) -> None:
        """Change the placement, redraw, and tell listeners."""
        self.placement = placement
        self.redraw(fast=fast)
        if fast:
            self._settle.start()
        self.placement_changed.emit(placement)

    def render_preview(self, *, fast: bool = False) -> Image.Image | None:
        """The avatar at preview size, as the core renders it."""
        if self.photo is None or self.frame is None or self.placement is None:
            return None
        resample = Image.Resampling.BILINEAR if fast else Image.Resampling.LANCZOS
        return compose(self.photo, self.placement, self.frame, size=PREVIEW_SIZE, resample=resample)

    def redraw(self, *, fast: bool = False) -> None:
        self.preview = self.render_preview(fast=fast)
        self._pixmap = QPixmap() if self.preview is None else to_pixmap(self.preview)
        self.update()
        if not fast:
            self.settled.emit()

    def _target_rect(self) -> tuple[float, float, float]:
        side = min(self.width(), self.height())
        return (self.width() - side) / 2, (self.height() - side) / 2, side

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        left, top, side = self._target_rect()
        if self._pixmap.isNull():
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Kéo thả ảnh vào đây\nhoặc bấm «Mở ảnh…»")
            )
        else:
            painter.drawPixmap(round(left), round(top), round(side), round(side), self._pixmap)
        painter.end()

    def _window_pixels(self) -> float:
        """The window's height on screen, in widget pixels."""
        assert self.frame is not None
        return self.frame.window.box[3] * self._target_rect()[2]

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.placement is not None:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag_from is None or self.placement is None:
            return
        delta = event.position() - self._drag_from
        self._drag_from = event.position()
        window = self._window_pixels()
        self.set_placement(moved(self.placement, delta.x() / window, delta.y() / window), fast=True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._drag_from = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.placement is None:
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_placement(zoomed(self.placement, WHEEL_STEP**steps), fast=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.placement is None:
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Left: (-KEY_STEP, 0.0),
            Qt.Key.Key_Right: (KEY_STEP, 0.0),
            Qt.Key.Key_Up: (0.0, -KEY_STEP),
            Qt.Key.Key_Down: (0.0, KEY_STEP),
        }
        if key in moves:
            self.set_placement(moved(self.placement, *moves[key]), fast=True)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_placement(zoomed(self.placement, WHEEL_STEP), fast=True)
        elif key == Qt.Key.Key_Minus:
            self.set_placement(zoomed(self.placement, 1 / WHEEL_STEP), fast=True)
        elif key == Qt.Key.Key_BracketLeft:
            self.set_placement(rotated(self.placement, -1.0), fast=True)
        elif key == Qt.Key.Key_BracketRight:
            self.set_placement(rotated(self.placement, 1.0), fast=True)
        else:
            super().keyPressEvent(event)
