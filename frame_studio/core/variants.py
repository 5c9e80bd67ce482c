"""Frame variants: change a frame's texts and colours, preview it, save it as a new folder.

`variant_of` returns a new in-memory `Frame` (for live previews); `write_variant` writes
the same variant as a small folder whose `frame.toml` names its base with `extends` and
patches named `[[layers]]` with only the fields that changed, so it loads back with
`load_frame` to the same rendering. `editable_parts` lists what a person may change:
the named text layers and the named coloured layers (plus the background).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PIL import Image

from frame_studio.core.atomic import TEMP_SUFFIX, export_error
from frame_studio.core.errors import ExportError, FrameError
from frame_studio.core.frame_fields import Color, FieldReader
from frame_studio.core.frames import FRAME_FILE, Frame, Layer, _frame_folder, frames_dir, load_frame
from frame_studio.core.overlay import draw_layer

#: What a frame id (and so a variant's folder name) may look like.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
TEXT_KINDS = frozenset({"text", "arc_text"})
#: Text is checked at this output size before a variant is written.
CHECK_SIZE = 1080
_NO_EDITS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class EditableParts:
    """What a person may change in a frame, in drawing order.

    Attributes:
        texts: (layer name, text) of each named text layer.
        colors: (layer name, "#rrggbb" or "#rrggbbaa") of each named coloured layer.
        background: the background colour, or None when the frame has none.
    """

    texts: tuple[tuple[str, str], ...]
    colors: tuple[tuple[str, str], ...]
    background: str | None


def color_hex(color: Color) -> str:
    """An RGBA colour as "#rrggbb" (opaque) or "#rrggbbaa"."""
    r, g, b, a = color
    return f"#{r:02x}{g:02x}{b:02x}" + ("" if a == 255 else f"{a:02x}")


def _named(frame: Frame) -> dict[str, int]:
    """Layer name -> index of the layer a variant's patch with that name changes (the last)."""
    return {name: i for i, layer in enumerate(frame.layers) if isinstance(name := layer.get("name"), str)}


def editable_parts(frame: Frame) -> EditableParts:
    """The named text layers and coloured layers of a frame, and its background."""
    named = _named(frame)
    texts, colors = [], []
    for name, index in sorted(named.items(), key=lambda item: item[1]):
        layer = frame.layers[index]
        if layer.kind in TEXT_KINDS:
            texts.append((name, str(layer.get("text"))))
        if layer.get("color") is not None:
            colors.append((name, color_hex(layer.get("color"))))
    background = None if frame.background is None else color_hex(frame.background)
    return EditableParts(tuple(texts), tuple(colors), background)


def _color(frame: Frame, key: str, value: str) -> Color:
    """Read a colour exactly as frame.toml colours are read (FrameError naming the key)."""
    return FieldReader(frame.folder / FRAME_FILE, {key: value}).color(key)


def _patched(layer: Layer, changes: Mapping[str, Any]) -> Layer:
    return Layer(layer.kind, tuple((key, changes.get(key, value)) for key, value in layer.options))


def variant_of(
    base: Frame,
    *,
    id: str,
    name: str,
    texts: Mapping[str, str] = _NO_EDITS,
    colors: Mapping[str, str] = _NO_EDITS,
    background: str | None = None,
    link: str | None = None,
) -> Frame:
    """A new in-memory frame: `base` with some texts and colours changed (for previews).

    Args:
        base: the frame to start from (not changed).
        id: the variant's id.
        name: the variant's name, shown to people.
        texts: layer name -> new text, for named text layers (NFC-normalised).
        colors: layer name -> new colour such as "#c8102e", for named coloured layers.
        background: a new background colour, or None to keep the base's.
        link: a new campaign link, or None to keep the base's.

    Raises:
        FrameError: an unknown layer name, text for a layer without text, or a bad colour.
    """
    file = base.folder / FRAME_FILE
    named = _named(base)
    changes: dict[int, dict[str, Any]] = {}
    for layer_name, text in texts.items():
        index = named.get(layer_name)
        if index is None or base.layers[index].kind not in TEXT_KINDS:
            raise FrameError(file, "invalid", f"texts: there is no text layer named {layer_name!r}")
        changes.setdefault(index, {})["text"] = unicodedata.normalize("NFC", text)
    for layer_name, value in colors.items():
        index = named.get(layer_name)
        if index is None or base.layers[index].get("color") is None:
            raise FrameError(file, "invalid", f"colors: there is no coloured layer named {layer_name!r}")
        changes.setdefault(index, {})["color"] = _color(base, f"layers.{layer_name}.color", value)
    layers = tuple(_patched(layer, changes.get(i, {})) for i, layer in enumerate(base.layers))
    return replace(
        base,
        id=unicodedata.normalize("NFC", id),
        name=unicodedata.normalize("NFC", name),
        link=base.link if link is None else unicodedata.normalize("NFC", link),
        background=base.background if background is None else _color(base, "background", background),
        layers=layers,
        extends=base.id,
    )


