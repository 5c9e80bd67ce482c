"""Draw a frame's overlay (background outside the window, then its layers) at any size.

Shapes are drawn supersampled and reduced, so edges are smooth; text goes through Pillow's
RAQM layout. Overlays are cached per (frame, size): a batch draws each one once.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from frame_studio.core.errors import FrameError
from frame_studio.core.frames import Color, Frame, Layer, Window

SUPERSAMPLE = 3
#: Overlays smaller than this are drawn at a multiple of their size and reduced, as
#: Facebook reduces a large avatar: glyph positions stay even at 176 px.
SMALL_SIZE = 512
#: The largest angle one arc of text may cover, in degrees.
MAX_ARC_DEGREES = 170.0


def window_mask(window: Window, size: int, *, supersample: int = SUPERSAMPLE) -> Image.Image:
    """An "L" mask of the window at `size`: 255 inside, 0 outside, smooth edges."""
    big = size * supersample
    mask = Image.new("L", (big, big), 0)
    x, y, w, h = (v * big for v in window.box)
    draw = ImageDraw.Draw(mask)
    if window.shape == "circle":
        draw.ellipse((x, y, x + w - 1, y + h - 1), fill=255)
    else:
        draw.rectangle((x, y, x + w - 1, y + h - 1), fill=255)
    return mask.resize((size, size), Image.Resampling.BOX)


def _paint(canvas: Image.Image, mask: Image.Image, color: Color) -> None:
    """Paint `color` through `mask` onto the RGBA canvas, in place."""
    alpha = mask.point(lambda v: v * color[3] // 255) if color[3] < 255 else mask
    fill = Image.new("RGBA", canvas.size, (*color[:3], 255))
    fill.putalpha(alpha)
    canvas.alpha_composite(fill)


def _ring(canvas: Image.Image, layer: Layer) -> None:
    size = canvas.width
    big = size * SUPERSAMPLE
    cx, cy = (v * big for v in layer.get("center"))
    outer = (layer.get("radius") + layer.get("width") / 2) * big
    inner = (layer.get("radius") - layer.get("width") / 2) * big
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    draw.ellipse((cx - outer, cy - outer, cx + outer, cy + outer), fill=255)
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=0)
    _paint(canvas, mask.resize((size, size), Image.Resampling.BOX), layer.get("color"))


@functools.lru_cache(maxsize=64)
def load_font(path: Path, pixels: int) -> ImageFont.FreeTypeFont:
    """A font at a pixel size, laid out with RAQM (correct Vietnamese marks)."""
    return ImageFont.truetype(str(path), pixels, layout_engine=ImageFont.Layout.RAQM)


def _arc_text(canvas: Image.Image, layer: Layer, frame: Frame) -> None:
    """Draw text centred on the top or bottom of a circle, one upright glyph at a time."""
    size = canvas.width
    text: str = layer.get("text")
    font = load_font(layer.get("font"), max(1, round(layer.get("size") * size)))
    radius = layer.get("radius") * size
    cx, cy = (v * size for v in layer.get("center"))
    prefix_lengths = [font.getlength(text[:i]) for i in range(len(text) + 1)]
    total = prefix_lengths[-1]
    sweep = math.degrees(total / radius)
    if sweep > MAX_ARC_DEGREES:
        raise FrameError(
            frame.folder, "text_too_long", f"the text {text!r} does not fit its arc ({sweep:.0f}°)"
        )
    _, top, _, bottom = font.getbbox(text, anchor="ls")
    middle = (top + bottom) / 2
    cell = int(2 * font.size) + 4
    on_top = layer.get("position") == "top"
    start = -math.pi / 2 - total / radius / 2 if on_top else math.pi / 2 + total / radius / 2
    color = layer.get("color")
    for index, char in enumerate(text):
        if char.isspace():
            continue
        width = prefix_lengths[index + 1] - prefix_lengths[index]
        along = (prefix_lengths[index] + width / 2) / radius
        theta = start + along if on_top else start - along
        glyph = Image.new("RGBA", (cell, cell), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (cell / 2 - width / 2, cell / 2 - middle), char, font=font, fill=color, anchor="ls"
        )
        turn = theta + math.pi / 2 if on_top else theta - math.pi / 2
        glyph = glyph.rotate(-math.degrees(turn), resample=Image.Resampling.BICUBIC)
        x = cx + radius * math.cos(theta) - cell / 2
        y = cy + radius * math.sin(theta) - cell / 2
        canvas.alpha_composite(glyph, (round(x), round(y)))


def _background(canvas: Image.Image, frame: Frame) -> None:
    if frame.background is None:
        return
    inverse = window_mask(frame.window, canvas.width).point(lambda v: 255 - v)
    _paint(canvas, inverse, frame.background)


@functools.lru_cache(maxsize=16)
def render_overlay(frame: Frame, size: int) -> Image.Image:
    """The frame's RGBA overlay at `size` x `size` (cached; do not modify the result).

    Raises:
        FrameError: a layer cannot be drawn (for example, text too long for its arc).
    """
    if size < SMALL_SIZE:
        factor = math.ceil(SMALL_SIZE / size)
        return render_overlay(frame, size * factor).resize((size, size), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    _background(canvas, frame)
    for layer in frame.layers:
        if layer.kind == "ring":
            _ring(canvas, layer)
        elif layer.kind == "arc_text":
            _arc_text(canvas, layer, frame)
    return canvas
