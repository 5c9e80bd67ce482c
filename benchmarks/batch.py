"""Batch throughput against a floor measured in the same run, with peak memory.

Usage: python benchmarks/batch.py [--photos 100] [--jobs 2] [--format jpg|png|webp]

Makes N 12 MP JPEGs (8 distinct generated photos, copied), then times (both including the
start of their worker processes)
  * the floor: the same photos only decoded (JPEG draft to the needed scale), centre-cropped,
    resized to 1080 px and encoded in the same format, in the same number of processes;
  * the batch: `plan_batch` + `run_batch` (detect, place, compose, atomic writes, journal).
Prints photos/s, the batch/floor ratio, ms per stage for one photo, and peak memory
(largest worker and the parent). Run it at 100 and 1000 photos to see memory stay flat.
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
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

from frame_studio.core.batch import run_batch
from frame_studio.core.batch_plan import BatchSettings, plan_batch
from frame_studio.core.faces import DETECT_LONG_SIDE, detect_faces
from frame_studio.core.frames import find_frame
from frame_studio.core.images import load_photo
from frame_studio.core.pipeline import window_pixels
from frame_studio.core.placement import place_photo
from frame_studio.core.render import FORMATS, SUFFIX_BY_FORMAT, EncodeSettings, compose, save_options

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


def floor_one(path: Path, out_dir: Path, fmt: str) -> None:
    """Decode at the needed scale, centre-crop, resize, encode, write: no faces, no frame."""
    with Image.open(path) as image:
        side = min(image.size)
        image.draft("RGB", (SIZE * image.width // side, SIZE * image.height // side))
        image.load()
        side = min(image.size)
        left, top = (image.width - side) // 2, (image.height - side) // 2
        crop = image.resize((SIZE, SIZE), Image.Resampling.LANCZOS, box=(left, top, left + side, top + side))
    buffer = io.BytesIO()
    crop.save(
        buffer,
        format=FORMATS[SUFFIX_BY_FORMAT[fmt]],
        **save_options(FORMATS[SUFFIX_BY_FORMAT[fmt]], EncodeSettings()),
    )
    (out_dir / f"{path.stem}{SUFFIX_BY_FORMAT[fmt]}").write_bytes(buffer.getvalue())


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


def time_batch(in_dir: Path, out_dir: Path, fmt: str, jobs: int, memory: ChildMemory) -> float:
    start = time.perf_counter()
    plan = plan_batch(in_dir, out_dir, BatchSettings(sizes=(SIZE,), format=fmt))
    with memory:
        results = list(run_batch(plan, workers=jobs))
    elapsed = time.perf_counter() - start
    assert all(r.status == "framed" for r in results), [r.reason for r in results if r.status != "framed"]
    return elapsed


def stage_times(path: Path, fmt: str, runs: int = 5) -> dict[str, float]:
    frame = find_frame()

    def median_ms(action: object) -> float:
        assert callable(action)
        action()
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            action()
            samples.append((time.perf_counter() - start) * 1000)
        return statistics.median(samples)

    small = load_photo(path, min_long_side=DETECT_LONG_SIDE)
    faces = detect_faces(small.image, full_size=small.full_size)
    placement = place_photo(
        small.full_size, faces, aspect=frame.window.aspect, target=frame.face_target
    ).placement
    needed = round(max(small.full_size) * window_pixels(frame, SIZE) / placement.span)
    large = load_photo(path, min_long_side=needed)
    avatar = compose(large, placement, frame, size=SIZE)
    encoder = FORMATS[SUFFIX_BY_FORMAT[fmt]]
    return {
        "decode for detection": median_ms(lambda: load_photo(path, min_long_side=DETECT_LONG_SIDE)),
        "detect": median_ms(lambda: detect_faces(small.image, full_size=small.full_size)),
        "place": median_ms(lambda: place_photo(small.full_size, faces, aspect=frame.window.aspect)),
        "decode for output": median_ms(lambda: load_photo(path, min_long_side=needed)),
        "compose": median_ms(lambda: compose(large, placement, frame, size=SIZE)),
        f"encode {fmt}": median_ms(
            lambda: avatar.save(io.BytesIO(), format=encoder, **save_options(encoder, EncodeSettings()))
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--format", choices=sorted(SUFFIX_BY_FORMAT), default="jpg")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        in_dir, floor_dir, out_dir = root / "in", root / "floor", root / "out"
        for folder in (in_dir, floor_dir):
            folder.mkdir()
        paths = make_photos(in_dir, args.photos)
        stages = stage_times(paths[0], args.format)
        floor = time_floor(paths, floor_dir, args.format, args.jobs)
        memory = ChildMemory()
        parent_before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        batch = time_batch(in_dir, out_dir, args.format, args.jobs, memory)
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = args.photos
    print(f"{n} photos, 12 MP JPEG -> {SIZE} px {args.format}, {args.jobs} processes")
    print("ms per stage, one photo, one process (median of 5):")
    for name, ms in stages.items():
        print(f"  {name:<22} {ms:7.1f}")
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
