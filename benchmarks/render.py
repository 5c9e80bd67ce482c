"""Time each stage of framing one 12 MP JPEG, and compare the whole to a floor.

Usage: python benchmarks/render.py [--runs 7] [--format png|jpg|webp] [--size 1080] [--no-level-head]

Prints the median milliseconds of each stage as the pipeline runs them (decode once at the
output's draft, detect on a 640 px copy of it, level the head, place, decode again only if
the placement needs more pixels, compose, encode), the whole `frame_photo` + save, and the
floor: the same photo only decoded at the JPEG draft a 1080 px centre crop needs, resized
(Lanczos) and encoded, in this process; both encoders use the app's settings (JPEG q92
4:4:4, PNG level 3).
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

from frame_studio.core.faces import detect_faces
from frame_studio.core.frames import find_frame
from frame_studio.core.pipeline import (
    Analysis,
    decode_for,
    frame_photo,
    photo_for_output,
    place_in_frame,
    refine_primary_face,
)
from frame_studio.core.placement import LEVEL_HEAD_DEFAULT, PlacementSettings
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
    parser.add_argument("--level-head", action=argparse.BooleanOptionalAction, default=LEVEL_HEAD_DEFAULT)
    args = parser.parse_args()
    suffix = SUFFIX_BY_FORMAT[args.format]
    frame, settings = find_frame(), PlacementSettings(level_head=args.level_head)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = make_12mp_jpeg(folder)
        photo = decode_for(path, frame, args.size)
        faces = detect_faces(photo.image, full_size=photo.full_size)
        refined = refine_primary_face(photo, faces, settings=settings) if args.level_head else faces
        result = place_in_frame(photo.full_size, refined, frame, settings=settings)
        analysis = Analysis(photo, refined, result)
        output = photo_for_output(path, analysis, result.placement, frame, args.size)
        framed = compose(output, result.placement, frame, size=args.size)

        def encode() -> None:
            framed.save(
                io.BytesIO(), format=FORMATS[suffix], **save_options(FORMATS[suffix], EncodeSettings())
            )

        counter = iter(range(10**6))

        def whole() -> None:
            image = frame_photo(path, frame, size=args.size, settings=settings).image
            save_image(image, folder / f"out{next(counter)}{suffix}")

        def floor() -> None:
            with Image.open(path) as image:
                side = min(image.size)
                image.draft("RGB", (args.size * image.width // side, args.size * image.height // side))
                image.load()
                side = min(image.size)
                left, top = (image.width - side) // 2, (image.height - side) // 2
                box = (left, top, left + side, top + side)
                crop = image.resize((args.size, args.size), Image.Resampling.LANCZOS, box=box)
                crop.save(
                    io.BytesIO(), format=FORMATS[suffix], **save_options(FORMATS[suffix], EncodeSettings())
                )

        stages = {
            "decode (output draft)": lambda: decode_for(path, frame, args.size),
            "detect faces (640 px copy)": lambda: detect_faces(photo.image, full_size=photo.full_size),
            "level head (refine)": lambda: (
                refine_primary_face(photo, faces, settings=settings) if args.level_head else None
            ),
            "place": lambda: place_in_frame(photo.full_size, refined, frame, settings=settings),
            "decode again (if needed)": lambda: photo_for_output(
                path, analysis, result.placement, frame, args.size
            ),
            "compose": lambda: compose(output, result.placement, frame, size=args.size),
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
        print(f"  {'floor: draft decode+resize+encode':<32} {floor_ms:8.1f} ms")
        print(f"  ratio whole / floor: {whole_ms / floor_ms:.2f}")


if __name__ == "__main__":
    main()
