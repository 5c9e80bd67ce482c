"""Frame templates: a folder with `frame.toml`, loaded and validated into a `Frame`.

Sizes and positions are fractions of the square canvas, so a frame renders sharp at any
output size. Text is NFC-normalised on load. Every path resolves inside the frame's folder
(fonts may also name a bundled font with the `bundled:` prefix). A variant names its base
with `extends` and overrides a few fields; a `[[layers]]` entry whose `name` matches a
base layer changes only the fields it gives. A bad frame raises `FrameError` naming the
file, the key and the problem.
"""

from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from frame_studio.core.assets import asset_path
from frame_studio.core.errors import FrameError
from frame_studio.core.frame_fields import BUNDLED_PREFIX, LAYER_FIELDS, Color, FieldReader
from frame_studio.core.hole import find_hole
from frame_studio.core.placement import FaceTarget

FRAME_FILE = "frame.toml"
DEFAULT_FRAME_ID = "congress-ring"
MAX_EXTENDS_DEPTH = 4
_PATH_FIELDS = {"font", "file", "image"}


@dataclass(frozen=True)
class Window:
    """Where the photo shows, in canvas fractions: a circle or a rectangle.

    Attributes:
        shape: "circle" or "rect".
        box: (x, y, width, height) of the rectangle, or of the circle's bounding square.
    """

    shape: str
    box: tuple[float, float, float, float]

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.box[2] / self.box[3]


@dataclass(frozen=True)
class Layer:
    """One drawing step over the photo: `kind` names it, `options` holds its checked fields."""

    kind: str
    options: tuple[tuple[str, Any], ...]

    def get(self, key: str, default: Any = None) -> Any:
        """Return one option."""
        return dict(self.options).get(key, default)


@dataclass(frozen=True)
class Frame:
    """A loaded, validated frame template."""

    id: str
    name: str
    campaign: str
    link: str
    valid_until: dt.date | None
    folder: Path
    window: Window
    face_target: FaceTarget
    background: Color | None
    pad_fill: str
    layers: tuple[Layer, ...]
    extends: str | None = None


def resolve_inside(folder: Path, relative: str, *, file: Path, key: str) -> Path:
    """Resolve a path named in a frame, refusing anything outside the frame's folder."""
    if relative.startswith(BUNDLED_PREFIX):
        base, relative = asset_path("fonts"), relative[len(BUNDLED_PREFIX) :]
    else:
        base = folder
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts or not relative:
        raise FrameError(file, "invalid", f"{key}: the path {relative!r} must stay in the folder")
    resolved = (base / candidate).resolve()
    if not resolved.is_relative_to(base.resolve()):
        raise FrameError(file, "invalid", f"{key}: the path {relative!r} leaves the folder")
    if not resolved.is_file():
        raise FrameError(file, "invalid", f"{key}: the file {relative!r} is missing")
    return resolved


def _resolve_paths(data: dict[str, Any], folder: Path, file: Path) -> None:
    """Replace every path field by its checked absolute Path, in place (before merging)."""
    window = data.get("window")
    if isinstance(window, dict) and isinstance(window.get("image"), str):
        window["image"] = resolve_inside(folder, window["image"], file=file, key="window.image")
    layers = data.get("layers")
    for index, layer in enumerate(layers if isinstance(layers, list) else []):
        if not isinstance(layer, dict):
            continue
        for key in _PATH_FIELDS & set(layer):
            if isinstance(layer[key], str):
                where = f"layers[{index}].{key}"
                layer[key] = resolve_inside(folder, layer[key], file=file, key=where)


def _merge(base: dict[str, Any], variant: dict[str, Any]) -> dict[str, Any]:
    """A variant over its base: tables merge one level deep; named layers are patched."""
    merged = dict(base)
    for key, value in variant.items():
        if key == "layers" and isinstance(value, list) and isinstance(base.get("layers"), list):
            merged["layers"] = _merge_layers(base["layers"], value)
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = base[key] | value
        else:
            merged[key] = value
    merged.pop("extends", None)
    return merged


