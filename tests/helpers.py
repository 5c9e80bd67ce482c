"""Test helpers: image comparison with a tolerance, and generated photos.

On a failed comparison the expected and actual images are saved under tests/_failures/
so a person can look at them.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from frame_studio.cli import main

DATA = Path(__file__).parent / "data"
FAILURES = Path(__file__).parent / "_failures"


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel, 0-255."""
    assert a.size == b.size, f"sizes differ: {a.size} != {b.size}"
    left = np.asarray(a.convert("RGB"), dtype=np.int16)
    right = np.asarray(b.convert("RGB"), dtype=np.int16)
    return float(np.abs(left - right).mean())


def assert_image_similar(actual: Image.Image, expected: Image.Image, tolerance: float, name: str) -> None:
    """Assert the mean pixel difference is within `tolerance`; save both images if not."""
    difference = mean_difference(actual, expected)
    if difference > tolerance:
        FAILURES.mkdir(exist_ok=True)
        safe = re.sub(r"[^\w.-]", "_", name)
        actual.save(FAILURES / f"{safe}.actual.png")
        expected.save(FAILURES / f"{safe}.expected.png")
        raise AssertionError(f"{name}: mean difference {difference:.2f} > {tolerance} (see {FAILURES})")


def portrait_image(name: str = "grace_hopper.jpg") -> Image.Image:
    """A committed real portrait, as RGB."""
    with Image.open(DATA / name) as image:
        return image.convert("RGB")


def group_photo(gap: int = 40) -> Image.Image:
    """Two real portraits side by side (a composed "group photo")."""
    left, right = portrait_image("grace_hopper.jpg"), portrait_image("astronaut.jpg")
    right = right.resize((round(right.width * left.height / right.height), left.height))
    canvas = Image.new("RGB", (left.width + right.width + gap, left.height), (200, 200, 200))
    canvas.paste(left, (0, 0))
    canvas.paste(right, (left.width + gap, 0))
    return canvas


def twin_photo(gap: int = 40) -> Image.Image:
    """The same real portrait twice, side by side: two faces of one size (`several_faces`)."""
    one = portrait_image()
    canvas = Image.new("RGB", (one.width * 2 + gap, one.height), (200, 200, 200))
    canvas.paste(one, (0, 0))
    canvas.paste(one, (one.width + gap, 0))
    return canvas


def no_face_image(size: tuple[int, int] = (800, 600), seed: int = 1) -> Image.Image:
    """A landscape-like picture with no face: smooth gradients plus a little noise."""
    rng = np.random.default_rng(seed)
    height, width = size[1], size[0]
    y = np.linspace(0, 1, height)[:, None]
    x = np.linspace(0, 1, width)[None, :]
    sky = np.stack([90 + 60 * y + 0 * x, 140 + 60 * y + 0 * x, 220 - 80 * y + 0 * x], axis=-1)
    noise = rng.normal(0, 6, size=(height, width, 3))
    return Image.fromarray(np.clip(sky + noise, 0, 255).astype(np.uint8), "RGB")


SVG_NS = "{http://www.w3.org/2000/svg}"
NUMBER = r"(-?\d+(?:\.\d+)?)"
RECT = re.compile(rf"M{NUMBER},{NUMBER}H{NUMBER}V{NUMBER}H{NUMBER}z")


def rasterise_svg(path: Path, pixels_per_unit: int = 8) -> Image.Image:
    """Paint the SVG's path rectangles black on white, as a grayscale picture."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    min_x, min_y, width, height = (float(v) for v in root.attrib["viewBox"].split())
    grid = np.full((round(height * pixels_per_unit), round(width * pixels_per_unit)), 255, np.uint8)
    paths = list(root.iter(f"{SVG_NS}path"))
    assert len(paths) == 1
    data = paths[0].attrib["d"]
    rects = RECT.findall(data)
    assert rects, data[:200]
    assert "".join(RECT.sub("", data).split()) == "", "the path has commands the test does not read"
    for x1, y1, x2, y2, x_back in rects:
        assert float(x_back) == float(x1)  # each sub-path is a closed axis-aligned rectangle

        def px(value: str, origin: float) -> int:
            return round((float(value) - origin) * pixels_per_unit)

        grid[px(y1, min_y) : px(y2, min_y), px(x1, min_x) : px(x2, min_x)] = 0
    return Image.fromarray(grid, "L")


@dataclass(frozen=True)
class Run:
    """What one in-process CLI run returned and printed."""

    code: int
    out: str
    err: str


def run_subprocess(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `python -m frame_studio ARGV...` as a real process (`env` is added to this one's)."""
    done = subprocess.run(
        [sys.executable, "-m", "frame_studio", *(str(arg) for arg in argv)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=180,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    """Run `frame-studio ARGV...` in-process; argparse errors become their exit code."""
    capsys.readouterr()
    try:
        code = main([str(arg) for arg in argv])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def turned(image: Image.Image, degrees: float) -> Image.Image:
    """The photo turned clockwise by `degrees`, cut to the largest centred box of its shape."""
    width, height = image.size
    cos, sin = math.cos(math.radians(abs(degrees))), math.sin(math.radians(abs(degrees)))
    scale = min(width / (width * cos + height * sin), height / (width * sin + height * cos))
    big = image.rotate(-degrees, resample=Image.Resampling.BICUBIC, expand=True)
    w, h = width * scale, height * scale
    cx, cy = big.width / 2, big.height / 2
    return big.crop((round(cx - w / 2), round(cy - h / 2), round(cx + w / 2), round(cy + h / 2)))


def dead_pid() -> int:
    """The id of a process that has ended (a child of this one, waited for)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    return int(child.stdout)
