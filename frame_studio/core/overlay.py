"""Draw a frame's overlay (background outside the window, then its layers) at any size.

Shapes are drawn supersampled and reduced, so edges are smooth; text is NFC-normalised and
laid out with the core's one text layout (`text_layout`: RAQM, or Pillow's basic layout
where RAQM is missing). Overlays are cached per (frame, size): a batch draws each one
once. A greeting too long for its arc is drawn smaller, down to `MIN_ARC_TEXT`; text that
still does not fit its arc, or does not fit its box, is an error, never silently clipped.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from frame_studio.core.errors import FrameError
from frame_studio.core.frame_fields import Color
from frame_studio.core.frames import Frame, Layer, Window
from frame_studio.core.images import load_photo
from frame_studio.core.text_layout import truetype

SUPERSAMPLE = 3
#: Overlays smaller than this are drawn at a multiple of their size and reduced, as
#: Facebook reduces a large avatar: glyph positions stay even at 176 px.
SMALL_SIZE = 512
#: The largest angle one arc of text may cover, in degrees.
MAX_ARC_DEGREES = 170.0
#: The smallest an arc text is shrunk to fit its arc, as a share of the canvas: 27 px at a
#: 1080 px output. Facebook's photo viewer on a phone shows a 1080 px avatar about 410 px
#: wide, so 27 px becomes about 10 px on screen, the smallest size at which the stacked
#: marks of Vietnamese capitals (Ệ, Ộ, Ẫ) stay apart; at 24 px and below they run together.
#: It is half the bundled ring's 5 % and under the smallest text a bundled frame uses.
MIN_ARC_TEXT = 0.025
#: The canvas size (px) an arc text is fitted at, once, whatever size it is drawn at.
ARC_FIT_SIZE = 1080

Shape = Callable[[ImageDraw.ImageDraw, Layer, int], None]


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


def _ring(draw: ImageDraw.ImageDraw, layer: Layer, big: int) -> None:
    cx, cy = (v * big for v in layer.get("center"))
    outer = (layer.get("radius") + layer.get("width") / 2) * big
    inner = (layer.get("radius") - layer.get("width") / 2) * big
    draw.ellipse((cx - outer, cy - outer, cx + outer, cy + outer), fill=255)
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=0)


def _disc(draw: ImageDraw.ImageDraw, layer: Layer, big: int) -> None:
    cx, cy = (v * big for v in layer.get("center"))
    r = layer.get("radius") * big
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)


def _band(draw: ImageDraw.ImageDraw, layer: Layer, big: int) -> None:
    x, y, w, h = (v * big for v in layer.get("box"))
    draw.rounded_rectangle((x, y, x + w, y + h), radius=layer.get("corner") * big, fill=255)


def _ribbon(draw: ImageDraw.ImageDraw, layer: Layer, big: int) -> None:
    """A band with swallowtail notches cut into both ends."""
    x, y, w, h = (v * big for v in layer.get("box"))
    notch = layer.get("notch") * big
    points = [
        (x, y),
        (x + w, y),
        (x + w - notch, y + h / 2),
        (x + w, y + h),
        (x, y + h),
        (x + notch, y + h / 2),
    ]
    draw.polygon(points, fill=255)


def _star(draw: ImageDraw.ImageDraw, layer: Layer, big: int) -> None:
    cx, cy = (v * big for v in layer.get("center"))
    outer = layer.get("radius") * big
    inner = outer * 0.382  # a regular five-pointed star's proportion
    count = layer.get("points")
    points = []
    for i in range(count * 2):
        r = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / count
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=255)


SHAPES: dict[str, Shape] = {"ring": _ring, "disc": _disc, "band": _band, "ribbon": _ribbon, "star": _star}


def _shape(canvas: Image.Image, layer: Layer) -> None:
    big = canvas.width * SUPERSAMPLE
    mask = Image.new("L", (big, big), 0)
    SHAPES[layer.kind](ImageDraw.Draw(mask), layer, big)
    _paint(canvas, mask.resize(canvas.size, Image.Resampling.BOX), layer.get("color"))


@functools.lru_cache(maxsize=64)
def load_font(path: Path, pixels: int) -> ImageFont.FreeTypeFont:
    """A font at a pixel size, laid out with the core's text layout (cached)."""
    return truetype(path, pixels)


def _layer_font(layer: Layer, size: int) -> ImageFont.FreeTypeFont:
    return load_font(layer.get("font"), max(1, round(layer.get("size") * size)))


def _layer_text(layer: Layer) -> str:
    """The layer's text, NFC-normalised (the basic layout does not compose marks).

    Loading a frame normalises already, but a filled placeholder may not be NFC (an NFC
    value after NFC text is not always NFC), nor a frame built in code.
    """
    return unicodedata.normalize("NFC", layer.get("text"))


def _text(canvas: Image.Image, layer: Layer, frame: Frame) -> None:
    """Straight text centred on a point; wider than `max_width` is an error."""
    size = canvas.width
    font = _layer_font(layer, size)
    text = _layer_text(layer)
    width = font.getlength(text)
    if width > layer.get("max_width") * size + 1:
        raise FrameError(frame.folder, "text_too_long", f"the text {text!r} is wider than its box")
    x, y = (v * size for v in layer.get("center"))
    ImageDraw.Draw(canvas).text((x, y), text, font=font, fill=layer.get("color"), anchor="mm")


