"""Compose photo + placement + frame into an avatar, and export it atomically.

`compose` maps the photo through the placement (one scale, never stretched) into the part
of the canvas that shows through the overlay (its window) only, fills any of that part the
photo does not cover (a blurred copy of the photo, or the frame's background colour), and
lays the frame's overlay on top. `save_image` writes a temp file
beside the target and renames it into place, never overwriting unless asked; the output
carries no EXIF or GPS data from the original, only an sRGB profile.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageCms, ImageFilter

from frame_studio.core.atomic import write_atomic
from frame_studio.core.errors import ExportError
from frame_studio.core.frames import Frame
from frame_studio.core.images import LoadedPhoto
from frame_studio.core.overlay_cache import overlay_image
from frame_studio.core.placement import Placement

FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
SUFFIX_BY_FORMAT = {"png": ".png", "jpg": ".jpg", "jpeg": ".jpg", "webp": ".webp"}

Coeffs = tuple[float, float, float, float, float, float]
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class EncodeSettings:
    """How images are encoded (JPEG 4:4:4 keeps red lettering crisp)."""

    jpeg_quality: int = 92
    png_compress_level: int = 3  # measured: see docs/decisions/0003-output-format.md
    webp_quality: int = 90


def _affine_to_source(placement: Placement, frame: Frame, size: int, photo_scale: float) -> Coeffs:
    """Coefficients mapping output pixels to decoded-photo pixels (Pillow's AFFINE form)."""
    wx, wy, ww, wh = (v * size for v in frame.window.box)
    ratio = photo_scale * placement.span / wh
    cos, sin = math.cos(math.radians(placement.angle)), math.sin(math.radians(placement.angle))
    a, b, d, e = ratio * cos, -ratio * sin, ratio * sin, ratio * cos
    wcx, wcy = wx + ww / 2, wy + wh / 2
    c = photo_scale * placement.center[0] - a * wcx - b * wcy
    f = photo_scale * placement.center[1] - d * wcx - e * wcy
    return (a, b, c, d, e, f)


def _shifted(coeffs: Coeffs, left: int, top: int) -> Coeffs:
    """The coefficients for a part of the canvas whose top-left corner is at (left, top)."""
    a, b, c, d, e, f = coeffs
    return (a, b, c + a * left + b * top, d, e, f + d * left + e * top)


def _covers(photo: Image.Image, coeffs: Coeffs, box: tuple[float, float, float, float]) -> bool:
    """Whether the photo covers `box` (output pixels), give or take half a source pixel."""
    a, b, c, d, e, f = coeffs
    corners = [(box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])]
    return all(
        -0.5 <= a * x + b * y + c <= photo.width + 0.5 and -0.5 <= d * x + e * y + f <= photo.height + 0.5
        for x, y in corners
    )


def _straight_resize(
    pixels: Image.Image, coeffs: Coeffs, out: tuple[int, int], resample: Image.Resampling
) -> Image.Image | None:
    """The part of the canvas that shows, as one good resize, when the photo is unrotated.

    Where that part passes the photo's edge (by half a source pixel at most where it
    shows), the photo is taken as black there.
    """
    a, b, c, d, e, f = coeffs
    if abs(b) > 1e-9 or abs(d) > 1e-9:
        return None
    box = (c, f, a * out[0] + c, e * out[1] + f)
    if box[0] >= 0 and box[1] >= 0 and box[2] <= pixels.width and box[3] <= pixels.height:
        return pixels.resize(out, resample, box=box, reducing_gap=3.0)
    left, top = math.floor(c), math.floor(f)
    part = pixels.crop((left, top, math.ceil(box[2]), math.ceil(box[3])))
    box = (c - left, f - top, box[2] - left, box[3] - top)
    return part.resize(out, resample, box=box, reducing_gap=3.0)


