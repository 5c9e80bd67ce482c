"""Every bundled frame drawn with Pillow's basic text layout, as on Windows (no fribidi there).

The layout is forced by setting `text_layout.LAYOUT`; the font and overlay caches are
dropped on the way in and out, since they hold what the other layout drew.

How close the basic layout comes to RAQM, measured on the overlays at 540 px (share of
pixels that differ by more than 32 in a channel): badge 0.9%, poster 0 (no text), ribbon
1.8%, ring 2.2%, navy ring 2.3%. Leaving one text layer out of the RAQM overlay changes
0.2% (the badge's "2020 – 2025") to 2.6%, so no whole-image tolerance both accepts the two
layouts and catches a missing line: glyphs move by a pixel or two (different spacing), and
along a whole line that is as many pixels as the line itself. The goldens therefore have
one set per layout (test_frame_goldens.py), and here each text layer is compared with its
RAQM drawing by the amount of ink (measured: within 0.02%) and where it lies (measured:
every edge within 2 px). One dot below (Ạ drawn as A) changes the ink by 0.2-1.1%.
"""

from __future__ import annotations

import contextlib
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from helpers import DATA, run_cli
from PIL import Image, ImageFont

from frame_studio.core import overlay, render, text_layout
from frame_studio.core.assets import asset_path
from frame_studio.core.frames import Frame, Layer, bundled_frames, load_frame
from frame_studio.core.lint import check_frame_folder, lint_frame
from frame_studio.core.overlay import SHAPES, draw_layer, render_overlay

BASIC, RAQM = ImageFont.Layout.BASIC, ImageFont.Layout.RAQM
TEXT_KINDS = {"text", "arc_text"}
FRAMES = bundled_frames()
#: Alpha above which a pixel counts as ink.
INK = 32
#: Basic ink / RAQM ink may differ by this share: 5x the largest measured (0.0002), under
#: a fifth of one missing dot below on the longest line (0.0023).
INK_TOLERANCE = 0.001
#: Each edge of a text layer's ink may move this share of the canvas (5 px at 540; 2 px
#: measured): spacing differs, a glyph more or less (about 15 px) does not pass.
EDGE_TOLERANCE = 0.01
CHECK_SIZE = 540


def _drop_caches() -> None:
    """Forget fonts and overlays drawn with the previous layout."""
    overlay.load_font.cache_clear()
    overlay.render_overlay.cache_clear()
    render._overlay_parts.cache_clear()


@contextlib.contextmanager
def drawn_with(layout: ImageFont.Layout) -> Iterator[None]:
    """Draw text with `layout` inside the block."""
    saved = text_layout.LAYOUT
    text_layout.LAYOUT = layout
    _drop_caches()
    try:
        yield
    finally:
        text_layout.LAYOUT = saved
        _drop_caches()


@pytest.fixture
def basic() -> Iterator[None]:
    """The whole test draws with the basic layout."""
    with drawn_with(BASIC):
        yield


@pytest.fixture
def fonts_loaded(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The layout engine of every font the core loads during the test."""
    engines: list[Any] = []
    real = ImageFont.truetype

    def spy(*args: Any, **kwargs: Any) -> ImageFont.FreeTypeFont:
        engines.append(kwargs.get("layout_engine"))
        return real(*args, **kwargs)

    monkeypatch.setattr(ImageFont, "truetype", spy)
    return engines


def needs_raqm() -> None:
    if text_layout.available_layout() is not RAQM:
        pytest.skip("this Pillow has no RAQM to compare with")


def text_layers(frame: Frame) -> list[tuple[int, Layer]]:
    return [(i, layer) for i, layer in enumerate(frame.layers) if layer.kind in TEXT_KINDS]


def layer_alpha(frame: Frame, layer: Layer, size: int) -> np.ndarray:
    """The alpha of one layer drawn alone on a transparent canvas."""
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw_layer(canvas, layer, frame)
    return np.asarray(canvas.getchannel("A"))


def backing_alpha(frame: Frame, index: int, size: int) -> np.ndarray:
    """The alpha of the shapes drawn before layer `index` (band, ribbon, badge): where text may go."""
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    for layer in frame.layers[:index]:
        if layer.kind in SHAPES:
            draw_layer(canvas, layer, frame)
    return np.asarray(canvas.getchannel("A"))


def ink_box(alpha: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the ink, right and bottom exclusive."""
    ys, xs = np.nonzero(alpha > INK)
    assert len(xs), "no ink at all"
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def with_text(layer: Layer, text: str) -> Layer:
    return Layer(layer.kind, tuple((k, text if k == "text" else v) for k, v in layer.options))


# ---------------------------------------------------------------------------------------
# The layout is chosen once, from Pillow, and never makes Pillow warn
# ---------------------------------------------------------------------------------------


def test_the_layout_follows_what_pillow_offers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImageFont.core, "HAVE_RAQM", False)
    assert text_layout.available_layout() is BASIC
    monkeypatch.setattr(ImageFont.core, "HAVE_RAQM", True)
    assert text_layout.available_layout() is RAQM


