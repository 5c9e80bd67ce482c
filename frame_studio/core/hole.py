"""Find the transparent hole of a designer's overlay PNG: where the photo shows through."""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np

from frame_studio.core.images import load_photo

#: Pixels more transparent than this belong to the hole.
HOLE_ALPHA = 128
#: A hole filling between these fractions of its bounding box is a circle (pi/4 = 0.785).
CIRCLE_FILL = (0.72, 0.85)


def find_hole(path: Path) -> tuple[str, tuple[float, float, float, float]] | None:
    """The hole's shape ("circle" or "rect") and box in canvas fractions, or None.

    The hole is the transparent region at the image's centre or, failing that, the largest
    transparent region that does not touch the image's border (transparent corners of a
    round design are not the hole).
    """
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
