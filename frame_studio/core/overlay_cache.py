"""Overlays kept on disk between processes, so each batch worker loads them instead of drawing.

Drawing a frame's overlay takes about 180 ms at 1080 px; every batch worker would draw it
again. A frame marked with `keep_on_disk` (the batch does it for its frame, never for one
personalised per person, which would leave a file per person) has its overlays stored as
PNG files (`disk_cache`, kind "overlays"), named by a hash of everything the drawing
depends on: the app's and Pillow's versions, the text layout, the frame's fields, the size,
and the size and time of every file the frame names. A missing, stale or unreadable file is
drawn again.
"""

from __future__ import annotations

import io
from pathlib import Path

import PIL
from PIL import Image

from frame_studio.core import disk_cache, text_layout
from frame_studio.core.frames import Frame
from frame_studio.core.overlay import render_overlay

_kept: dict[Frame, Path] = {}


def keep_on_disk(frame: Frame, folder: Path | None = None) -> None:
    """Keep `frame`'s overlays in `folder` (default: the "overlays" cache) from now on, in this process."""
    _kept[frame] = folder or disk_cache.cache_folder("overlays")


def cache_name(frame: Frame, size: int) -> str | None:
    """The file name of `frame`'s overlay at `size`; None when a file the frame names is missing."""
    parts = [PIL.__version__, text_layout.LAYOUT.name, str(size), repr(frame)]
    named = {value for layer in frame.layers for _, value in layer.options if isinstance(value, Path)}
    for path in sorted(named):
        try:
            info = path.stat()
        except OSError:
            return None  # drawing will say what is wrong
        parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return disk_cache.file_name(parts, f"-{size}.png")


def _decoded(data: bytes | None, size: int) -> Image.Image | None:
    if data is None:
        return None
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as stored:
            stored.load()
            if stored.mode == "RGBA" and stored.size == (size, size):
                return stored.copy()
    except (OSError, SyntaxError, ValueError):
        pass
    return None


def overlay_image(frame: Frame, size: int) -> Image.Image:
    """The frame's RGBA overlay at `size`: from the disk for a kept frame, else drawn.

    Raises:
        FrameError: a layer cannot be drawn (see `overlay.render_overlay`).
    """
    folder = _kept.get(frame)
    name = cache_name(frame, size) if folder is not None else None
    if folder is None or name is None:
        return render_overlay(frame, size)
    found = _decoded(disk_cache.read_bytes(folder / name), size)
    if found is not None:
        return found
    drawn = render_overlay(frame, size)
    encoded = io.BytesIO()
    drawn.save(encoded, format="PNG", compress_level=1)
    disk_cache.store(folder / name, encoded.getvalue())
    return drawn
