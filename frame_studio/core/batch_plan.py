"""Plan a batch: list the inputs, match them to the roster, name every output, find done work.

`plan_batch` reads the input folder, the roster and the output folder's journal, and
writes nothing. Inputs are never followed out of the input folder; an output folder that
is the input folder or lies inside it is refused. Every input becomes one `Job`: to run,
to skip (done by an earlier run with the same settings), or rejected already (a special
file, a link leading out).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from frame_studio import __version__
from frame_studio.core.atomic import TEMP_NAME_LENGTH
from frame_studio.core.errors import FrameStudioError, Note
from frame_studio.core.frames import Frame, find_frame
from frame_studio.core.jobs import Job
from frame_studio.core.journal import JournalState, read_journal
from frame_studio.core.naming import (
    MAX_NAME_BYTES,
    clean_part,
    fit_name,
    folder_name,
    numbered,
    output_name,
    template_problem,
    templated_name,
)
from frame_studio.core.naming import template_fields as fields_of
from frame_studio.core.placement import LEVEL_HEAD_DEFAULT
from frame_studio.core.render import SUFFIX_BY_FORMAT, EncodeSettings
from frame_studio.core.roster import Roster
from frame_studio.core.scan import scan_inputs
from frame_studio.core.winpath import MAX_PATH, path_length, room_for_name, shown

BUILTIN_FIELDS = ("file", "ext")
MIN_NAME_ROOM = 16
"""Fewest characters a file name needs under Windows' path limit (else: path too long)."""


class BatchError(FrameStudioError):
    """A batch cannot start: bad folders, frame, roster or name template."""


@dataclass(frozen=True)
class CampaignFacts:
    """What an opened pack says on top of its frame folder: the campaign's name, its link
    (the QR code's target) and its last day (HR's reminder)."""

    name: str
    link: str
    end: dt.date | None


@dataclass(frozen=True)
class BatchSettings:
    """What a batch makes. Changing any of these makes a rerun redo finished photos.

    Attributes:
        frame: frame id or folder (None: the bundled default).
        sizes: output sizes in pixels; one output per size, all from one placement.
        format: "jpg", "png" or "webp".
        overwrite: replace existing files that this batch did not write.
        name_template: output path template such as "{don_vi}/{ho_ten}" (roster fields,
            plus {file} and {ext} of the photo), without suffix; None keeps the photo's name.
        ascii_names: strip Vietnamese diacritics from templated names.
        recursive: also frame photos in sub-folders (mirrored in the output folder).
        level_head: turn each photo so that the primary face's eyes are level (see
            `placement.PlacementSettings`).
        encode: encoder settings.
        campaign: the campaign the frame was loaded with (a pack's link, name and end
            date); None keeps what the frame folder says.
    """

    frame: str | None = None
    sizes: tuple[int, ...] = (1080,)
    format: str = "jpg"
    overwrite: bool = False
    name_template: str | None = None
    ascii_names: bool = False
    recursive: bool = False
    level_head: bool = LEVEL_HEAD_DEFAULT
    encode: EncodeSettings = field(default_factory=EncodeSettings)
    campaign: CampaignFacts | None = None


def settings_for(frame: Frame, settings: BatchSettings) -> BatchSettings:
    """`settings` made to frame with `frame` as it was loaded: its folder, and the campaign a
    pack gave it.

    The CLI (`--campaign`) and the Batch workspace (a frame of an opened pack) both start a
    batch from a loaded frame; `plan_batch` loads the folder again and puts the campaign back.
    """
    facts = CampaignFacts(frame.campaign, frame.link, frame.valid_until)
    return replace(settings, frame=str(frame.folder), campaign=facts)


def _with_campaign(frame: Frame, facts: CampaignFacts | None) -> Frame:
    if facts is None:
        return frame
    return replace(frame, campaign=facts.name, link=facts.link, valid_until=facts.end)


