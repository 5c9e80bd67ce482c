"""Face detection with YuNet (OpenCV's `FaceDetectorYN`) on a downscaled copy.

YuNet is built for faces of about 10-300 px, so detection runs on a copy of about 640 px
on the long side (big close-ups are lost at full resolution) and the boxes are mapped back
to full-resolution pixels of the upright photo.

Its landmarks there place a face well but do not measure its roll: on a face of about
100 px, turning the photo by 20 degrees barely moves the eye line they give (measured:
errors up to 21 degrees). `refine_landmarks` measures them again on an upright, enlarged
close-up of the face (see docs/decisions/0007-head-levelling.md).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from frame_studio.core.assets import asset_path

if TYPE_CHECKING:
    import cv2  # imported where detection runs: loading the core (the CLI parent) does not need it

MODEL_FILE = "face_detection_yunet_2023mar.onnx"
DETECT_LONG_SIDE = 640
SCORE_THRESHOLD = 0.7
NMS_THRESHOLD = 0.3
#: The face box's long side in the close-up where landmarks are measured again (px).
REFINE_FACE_PX = 280
#: The close-up's side over the face box's long side.
REFINE_CONTEXT = 1.6
#: At most this many rounds of "turn the close-up level, measure what is left".
REFINE_ROUNDS = 3
#: Stop when a round leaves less than this many degrees to turn.
REFINE_TOLERANCE = 0.5
#: A face known to be there is accepted in the close-up from this score.
REFINE_SCORE_THRESHOLD = 0.5
#: A round that leaves less than this many degrees to turn measured the tilt on a nearly
#: level close-up, so to about a degree: a tilt that far outside a caller's band of
#: interest (`refine_landmarks`' `band`) is not measured any closer.
REFINE_SETTLED = 2.0

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
        import cv2

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
    import cv2

    full_w, full_h = full_size or image.size
    ratio = min(1.0, long_side / max(image.size))
    small_size = (max(1, round(image.width * ratio)), max(1, round(image.height * ratio)))
    small = image if image.mode == "RGB" else image.convert("RGB")  # no copy of an RGB photo
    if small_size != image.size:
        factor = detector_reduction(image.size)  # as a JPEG draft for the detector would
        small = small.reduce(factor) if factor > 1 else small
        small = small.resize(small_size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    bgr = cv2.cvtColor(np.asarray(small), cv2.COLOR_RGB2BGR)
    return _detect_bgr(bgr, score_threshold, (full_w / small_size[0], full_h / small_size[1]))


def _detect_bgr(
    bgr: np.ndarray, score_threshold: float, scale: tuple[float, float] = (1.0, 1.0)
) -> list[Face]:
    """Faces in a BGR array as the detector sees it, their pixels multiplied by `scale`."""
    detector = _detector()
    detector.setInputSize((bgr.shape[1], bgr.shape[0]))
    detector.setScoreThreshold(score_threshold)
    _, rows = detector.detect(bgr)
    if rows is None:
        return []
    sx, sy = scale
    faces = []
    for row in rows:
        x, y, w, h = (float(v) for v in row[:4])
        points = tuple((float(row[4 + 2 * i]) * sx, float(row[5 + 2 * i]) * sy) for i in range(5))
        box = (x * sx, y * sy, w * sx, h * sy)
        faces.append(Face(box=box, landmarks=points, score=float(row[14])))
    return sorted(faces, key=lambda face: face.area, reverse=True)


def eye_line_angle(landmarks: tuple[tuple[float, float], ...]) -> float:
    """The slope of the line from the right eye to the left eye, in degrees.

    Positive when the eye on the viewer's right is lower (the line is turned clockwise, y
    pointing down); a placement with this `angle` shows the eyes level.
    """
    (rx, ry), (lx, ly) = landmarks[0], landmarks[1]
    return math.degrees(math.atan2(ly - ry, lx - rx))


Point = tuple[float, float]


def _close_up(
    bgr: np.ndarray, center: Point, side: float, angle: float, out: int
) -> tuple[np.ndarray, Callable[[Point], Point]]:
    """A square close-up of `out` px around `center` (pixels of `bgr`), turned by `angle`.

    Returns the close-up and the map from its pixels back to those of `bgr`. A close-up
    much smaller than the region it shows is cut from a copy reduced by area first, so the
    turn does not alias.
    """
    import cv2

    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    reach = side * (abs(cos) + abs(sin)) / 2 + 2
    height, width = bgr.shape[:2]
    left, top = max(0, math.floor(center[0] - reach)), max(0, math.floor(center[1] - reach))
    right = min(width, math.ceil(center[0] + reach))
    bottom = min(height, math.ceil(center[1] + reach))
    region = bgr[top:bottom, left:right]
    ratio = side / out  # region pixels per close-up pixel
    shrink = 1.0
    if ratio > 2:
        reduced = (max(1, round(region.shape[1] / ratio)), max(1, round(region.shape[0] / ratio)))
        shrink = region.shape[1] / reduced[0]
        region = cv2.resize(region, reduced, interpolation=cv2.INTER_AREA)
    k = ratio / shrink
    cx, cy = (center[0] - left) / shrink, (center[1] - top) / shrink
    a, b, d, e = k * cos, -k * sin, k * sin, k * cos
    c, f = cx - (a + b) * out / 2, cy - (d + e) * out / 2
    matrix = np.array([[a, b, c], [d, e, f]], dtype=np.float64)
    flags = cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP  # the matrix maps close-up -> region
    close_up = cv2.warpAffine(region, matrix, (out, out), flags=flags, borderMode=cv2.BORDER_REPLICATE)

    def to_source(point: Point) -> Point:
        u, v = point
        return (left + (a * u + b * v + c) * shrink, top + (d * u + e * v + f) * shrink)

    return close_up, to_source


def _central_face(bgr: np.ndarray) -> Face | None:
    """The face nearest the middle of a close-up, if any."""
    found = _detect_bgr(bgr, REFINE_SCORE_THRESHOLD)
    middle = (bgr.shape[1] / 2, bgr.shape[0] / 2)
    return min(found, key=lambda face: math.dist(face.center, middle)) if found else None


def _symmetric_landmarks(close_up: np.ndarray) -> tuple[Point, ...] | None:
    """Landmarks in a close-up, averaged with those found in its mirror image.

    The detector leans a little to one side; what it finds in the mirror image, mirrored
    back (so the eyes and the mouth corners swap), leans to the other, and the mean cancels it.
    """
    face = _central_face(close_up)
    if face is None:
        return None
    mirrored = _central_face(np.ascontiguousarray(close_up[:, ::-1]))
    if mirrored is None:
        return face.landmarks
    edge = close_up.shape[1] - 1
    back = [(edge - x, y) for x, y in mirrored.landmarks]
    back = [back[1], back[0], back[2], back[4], back[3]]
    return tuple(
        ((x1 + x2) / 2, (y1 + y2) / 2) for (x1, y1), (x2, y2) in zip(face.landmarks, back, strict=True)
    )


def detector_reduction(size: tuple[int, int]) -> int:
    """The power of two (1 to 8) that reduces an image of `size` as a JPEG draft for the
    detector would: as far as keeps at least `DETECT_LONG_SIDE` px on the long side."""
    factor = 1
    while factor < 8 and max(size) // (2 * factor) >= DETECT_LONG_SIDE:
        factor *= 2
    return factor


def refine_landmarks(
    image: Image.Image,
    face: Face,
    *,
    full_size: tuple[int, int] | None = None,
    band: tuple[float, float] | None = None,
) -> Face:
    """The face with its landmarks measured again on a level, enlarged close-up.

    The close-up (about 280 px of face) is turned by the current estimate of the eye line,
    so the detector sees an upright face, where it is precise; what is left of the tilt
    there is added to the estimate, and this repeats until under half a degree (at most
    three rounds). Each round measures the close-up and its mirror image (see
    `_symmetric_landmarks`). The box and score stay as they were. The close-up is cut from
    the face's surroundings reduced as the detector's JPEG draft would be
    (`detector_reduction`): a larger decode of the photo gives the same result, faster.

    Args:
        image: the photo the face was found in (it may be a reduced decode of it).
        face: the face, in full-resolution pixels.
        full_size: the photo's full-resolution size (default: the image's own).
        band: (least, most) absolute tilt, in degrees, the caller acts on (head levelling
            turns tilts of 5 to 20 degrees only). Once a round that left under
            `REFINE_SETTLED` degrees puts the tilt that far outside the band, the rounds
            stop: measuring it closer would change nothing the caller does.

    Returns:
        A new face whose landmarks give its roll to about a degree (or, with `band`, show
        it is well outside the band); the face unchanged when the close-up shows no face.
    """
    full_w, full_h = full_size or image.size
    k = detector_reduction(image.size)
    sx, sy = image.width / full_w / k, image.height / full_h / k  # pixels of the reduced copy
    x, y, w, h = face.box
    side = max(w * sx, h * sy) * REFINE_CONTEXT
    reach = side * math.sqrt(0.5) + 2  # what a close-up turned any way can show
    cx, cy = (x + w / 2) * sx, (y + h / 2) * sy
    left, top = max(0, math.floor(cx - reach)), max(0, math.floor(cy - reach))
    right = min(math.ceil(image.width / k), math.ceil(cx + reach))
    bottom = min(math.ceil(image.height / k), math.ceil(cy + reach))
    if right <= left or bottom <= top:
        return face
    import cv2

    region = image.crop((left * k, top * k, min(image.width, right * k), min(image.height, bottom * k)))
    region = region.reduce(k) if k > 1 else region
    bgr = cv2.cvtColor(np.asarray(region.convert("RGB")), cv2.COLOR_RGB2BGR)
    center = (cx - left, cy - top)
    out = round(REFINE_FACE_PX * REFINE_CONTEXT)
    angle = eye_line_angle(face.landmarks)
    landmarks: tuple[Point, ...] | None = None
    for _ in range(REFINE_ROUNDS):
        close_up, to_source = _close_up(bgr, center, side, angle, out)
        found = _symmetric_landmarks(close_up)
        if found is None:
            break
        landmarks = tuple(((left + px) / sx, (top + py) / sy) for px, py in map(to_source, found))
        residual = eye_line_angle(found)
        angle += residual
        if abs(residual) < REFINE_TOLERANCE or (abs(residual) < REFINE_SETTLED and _outside(angle, band)):
            break
    return face if landmarks is None else replace(face, landmarks=landmarks)


def _outside(angle: float, band: tuple[float, float] | None) -> bool:
    """Whether a tilt is more than `REFINE_SETTLED` degrees outside a band of absolute tilts."""
    if band is None:
        return False
    least, most = band
    return abs(angle) < least - REFINE_SETTLED or abs(angle) > most + REFINE_SETTLED
