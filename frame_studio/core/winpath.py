"""Windows' path rules: the length limit, and the separator people read.

Windows with long paths off (the default on office PCs) refuses a path of 260 characters
or more, and then reports it as "path not found". Output paths are checked before writing,
temp names included, so the user reads "path too long" and the name can be shortened.

Paths shown to people (the reports' columns, the command line's lines, the window's texts)
use the platform's separator throughout, as `str(Path)` writes a full path: `Tổ 2\\a.jpg`
beside `D:\\Ảnh\\Tổ 2\\a_jpg.jpg` on Windows. The names Frame Studio keeps relative to a
folder (a job's name, an output's name, the journal's entries) are joined with "/" on every
platform, as keys; `shown` converts one where it is shown.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_PATH = 260
"""Windows' limit, counting the terminating NUL: a path may have at most 259 characters."""
APPLY_WINDOWS_RULES = os.name == "nt"
"""Whether the limit applies here; tests set it to check the Windows rule on Linux."""
SEPARATOR = os.sep
"""The separator of the paths shown here; tests set it to check Windows' on Linux."""


def path_length(path: str | Path) -> int:
    """The length Windows counts: of the absolute path."""
    return len(str(Path(path).absolute()))


def room_for_name(folder: str | Path, *, windows: bool | None = None) -> int | None:
    """How many characters a file name in `folder` may have, or None when there is no limit."""
    if not (APPLY_WINDOWS_RULES if windows is None else windows):
        return None
    return MAX_PATH - 1 - path_length(folder) - 1


def shown(name: str) -> str:
    """A "/"-joined relative name (`sub/photo.jpg`) as paths are shown here (`sub\\photo.jpg` on Windows).

    A name without "/" (a file at the top of the folder, or a path that `str(Path)` already
    wrote on Windows) is returned as it is.
    """
    return name.replace("/", SEPARATOR)
