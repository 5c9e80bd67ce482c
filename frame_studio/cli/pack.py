"""`frame-studio pack create|check|open`: make, check and open campaign packs (`.fspack`).

Exit status: 0 when it worked (or the pack is clean), 1 when `check` found problems,
2 when the command could not run (bad arguments, unusable frame, pack or folder). A
campaign that has ended is not a problem (its frames stay usable on purpose): `check`
prints a `note:` line for it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from frame_studio.cli.common import (
    EXIT_CANNOT_START,
    EXIT_OK,
    EXIT_SOME_REJECTED,
    describe,
    say,
    size_argument,
)
from frame_studio.core.campaign import (
    DEFAULT_INSTRUCTIONS,
    Campaign,
    campaign_id,
    check_pack,
    is_ended,
    open_pack,
    read_manifest,
)
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import find_frame
from frame_studio.core.pack_writer import write_pack
from frame_studio.core.user_dirs import user_frames_dir


def date_argument(text: str) -> dt.date:
    """A date written like 2020-09-29."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2020-09-29: {text!r}") from None


def sizes_argument(text: str) -> tuple[int, ...]:
    """Output sizes separated by commas, e.g. 1080,2048."""
    sizes = tuple(size_argument(part) for part in text.split(",") if part.strip())
    if not sizes:
        raise argparse.ArgumentTypeError("give at least one size, e.g. 1080")
    return sizes


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `pack` and its sub-commands to the command parser."""
    pack = commands.add_parser("pack", help="make, check and open campaign packs (.fspack)")
    actions = pack.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="put a campaign's frames and settings in one file")
    create.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.fspack")
    create.add_argument(
        "--frame", required=True, action="append", metavar="ID", help="frame id or folder (repeat)"
    )
    create.add_argument("--link", required=True, metavar="URL", help="the campaign link (for the QR code)")
    create.add_argument("--start", required=True, type=date_argument, metavar="DATE", help="first day")
    create.add_argument("--end", required=True, type=date_argument, metavar="DATE", help="last day")
    create.add_argument("--caption", default="", metavar="TEXT", help='e.g. "{ho_ten} - {don_vi} ..."')
    create.add_argument("--name", default=None, help="campaign name (default: the first frame's campaign)")
    create.add_argument("--id", default=None, help="campaign id (default: made from the name)")
    create.add_argument("--sizes", type=sizes_argument, default=(1080,), help="output sizes (1080)")
    create.add_argument("--format", choices=["jpg", "png", "webp"], default="jpg", help="output format")
    create.add_argument("--instructions", default=DEFAULT_INSTRUCTIONS, metavar="TEXT", help="for staff")
    create.add_argument("--overwrite", action="store_true", help="replace an existing file")
    create.set_defaults(run=run_create)
    check = actions.add_parser("check", help="check a pack and lint its frames")
    check.add_argument("pack", type=Path, metavar="FILE.fspack")
    check.set_defaults(run=run_check)
    opened = actions.add_parser("open", help="install a pack's frames (into your frame folder)")
    opened.add_argument("pack", type=Path, metavar="FILE.fspack")
    opened.add_argument("--into", type=Path, default=None, metavar="DIR", help="default: your frame folder")
    opened.set_defaults(run=run_open)


def run_create(args: argparse.Namespace) -> int:
    """Load the frames, write the pack, say what is in it."""
    try:
        frames = [find_frame(frame) for frame in args.frame]
        name = args.name or frames[0].campaign or frames[0].name
        campaign = Campaign(
            id=args.id or campaign_id(name),
            name=name,
            link=args.link,
            start=args.start,
            end=args.end,
            caption=args.caption,
            instructions=args.instructions,
            sizes=args.sizes,
            format=args.format,
        )
        path = write_pack(args.output, campaign, frames, overwrite=args.overwrite)
    except FrameStudioError as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    ids = ", ".join(frame.id for frame in frames)
    say(sys.stdout, f"wrote {path} (campaign {campaign.id}, frames: {ids})")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """One line per problem, then a note when the campaign has ended; exit 1 when there is a problem."""
    problems = check_pack(args.pack)
    for problem in problems:
        say(sys.stdout, f"{args.pack}: {problem}")
    try:
        end = read_manifest(args.pack).end
    except FrameStudioError:
        end = None  # an unreadable pack: its problem is already said
    if is_ended(end):
        say(sys.stdout, f"note: the campaign ended on {end}")
    say(sys.stderr, f"{args.pack}: {len(problems)} problem(s)")
    return EXIT_SOME_REJECTED if problems else EXIT_OK


def run_open(args: argparse.Namespace) -> int:
    """Unpack the pack (once) and list its frames."""
    try:
        opened = open_pack(args.pack, args.into or user_frames_dir())
    except FrameStudioError as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    for line in describe(opened):
        say(sys.stdout, line)
    if opened.campaign.instructions:
        say(sys.stdout, opened.campaign.instructions)
    return EXIT_OK
