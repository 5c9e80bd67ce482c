"""Output file names: keep the whole input name, stay under 255 bytes, never collide."""

from __future__ import annotations

import hashlib
from pathlib import Path

MAX_NAME_BYTES = 255


def _fit(stem: str, tail: str, limit: int = MAX_NAME_BYTES) -> str:
    """`stem + tail`, with the stem cut (plus a short hash) when it would pass `limit` bytes."""
    name = stem + tail
    if len(name.encode("utf-8", "surrogateescape")) <= limit:
        return name
    digest = hashlib.sha1(stem.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    budget = limit - len(f"~{digest}{tail}".encode("utf-8", "surrogateescape"))
    cut = stem
    while len(cut.encode("utf-8", "surrogateescape")) > budget:
        cut = cut[:-1]
    return f"{cut}~{digest}{tail}"


def output_name(input_path: str | Path, suffix: str) -> str:
    """The output name for an input: `staff_001.jpg` -> `staff_001_jpg.png`.

    Keeping the input's extension means `staff_001.jpg` and `staff_001.png` never share
    an output. `suffix` is the output's, with its dot (".png").
    """
    path = Path(input_path)
    stem = path.stem if path.suffix else path.name
    if path.suffix:
        stem = f"{stem}_{path.suffix[1:]}"
    return _fit(stem, suffix)


def numbered(name: str, number: int) -> str:
    """`photo.png`, 1 -> `photo (1).png` (still within 255 bytes)."""
    path = Path(name)
    return _fit(path.stem, f" ({number}){path.suffix}")


def free_name(name: str, taken: set[str], folder: Path | None = None) -> str:
    """`name`, or `name (1)`, `name (2)`, ... not in `taken` nor existing in `folder`."""
    candidate, number = name, 0
    while candidate in taken or (folder is not None and (folder / candidate).exists()):
        number += 1
        candidate = numbered(name, number)
    return candidate
