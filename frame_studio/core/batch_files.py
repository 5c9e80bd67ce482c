"""The batch-level files beside the photos: the campaign's QR code, HR's reminder, the reports
and, with a roster, the per-unit summary for the department.

Each file is written on its own: one that cannot be written (held open in Excel, a folder
in the way, a link too long for a QR code) is reported and the others are still written.
They follow the photos' rule: a file of someone else's is never replaced. A name is ours
when the journal's `side` line says an earlier run wrote it; a foreign file keeps its name
and ours goes beside it (`campaign-qr (1).png`), with a note. The two reports are a pair:
the CSV is published first and the JSON Lines only after it, so they always describe the
same run (when the CSV is held open, both keep the previous run's contents).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frame_studio.core.atomic import export_error
from frame_studio.core.batch_plan import Plan
from frame_studio.core.errors import FrameStudioError, Note
from frame_studio.core.journal import JournalWriter, read_journal
from frame_studio.core.naming import numbered
from frame_studio.core.qr import QR_FILE_STEM, save_qr
from frame_studio.core.reminder import REMINDER_FILE, write_reminder
from frame_studio.core.report import ROSTER_KEYS, read_report, update_reports, write_reports
from frame_studio.core.summary import SUMMARY_NAME, Summary, summarise, write_summary
from frame_studio.core.winpath import shown

REPORT_STEM = "frame-studio-report"


@dataclass
class BatchFiles:
    """What was written beside the photos.

    Attributes:
        written: per role ("qr_png", "qr_svg", "reminder", "report_csv", "report_jsonl",
            "summary"), the file written.
        problems: the files that could not be written, each with its reason.
        notes: things the user should know (a foreign file kept, ours written beside it).
        summary: the per-unit summary (a batch with a roster), written or not.
    """

    written: dict[str, Path] = field(default_factory=dict)
    problems: list[FrameStudioError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: Summary | None = None


def _side_names(out_dir: Path) -> dict[str, str]:
    """Per role, the name of the side file the batches into `out_dir` wrote (the last wins)."""
    return {role: name for name, role in read_journal(out_dir).side.items()}


def _reports(out_dir: Path, roles: dict[str, str]) -> tuple[Path, Path]:
    jsonl = roles.get("report_jsonl", f"{REPORT_STEM}.jsonl")
    csv = roles.get("report_csv", f"{REPORT_STEM}.csv")
    return out_dir / jsonl, out_dir / csv


def report_paths(out_dir: Path) -> tuple[Path, Path]:
    """The JSON Lines and CSV reports of the last batch into `out_dir` (default names if none)."""
    return _reports(out_dir, _side_names(out_dir))


def summary_path(out_dir: Path) -> Path | None:
    """The per-unit summary that the last batch into `out_dir` wrote, if any."""
    roles = _side_names(out_dir)
    return out_dir / roles["summary"] if "summary" in roles else None


def update_batch_reports(plan: Plan, record: dict[str, Any]) -> Summary | None:
    """After a hand fix or an “accept as is”: replace the input's record in both reports
    and, with a roster, write the per-unit summary again. Returns the new summary.

    Raises:
        ExportError: a report or the summary cannot be written (open in Excel...).
    """
    roles = _side_names(plan.out_dir)  # the journal read once for all three files
    jsonl, csv = _reports(plan.out_dir, roles)
    update_reports(record, jsonl, csv, people=plan.roster is not None)
    if plan.roster is None:
        return None
    summary = summarise(plan.roster.staff(), people_of(plan, read_report(jsonl)), plan.unsure)
    if "summary" in roles:  # ours: the batch wrote it (a file of someone else's is never replaced)
        write_summary(summary, plan.out_dir / roles["summary"], overwrite=True)
    return summary


def people_of(plan: Plan, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with the person each photo is of by the plan's roster, as it is now.

    A report's `roster_row` points into the roster it was written with; once HR has edited
    the roster (a row inserted, a photo renamed), only the plan made with the current one
    says who is who.
    """
    if plan.roster is None:
        return list(records)
    roster = plan.roster
    rows = {shown(job.name): job.roster_row for job in plan.jobs}
    result = []
    for record in records:
        record = {key: value for key, value in record.items() if key not in ROSTER_KEYS}
        row = rows.get(record["input"])
        if row is not None:
            member = roster.member(row)
            record |= {"name": member.name, "unit": member.unit, "roster_row": row}
        result.append(record)
    return result


