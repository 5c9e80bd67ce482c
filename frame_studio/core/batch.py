"""Run a planned batch over a process pool, streaming one result per input.

Each photo is framed in a worker process (`run_job`); the parent alone writes the
journal: a `pending` line before a photo's outputs may appear, a `done` line after.
Outputs are written atomically, so a batch killed at any moment leaves only complete
files; the next run clears stale temp files and resumes. A worker that crashes (a decoder
bug on a hostile file) breaks only that photo: the photos that were in flight are retried
one by one and the culprit is rejected. Memory stays bounded: only a few photos are in
flight at once, whatever the folder's size. The output folder is held by this batch alone
(`core/out_folder`); the files beside the photos are written afterwards by
`core/batch_files`.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from frame_studio.core.atomic import export_error, remove_stale_temp_files
from frame_studio.core.batch_plan import BatchSettings, Plan
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, personalise
from frame_studio.core.jobs import Job
from frame_studio.core.journal import ACCEPTED, JOURNAL_NAME, JournalWriter
from frame_studio.core.out_folder import FolderLock, claim_output_folder
from frame_studio.core.outcome import (
    FRAMED,
    REJECTED,
    SKIPPED,
    JobResult,
    framed_result,
    rejected_result,
    result_of_record,
)
from frame_studio.core.overlay_cache import keep_on_disk
from frame_studio.core.pipeline import analyse, frame_photo
from frame_studio.core.placement import Placement, PlacementSettings
from frame_studio.core.render import save_image

logger = logging.getLogger(__name__)


def run_job(job: Job, frame: Frame, settings: BatchSettings, out_dir: Path) -> JobResult:
    """Frame one photo into all its outputs. Never raises for a bad photo."""
    try:
        return _frame_job(job, frame, settings, out_dir, may_replace=job.replace)
    except FrameStudioError as error:
        return rejected_result(job.name, error)
    except Exception as error:  # one photo's unexpected failure never stops the batch
        logger.exception("%s: unexpected error", job.source)
        reason = f"unexpected error ({type(error).__name__}: {error})"
        return JobResult(job.name, REJECTED, reason=reason, code="internal")


def _frame_job(
    job: Job,
    frame: Frame,
    settings: BatchSettings,
    out_dir: Path,
    *,
    may_replace: bool,
    placement: Placement | None = None,
) -> JobResult:
    """Frame one photo into its outputs (a chosen placement, or the automatic one).

    Raises:
        FrameStudioError: the photo cannot be read or an output cannot be written.
    """
    personal = personalise(frame, dict(job.person))
    if personal is frame:  # the same overlay for every photo: drawn once, then loaded by every worker
        keep_on_disk(frame)
    placement_settings = PlacementSettings(level_head=settings.level_head)
    analysis = analyse(job.source, personal, settings=placement_settings, size=max(settings.sizes))
    flags: list[str] = []
    for size, name in zip(settings.sizes, job.outputs, strict=True):
        framed = frame_photo(job.source, personal, size=size, analysis=analysis, placement=placement)
        target = out_dir / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise export_error(target, exc) from None
        save_image(framed.image, target, overwrite=may_replace, settings=settings.encode)
        flags += [flag for flag in framed.flags if flag not in flags]
    outputs = tuple(str(out_dir / name) for name in job.outputs)
    chosen = placement or analysis.result.placement
    return framed_result(job.name, outputs, analysis, chosen, personal, tuple(flags))


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops cleanly after their current photo."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _of_staff(result: JobResult, job: Job, plan: Plan) -> JobResult:
    """The result, with the roster's person the photo was matched to (when there is one)."""
    if plan.roster is None or job.roster_row is None:
        return result
    return replace(result, staff=plan.roster.member(job.roster_row))


def _skipped(job: Job, out_dir: Path) -> JobResult:
    """A photo an earlier run finished: its journal record, under the names it has now."""
    outputs = tuple(str(out_dir / name) for name in job.outputs)
    return replace(result_of_record(job.previous or {}, job.name), status=SKIPPED, outputs=outputs)


