"""`frame-studio batch IN_DIR OUT_DIR`: frame a whole folder, resumably, in parallel.

Ctrl-C stops after the photos in flight and keeps finished work (a second Ctrl-C stops
at once; a rerun resumes). One batch writes into a folder at a time: a second one is
refused (or waits, with --wait). Exit status: 0 when every photo was framed (or already
was), 1 when some were rejected or the batch was stopped, 2 when the batch could not
start, 3 when the photos are done but a report, the QR code or the reminder could not be
written.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

from frame_studio.cli.common import (
    EXIT_CANNOT_START,
    EXIT_FILES_NOT_WRITTEN,
    EXIT_OK,
    EXIT_SOME_REJECTED,
    add_level_head_argument,
    describe,
    open_campaign,
    say,
    size_argument,
)
from frame_studio.cli.progress import Progress
from frame_studio.core.batch import run_batch
from frame_studio.core.batch_files import BatchFiles, write_batch_files
from frame_studio.core.batch_plan import BatchSettings, Plan, plan_batch, refresh_plan, settings_for
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.out_folder import FolderError, claim_output_folder
from frame_studio.core.outcome import REJECTED
from frame_studio.core.roster import Roster, read_roster
from frame_studio.core.winpath import shown


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(size_argument(part) for part in text.split(",") if part.strip())


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `batch` to the command parser."""
    batch = commands.add_parser("batch", help="frame every photo in a folder")
    batch.add_argument("input", type=Path, metavar="IN_DIR")
    batch.add_argument("output", type=Path, metavar="OUT_DIR")
    batch.add_argument("--frame", default=None, help="frame id or folder (default: the bundled one)")
    batch.add_argument("--campaign", type=Path, default=None, metavar="FILE.fspack", help="a campaign pack")
    sizes = batch.add_mutually_exclusive_group()
    sizes.add_argument("--size", type=size_argument, default=None, help="output size in px (1080)")
    sizes.add_argument("--sizes", type=_sizes, default=None, help="several sizes, e.g. 1080,2048")
    batch.add_argument("--format", choices=["jpg", "png", "webp"], default=None, help="output format (jpg)")
    batch.add_argument("--report", type=Path, default=None, help="JSON Lines report (CSV beside it)")
    batch.add_argument("--overwrite", action="store_true", help="replace files this batch did not write")
    batch.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    batch.add_argument("--roster", type=Path, default=None, help="staff list (.csv or .xlsx)")
    batch.add_argument(
        "--name", default=None, metavar="TEMPLATE", help='output names, e.g. "{don_vi}/{ho_ten}"'
    )
    batch.add_argument("--ascii", action="store_true", help="strip diacritics from templated names")
    batch.add_argument("--recursive", action="store_true", help="include sub-folders")
    add_level_head_argument(batch)
    batch.add_argument(
        "--wait", action="store_true", help="wait while another batch is writing into OUT_DIR (else: exit 2)"
    )
    batch.set_defaults(run=run_batch_command)


def _stop_on_first_ctrl_c(cancel: threading.Event) -> None:
    def handler(signum: int, frame: FrameType | None) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        say(sys.stderr, "\nstopping after the photos in progress (Ctrl-C again to stop now)")

    signal.signal(signal.SIGINT, handler)


def _plan(args: argparse.Namespace) -> Plan:
    """The batch's plan, from the arguments (and the campaign pack, if any).

    Raises:
        FrameStudioError: the pack, roster, folders, frame or settings cannot be used.
    """
    opened = open_campaign(args.campaign) if args.campaign is not None else None
    preset = opened.campaign if opened else None
    settings = BatchSettings(
        frame=args.frame,
        sizes=args.sizes or ((args.size,) if args.size else preset.sizes if preset else (1080,)),
        format=args.format or (preset.format if preset else "jpg"),
        overwrite=args.overwrite,
        name_template=args.name,
        ascii_names=args.ascii,
        recursive=args.recursive,
        level_head=args.level_head,
    )
    if opened is not None:  # the pack's frame, with the campaign's link (QR code) and end (reminder)
        settings = settings_for(opened.load_frame(args.frame), settings)
        say(sys.stderr, describe(opened)[0])
    if args.ascii and args.name is None:
        say(sys.stderr, "note: --ascii only changes the names that --name makes; the photos keep their names")
    roster: Roster | None = read_roster(args.roster) if args.roster else None
    return plan_batch(args.input, args.output, settings, roster=roster)


def run_batch_command(args: argparse.Namespace) -> int:
    """Plan, claim the output folder, run with progress, write the batch files and a summary."""
    try:
        plan = _plan(args)
    except FrameStudioError as error:
        say(sys.stderr, f"error: {error}")
        return EXIT_CANNOT_START
    cancel = threading.Event()
    _stop_on_first_ctrl_c(cancel)
    try:
        lock = claim_output_folder(plan.out_dir, wait=float("inf") if args.wait else 0.0, cancel=cancel)
    except FolderError as error:
        hint = " (or add --wait to start when it has finished)" if error.code == "busy" else ""
        say(sys.stderr, f"error: {error}{hint}")
        return EXIT_CANNOT_START
    with lock:
        plan = refresh_plan(plan)  # what another batch did before we held the folder is now done
        for note in plan.notes:
            say(sys.stderr, f"note: {note}")
        progress = Progress(len(plan.jobs), sys.stderr)
        records = []
        try:
            for result in run_batch(plan, workers=args.jobs, cancel=cancel, lock=lock):
                records.append(result.record())
                progress.advance(shown(result.input), result.status, result.reason)
        except FrameStudioError as error:  # the journal cannot be written: stop, keep what is done
            progress.finish()
            say(sys.stderr, f"error: {error}")
            write_batch_files(plan, records, report=args.report, overwrite=args.overwrite)
            return EXIT_FILES_NOT_WRITTEN if records else EXIT_CANNOT_START
        progress.finish()
        files = write_batch_files(plan, records, report=args.report, overwrite=args.overwrite)
    return _summary(plan, records, files, stopped=cancel.is_set())


def _summary(plan: Plan, records: list[dict[str, Any]], files: BatchFiles, *, stopped: bool) -> int:
    """Print the notes, problems and one-line summary; return the exit status."""
    for note in files.notes:
        say(sys.stderr, f"note: {note}")
    for problem in files.problems:
        say(sys.stderr, f"error: {problem}")
    counts = Counter(record["status"] for record in records)
    stopped_text = f", stopped early: {len(plan.jobs) - len(records)} not done" if stopped else ""
    review = sum(bool(record.get("review")) for record in records)
    parts = [
        f"{counts['framed']} framed, {counts['skipped']} skipped, {counts[REJECTED]} rejected{stopped_text}",
        f"{review} to review",
    ]
    if plan.ignored:
        parts.append(f"{plan.ignored} system file{'s' if plan.ignored != 1 else ''} ignored")
    if files.problems:
        parts.append(f"{len(files.problems)} batch file(s) not written")
    report, summary = files.written.get("report_csv"), files.written.get("summary")
    parts += [f"report: {report}"] if report else []
    parts += [f"summary by unit: {summary}"] if summary else []
    say(sys.stderr, "; ".join(parts))
    if files.problems:
        return EXIT_FILES_NOT_WRITTEN
    if counts[REJECTED] or stopped:
        return EXIT_SOME_REJECTED
    return EXIT_OK
