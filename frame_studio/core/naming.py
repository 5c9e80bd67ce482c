"""Output file names: keep the whole input name, stay under 255 bytes, never collide.

Every name made here is one Windows accepts, checked against the rule of Python 3.13's
`ntpath.isreserved`: none of `<>:"/\\|?*` or the controls 0-31, no trailing dot or space,
and no DOS device name (CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM1-COM9, LPT1-LPT9 and
COM/LPT with a superscript 1, 2 or 3), whatever its case and even before an extension or
trailing spaces ("nul.tar.gz", "Con .jpg"). Invisible characters (zero-width and bidi
controls) are removed, so two names that look the same are the same.
"""

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
    stem = _FORBIDDEN.sub("_", _INVISIBLE.sub("", stem)).lstrip(".")  # `.anh.jpg` -> `anh_jpg.jpg`
    return fit_name(_windows_name(stem), suffix)


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


_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]")
"""Zero-width characters (U+200B-U+200D, U+2060, the U+FEFF BOM) and bidi controls."""
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "123456789\u00b9\u00b2\u00b3"}
)
_FOLDER_SEPARATOR = re.compile(r"[/\\]")


def _windows_name(text: str) -> str:
    """`text` without a trailing dot or space, and never a device's name."""
    text = text.rstrip(" .") or "_"
    device = text.partition(".")[0].rstrip(" ").upper() in _DEVICES
    return f"_{text}" if device else text


def folder_name(name: str) -> str:
    """An input sub-folder's name as an output folder (`--recursive`): kept, but valid on Windows.

    A folder a Linux computer or a phone made (`CON`, `a:b`, `Tổ 1.`) would be refused by
    Windows, or become another folder there; dots at the start are kept (they hide nothing
    on Windows), as is everything else.
    """
    return fit_name(_windows_name(_FORBIDDEN.sub("_", _INVISIBLE.sub("", name))), "")


def clean_part(text: str, *, ascii_only: bool = False) -> str:
    """One safe path segment from free text (a person's name, a unit's name).

    Spaces are collapsed and leading dots dropped (no hidden files); "/", "\\" and ":"
    become "_", so a value never makes a folder. The length is not cut: see `fit_name`.
    """
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))  # an invisible may part two marks
    if ascii_only:
        text = strip_diacritics(text).encode("ascii", "ignore").decode()
    return _windows_name(" ".join(_FORBIDDEN.sub("_", text).split()).lstrip(" ."))


def template_fields(template: str) -> set[str]:
    """The field names a name template uses: "{don_vi}/{ho_ten}" -> {"don_vi", "ho_ten"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def template_problem(template: str) -> str | None:
    """What is wrong with a name template's writing, in a sentence (None: nothing).

    A template is text with roster columns in braces ("{don_vi}/{ho_va_ten}"): every "{"
    closed, each brace pair naming one column, with no conversion ("!r") or format (":d"),
    and at least one column (else every photo would get the same name).
    """
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return "a brace is not closed or not opened: write each column as {column}"
    fields = [(name, spec, conversion) for _, name, spec, conversion in parsed if name is not None]
    if any(not name.isidentifier() or spec or conversion for name, spec, conversion in fields):
        return "write each column as {column}, a roster column's name and nothing else"
    if not fields:
        return "the template names no column, so every photo would get the same name"
    return None


def templated_name(template: str, fields: dict[str, str], *, ascii_only: bool = False) -> str:
    """A relative output path (without suffix) from a template such as "{don_vi}/{ho_ten}".

    Field values never create folders ("/", "\\" or ":" in a value becomes "_"); only the
    template's own "/" or "\\" does. Parts are joined with "/". Each part is made safe for
    Windows and Linux, and each folder is cut to 255 bytes; the last part, the file's stem,
    is cut by the caller once its suffix is known.

    Raises:
        KeyError: the template names a field that is not given.
    """
    safe = {key: clean_part(value, ascii_only=ascii_only) for key, value in fields.items()}
    formatted = template.format_map(safe)
    parts = [clean_part(part, ascii_only=ascii_only) for part in _FOLDER_SEPARATOR.split(formatted)]
    kept = [part for part in parts if part != "_"]  # an empty value makes no folder
    folders = [fit_name(part, "") for part in kept[:-1]]
    return "/".join([*folders, *kept[-1:]]) or "_"
