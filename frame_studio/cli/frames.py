"""`frame-studio frames list|check|sheet`: see, lint and compare frame templates.

`frames list` shows the bundled frames, then the frames of the campaign packs opened into
the user's frame folder (`frame-studio pack open`), each marked with its campaign.
`frames check` prints one line per problem on stdout (exit 1 when there is any), and
advice that does not fail a frame (a dead Facebook profile-frame link) as `note:` lines
on stderr, above the summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from frame_studio.cli.common import EXIT_CANNOT_START, EXIT_OK, EXIT_SOME_REJECTED, say
from frame_studio.core.atomic import write_atomic
from frame_studio.core.campaign import is_ended, opened_campaigns
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, bundled_frames, load_frame
from frame_studio.core.images import PHOTO_SUFFIXES
from frame_studio.core.lint import folder_problems
from frame_studio.core.sheet import sample_photos, variant_sheet
from frame_studio.core.user_dirs import user_frames_dir


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `frames` and its sub-commands to the command parser."""
    frames = commands.add_parser("frames", help="list, check and compare frames")
    actions = frames.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the bundled frames and those of opened packs").set_defaults(run=run_list)
    check = actions.add_parser("check", help="lint frames (default: every bundled frame)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="frame folders")
    check.add_argument("--size", type=int, default=1080, help="output size to check overlays for")
    check.set_defaults(run=run_check)
    sheet = actions.add_parser("sheet", help="every frame on sample faces, side by side")
    sheet.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.png")
    sheet.add_argument("--photos", type=Path, default=None, metavar="DIR", help="sample photos")
    sheet.add_argument("--overwrite", action="store_true", help="replace an existing file")
    sheet.set_defaults(run=run_sheet)


def _line(frame: Frame, today: dt.date, campaign: str) -> str:
    until = "-" if frame.valid_until is None else frame.valid_until.isoformat()
    if is_ended(frame.valid_until, today):
        until += " (ended)"
    return f"{frame.id:<22} {frame.name:<22} {until:<18} {campaign}"


def run_list(args: argparse.Namespace) -> int:
    """One line per frame: id, name, valid until (ended ones marked, still usable), campaign.

    Bundled frames first; then each opened pack's frames, with the pack's end date and
    `[pack: campaign name]` and the folder to pass to `--frame`.
    """
    today = dt.date.today()
    for folder in bundled_frames():
        try:
            frame = load_frame(folder)
        except FrameStudioError as error:
            say(sys.stdout, f"{folder.name:<22} (broken: {error.message})")
            continue
        say(sys.stdout, _line(frame, today, frame.campaign))
    for opened in opened_campaigns(user_frames_dir()):
        for name, folder in zip(opened.campaign.frames, opened.frame_folders, strict=True):
            try:
                frame = opened.load_frame(name)
            except FrameStudioError as error:
                say(sys.stdout, f"{name:<22} (broken: {error.message}) [pack: {opened.campaign.name}]")
                continue
            say(sys.stdout, _line(frame, today, f"[pack: {opened.campaign.name}] {folder}"))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """One line per problem on stdout, advice on stderr; exit 1 when any frame has a problem."""
    folders = args.paths or bundled_frames()
    problems = notes = 0
    for folder in folders:
        for problem in folder_problems(folder, output_size=args.size, advice=True):
            if problem.advice:
                say(sys.stderr, f"{folder}: note: {problem}")
                notes += 1
            else:
                say(sys.stdout, f"{folder}: {problem}")
                problems += 1
    summary = f"{len(folders)} frame(s) checked, {problems} problem(s)"
    say(sys.stderr, summary + (f", {notes} note(s)" if notes else ""))
    return EXIT_SOME_REJECTED if problems else EXIT_OK


def _folder_photos(folder: Path) -> list[Path]:
    """The photo files of a folder by name (not recursive), told apart by their suffix.

    Raises:
        OSError: the folder is missing, is a file, or cannot be read.
    """
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file())


def _folder_problem(folder: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such folder"
    if isinstance(error, PermissionError):
        return "the folder cannot be read (permission denied)"
    if isinstance(error, NotADirectoryError) or folder.is_file():
        return "this is a file, not a folder of photos"
    return f"the folder cannot be read ({error.strerror or error})"


def run_sheet(args: argparse.Namespace) -> int:
    """Draw the variant board to a PNG."""
    if args.output.exists() and not args.overwrite:
        say(sys.stderr, f"error: {args.output}: a file with this name already exists (use --overwrite)")
        return EXIT_CANNOT_START
    if args.photos is None:
        photos = sample_photos()
    else:
        try:
            photos = _folder_photos(args.photos)
        except OSError as error:
            say(sys.stderr, f"error: {args.photos}: {_folder_problem(args.photos, error)}")
            return EXIT_CANNOT_START
    try:
        frames = [load_frame(folder) for folder in bundled_frames()]
        image = variant_sheet(frames, photos[:4])
        write_atomic(args.output, lambda handle: image.save(handle, format="PNG"), overwrite=args.overwrite)
    except (FrameStudioError, OSError) as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    say(sys.stdout, f"wrote {args.output} ({len(frames)} frames x {len(photos[:4])} photos)")
    return EXIT_OK
