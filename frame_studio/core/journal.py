"""The batch journal: one JSON line per event, appended and fsynced, in the output folder.

Before a photo's outputs are written a `pending` line names them; after, a `done` line
records the outcome with the input's size, mtime and the settings hash; a `side` line
names a batch-level file (QR code, reminder, report) before it is written, so that a later
run may replace it and never a file of someone else's. An `accepted` line says a person
looked at a finished photo and keeps it as it is: its `done` record then needs no review. A rerun with the
same settings skips inputs whose last `done` line matches and whose outputs still exist,
and may reuse (rewrite) the names a `pending` or `done` line gave to the same input. A
half-written last line, left by a kill, is ignored.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JOURNAL_NAME = ".frame-studio-journal.jsonl"
ACCEPTED = "accepted"
"""The flag of a photo a person looked at and kept as it is."""

logger = logging.getLogger(__name__)


@dataclass
class JournalState:
    """What an output folder's journal says.

    Attributes:
        done: per input, its last `done` record.
        owned: per input, every output name (relative to the output folder) it was given.
        side: per batch-level file that a run wrote (relative to the output folder, or
            absolute when outside it), its role ("qr_png", "report_csv", ...).
    """

    done: dict[str, dict[str, Any]] = field(default_factory=dict)
    owned: dict[str, set[str]] = field(default_factory=dict)
    side: dict[str, str] = field(default_factory=dict)

    def owner_of(self) -> dict[str, str]:
        """Per output name, the input it belongs to."""
        return {name: source for source, names in self.owned.items() for name in names}


def read_journal(out_dir: Path) -> JournalState:
    """Read the journal in `out_dir` (an empty state when there is none)."""
    state = JournalState()
    try:
        lines = (out_dir / JOURNAL_NAME).read_text(encoding="utf-8", errors="replace").splitlines()
    except (FileNotFoundError, NotADirectoryError):
        return state
    except OSError:  # unreadable: plan as if new (nothing is then replaced as ours)
        logger.warning("%s: cannot read the journal", out_dir / JOURNAL_NAME, exc_info=True)
        return state
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a kill
        if not isinstance(record, dict):
            continue
        if record.get("state") == "side" and isinstance(record.get("file"), str):
            state.side[record["file"]] = str(record.get("role"))
            continue
        if not isinstance(record.get("input"), str):
            continue
        source = record["input"]
        outputs = record.get("outputs") or []
        state.owned.setdefault(source, set()).update(o for o in outputs if isinstance(o, str))
        if record.get("state") == "done":
            state.done[source] = record
        elif record.get("state") == ACCEPTED and source in state.done:
            state.done[source] = accepted_record(state.done[source])
    return state


def accepted_record(record: dict[str, Any]) -> dict[str, Any]:
    """A `done` (or report) record once a person has accepted the photo as it is."""
    flags = [flag for flag in record.get("flags") or [] if flag != ACCEPTED]
    return record | {"flags": [*flags, ACCEPTED], "review": False, "review_reasons": []}


class JournalWriter:
    """Appends records to the journal; each line is flushed and fsynced before returning."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / JOURNAL_NAME
        self._file = self.path.open("a", encoding="utf-8", errors="backslashreplace")
        self._file.write("\n")  # ends a line a kill may have cut short

    def write(self, record: dict[str, Any]) -> None:
        """Append one record."""
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Close the file."""
        self._file.close()