class _Journal:
    """The parent's view of the journal: pending before, done after (each write refreshes the lock)."""

    def __init__(self, plan: Plan, lock: FolderLock) -> None:
        self.plan, self.lock = plan, lock
        try:
            self.writer = JournalWriter(plan.out_dir)
        except OSError as exc:
            raise export_error(plan.out_dir / JOURNAL_NAME, exc) from None

    def _write(self, record: dict[str, object]) -> None:
        self.lock.refresh()
        try:
            self.writer.write(record)
        except OSError as exc:  # the disk filled up, the stick was pulled out...
            raise export_error(self.writer.path, exc) from None

    def pending(self, job: Job) -> None:
        self._write({"state": "pending", "input": job.name, "outputs": list(job.outputs)})

    def accepted(self, job: Job) -> None:
        self._write({"state": ACCEPTED, "input": job.name})

    def done(self, job: Job, result: JobResult) -> None:
        self._write(
            {
                "state": "done",
                "input": job.name,
                "status": result.status,
                "outputs": list(job.outputs) if result.status == FRAMED else [],
                "fingerprint": list(job.fingerprint),
                "settings": self.plan.settings_hash,
                "flags": list(result.flags),
                "faces": [list(face) for face in result.faces],
                "window_rect": list(result.window_rect) if result.window_rect else None,
                "angle": result.angle,
                "reason": result.reason,
                "review": result.needs_review,
                "review_reasons": list(result.review_reasons),
            }
        )


def _pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")  # safe beside Qt's threads, same on every OS
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init)


def _run_alone(job: Job, plan: Plan) -> JobResult:
    """Run one suspect job in a pool of its own, to tell whether it crashes the worker.

    Its outputs may already exist from the crashed round; the journal's pending line makes
    them this job's own, so they may be replaced.
    """
    pool = _pool(1)
    try:
        return pool.submit(
            run_job, replace(job, replace=True), plan.frame, plan.settings, plan.out_dir
        ).result()
    except BrokenProcessPool:
        return JobResult(job.name, REJECTED, reason="the image decoder crashed on this file", code="crashed")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_batch(
    plan: Plan,
    *,
    workers: int | None = None,
    cancel: threading.Event | None = None,
    lock: FolderLock | None = None,
) -> Iterator[JobResult]:
    """Run the plan, yielding each input's result as soon as it is known.

    Args:
        plan: from `plan_batch`.
        workers: processes (default: all cores).
        cancel: set it to stop after the photos in flight; finished work is kept.
        lock: the output folder's lock, when the caller claimed it (to keep it for the
            files written after the photos); else the batch claims and releases it.

    Raises:
        FolderError: (before the first result) the output folder cannot be written, or
            another batch is writing into it.
    """
    workers = max(1, workers or os.cpu_count() or 1)
    cancel = cancel or threading.Event()
    own_lock = lock is None
    lock = lock or claim_output_folder(plan.out_dir)
    journal = _Journal(plan, lock)
    try:
        todo: deque[Job] = deque()
        for job in plan.jobs:
            if job.previous is not None:
                yield _of_staff(_skipped(job, plan.out_dir), job, plan)
            elif job.problem is not None:
                result = JobResult(job.name, REJECTED, reason=job.problem[1], code=job.problem[0])
                journal.done(job, result)
                yield _of_staff(result, job, plan)
            else:
                todo.append(job)
        while todo and not cancel.is_set():
            suspects = yield from _run_pool(todo, plan, journal, workers, cancel)
            if suspects:  # the broken pool's workers may have died mid-write
                remove_stale_temp_files(plan.out_dir)
            for job in suspects:
                result = _run_alone(job, plan)
                journal.done(job, result)
                yield _of_staff(result, job, plan)
    finally:
        journal.writer.close()
        if own_lock:
            lock.release()


