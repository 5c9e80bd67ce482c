"""Draw the app icon (assets/icons/frame-studio.png, 256 px, and .ico for Windows).

A red avatar circle in a gold ring with a gold star: the campaign frame in miniature.
Usage: python tools/make_icon.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "assets" / "icons"
SIZE = 256
SCALE = 4


def main() -> None:
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = 8 * SCALE
    draw.ellipse((margin, margin, big - margin, big - margin), fill=(246, 200, 70, 255))
    inner = margin + 18 * SCALE
    draw.ellipse((inner, inner, big - inner, big - inner), fill=(200, 16, 46, 255))
    cx = cy = big / 2
    outer, core = 62 * SCALE, 62 * SCALE * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else core
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + 6 * SCALE + radius * math.sin(angle)))
    draw.polygon(points, fill=(255, 216, 77, 255))
    icon = image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    OUT.mkdir(parents=True, exist_ok=True)
    icon.save(OUT / "frame-studio.png", optimize=True)
    sizes = [(side, side) for side in (16, 32, 48, 64, 128, 256)]
    icon.save(OUT / "frame-studio.ico", sizes=sizes)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
