"""Command line: `frame-studio [gui|render|batch|frames|pack|qr] ...`; no command opens the desktop app.

Each command lives in its own module and only calls `frame_studio.core`; Qt is imported
only when the desktop app starts.

No traceback reaches the terminal. A command reports the problems it expects in one
`error: ...` line; anything else that escapes a command is written with its traceback to
`frame-studio.log` in the user data folder (the temp folder if that cannot be written) and
named in one sentence, exit code 4. Ctrl-C that escapes a command prints "stopped", exit 130.
Warnings the app logs go to the same file, which is only created when something is logged.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
from collections.abc import Sequence

from frame_studio import __version__
from frame_studio.cli import batch, frames, pack, qr, render, web
from frame_studio.cli.common import EXIT_INTERNAL, EXIT_STOPPED, say
from frame_studio.core.log_file import LogFile

logger = logging.getLogger(__name__)


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
    web.add_parser(commands)
    return parser


def run_gui(argv: Sequence[str]) -> int:
    """Open the desktop app (imported here: the other commands never load Qt)."""
    from frame_studio.gui.app import run

    return int(run(list(argv)))


def _one_line(error: BaseException) -> str:
    detail = " ".join(str(error).split())
    if len(detail) > 200:
        detail = detail[:199] + "…"
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _unexpected(error: Exception, argv: Sequence[str], log: LogFile) -> int:
    """Log the traceback of an exception no command expected; tell the user in one sentence."""
    logger.error("an unexpected problem stopped `frame-studio %s`", " ".join(argv), exc_info=error)
    where = f"Details were written to {log.path}" if log.path else "No log file could be written"
    say(sys.stderr, f"error: an unexpected problem stopped frame-studio ({_one_line(error)}). {where}")
    return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `frame-studio` and `python -m frame_studio`."""
    multiprocessing.freeze_support()  # batch workers are spawned; needed in the frozen app
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    log = LogFile()
    app_logger = logging.getLogger("frame_studio")
    app_logger.addHandler(log)
    try:
        if hasattr(args, "run"):
            return int(args.run(args))
        return run_gui(argv)
    except KeyboardInterrupt:
        say(sys.stderr, "stopped")
        return EXIT_STOPPED
    except Exception as error:  # noqa: BLE001 (the last resort: logged with its traceback)
        return _unexpected(error, argv, log)
    finally:
        app_logger.removeHandler(log)
        log.close()
