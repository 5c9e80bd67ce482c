"""Find the transparent hole of a designer's overlay PNG: where the photo shows through.

Measuring it decodes the whole PNG (about 0.15 s for a large one), and every start of the
app loads the bundled frames: so each file's hole is measured once and kept, in memory and
on disk (`disk_cache`, kind "holes"), by the file's path, size and modification time.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import numpy as np

from frame_studio.core import disk_cache
from frame_studio.core.images import load_photo

#: Pixels more transparent than this belong to the hole.
HOLE_ALPHA = 128
#: A hole filling between these fractions of its bounding box is a circle (pi/4 = 0.785).
CIRCLE_FILL = (0.72, 0.85)

Hole = tuple[str, tuple[float, float, float, float]]


def find_hole(path: Path) -> Hole | None:
    """The hole's shape ("circle" or "rect") and box in canvas fractions, or None.

    The hole is the transparent region at the image's centre or, failing that, the largest
    transparent region that does not touch the image's border (transparent corners of a
    round design are not the hole).

    Raises:
        ImageLoadError: the image cannot be read.
    """
    try:
        info = path.stat()
    except OSError:
        return measure_hole(path)  # which says clearly what is wrong with the file
    return _kept_hole(path.resolve(), info.st_size, info.st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _kept_hole(path: Path, size: int, mtime_ns: int) -> Hole | None:
    """The hole of the file as it is now (its size and time are part of the key)."""
    file = disk_cache.cache_folder("holes") / disk_cache.file_name(
        [str(path), str(size), str(mtime_ns)], ".json"
    )
    data = disk_cache.read_bytes(file)
    if data is not None:
        try:
            kept = json.loads(data)
            if kept is None:
                return None
            shape, box = kept["shape"], tuple(float(v) for v in kept["box"])
            if shape in {"circle", "rect"} and len(box) == 4:
                return shape, (box[0], box[1], box[2], box[3])
        except (ValueError, KeyError, TypeError):
            pass  # damaged: measured again
    found = measure_hole(path)
    record = None if found is None else {"shape": found[0], "box": list(found[1])}
    disk_cache.store(file, json.dumps(record).encode())
    return found


def measure_hole(path: Path) -> Hole | None:
    """`find_hole` without the caches: decode the image and measure its hole."""
    import cv2  # heavy: imported here, not where frames are loaded (the CLI parent, the first window)

    image = load_photo(path).image
    if image.mode != "RGBA":
        return None
    clear = (np.asarray(image.getchannel("A")) < HOLE_ALPHA).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(clear, connectivity=4)
    height, width = clear.shape
    label = int(labels[height // 2, width // 2])
    if label == 0:
        inner = [
            i
            for i in range(1, count)
            if stats[i, 0] > 0
            and stats[i, 1] > 0
            and stats[i, 0] + stats[i, 2] < width
            and stats[i, 1] + stats[i, 3] < height
        ]
        if not inner:
            return None
        label = max(inner, key=lambda i: int(stats[i, cv2.CC_STAT_AREA]))
    x, y, w, h, area = (int(v) for v in stats[label])
    fill = area / (w * h)
    if CIRCLE_FILL[0] <= fill <= CIRCLE_FILL[1] and math.isclose(w, h, rel_tol=0.05):
        side = (w + h) / 2
        cx, cy = x + w / 2, y + h / 2
        return "circle", ((cx - side / 2) / width, (cy - side / 2) / height, side / width, side / height)
    return "rect", (x / width, y / height, w / width, h / height)