def _straight_partial(
    pixels: Image.Image, coeffs: Coeffs, out: tuple[int, int], resample: Image.Resampling
) -> tuple[Image.Image, Image.Image] | None:
    """An unrotated photo that covers only some of what shows: the output pixels it covers
    whole, as one good resize on black, and an "L" mask of them (None when rotated)."""
    a, b, c, d, e, f = coeffs
    if abs(b) > 1e-9 or abs(d) > 1e-9:
        return None
    left, top = max(0, math.ceil(-c / a)), max(0, math.ceil(-f / e))
    right = min(out[0], math.floor((pixels.width - c) / a))
    bottom = min(out[1], math.floor((pixels.height - f) / e))
    if right <= left or bottom <= top:
        return None
    box = (
        max(0.0, c + a * left),
        max(0.0, f + e * top),
        min(pixels.width, c + a * right),
        min(pixels.height, f + e * bottom),
    )
    mapped, reach = Image.new("RGB", out), Image.new("L", out, 0)
    mapped.paste(
        pixels.resize((right - left, bottom - top), resample, box=box, reducing_gap=3.0), (left, top)
    )
    reach.paste(255, (left, top, right, bottom))
    return mapped, reach


def _reach(photo_size: tuple[int, int], coeffs: Coeffs, out: tuple[int, int]) -> Image.Image:
    """An "L" mask of where the photo reaches on a part of the canvas (soft at its edges)."""
    whole = Image.new("L", photo_size, 255)
    return whole.transform(out, Image.Transform.AFFINE, coeffs, Image.Resampling.BILINEAR)


def _map_photo(
    photo: Image.Image, coeffs: Coeffs, out: tuple[int, int], resample: Image.Resampling
) -> Image.Image:
    """Map the photo onto a part of the canvas (turned, or reaching only some of it).

    When the photo is reduced, the needed part is first resized with a good filter so the
    affine step works near 1:1 and does not alias.
    """
    a, b, c, d, e, f = coeffs
    corners = [(0, 0), (out[0], 0), (0, out[1]), out]
    xs = [a * x + b * y + c for x, y in corners]
    ys = [d * x + e * y + f for x, y in corners]
    left, top = max(0, math.floor(min(xs)) - 2), max(0, math.floor(min(ys)) - 2)
    right = min(photo.width, math.ceil(max(xs)) + 2)
    bottom = min(photo.height, math.ceil(max(ys)) + 2)
    if right <= left or bottom <= top:
        return Image.new("RGB", out)
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
    return part.transform(out, affine, local, resample if fast else Image.Resampling.BICUBIC)


