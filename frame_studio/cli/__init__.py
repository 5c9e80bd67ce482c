"""Command line: `frame-studio [gui|render|batch|frames|pack|qr] ...`; no command opens the desktop app.

Each command lives in its own module and only calls `frame_studio.core`; Qt is imported
only when the desktop app starts.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence

from frame_studio import __version__
from frame_studio.cli import batch, frames, pack, qr, render


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="frame-studio", description="Put a campaign greeting frame on profile photos."
    )
    parser.add_argument("--version", action="version", version=f"frame-studio {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = commands.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--smoke-test", action="store_true", help="open every workspace, frame a sample, exit")
    render.add_parser(commands)
    batch.add_parser(commands)
    frames.add_parser(commands)
    pack.add_parser(commands)
    qr.add_parser(commands)
    return parser


def run_gui(argv: Sequence[str]) -> int:
    """Open the desktop app (imported here: the other commands never load Qt)."""
    from frame_studio.gui.app import run

    return int(run(list(argv)))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `frame-studio` and `python -m frame_studio`."""
    multiprocessing.freeze_support()  # batch workers are spawned; needed in the frozen app
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if hasattr(args, "run"):
        return int(args.run(args))
    return run_gui(argv)
