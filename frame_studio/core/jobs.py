"""A batch's unit of work: one input and what to do with it.

The scan makes a job of every entry of the input folder (`core/scan`), the plan gives it
its output names or finds it done already (`core/batch_plan`), and the batch runs it
(`core/batch`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Job:
    """One input and what to do with it.

    Attributes:
        source: the input file.
        name: the input's path relative to the input folder, joined with "/" on every
            platform (the key of the plan, journal and window; `winpath.shown` shows it).
        outputs: output paths relative to the output folder ("/"-joined), one per size.
        replace: the outputs may replace existing files (ours from an earlier run, or
            --overwrite).
        fingerprint: the input's (size, mtime in ns) when planned.
        person: the roster fields for this photo.
        roster_row: the roster row (0-based, after the header) it was matched to.
        problem: (code, reason) when the input is rejected while planning.
        previous: the journal record of an earlier run that finished it (then skipped).
    """

    source: Path
    name: str
    outputs: tuple[str, ...] = ()
    replace: bool = False
    fingerprint: tuple[int, int] = (0, 0)
    person: tuple[tuple[str, str], ...] = ()
    roster_row: int | None = None
    problem: tuple[str, str] | None = None
    previous: dict[str, Any] | None = None
