"""`frame-studio web`: export the campaign web page, where staff frame their photo in their browser.

The folder is static (index.html, its script, style sheet and data, the QR code of
`--url`); host it on any web space or hand it out as a folder. Nothing on the page is
uploaded anywhere. Exit status: 0 when written, 2 when nothing could be written (a bad
frame, pack or address, or a file in the way that Frame Studio did not write).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from frame_studio.cli.common import EXIT_CANNOT_START, EXIT_OK, describe, open_campaign, say
from frame_studio.core.campaign import Campaign, is_ended
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, bundled_frames, find_frame, load_frame
from frame_studio.core.web_page import export_web_page


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `web` to the command parser."""
    web = commands.add_parser(
        "web", help="export the campaign web page (staff frame their photo in the browser)"
    )
    web.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="the folder to host")
    source = web.add_mutually_exclusive_group()
    source.add_argument(
        "--frame",
        action="append",
        default=None,
        metavar="ID",
        help="frame id or folder (repeat; default: all bundled)",
    )
    source.add_argument("--campaign", type=Path, default=None, metavar="FILE.fspack", help="a campaign pack")
    web.add_argument(
        "--url", default=None, metavar="URL", help="where the page will be hosted (writes its QR code)"
    )
    web.add_argument("--overwrite", action="store_true", help="replace files Frame Studio did not write")
    web.set_defaults(run=run_web)


def _source(args: argparse.Namespace) -> tuple[list[Frame], Campaign | None]:
    """The frames offered and the campaign, from --campaign, --frame or the bundled frames."""
    if args.campaign is not None:
        opened = open_campaign(args.campaign)
        say(sys.stderr, describe(opened)[0])
        return [opened.load_frame(name) for name in opened.campaign.frames], opened.campaign
    if args.frame:
        return [find_frame(frame) for frame in args.frame], None
    return [load_frame(folder) for folder in bundled_frames()], None


def run_web(args: argparse.Namespace) -> int:
    """Write the page; say where it is, its size, and what to do next."""
    try:
        frames, campaign = _source(args)
        done = export_web_page(args.output, frames, campaign, args.url, overwrite=args.overwrite)
    except FrameStudioError as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    for note in done.notes:
        say(sys.stderr, f"note: {note}")
    end = campaign.end if campaign is not None else frames[0].valid_until
    if is_ended(end):
        say(sys.stderr, f"note: the campaign ended on {end}; the page says so")
    for path in done.removed:
        say(sys.stderr, f"removed {path} (an earlier export's, no longer part of the page)")
    ids = ", ".join(frame.id for frame in frames)
    say(
        sys.stdout,
        f"wrote {done.index} ({len(done.files)} files, {done.total_bytes / 1e6:.2f} MB; frames: {ids})",
    )
    if args.url:
        say(sys.stdout, f"QR code: {args.output / 'qr.png'} -> {args.url}")
    else:
        say(sys.stdout, "no --url given: no QR code was written")
    return EXIT_OK
