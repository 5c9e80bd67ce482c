"""Draw `assets/frames/congress-poster/overlay.png`: a designer-style overlay PNG.

Designers deliver frames as one PNG with a transparent hole; this script makes such a PNG
for the campaign (sunburst background, gold-rimmed hole, the greeting set in Be Vietnam
Pro), so the bundled family has a variant that goes through the `window = auto` path.
Run it again after changing the design: `python tools/make_poster_overlay.py`.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "frames" / "congress-poster" / "overlay.png"
FONTS = ROOT / "assets" / "fonts"
SIZE = 2048
HOLE = (0.5, 0.415, 0.325)  # centre x, centre y, radius (fractions)
RED, DEEP, GOLD, LIGHT = (200, 16, 46), (140, 8, 24), (246, 200, 70), (255, 216, 77)


def font(name: str, fraction: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), round(fraction * SIZE), layout_engine=ImageFont.Layout.RAQM)


def sunburst(big: int) -> Image.Image:
    """A deep red background with soft lighter rays from the hole's centre."""
    canvas = Image.new("RGBA", (big, big), (*DEEP, 255))
    rays = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(rays)
    cx, cy = HOLE[0] * big, HOLE[1] * big
    for i in range(24):
        a0, a1 = math.radians(i * 15), math.radians(i * 15 + 7)
        far = big * 1.5
        draw.polygon(
            [
                (cx, cy),
                (cx + far * math.cos(a0), cy + far * math.sin(a0)),
                (cx + far * math.cos(a1), cy + far * math.sin(a1)),
            ],
            fill=60,
        )
    light = Image.new("RGBA", (big, big), (*RED, 255))
    light.putalpha(rays.filter(ImageFilter.GaussianBlur(big / 200)))
    canvas.alpha_composite(light)
    return canvas


def star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: tuple[int, ...]) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def main() -> None:
    big = SIZE * 2
    canvas = sunburst(big)
    draw = ImageDraw.Draw(canvas)
    cx, cy, r = (v * big for v in HOLE)
    for radius, colour in ((r + 0.028 * big, GOLD), (r + 0.018 * big, RED), (r + 0.008 * big, GOLD)):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=(*colour, 255))
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(0, 0, 0, 0))
    for i in range(5):  # five stars in an arc above the hole
        angle = math.radians(-90 + (i - 2) * 14)
        sr = r + 0.075 * big
        star(draw, cx + sr * math.cos(angle), cy + sr * math.sin(angle), 0.022 * big, (*LIGHT, 255))
    canvas = canvas.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(canvas)
    lines = [
        ("CHÀO MỪNG", "BeVietnamPro-SemiBold.ttf", 0.034, LIGHT, 0.79),
        ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẠNG SƠN", "BeVietnamPro-Bold.ttf", 0.031, (255, 255, 255), 0.83),
        ("LẦN THỨ XVII · NHIỆM KỲ 2020 – 2025", "BeVietnamPro-Bold.ttf", 0.028, LIGHT, 0.867),
    ]
    for text, name, fraction, colour, y in lines:
        draw.text((SIZE / 2, y * SIZE), text, font=font(name, fraction), fill=(*colour, 255), anchor="mm")
    canvas.save(OUT, optimize=True)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
