"""Batch throughput against a floor measured in the same run, with peak memory.

Usage: python benchmarks/batch.py [--photos 100] [--jobs 2] [--format jpg|png|webp] [--no-level-head]
       [--no-stages]

Makes N 12 MP JPEGs (8 distinct generated photos, copied), then times (both including the
start of their worker processes)
  * the floor: the same photos only decoded (JPEG draft to the needed scale), centre-cropped,
    resized to 1080 px and encoded in the same format, in the same number of processes;
  * the batch: `plan_batch` + `run_batch` (detect, place, compose, atomic writes, journal).
Prints first a stage table (one process, warm page cache: the app's stages and the floor's,
ms per photo, mean over the 8 distinct photos), then photos/s, the batch/floor ratio and
peak memory (largest worker and the parent). Run it at 100 and 1000 photos (`--no-stages`)
to see memory stay flat. Head levelling follows the app's default (`--no-level-head`).
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import resource
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

from frame_studio.core.batch import run_batch
from frame_studio.core.batch_plan import BatchSettings, plan_batch
from frame_studio.core.faces import detect_faces
from frame_studio.core.frames import find_frame
from frame_studio.core.pipeline import (
    Analysis,
    decode_for,
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
SIZE = 1080


def phone_like_background(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """Smooth colour gradients with sensor-like noise: JPEGs of about 3-5 MB, like phone photos."""
    height, width = shape
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    x = np.linspace(0, 1, width, dtype=np.float32)[None, :, None]
    base = 60 + 120 * (0.6 * y + 0.4 * x) * rng.uniform(0.6, 1.0, size=(1, 1, 3)).astype(np.float32)
    noise = rng.normal(0, 7, size=(height, width, 3)).astype(np.float32)
    return np.clip(base + noise, 0, 255).astype(np.uint8)


def make_photos(folder: Path, count: int) -> list[Path]:
    """`count` 12 MP JPEGs: 8 distinct phone-like photos (a real face on noise), copied."""
    rng = np.random.default_rng(0)
    face = Image.open(PORTRAIT).convert("RGB")
    distinct = []
    for i in range(min(8, count)):
        background = phone_like_background(rng, (3000, 4000))
        photo = Image.fromarray(background)
        scale = 1.2 + 0.25 * i
        big = face.resize((round(512 * scale * 2), round(600 * scale * 2)), Image.Resampling.BICUBIC)
        photo.paste(big, (400 + 250 * i, 100 + 60 * i))
        path = folder / f"staff_{i:04d}.jpg"
        photo.save(path, quality=92)
        distinct.append(path)
    paths = list(distinct)
    for i in range(len(distinct), count):
        path = folder / f"staff_{i:04d}.jpg"
        shutil.copyfile(distinct[i % len(distinct)], path)
        paths.append(path)
    return paths


def floor_decode(path: Path) -> Image.Image:
    """The JPEG decoded at the draft whose short side still has the output's pixels."""
    with Image.open(path) as image:
        side = min(image.size)
        image.draft("RGB", (SIZE * image.width // side, SIZE * image.height // side))
        image.load()
        return image.copy() if image.mode == "RGB" else image.convert("RGB")


def floor_resize(image: Image.Image) -> Image.Image:
    """The centre square resized to the output's size (Lanczos)."""
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS, box=(left, top, left + side, top + side))


def floor_encode(image: Image.Image, target: Path, fmt: str) -> None:
    """Encode with the app's settings and write (not atomically)."""
    buffer = io.BytesIO()
    encoder = FORMATS[SUFFIX_BY_FORMAT[fmt]]
    image.save(buffer, format=encoder, **save_options(encoder, EncodeSettings()))
    target.write_bytes(buffer.getvalue())


def floor_one(path: Path, out_dir: Path, fmt: str) -> None:
    """Decode at the needed scale, centre-crop, resize, encode, write: no faces, no frame."""
    floor_encode(floor_resize(floor_decode(path)), out_dir / f"{path.stem}{SUFFIX_BY_FORMAT[fmt]}", fmt)


def time_floor(paths: list[Path], out_dir: Path, fmt: str, jobs: int) -> float:
    context = multiprocessing.get_context("spawn")
    start = time.perf_counter()  # like the batch, the floor pays for starting its processes
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        list(pool.map(floor_one, paths, [out_dir] * len(paths), [fmt] * len(paths), chunksize=1))
    return time.perf_counter() - start


class ChildMemory:
    """Samples the resident memory of this process's children from /proc (Linux) while running."""

    def __init__(self) -> None:
        self.peak_one_mb = self.peak_all_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> ChildMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            sizes = []
            for children in Path("/proc/self/task").glob("*/children"):
                for pid in children.read_text().split():
                    try:
                        status = Path(f"/proc/{pid}/status").read_text()
                    except OSError:
                        continue
                    kb = next(
                        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0
                    )
                    sizes.append(kb / 1024)
            if sizes:
                self.peak_one_mb = max(self.peak_one_mb, max(sizes))
                self.peak_all_mb = max(self.peak_all_mb, sum(sizes))


def time_batch(in_dir: Path, out_dir: Path, settings: BatchSettings, jobs: int, memory: ChildMemory) -> float:
    start = time.perf_counter()
    plan = plan_batch(in_dir, out_dir, settings)
    with memory:
        results = list(run_batch(plan, workers=jobs))
    elapsed = time.perf_counter() - start
    assert all(r.status == "framed" for r in results), [r.reason for r in results if r.status != "framed"]
    return elapsed


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of `action` in milliseconds (after one warm-up run)."""
    action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def photo_stages(
    path: Path, fmt: str, out_dir: Path, runs: int, settings: PlacementSettings
) -> tuple[dict[str, float], bool]:
    """The app's and the floor's stages for one photo (ms, medians), and whether it was decoded twice."""
    frame = find_frame()
    photo = decode_for(path, frame, SIZE)
    faces = detect_faces(photo.image, full_size=photo.full_size)
    refined = refine_primary_face(photo, faces, settings=settings) if settings.level_head else faces
    result = place_in_frame(photo.full_size, refined, frame, settings=settings)
    analysis = Analysis(photo, refined, result)
    output = photo_for_output(path, analysis, result.placement, frame, SIZE)
    avatar = compose(output, result.placement, frame, size=SIZE)
    target = out_dir / f"stage{SUFFIX_BY_FORMAT[fmt]}"
    floor_decoded = floor_decode(path)
    stages = {
        "decode (output draft)": median_ms(lambda: decode_for(path, frame, SIZE), runs),
        "detect (640 px copy)": median_ms(lambda: detect_faces(photo.image, full_size=photo.full_size), runs),
        "level head (refine)": median_ms(lambda: refine_primary_face(photo, faces, settings=settings), runs)
        if settings.level_head
        else 0.0,
        "place": median_ms(lambda: place_in_frame(photo.full_size, refined, frame, settings=settings), runs),
        "decode again if needed": median_ms(
            lambda: photo_for_output(path, analysis, result.placement, frame, SIZE), runs
        ),
        "compose": median_ms(lambda: compose(output, result.placement, frame, size=SIZE), runs),
        f"encode {fmt} + write": median_ms(lambda: save_image(avatar, target, overwrite=True), runs),
        "floor: decode": median_ms(lambda: floor_decode(path), runs),
        "floor: crop + resize": median_ms(lambda: floor_resize(floor_decoded), runs),
        f"floor: encode {fmt} + write": median_ms(lambda: floor_encode(avatar, target, fmt), runs),
    }
    return stages, output is not photo


def stage_table(
    paths: list[Path], fmt: str, out_dir: Path, settings: PlacementSettings, runs: int = 3
) -> None:
    """Print the mean over the distinct photos of each stage's median, app and floor."""
    rows, twice = [], 0
    for path in paths:
        stages, again = photo_stages(path, fmt, out_dir, runs, settings)
        rows.append(stages)
        twice += again
    print(
        f"ms per photo and stage, one process (mean over {len(paths)} distinct photos of medians of {runs}):"
    )
    app = floor = 0.0
    for name in rows[0]:
        ms = statistics.fmean(row[name] for row in rows)
        note = f"  ({twice} of {len(paths)} photos decoded again)" if name == "decode again if needed" else ""
        print(f"  {name:<26} {ms:7.1f}{note}")
        if name.startswith("floor"):
            floor += ms
        else:
            app += ms
    print(f"  {'sum: app / floor':<26} {app:7.1f} / {floor:.1f} = {app / floor:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--format", choices=sorted(SUFFIX_BY_FORMAT), default="jpg")
    parser.add_argument("--level-head", action=argparse.BooleanOptionalAction, default=LEVEL_HEAD_DEFAULT)
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage table")
    args = parser.parse_args()
    settings = BatchSettings(sizes=(SIZE,), format=args.format, level_head=args.level_head)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        in_dir, floor_dir, out_dir, stage_dir = root / "in", root / "floor", root / "out", root / "stages"
        for folder in (in_dir, floor_dir, stage_dir):
            folder.mkdir()
        paths = make_photos(in_dir, args.photos)
        print(f"{args.photos} photos, 12 MP JPEG -> {SIZE} px {args.format}, {args.jobs} processes, ", end="")
        print(f"head levelling {'on' if args.level_head else 'off'}")
        if not args.no_stages:
            placement = PlacementSettings(level_head=args.level_head)
            stage_table(paths[: min(8, len(paths))], args.format, stage_dir, placement)
        floor = time_floor(paths, floor_dir, args.format, args.jobs)
        memory = ChildMemory()
        parent_before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        batch = time_batch(in_dir, out_dir, settings, args.jobs, memory)
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = args.photos
    print(f"floor (draft decode + crop + resize + encode): {floor:6.1f} s  {n / floor:5.2f} photos/s")
    print(f"batch (plan + run, journal, reports off):      {batch:6.1f} s  {n / batch:5.2f} photos/s")
    print(f"ratio batch / floor: {batch / floor:.2f}")
    print(
        f"batch peak memory: largest worker {memory.peak_one_mb:.0f} MB, "
        f"all workers {memory.peak_all_mb:.0f} MB; "
        f"parent high-water {parent_mb:.0f} MB ({parent_before_mb:.0f} MB before the batch)"
    )


if __name__ == "__main__":
    main()