def min_arc_pixels(size: int = ARC_FIT_SIZE) -> int:
    """The smallest font size, in pixels, an arc text is shrunk to on a `size` canvas."""
    return max(1, math.ceil(MIN_ARC_TEXT * size - 1e-9))


def _arc_sweep(font: ImageFont.FreeTypeFont, text: str, radius: float) -> float:
    """The angle, in degrees, `text` covers along a circle of `radius` pixels."""
    return math.degrees(font.getlength(text) / radius)


def arc_text_size(layer: Layer) -> tuple[float, float]:
    """The size an arc text layer is drawn at, and the angle its text then covers.

    Fitted once, on an `ARC_FIT_SIZE` canvas, so the text is drawn alike at every output
    size: the layer's own size when the text fits `MAX_ARC_DEGREES`; else the largest
    smaller size that fits, but never under `MIN_ARC_TEXT` (then the angle returned, at
    that minimum, is more than `MAX_ARC_DEGREES`: the text does not fit).

    Returns:
        (font size as a fraction of the canvas, angle in degrees).
    """
    text = _layer_text(layer)
    radius = layer.get("radius") * ARC_FIT_SIZE
    font = _layer_font(layer, ARC_FIT_SIZE)
    sweep = _arc_sweep(font, text, radius)
    if sweep <= MAX_ARC_DEGREES:
        return layer.get("size"), sweep
    smallest = min_arc_pixels()
    if font.size <= smallest:  # designed that small already: never drawn larger
        return layer.get("size"), sweep
    # The length grows about linearly with the size; hinting and kerning move it a little.
    pixels = min(font.size - 1, math.floor(font.size * MAX_ARC_DEGREES / sweep) + 2)
    while pixels >= smallest:
        sweep = _arc_sweep(load_font(layer.get("font"), pixels), text, radius)
        if sweep <= MAX_ARC_DEGREES:
            return pixels / ARC_FIT_SIZE, sweep
        pixels -= 1
    return smallest / ARC_FIT_SIZE, _arc_sweep(load_font(layer.get("font"), smallest), text, radius)


def _arc_text(canvas: Image.Image, layer: Layer, frame: Frame) -> None:
    """Draw text centred on the top or bottom of a circle, one upright glyph at a time.

    Text too long for its arc is drawn smaller (`arc_text_size`); too long even at the
    smallest legible size, it is an error.
    """
    size = canvas.width
    text = _layer_text(layer)
    fraction, sweep = arc_text_size(layer)
    if sweep > MAX_ARC_DEGREES:
        raise FrameError(
            frame.folder,
            "text_too_long",
            f"the text {text!r} does not fit its arc ({sweep:.0f}° at the smallest legible size, "
            f"{min_arc_pixels()} px at {ARC_FIT_SIZE} px; at most {MAX_ARC_DEGREES:.0f}°)",
        )
    font = load_font(layer.get("font"), max(1, round(fraction * size)))
    radius = layer.get("radius") * size
    cx, cy = (v * size for v in layer.get("center"))
    prefix_lengths = [font.getlength(text[:i]) for i in range(len(text) + 1)]
    total = prefix_lengths[-1]
    _, top, _, bottom = font.getbbox(text, anchor="ls")
    middle = (top + bottom) / 2
    cell = int(2 * font.size) + 4
    on_top = layer.get("position") == "top"
    start = -math.pi / 2 - total / radius / 2 if on_top else math.pi / 2 + total / radius / 2
    for index, char in enumerate(text):
        if char.isspace():
            continue
        width = prefix_lengths[index + 1] - prefix_lengths[index]
        along = (prefix_lengths[index] + width / 2) / radius
        theta = start + along if on_top else start - along
        glyph = Image.new("RGBA", (cell, cell), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (cell / 2 - width / 2, cell / 2 - middle), char, font=font, fill=layer.get("color"), anchor="ls"
        )
        turn = theta + math.pi / 2 if on_top else theta - math.pi / 2
        glyph = glyph.rotate(-math.degrees(turn), resample=Image.Resampling.BICUBIC)
        x = cx + radius * math.cos(theta) - cell / 2
        y = cy + radius * math.sin(theta) - cell / 2
        canvas.alpha_composite(glyph, (round(x), round(y)))


@functools.lru_cache(maxsize=8)
def _overlay_image(path: Path) -> Image.Image:
    return load_photo(path).image.convert("RGBA")


def _image(canvas: Image.Image, layer: Layer) -> None:
    x, y, w, h = (v * canvas.width for v in layer.get("box"))
    picture = _overlay_image(layer.get("file")).resize((round(w), round(h)), Image.Resampling.LANCZOS)
    canvas.alpha_composite(picture, (round(x), round(y)))


def _background(canvas: Image.Image, frame: Frame) -> None:
    if frame.background is None:
        return
    inverse = window_mask(frame.window, canvas.width).point(lambda v: 255 - v)
    _paint(canvas, inverse, frame.background)


def draw_layer(canvas: Image.Image, layer: Layer, frame: Frame) -> None:
    """Draw one layer onto an RGBA canvas, in place.

    Raises:
        FrameError: text does not fit its arc or box, or an image cannot be read.
    """
    if layer.kind in SHAPES:
        _shape(canvas, layer)
    elif layer.kind == "text":
        _text(canvas, layer, frame)
    elif layer.kind == "arc_text":
        _arc_text(canvas, layer, frame)
    else:
        _image(canvas, layer)


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
        draw_layer(canvas, layer, frame)
    return canvas