def _run_pool(
    todo: deque[Job], plan: Plan, journal: _Journal, workers: int, cancel: threading.Event
) -> Generator[JobResult, None, list[Job]]:
    """Run jobs from `todo` until it is empty, cancelled, or a worker crashes.

    Returns (as the generator's value) the jobs that were in flight when a worker crashed.
    """
    pool = _pool(workers)
    in_flight: dict[Future[JobResult], Job] = {}
    try:
        while (todo and not cancel.is_set()) or in_flight:
            while todo and not cancel.is_set() and len(in_flight) < 2 * workers:
                job = todo.popleft()
                journal.pending(job)
                try:
                    in_flight[pool.submit(run_job, job, plan.frame, plan.settings, plan.out_dir)] = job
                except BrokenProcessPool:  # a worker died since the last result
                    return [job, *in_flight.values()]
            if cancel.is_set():  # photos not started yet are dropped; running ones finish
                for future in [f for f in in_flight if f.cancel()]:
                    del in_flight[future]
            finished, _ = wait(in_flight, timeout=0.25, return_when=FIRST_COMPLETED)
            journal.lock.refresh()
            for future in finished:
                job = in_flight.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    return [job, *in_flight.values()]
                journal.done(job, result)
                yield _of_staff(result, job, plan)
        return []
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _job(plan: Plan, name: str) -> Job:
    """The plan's job of an input.

    Raises:
        KeyError: the plan has no such input (the photo was moved since the batch).
    """
    found = next((job for job in plan.jobs if job.name == name), None)
    if found is None:
        raise KeyError(name)
    return found


@contextlib.contextmanager
def _holding(plan: Plan, lock: FolderLock | None) -> Iterator[FolderLock]:
    """The caller's lock on the output folder, or one claimed for the moment."""
    if lock is not None:
        yield lock
        return
    with claim_output_folder(plan.out_dir) as claimed:
        yield claimed


def reexport(plan: Plan, name: str, placement: Placement, *, lock: FolderLock | None = None) -> JobResult:
    """Re-frame one photo of a finished batch with a placement chosen by hand.

    The photo's outputs are replaced (they are the batch's own), the journal records the
    new outcome (so a rerun keeps the fix), and the caller updates the reports. The output
    folder is claimed for the moment (or held by the caller, `lock`, to update the reports
    under it too), so a hand fix never writes beside a running batch.

    A person placed the photo, so it no longer needs review.

    Raises:
        KeyError: the batch has no such input.
        FolderError: the output folder cannot be written, or a batch is writing into it.
    """
    job = _job(plan, name)
    with _holding(plan, lock) as held:
        journal = _Journal(plan, held)
        try:
            journal.pending(job)
            try:
                result = _frame_job(
                    job, plan.frame, plan.settings, plan.out_dir, may_replace=True, placement=placement
                )
                flags = tuple(flag for flag in result.flags if flag not in ("no_face", ACCEPTED))
                result = replace(result, flags=(*flags, "adjusted"), review=False, review_reasons=())
            except FrameStudioError as error:
                result = rejected_result(job.name, error)
            journal.done(job, result)
        finally:
            journal.writer.close()
    return _of_staff(result, job, plan)


def accept_as_is(plan: Plan, result: JobResult, *, lock: FolderLock | None = None) -> JobResult:
    """A person looked at a framed photo and keeps it as it is: it no longer needs review.

    The journal records it (so a restart and a rerun keep it); the caller updates the
    reports. The output folder is claimed for the moment (or held by the caller, `lock`),
    as for a hand fix.

    Raises:
        KeyError: the batch has no such input.
        FolderError: the output folder cannot be written, or a batch is writing into it.
    """
    job = _job(plan, result.input)
    with _holding(plan, lock) as held:
        journal = _Journal(plan, held)
        try:
            journal.accepted(job)
        finally:
            journal.writer.close()
    flags = tuple(flag for flag in result.flags if flag != ACCEPTED)
    return replace(result, flags=(*flags, ACCEPTED), review=False, review_reasons=())