@dataclass
class Plan:
    """A planned batch.

    Attributes:
        ignored: operating-system junk skipped in the input folder (`Thumbs.db`,
            `desktop.ini`, `.DS_Store`, `$RECYCLE.BIN`, ...), counted, not rejected.
    """

    in_dir: Path
    out_dir: Path
    settings: BatchSettings
    frame: Frame
    settings_hash: str
    jobs: list[Job]
    notes: list[str] = field(default_factory=list)
    roster: Roster | None = None
    ignored: int = 0
    unsure: frozenset[int] = frozenset()


def settings_hash(frame: Frame, settings: BatchSettings) -> str:
    """A short hash of everything that changes the outputs (frame files included)."""
    digest = hashlib.sha256()
    digest.update(repr(frame).encode("utf-8", "surrogateescape"))
    for layer in frame.layers:
        for _, value in layer.options:
            if isinstance(value, Path):
                digest.update(value.read_bytes())
    unseen = {"frame", "overwrite", "recursive", "campaign"}  # not in the photos (the frame is hashed above)
    basis = {k: v for k, v in settings.__dict__.items() if k not in unseen}
    digest.update(json.dumps(basis, default=repr, sort_keys=True).encode())
    digest.update(__version__.encode())
    return digest.hexdigest()[:16]


def _check_folders(in_dir: Path, out_dir: Path) -> None:
    try:
        _check_folder_kinds(in_dir, out_dir)
    except OSError as exc:  # a name too long, a drive that went away, no permission...
        path = Path(exc.filename) if exc.filename else out_dir
        if exc.errno == errno.ENAMETOOLONG:
            raise BatchError(path, "path_too_long", "the path is too long") from None
        raise BatchError(path, "unreadable", f"cannot look at this folder ({exc.strerror or exc})") from None


