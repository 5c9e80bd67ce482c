"""`frame-studio frames list|check|sheet`: see, lint and compare frame templates."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from frame_studio.cli.common import EXIT_CANNOT_START, EXIT_OK, EXIT_SOME_REJECTED, say
from frame_studio.core.atomic import write_atomic
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import bundled_frames, load_frame
from frame_studio.core.lint import check_frame_folder
from frame_studio.core.sheet import sample_photos, variant_sheet

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif", ".bmp", ".tif", ".tiff"}


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `frames` and its sub-commands to the command parser."""
    frames = commands.add_parser("frames", help="list, check and compare frames")
    actions = frames.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the bundled frames").set_defaults(run=run_list)
    check = actions.add_parser("check", help="lint frames (default: every bundled frame)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="frame folders")
    check.add_argument("--size", type=int, default=1080, help="output size to check overlays for")
    check.set_defaults(run=run_check)
    sheet = actions.add_parser("sheet", help="every frame on sample faces, side by side")
    sheet.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.png")
    sheet.add_argument("--photos", type=Path, default=None, metavar="DIR", help="sample photos")
    sheet.add_argument("--overwrite", action="store_true", help="replace an existing file")
    sheet.set_defaults(run=run_sheet)


def run_list(args: argparse.Namespace) -> int:
    """One line per bundled frame: id, name, campaign, valid until (ended ones marked)."""
    today = dt.date.today()
    for folder in bundled_frames():
        try:
            frame = load_frame(folder)
        except FrameStudioError as error:
            say(sys.stdout, f"{folder.name:<22} (broken: {error.message})")
            continue
        until = "-" if frame.valid_until is None else frame.valid_until.isoformat()
        if frame.valid_until is not None and frame.valid_until < today:
            until += " (ended)"
        say(sys.stdout, f"{frame.id:<22} {frame.name:<22} {until:<18} {frame.campaign}")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """One line per problem; exit 1 when any frame has one."""
    folders = args.paths or bundled_frames()
    problems = 0
    for folder in folders:
        for problem in check_frame_folder(folder, output_size=args.size):
            say(sys.stdout, f"{folder}: {problem}")
            problems += 1
    summary = f"{len(folders)} frame(s) checked, {problems} problem(s)"
    say(sys.stderr, summary)
    return EXIT_SOME_REJECTED if problems else EXIT_OK


def run_sheet(args: argparse.Namespace) -> int:
    """Draw the variant board to a PNG."""
    if args.output.exists() and not args.overwrite:
        say(sys.stderr, f"error: {args.output}: a file with this name already exists (use --overwrite)")
        return EXIT_CANNOT_START
    if args.photos is not None:
        photos = sorted(p for p in args.photos.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES)
    else:
        photos = sample_photos()
    try:
        frames = [load_frame(folder) for folder in bundled_frames()]
        image = variant_sheet(frames, photos[:4])
        write_atomic(args.output, lambda handle: image.save(handle, format="PNG"), overwrite=args.overwrite)
    except (FrameStudioError, OSError) as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    say(sys.stdout, f"wrote {args.output} ({len(frames)} frames x {len(photos[:4])} photos)")
    return EXIT_OK
