"""`frame-studio qr`: the campaign link's QR code as PNG or SVG, verified before it is saved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from frame_studio.cli.common import EXIT_CANNOT_START, EXIT_OK, say, size_argument
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import find_frame
from frame_studio.core.qr import save_qr


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `qr` to the command parser."""
    qr = commands.add_parser("qr", help="write the campaign link's QR code (PNG or SVG)")
    source = qr.add_mutually_exclusive_group()
    source.add_argument("--frame", default=None, help="take the link of this frame (default: bundled)")
    source.add_argument("--link", default=None, help="the link to encode")
    qr.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.png|FILE.svg")
    qr.add_argument("--size", type=size_argument, default=None, help="about this many px (PNG)")
    qr.add_argument("--overwrite", action="store_true", help="replace an existing file")
    qr.set_defaults(run=run_qr)


def run_qr(args: argparse.Namespace) -> int:
    """Make the code, decode it back, and only then write it."""
    try:
        link = args.link if args.link is not None else find_frame(args.frame).link
        path = save_qr(link, args.output, size=args.size, overwrite=args.overwrite)
    except FrameStudioError as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    say(sys.stdout, f"wrote {path} (decoded back to {link})")
    return EXIT_OK
