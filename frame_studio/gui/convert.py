"""Pillow image <-> Qt image conversion (copies, so neither side's buffer is shared)."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage, QPixmap


def to_qimage(image: Image.Image) -> QImage:
    """A QImage copy of a Pillow image (RGB or RGBA)."""
    if image.mode == "RGBA":
        data, fmt, depth = image.tobytes(), QImage.Format.Format_RGBA8888, 4
    else:
        rgb = image.convert("RGB")
        data, fmt, depth, image = rgb.tobytes(), QImage.Format.Format_RGB888, 3, rgb
    return QImage(data, image.width, image.height, image.width * depth, fmt).copy()


def to_pixmap(image: Image.Image) -> QPixmap:
    """A QPixmap copy of a Pillow image."""
    return QPixmap.fromImage(to_qimage(image))


def from_qimage(image: QImage) -> Image.Image:
    """A Pillow RGB copy of a QImage."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = bytes(rgb.constBits())[: stride * height]
    return Image.frombuffer("RGB", (width, height), data, "raw", "RGB", stride, 1).copy()
