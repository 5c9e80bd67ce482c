"""Windows' path-length rule, applied on Windows (and in tests anywhere).

Windows with long paths off (the default on office PCs) refuses a path of 260 characters
or more, and then reports it as "path not found". Output paths are checked before writing,
temp names included, so the user reads "path too long" and the name can be shortened.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_PATH = 260
"""Windows' limit, counting the terminating NUL: a path may have at most 259 characters."""
APPLY_WINDOWS_RULES = os.name == "nt"
"""Whether the limit applies here; tests set it to check the Windows rule on Linux."""


def path_length(path: str | Path) -> int:
    """The length Windows counts: of the absolute path."""
    return len(str(Path(path).absolute()))


def room_for_name(folder: str | Path, *, windows: bool | None = None) -> int | None:
    """How many characters a file name in `folder` may have, or None when there is no limit."""
    if not (APPLY_WINDOWS_RULES if windows is None else windows):
        return None
    return MAX_PATH - 1 - path_length(folder) - 1
