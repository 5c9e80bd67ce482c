"""Check a frame before anyone uses it: one plain sentence per problem found.

Checks: the window lies inside the canvas and is big enough; the face target lies inside
the window; text fits, and stays inside the circle Facebook crops avatars to; overlay
images are sharp enough for the output size and not stretched; an overlay leaves the
window transparent; fonts cover every character of their text; there is a campaign link,
and it is short enough for a QR code.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from frame_studio.core.errors import FrameError
from frame_studio.core.frames import Frame, Layer, load_frame
from frame_studio.core.images import load_photo
from frame_studio.core.overlay import draw_layer, load_font, window_mask
from frame_studio.core.qr import QRError, check_link

CHECK_SIZE = 540
MIN_WINDOW = 0.3
#: A face box is about 0.8 as wide as it is tall.
FACE_ASPECT = 0.8
#: Mean alpha (0-255) an overlay image may keep inside the window.
MAX_WINDOW_ALPHA = 8
_MISSING_CODEPOINT = "\U0010fffd"


def _window_problems(frame: Frame) -> list[str]:
    problems = []
    x, y, w, h = frame.window.box
    eps = 1e-6
    if x < -eps or y < -eps or x + w > 1 + eps or y + h > 1 + eps:
        problems.append("window: goes outside the canvas")
    if min(w, h) < MIN_WINDOW:
        problems.append(f"window: too small ({min(w, h):.2f} of the canvas; at least {MIN_WINDOW})")
    target = frame.face_target
    half_h, half_w = target.height / 2, target.height * FACE_ASPECT / frame.window.aspect / 2
    if not (half_w <= target.center_x <= 1 - half_w and half_h <= target.center_y <= 1 - half_h):
        problems.append("face: the face target does not fit inside the window")
    return problems


def _label(index: int, layer: Layer) -> str:
    name = layer.get("name")
    return f"layers[{index}]" + (f" ({name})" if name else "")


def missing_characters(font_path: Path, text: str) -> list[str]:
    """Characters of `text` (NFC-normalised, as drawn) the font has no glyph for.

    A missing glyph is drawn as the .notdef box, with the core's text layout.
    """
    font = load_font(font_path, 48)

    def glyph(char: str) -> bytes:
        image = Image.new("L", (96, 96), 0)
        ImageDraw.Draw(image).text((16, 16), char, font=font, fill=255)
        return image.tobytes()

    notdef = glyph(_MISSING_CODEPOINT)
    return sorted({c for c in unicodedata.normalize("NFC", text) if not c.isspace() and glyph(c) == notdef})


def _text_problems(frame: Frame, index: int, layer: Layer) -> list[str]:
    label = _label(index, layer)
    missing = missing_characters(layer.get("font"), layer.get("text"))
    if missing:
        return [f"{label}: the font {layer.get('font').name} has no {' '.join(missing)}"]
    canvas = Image.new("RGBA", (CHECK_SIZE, CHECK_SIZE), (0, 0, 0, 0))
    try:
        draw_layer(canvas, layer, frame)
    except FrameError as error:
        return [f"{label}: {error.message}"]
    alpha = np.asarray(canvas.getchannel("A"))
    ys, xs = np.nonzero(alpha > 32)
    if len(xs):
        centre = CHECK_SIZE / 2
        farthest = float(np.max(np.hypot(xs + 0.5 - centre, ys + 0.5 - centre)))
        if farthest > centre - 1:
            return [f"{label}: the text passes outside the circle Facebook shows"]
    return []


def _image_problems(frame: Frame, index: int, layer: Layer, output_size: int) -> list[str]:
    label = _label(index, layer)
    picture = load_photo(layer.get("file")).image
    _, _, w, h = layer.get("box")
    problems = []
    if picture.width < w * output_size or picture.height < h * output_size:
        problems.append(
            f"{label}: {picture.width}x{picture.height} px is too small for a {output_size} px output"
        )
    if not math.isclose(picture.width / picture.height, w / h, rel_tol=0.02):
        problems.append(f"{label}: the image would be stretched (its shape differs from its box)")
    canvas = Image.new("RGBA", (CHECK_SIZE, CHECK_SIZE), (0, 0, 0, 0))
    draw_layer(canvas, layer, frame)
    inside = np.asarray(window_mask(frame.window, CHECK_SIZE)) > 250
    alpha = np.asarray(canvas.getchannel("A"))[inside]
    if alpha.size and float(alpha.mean()) > MAX_WINDOW_ALPHA:
        problems.append(f"{label}: the image is not transparent where the photo should show")
    return problems


def lint_frame(frame: Frame, *, output_size: int = 1080) -> list[str]:
    """Every problem found in a loaded frame (empty when it is fine)."""
    problems = _window_problems(frame)
    if not frame.link:
        problems.append("link: empty (the QR code needs the campaign link)")
    else:
        try:
            check_link(frame.link)
        except QRError as error:
            problems.append(f"link: {error.message}")
    for index, layer in enumerate(frame.layers):
        if layer.kind in {"text", "arc_text"}:
            problems += _text_problems(frame, index, layer)
        elif layer.kind == "image":
            problems += _image_problems(frame, index, layer, output_size)
    return problems


def check_frame_folder(folder: str | Path, *, output_size: int = 1080) -> list[str]:
    """Load and lint a frame folder; a frame that does not load is one problem."""
    try:
        frame = load_frame(folder)
    except FrameError as error:
        return [error.message]
    return lint_frame(frame, output_size=output_size)
