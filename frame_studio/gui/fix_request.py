"""A request from the Batch workspace to fix one photo by hand in the Photo workspace."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from frame_studio.core.placement import Placement


@dataclass(frozen=True)
class FixRequest:
    """Open `source` with `placement`; saving calls `apply` on a worker, then `applied`.

    Attributes:
        source: the input photo.
        frame_id: the batch's frame.
        placement: the placement the batch used (or None for the automatic one).
        apply: re-exports the photo with a new placement (runs on a worker thread) and
            returns the new result.
        applied: receives that result on the GUI thread (updates the review list).
        person: the roster's name and unit of the photo's person ("" when not known).
    """

    source: Path
    frame_id: str
    placement: Placement | None
    apply: Callable[[Placement], object]
    applied: Callable[[object], None]
    person: tuple[str, str] = ("", "")
