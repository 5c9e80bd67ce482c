"""The one text layout every font in the core uses, chosen once from what Pillow offers.

RAQM (HarfBuzz shaping) where this Pillow has it, else Pillow's basic layout. Pillow's
Windows wheels ship without fribidi, so RAQM is missing there, and asking for it anyway
warns once per font before falling back. Vietnamese needs no shaping once it is
NFC-normalised: every letter has a precomposed glyph, so both layouts draw the same
glyphs and differ only by a pixel or two of spacing.

Tests force a layout by monkeypatching `LAYOUT` (and clearing the font and overlay caches,
which were filled with the other one).
"""

from __future__ import annotations

from pathlib import Path

from PIL import ImageFont, features


def available_layout() -> ImageFont.Layout:
    """RAQM when this Pillow can use it, else the basic layout."""
    return ImageFont.Layout.RAQM if features.check_feature("raqm") else ImageFont.Layout.BASIC


#: The layout every `truetype` call uses.
LAYOUT: ImageFont.Layout = available_layout()


def truetype(path: Path, pixels: int) -> ImageFont.FreeTypeFont:
    """The font at `path` at a size in pixels, laid out with `LAYOUT`."""
    return ImageFont.truetype(str(path), pixels, layout_engine=LAYOUT)
