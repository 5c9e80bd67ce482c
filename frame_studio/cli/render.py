"""`frame-studio render`: frame photos one by one; one bad photo never stops the others.

Exit status: 0 when every photo was framed, 1 when some were rejected, 2 when the
command could not start (bad arguments, unusable frame or output folder).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from frame_studio.cli.common import (
    EXIT_CANNOT_START,
    EXIT_OK,
    EXIT_SOME_REJECTED,
    add_level_head_argument,
    describe,
    open_campaign,
    say,
    size_argument,
)
from frame_studio.core.atomic import write_text_atomic
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, find_frame
from frame_studio.core.naming import free_name, output_name
from frame_studio.core.out_folder import check_output_folder
from frame_studio.core.outcome import JobResult, framed_result, rejected_result
from frame_studio.core.pipeline import frame_photo
from frame_studio.core.placement import PlacementSettings
from frame_studio.core.render import SUFFIX_BY_FORMAT, save_image
from frame_studio.core.report import report_jsonl


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `render` to the command parser."""
    render = commands.add_parser("render", help="frame one or more photos")
    render.add_argument("photos", nargs="+", metavar="PHOTO", help="photo files")
    render.add_argument("-o", "--output", required=True, type=Path, metavar="OUT_DIR")
    render.add_argument("--frame", default=None, help="frame id or folder (default: the bundled one)")
    render.add_argument("--campaign", type=Path, default=None, metavar="FILE.fspack", help="a campaign pack")
    render.add_argument("--size", type=size_argument, default=None, help="output size in px (1080)")
    render.add_argument("--format", choices=["png", "jpg", "webp"], default=None, help="output format (png)")
    render.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="FILE.jsonl",
        help="write a JSON Lines report to this file: one record per photo, as `batch` writes",
    )
    render.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    add_level_head_argument(render)
    render.set_defaults(run=run_render)


def _render_one(photo: str, frame: Frame, args: argparse.Namespace, taken: set[str]) -> JobResult:
    """Frame one photo (never raises for a bad photo or an output that cannot be written)."""
    try:
        settings = PlacementSettings(level_head=args.level_head)
        framed = frame_photo(photo, frame, size=args.size, settings=settings)
        name = output_name(photo, SUFFIX_BY_FORMAT[args.format])
        # Two inputs of one run never share an output; --overwrite only replaces older files.
        name = free_name(name, taken, None if args.overwrite else args.output)
        taken.add(name)
        output = save_image(framed.image, args.output / name, overwrite=args.overwrite)
    except FrameStudioError as error:
        return rejected_result(photo, error)
    return framed_result(photo, (str(output),), framed.analysis, framed.placement, frame, framed.flags)


def run_render(args: argparse.Namespace) -> int:
    """`frame-studio render`: frame each photo; one bad photo never stops the others."""
    try:
        if args.campaign is not None:  # its frame (or the one --frame names), its presets
            opened = open_campaign(args.campaign)
            frame = opened.load_frame(args.frame)
            size, kind = opened.campaign.sizes[0], opened.campaign.format
            say(sys.stderr, describe(opened)[0])
        else:
            frame, size, kind = find_frame(args.frame), 1080, "png"
        args = argparse.Namespace(**vars(args) | {"size": args.size or size, "format": args.format or kind})
        check_output_folder(args.output)
    except FrameStudioError as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    if args.report is not None and args.report.exists() and not args.overwrite:
        say(sys.stderr, f"error: {args.report}: the report file exists (use --overwrite)")
        return EXIT_CANNOT_START
    records: list[dict[str, Any]] = []
    taken: set[str] = set()
    for photo in args.photos:
        record = _render_one(photo, frame, args, taken).record()
        records.append(record)
        if record["status"] == "framed":
            flags = f"  [{', '.join(record['flags'])}]" if record["flags"] else ""
            say(sys.stdout, f"framed: {record['input']} -> {record['output']}{flags}")  # as the report
        else:
            say(sys.stderr, f"rejected: {record['input']}: {record['reason']}")
    rejected = sum(record["status"] == "rejected" for record in records)
    if args.report is not None:
        try:
            write_text_atomic(args.report, report_jsonl(records), overwrite=args.overwrite)
        except FrameStudioError as error:
            say(sys.stderr, f"error: {error}")
            return EXIT_CANNOT_START
    say(sys.stderr, f"{len(records) - rejected} framed, {rejected} rejected")
    return EXIT_SOME_REJECTED if rejected else EXIT_OK
