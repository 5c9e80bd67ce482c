"""Typed reading of frame.toml fields, and the fields each kind of layer takes.

`FieldReader` reads one TOML table and raises `FrameError` naming the file and the key
(`layers[2].color: is not a colour`). `LAYER_FIELDS` lists, per layer type, each field's
kind and default (`...` = required).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from PIL import ImageColor

from frame_studio.core.errors import FrameError

BUNDLED_PREFIX = "bundled:"
Color = tuple[int, int, int, int]
REQUIRED: Any = ...

_TEXT = {"text": ("text", REQUIRED), "font": ("path", REQUIRED), "size": ("fraction", REQUIRED)}
LAYER_FIELDS: dict[str, dict[str, tuple[str, Any]]] = {
    "ring": {
        "center": ("point", [0.5, 0.5]),
        "radius": ("fraction", REQUIRED),
        "width": ("fraction", REQUIRED),
        "color": ("color", REQUIRED),
    },
    "disc": {
        "center": ("point", REQUIRED),
        "radius": ("fraction", REQUIRED),
        "color": ("color", REQUIRED),
    },
    "band": {
        "box": ("box", REQUIRED),
        "color": ("color", REQUIRED),
        "corner": ("fraction", 0.0),
    },
    "ribbon": {
        "box": ("box", REQUIRED),
        "color": ("color", REQUIRED),
        "notch": ("fraction", 0.04),
    },
    "star": {
        "center": ("point", REQUIRED),
        "radius": ("fraction", REQUIRED),
        "color": ("color", REQUIRED),
        "points": ("count", 5),
    },
    "text": {
        **_TEXT,
        "color": ("color", REQUIRED),
        "center": ("point", REQUIRED),
        "max_width": ("fraction", 1.0),
    },
    "arc_text": {
        **_TEXT,
        "color": ("color", REQUIRED),
        "center": ("point", [0.5, 0.5]),
        "radius": ("fraction", REQUIRED),
        "position": ("position", "top"),
    },
    "image": {"file": ("path", REQUIRED), "box": ("box", [0.0, 0.0, 1.0, 1.0])},
}


class FieldReader:
    """Reads typed fields from one TOML table, raising `FrameError` naming the key."""

    def __init__(self, file: Path, table: dict[str, Any], prefix: str = "") -> None:
        self.file, self.data, self.prefix = file, table, prefix

    def fail(self, key: str, problem: str) -> FrameError:
        """An error about one key."""
        return FrameError(self.file, "invalid", f"{self.prefix}{key}: {problem}")

    def raw(self, key: str, default: Any = REQUIRED) -> Any:
        """The value as it is, or the default; a missing required key is an error."""
        if key not in self.data:
            if default is REQUIRED:
                raise self.fail(key, "is required")
            return default
        return self.data[key]

    def table(self, key: str, *, required: bool = False) -> FieldReader:
        """A reader for a sub-table such as [window]."""
        value = self.raw(key, REQUIRED if required else {})
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return FieldReader(self.file, value, f"{self.prefix}{key}.")

    def text(self, key: str, default: Any = REQUIRED) -> str:
        """Text, NFC-normalised."""
        value = self.raw(key, default)
        if not isinstance(value, str):
            raise self.fail(key, "must be text")
        return unicodedata.normalize("NFC", value)

    def number(self, key: str, default: Any = REQUIRED, low: float = 0.0, high: float = 1.0) -> float:
        """A number within [low, high]."""
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "must be a number")
        if not low <= value <= high:
            raise self.fail(key, f"must be between {low:g} and {high:g}, not {value:g}")
        return float(value)

    def numbers(self, key: str, count: int, default: Any = REQUIRED) -> tuple[float, ...]:
        """A list of `count` numbers."""
        value = self.raw(key, default)
        if (
            not isinstance(value, list | tuple)
            or len(value) != count
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        ):
            raise self.fail(key, f"must be a list of {count} numbers")
        return tuple(float(v) for v in value)

    def color(self, key: str, default: Any = REQUIRED) -> Color:
        """A colour such as "#c8102e" or "#c8102e80", as RGBA."""
        value = self.raw(key, default)
        try:
            rgba = ImageColor.getcolor(value, "RGBA")
        except (ValueError, TypeError, AttributeError):
            raise self.fail(key, f'is not a colour: {value!r} (use "#rrggbb")') from None
        assert isinstance(rgba, tuple)
        return (rgba[0], rgba[1], rgba[2], rgba[3])

    def choice(self, key: str, options: tuple[str, ...], default: Any = REQUIRED) -> str:
        """One of a few words."""
        value = self.raw(key, default)
        if value not in options:
            raise self.fail(key, f"must be one of {', '.join(options)}, not {value!r}")
        return str(value)

    def path(self, key: str) -> Path:
        """A file already resolved (and checked) inside the frame's folder."""
        value = self.raw(key)
        if not isinstance(value, Path):
            raise self.fail(key, "must be a file name")
        return value

    def field(self, key: str, spec: tuple[str, Any]) -> Any:
        """Read one layer field by its kind in `LAYER_FIELDS`."""
        kind, default = spec
        if kind == "point":
            return self.numbers(key, 2, default)
        if kind == "box":
            box = self.numbers(key, 4, default)
            if box[2] <= 0 or box[3] <= 0:
                raise self.fail(key, "width and height must be positive")
            return box
        if kind == "fraction":
            return self.number(key, default)
        if kind == "count":
            return int(self.number(key, default, low=3, high=24))
        if kind == "color":
            return self.color(key, default)
        if kind == "text":
            return self.text(key, default)
        if kind == "position":
            return self.choice(key, ("top", "bottom"), default)
        return self.path(key)
