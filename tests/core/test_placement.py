"""Placement geometry: the rules on purpose-made cases, and invariants with hypothesis."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frame_studio.core.faces import Face
from frame_studio.core.placement import (
    NO_FACE,
    PADDED,
    SEVERAL_FACES,
    FaceTarget,
    Placement,
    PlacementSettings,
    moved,
    padded_fraction,
    place_photo,
    primary_face,
    rotated,
    zoomed,
)


def face(x: float, y: float, w: float, h: float, score: float = 0.9) -> Face:
    """A face box with plausible landmarks (eyes level, a third down the box)."""
    eyes_y = y + h * 0.4
    landmarks = (
        (x + w * 0.3, eyes_y),
        (x + w * 0.7, eyes_y),
        (x + w * 0.5, y + h * 0.6),
        (x + w * 0.35, y + h * 0.8),
        (x + w * 0.65, y + h * 0.8),
    )
    return Face(box=(x, y, w, h), landmarks=landmarks, score=score)


def face_in_window(result_placement: Placement, f: Face, aspect: float = 1.0) -> tuple[float, float, float]:
    """(centre offset from the window centre, face height) in window heights, and 1.0 if inside."""
    wx, wy, ww, wh = result_placement.window_rect(aspect)
    fx, fy, fw, fh = f.box
    inside = wx <= fx and wy <= fy and fx + fw <= wx + ww and fy + fh <= wy + wh
    cx, cy = f.center
    offset = math.hypot(cx - (wx + ww / 2), cy - (wy + wh / 2)) / wh
    return offset, fh / wh, 1.0 if inside else 0.0


def test_centred_face_lands_on_target_at_target_height() -> None:
    f = face(900, 700, 400, 500)
    result = place_photo((2000, 2000), [f])
    offset, height, inside = face_in_window(result.placement, f)
    assert result.flags == ()
    assert offset < 1e-6
    assert height == pytest.approx(0.48)
    assert inside == 1.0
    assert padded_fraction(result.placement, (2000, 2000)) == 0.0


def test_face_target_off_centre_is_respected() -> None:
    f = face(900, 900, 200, 250)
    target = FaceTarget(center_x=0.5, center_y=0.4, height=0.4)
    result = place_photo((3000, 3000), [f], target=target)
    u = (f.center[0] - result.placement.window_rect()[0]) / result.placement.span
    v = (f.center[1] - result.placement.window_rect()[1]) / result.placement.span
    assert (u, v) == (pytest.approx(0.5), pytest.approx(0.4))
    assert f.box[3] / result.placement.span == pytest.approx(0.4)


def test_face_near_top_is_shifted_a_little_or_zoomed_not_padded() -> None:
    # A typical portrait: head near the top of the photo.
    f = face(300, 150, 400, 480)
    result = place_photo((1000, 1400), [f])
    offset, height, inside = face_in_window(result.placement, f)
    assert PADDED not in result.flags
    assert offset <= 0.05 + 1e-9
    assert 0.48 <= height <= 0.70 + 1e-9
    assert inside == 1.0
    assert padded_fraction(result.placement, (1000, 1400)) == 0.0


def test_close_up_that_fills_the_photo_is_padded_and_flagged() -> None:
    f = face(40, 60, 520, 700)
    result = place_photo((600, 800), [f])
    assert PADDED in result.flags
    assert 0 < result.padded_fraction < 1
    offset, height, inside = face_in_window(result.placement, f)
    assert offset <= 0.05 + 1e-9
    assert height == pytest.approx(0.60)
    assert inside == 1.0


def test_no_face_falls_back_to_upper_centre_and_is_flagged() -> None:
    result = place_photo((1000, 2000), [])
    assert result.flags == (NO_FACE,)
    assert result.face is None
    x, y, w, h = result.placement.window_rect()
    assert (w, h) == (1000, 1000)
    assert x == 0
    assert 0 < y < 500  # upper part of a portrait photo


def test_primary_face_is_the_largest_not_cut_by_the_border() -> None:
    cut = face(-80, 100, 400, 400)  # bigger, but sticks out of the photo
    whole = face(600, 200, 300, 300)
    small = face(1200, 200, 100, 100)
    assert primary_face([cut, whole, small], (1600, 1000)) is whole
    assert primary_face([cut], (1600, 1000)) is cut


def test_second_face_of_similar_size_flags_several_faces() -> None:
    a, b = face(100, 300, 300, 300), face(900, 300, 290, 290)
    assert SEVERAL_FACES in place_photo((1600, 1200), [a, b]).flags
    c = face(900, 300, 200, 200)  # under 0.9 of the primary's area
    assert SEVERAL_FACES not in place_photo((1600, 1200), [a, c]).flags


def test_level_head_rotates_to_the_eye_line_within_the_limit() -> None:
    tilted = Face(
        box=(400, 400, 300, 300),
        landmarks=((480, 500), (620, 530), (550, 580), (500, 630), (600, 650)),
        score=0.9,
    )
    expected = math.degrees(math.atan2(30, 140))
    levelled = place_photo((1200, 1200), [tilted], settings=PlacementSettings(level_head=True))
    assert levelled.placement.angle == pytest.approx(expected)
    off = PlacementSettings(level_head=False)
    assert place_photo((1200, 1200), [tilted], settings=off).placement.angle == 0.0
    strict = PlacementSettings(level_head=True, max_level_angle=10)
    assert place_photo((1200, 1200), [tilted], settings=strict).placement.angle == 0.0


photo_sizes = st.tuples(st.integers(64, 6000), st.integers(64, 6000))


@st.composite
def photo_and_face(draw: st.DrawFn) -> tuple[tuple[int, int], Face]:
    width, height = draw(photo_sizes)
    fh = draw(st.floats(8, height))
    fw = min(width, fh * draw(st.floats(0.6, 1.1)))  # real face boxes are about 0.8 as wide as tall
    fx = draw(st.floats(0, width - fw))
    fy = draw(st.floats(0, height - fh))
    return (width, height), face(fx, fy, fw, fh)


@settings(max_examples=300, deadline=None)
@given(photo_and_face(), st.sampled_from([1.0, 0.8, 1.5]))
def test_window_is_covered_unless_padded(case: tuple[tuple[int, int], Face], aspect: float) -> None:
    size, f = case
    result = place_photo(size, [f], aspect=aspect)
    fraction = padded_fraction(result.placement, size, aspect)
    if PADDED in result.flags:
        assert fraction > 0
    else:
        x, y, w, h = result.placement.window_rect(aspect)
        assert x >= -1e-6 and y >= -1e-6
        assert x + w <= size[0] + 1e-6 and y + h <= size[1] + 1e-6
        assert fraction == 0.0


@settings(max_examples=300, deadline=None)
@given(photo_and_face())
def test_face_stays_near_target_and_inside_the_window(case: tuple[tuple[int, int], Face]) -> None:
    size, f = case
    result = place_photo(size, [f])
    offset, height, inside = face_in_window(result.placement, f)
    assert offset <= 0.05 + 1e-6
    assert 0.48 - 1e-6 <= height <= 0.70 + 1e-6
    assert inside == 1.0


@settings(max_examples=200, deadline=None)
@given(photo_and_face())
def test_padding_only_when_no_allowed_region_fits(case: tuple[tuple[int, int], Face]) -> None:
    size, f = case
    result = place_photo(size, [f])
    if PADDED in result.flags:
        assert not tightest_window_fits(size, f)
    else:
        assert padded_fraction(result.placement, size) == 0.0


def tightest_window_fits(size: tuple[int, int], f: Face) -> bool:
    """Whether the tightest allowed zoom (face 0.70 of the window), the one with the best
    chance, fits inside the photo within the allowed shift (0.05 of the window)."""
    span = f.box[3] / 0.70
    if span > size[0] or span > size[1]:
        return False
    cx, cy = f.center
    dx = min(max(cx, span / 2), size[0] - span / 2) - cx
    dy = min(max(cy, span / 2), size[1] - span / 2) - cy
    return math.hypot(dx, dy) <= 0.05 * span * 0.999


@settings(max_examples=200, deadline=None)
@given(
    st.tuples(st.floats(-5000, 5000), st.floats(-5000, 5000)),
    st.floats(1, 5000),
    st.floats(-30, 30),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_placement_never_stretches(
    center: tuple[float, float], span: float, angle: float, u: float, v: float
) -> None:
    placement = Placement(center, span, angle)
    # Moving along the window's width or height covers the same source distance: one scale.
    origin = placement.source_point(0.5, 0.5)
    along_u = placement.source_point(0.5 + 0.25, 0.5)
    along_v = placement.source_point(0.5, 0.5 + 0.25)
    assert math.dist(origin, along_u) == pytest.approx(math.dist(origin, along_v), rel=1e-9)
    assert math.dist(origin, along_u) == pytest.approx(span / 4, rel=1e-9)
    assert origin == pytest.approx(center)


@settings(max_examples=100, deadline=None)
@given(st.floats(-45, 45), st.floats(-0.4, 0.4), st.floats(-0.4, 0.4))
def test_dragging_moves_what_was_under_the_window_centre_with_the_pointer(
    angle: float, dx: float, dy: float
) -> None:
    before = Placement((1000.0, 800.0), 500.0, angle)
    after = moved(before, dx, dy)
    # The source point that was at the window's centre is now under the pointer.
    assert after.source_point(0.5 + dx, 0.5 + dy) == pytest.approx(before.center, abs=1e-6)
    assert (after.span, after.angle) == (before.span, before.angle)


def test_zoom_and_rotate_keep_the_centre() -> None:
    before = Placement((1000.0, 800.0), 500.0, 10.0)
    assert zoomed(before, 2.0).span == 250.0
    assert zoomed(before, 2.0).center == before.center
    assert zoomed(before, 1e9).span == 8.0  # never collapses
    assert rotated(before, 30).angle == pytest.approx(-20.0)
    assert rotated(rotated(before, 200), 160).angle == pytest.approx(10.0)
    assert rotated(before, 30).center == before.center
