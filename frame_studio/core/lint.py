"""Check a frame before anyone uses it: one `Problem` per fault found, and advice.

Checks: the window lies inside the canvas and is big enough; the face target lies inside
the window; text fits (a greeting too long for its arc is first drawn smaller, down to a
legible minimum: see `overlay.MIN_ARC_TEXT`), and stays inside the circle Facebook crops
avatars to; overlay images are sharp enough for the output size and not stretched; an
overlay leaves the window transparent; fonts cover every character of their text; there
is a campaign link, and it is short enough for a QR code.

A problem is a code, the part it is about and its parameters; `str(problem)` is the
English sentence (the CLI's), and a user interface says it in its own words from the code
(the GUI's Vietnamese table is `gui/messages.py`). Advice (`Problem.advice`) does not fail
a frame: a link that still opens nothing useful, such as a Facebook profile-frame link.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, Layer, load_frame
from frame_studio.core.images import load_photo
from frame_studio.core.overlay import ARC_FIT_SIZE, draw_layer, load_font, min_arc_pixels, window_mask
from frame_studio.core.qr import QRError, check_link

CHECK_SIZE = 540
MIN_WINDOW = 0.3
#: A face box is about 0.8 as wide as it is tall.
FACE_ASPECT = 0.8
#: Mean alpha (0-255) an overlay image may keep inside the window.
MAX_WINDOW_ALPHA = 8
_MISSING_CODEPOINT = "\U0010fffd"

#: The English sentence of each problem the lint finds itself, by code. Problems that
#: wrap a core error (a frame that does not load, a link too long for a QR code, ...) keep
#: that error's code and say its English message (`{detail}`).
PROBLEMS: Mapping[str, str] = {
    "window_outside": "goes outside the canvas",
    "window_too_small": "too small ({size:.2f} of the canvas; at least {minimum})",
    "face_outside": "the face target does not fit inside the window",
    "empty_link": "empty (the QR code needs the campaign link)",
    "missing_glyphs": "the font {font} has no {characters}",
    "text_too_wide": "the text {text!r} is wider than its box",
    "arc_text_too_long": (
        "the text {text!r} does not fit its arc, even drawn at the smallest legible size "
        "({minimum} px at {at} px)"
    ),
    "outside_circle": "the text passes outside the circle Facebook shows",
    "image_too_small": "{width}x{height} px is too small for a {output} px output",
    "image_stretched": "the image would be stretched (its shape differs from its box)",
    "image_covers_window": "the image is not transparent where the photo should show",
    "facebook_frame_link": (
        "this Facebook profile-frame link no longer opens a frame (Facebook withdrew profile "
        "frames in 2022); keep it as the campaign's historical link, but point the QR code at "
        "the page where the agency publishes the campaign"
    ),
}


class _Blank(dict[str, Any]):
    """Format parameters: a missing one is left empty rather than an error."""

    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, params: Mapping[str, Any]) -> str:
    """`template.format(**params)`, a missing parameter left empty."""
    return string.Formatter().vformat(template, (), _Blank(params))


@dataclass(frozen=True)
class Problem:
    """One fault (or, with `advice`, one piece of advice) of a frame.

    Attributes:
        code: what is wrong, for a user interface to say in its words (`PROBLEMS`, or a
            core error's code).
        part: what it is about: "window", "face", "link", a layer's name (may be ""), or
            "" for the frame as a whole (it does not load).
        layer: the layer's index in frame.toml, for a layer; else None.
        kind: the layer's type ("arc_text", "text", "image", ...), for a layer.
        position: "top" or "bottom" for an arc text layer, else "".
        params: the values the sentence names (text, sizes, ...); `detail` is a wrapped
            core error's English message.
        advice: True for advice that does not fail the frame.
    """

    code: str
    part: str = ""
    layer: int | None = None
    kind: str = ""
    position: str = ""
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    advice: bool = False

    @property
    def where(self) -> str:
        """The part in frame.toml's words: "window", "layers[3] (top_text)", ..."""
        if self.layer is None:
            return self.part
        return f"layers[{self.layer}]" + (f" ({self.part})" if self.part else "")

    def __str__(self) -> str:
        """The English sentence, starting with where the problem is."""
        text = fill(PROBLEMS.get(self.code, "{detail}"), self.params)
        return f"{self.where}: {text}" if self.where else text


def _layer_problem(index: int, layer: Layer, code: str, **params: Any) -> Problem:
    position = layer.get("position", "") if layer.kind == "arc_text" else ""
    name = layer.get("name") or ""
    return Problem(code, name, index, layer.kind, position, params)


# --- the link ------------------------------------------------------------------------

_FACEBOOK_HOSTS = re.compile(r"(?:^|\.)(?:facebook\.com|fb\.com)$")
_FRAME_PATHS = ("/profilepicframes",)
_FRAME_QUERY = {"selected_overlay_id", "overlay_id"}


def link_advice(url: str) -> str | None:
    """A code when a link can no longer do what a campaign wants of it, else None.

    `facebook_frame_link`: a Facebook profile-frame link (`facebook.com/profilepicframes/
    ?selected_overlay_id=...`). Facebook withdrew profile frames in 2022 (and shut Meta
    Spark, which hosted them, in January 2025): such a link opens no frame any more. It
    stays a frame's historical campaign link; the QR code should lead to the page where
    the agency publishes the campaign.
    """
    text = url.strip()
    if not re.match(r"(?i)https?://", text):
        text = "http://" + text
    try:
        parts = urllib.parse.urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if not _FACEBOOK_HOSTS.search(host):
        return None
    path = parts.path.lower().rstrip("/")
    query = {key.lower() for key in urllib.parse.parse_qs(parts.query)}
    if path.startswith(_FRAME_PATHS) or query & _FRAME_QUERY:
        return "facebook_frame_link"
    return None


def _link_problems(link: str) -> list[Problem]:
    if not link.strip():
        return [Problem("empty_link", "link")]
    try:
        check_link(link)
    except QRError as error:
        return [Problem(error.code, "link", params={"detail": error.message})]
    return []


# --- the window, text and images --------------------------------------------------------


def _window_problems(frame: Frame) -> list[Problem]:
    problems = []
    x, y, w, h = frame.window.box
    eps = 1e-6
    if x < -eps or y < -eps or x + w > 1 + eps or y + h > 1 + eps:
        problems.append(Problem("window_outside", "window"))
    if min(w, h) < MIN_WINDOW:
        problems.append(
            Problem("window_too_small", "window", params={"size": min(w, h), "minimum": MIN_WINDOW})
        )
    target = frame.face_target
    half_h, half_w = target.height / 2, target.height * FACE_ASPECT / frame.window.aspect / 2
    if not (half_w <= target.center_x <= 1 - half_w and half_h <= target.center_y <= 1 - half_h):
        problems.append(Problem("face_outside", "face"))
    return problems


def missing_characters(font_path: Path, text: str) -> list[str]:
    """Characters of `text` (NFC-normalised, as drawn) the font has no glyph for.

    A missing glyph is drawn as the .notdef box, with the core's text layout.
    """
    font = load_font(font_path, 48)

    def glyph(char: str) -> bytes:
        image = Image.new("L", (96, 96), 0)
        ImageDraw.Draw(image).text((16, 16), char, font=font, fill=255)
        return image.tobytes()

    notdef = glyph(_MISSING_CODEPOINT)
    return sorted({c for c in unicodedata.normalize("NFC", text) if not c.isspace() and glyph(c) == notdef})


def _draw(frame: Frame, index: int, layer: Layer) -> Image.Image | Problem:
    """The layer drawn alone at `CHECK_SIZE`, or the problem that stopped it."""
    canvas = Image.new("RGBA", (CHECK_SIZE, CHECK_SIZE), (0, 0, 0, 0))
    try:
        draw_layer(canvas, layer, frame)
    except FrameStudioError as error:
        text = unicodedata.normalize("NFC", layer.get("text") or "")
        if error.code == "text_too_long" and layer.kind == "arc_text":
            minimum = {"minimum": min_arc_pixels(), "at": ARC_FIT_SIZE}
            return _layer_problem(index, layer, "arc_text_too_long", text=text, **minimum)
        if error.code == "text_too_long":
            return _layer_problem(index, layer, "text_too_wide", text=text)
        return _layer_problem(index, layer, error.code, detail=error.message)
    return canvas


def _text_problems(frame: Frame, index: int, layer: Layer) -> list[Problem]:
    missing = missing_characters(layer.get("font"), layer.get("text"))
    if missing:
        font = layer.get("font").name
        return [_layer_problem(index, layer, "missing_glyphs", font=font, characters=" ".join(missing))]
    canvas = _draw(frame, index, layer)
    if isinstance(canvas, Problem):
        return [canvas]
    alpha = np.asarray(canvas.getchannel("A"))
    ys, xs = np.nonzero(alpha > 32)
    if len(xs):
        centre = CHECK_SIZE / 2
        farthest = float(np.max(np.hypot(xs + 0.5 - centre, ys + 0.5 - centre)))
        if farthest > centre - 1:
            return [_layer_problem(index, layer, "outside_circle")]
    return []


def _image_problems(frame: Frame, index: int, layer: Layer, output_size: int) -> list[Problem]:
    try:
        picture = load_photo(layer.get("file")).image
    except FrameStudioError as error:
        return [_layer_problem(index, layer, error.code, detail=error.message)]
    _, _, w, h = layer.get("box")
    problems = []
    if picture.width < w * output_size or picture.height < h * output_size:
        size = {"width": picture.width, "height": picture.height, "output": output_size}
        problems.append(_layer_problem(index, layer, "image_too_small", **size))
    if not math.isclose(picture.width / picture.height, w / h, rel_tol=0.02):
        problems.append(_layer_problem(index, layer, "image_stretched"))
    canvas = _draw(frame, index, layer)
    if isinstance(canvas, Problem):
        return [*problems, canvas]
    inside = np.asarray(window_mask(frame.window, CHECK_SIZE)) > 250
    alpha = np.asarray(canvas.getchannel("A"))[inside]
    if alpha.size and float(alpha.mean()) > MAX_WINDOW_ALPHA:
        problems.append(_layer_problem(index, layer, "image_covers_window"))
    return problems


# --- the frame ------------------------------------------------------------------------


def frame_problems(frame: Frame, *, output_size: int = 1080, advice: bool = False) -> list[Problem]:
    """Every problem found in a loaded frame (empty when it is fine), in frame.toml's order.

    Args:
        frame: the frame to check.
        output_size: the output size overlay images must be sharp enough for.
        advice: also give advice (after the problems, with `advice` set), such as a
            Facebook profile-frame link that opens nothing any more.
    """
    problems = _window_problems(frame) + _link_problems(frame.link)
    for index, layer in enumerate(frame.layers):
        if layer.kind in {"text", "arc_text"}:
            problems += _text_problems(frame, index, layer)
        elif layer.kind == "image":
            problems += _image_problems(frame, index, layer, output_size)
    if advice and (code := link_advice(frame.link)) is not None:
        problems.append(Problem(code, "link", params={"link": frame.link.strip()}, advice=True))
    return problems


def folder_problems(folder: str | Path, *, output_size: int = 1080, advice: bool = False) -> list[Problem]:
    """Load and check a frame folder; a frame that does not load is one problem.

    The problem of a frame that does not load has the load error's code, no part, and the
    error's English message as `detail`.
    """
    try:
        frame = load_frame(folder)
    except FrameStudioError as error:
        return [Problem(error.code, params={"detail": error.message})]
    return frame_problems(frame, output_size=output_size, advice=advice)


def lint_frame(frame: Frame, *, output_size: int = 1080) -> list[str]:
    """The problems of a loaded frame as English sentences (`frame_problems`, as text)."""
    return [str(problem) for problem in frame_problems(frame, output_size=output_size)]


def check_frame_folder(folder: str | Path, *, output_size: int = 1080) -> list[str]:
    """The problems of a frame folder as English sentences (`folder_problems`, as text)."""
    return [str(problem) for problem in folder_problems(folder, output_size=output_size)]
