"""Output file names: keep the whole input name, stay under 255 bytes, never collide."""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from pathlib import Path

from frame_studio.core.roster import strip_diacritics

MAX_NAME_BYTES = 255


def fit_name(stem: str, tail: str, limit: int = MAX_NAME_BYTES) -> str:
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
    """The output name for an input: `staff_001.jpg` -> `staff_001_jpg.png`, never hidden.

    Keeping the input's extension means `staff_001.jpg` and `staff_001.png` never share
    an output. `suffix` is the output's, with its dot (".png").
    """
    path = Path(input_path)
    stem = path.stem if path.suffix else path.name
    if path.suffix:
        stem = f"{stem}_{path.suffix[1:]}"
    return fit_name(stem.lstrip(".") or "_", suffix)  # `.anh.jpg` -> `anh_jpg.jpg`, not a hidden file


def numbered(name: str, number: int) -> str:
    """`photo.png`, 1 -> `photo (1).png` (still within 255 bytes)."""
    path = Path(name)
    return fit_name(path.stem, f" ({number}){path.suffix}")


def free_name(name: str, taken: set[str], folder: Path | None = None) -> str:
    """`name`, or `name (1)`, `name (2)`, ... not in `taken` nor existing in `folder`."""
    candidate, number = name, 0
    while candidate in taken or (folder is not None and (folder / candidate).exists()):
        number += 1
        candidate = numbered(name, number)
    return candidate


_RESERVED = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}


def clean_part(text: str, *, ascii_only: bool = False) -> str:
    """One safe path segment from free text (a person's name, a unit's name)."""
    text = unicodedata.normalize("NFC", text)
    if ascii_only:
        text = strip_diacritics(text).encode("ascii", "ignore").decode()
    text = " ".join(_RESERVED.sub("_", text).split()).strip(" .")
    if not text:
        return "_"
    if text.split(".")[0].casefold() in _WINDOWS_DEVICES:
        text = f"_{text}"
    return text


def template_fields(template: str) -> set[str]:
    """The field names a name template uses: "{don_vi}/{ho_ten}" -> {"don_vi", "ho_ten"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def templated_name(template: str, fields: dict[str, str], *, ascii_only: bool = False) -> str:
    """A relative output path (without suffix) from a template such as "{don_vi}/{ho_ten}".

    Field values never create folders ("/" in a value becomes "_"); only the template's own
    "/" does. Each segment is made safe for Windows and Linux.

    Raises:
        KeyError: the template names a field that is not given.
    """
    safe = {key: clean_part(value, ascii_only=ascii_only) for key, value in fields.items()}
    formatted = template.format_map(safe)
    segments = [clean_part(part, ascii_only=ascii_only) for part in formatted.split("/")]
    return "/".join(s for s in segments if s not in {"_", ".", ".."}) or "_"
