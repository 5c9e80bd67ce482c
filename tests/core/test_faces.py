"""YuNet face detection on real portraits, composed group photos and face-free pictures."""

from __future__ import annotations

import hashlib

import pytest
from helpers import group_photo, no_face_image, portrait_image
from PIL import Image

from frame_studio.core.assets import asset_path
from frame_studio.core.faces import MODEL_FILE, detect_faces

MODEL_SHA256 = "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4"


def iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    return w * h / (aw * ah + bw * bh - w * h)


def test_bundled_model_is_the_documented_file() -> None:
    data = asset_path("models", MODEL_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == MODEL_SHA256


@pytest.mark.parametrize("name", ["grace_hopper.jpg", "astronaut.jpg"])
def test_one_face_found_on_a_real_portrait(name: str) -> None:
    image = portrait_image(name)
    faces = detect_faces(image)
    assert len(faces) == 1
    face = faces[0]
    assert face.score >= 0.8
    x, y, w, h = face.box
    # The face is in the upper half and well inside the photo, and its landmarks are in its box.
    assert x >= 0 and x + w <= image.width and 0 <= y < image.height / 2
    assert 0.15 * image.height < h < 0.6 * image.height
    for px, py in face.landmarks:
        assert x <= px <= x + w and y <= py <= y + h


def test_boxes_map_back_to_full_resolution() -> None:
    image = portrait_image("grace_hopper.jpg")
    big = image.resize((image.width * 4, image.height * 4), Image.Resampling.BICUBIC)
    half = big.resize((big.width // 2, big.height // 2), Image.Resampling.BILINEAR)
    on_big = detect_faces(big)[0]
    on_half = detect_faces(half, full_size=big.size)[0]  # a reduced decode, mapped back
    assert iou(on_big.box, on_half.box) > 0.9
    assert on_big.box[2] > image.width  # boxes are in the big photo's pixels, not the detector's


def test_group_photo_has_two_faces_largest_first() -> None:
    faces = detect_faces(group_photo())
    assert len(faces) == 2
    assert faces[0].area >= faces[1].area
    assert faces[0].center[0] != pytest.approx(faces[1].center[0], abs=50)


def test_no_face_in_a_face_free_picture() -> None:
    assert detect_faces(no_face_image()) == []


def test_score_threshold_is_applied() -> None:
    image = portrait_image("astronaut.jpg")
    assert detect_faces(image, score_threshold=0.999) == []
