"""The review verdict (core/review.py) on real photos framed by the real pipeline.

Thresholds under test (docs/decisions/0008-review-verdict.md): with the ring frame
(window 0.75 of the avatar) `low_resolution` needs a person below 0.75 * 400 / 2 = 150
source pixels across the window; `padded` from 13 % of the window's circle filled.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import no_face_image, portrait_image
from PIL import Image, ImageOps

from frame_studio.core.frames import Frame, frames_dir, load_frame
from frame_studio.core.pipeline import Framed, analyse, frame_photo
from frame_studio.core.placement import LOW_RESOLUTION, NO_FACE, PADDED, SEVERAL_FACES, Placement
from frame_studio.core.review import Verdict, fill_share, judge

SOFT_SPAN = 150  # the ring frame's threshold: 0.75 * SHOWN_PX / MAX_SHOWN_UPSCALE


@pytest.fixture(scope="module")
def ring() -> Frame:
    return load_frame(frames_dir() / "congress-ring")


def framed(image: Image.Image, path: Path, frame: Frame) -> Framed:
    """`image` saved as a JPEG and framed at 1080 px, as the CLI and the batch do."""
    image.save(path, quality=95)
    return frame_photo(path, frame, size=1080)


def verdict(result: Framed, frame: Frame) -> Verdict:
    """The verdict `outcome.framed_result` gives this output."""
    return judge(result.flags, result.placement, result.analysis.photo.full_size, frame)


def hopper_with_span(span: float, frame: Frame, tmp_path: Path) -> Image.Image:
    """Grace Hopper's portrait shrunk so that about `span` pixels cross the window."""
    image = portrait_image()
    image.save(tmp_path / "probe.jpg", quality=95)
    factor = span / analyse(tmp_path / "probe.jpg", frame).result.placement.span
    return image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)


def hopper_cut_left(offset: float, frame: Frame, tmp_path: Path) -> Image.Image:
    """Grace Hopper's portrait cut on the left at the face's left edge + `offset` face widths."""
    image = portrait_image()
    image.save(tmp_path / "probe.jpg", quality=95)
    face = analyse(tmp_path / "probe.jpg", frame).result.face
    assert face is not None
    left = round(face.box[0] + offset * face.box[2])
    return image.crop((left, 0, image.width, image.height))


def test_no_face_always_needs_review(ring: Frame, tmp_path: Path) -> None:
    result = framed(no_face_image(), tmp_path / "wall.jpg", ring)
    assert result.flags == (NO_FACE,)  # sharp and unpadded: nothing else to review
    assert verdict(result, ring) == Verdict(True, (NO_FACE,))


def test_several_faces_always_needs_review(ring: Frame, tmp_path: Path) -> None:
    left = portrait_image()
    pair = Image.new("RGB", (left.width * 2, left.height))
    pair.paste(left, (0, 0))
    pair.paste(ImageOps.mirror(left), (left.width, 0))
    result = framed(pair, tmp_path / "pair.jpg", ring)
    assert result.flags == (SEVERAL_FACES,)
    assert verdict(result, ring) == Verdict(True, (SEVERAL_FACES,))


def test_low_resolution_needs_review_only_when_soft_on_a_phone(ring: Frame, tmp_path: Path) -> None:
    above = framed(hopper_with_span(175, ring, tmp_path), tmp_path / "above.jpg", ring)
    below = framed(hopper_with_span(125, ring, tmp_path), tmp_path / "below.jpg", ring)
    assert SOFT_SPAN < above.placement.span < 200 and 100 < below.placement.span < SOFT_SPAN
    assert above.flags == below.flags == (LOW_RESOLUTION,)  # both enlarged over 2x at 1080 px
    assert verdict(above, ring) == Verdict(False, ())  # an information badge only
    assert verdict(below, ring) == Verdict(True, (LOW_RESOLUTION,))


def test_soft_threshold_follows_the_windows_size(ring: Frame, tmp_path: Path) -> None:
    result = framed(hopper_with_span(175, ring, tmp_path), tmp_path / "above.jpg", ring)
    assert SOFT_SPAN < result.placement.span < 200
    full_window = load_frame(frames_dir() / "congress-ribbon")  # window 1.0: threshold 200
    size = result.analysis.photo.full_size
    assert judge(result.flags, result.placement, size, full_window) == Verdict(True, (LOW_RESOLUTION,))


def test_padded_needs_review_only_when_the_fill_is_seen(ring: Frame, tmp_path: Path) -> None:
    thin = framed(hopper_cut_left(-0.1, ring, tmp_path), tmp_path / "thin.jpg", ring)
    wide = framed(hopper_cut_left(0.0, ring, tmp_path), tmp_path / "wide.jpg", ring)
    thin_share = fill_share(thin.placement, thin.analysis.photo.full_size, ring)
    wide_share = fill_share(wide.placement, wide.analysis.photo.full_size, ring)
    assert 0.10 < thin_share < 0.13 < wide_share < 0.20
    assert PADDED in thin.flags and PADDED in wide.flags
    assert verdict(thin, ring) == Verdict(False, ())
    assert verdict(wide, ring) == Verdict(True, (PADDED,))


def test_reasons_are_the_flags_needing_review_in_flag_order(ring: Frame, tmp_path: Path) -> None:
    cut = hopper_cut_left(0.0, ring, tmp_path)
    small = cut.resize((cut.width // 4, cut.height // 4), Image.Resampling.LANCZOS)
    result = framed(small, tmp_path / "small.jpg", ring)
    assert result.flags == (PADDED, LOW_RESOLUTION)
    assert verdict(result, ring) == Verdict(True, (PADDED, LOW_RESOLUTION))


def test_fill_share_counts_only_what_the_circle_shows(ring: Frame) -> None:
    # Grace Hopper's 512x600 photo under a window 560 px across: 48 px of the square box
    # are outside the photo, but the circle loses only two thin caps.
    placement = Placement(center=(256.0, 300.0), span=560.0)
    full_window = load_frame(frames_dir() / "congress-ribbon")
    assert fill_share(placement, (512, 600), ring) == pytest.approx(0.031, abs=0.005)
    assert fill_share(placement, (512, 600), full_window) == pytest.approx(48 / 560, abs=0.005)
