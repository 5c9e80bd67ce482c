"""What the Batch workspace runs on workers, and the arithmetic it shows (no widgets here).

The same core calls as `frame-studio batch`: read the roster, plan and check the output
folder, claim it, run, write the files beside the photos; a hand fix re-exports one photo,
an “accept as is” records a look, and both update the reports and the summary. At start
the last batch of the output folder is read back from its report.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frame_studio.core.batch import accept_as_is, reexport, run_batch
from frame_studio.core.batch_files import (
    BatchFiles,
    people_of,
    report_paths,
    update_batch_reports,
    write_batch_files,
)
from frame_studio.core.batch_plan import (
    BatchSettings,
    Plan,
    check_same_batch,
    name_preview,
    plan_batch,
    refresh_plan,
)
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.out_folder import check_output_folder, claim_output_folder
from frame_studio.core.outcome import REJECTED, SKIPPED, JobResult, result_of_record
from frame_studio.core.placement import Placement
from frame_studio.core.report import read_report
from frame_studio.core.roster import Roster, read_roster
from frame_studio.core.summary import Summary, summarise

SIZE_CHOICES: dict[int, tuple[int, ...]] = {1080: (1080,), 2048: (2048,), 0: (1080, 2048)}
"""The size presets by their value in the `batch/size` setting (0: both sizes)."""
FORMATS = ("jpg", "png", "webp")


def prepare(in_dir: str, out_dir: str, settings: BatchSettings, roster: str = "") -> Plan:
    """Read the roster (if any), plan the batch, and check that the output folder can be written.

    Raises:
        FrameStudioError: the roster, folders, frame or settings cannot be used.
    """
    people = read_roster(roster) if roster else None
    plan = plan_batch(in_dir, out_dir, settings, roster=people)
    check_output_folder(plan.out_dir)
    return plan


@dataclass(frozen=True)
class Outcome:
    """A finished (or stopped) batch: every result, the files written beside the photos, and
    the plan as it was run (made again once the batch held the output folder)."""

    results: list[JobResult]
    files: BatchFiles = field(default_factory=BatchFiles)
    plan: Plan | None = None

    @property
    def summary(self) -> Summary | None:
        """The per-unit summary (a batch with a roster)."""
        return self.files.summary

    @property
    def report(self) -> Path | None:
        """The CSV report, when it was written."""
        return self.files.written.get("report_csv")


def run(
    plan: Plan, *, workers: int | None, cancel: threading.Event, wait: bool = False
) -> Generator[JobResult, None, Outcome]:
    """Claim the output folder, run the plan yielding each result, then write the batch files.

    The files are written even when the batch is stopped, so closing the window keeps them.

    Raises:
        FolderError: (before any result) another batch is writing into the folder and
            `wait` is False, or the folder cannot be written.
    """
    results: list[JobResult] = []
    with claim_output_folder(plan.out_dir, wait=float("inf") if wait else 0.0, cancel=cancel) as lock:
        plan = refresh_plan(plan)  # what another batch did before we held the folder is now done
        try:
            for result in run_batch(plan, workers=workers, cancel=cancel, lock=lock):
                results.append(result)
                yield result
        finally:
            files = write_batch_files(plan, [r.record() for r in results], overwrite=plan.settings.overwrite)
    return Outcome(results, files, plan)


@dataclass(frozen=True)
class Reviewed:
    """A photo fixed by hand or accepted as it is, the summary made again (with a roster), and
    the report that could not be updated (held open in Excel...), if any: the journal has the
    new state anyway, so the next batch writes it into the reports."""

    result: JobResult
    summary: Summary | None
    problem: FrameStudioError | None = None


def _reviewed(plan: Plan, result: JobResult) -> Reviewed:
    try:
        return Reviewed(result, update_batch_reports(plan, result.record()))
    except FrameStudioError as error:
        return Reviewed(result, None, error)


def refix(plan: Plan, name: str, placement: Placement) -> Reviewed:
    """Re-export one photo with a hand-made placement, then update the reports, all under the
    output folder's lock, so two reviews never overwrite each other's report (a worker).

    Raises:
        KeyError: the photo is no longer in the batch's photo folder.
        FolderError: the output folder cannot be written, or a batch is writing into it.
    """
    with claim_output_folder(plan.out_dir) as lock:
        return _reviewed(plan, reexport(plan, name, placement, lock=lock))


def accept(plan: Plan, result: JobResult) -> Reviewed:
    """Record that a person looked at a photo and keeps it, then update the reports, under the
    output folder's lock as `refix` (a worker).

    Raises:
        KeyError: the photo is no longer in the batch's photo folder.
        FolderError: the output folder cannot be written, or a batch is writing into it.
    """
    with claim_output_folder(plan.out_dir) as lock:
        return _reviewed(plan, accept_as_is(plan, result, lock=lock))


@dataclass(frozen=True)
class LastBatch:
    """The last batch of an output folder, as its report says, and the plan to fix it with.

    `plan` is None when the photo folder, roster or settings cannot be planned now (moved,
    deleted...): `problem` says why, and the list is shown but cannot be fixed.
    """

    results: list[JobResult]
    plan: Plan | None
    summary: Summary | None
    problem: FrameStudioError | None = None


def _name(record: dict[str, Any]) -> str:
    return str(record["input"]).replace(os.sep, "/")  # the report shows names the platform's way


def last_batch(in_dir: str, out_dir: str, settings: BatchSettings, roster: str = "") -> LastBatch:
    """Read the report of the last batch into `out_dir` (empty when there is none), with the
    people by the roster as it is now (HR may have edited it since)."""
    jsonl = report_paths(Path(out_dir))[0]
    records = read_report(jsonl) if jsonl.is_file() else []
    if not records:
        return LastBatch([], None, None)
    try:
        plan = prepare(in_dir, out_dir, settings, roster)
        check_same_batch(plan, [_name(record) for record in records if record.get("status") != REJECTED])
    except FrameStudioError as error:
        return LastBatch([result_of_record(record, _name(record)) for record in records], None, None, error)
    records = people_of(plan, records)
    summary = summarise(plan.roster.staff(), records, plan.unsure) if plan.roster else None
    return LastBatch([result_of_record(record, _name(record)) for record in records], plan, summary)


@dataclass(frozen=True)
class NamePreview:
    """A roster read for its columns, and the first output names (or why the template fails)."""

    roster: Roster
    names: list[str]
    problem: FrameStudioError | None = None


def preview(roster: str, settings: BatchSettings) -> NamePreview:
    """The roster's columns and the first output names the settings give (a worker).

    Raises:
        RosterError: the roster cannot be read.
    """
    people = read_roster(roster)
    try:
        return NamePreview(people, name_preview(people, settings))
    except FrameStudioError as error:  # a template naming a column the roster lacks
        return NamePreview(people, [], error)


def batch_placement(result: JobResult) -> Placement | None:
    """The placement a batch used, from the result's window rectangle [x, y, w, h]."""
    if not result.window_rect or len(result.window_rect) != 4:
        return None
    x, y, w, h = result.window_rect
    return Placement(center=(x + w / 2, y + h / 2), span=h)


@dataclass
class Meter:
    """Count, rate and time left. Skipped photos count as done but not toward the rate."""

    total: int
    done: int = 0
    worked: int = 0
    started: float = field(default_factory=time.monotonic)
    clock: float = 0.0

    def advance(self, result: JobResult, now: float | None = None) -> None:
        self.done += 1
        self.worked += result.status != SKIPPED
        self.clock = time.monotonic() if now is None else now

    @property
    def elapsed(self) -> float:
        return max(0.0, (self.clock or time.monotonic()) - self.started)

    @property
    def rate(self) -> float | None:
        """Photos per second, once a photo has really been worked on."""
        return self.worked / self.elapsed if self.worked and self.elapsed > 0 else None

    @property
    def eta(self) -> float | None:
        rate = self.rate
        return (self.total - self.done) / rate if rate else None
