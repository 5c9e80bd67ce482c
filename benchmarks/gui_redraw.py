"""How long one drag or zoom step takes to redraw the Photo workspace's canvas (offscreen).

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/gui_redraw.py [--steps 200]

Opens a 12 MP JPEG the way the app does (small decode on a worker), then times canvas
updates driven like a user: drag steps (fast filter), wheel-zoom steps, and the settle
redraw with the export filter once the hand stops. Each time covers compose + conversion to
a pixmap + a synchronous repaint. The budget is 16 ms a step (60 frames a second).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from frame_studio.core.placement import moved, zoomed
from frame_studio.gui.app import load_frames
from frame_studio.gui.photo_workspace import PhotoWorkspace

PORTRAIT = Path(__file__).resolve().parents[1] / "tests" / "data" / "grace_hopper.jpg"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        photo = Path(scratch) / "photo_12mp.jpg"
        Image.open(PORTRAIT).convert("RGB").resize((3000, 3516), Image.Resampling.BICUBIC).save(
            photo, quality=92
        )
        pool = QThreadPool()
        workspace = PhotoWorkspace(load_frames(), pool)
        workspace.resize(1100, 700)
        workspace.show()
        workspace.load_photo(photo)
        workspace.photo_loaded.connect(lambda _: app.quit())
        app.exec()
        canvas = workspace.canvas
        assert canvas.placement is not None and canvas.photo is not None
        print(f"12 MP photo {canvas.photo.full_size}, preview from a {canvas.photo.image.size} decode")

        def timed(step: object) -> list[float]:
            samples = []
            for i in range(args.steps):
                start = time.perf_counter()
                step(i)  # type: ignore[operator]
                canvas.repaint()
                samples.append((time.perf_counter() - start) * 1000)
            return samples

        base = canvas.placement
        drag = timed(
            lambda i: canvas.set_placement(moved(base, 0.002 * (i % 50), 0.001 * (i % 30)), fast=True)
        )
        zoom = timed(lambda i: canvas.set_placement(zoomed(base, 1 + 0.005 * (i % 80)), fast=True))
        settle = timed(lambda i: canvas.redraw())
        for name, samples in (("drag step", drag), ("zoom step", zoom), ("settle (export filter)", settle)):
            print(
                f"  {name:<24} median {statistics.median(samples):5.1f} ms   "
                f"p95 {percentile(samples, 0.95):5.1f} ms   max {max(samples):5.1f} ms"
            )
        pool.waitForDone()


if __name__ == "__main__":
    main()
