"""List a batch's input folder: every entry becomes a `Job`, and nothing found there crashes it.

A photo is a photo whatever its name: a leading dot hides nothing on Windows, so
`.anh.jpg` is an input like any other. Frame Studio's own files (journal, lock, temp files)
are skipped silently; the operating system's junk (`Thumbs.db`, `desktop.ini`, `.DS_Store`,
`$RECYCLE.BIN`, ...) is skipped and counted. Everything else that cannot be framed becomes
a rejected job with a reason: a link that loops, dangles or leads out of the input folder,
a folder or file that cannot be read, a name that is not valid text, a special file.
Linked folders (symlinks, Windows junctions) are never followed, so there are no loops and
no escapes; each one is named in a note.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frame_studio.core.atomic import TEMP_SUFFIX, is_temp_name
from frame_studio.core.errors import Note
from frame_studio.core.jobs import Job
from frame_studio.core.journal import JOURNAL_NAME
from frame_studio.core.out_folder import LOCK_NAME
from frame_studio.core.winpath import shown

JUNK_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store", ".localized", "icon\r"})
JUNK_FILE_PREFIX = "._"  # AppleDouble resource forks left by macOS on FAT and network drives
JUNK_FOLDERS = frozenset(
    {"$recycle.bin", "system volume information", ".spotlight-v100", ".trashes", ".fseventsd", "__macosx"}
)

LINK_LOOP = ("link_loop", "the link leads round in a loop")
DANGLING_LINK = ("not_found", "the link points to a missing file")
OUTSIDE_LINK = ("outside_link", "the link leads out of the input folder")
BAD_NAME = ("bad_name", "the file name is not valid text; rename the file")
NOT_A_FILE = ("not_a_file", "this is a special file, not a photo")

_WINERROR_CANT_RESOLVE_FILENAME = 1921  # how Windows reports a symlink loop
_IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003  # a Windows junction (the stat module names it on Windows only)


@dataclass(frozen=True)
class ScanResult:
    """What an input folder holds.

    Attributes:
        jobs: one job per input, in natural order, folder by folder (rejected ones have a
            `problem`).
        ignored: operating-system junk skipped (each junk folder counts once).
        notes: sentences for the report (linked folders not followed, sub-folders left out).
    """

    jobs: tuple[Job, ...]
    ignored: int = 0
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Entry:
    """What one folder entry turned out to be: a kind, and its stat or its problem."""

    kind: str  # "own", "junk", "junk_folder", "file", "folder", "linked_folder" or "rejected"
    info: os.stat_result | None = None
    problem: tuple[str, str] | None = None


def is_own_file(name: str) -> bool:
    """Whether `name` is one of Frame Studio's own files: journal, lock or temp file."""
    folded = name.casefold()
    return folded in {JOURNAL_NAME, LOCK_NAME} or folded.endswith(TEMP_SUFFIX) or is_temp_name(name)


def is_junk_file(name: str) -> bool:
    """Whether `name` is a file the operating system leaves behind (any case, as on Windows)."""
    folded = name.casefold()
    return folded in JUNK_FILES or folded.startswith(JUNK_FILE_PREFIX)


def is_junk_folder(name: str) -> bool:
    """Whether `name` is a folder the operating system keeps for itself (any case)."""
    return name.casefold() in JUNK_FOLDERS


def is_valid_name(name: str) -> bool:
    """Whether `name` is text (False: undecodable bytes, kept as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(name: str) -> str:
    """`name` with undecodable bytes shown as `\\xff` escapes: safe to print and to write as UTF-8."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (a Windows name)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "staff 2" before "staff 10" (numbers compared as numbers)."""
    parts = re.split(r"(\d+)", unicodedata.normalize("NFC", name).casefold())
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _list(folder: Path, key: Callable[[str], Any]) -> tuple[list[os.DirEntry[str]], OSError | None]:
    """The folder's entries in natural order, and the error that stopped the listing, if any."""
    entries: list[os.DirEntry[str]] = []
    error = None
    try:
        with os.scandir(folder) as listing:
            for entry in listing:  # may fail midway: keep what was read
                entries.append(entry)
    except OSError as exc:
        error = exc
    entries.sort(key=lambda entry: (key(entry.name), entry.name))
    return entries, error