def _toml_string(value: str) -> str:
    """A TOML basic string (quotes, backslashes and control characters escaped)."""
    out = []
    for char in value:
        if char in {'"', "\\"}:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def variant_toml(base: Frame, variant: Frame) -> str:
    """The frame.toml of `variant` as a patch over `base`: only the fields that changed."""
    lines = [
        f"# A variant of {base.id}, made in Frame Studio. Only what differs from it is here.",
        f"extends = {_toml_string(base.id)}",
        f"id = {_toml_string(variant.id)}",
        f"name = {_toml_string(variant.name)}",
    ]
    if variant.link != base.link:
        lines.append(f"link = {_toml_string(variant.link)}")
    if variant.background is not None and variant.background != base.background:
        lines.append(f"background = {_toml_string(color_hex(variant.background))}")
    for old, new in zip(base.layers, variant.layers, strict=True):
        fields = [
            f"{key} = {_toml_string(new.get(key) if key == 'text' else color_hex(new.get(key)))}"
            for key in ("text", "color")
            if new.get(key) is not None and new.get(key) != old.get(key)
        ]
        if fields:
            lines += ["", "[[layers]]", f"name = {_toml_string(old.get('name'))}", *fields]
    return "\n".join(lines) + "\n"


def _check_id(base: Frame, id: str, parent: Path) -> None:
    file = parent / id / FRAME_FILE
    if not ID_PATTERN.fullmatch(id):
        raise FrameError(file, "invalid", "id: use lowercase letters, digits and - (like congress-ring-2)")
    if id == base.id or (frames_dir() / id / FRAME_FILE).is_file():
        raise FrameError(file, "invalid", f"id: {id!r} is already the id of another frame")
    found = _frame_folder(base.id, near=parent / id)
    if found is None or found.resolve() != base.folder.resolve():
        raise FrameError(
            file,
            "invalid",
            f"extends: {base.id!r} would not be found from {parent}; save the variant next to its base",
        )


def _check_drawable(frame: Frame) -> None:
    """Draw the text layers at the usual output size: text that does not fit is an error."""
    canvas = Image.new("RGBA", (CHECK_SIZE, CHECK_SIZE), (0, 0, 0, 0))
    for layer in frame.layers:
        if layer.kind in TEXT_KINDS:
            draw_layer(canvas, layer, frame)


def write_variant(
    base: Frame,
    folder: Path,
    *,
    id: str,
    name: str,
    texts: Mapping[str, str] = _NO_EDITS,
    colors: Mapping[str, str] = _NO_EDITS,
    background: str | None = None,
    link: str | None = None,
) -> Path:
    """Write a variant of `base` as a new frame folder `folder / id`; returns that folder.

    `folder` is the parent: the base frame's own parent (a sibling folder), or any folder
    when the base is a bundled frame (`extends` then finds it by its id). The folder is
    written under a temporary name, checked with `load_frame`, then renamed into place.

    Raises:
        FrameError: a bad id, name, layer name or colour; the base could not be found
            from `folder`; or text that does not fit its arc or box.
        ExportError: the folder exists already, or cannot be written.
    """
    folder = Path(folder)
    if not name.strip():
        raise FrameError(folder / id / FRAME_FILE, "invalid", "name: must not be empty")
    _check_id(base, id, folder)
    variant = variant_of(
        base, id=id, name=name.strip(), texts=texts, colors=colors, background=background, link=link
    )
    _check_drawable(variant)
    target = folder / id
    if target.exists():
        raise ExportError(target, "exists", "a folder with this name already exists")
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{id}.", suffix=TEMP_SUFFIX, dir=folder))
    except OSError as exc:
        raise export_error(target, exc) from None
    try:
        with (temp / FRAME_FILE).open("w", encoding="utf-8") as handle:
            handle.write(variant_toml(base, variant))
            handle.flush()
            os.fsync(handle.fileno())
        load_frame(temp)  # refuse to publish a folder that does not load
        temp.chmod(0o755)
        if target.exists():
            raise ExportError(target, "exists", "a folder with this name already exists")
        temp.rename(target)
    except OSError as exc:
        raise export_error(target, exc) from None
    finally:
        with contextlib.suppress(OSError):
            if temp.exists():
                shutil.rmtree(temp)
    return target
