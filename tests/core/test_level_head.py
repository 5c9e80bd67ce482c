"""Head levelling on real photos with the real detector: tilted heads are turned level, upright ones are not.

The photos are the committed portraits, turned with Pillow by a known angle (expanded, then
cut back to the largest centred box of their shape), as a phone held askew would take them.
Whether the avatar's face is level is measured by detecting the face again in the avatar.
See docs/decisions/0007-head-levelling.md and benchmarks/level_head.py for the figures.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from helpers import portrait_image, turned
from PIL import Image

from frame_studio.core.faces import Face, detect_faces, eye_line_angle, refine_landmarks
from frame_studio.core.frames import find_frame
from frame_studio.core.pipeline import analyse, frame_photo
from frame_studio.core.placement import (
    LEVEL_DEAD_ZONE,
    LEVEL_HEAD_DEFAULT,
    MAX_LEVEL_ANGLE,
    PlacementSettings,
    place_photo,
)

ON = PlacementSettings(level_head=True)
OFF = PlacementSettings(level_head=False)
RAW = PlacementSettings(level_head=True, level_dead_zone=0.0, max_level_angle=90.0)
PHOTOS = ("grace_hopper.jpg", "astronaut.jpg")


def save(image: Image.Image, path: Path) -> Path:
    image.save(path)
    return path


def eye_line_in(avatar: Image.Image) -> float:
    """The eye line (degrees) of the face in a framed avatar, measured as levelling measures it."""
    faces = detect_faces(avatar)
    assert faces, "no face in the avatar"
    return eye_line_angle(refine_landmarks(avatar, faces[0]).landmarks)


@pytest.mark.parametrize(("name", "turn"), [("grace_hopper.jpg", 12), ("astronaut.jpg", -12)])
def test_a_head_turned_12_degrees_is_levelled(tmp_path: Path, name: str, turn: int) -> None:
    frame = find_frame()
    upright = save(portrait_image(name), tmp_path / "upright.png")
    tilted = save(turned(portrait_image(name), turn), tmp_path / "tilted.png")
    own = analyse(upright, frame, settings=RAW).result.placement.angle  # the person's own slight tilt

    framed = frame_photo(tilted, frame, size=540, settings=ON)

    angle = framed.placement.angle
    assert abs(angle) >= 5, angle
    assert angle - own == pytest.approx(turn, abs=2.0), (angle, own)
    assert abs(eye_line_in(framed.image)) < 2.5
    unlevelled = frame_photo(tilted, frame, size=540, settings=OFF)
    assert abs(eye_line_in(unlevelled.image)) > 7  # the check above can fail


@pytest.mark.parametrize("name", PHOTOS)
def test_an_upright_head_is_left_alone(tmp_path: Path, name: str) -> None:
    photo = save(portrait_image(name), tmp_path / name)
    result = analyse(photo, find_frame(), settings=ON).result
    assert abs(result.placement.angle) < 2
    assert result.placement == analyse(photo, find_frame(), settings=OFF).result.placement


def test_levelling_off_means_angle_zero(tmp_path: Path) -> None:
    tilted = save(turned(portrait_image("grace_hopper.jpg"), 12), tmp_path / "tilted.png")
    assert analyse(tilted, find_frame(), settings=OFF).result.placement.angle == 0.0
    assert frame_photo(tilted, find_frame(), size=256, settings=OFF).placement.angle == 0.0


def test_the_refined_eye_line_follows_a_turn_that_the_detector_alone_misses() -> None:
    """YuNet's own landmarks on a face of ~90 px read a 12 degree turn as a few degrees."""
    upright, tilted = portrait_image("astronaut.jpg"), turned(portrait_image("astronaut.jpg"), 12)
    plain = [eye_line_angle(detect_faces(image)[0].landmarks) for image in (upright, tilted)]
    refined = [
        eye_line_angle(refine_landmarks(image, detect_faces(image)[0]).landmarks)
        for image in (upright, tilted)
    ]
    assert refined[1] - refined[0] == pytest.approx(12, abs=2.0), refined
    assert abs(plain[1] - plain[0] - 12) > 4, plain  # why refining exists


def test_refined_landmarks_are_in_full_resolution_pixels() -> None:
    """Detected on a reduced copy, refined landmarks land where the full-size ones would."""
    photo = portrait_image("grace_hopper.jpg")
    small = photo.resize((photo.width // 2, photo.height // 2), Image.Resampling.LANCZOS)
    face = detect_faces(small, full_size=photo.size)[0]
    refined = refine_landmarks(small, face, full_size=photo.size)
    full = refine_landmarks(photo, detect_faces(photo)[0])
    assert refined.box == face.box and refined.score == face.score
    for (x, y), (fx, fy) in zip(refined.landmarks, full.landmarks, strict=True):
        assert math.dist((x, y), (fx, fy)) < 0.02 * face.box[3]


def synthetic(tilt: float) -> Face:
    """A face whose eyes are 140 px apart with the line between them turned `tilt` degrees."""
    dx, dy = 70 * math.cos(math.radians(tilt)), 70 * math.sin(math.radians(tilt))
    return Face(
        box=(400, 400, 300, 300),
        landmarks=((550 - dx, 500 - dy), (550 + dx, 500 + dy), (550, 580), (500, 630), (600, 630)),
        score=0.9,
    )


def test_small_and_large_tilts_are_left_alone() -> None:
    def angle(tilt: float) -> float:
        return place_photo((1200, 1200), [synthetic(tilt)], settings=ON).placement.angle

    assert angle(LEVEL_DEAD_ZONE - 0.5) == 0.0
    assert angle(-(LEVEL_DEAD_ZONE - 0.5)) == 0.0
    assert angle(LEVEL_DEAD_ZONE + 1) == pytest.approx(LEVEL_DEAD_ZONE + 1)
    assert angle(-12) == pytest.approx(-12)
    assert angle(MAX_LEVEL_ANGLE + 1) == 0.0


def test_the_default_is_the_settings_default() -> None:
    assert PlacementSettings().level_head is LEVEL_HEAD_DEFAULT
