"""Command line: `frame-studio [gui|render] ...`; no command opens the desktop app.

Exit status: 0 when every photo was framed, 1 when some were rejected, 2 when the
command could not start (bad arguments, unusable frame or output folder).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from frame_studio import __version__
from frame_studio.core.atomic import write_text_atomic
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, find_frame
from frame_studio.core.naming import free_name, output_name
from frame_studio.core.pipeline import frame_photo
from frame_studio.core.render import SUFFIX_BY_FORMAT, save_image

EXIT_OK, EXIT_SOME_REJECTED, EXIT_CANNOT_START = 0, 1, 2


def _size(text: str) -> int:
    value = int(text)
    if not 64 <= value <= 8192:
        raise argparse.ArgumentTypeError("the size must be between 64 and 8192 pixels")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="frame-studio", description="Put a campaign greeting frame on profile photos."
    )
    parser.add_argument("--version", action="version", version=f"frame-studio {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", help="open the desktop app (the default)")
    render = commands.add_parser("render", help="frame one or more photos")
    render.add_argument("photos", nargs="+", metavar="PHOTO", help="photo files")
    render.add_argument("-o", "--output", required=True, type=Path, metavar="OUT_DIR")
    render.add_argument("--frame", default=None, help="frame id or folder (default: the bundled one)")
    render.add_argument("--size", type=_size, default=1080, help="output size in px (1080)")
    render.add_argument("--format", choices=["png", "jpg", "webp"], default="png")
    render.add_argument("--report", type=Path, default=None, help="write a JSON Lines report")
    render.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    return parser


def _say(stream: TextIO, line: str) -> None:
    """Print one line; file names that the console cannot encode are escaped, not fatal."""
    stream.write(line + "\n")
    stream.flush()


def _report_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _render_one(photo: str, frame: Frame, args: argparse.Namespace, taken: set[str]) -> dict[str, Any]:
    """Frame one photo and return its report record (never raises for a bad photo)."""
    record: dict[str, Any] = {
        "input": photo,
        "status": "rejected",
        "output": None,
        "reason": None,
        "flags": [],
        "faces": [],
        "window_rect": None,
    }
    try:
        framed = frame_photo(photo, frame, size=args.size)
        name = output_name(photo, SUFFIX_BY_FORMAT[args.format])
        # Two inputs of one run never share an output; --overwrite only replaces older files.
        name = free_name(name, taken, None if args.overwrite else args.output)
        taken.add(name)
        output = save_image(framed.image, args.output / name, overwrite=args.overwrite)
    except FrameStudioError as error:
        record["reason"] = error.message
        return record
    placement = framed.placement
    record |= {
        "status": "framed",
        "output": str(output),
        "flags": list(framed.flags),
        "faces": [[*(round(v, 1) for v in f.box), round(f.score, 3)] for f in framed.analysis.faces],
        "window_rect": [round(v, 1) for v in placement.window_rect(frame.window.aspect)],
    }
    return record


def run_render(args: argparse.Namespace) -> int:
    """`frame-studio render`: frame each photo; one bad photo never stops the others."""
    try:
        frame = find_frame(args.frame)
        args.output.mkdir(parents=True, exist_ok=True)
    except FrameStudioError as error:
        _say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    except OSError as error:
        _say(sys.stderr, f"error: {args.output}: cannot create the output folder ({error.strerror})")
        return EXIT_CANNOT_START
    if args.report is not None and args.report.exists() and not args.overwrite:
        _say(sys.stderr, f"error: {args.report}: the report file exists (use --overwrite)")
        return EXIT_CANNOT_START
    records: list[dict[str, Any]] = []
    taken: set[str] = set()
    for photo in args.photos:
        record = _render_one(photo, frame, args, taken)
        records.append(record)
        if record["status"] == "framed":
            flags = f"  [{', '.join(record['flags'])}]" if record["flags"] else ""
            _say(sys.stdout, f"framed: {photo} -> {record['output']}{flags}")
        else:
            _say(sys.stderr, f"rejected: {photo}: {record['reason']}")
    rejected = sum(record["status"] == "rejected" for record in records)
    if args.report is not None:
        try:
            text = "".join(_report_line(record) + "\n" for record in records)
            write_text_atomic(args.report, text, overwrite=args.overwrite)
        except FrameStudioError as error:
            _say(sys.stderr, f"error: {error}")
            return EXIT_CANNOT_START
    _say(sys.stderr, f"{len(records) - rejected} framed, {rejected} rejected")
    return EXIT_SOME_REJECTED if rejected else EXIT_OK


def run_gui(argv: Sequence[str]) -> int:
    """Open the desktop app (imported lazily: the CLI never loads Qt otherwise)."""
    from frame_studio.gui.app import run

    return int(run(list(argv)))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `frame-studio` and `python -m frame_studio`."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if args.command == "render":
        return run_render(args)
    return run_gui(argv)
