"""Marks over the canvas for the faces found in a photo: where they show, which one a click hits.

Geometry only maps points: a face's centre in the source photo goes through the inverse of
the placement into the frame's window, then into the canvas's square on screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from frame_studio.core.faces import Face
from frame_studio.core.placement import Placement

#: A mark is drawn this much larger than the detector's box (boxes are tight on the face).
MARK_SCALE = 1.25


def on_screen(
    point: tuple[float, float],
    placement: Placement,
    window_box: tuple[float, float, float, float],
    square: QRectF,
) -> QPointF:
    """Where a source-photo point shows inside `square` (the canvas's square on screen)."""
    wx, wy, ww, wh = window_box
    aspect = ww / wh
    sx, sy = point[0] - placement.center[0], point[1] - placement.center[1]
    cos, sin = math.cos(math.radians(placement.angle)), math.sin(math.radians(placement.angle))
    u = (cos * sx + sin * sy) / (placement.span * aspect) + 0.5
    v = (-sin * sx + cos * sy) / placement.span + 0.5
    return QPointF(
        square.left() + (wx + u * ww) * square.width(), square.top() + (wy + v * wh) * square.height()
    )


def face_marks(
    faces: Sequence[Face],
    placement: Placement,
    window_box: tuple[float, float, float, float],
    square: QRectF,
) -> list[QRectF | None]:
    """One circle's bounding rectangle per face (None where the face is outside the square)."""
    marks: list[QRectF | None] = []
    for face in faces:
        centre = on_screen(face.center, placement, window_box, square)
        radius = (
            MARK_SCALE * max(face.box[2], face.box[3]) / placement.span * window_box[3] * square.height() / 2
        )
        radius = max(radius, 10.0)  # still clickable when the face is tiny
        marks.append(
            QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            if square.contains(centre)
            else None
        )
    return marks


def hit_mark(marks: Sequence[QRectF | None], point: QPointF) -> int | None:
    """The index of the mark under `point` (the one whose centre is nearest), or None."""
    hits = []
    for index, mark in enumerate(marks):
        if mark is None:
            continue
        centre = mark.center()
        distance = math.hypot(point.x() - centre.x(), point.y() - centre.y())
        if distance <= mark.width() / 2:
            hits.append((distance, index))
    return min(hits)[1] if hits else None


def paint_marks(painter: QPainter, marks: Sequence[QRectF | None], hovered: int | None = None) -> None:
    """Dashed white circles with a dark edge (readable on any photo); the hovered one solid."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for index, mark in enumerate(marks):
        if mark is None:
            continue
        style = Qt.PenStyle.SolidLine if index == hovered else Qt.PenStyle.DashLine
        painter.setPen(QPen(QColor(0, 0, 0, 150), 4.0))
        painter.drawEllipse(mark)
        painter.setPen(QPen(QColor(255, 255, 255), 2.0, style))
        painter.drawEllipse(mark)
    painter.restore()
