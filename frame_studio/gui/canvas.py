"""The placement canvas: shows the framed avatar and lets the user drag, zoom and turn the photo.

It draws exactly what the core renders (`compose` on the small decode), so what the user
sees is what is exported. A drag or wheel step redraws with a fast filter at the preview
size; once the hand stops, the canvas redraws once more with the export filter, at the
size the canvas really has on screen (device pixels), so a large window or a 150 % screen
gets a sharp picture rather than a stretched one. A resize re-renders the same way; until
then the last picture is scaled, never an empty or stale placement.

Edits are reported as `edited(before, after, mergeable)`: a drag once, on release; each
wheel or key nudge as it happens (mergeable, so an undo stack can fold them into one step).
When the photo has several faces, each shows as a mark that a click chooses (`face_clicked`).
`NudgeKeys` makes the nudge keys work anywhere in the editor around the canvas.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from frame_studio.core.faces import Face
from frame_studio.core.frames import Frame
from frame_studio.core.images import LoadedPhoto
from frame_studio.core.pipeline import preview_reduction
from frame_studio.core.placement import Placement, moved, rotated, zoomed
from frame_studio.core.render import compose
from frame_studio.gui.convert import to_pixmap
from frame_studio.gui.face_marks import face_marks, hit_mark, paint_marks

PREVIEW_SIZE = 540  # while the hand moves, and the smallest settled preview
MAX_PREVIEW_SIZE = 1080  # the export's size: never render the preview larger
WHEEL_STEP = 1.1
KEY_STEP = 0.01
MOVE_KEYS = {
    Qt.Key.Key_Left: (-KEY_STEP, 0.0),
    Qt.Key.Key_Right: (KEY_STEP, 0.0),
    Qt.Key.Key_Up: (0.0, -KEY_STEP),
    Qt.Key.Key_Down: (0.0, KEY_STEP),
}
ZOOM_KEYS = {Qt.Key.Key_Plus: WHEEL_STEP, Qt.Key.Key_Equal: WHEEL_STEP, Qt.Key.Key_Minus: 1 / WHEEL_STEP}
TURN_KEYS = {Qt.Key.Key_BracketLeft: -1.0, Qt.Key.Key_BracketRight: 1.0}
#: Every key the canvas answers (`NudgeKeys` binds them as shortcuts of the editor too).
NUDGE_KEYS = (*MOVE_KEYS, *ZOOM_KEYS, *TURN_KEYS)
#: Widgets that use the arrow keys themselves: the nudge shortcuts leave those keys to them.
ARROW_USERS = (
    QAbstractSlider,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
)


class PlacementCanvas(QWidget):
    """A square preview of the avatar that edits a `Placement`."""

    placement_changed = Signal(object)
    settled = Signal()  # redrawn with the export filter (the hand has stopped)
    edited = Signal(object, object, bool)  # before, after, mergeable (a nudge)
    face_clicked = Signal(int)  # the index of the face in `faces`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: LoadedPhoto | None = None
        self._reduced: dict[int, LoadedPhoto] = {}  # the photo reduced for previews, by factor
        self.frame: Frame | None = None
        self.placement: Placement | None = None
        self.preview: Image.Image | None = None
        self.faces: list[Face] = []
        self._pixmap = QPixmap()
        self._drag_from: QPointF | None = None
        self._press: tuple[QPointF, Placement, int | None] | None = None  # where, what, which face
        self._hovered: int | None = None
        self._settle = QTimer(self, singleShot=True, interval=150)
        self._settle.timeout.connect(self.redraw)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # a face mark under the pointer is highlighted
        self.setMinimumSize(QSize(PREVIEW_SIZE // 2, PREVIEW_SIZE // 2))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAccessibleName(self.tr("Ảnh đại diện xem trước"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(PREVIEW_SIZE, PREVIEW_SIZE)

    def show_photo(
        self, photo: LoadedPhoto, frame: Frame, placement: Placement, faces: Sequence[Face] = ()
    ) -> None:
        """Show a photo under a frame with a placement; `faces` get clickable marks."""
        self.photo, self.frame, self.faces = photo, frame, list(faces)
        self._reduced, self._hovered = {}, None
        self.set_placement(placement)

    def set_faces(self, faces: Sequence[Face]) -> None:
        """The faces to mark (none: no marks)."""
        self.faces, self._hovered = list(faces), None
        self.update()

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

    def render_size(self, *, fast: bool = False) -> int:
        """The preview's side in pixels: the canvas's square in device pixels, within limits."""
        if fast:
            return PREVIEW_SIZE
        side = round(self._square().width() * self.devicePixelRatioF())
        return min(MAX_PREVIEW_SIZE, max(PREVIEW_SIZE, side))

    def render_preview(self, *, fast: bool = False) -> Image.Image | None:
        """The avatar as the core renders it, at `render_size`."""
        if self.photo is None or self.frame is None or self.placement is None:
            return None
        resample = Image.Resampling.BILINEAR if fast else Image.Resampling.LANCZOS
        size = self.render_size(fast=fast)
        factor = preview_reduction(self.photo, self.placement, self.frame, size)
        if factor not in self._reduced:
            self._reduced[factor] = self.photo.reduced(factor)
        return compose(self._reduced[factor], self.placement, self.frame, size=size, resample=resample)

    def redraw(self, *, fast: bool = False) -> None:
        if not fast:
            self._settle.stop()
        self.preview = self.render_preview(fast=fast)
        self._pixmap = QPixmap() if self.preview is None else to_pixmap(self.preview)
        self.update()
        if not fast:
            self.settled.emit()

    def _square(self) -> QRectF:
        """The square the avatar is drawn in, centred in the widget."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) // 2, (self.height() - side) // 2, side, side)  # whole pixels

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.preview is not None and self.preview.width != self.render_size():
            self._settle.start()  # scale the last picture meanwhile, then render at the new size

    def marks(self) -> list[QRectF | None]:
        """The face marks on screen (one per face; None where a face is out of view)."""
        if self.placement is None or self.frame is None or len(self.faces) < 2:
            return []
        return face_marks(self.faces, self.placement, self.frame.window.box, self._square())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._pixmap.isNull():
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Kéo thả ảnh vào đây\nhoặc bấm “Mở ảnh…”")
            )
        else:
            painter.drawPixmap(self._square(), self._pixmap, QRectF(self._pixmap.rect()))
            if self._drag_from is None:
                paint_marks(painter, self.marks(), self._hovered)
        painter.end()

    def _window_pixels(self) -> float:
        """The window's height on screen, in widget pixels."""
        assert self.frame is not None
        return self.frame.window.box[3] * self._square().height()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or self.placement is None:
            return
        face = hit_mark(self.marks(), event.position())
        self._press = (event.position(), self.placement, face)
        if face is None:  # on a face, wait: a click chooses it, a longer move drags
            self._start_drag(event.position())

    def _start_drag(self, start: QPointF) -> None:
        self._drag_from = start
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._press is not None and self._drag_from is None:
            start = self._press[0]
            if (event.position() - start).manhattanLength() >= QApplication.startDragDistance():
                self._start_drag(start)
        if self._drag_from is None or self.placement is None:
            if self._press is None:
                self._hover(event.position())
            return
        delta = event.position() - self._drag_from
        self._drag_from = event.position()
        window = self._window_pixels()
        self.set_placement(moved(self.placement, delta.x() / window, delta.y() / window), fast=True)

    def _hover(self, position: QPointF) -> None:
        hovered = hit_mark(self.marks(), position)
        if hovered != self._hovered:
            self._hovered = hovered
            cursor = Qt.CursorShape.OpenHandCursor if hovered is None else Qt.CursorShape.PointingHandCursor
            self.setCursor(cursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        press, dragged = self._press, self._drag_from is not None
        self._press = self._drag_from = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if press is None or self.placement is None:
            return
        if not dragged and press[2] is not None:
            self.face_clicked.emit(press[2])
        elif self.placement != press[1]:
            self.edited.emit(press[1], self.placement, False)
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.placement is None:
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self._nudge_to(zoomed(self.placement, WHEEL_STEP**steps))

    def nudge(self, key: Qt.Key) -> bool:
        """Move, zoom or turn the photo one step for a key; False if the key is not one of ours."""
        if self.placement is None:
            return False
        if key in MOVE_KEYS:
            self._nudge_to(moved(self.placement, *MOVE_KEYS[key]))
        elif key in ZOOM_KEYS:
            self._nudge_to(zoomed(self.placement, ZOOM_KEYS[key]))
        elif key in TURN_KEYS:
            self._nudge_to(rotated(self.placement, TURN_KEYS[key]))
        else:
            return False
        return True

    def _nudge_to(self, placement: Placement) -> None:
        before = self.placement
        self.set_placement(placement, fast=True)
        self.edited.emit(before, placement, True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if not self.nudge(Qt.Key(event.key())):
            super().keyPressEvent(event)


class NudgeKeys(QObject):
    """The canvas's keys as shortcuts of `editor`: no need to click the photo first.

    Text fields keep their keys (they claim them before any shortcut); the arrows are also
    left to a focused slider, list, chooser or spin box, which use them themselves.
    """

    def __init__(self, editor: QWidget, canvas: PlacementCanvas) -> None:
        super().__init__(editor)
        self.editor, self.canvas = editor, canvas
        self.keys: dict[QShortcut, Qt.Key] = {}
        for key in NUDGE_KEYS:
            shortcut = QShortcut(QKeySequence(key), editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._activated)
            self.keys[shortcut] = key
        editor.installEventFilter(self)  # the focus widget's ShortcutOverride comes up to the editor

    def _activated(self) -> None:
        shortcut = self.sender()
        if isinstance(shortcut, QShortcut) and shortcut in self.keys:
            self.canvas.nudge(self.keys[shortcut])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            focused = QApplication.focusWidget()
            if (
                event.key() in MOVE_KEYS
                and isinstance(focused, ARROW_USERS)
                and self.editor.isAncestorOf(focused)
            ):
                event.accept()  # a key press for the focused widget, not our shortcut
                return True
        return False
