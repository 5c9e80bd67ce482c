"""QR codes for a campaign link (PNG or SVG), verified by decoding them back before saving.

Encoding uses the `qrcode` library; decoding uses OpenCV's QR detectors, offline. An SVG
is drawn from the same module matrix as the PNG that is decoded, so verifying the raster
verifies the vector file too.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import qrcode
import qrcode.exceptions
import qrcode.image.svg
import qrcode.util
from PIL import Image

from frame_studio.core.atomic import write_atomic, write_bytes_atomic
from frame_studio.core.errors import FrameStudioError

BORDER = 4
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
_LARGEST_VERSION = 40
#: The most UTF-8 bytes of a link that fit in the largest QR code (version 40) at our error
#: correction, in byte mode: the data bits minus the 4-bit mode and the length field.
#: 2331 at level M.
MAX_LINK_BYTES = (
    qrcode.util.BIT_LIMIT_TABLE[ERROR_CORRECTION][_LARGEST_VERSION]
    - 4
    - qrcode.util.length_in_bits(qrcode.util.MODE_8BIT_BYTE, _LARGEST_VERSION)
) // 8


class QRError(FrameStudioError):
    """A QR code could not be made, or did not decode back to its link."""


def _too_long(link: str, path: str | Path | None) -> QRError:
    size = len(link.encode("utf-8"))
    if size == len(link):
        amount = f"{size} characters; at most {MAX_LINK_BYTES}"
    else:
        amount = f"{len(link)} characters, {size} bytes in UTF-8; at most {MAX_LINK_BYTES} bytes"
    return QRError(path, "link_too_long", f"the link is too long for a QR code ({amount})")


def check_link(link: str, path: str | Path | None = None) -> None:
    """Refuse a link that cannot be put in a QR code, before any code is made.

    Args:
        link: the campaign link.
        path: the file the code was meant for, named in the error (None: no file).

    Raises:
        QRError: `empty_link` (nothing but spaces) or `link_too_long` (more than
            `MAX_LINK_BYTES` bytes in UTF-8).
    """
    if not link.strip():
        raise QRError(path, "empty_link", "there is no link to put in the QR code")
    if len(link.encode("utf-8")) > MAX_LINK_BYTES:
        raise _too_long(link, path)


def _code(link: str, path: str | Path | None = None) -> qrcode.QRCode:
    check_link(link, path)
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=BORDER)
    code.add_data(link)
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError) as error:  # "Invalid version" when it overflows
        raise _too_long(link, path) from error
    return code


def qr_image(link: str, *, size: int | None = None) -> Image.Image:
    """The QR code as a black-on-white RGB image, about `size` px (whole pixels per module).

    Raises:
        QRError: the link is empty or too long for a QR code.
    """
    return _draw(_code(link), size)


def _draw(code: qrcode.QRCode, size: int | None) -> Image.Image:
    modules = len(code.get_matrix())
    box = max(1, round(size / modules)) if size else 10
    matrix = np.array(code.get_matrix(), dtype=bool)
    pixels = np.where(matrix, 0, 255).astype(np.uint8)
    image = Image.fromarray(pixels, "L").resize((modules * box, modules * box), Image.Resampling.NEAREST)
    return image.convert("RGB")


def decode_qr(image: Image.Image) -> str | None:
    """Decode a QR code in an image with OpenCV, or None if none is found."""
    gray = np.asarray(image.convert("L"))
    import cv2  # here, not at import: the CLI's parent process and the first window never decode

    for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
        text, _, _ = detector.detectAndDecode(gray)
        if text:
            return str(text)
    return None


def save_qr(link: str, path: str | Path, *, size: int | None = None, overwrite: bool = False) -> Path:
    """Write the link's QR code to a .png or .svg file, after checking it decodes to the link.

    Raises:
        QRError: empty link, link too long, unknown suffix, or the code did not decode back.
        ExportError: the file cannot be written (exists, no permission, disk full...).
    """
    path = Path(path)
    code = _code(link, path)
    raster = _draw(code, size)
    decoded = decode_qr(raster)
    if decoded != link:
        raise QRError(path, "not_verified", f"the QR code decoded to {decoded!r}, not the link")
    suffix = path.suffix.lower()
    if suffix == ".png":
        return write_atomic(path, lambda handle: raster.save(handle, format="PNG"), overwrite=overwrite)
    if suffix == ".svg":
        svg = code.make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string()
        return write_bytes_atomic(path, svg, overwrite=overwrite)
    raise QRError(path, "bad_format", "a QR code is saved as .png or .svg")


QR_FILE_STEM = "campaign-qr"
"""The name (without suffix) of the QR code a batch writes beside the photos."""
