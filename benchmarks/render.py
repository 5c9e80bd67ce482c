"""Time each stage of framing one 12 MP JPEG, and compare the whole to decode + encode alone.

Usage: python benchmarks/render.py [--runs 7] [--format png|jpg|webp] [--size 1080]

Prints the median milliseconds of each stage (decode for detection, detect, place, decode
for output, compose, encode), the whole `frame_photo` + save, and the floor: the same
photo only decoded (full JPEG decode) and a 1080 px centre crop encoded, in this process;
both encoders use the app's settings (JPEG q92 4:4:4, PNG level 3).
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from frame_studio.core.faces import DETECT_LONG_SIDE, detect_faces
from frame_studio.core.frames import find_frame
from frame_studio.core.images import load_photo
from frame_studio.core.pipeline import frame_photo, window_pixels
from frame_studio.core.placement import place_photo
from frame_studio.core.render import (
    FORMATS,
    SUFFIX_BY_FORMAT,
    EncodeSettings,
    compose,
    save_image,
    save_options,
)

PORTRAIT = Path(__file__).resolve().parents[1] / "tests" / "data" / "grace_hopper.jpg"


def make_12mp_jpeg(folder: Path) -> Path:
    """A 4000x3000 JPEG: the real portrait enlarged on a noisy background (phone-like)."""
    rng = np.random.default_rng(0)
    background = rng.normal(128, 40, size=(3000, 4000, 3)).clip(0, 255).astype(np.uint8)
    photo = Image.fromarray(background)
    face = Image.open(PORTRAIT).convert("RGB").resize((2000, 2344), Image.Resampling.BICUBIC)
    photo.paste(face, (1000, 300))
    path = folder / "photo_12mp.jpg"
    photo.save(path, quality=92)
    return path


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of `action` in milliseconds (after one warm-up run)."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--format", choices=sorted(SUFFIX_BY_FORMAT), default="png")
    parser.add_argument("--size", type=int, default=1080)
    args = parser.parse_args()
    suffix = SUFFIX_BY_FORMAT[args.format]
    frame = find_frame()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = make_12mp_jpeg(folder)
        small = load_photo(path, min_long_side=DETECT_LONG_SIDE)
        faces = detect_faces(small.image, full_size=small.full_size)
        result = place_photo(small.full_size, faces, aspect=frame.window.aspect, target=frame.face_target)
        needed = window_pixels(frame, args.size) / result.placement.span
        output_side = round(max(small.full_size) * needed)
        large = load_photo(path, min_long_side=output_side)
        framed = compose(large, result.placement, frame, size=args.size)

        def encode() -> None:
            framed.save(
                io.BytesIO(), format=FORMATS[suffix], **save_options(FORMATS[suffix], EncodeSettings())
            )

        counter = iter(range(10**6))

        def whole() -> None:
            image = frame_photo(path, frame, size=args.size).image
            save_image(image, folder / f"out{next(counter)}{suffix}")

        def floor() -> None:
            with Image.open(path) as image:
                image.load()
                side = min(image.size)
                left, top = (image.width - side) // 2, (image.height - side) // 2
                crop = image.crop((left, top, left + side, top + side))
                crop = crop.resize((args.size, args.size), Image.Resampling.LANCZOS, reducing_gap=3.0)
                crop.save(
                    io.BytesIO(), format=FORMATS[suffix], **save_options(FORMATS[suffix], EncodeSettings())
                )

        stages = {
            "decode for detection (draft)": lambda: load_photo(path, min_long_side=DETECT_LONG_SIDE),
            "detect faces (640 px)": lambda: detect_faces(small.image, full_size=small.full_size),
            "place": lambda: place_photo(small.full_size, faces, aspect=frame.window.aspect),
            "decode for output (draft)": lambda: load_photo(path, min_long_side=output_side),
            "compose": lambda: compose(large, result.placement, frame, size=args.size),
            f"encode {args.format}": encode,
        }
        print(f"12 MP JPEG 4000x3000 -> {args.size} px {args.format}, median of {args.runs} runs")
        total = 0.0
        for name, action in stages.items():
            ms = median_ms(action, args.runs)
            total += ms
            print(f"  {name:<32} {ms:8.1f} ms")
        print(f"  {'sum of stages':<32} {total:8.1f} ms")
        whole_ms = median_ms(whole, args.runs)
        floor_ms = median_ms(floor, args.runs)
        print(f"  {'whole frame_photo + save':<32} {whole_ms:8.1f} ms")
        print(f"  {'floor: full decode+crop+encode':<32} {floor_ms:8.1f} ms")
        print(f"  ratio whole / floor: {whole_ms / floor_ms:.2f}")


if __name__ == "__main__":
    main()