def _check_folder_kinds(in_dir: Path, out_dir: Path) -> None:
    if not in_dir.is_dir():
        raise BatchError(in_dir, "no_input", "the input folder does not exist or is not a folder")
    if not os.access(in_dir, os.R_OK | os.X_OK):
        raise BatchError(in_dir, "unreadable", "the input folder cannot be read")
    resolved_in, resolved_out = in_dir.resolve(), out_dir.resolve()
    if resolved_out == resolved_in or resolved_out.is_relative_to(resolved_in):
        raise BatchError(
            out_dir, "out_inside_in", "the output folder must not be the input folder or inside it"
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchError(out_dir, "not_a_folder", "the output path exists and is not a folder")


def _base_name(job: Job, settings: BatchSettings) -> str:
    """The output path without size and suffix: from the template when the photo's person
    has every field it uses, else from the photo's own name."""
    source = Path(job.name)
    template = settings.name_template
    person = dict(job.person)
    if template and person and all(person.get(field, "x").strip() for field in fields_of(template)):
        fields = person | {"file": source.stem, "ext": source.suffix.lstrip(".")}
        return templated_name(template, fields, ascii_only=settings.ascii_names)
    own = output_name(source.name, "")
    return "/".join([*(folder_name(part) for part in source.parent.parts), own])


def _names(base: str, settings: BatchSettings, number: int, out_dir: Path) -> tuple[str, ...]:
    """The output names of one base name, each within 255 bytes and Windows' path limit.

    Raises:
        BatchError: the folder alone leaves no room for a name under Windows' limit.
    """
    suffix = SUFFIX_BY_FORMAT[settings.format]
    folder, _, stem = base.rpartition("/")
    room = room_for_name(out_dir / folder)
    if room is not None and room < max(TEMP_NAME_LENGTH, MIN_NAME_ROOM):
        raise BatchError(
            out_dir / folder,
            "path_too_long",
            f"the output path is too long for Windows (the folder alone has {path_length(out_dir / folder)} "
            f"characters; the limit is {MAX_PATH}): choose an output folder closer to the top of the drive",
        )
    limit = MAX_NAME_BYTES if room is None else min(MAX_NAME_BYTES, room)
    names = []
    for size in settings.sizes:
        tail = f"-{size}{suffix}" if len(settings.sizes) > 1 else suffix
        name = numbered(f"{stem}{tail}", number) if number else f"{stem}{tail}"
        if len(name.encode("utf-8", "surrogateescape")) > limit:
            long = Path(name)
            name = fit_name(clean_part(long.stem), long.suffix, limit)
        names.append(f"{folder}/{name}" if folder else name)
    return tuple(names)


def _allocate(jobs: list[Job], out_dir: Path, settings: BatchSettings, journal: JournalState) -> list[Job]:
    """Give every job output names: no two jobs share one; others' files are not replaced."""
    owner = journal.owner_of()
    taken: set[str] = set()
    named = []
    for job in jobs:
        if job.problem is not None:
            named.append(job)
            continue
        base, number = _base_name(job, settings), 0
        try:
            while True:
                names = _names(base, settings, number, out_dir)
                if not any(n.casefold() in taken for n in names):
                    foreign = [n for n in names if (out_dir / n).exists() and owner.get(n) != job.name]
                    if not foreign or settings.overwrite:
                        break
                number += 1
        except BatchError as error:
            named.append(replace(job, problem=(error.code, error.message)))
            continue
        taken.update(n.casefold() for n in names)
        taken_before = any((out_dir / n).exists() for n in names)
        named.append(replace(job, outputs=names, replace=taken_before))
    return named


def _mark_done(jobs: list[Job], out_dir: Path, journal: JournalState, digest: str) -> list[Job]:
    """Attach the earlier run's record to jobs it finished with these same settings, under
    the names they get now (a roster put right since renames a person's file: it is made
    again under the new name)."""
    marked = []
    for job in jobs:
        record = journal.done.get(job.name)
        if (
            record is not None
            and record.get("status") == "framed"
            and _same_input(record, job, digest)
            and tuple(record.get("outputs") or ()) == job.outputs
            and all((out_dir / o).is_file() for o in job.outputs or ["?"])
        ):
            job = replace(job, outputs=tuple(record["outputs"]), replace=False, previous=record)
        marked.append(job)
    return marked


def _same_input(record: dict[str, Any], job: Job, digest: str) -> bool:
    """Whether a journal record is of this job's input as it is now, made with these settings."""
    return record.get("settings") == digest and tuple(record.get("fingerprint") or ()) == job.fingerprint


def check_same_batch(plan: Plan, names: list[str]) -> None:
    """Make sure `plan`, made now, is the one the batch that finished `names` ran: the same
    photos, unchanged, and the same settings. A hand fix through another plan (another
    unit's folder with photos of the same names) would write another photo over an output.

    Raises:
        BatchError: `not_this_batch`, with how many photos differ.
    """
    done, jobs = read_journal(plan.out_dir).done, {job.name: job for job in plan.jobs}

    def same(name: str) -> bool:
        record, job = done.get(name), jobs.get(name)
        return record is not None and job is not None and _same_input(record, job, plan.settings_hash)

    differ = sum(not same(name) for name in names)
    if differ:
        text = f"the photo folder, its photos or the settings are not this batch's ({differ} photos differ)"
        raise BatchError(plan.in_dir, "not_this_batch", text)


def _match_roster(jobs: list[Job], roster: Roster, notes: list[str]) -> tuple[list[Job], frozenset[int]]:
    """Give each photo its roster row; what cannot be matched for sure becomes a note.

    A photo that several rows name, and a row that several photos match, are notes, not
    guesses: those photos keep their own names and belong to nobody until the roster or
    the folder is put right. Returns the jobs and those unsure rows.
    """
    rows_of = {job.name: roster.rows_for(Path(job.name).name) for job in jobs if job.problem is None}
    photos_of: dict[int, list[str]] = {}
    for name, rows in rows_of.items():
        if len(rows) == 1:
            photos_of.setdefault(rows[0], []).append(name)
    for name, rows in rows_of.items():
        shown_name = shown(name)
        if not rows:
            notes.append(Note("no_roster_row", f"{shown_name}: no row in the roster", name=shown_name))
        elif len(rows) > 1:
            lines = ", ".join(str(roster.member(row).line) for row in rows)
            text = f"{shown_name}: rows {lines} of the roster all name this photo; matched to none"
            notes.append(Note("roster_rows_share_photo", text, name=shown_name, rows=lines))
    for row, names in photos_of.items():
        if len(names) > 1:
            who = roster.member(row).name or roster.rows[row][roster.photo_field]
            files = ", ".join(shown(name) for name in names)
            text = f"{who}: {len(names)} photos match this person ({files}); matched to none"
            notes.append(Note("photos_share_row", text, name=who, files=files))
    sure = {names[0]: row for row, names in photos_of.items() if len(names) == 1}
    named = {row for rows in rows_of.values() for row in rows}
    for row, member in enumerate(roster.staff()):
        if member.photo and row not in named:
            who = member.name or member.photo
            text = f"roster row for {who!r}: no such photo ({member.photo})"
            notes.append(Note("no_such_photo", text, name=who, photo=member.photo))
    matched = []
    for job in jobs:
        own = sure.get(job.name)
        if own is None:
            matched.append(job)
        else:
            matched.append(replace(job, person=tuple(roster.rows[own].items()), roster_row=own))
    shared = {row for rows in rows_of.values() if len(rows) > 1 for row in rows}
    return matched, frozenset(shared | {row for row, names in photos_of.items() if len(names) > 1})


def _check_template(settings: BatchSettings, roster: Roster | None) -> None:
    if settings.name_template is not None:
        problem = template_problem(settings.name_template)
        if problem is not None:
            raise BatchError(None, "template_syntax", f"the name template cannot be used: {problem}")
        if roster is None:
            raise BatchError(None, "template_needs_roster", "a name template needs a roster (--roster)")
        known = set(BUILTIN_FIELDS) | set(roster.fields)
        unknown = sorted(fields_of(settings.name_template) - known)
        if unknown:
            raise BatchError(
                None, "bad_template", f"the name template uses {{{unknown[0]}}}, which is not a roster column"
            )


def name_preview(roster: Roster, settings: BatchSettings, count: int = 3) -> list[str]:
    """The output names (first size) that the first `count` people with a photo would get.

    Raises:
        BatchError: the name template uses a field the roster does not have.
    """
    _check_template(settings, roster)
    suffix = SUFFIX_BY_FORMAT[settings.format]
    names: list[str] = []
    for row in roster.rows:
        photo = row[roster.photo_field]
        if photo and len(names) < count:
            job = Job(Path(photo), photo, person=tuple(row.items()))
            names.append(_base_name(job, settings) + suffix)
    return names


def plan_batch(
    in_dir: str | Path, out_dir: str | Path, settings: BatchSettings, *, roster: Roster | None = None
) -> Plan:
    """List the inputs and their outputs; read-only.

    Raises:
        BatchError: the folders, the frame, or the name template cannot be used.
    """
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    _check_folders(in_dir, out_dir)
    if not settings.sizes or settings.format not in SUFFIX_BY_FORMAT:
        raise BatchError(
            None, "bad_settings", "at least one size and a format of jpg, png or webp are needed"
        )
    try:
        folder_frame = find_frame(settings.frame)
    except FrameStudioError as error:
        raise BatchError(error.path, "bad_frame", error.message) from None
    _check_template(settings, roster)
    frame = _with_campaign(folder_frame, settings.campaign)  # the photos never show the campaign's facts
    plan = Plan(in_dir, out_dir, settings, frame, settings_hash(folder_frame, settings), [], roster=roster)
    return refresh_plan(plan)


def refresh_plan(plan: Plan) -> Plan:
    """The plan made again from the folders as they are now (same frame and settings).

    A batch does this once it holds the output folder: another batch that wrote into the
    folder meanwhile has made some of the photos, and those are then skipped, not clashed
    with.
    """
    notes: list[str] = []
    found = scan_inputs(plan.in_dir, recursive=plan.settings.recursive)
    jobs = list(found.jobs)
    notes.extend(found.notes)
    unsure: frozenset[int] = frozenset()
    if plan.roster is not None:
        jobs, unsure = _match_roster(jobs, plan.roster, notes)
    journal = read_journal(plan.out_dir)
    jobs = _allocate(jobs, plan.out_dir, plan.settings, journal)
    jobs = _mark_done(jobs, plan.out_dir, journal, plan.settings_hash)
    return replace(plan, jobs=jobs, notes=notes, ignored=found.ignored, unsure=unsure)
