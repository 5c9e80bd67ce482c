"""Time and size of each output encoder on one framed 1080 px avatar of a 12 MP photo.

Usage: python benchmarks/encoders.py   (the figures behind docs/decisions/0003-output-format.md)
"""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

from batch import make_photos

from frame_studio.core.frames import find_frame
from frame_studio.core.pipeline import frame_photo

ENCODERS = [
    ("PNG level 1", "PNG", {"compress_level": 1}),
    ("PNG level 3", "PNG", {"compress_level": 3}),
    ("PNG level 6", "PNG", {"compress_level": 6}),
    ("PNG level 9", "PNG", {"compress_level": 9}),
    ("JPEG q92 4:4:4", "JPEG", {"quality": 92, "subsampling": 0}),
    ("JPEG q92 4:2:0", "JPEG", {"quality": 92}),
    ("WebP q90 method 4", "WEBP", {"quality": 90, "method": 4}),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        photo = make_photos(Path(scratch), 2)[1]
        avatar = frame_photo(photo, find_frame(), size=1080).image
    for name, fmt, options in ENCODERS:
        best, size = float("inf"), 0
        for _ in range(3):
            buffer = io.BytesIO()
            start = time.perf_counter()
            avatar.save(buffer, format=fmt, **options)
            best = min(best, (time.perf_counter() - start) * 1000)
            size = len(buffer.getvalue())
        print(f"{name:<20} {best:6.0f} ms {size // 1024:6d} KB")


if __name__ == "__main__":
    main()
