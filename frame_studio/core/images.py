"""Open photos safely: allow-listed formats, EXIF orientation, colour modes, size limits.

`load_photo` is the only way the rest of the app reads a photo. It refuses anything that
is not a regular file, decodes by content (never by file name), applies the EXIF
orientation, converts every colour mode and ICC profile to plain sRGB (RGB or RGBA), and
decodes JPEGs only as large as the caller needs (Pillow's `draft`). Every failure raises
`ImageLoadError` naming the file and the problem.
"""

from __future__ import annotations

import functools
import io
import math
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image, ImageCms, UnidentifiedImageError

from frame_studio.core.errors import ImageLoadError

#: Formats decoded, chosen by content. MPO (multi-picture JPEG) opens through "JPEG";
#: APNG through "PNG". HEIF covers HEIC; AVIF is built into Pillow.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "HEIF", "AVIF")
#: File name suffixes (lower case, with the dot) of those formats: what a folder listing or a
#: file dialog offers as photos. Only a hint; `load_photo` still decides by content.
PHOTO_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif", ".gif", ".bmp", ".tif", ".tiff"}
)
MAX_PIXELS = 120_000_000
MIN_SIDE = 64

_NOT_AN_IMAGE = "not a supported image (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP or TIFF)"
_ALPHA_MODES = {"RGBA", "LA", "PA", "La", "RGBa"}


@dataclass(frozen=True)
class LoadedPhoto:
    """A decoded photo in sRGB, upright, possibly decoded at a reduced scale.

    Attributes:
        image: the pixels, mode "RGB" or "RGBA".
        full_size: (width, height) of the upright photo at full resolution. All geometry
            (faces, placement) is expressed in these full-resolution pixels.
        format: the detected file format, e.g. "JPEG".
    """

    image: Image.Image
    full_size: tuple[int, int]
    format: str

    @property
    def scale(self) -> float:
        """Decoded pixels per full-resolution pixel (1.0 unless a JPEG draft reduced it)."""
        return self.image.width / self.full_size[0]

    def reduced(self, factor: int) -> LoadedPhoto:
        """The same photo with its pixels reduced `factor` times (averaged), e.g. for previews."""
        return self if factor <= 1 else LoadedPhoto(self.image.reduce(factor), self.full_size, self.format)


@functools.cache
def _register_plugins() -> None:
    """Register the HEIC decoder once (decode only; pi-heif never writes)."""
    from pi_heif import register_heif_opener

    register_heif_opener()


def _open_regular_file(path: Path) -> BinaryIO:
    """Open a regular file for reading, refusing folders, FIFOs, devices and dangling links."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if path.is_symlink():
            raise ImageLoadError(path, "not_found", "the link points to a missing file") from None
        raise ImageLoadError(path, "not_found", "the file does not exist") from None
    except IsADirectoryError:
        raise ImageLoadError(path, "not_a_file", "this is a folder, not a photo") from None
    except PermissionError:
        raise ImageLoadError(path, "unreadable", "permission denied: cannot read it") from None
    except OSError as exc:
        raise ImageLoadError(path, "unreadable", f"cannot read the file ({exc.strerror})") from None
    info = os.fstat(fd)  # before fdopen, which raises on a folder
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = ("not_a_file", "this is a folder, not a photo")
    elif not stat.S_ISREG(info.st_mode):
        problem = ("not_a_file", "this is a special file (pipe or device), not a photo")
    elif info.st_size == 0:
        problem = ("empty", "the file is empty (0 bytes)")
    if problem is not None:
        os.close(fd)
        raise ImageLoadError(path, *problem)
    return os.fdopen(fd, "rb")


def _open_header(path: Path, handle: BinaryIO) -> Image.Image:
    """Identify the format from content and parse the header (no pixels decoded yet)."""
    _register_plugins()
    try:
        image = Image.open(handle, formats=ALLOWED_FORMATS)
    except Image.DecompressionBombError:
        raise ImageLoadError(path, "too_large", "the image is far too large to open") from None
    except UnidentifiedImageError:
        raise ImageLoadError(path, "not_an_image", _NOT_AN_IMAGE) from None
    except Exception as exc:  # noqa: BLE001 - any decoder failure on hostile input is "damaged"
        raise ImageLoadError(path, "damaged", f"the image header is damaged ({exc})") from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImageLoadError(
            path,
            "too_large",
            f"the image is too large ({width}x{height}, {width * height / 1e6:.0f} megapixels; "
            f"the limit is {MAX_PIXELS / 1e6:.0f})",
        )
    return image


def _orientation(image: Image.Image) -> int:
    """Return the EXIF orientation (1-8), or 1 when absent or broken."""
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - broken EXIF is ignored, never fatal
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    """Rotate/flip the decoded pixels upright according to an EXIF orientation."""
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    return image if method is None else image.transpose(method)


def _to_8bit(image: Image.Image) -> Image.Image:
    """Convert 16-bit, 32-bit integer and float greyscale images to 8-bit "L"."""
    array = np.asarray(image)
    if image.mode == "F":
        finite = np.nan_to_num(array.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
        peak = float(finite.max()) if finite.size else 0.0
        scaled = finite * 255.0 if peak <= 1.0 else finite
    else:
        wide = array.astype(np.float64)
        sixteen_bit = image.mode.startswith("I;16") or float(wide.max(initial=0)) > 255
        scaled = wide / 257.0 if sixteen_bit else wide
    return Image.fromarray(np.clip(np.rint(scaled), 0, 255).astype(np.uint8), "L")


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert any mode, with or without an ICC profile, to RGB or RGBA in sRGB."""
    icc = image.info.get("icc_profile")
    has_alpha = image.mode in _ALPHA_MODES or (
        image.mode in {"P", "L", "RGB"} and "transparency" in image.info
    )
    if image.mode in {"I", "F"} or image.mode.startswith("I;"):
        image = _to_8bit(image)
    if image.mode == "1":
        image = image.convert("L")
    if image.mode in {"P", "PA"}:
        image = image.convert("RGBA" if has_alpha else "RGB")
    if icc and image.mode in {"RGB", "RGBA", "L", "LA", "CMYK"}:
        converted = _apply_icc(image, icc)
        if converted is not None:
            return converted
    target = "RGBA" if has_alpha else "RGB"
    return image if image.mode == target else image.convert(target)


