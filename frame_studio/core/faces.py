"""Face detection with YuNet (OpenCV's `FaceDetectorYN`) on a downscaled copy.

YuNet is built for faces of about 10-300 px, so detection runs on a copy of about 640 px
on the long side (big close-ups are lost at full resolution) and the boxes are mapped back
to full-resolution pixels of the upright photo.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from frame_studio.core.assets import asset_path

MODEL_FILE = "face_detection_yunet_2023mar.onnx"
DETECT_LONG_SIDE = 640
SCORE_THRESHOLD = 0.7
NMS_THRESHOLD = 0.3

_local = threading.local()


@dataclass(frozen=True)
class Face:
    """One detected face, in full-resolution pixels of the upright photo.

    Attributes:
        box: (x, y, width, height) of the detector's box.
        landmarks: five (x, y) points: right eye, left eye, nose tip, mouth corners
            (right and left), as YuNet orders them (from the viewer's side: the person's
            right eye is on the viewer's left).
        score: detector confidence, 0 to 1.
    """

    box: tuple[float, float, float, float]
    landmarks: tuple[tuple[float, float], ...]
    score: float

    @property
    def area(self) -> float:
        """The box's area in square pixels."""
        return self.box[2] * self.box[3]

    @property
    def center(self) -> tuple[float, float]:
        """The centre of the box."""
        x, y, w, h = self.box
        return (x + w / 2, y + h / 2)


def _detector() -> cv2.FaceDetectorYN:
    """Return this thread's YuNet detector (OpenCV detectors are not thread-safe)."""
    detector = getattr(_local, "detector", None)
    if detector is None:
        model = asset_path("models", MODEL_FILE)
        if not model.is_file():
            raise FileNotFoundError(f"{model}: the face detection model is missing")
        detector = cv2.FaceDetectorYN.create(str(model), "", (320, 320), SCORE_THRESHOLD, NMS_THRESHOLD, 5000)
        _local.detector = detector
    return detector


def detect_faces(
    image: Image.Image,
    *,
    full_size: tuple[int, int] | None = None,
    long_side: int = DETECT_LONG_SIDE,
    score_threshold: float = SCORE_THRESHOLD,
) -> list[Face]:
    """Find faces in an upright RGB(A) image.

    Args:
        image: the photo (it may already be a reduced decode of it).
        full_size: the photo's full-resolution size; boxes are returned in those pixels.
            Defaults to the image's own size.
        long_side: the long side of the copy the detector sees.
        score_threshold: faces scoring below this are dropped.

    Returns:
        Faces sorted by area, largest first.
    """
    full_w, full_h = full_size or image.size
    ratio = min(1.0, long_side / max(image.size))
    small_size = (max(1, round(image.width * ratio)), max(1, round(image.height * ratio)))
    small = image.convert("RGB")
    if small_size != image.size:
        small = small.resize(small_size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    bgr = cv2.cvtColor(np.asarray(small), cv2.COLOR_RGB2BGR)
    detector = _detector()
    detector.setInputSize(small_size)
    detector.setScoreThreshold(score_threshold)
    _, rows = detector.detect(bgr)
    if rows is None:
        return []
    sx, sy = full_w / small_size[0], full_h / small_size[1]
    faces = []
    for row in rows:
        x, y, w, h = (float(v) for v in row[:4])
        points = tuple((float(row[4 + 2 * i]) * sx, float(row[5 + 2 * i]) * sy) for i in range(5))
        box = (x * sx, y * sy, w * sx, h * sy)
        faces.append(Face(box=box, landmarks=points, score=float(row[14])))
    return sorted(faces, key=lambda face: face.area, reverse=True)
