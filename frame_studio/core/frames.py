"""Frame templates: a folder with `frame.toml`, loaded and validated into a `Frame`.

Sizes and positions are fractions of the square canvas, so a frame renders sharp at any
output size. Text is NFC-normalised on load. Every path resolves inside the frame's folder
(fonts may also name a bundled font with the `bundled:` prefix). A bad frame raises
`FrameError` naming the file, the key and the problem.
"""

from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import ImageColor

from frame_studio.core.assets import asset_path
from frame_studio.core.errors import FrameError
from frame_studio.core.placement import FaceTarget

FRAME_FILE = "frame.toml"
BUNDLED_PREFIX = "bundled:"
DEFAULT_FRAME_ID = "congress-ring"

Color = tuple[int, int, int, int]


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


class _Reader:
    """Reads typed fields from one TOML table, raising `FrameError` naming the key."""

    def __init__(self, file: Path, table: dict[str, Any], prefix: str = "") -> None:
        self.file, self.table, self.prefix = file, table, prefix

    def fail(self, key: str, problem: str) -> FrameError:
        return FrameError(self.file, "invalid", f"{self.prefix}{key}: {problem}")

    def raw(self, key: str, default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "is required")
            return default
        return self.table[key]

    def text(self, key: str, default: Any = ...) -> str:
        value = self.raw(key, default)
        if not isinstance(value, str):
            raise self.fail(key, "must be text")
        return unicodedata.normalize("NFC", value)

    def number(self, key: str, default: Any = ..., low: float = 0.0, high: float = 1.0) -> float:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "must be a number")
        if not low <= value <= high:
            raise self.fail(key, f"must be between {low:g} and {high:g}, not {value:g}")
        return float(value)

    def numbers(self, key: str, count: int, default: Any = ...) -> tuple[float, ...]:
        value = self.raw(key, default)
        if (
            not isinstance(value, list | tuple)
            or len(value) != count
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        ):
            raise self.fail(key, f"must be a list of {count} numbers")
        return tuple(float(v) for v in value)

    def color(self, key: str, default: Any = ...) -> Color:
        value = self.raw(key, default)
        try:
            rgba = ImageColor.getcolor(value, "RGBA")
        except (ValueError, TypeError, AttributeError):
            raise self.fail(key, f'is not a colour: {value!r} (use "#rrggbb")') from None
        assert isinstance(rgba, tuple)
        return (rgba[0], rgba[1], rgba[2], rgba[3])

    def choice(self, key: str, options: tuple[str, ...], default: Any = ...) -> str:
        value = self.raw(key, default)
        if value not in options:
            raise self.fail(key, f"must be one of {', '.join(options)}, not {value!r}")
        return str(value)


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
    return resolved


def _window(file: Path, table: Any) -> Window:
    if not isinstance(table, dict):
        raise FrameError(file, "invalid", "[window] is required")
    read = _Reader(file, table, "window.")
    shape = read.choice("shape", ("circle", "rect"))
    if shape == "circle":
        cx, cy = read.numbers("center", 2)
        radius = read.number("radius", low=0.01, high=0.5)
        return Window("circle", (cx - radius, cy - radius, 2 * radius, 2 * radius))
    x, y, w, h = read.numbers("box", 4)
    if w <= 0 or h <= 0:
        raise read.fail("box", "width and height must be positive")
    return Window("rect", (x, y, w, h))


_LAYER_FIELDS: dict[str, dict[str, str]] = {
    "ring": {"center": "point", "radius": "fraction", "width": "fraction", "color": "color"},
    "arc_text": {
        "text": "text",
        "font": "font",
        "size": "fraction",
        "color": "color",
        "center": "point",
        "radius": "fraction",
        "position": "position",
    },
}


def _layer(file: Path, folder: Path, index: int, table: Any) -> Layer:
    if not isinstance(table, dict):
        raise FrameError(file, "invalid", f"layers[{index}] must be a table")
    read = _Reader(file, table, f"layers[{index}].")
    kind = read.choice("type", tuple(_LAYER_FIELDS))
    options: list[tuple[str, Any]] = []
    for key, field_type in _LAYER_FIELDS[kind].items():
        value: Any
        if field_type == "point":
            value = read.numbers(key, 2, [0.5, 0.5])
        elif field_type == "fraction":
            value = read.number(key)
        elif field_type == "color":
            value = read.color(key)
        elif field_type == "text":
            value = read.text(key)
        elif field_type == "position":
            value = read.choice(key, ("top", "bottom"), "top")
        else:
            value = resolve_inside(folder, read.text(key), file=file, key=f"layers[{index}].{key}")
            if not value.is_file():
                raise read.fail(key, f"the font file {value.name} is missing")
        options.append((key, value))
    unknown = set(table) - set(_LAYER_FIELDS[kind]) - {"type"}
    if unknown:
        raise read.fail(sorted(unknown)[0], f"is not a field of a {kind} layer")
    return Layer(kind, tuple(options))


def load_frame(folder: str | Path) -> Frame:
    """Load and validate the frame template in `folder`.

    Raises:
        FrameError: the folder has no readable `frame.toml`, or a field is wrong.
    """
    folder = Path(folder)
    file = folder / FRAME_FILE
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FrameError(file, "missing", "there is no frame.toml in this folder") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameError(file, "unreadable", f"cannot read the file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise FrameError(file, "invalid", f"not valid TOML ({exc})") from None
    read = _Reader(file, data)
    valid_until = read.raw("valid_until", None)
    if valid_until is not None and not isinstance(valid_until, dt.date):
        raise read.fail("valid_until", "must be a date like 2020-09-29")
    face = _Reader(file, read.raw("face", {}), "face.")
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
        window=_window(file, read.raw("window")),
        face_target=FaceTarget(target_x, target_y, face.number("height", 0.48, low=0.05, high=0.95)),
        background=None if background is None else read.color("background"),
        pad_fill=read.choice("pad_fill", ("blur", "background"), "blur"),
        layers=tuple(_layer(file, folder, i, layer) for i, layer in enumerate(layers)),
    )


def frames_dir() -> Path:
    """The folder of bundled frames."""
    return asset_path("frames")


def find_frame(id_or_path: str | Path | None = None) -> Frame:
    """Load a frame by bundled id or by folder path (None: the default frame).

    Raises:
        FrameError: no such frame, or it is invalid.
    """
    name = str(id_or_path) if id_or_path is not None else DEFAULT_FRAME_ID
    as_path = Path(name)
    if (as_path / FRAME_FILE).is_file():
        return load_frame(as_path)
    bundled = frames_dir() / name
    if "/" not in name and "\\" not in name and (bundled / FRAME_FILE).is_file():
        return load_frame(bundled)
    raise FrameError(name, "missing", "no frame with this id or folder")
