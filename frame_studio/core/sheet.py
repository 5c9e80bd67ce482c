"""The variant board: every frame on a few sample faces, side by side and labelled.

Each row is one frame: its name and id, the avatar on each sample photo, and the first
photo as Facebook shows it (a 176 px circle).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw

from frame_studio.core.assets import asset_path
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.overlay import load_font
from frame_studio.core.pipeline import analyse, frame_photo

FACEBOOK_SIZE = 176
LABEL_HEIGHT = 64
GAP = 16
PAPER = (246, 244, 240)
INK = (40, 40, 40)


def sample_photos() -> list[Path]:
    """The bundled sample faces."""
    folder = asset_path("samples")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".jpg", ".jpeg", ".png"})


@functools.lru_cache(maxsize=8)
def _circle_mask(size: int) -> Image.Image:
    mask = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=255)
    return mask.resize((size, size), Image.Resampling.BOX)


def as_facebook_shows(avatar: Image.Image, size: int = FACEBOOK_SIZE) -> Image.Image:
    """The avatar reduced to `size` and cut to a circle on the page colour."""
    small = avatar.resize((size, size), Image.Resampling.LANCZOS)
    page = Image.new("RGB", (size, size), PAPER)
    page.paste(small, (0, 0), _circle_mask(size))
    return page


def variant_sheet(frames: Sequence[Frame], photos: Sequence[Path], *, cell: int = 360) -> Image.Image:
    """Draw the board.

    Raises:
        FrameStudioError: a photo cannot be opened or a frame cannot be drawn.
    """
    if not frames or not photos:
        raise FrameStudioError(None, "nothing_to_show", "the board needs at least one frame and one photo")
    columns = len(photos) + 1
    width = GAP + columns * (cell + GAP)
    row_height = LABEL_HEIGHT + cell + GAP
    sheet = Image.new("RGB", (width, GAP + len(frames) * row_height), PAPER)
    draw = ImageDraw.Draw(sheet)
    title, small = (
        load_font(asset_path("fonts", "BeVietnamPro-Bold.ttf"), 26),
        load_font(asset_path("fonts", "BeVietnamPro-Regular.ttf"), 18),
    )
    analyses = {}
    for row, frame in enumerate(frames):
        top = GAP + row * row_height
        draw.text((GAP, top + 4), frame.name, font=title, fill=INK)
        draw.text((GAP, top + 38), f"{frame.id}", font=small, fill=(110, 110, 110))
        first = None
        for column, photo in enumerate(photos):
            key = (photo, frame.window.aspect, frame.face_target)
            if key not in analyses:
                analyses[key] = analyse(photo, frame)
            avatar = frame_photo(photo, frame, size=cell, analysis=analyses[key]).image
            first = first or avatar
            sheet.paste(avatar, (GAP + column * (cell + GAP), top + LABEL_HEIGHT))
        if first is not None:
            left = GAP + len(photos) * (cell + GAP) + (cell - FACEBOOK_SIZE) // 2
            sheet.paste(as_facebook_shows(first), (left, top + LABEL_HEIGHT + (cell - FACEBOOK_SIZE) // 2))
            draw.text(
                (left, top + LABEL_HEIGHT + (cell + FACEBOOK_SIZE) // 2 + 8),
                "Facebook 176 px",
                font=small,
                fill=(110, 110, 110),
            )
    return sheet