@functools.cache
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _apply_icc(image: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert through an embedded ICC profile; None when the profile is unusable."""
    alpha = image.getchannel("A") if image.mode in {"RGBA", "LA"} else None
    base = image.convert("RGB" if image.mode == "RGBA" else "L") if alpha is not None else image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(base, source, _srgb_profile(), outputMode="RGB")
    except Exception:  # noqa: BLE001 - a broken or mismatched profile is ignored
        return None
    if converted is None:
        return None
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


def load_photo(
    path: str | Path, *, min_long_side: int | None = None, min_short_side: int | None = None
) -> LoadedPhoto:
    """Open a photo safely and return it upright in sRGB.

    Args:
        path: the photo file. Only regular files are opened.
        min_long_side: decode at least this many pixels on the long side (JPEG only:
            other formats are always decoded in full). None (and no `min_short_side`)
            decodes at full resolution.
        min_short_side: decode at least this many pixels on the short side (JPEG only).

    Returns:
        The decoded photo with its full-resolution upright size.

    Raises:
        ImageLoadError: the file is missing, not a regular file, not a supported image,
            damaged or truncated, too large, or smaller than 64 px on a side.
    """
    path = Path(path)
    with _open_regular_file(path) as handle, warnings.catch_warnings():
        # Pillow warns above 89 MP (our own limit is checked explicitly) and about corrupt
        # metadata that it then skips: neither is a reason to refuse or to alarm anyone.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        warnings.simplefilter("ignore", UserWarning)
        return _decode(path, _open_header(path, handle), (min_long_side, min_short_side))


def _decode(path: Path, image: Image.Image, least: tuple[int | None, int | None]) -> LoadedPhoto:
    """Decode an opened image (draft, orientation, colour) into a `LoadedPhoto`.

    `least` is the (long, short) side the decode must reach; (None, None) decodes in full.
    """
    raw_size = image.size
    if min(raw_size) < MIN_SIDE:
        raise ImageLoadError(
            path,
            "too_small",
            f"the image is too small ({raw_size[0]}x{raw_size[1]}; at least {MIN_SIDE} px a side is needed)",
        )
    try:
        long_side, short_side = least
        if image.format in {"JPEG", "MPO"} and (long_side is not None or short_side is not None):
            ratio = min(1.0, max((long_side or 0) / max(raw_size), (short_side or 0) / min(raw_size)))
            wanted = (max(1, math.ceil(raw_size[0] * ratio)), max(1, math.ceil(raw_size[1] * ratio)))
            image.draft("RGB", wanted)
        image.load()
        # Read after load(): some decoders (TIFF, HEIF) apply the orientation themselves,
        # report the upright size from the start and drop the tag.
        orientation = _orientation(image)
        pixels = _to_srgb(image)
        pixels = _apply_orientation(pixels, orientation)
    except ImageLoadError:
        raise
    except OSError as exc:
        if "truncated" in str(exc):
            reason = "the file is truncated (an incomplete copy or download)"
            raise ImageLoadError(path, "truncated", reason) from None
        raise ImageLoadError(path, "damaged", f"the image data is damaged ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - any decoder failure on hostile input is "damaged"
        raise ImageLoadError(path, "damaged", f"the image data is damaged ({exc})") from None
    full_size = (raw_size[1], raw_size[0]) if orientation in {5, 6, 7, 8} else raw_size
    return LoadedPhoto(image=pixels, full_size=full_size, format=str(image.format))