@pytest.mark.parametrize("folder", FRAMES, ids=lambda p: p.name)
def test_no_warning_when_pillow_has_no_raqm(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As with Pillow's Windows wheels: drawing and checking a frame warns about nothing."""
    monkeypatch.setattr(ImageFont.core, "HAVE_RAQM", False)
    with pytest.warns(UserWarning, match="Raqm layout was requested"):  # the stand-in works
        ImageFont.truetype(str(asset_path("fonts", "BeVietnamPro-Bold.ttf")), 20, layout_engine=RAQM)
    frame = load_frame(folder)
    with drawn_with(text_layout.available_layout()), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_overlay(frame, 300)
        assert lint_frame(frame) == []
    assert [str(w.message) for w in caught] == []


# ---------------------------------------------------------------------------------------
# Every bundled frame with the basic layout: draws, passes its check, fits, looks like RAQM
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [176, 540, 1080])
@pytest.mark.parametrize("folder", FRAMES, ids=lambda p: p.name)
@pytest.mark.usefixtures("basic")
def test_overlay_draws(folder: Path, size: int, fonts_loaded: list[Any]) -> None:
    frame = load_frame(folder)
    image = render_overlay(frame, size)
    assert (image.mode, image.size) == ("RGBA", (size, size))
    assert set(fonts_loaded) <= {BASIC}
    assert bool(fonts_loaded) == bool(text_layers(frame))


@pytest.mark.parametrize("folder", FRAMES, ids=lambda p: p.name)
@pytest.mark.usefixtures("basic")
def test_frame_passes_its_check(folder: Path) -> None:
    assert check_frame_folder(folder) == []
    assert lint_frame(load_frame(folder), output_size=540) == []


@pytest.mark.parametrize("size", [CHECK_SIZE, 1080])
@pytest.mark.parametrize("folder", FRAMES, ids=lambda p: p.name)
@pytest.mark.usefixtures("basic")
def test_text_stays_on_its_band_and_in_its_box(folder: Path, size: int) -> None:
    """Text stays on the opaque shapes under it, and straight text inside its `max_width` box.

    The shapes under a text layer (ring band, ribbon, badge) are its intended area.
    """
    frame = load_frame(folder)
    for index, layer in text_layers(frame):
        name = layer.get("name")
        ink = layer_alpha(frame, layer, size) > INK
        off = int((ink & (backing_alpha(frame, index, size) < 255)).sum())
        assert off == 0, f"{name}: {off} px of text off its band"
        if layer.kind == "text":
            left, _, right, _ = ink_box(layer_alpha(frame, layer, size))
            centre, half = layer.get("center")[0] * size, layer.get("max_width") * size / 2
            assert centre - half <= left and right <= centre + half, f"{name}: wider than its box"


@pytest.mark.parametrize("folder", FRAMES, ids=lambda p: p.name)
def test_text_has_the_ink_and_place_it_has_with_raqm(folder: Path) -> None:
    needs_raqm()
    frame = load_frame(folder)
    for _, layer in text_layers(frame):
        with drawn_with(RAQM):
            raqm = layer_alpha(frame, layer, CHECK_SIZE)
        with drawn_with(BASIC):
            basic = layer_alpha(frame, layer, CHECK_SIZE)
        name = layer.get("name")
        ink = float(basic.sum(dtype=np.int64)) / float(raqm.sum(dtype=np.int64))
        assert abs(ink - 1) <= INK_TOLERANCE, f"{name}: basic/RAQM ink {ink:.4f}"
        moved = max(abs(a - b) for a, b in zip(ink_box(basic), ink_box(raqm), strict=True))
        assert moved <= EDGE_TOLERANCE * CHECK_SIZE, f"{name}: an edge moved {moved} px"


@pytest.mark.parametrize("folder", FRAMES, ids=lambda p: p.name)
@pytest.mark.usefixtures("basic")
def test_decomposed_text_draws_like_composed(folder: Path) -> None:
    """A frame built in code with NFD text (marks as separate characters) draws as NFC."""
    frame = load_frame(folder)
    nfd = replace(
        frame,
        layers=tuple(
            with_text(layer, unicodedata.normalize("NFD", layer.get("text")))
            if layer.kind in TEXT_KINDS
            else layer
            for layer in frame.layers
        ),
    )
    assert np.array_equal(
        np.asarray(render_overlay(nfd, CHECK_SIZE)), np.asarray(render_overlay(frame, CHECK_SIZE))
    )


# ---------------------------------------------------------------------------------------
# The CLI, in-process, with the basic layout
# ---------------------------------------------------------------------------------------


@pytest.fixture
def cli_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh data folder, so the user's own frames and packs stay out of the test."""
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path / "profile"))


@pytest.mark.usefixtures("basic", "cli_home")
def test_cli_frames_check_passes(capsys: pytest.CaptureFixture[str], fonts_loaded: list[Any]) -> None:
    run = run_cli(capsys, "frames", "check")
    assert (run.code, run.out) == (0, "")
    assert f"{len(FRAMES)} frame(s) checked, 0 problem(s)" in run.err
    assert fonts_loaded and set(fonts_loaded) == {BASIC}


@pytest.mark.usefixtures("basic", "cli_home")
def test_cli_renders_a_real_photo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fonts_loaded: list[Any]
) -> None:
    out = tmp_path / "out"
    run = run_cli(capsys, "render", DATA / "grace_hopper.jpg", "-o", out, "--size", "540")
    assert run.code == 0, run.err
    (written,) = out.iterdir()
    with Image.open(written) as image:
        assert image.size == (540, 540)
    assert fonts_loaded and set(fonts_loaded) == {BASIC}
