"""How soft a framed avatar looks, by how many source pixels span the window.

Usage: python benchmarks/soft_span.py PHOTO... [--frame ID] [--sheet OUT.png]

For each sharp photo it takes the automatic placement, then makes the same photo with
fewer pixels (shrunk so that `span` source pixels cross the window, saved as JPEG 92) and
frames both at 1080 px, as the app exports them. Each avatar is then shown at the sizes
people see it (the browser's resize to a display size `D`) and the window's middle is
compared with the sharp one's by SSIM (luminance, 11 px Gaussian window) and by the share
of edge energy kept (mean gradient magnitude, test over reference). A case is only
measured where the sharp photo itself has at least as many pixels as the window shows at
`D`, so the reference is never enlarged. `--sheet` writes the face at each span, cut from
the avatar shown at one display size, side by side at 1:1, for a person to look at.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from frame_studio.core.errors import ImageLoadError
from frame_studio.core.frames import Frame, frames_dir, load_frame
from frame_studio.core.images import LoadedPhoto, load_photo
from frame_studio.core.pipeline import analyse
from frame_studio.core.placement import Placement
from frame_studio.core.render import compose

SPANS = (60, 80, 100, 120, 140, 160, 180, 200, 240, 280, 340, 400)
DISPLAYS = (176, 196, 300, 400, 600, 800)
OUTPUT = 1080


def luminance(image: Image.Image) -> np.ndarray:
    """The image's luma as float64."""
    return np.asarray(image.convert("L"), dtype=np.float64)


def ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Mean SSIM of two luma images (Wang et al. 2004, Gaussian window sigma 1.5)."""
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2

    def blur(x: np.ndarray) -> np.ndarray:
        return cv2.GaussianBlur(x, (11, 11), 1.5)

    mu_a, mu_b = blur(a), blur(b)
    var_a, var_b = blur(a * a) - mu_a**2, blur(b * b) - mu_b**2
    cov = blur(a * b) - mu_a * mu_b
    index = ((2 * mu_a * mu_b + c1) * (2 * cov + c2)) / ((mu_a**2 + mu_b**2 + c1) * (var_a + var_b + c2))
    return float(index.mean())


def edge_energy(a: np.ndarray) -> float:
    """Mean gradient magnitude (Sobel) of a luma image."""
    gx, gy = cv2.Sobel(a, cv2.CV_64F, 1, 0), cv2.Sobel(a, cv2.CV_64F, 0, 1)
    return float(np.hypot(gx, gy).mean())


def shown(avatar: Image.Image, frame: Frame, display: int) -> np.ndarray:
    """The middle of the window (its central 60 %) of `avatar` shown at `display` px."""
    small = avatar.resize((display, display), Image.Resampling.LANCZOS, reducing_gap=3.0)
    x, y, w, h = (v * display for v in frame.window.box)
    box = (round(x + 0.2 * w), round(y + 0.2 * h), round(x + 0.8 * w), round(y + 0.8 * h))
    return luminance(small.crop(box))


def fewer_pixels(path: Path, placement: Placement, span: int, scratch: Path) -> tuple[LoadedPhoto, Placement]:
    """The photo shrunk so that `span` pixels cross the window, saved and loaded again."""
    factor = span / placement.span
    with Image.open(path) as image:
        size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
        small = image.convert("RGB").resize(size, Image.Resampling.LANCZOS)
    target = scratch / f"{path.stem}-{span}.jpg"
    small.save(target, quality=92)
    center = (placement.center[0] * factor, placement.center[1] * factor)
    return load_photo(target), Placement(center, placement.span * factor, placement.angle)


def measure(
    path: Path, frame: Frame, scratch: Path
) -> tuple[float, dict[int, dict[int, tuple[float, float]]], dict[int, Image.Image]]:
    """The photo's own span, {span: {display: (ssim, edge share)}} and the avatars by span."""
    placement = analyse(path, frame).result.placement
    sharp = compose(load_photo(path), placement, frame, size=OUTPUT)
    figures: dict[int, dict[int, tuple[float, float]]] = {}
    avatars = {}
    for span in SPANS:
        if span >= placement.span:
            continue
        try:
            photo, small_placement = fewer_pixels(path, placement, span, scratch)
        except ImageLoadError:
            continue  # under 64 px a side: the app refuses it
        avatar = compose(photo, small_placement, frame, size=OUTPUT)
        avatars[span] = avatar
        figures[span] = {}
        for display in DISPLAYS:
            if frame.window.box[3] * display > placement.span:
                continue  # the sharp photo would itself be enlarged here
            ref, test = shown(sharp, frame, display), shown(avatar, frame, display)
            figures[span][display] = (ssim(ref, test), edge_energy(test) / edge_energy(ref))
    avatars[round(placement.span)] = sharp
    return placement.span, figures, avatars


def sheet(avatars: dict[int, Image.Image], frame: Frame, display: int, path: Path) -> None:
    """The window's middle at each span, shown at `display` px, in a row at 1:1."""
    crops = []
    for span, avatar in sorted(avatars.items()):
        small = avatar.resize((display, display), Image.Resampling.LANCZOS, reducing_gap=3.0)
        x, y, w, h = (v * display for v in frame.window.box)
        box = (round(x + 0.15 * w), round(y), round(x + 0.85 * w), round(y + 0.8 * h))
        crops.append((span, small.crop(box)))
    width = sum(c.width + 4 for _, c in crops)
    out = Image.new("RGB", (width, crops[0][1].height + 16), "white")
    left = 0
    for span, crop in crops:
        out.paste(crop, (left, 16))
        ImageDraw.Draw(out).text((left + 2, 2), f"span {span}", fill="black")
        left += crop.width + 4
    out.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("photos", type=Path, nargs="+")
    parser.add_argument("--frame", default="congress-ring")
    parser.add_argument("--sheet", type=Path, default=None, help="folder for the 1:1 sheets")
    parser.add_argument("--sheet-display", type=int, default=400)
    args = parser.parse_args()
    frame = load_frame(frames_dir() / args.frame)
    table: dict[int, dict[int, list[tuple[float, float]]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for path in args.photos:
            own, figures, avatars = measure(path, frame, Path(scratch))
            print(f"{path.name}: own span {own:.0f} px")
            for span, row in figures.items():
                cells = "  ".join(f"D{d}: {s:.3f}/{e:.2f}" for d, (s, e) in row.items())
                print(f"  span {span:>3}  {cells}")
                for display, pair in row.items():
                    table.setdefault(span, {}).setdefault(display, []).append(pair)
            if args.sheet:
                args.sheet.mkdir(parents=True, exist_ok=True)
                name = f"{path.stem}-D{args.sheet_display}.png"
                sheet(avatars, frame, args.sheet_display, args.sheet / name)
    window = frame.window.box[3]
    print(f"\nmean SSIM / edge share over the photos (window = {window:.2f} of the avatar; n photos)")
    heads = [f"D{d} (win {round(window * d)})" for d in DISPLAYS]
    print("span  " + "".join(f"{head:>24}" for head in heads))
    for span in SPANS:
        means = []
        for display in DISPLAYS:
            pairs = table.get(span, {}).get(display, [])
            if pairs:
                s, e = np.mean(pairs, axis=0)
                means.append(f"{s:.3f}/{e:.2f} (n{len(pairs)})")
            else:
                means.append("-")
        print(f"{span:>4}  " + "".join(f"{m:>24}" for m in means))


if __name__ == "__main__":
    main()
