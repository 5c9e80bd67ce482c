"""Placement quality on a folder of real photos, from `frame-studio render --report`.

Usage: python benchmarks/placement_accuracy.py FACES_DIR [NOFACE_DIR] [--frame ID] [--sheet OUT.png]

For every face photo it checks the report: a primary face was found, it lies fully inside
the window, its centre is within 10 % of the window's size from the window's centre, and
its height is 25-75 % of the window. The primary face is taken as the placement takes it
(largest not cut by the border), from the faces the report lists. For no-face photos it
checks the `no_face` flag. `--sheet` draws every framed face photo small, so a person can
look at them (the numbers cannot tell a dog from a face).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

from frame_studio.core.faces import Face
from frame_studio.core.placement import primary_face


def render(folder: Path, out: Path, frame: str | None) -> list[dict[str, Any]]:
    photos = sorted(p for p in folder.iterdir() if p.is_file())
    report = out / "report.jsonl"
    command = [sys.executable, "-m", "frame_studio", "render", *map(str, photos), "-o", str(out / "framed")]
    command += ["--report", str(report), "--size", "360"] + (["--frame", frame] if frame else [])
    subprocess.run(command, check=False, capture_output=True)
    return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


def judge(record: dict[str, Any]) -> tuple[bool, str]:
    """Whether a face photo's placement meets the acceptance rule, and why not."""
    if record["status"] != "framed":
        return False, f"rejected: {record['reason']}"
    if "no_face" in record["flags"] or not record["faces"]:
        return False, "no face found"
    wx, wy, ww, wh = record["window_rect"]
    faces = [Face(box=tuple(f[:4]), landmarks=(), score=f[4]) for f in record["faces"]]
    size = Image.open(record["input"]).size  # only for the border rule: the upright size
    face = primary_face(faces, size) or faces[0]
    fx, fy, fw, fh = face.box
    inside = wx - 0.5 <= fx and wy - 0.5 <= fy and fx + fw <= wx + ww + 0.5 and fy + fh <= wy + wh + 0.5
    offset = math.hypot(fx + fw / 2 - (wx + ww / 2), fy + fh / 2 - (wy + wh / 2)) / wh
    height = fh / wh
    problems = []
    if not inside:
        problems.append("face not inside the window")
    if offset > 0.10:
        problems.append(f"centre off by {offset:.2f}")
    if not 0.25 <= height <= 0.75:
        problems.append(f"face height {height:.2f}")
    return not problems, ", ".join(problems)


def contact_sheet(records: list[dict[str, Any]], path: Path, cell: int = 180) -> None:
    framed = [r for r in records if r["output"]]
    columns = 8
    rows = math.ceil(len(framed) / columns)
    sheet = Image.new("RGB", (columns * cell, max(1, rows) * cell), "white")
    for index, record in enumerate(framed):
        with Image.open(record["output"]) as image:
            sheet.paste(image.resize((cell, cell)), ((index % columns) * cell, (index // columns) * cell))
    sheet.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("faces", type=Path)
    parser.add_argument("noface", type=Path, nargs="?")
    parser.add_argument("--frame", default=None)
    parser.add_argument("--sheet", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        records = render(args.faces, Path(scratch) / "faces", args.frame)
        good = 0
        for record in records:
            ok, why = judge(record)
            good += ok
            flags = ",".join(record["flags"])
            print(f"{'ok ' if ok else 'BAD'} {Path(record['input']).name:<48} {flags:<28} {why}")
        print(
            f"face photos meeting the rule: {good}/{len(records)} = {100 * good / max(1, len(records)):.1f} %"
        )
        flagged = {flag: sum(flag in r["flags"] for r in records) for flag in ("several_faces", "padded")}
        print(f"flags on face photos: {flagged}")
        if args.sheet:
            contact_sheet(records, args.sheet)
        if args.noface:
            others = render(args.noface, Path(scratch) / "noface", args.frame)
            missed = [Path(r["input"]).name for r in others if "no_face" not in r["flags"]]
            flagged_no_face = len(others) - len(missed)
            print(f"no-face photos flagged no_face: {flagged_no_face}/{len(others)}; not flagged: {missed}")


if __name__ == "__main__":
    main()