def _merge_layers(base: list[Any], variant: list[Any]) -> list[Any]:
    layers = [dict(layer) if isinstance(layer, dict) else layer for layer in base]
    names = {layer.get("name"): i for i, layer in enumerate(layers) if isinstance(layer, dict)}
    for layer in variant:
        name = layer.get("name") if isinstance(layer, dict) else None
        if name is not None and name in names:
            layers[names[name]] |= layer
        else:
            layers.append(layer)
    return layers


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FrameError(file, "missing", "there is no frame.toml in this folder") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameError(file, "unreadable", f"cannot read the file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise FrameError(file, "invalid", f"not valid TOML ({exc})") from None


def _raw_frame(folder: Path, depth: int = 0) -> dict[str, Any]:
    """The frame's TOML with paths resolved and its `extends` chain merged in."""
    file = folder / FRAME_FILE
    data = _read_toml(file)
    _resolve_paths(data, folder, file)
    parent = data.get("extends")
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise FrameError(file, "invalid", "extends: must be the id of another frame")
    if depth >= MAX_EXTENDS_DEPTH:
        raise FrameError(file, "invalid", f"extends: more than {MAX_EXTENDS_DEPTH} levels (a loop?)")
    base = _frame_folder(parent, near=folder)
    if base is None:
        raise FrameError(file, "invalid", f"extends: no frame with the id {parent!r}")
    merged = _merge(_raw_frame(base, depth + 1), data)
    merged["extends"] = parent
    return merged


def _window(read: FieldReader) -> Window:
    shape = read.choice("shape", ("circle", "rect", "auto"))
    if shape == "auto":
        image = read.path("image")
        found = find_hole(image)
        if found is None:
            raise read.fail("image", f"{image.name} has no transparent hole for the photo")
        return Window(*found)
    if shape == "circle":
        cx, cy = read.numbers("center", 2)
        radius = read.number("radius", low=0.01, high=0.5)
        return Window("circle", (cx - radius, cy - radius, 2 * radius, 2 * radius))
    x, y, w, h = read.numbers("box", 4)
    if w <= 0 or h <= 0:
        raise read.fail("box", "width and height must be positive")
    return Window("rect", (x, y, w, h))


def _layer(file: Path, index: int, table: Any) -> Layer:
    if not isinstance(table, dict):
        raise FrameError(file, "invalid", f"layers[{index}] must be a table")
    read = FieldReader(file, table, f"layers[{index}].")
    kind = read.choice("type", tuple(LAYER_FIELDS))
    fields = LAYER_FIELDS[kind]
    unknown = set(table) - set(fields) - {"type", "name"}
    if unknown:
        raise read.fail(sorted(unknown)[0], f"is not a field of a {kind} layer")
    options = [(key, read.field(key, spec)) for key, spec in fields.items()]
    if "name" in table:
        options.append(("name", read.text("name")))
    return Layer(kind, tuple(options))


def load_frame(folder: str | Path) -> Frame:
    """Load and validate the frame template in `folder`.

    Raises:
        FrameError: the folder has no readable `frame.toml`, or a field is wrong.
    """
    folder = Path(folder)
    file = folder / FRAME_FILE
    read = FieldReader(file, _raw_frame(folder))
    valid_until = read.raw("valid_until", None)
    if valid_until is not None and not isinstance(valid_until, dt.date):
        raise read.fail("valid_until", "must be a date like 2020-09-29")
    face = read.table("face")
    target_x, target_y = face.numbers("center", 2, [0.5, 0.5])
    layers = read.raw("layers", [])
    if not isinstance(layers, list):
        raise read.fail("layers", "must be a list of [[layers]] tables")
    background = read.raw("background", None)
    return Frame(
        id=read.text("id"),
        name=read.text("name"),
        campaign=read.text("campaign", ""),
        link=read.text("link", ""),
        valid_until=valid_until,
        folder=folder,
        window=_window(read.table("window", required=True)),
        face_target=FaceTarget(target_x, target_y, face.number("height", 0.48, low=0.05, high=0.95)),
        background=None if background is None else read.color("background"),
        pad_fill=read.choice("pad_fill", ("blur", "background"), "blur"),
        layers=tuple(_layer(file, i, layer) for i, layer in enumerate(layers)),
        extends=read.raw("extends", None),
    )


def frames_dir() -> Path:
    """The folder of bundled frames."""
    return asset_path("frames")


def _frame_folder(id_or_path: str, near: Path | None = None) -> Path | None:
    """The folder of a frame named by folder path, by sibling folder, or by bundled id."""
    as_path = Path(id_or_path)
    candidates = [as_path] if near is None else []
    plain_id = "/" not in id_or_path and "\\" not in id_or_path and id_or_path not in {".", ".."}
    if plain_id:
        if near is not None:
            candidates.append(near.parent / id_or_path)
        candidates.append(frames_dir() / id_or_path)
    return next((c for c in candidates if (c / FRAME_FILE).is_file()), None)


def find_frame(id_or_path: str | Path | None = None) -> Frame:
    """Load a frame by bundled id or by folder path (None: the default frame).

    Raises:
        FrameError: no such frame, or it is invalid.
    """
    name = str(id_or_path) if id_or_path is not None else DEFAULT_FRAME_ID
    folder = _frame_folder(name)
    if folder is None:
        raise FrameError(name, "missing", "no frame with this id or folder")
    return load_frame(folder)


def bundled_frames() -> list[Path]:
    """The folders of every bundled frame, sorted by name."""
    return sorted(p.parent for p in frames_dir().glob(f"*/{FRAME_FILE}"))


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def personalise(frame: Frame, fields: dict[str, str]) -> Frame:
    """The frame with `{field}` placeholders in its text layers filled from `fields`.

    A frame without placeholders is returned as it is (so its overlay stays cached once).
    Unknown fields become empty text.
    """
    if not any("{" in str(layer.get("text", "")) for layer in frame.layers):
        return frame
    values = _Blank({k: unicodedata.normalize("NFC", v) for k, v in fields.items()})
    layers = []
    for layer in frame.layers:
        text = layer.get("text")
        if isinstance(text, str) and "{" in text:
            try:
                filled = text.format_map(values)
            except (ValueError, IndexError, AttributeError):
                filled = text  # not a template after all: keep the braces
            layer = Layer(layer.kind, tuple((k, filled if k == "text" else v) for k, v in layer.options))
        layers.append(layer)
    return replace(frame, layers=tuple(layers))
