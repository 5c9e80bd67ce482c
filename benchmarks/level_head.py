"""Head levelling on real photos: the roll the core measures against the roll applied.

Usage: python benchmarks/level_head.py [--sheet DIR]

Takes the portraits in tests/data (no network, nothing else), each as shot, mirrored, at
half size (a small face) and at four times the size (decoded reduced, as a phone photo is),
turns each by -20..+20 degrees (Pillow, `expand`, then the largest centred box of the
photo's shape that holds no corner), saves it as a JPEG (quality 92), and for each:
  * expected: the person's own roll (the line through the two iris centres, found from
    hand-picked eye boxes below) plus the turn applied; mirrored photos negate it;
  * plain: the eye line of YuNet's landmarks as detected (what levelling used before);
  * refined: the eye line after `faces.refine_landmarks` (what `analyse` uses now);
  * applied: the report's `angle` with the default dead zone and limit;
  * left: the eye line measured (refined) in the framed avatar with levelling on.
Prints the errors per turn and a summary: how many placements are flagged `padded` with
levelling off and on, and the CPU time `analyse` takes with levelling off and on.
`--sheet DIR` saves, per photo, the turned inputs beside their avatars framed with
levelling off and on, so a person can judge whether the levelled ones look natural.
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from frame_studio.core.faces import detect_faces, eye_line_angle, refine_landmarks
from frame_studio.core.frames import find_frame
from frame_studio.core.pipeline import analyse, frame_photo
from frame_studio.core.placement import PADDED, PlacementSettings

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
TURNS = (-20, -15, -10, -5, 0, 5, 10, 15, 20)
#: Boxes (left, top, right, bottom) around each iris, viewer's left eye first, picked by eye
#: on 16x enlargements of the photos.
IRIS_BOXES = {
    "grace_hopper.jpg": ((212, 182, 234, 198), (294, 178, 316, 194)),
    "astronaut.jpg": ((196, 94, 212, 106), (239, 96, 255, 108)),
}
VARIANTS = ("as shot", "mirrored", "half size", "4x size")
SIZE = 540


def iris_centre(gray: np.ndarray, box: tuple[int, int, int, int]) -> tuple[float, float]:
    """The darkness-weighted centre of the darkest 12 % of a box (the iris and pupil)."""
    left, top, right, bottom = box
    part = gray[top:bottom, left:right].astype(float)
    limit = np.percentile(part, 12)
    ys, xs = np.nonzero(part <= limit)
    weight = limit - part[ys, xs] + 1
    return (
        left + 0.5 + float((xs * weight).sum() / weight.sum()),
        top + 0.5 + float((ys * weight).sum() / weight.sum()),
    )


def own_roll(name: str) -> float:
    """The person's roll in the photo as shot: the iris line's slope in degrees (y down)."""
    gray = np.asarray(Image.open(DATA / name).convert("L"))
    left, right = (iris_centre(gray, box) for box in IRIS_BOXES[name])
    return math.degrees(math.atan2(right[1] - left[1], right[0] - left[0]))


def turned(image: Image.Image, degrees: float) -> Image.Image:
    """The photo turned clockwise by `degrees`, cut to the largest centred box of its shape."""
    if not degrees:
        return image
    width, height = image.size
    cos, sin = math.cos(math.radians(abs(degrees))), math.sin(math.radians(abs(degrees)))
    scale = min(width / (width * cos + height * sin), height / (width * sin + height * cos))
    big = image.rotate(-degrees, resample=Image.Resampling.BICUBIC, expand=True)
    w, h = width * scale, height * scale
    cx, cy = big.width / 2, big.height / 2
    return big.crop((round(cx - w / 2), round(cy - h / 2), round(cx + w / 2), round(cy + h / 2)))


def variant(image: Image.Image, kind: str) -> Image.Image:
    if kind == "mirrored":
        return ImageOps.mirror(image)
    if kind == "half size":
        return image.resize((image.width // 2, image.height // 2), Image.Resampling.LANCZOS)
    if kind == "4x size":
        return image.resize((image.width * 4, image.height * 4), Image.Resampling.LANCZOS)
    return image


@dataclass
class Case:
    photo: str
    kind: str
    turn: int
    expected: float
    plain: float
    refined: float
    applied: float
    left: float | None
    time_off: float
    time_on: float
    padded_off: bool
    padded_on: bool


def timings(path: Path, repeats: int = 5) -> tuple[float, float]:
    """The least CPU time (seconds, all threads) of a few `analyse` runs, levelling off and on.

    CPU time, not wall time: it is what a batch with every core busy pays, and it is little
    disturbed by other work on the machine.
    """
    frame, runs = find_frame(), {False: [], True: []}
    for _ in range(repeats):
        for level in runs:
            start = time.process_time()
            analyse(path, frame, settings=PlacementSettings(level_head=level))
            runs[level].append(time.process_time() - start)
    return min(runs[False]), min(runs[True])


def eye_line_in(avatar: Image.Image) -> float | None:
    """The (refined) eye line of the largest face in a framed avatar."""
    faces = detect_faces(avatar)
    return eye_line_angle(refine_landmarks(avatar, faces[0]).landmarks) if faces else None


def measure(folder: Path, sheet: Path | None) -> list[Case]:
    frame = find_frame()
    raw = PlacementSettings(level_head=True, level_dead_zone=0.0, max_level_angle=90.0)
    default_on = PlacementSettings(level_head=True)
    cases = []
    for name in IRIS_BOXES:
        own = own_roll(name)
        tiles: list[list[Image.Image]] = []
        with Image.open(DATA / name) as opened:
            photo = opened.convert("RGB")
        for kind in VARIANTS:
            base = variant(photo, kind)
            for turn in TURNS:
                path = folder / f"{Path(name).stem}-{kind.replace(' ', '_')}-{turn:+d}.jpg"
                turned(base, turn).save(path, quality=92)
                off = analyse(path, frame, settings=PlacementSettings(level_head=False))
                on = analyse(path, frame, settings=default_on)
                time_off, time_on = timings(path) if turn in (0, 10) else (math.nan, math.nan)
                plain = eye_line_angle(off.faces[0].landmarks)
                primary = analyse(path, frame, settings=raw).result.face
                assert primary is not None, f"no face in {path.name}"
                refined = eye_line_angle(primary.landmarks)
                framed = frame_photo(path, frame, size=SIZE, analysis=on)
                expected = (-own if kind == "mirrored" else own) + turn
                left = eye_line_in(framed.image)
                cases.append(
                    Case(
                        name,
                        kind,
                        turn,
                        expected,
                        plain,
                        refined,
                        on.result.placement.angle,
                        left,
                        time_off,
                        time_on,
                        PADDED in off.result.flags,
                        PADDED in on.result.flags,
                    )
                )
                if sheet is not None and kind in ("as shot", "half size"):
                    before = frame_photo(path, frame, size=SIZE, analysis=off).image
                    with Image.open(path) as source:
                        shown = ImageOps.pad(source.convert("RGB"), (SIZE, SIZE), color=(255, 255, 255))
                    tiles.append([shown, before.convert("RGB"), framed.image.convert("RGB")])
        if sheet is not None:
            save_sheet(tiles, sheet / f"level-{Path(name).stem}.png")
    return cases


def save_sheet(rows: list[list[Image.Image]], path: Path, cell: int = 180) -> None:
    """Rows of (turned input, framed off, framed on), small."""
    path.parent.mkdir(parents=True, exist_ok=True)
    per_row = 2  # two cases side by side: 6 cells a line
    lines = math.ceil(len(rows) / per_row)
    canvas = Image.new("RGB", (cell * 3 * per_row, cell * lines), (255, 255, 255))
    for index, row in enumerate(rows):
        x0, y0 = (index % per_row) * 3 * cell, (index // per_row) * cell
        for column, image in enumerate(row):
            canvas.paste(image.resize((cell, cell), Image.Resampling.LANCZOS), (x0 + column * cell, y0))
    canvas.save(path)


def show(cases: list[Case]) -> None:
    header = f"{'photo':13} {'variant':9} {'own':>5} |" + "".join(f"{t:>+6d}" for t in TURNS)
    for title, value in (
        ("plain YuNet eye line - expected (degrees)", lambda c: c.plain - c.expected),
        ("refined eye line - expected (degrees)", lambda c: c.refined - c.expected),
        ("report `angle` with the defaults (degrees)", lambda c: c.applied),
        ("eye line left in the avatar framed with levelling on (degrees)", lambda c: c.left),
    ):
        print(f"\n{title}\n{header}")
        for name in IRIS_BOXES:
            for kind in VARIANTS:
                row = [c for c in cases if c.photo == name and c.kind == kind]
                cells = "".join(f"{v:+6.1f}" if (v := value(c)) is not None else "     -" for c in row)
                print(f"{Path(name).stem:13} {kind:9} {row[4].expected:+5.1f} |{cells}")
    print("\nsummary over", len(cases), "cases (|error| in degrees: mean, 90th percentile, max)")
    for label, errors in (
        ("plain YuNet", [abs(c.plain - c.expected) for c in cases]),
        ("refined", [abs(c.refined - c.expected) for c in cases]),
    ):
        ranked = sorted(errors)
        p90 = ranked[math.ceil(0.9 * len(ranked)) - 1]
        print(f"  {label:12} mean {statistics.mean(errors):4.2f}  p90 {p90:4.2f}  max {max(errors):5.2f}")
    upright = [c for c in cases if c.turn == 0]
    print("  upright photos, refined reading:", ", ".join(f"{c.refined:+.1f}" for c in upright))
    lefts = [abs(c.left) for c in cases if c.left is not None and c.applied]
    if lefts:
        print(f"  levelled avatars: |eye line left| mean {statistics.mean(lefts):.2f}, max {max(lefts):.2f}")
    padded = sum(c.padded_off for c in cases), sum(c.padded_on for c in cases)
    print(f"  flagged `padded`: {padded[0]} with levelling off, {padded[1]} on")
    timed = [c for c in cases if not math.isnan(c.time_on)]
    off = statistics.median(c.time_off for c in timed) * 1000
    on = statistics.median(c.time_on for c in timed) * 1000
    extra = statistics.median(c.time_on - c.time_off for c in timed) * 1000
    print(
        f"  analyse, CPU time ({len(timed)} photos turned 0 or 10, least of 5, median): "
        f"levelling off {off:.0f} ms, on {on:.0f} ms (+{extra:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", type=Path, default=None, help="save contact sheets (PNG) here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        cases = measure(Path(folder), args.sheet)
    show(cases)


if __name__ == "__main__":
    main()