def in_plan_order(plan: Plan, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records sorted as the plan lists the inputs (the report reads in the folder's order)."""
    order = {shown(job.name): index for index, job in enumerate(plan.jobs)}  # as `record()` wrote it
    return sorted(records, key=lambda record: order.get(record["input"], len(order)))


class _SideWriter:
    """Names and writes the side files of one output folder, recording each in the journal."""

    def __init__(self, plan: Plan, overwrite: bool) -> None:
        self.out_dir, self.overwrite = plan.out_dir, overwrite
        self.journal = read_journal(plan.out_dir)
        self.files = BatchFiles()
        self._writer: JournalWriter | None = None

    def close(self) -> None:
        """Close the journal, if a side file was recorded in it."""
        if self._writer is not None:
            self._writer.close()

    def key(self, path: Path) -> str:
        """How the journal names a side file: relative to the output folder when inside it."""
        try:
            return path.relative_to(self.out_dir).as_posix()
        except ValueError:
            return str(path.absolute())

    def free(self, paths: tuple[Path, ...]) -> tuple[Path, ...]:
        """`paths`, or the first numbered set (` (1)`, ...) that is free or ours, as one set."""
        number = 0
        while True:
            candidates = tuple(p.with_name(numbered(p.name, number)) if number else p for p in paths)
            if self.overwrite or all(self._free_or_ours(p) for p in candidates):
                break
            number += 1
        for original, chosen in zip(paths, candidates, strict=True):
            if chosen != original:
                text = f"{original}: someone else's file has this name; wrote {chosen.name}"
                self.files.notes.append(Note("renamed_output", text, file=original.name, chosen=chosen.name))
        return candidates

    def _free_or_ours(self, path: Path) -> bool:
        taken = path.exists() or path.is_symlink()
        return not taken or (self.key(path) in self.journal.side and path.is_file())

    def write(self, roles: dict[str, Path], write: Callable[[], object]) -> bool:
        """Record the files in the journal, then write them; a failure becomes a problem."""
        try:
            self._writer = self._writer or JournalWriter(self.out_dir)
            for role, path in roles.items():
                self._writer.write({"state": "side", "role": role, "file": self.key(path)})
            write()
        except FrameStudioError as error:
            self.files.problems.append(error)
            return False
        except OSError as exc:
            self.files.problems.append(export_error(next(iter(roles.values())), exc))
            return False
        self.files.written |= roles
        return True


def write_batch_files(
    plan: Plan, records: Iterable[dict[str, Any]], *, report: Path | None = None, overwrite: bool = False
) -> BatchFiles:
    """Write the QR code, the reminder, both reports and (with a roster) the per-unit summary
    of a finished (or stopped) batch.

    Args:
        plan: the batch's plan; its frame gives the link and end date.
        records: every input's report record (any order: they are written in plan order).
        report: the JSON Lines report's path (the CSV goes beside it); default
            `frame-studio-report.jsonl` in the output folder.
        overwrite: replace files this batch did not write (the user said so).

    Returns:
        What was written, what could not be (with reasons) and notes. Never raises for a
        file that cannot be written.
    """
    side = _SideWriter(plan, overwrite)
    try:
        _write_all(side, plan, records, report)
    finally:
        side.close()
    return side.files


def _write_all(side: _SideWriter, plan: Plan, records: Iterable[dict[str, Any]], report: Path | None) -> None:
    frame, out_dir = plan.frame, plan.out_dir
    link = frame.link
    if link:
        png, svg = side.free((out_dir / f"{QR_FILE_STEM}.png", out_dir / f"{QR_FILE_STEM}.svg"))
        side.write({"qr_png": png}, lambda: save_qr(link, png, size=600, overwrite=png.exists()))
        side.write({"qr_svg": svg}, lambda: save_qr(link, svg, overwrite=svg.exists()))
    end = frame.valid_until
    if end is not None:  # HR sends it with the photos
        (ics,) = side.free((out_dir / REMINDER_FILE,))
        name = frame.campaign or frame.name
        side.write(
            {"reminder": ics},
            lambda: write_reminder(ics, name, end, link=link or None, overwrite=ics.exists()),
        )
    jsonl = report or out_dir / f"{REPORT_STEM}.jsonl"
    jsonl, csv = side.free((jsonl, jsonl.with_suffix(".csv")))
    ordered = in_plan_order(plan, records)
    people = plan.roster is not None
    written = side.write(
        {"report_csv": csv, "report_jsonl": jsonl}, lambda: write_reports(ordered, jsonl, csv, people=people)
    )
    if not written:
        text = f"{jsonl}: not written either, so that the two reports describe the same run"
        side.files.notes.append(Note("report_not_written", text, file=jsonl.name))
    if plan.roster is not None:
        summary = side.files.summary = summarise(plan.roster.staff(), ordered, plan.unsure)
        (xlsx,) = side.free((out_dir / SUMMARY_NAME,))
        side.write({"summary": xlsx}, lambda: write_summary(summary, xlsx, overwrite=xlsx.exists()))
