"""What the Batch workspace runs on workers, and the arithmetic it shows (no widgets here).

The same core calls as `frame-studio batch`: read the roster, plan, run, write the reports
in plan order; a hand fix re-exports one photo and updates the reports.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from frame_studio.cli.batch import REPORT_STEM
from frame_studio.core.batch import SKIPPED, JobResult, reexport, run_batch
from frame_studio.core.batch_plan import BatchError, BatchSettings, Plan, plan_batch
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.placement import Placement
from frame_studio.core.report import update_reports, write_reports
from frame_studio.core.roster import read_roster

SIZE_CHOICES: dict[int, tuple[int, ...]] = {1080: (1080,), 2048: (2048,), 0: (1080, 2048)}
"""The size presets by their value in the `batch/size` setting (0: both sizes)."""
FORMATS = ("jpg", "png", "webp")


def report_paths(out_dir: Path) -> tuple[Path, Path]:
    """The batch's JSON Lines and CSV reports (where the CLI writes them too)."""
    jsonl = out_dir / f"{REPORT_STEM}.jsonl"
    return jsonl, jsonl.with_suffix(".csv")


def prepare(in_dir: str, out_dir: str, settings: BatchSettings, roster: str = "") -> Plan:
    """Read the roster (if any), plan the batch and create the output folder.

    Raises:
        FrameStudioError: the roster, folders, frame or settings cannot be used.
    """
    people = read_roster(roster) if roster else None
    plan = plan_batch(in_dir, out_dir, settings, roster=people)
    try:
        plan.out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BatchError(plan.out_dir, "not_writable", f"cannot create the output folder ({error})") from None
    return plan


@dataclass(frozen=True)
class Outcome:
    """A finished (or stopped) batch: every result, and the CSV report or why it is missing."""

    results: list[JobResult]
    report: Path | None
    error: FrameStudioError | None = None


def run(plan: Plan, *, workers: int | None, cancel: threading.Event) -> Generator[JobResult, None, Outcome]:
    """Run the plan, yielding each result, then write the reports (so closing the window keeps them)."""
    results: list[JobResult] = []
    try:
        for result in run_batch(plan, workers=workers, cancel=cancel):
            results.append(result)
            yield result
    except Exception:
        with contextlib.suppress(Exception):
            finish(plan, results)  # keep a report of what was done; the error is the news
        raise
    try:
        return Outcome(results, finish(plan, results))
    except FrameStudioError as error:
        return Outcome(results, None, error)


def finish(plan: Plan, results: list[JobResult]) -> Path:
    """Write both reports, records in plan order; returns the CSV's path."""
    order = {job.name: index for index, job in enumerate(plan.jobs)}
    records = [r.record() for r in sorted(results, key=lambda r: order.get(r.input, len(order)))]
    jsonl, csv = report_paths(plan.out_dir)
    write_reports(records, jsonl, csv)
    return csv


def refix(plan: Plan, name: str, placement: Placement) -> JobResult:
    """Re-export one photo with a hand-made placement, then update both reports (a worker)."""
    result = reexport(plan, name, placement)
    update_reports(result.record(), *report_paths(plan.out_dir))
    return result


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
