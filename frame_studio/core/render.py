"""Compose photo + placement + frame into an avatar, and export it atomically.

`compose` maps the photo through the placement (one scale, never stretched), fills any
part of the canvas the photo does not cover (a blurred copy of the photo, or the frame's
background colour), and lays the frame's overlay on top. `save_image` writes a temp file
beside the target and renames it into place, never overwriting unless asked; the output
carries no EXIF or GPS data from the original, only an sRGB profile.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageChops, ImageCms, ImageFilter

from frame_studio.core.atomic import write_atomic
from frame_studio.core.errors import ExportError
from frame_studio.core.frames import Frame
from frame_studio.core.images import LoadedPhoto
from frame_studio.core.overlay import render_overlay
from frame_studio.core.placement import Placement

FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
SUFFIX_BY_FORMAT = {"png": ".png", "jpg": ".jpg", "jpeg": ".jpg", "webp": ".webp"}


@dataclass(frozen=True)
class EncodeSettings:
    """How images are encoded (JPEG 4:4:4 keeps red lettering crisp)."""

    jpeg_quality: int = 92
    png_compress_level: int = 3  # measured: see docs/decisions/0003-output-format.md
    webp_quality: int = 90


def _affine_to_source(
    placement: Placement, frame: Frame, size: int, photo_scale: float
) -> tuple[float, float, float, float, float, float]:
    """Coefficients mapping output pixels to decoded-photo pixels (Pillow's AFFINE form)."""
    wx, wy, ww, wh = (v * size for v in frame.window.box)
    ratio = photo_scale * placement.span / wh
    cos, sin = math.cos(math.radians(placement.angle)), math.sin(math.radians(placement.angle))
    a, b, d, e = ratio * cos, -ratio * sin, ratio * sin, ratio * cos
    wcx, wcy = wx + ww / 2, wy + wh / 2
    c = photo_scale * placement.center[0] - a * wcx - b * wcy
    f = photo_scale * placement.center[1] - d * wcx - e * wcy
    return (a, b, c, d, e, f)


def _map_photo(
    photo: Image.Image, coeffs: tuple[float, ...], size: int, resample: Image.Resampling
) -> tuple[Image.Image, Image.Image]:
    """Map the photo onto the canvas: RGB pixels, and an "L" mask of where the photo reaches.

    When the photo is reduced, the needed part is first resized with a good filter so the
    affine step works near 1:1 and does not alias.
    """
    a, b, c, d, e, f = coeffs
    corners = [(0, 0), (size, 0), (0, size), (size, size)]
    xs = [a * x + b * y + c for x, y in corners]
    ys = [d * x + e * y + f for x, y in corners]
    left, top = max(0, math.floor(min(xs)) - 2), max(0, math.floor(min(ys)) - 2)
    right = min(photo.width, math.ceil(max(xs)) + 2)
    bottom = min(photo.height, math.ceil(max(ys)) + 2)
    if right <= left or bottom <= top:
        return Image.new("RGB", (size, size)), Image.new("L", (size, size), 0)
    part = photo.crop((left, top, right, bottom))
    shrink = math.hypot(a, d)
    if shrink > (2.5 if resample == Image.Resampling.BILINEAR else 1.25):  # previews: fewer steps
        reduced = (max(1, round(part.width / shrink)), max(1, round(part.height / shrink)))
        rx, ry = reduced[0] / part.width, reduced[1] / part.height
        part = part.resize(reduced, resample, reducing_gap=3.0)
    else:
        rx = ry = 1.0
    local = (a * rx, b * rx, (c - left) * rx, d * ry, e * ry, (f - top) * ry)
    affine = Image.Transform.AFFINE
    fast = resample == Image.Resampling.BILINEAR
    mapped = part.transform((size, size), affine, local, resample if fast else Image.Resampling.BICUBIC)
    reach = Image.new("L", part.size, 255).transform((size, size), affine, local, Image.Resampling.BILINEAR)
    return mapped, reach


def _blurred_fill(mapped: Image.Image, reach: Image.Image, size: int) -> Image.Image:
    """A soft, slightly darkened backdrop that carries the photo's edge colours outwards.

    The mapped photo is blurred at a small scale with where it reaches as weights
    (normalised convolution), so each empty area takes the colours of the photo beside it;
    far from the photo a wider blur takes over.
    """
    small_side = max(16, size // 8)
    shape = (small_side, small_side)
    colour_small = np.asarray(mapped.resize(shape, Image.Resampling.BOX), dtype=np.float32)
    weight = np.asarray(reach.resize(shape, Image.Resampling.BOX), dtype=np.float32)[..., None] / 255.0
    colour = colour_small  # black where the photo does not reach: already weighted
    fill = np.zeros_like(colour)
    missing = np.ones(weight.shape, dtype=np.float32)
    for sigma in (small_side / 24, small_side / 8, small_side / 3, small_side):
        spread = cv2.GaussianBlur(colour, (0, 0), sigma)
        seen = cv2.GaussianBlur(weight, (0, 0), sigma)[..., None]
        known = np.clip(seen * 20, 0, 1) * missing  # where this blur sees enough of the photo
        fill += known * spread / np.maximum(seen, 1e-6)
        missing *= 1 - np.clip(seen * 20, 0, 1)
    fill += missing * colour.mean(axis=(0, 1)) / max(float(weight.mean()), 1e-6)
    backdrop = Image.fromarray(np.clip(fill * 0.85, 0, 255).astype(np.uint8), "RGB")
    return backdrop.resize((size, size), Image.Resampling.BILINEAR)


def _feathered(alpha: Image.Image, size: int) -> Image.Image:
    """The photo's edge faded over about 1 % of the canvas, so it melts into the backdrop.

    Worked out at half size (erode, blur, enlarge) and never more opaque than before.
    """
    half = alpha.reduce(2)
    width = max(3, size // 200) | 1
    soft = half.filter(ImageFilter.MinFilter(width)).filter(ImageFilter.GaussianBlur(width / 2))
    return ImageChops.darker(alpha, soft.resize(alpha.size, Image.Resampling.BILINEAR))


def _flatten(image: Image.Image) -> Image.Image:
    """Put a photo with transparency on white; an RGB photo is returned as it is."""
    if image.mode == "RGB":
        return image
    if image.mode != "RGBA":
        return image.convert("RGB")
    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
    white.alpha_composite(image)
    return white.convert("RGB")


def _straight_resize(
    pixels: Image.Image, coeffs: tuple[float, ...], frame: Frame, size: int, resample: Image.Resampling
) -> Image.Image | None:
    """The canvas as one good resize, when the photo is unrotated and covers what shows.

    What shows is the window when the frame has an opaque background, else the whole
    canvas. Parts of the canvas outside the photo (hidden by the background) come out black.
    """
    a, b, c, d, e, f = coeffs
    if abs(b) > 1e-9 or abs(d) > 1e-9:
        return None
    vx, vy, vw, vh = frame.window.box if frame.background is not None else (0.0, 0.0, 1.0, 1.0)
    shown = (a * vx * size + c, e * vy * size + f, a * (vx + vw) * size + c, e * (vy + vh) * size + f)
    if shown[0] < -0.5 or shown[1] < -0.5 or shown[2] > pixels.width + 0.5 or shown[3] > pixels.height + 0.5:
        return None
    box = (c, f, a * size + c, e * size + f)
    if box[0] >= 0 and box[1] >= 0 and box[2] <= pixels.width and box[3] <= pixels.height:
        return pixels.resize((size, size), resample, box=box, reducing_gap=3.0)
    left, top = math.floor(c), math.floor(f)  # part of the canvas is hidden outside the photo
    part = pixels.crop((left, top, math.ceil(box[2]), math.ceil(box[3])))
    box = (c - left, f - top, box[2] - left, box[3] - top)
    return part.resize((size, size), resample, box=box, reducing_gap=3.0)


@functools.lru_cache(maxsize=16)
def _overlay_parts(frame: Frame, size: int) -> tuple[Image.Image, Image.Image]:
    """The overlay split into RGB pixels and an alpha mask, for pasting onto RGB (cached)."""
    overlay = render_overlay(frame, size)
    return overlay.convert("RGB"), overlay.getchannel("A")


def compose(
    photo: LoadedPhoto,
    placement: Placement,
    frame: Frame,
    *,
    size: int = 1080,
    resample: Image.Resampling = Image.Resampling.LANCZOS,
) -> Image.Image:
    """Render the framed avatar.

    Args:
        photo: the decoded photo (possibly a reduced decode).
        placement: where the photo goes, in the photo's full-resolution pixels.
        frame: the frame template.
        size: the output's width and height in pixels.
        resample: the filter scaling the photo (a faster one suits live previews).

    Returns:
        A new RGB image of `size` x `size`.
    """
    pixels = _flatten(photo.image)
    coeffs = _affine_to_source(placement, frame, size, photo.scale)
    canvas = _straight_resize(pixels, coeffs, frame, size, resample)  # the usual case
    if canvas is None:  # rotated, or the photo does not cover what shows: map it and fill the rest
        canvas, reach = _map_photo(pixels, coeffs, size, resample)
        lowest_reach, _ = reach.getextrema()
        if isinstance(lowest_reach, int) and lowest_reach < 255:
            if frame.pad_fill == "background" and frame.background is not None:
                backdrop = Image.new("RGB", (size, size), frame.background[:3])
            else:
                backdrop = _blurred_fill(canvas, reach, size)
            if resample == Image.Resampling.LANCZOS:  # live previews skip the feathering
                reach = _feathered(reach, size)
            backdrop.paste(canvas, (0, 0), reach)
            canvas = backdrop
    overlay, mask = _overlay_parts(frame, size)
    canvas.paste(overlay, (0, 0), mask)
    return canvas


@functools.cache
def _srgb_icc() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def save_options(fmt: str, settings: EncodeSettings) -> dict[str, object]:
    """Pillow's save options for a format ("PNG", "JPEG", "WEBP"), with an sRGB profile."""
    options: dict[str, object] = {"icc_profile": _srgb_icc()}
    if fmt == "JPEG":
        options |= {"quality": settings.jpeg_quality, "subsampling": 0, "optimize": False}
    elif fmt == "PNG":
        options |= {"compress_level": settings.png_compress_level}
    else:
        options |= {"quality": settings.webp_quality, "method": 4}
    return options


def save_image(
    image: Image.Image,
    path: str | Path,
    *,
    overwrite: bool = False,
    settings: EncodeSettings | None = None,
) -> Path:
    """Write an image atomically: a temp file in the same folder, then a rename.

    The format follows the suffix (.png, .jpg/.jpeg, .webp). Only the pixels and an sRGB
    profile are written: no EXIF, no GPS.

    Raises:
        ExportError: unknown suffix, the file exists and `overwrite` is False, the disk is
            full, no permission, ... Nothing is left behind under the final name.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(path, "bad_format", "unknown output format (use .png, .jpg or .webp)")
    options = save_options(fmt, settings or EncodeSettings())
    clean = image if image.mode == "RGB" else image.convert("RGB")
    return write_atomic(path, lambda handle: clean.save(handle, format=fmt, **options), overwrite=overwrite)