def _blurred_fill(pixels: Image.Image, coeffs: Coeffs, size: int, shown: Box) -> Image.Image:
    """A soft, slightly darkened backdrop that carries the photo's edge colours outwards.

    The photo is mapped straight onto a small canvas (an eighth of the output) and
    blurred there with where it reaches as weights (normalised convolution), so each empty
    area takes the colours of the photo beside it; far from the photo a wider blur takes
    over. Only the `shown` part of the canvas is enlarged and returned.
    """
    small_side = max(16, size // 8)
    step = size / small_side  # output pixels per small pixel
    a, b, c, d, e, f = coeffs
    factor = max(1, math.floor(math.hypot(a, d) * step))  # photo pixels per small pixel
    reduced = pixels.reduce(factor) if factor > 1 else pixels  # averaged, as a box resize would
    k = step / factor
    small = (a * k, b * k, c / factor, d * k, e * k, f / factor)
    shape = (small_side, small_side)
    affine, bilinear = Image.Transform.AFFINE, Image.Resampling.BILINEAR
    colour = np.asarray(reduced.transform(shape, affine, small, bilinear), dtype=np.float32)
    ones = Image.new("L", reduced.size, 255)
    weight = np.asarray(ones.transform(shape, affine, small, bilinear), dtype=np.float32)[..., None] / 255
    fill = np.zeros_like(colour)  # `colour` is black where the photo does not reach: already weighted
    missing = np.ones(weight.shape, dtype=np.float32)
    for sigma in (small_side / 24, small_side / 8, small_side / 3, small_side):
        spread = _smooth(colour, sigma)
        seen = _smooth(weight, sigma)[..., None]
        known = np.clip(seen * 20, 0, 1) * missing  # where this blur sees enough of the photo
        fill += known * spread / np.maximum(seen, 1e-6)
        missing *= 1 - np.clip(seen * 20, 0, 1)
    fill += missing * colour.mean(axis=(0, 1)) / max(float(weight.mean()), 1e-6)
    backdrop = Image.fromarray(np.clip(fill * 0.85, 0, 255).astype(np.uint8), "RGB")
    out = (shown[2] - shown[0], shown[3] - shown[1])
    left, top, right, bottom = shown
    return backdrop.resize(out, bilinear, box=(left / step, top / step, right / step, bottom / step))


def _smooth(values: np.ndarray, sigma: float) -> np.ndarray:
    """A Gaussian blur (a single channel comes back 2-D). A wide one is worked out on a copy
    reduced to about 4 pixels per sigma and enlarged again: smooth at that scale, the same
    to within a grey level, and its kernel no longer spans the image many times over."""
    import cv2  # heavy: imported where padded photos first need it

    factor = int(sigma // 4)
    if factor < 2:
        return np.asarray(cv2.GaussianBlur(values, (0, 0), sigma))
    height, width = values.shape[:2]
    small = cv2.resize(
        values, (max(1, width // factor), max(1, height // factor)), interpolation=cv2.INTER_AREA
    )
    blurred = cv2.GaussianBlur(small, (0, 0), sigma / factor)
    return np.asarray(cv2.resize(blurred, (width, height), interpolation=cv2.INTER_LINEAR))


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


@functools.lru_cache(maxsize=16)
def _overlay_parts(frame: Frame, size: int) -> tuple[Image.Image, Image.Image, Box]:
    """The overlay as RGB pixels and an alpha mask, and the box of the canvas that shows
    through it (where it is not opaque), for composing onto RGB (cached)."""
    overlay = overlay_image(frame, size)
    mask = overlay.getchannel("A")
    shown = ImageChops.invert(mask).getbbox() or (0, 0, 0, 0)
    return overlay.convert("RGB"), mask, shown


def _must_cover(frame: Frame, size: int, shown: Box) -> tuple[float, float, float, float]:
    """The part of the canvas (output pixels) the photo must cover to need no padding there:
    the window when the frame has an opaque background, else all that shows."""
    if frame.background is not None and frame.background[3] == 255:
        x, y, w, h = (v * size for v in frame.window.box)
        return (x, y, x + w, y + h)
    return (float(shown[0]), float(shown[1]), float(shown[2]), float(shown[3]))


def compose(
    photo: LoadedPhoto,
    placement: Placement,
    frame: Frame,
    *,
    size: int = 1080,
    resample: Image.Resampling = Image.Resampling.LANCZOS,
) -> Image.Image:
    """Render the framed avatar.

    Only the part of the canvas that shows through the overlay (its window) is drawn: the
    photo is resized once into it and the overlay laid on top; the rest of the canvas is
    the overlay's own opaque pixels.

    Args:
        photo: the decoded photo (possibly a reduced decode).
        placement: where the photo goes, in the photo's full-resolution pixels.
        frame: the frame template.
        size: the output's width and height in pixels.
        resample: the filter scaling the photo (a faster one suits live previews).

    Returns:
        A new RGB image of `size` x `size`.
    """
    overlay, mask, shown = _overlay_parts(frame, size)
    canvas = overlay.copy()
    left, top, right, bottom = shown
    if right <= left or bottom <= top:  # an opaque overlay: no photo shows
        return canvas
    pixels = _flatten(photo.image)
    whole = _affine_to_source(placement, frame, size, photo.scale)
    coeffs, out = _shifted(whole, left, top), (right - left, bottom - top)
    if _covers(pixels, whole, _must_cover(frame, size, shown)):  # the usual case: no padding
        part = _straight_resize(pixels, coeffs, out, resample) or _map_photo(pixels, coeffs, out, resample)
    else:  # the photo where it reaches, over a fill
        part, reach = _straight_partial(pixels, coeffs, out, resample) or (
            _map_photo(pixels, coeffs, out, resample),
            _reach(pixels.size, coeffs, out),
        )
        if frame.pad_fill == "background" and frame.background is not None:
            backdrop = Image.new("RGB", out, frame.background[:3])
        else:
            backdrop = _blurred_fill(pixels, whole, size, shown)
        if resample == Image.Resampling.LANCZOS:  # live previews skip the feathering
            reach = _feathered(reach, size)
        backdrop.paste(part, (0, 0), reach)
        part = backdrop
    part.paste(overlay.crop(shown), (0, 0), mask.crop(shown))
    canvas.paste(part, (left, top))
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
