"""How many framed photos need review, and why, from `frame-studio render --report`.

Usage: python benchmarks/review_share.py FOLDER [NOFACE_FOLDER] [--frame ID] [--size PX] [--keep DIR]

Every photo of FOLDER (and of NOFACE_FOLDER, photos with no person) is framed by the app's
CLI at the output size offices export (1080 unless `--size`). For each it prints the
photo's size, the window's span in source pixels and its threshold (`review.SHOWN_PX`...),
the share of the window that is fill, the flags, and the verdict with its reasons; then the
totals: framed, flagged `low_resolution`, needing review before (every flag was a review
item) and now. It checks that every no-face photo (NOFACE_FOLDER) and every photo flagged
`no_face` or `several_faces` needs review, and exits 1 when one does not. A face photo
without `no_face` in NOFACE_FOLDER is listed too (a detector miss, not the verdict's).
`--keep DIR` keeps the framed avatars there, to look at them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from frame_studio.core.frames import frames_dir, load_frame
from frame_studio.core.images import load_photo
from frame_studio.core.placement import NO_FACE, SEVERAL_FACES, Placement
from frame_studio.core.review import MAX_SHOWN_UPSCALE, SHOWN_PX, fill_share

FLAG_CODES = ("no_face", "several_faces", "padded", "low_resolution")


def render(folder: Path, out: Path, frame: str, size: int) -> list[dict[str, Any]]:
    """Frame every file of `folder` with the CLI; the report's records."""
    photos = sorted(p for p in folder.iterdir() if p.is_file())
    report = out / "report.jsonl"
    command = [sys.executable, "-m", "frame_studio", "render", *map(str, photos), "-o", str(out / "framed")]
    command += ["--report", str(report), "--size", str(size), "--frame", frame]
    subprocess.run(command, check=False, capture_output=True)
    return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


def describe(record: dict[str, Any], window: float, frame_id: str) -> str:
    """One line: size, span against its threshold, fill share, flags, verdict."""
    name = Path(record["input"]).name
    if record["status"] != "framed":
        return f"{name:<28} {record['status']}: {record['reason']}"
    size = load_photo(record["input"], min_long_side=64).full_size
    x, y, w, h = record["window_rect"]
    placement = Placement((x + w / 2, y + h / 2), h, record["angle"])
    fill = fill_share(placement, size, load_frame(frames_dir() / frame_id))
    limit = window * SHOWN_PX / MAX_SHOWN_UPSCALE
    verdict = "REVIEW " + ",".join(record["review_reasons"]) if record["review"] else "ok"
    flags = ",".join(record["flags"]) or "-"
    where = f"{size[0]:>4}x{size[1]:<4} span {h:6.0f} (<{limit:.0f}) fill {fill:4.0%}"
    return f"{name:<28} {where}  {flags:<36} {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("faces", type=Path)
    parser.add_argument("noface", type=Path, nargs="?")
    parser.add_argument("--frame", default="congress-ring")
    parser.add_argument("--size", type=int, default=1080)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    window = load_frame(frames_dir() / args.frame).window.box[3]
    with tempfile.TemporaryDirectory() as scratch:
        out = args.keep or Path(scratch)
        records = render(args.faces, out / "faces", args.frame, args.size)
        others = render(args.noface, out / "noface", args.frame, args.size) if args.noface else []
        for record in records + others:
            print(describe(record, window, args.frame))
    framed = [r for r in records + others if r["status"] == "framed"]
    before = sum(any(flag in r["flags"] for flag in FLAG_CODES) for r in framed)
    after = sum(r["review"] for r in framed)
    total = len(records) + len(others)
    print(f"\nframe {args.frame}, output {args.size} px: {len(framed)} framed of {total}")
    for flag in FLAG_CODES:
        flagged = [r for r in framed if flag in r["flags"]]
        reviewed = sum(flag in r["review_reasons"] for r in flagged)
        print(f"  flagged {flag:<15} {len(flagged):>3}, of which a review reason: {reviewed}")
    for label, count in (("every flag a review item (before)", before), ("the verdict (now)", after)):
        print(f"  needing review, {label + ':':<35} {count}/{len(framed)} = {count / len(framed):.0%}")
    must = {r["input"]: r for r in framed if NO_FACE in r["flags"] or SEVERAL_FACES in r["flags"]}
    must |= {r["input"]: r for r in others}
    missed = sorted(Path(r["input"]).name for r in must.values() if not r["review"])
    undetected = [Path(r["input"]).name for r in others if NO_FACE not in r["flags"]]
    print(f"  no-face / several-faces photos needing review: {len(must) - len(missed)}/{len(must)}")
    print(f"  of those, not needing review: {missed or 'none'}")
    if undetected:
        print(f"  no-face photos where a face was found (detector): {undetected}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