def _is_link(entry: os.DirEntry[str]) -> bool:
    """A symlink, or a Windows junction (which `is_symlink` does not see before Python 3.12)."""
    if entry.is_symlink():
        return True
    if os.name != "nt" or not entry.is_dir(follow_symlinks=False):
        return False
    return getattr(entry.stat(follow_symlinks=False), "st_reparse_tag", 0) == _IO_REPARSE_TAG_MOUNT_POINT


def _link_problem(path: str, root: Path) -> tuple[str, str] | None:
    """Why the link at `path` cannot be used (None: it leads to something inside `root`).

    Raises:
        OSError: the link cannot be read for another reason (no permission, ...).
    """
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP or getattr(exc, "winerror", None) == _WINERROR_CANT_RESOLVE_FILENAME:
            return LINK_LOOP
        if exc.errno in {errno.ENOENT, errno.ENOTDIR}:
            return DANGLING_LINK
        raise
    return None if target.is_relative_to(root) else OUTSIDE_LINK


def _look(entry: os.DirEntry[str], root: Path) -> _Entry:
    """What one entry is; never raises."""
    if is_own_file(entry.name):
        return _Entry("own")
    if is_junk_file(entry.name):
        return _Entry("junk")
    try:
        linked = _is_link(entry)
        problem = _link_problem(entry.path, root) if linked else None
        if problem is not None:
            return _Entry("rejected", problem=problem)
        info = Path(entry.path).stat()
    except OSError as exc:
        return _Entry("rejected", problem=("unreadable", f"this file cannot be read ({_why(exc)})"))
    if stat.S_ISDIR(info.st_mode):
        if linked:
            return _Entry("linked_folder")
        return _Entry("junk_folder" if is_junk_folder(entry.name) else "folder")
    if not is_valid_name(entry.name):
        return _Entry("rejected", problem=BAD_NAME)
    if stat.S_ISREG(info.st_mode):
        return _Entry("file", info=info)
    return _Entry("rejected", problem=NOT_A_FILE)


def scan_inputs(in_dir: str | Path, *, recursive: bool = False) -> ScanResult:
    """Every entry of the input folder as a job; never raises for what it finds there.

    Args:
        in_dir: the input folder (checked beforehand: it exists and can be read).
        recursive: also list sub-folders (not linked ones, not the system's own), breadth
            first; otherwise sub-folders are only counted in a note.

    Returns:
        The jobs (files to frame, or rejected entries with a reason), the number of
        operating-system junk entries skipped, and notes for the report.
    """
    in_dir = Path(in_dir)
    root = Path(os.path.realpath(in_dir))
    jobs: list[Job] = []
    notes: list[str] = []
    ignored = left_out = 0
    folders: list[tuple[Path, str]] = [(in_dir, "")]
    while folders:
        folder, prefix = folders.pop(0)
        entries, error = _list(folder, natural_key)
        if error is not None:
            read = "could not be read to the end" if entries else "cannot be read"
            problem = ("unreadable_folder", f"this folder {read} ({_why(error)})")
            jobs.append(Job(folder, prefix or ".", problem=problem))
        for entry in entries:
            found = _look(entry, root)
            name = printable(f"{prefix}/{entry.name}" if prefix else entry.name)
            path = Path(entry.path)
            if found.kind == "junk" or (found.kind == "junk_folder" and recursive):
                ignored += 1
            elif found.kind == "linked_folder":
                text = f"{shown(name)}: a linked folder, not followed (its photos are not included)"
                notes.append(Note("linked_folder", text, name=shown(name)))
            elif found.kind == "folder" and not recursive:
                left_out += 1
            elif found.kind == "folder" and not is_valid_name(entry.name):
                jobs.append(Job(path, name, problem=BAD_NAME))
            elif found.kind == "folder":
                folders.append((path, f"{prefix}/{entry.name}" if prefix else entry.name))
            elif found.kind == "file" and found.info is not None:
                jobs.append(Job(path, name, fingerprint=(found.info.st_size, found.info.st_mtime_ns)))
            elif found.problem is not None:
                jobs.append(Job(path, name, problem=found.problem))
            # left: our own files, and junk folders when not recursive (skipped silently)
    if left_out:
        folders_word = "sub-folder" if left_out == 1 else "sub-folders"
        text = f"{left_out} {folders_word} not included (add --recursive to include them)"
        notes.append(Note("folders_left_out", text, count=left_out))
    return ScanResult(tuple(jobs), ignored, tuple(notes))
