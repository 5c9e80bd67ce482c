"""QR codes for a campaign link (PNG or SVG), verified by decoding them back before saving.

Encoding uses the `qrcode` library; decoding uses OpenCV's QR detectors, offline. An SVG
is drawn from the same module matrix as the PNG that is decoded, so verifying the raster
verifies the vector file too.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import qrcode
import qrcode.image.svg
from PIL import Image

from frame_studio.core.atomic import write_atomic, write_bytes_atomic
from frame_studio.core.errors import FrameStudioError

BORDER = 4


class QRError(FrameStudioError):
    """A QR code could not be made, or did not decode back to its link."""


def _code(link: str) -> qrcode.QRCode:
    if not link.strip():
        raise QRError(None, "empty_link", "there is no link to put in the QR code")
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=BORDER)
    code.add_data(link)
    code.make(fit=True)
    return code


def qr_image(link: str, *, size: int | None = None) -> Image.Image:
    """The QR code as a black-on-white RGB image, about `size` px (whole pixels per module)."""
    code = _code(link)
    modules = len(code.get_matrix())
    box = max(1, round(size / modules)) if size else 10
    matrix = np.array(code.get_matrix(), dtype=bool)
    pixels = np.where(matrix, 0, 255).astype(np.uint8)
    image = Image.fromarray(pixels, "L").resize((modules * box, modules * box), Image.Resampling.NEAREST)
    return image.convert("RGB")


def decode_qr(image: Image.Image) -> str | None:
    """Decode a QR code in an image with OpenCV, or None if none is found."""
    gray = np.asarray(image.convert("L"))
    for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
        text, _, _ = detector.detectAndDecode(gray)
        if text:
            return str(text)
    return None


def save_qr(link: str, path: str | Path, *, size: int | None = None, overwrite: bool = False) -> Path:
    """Write the link's QR code to a .png or .svg file, after checking it decodes to the link.

    Raises:
        QRError: empty link, unknown suffix, or the code did not decode back.
        ExportError: the file cannot be written (exists, no permission, disk full...).
    """
    path = Path(path)
    raster = qr_image(link, size=size)
    decoded = decode_qr(raster)
    if decoded != link:
        raise QRError(path, "not_verified", f"the QR code decoded to {decoded!r}, not the link")
    suffix = path.suffix.lower()
    if suffix == ".png":
        return write_atomic(path, lambda handle: raster.save(handle, format="PNG"), overwrite=overwrite)
    if suffix == ".svg":
        svg = _code(link).make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string()
        return write_bytes_atomic(path, svg, overwrite=overwrite)
    raise QRError(path, "bad_format", "a QR code is saved as .png or .svg")


QR_FILE_STEM = "campaign-qr"


def save_qr_files(link: str, folder: Path) -> tuple[Path, Path]:
    """Write `campaign-qr.png` and `campaign-qr.svg` into a batch's output folder (replacing ours)."""
    return (
        save_qr(link, folder / f"{QR_FILE_STEM}.png", size=600, overwrite=True),
        save_qr(link, folder / f"{QR_FILE_STEM}.svg", overwrite=True),
    )
