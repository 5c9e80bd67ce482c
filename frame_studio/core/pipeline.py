"""The whole path for one photo: load -> detect -> place -> compose.

The CLI, the batch and the GUI all go through here. Detection runs on a small decode;
the output is composed from a decode only as large as the output needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from frame_studio.core.faces import DETECT_LONG_SIDE, Face, detect_faces, refine_landmarks
from frame_studio.core.frames import Frame
from frame_studio.core.images import LoadedPhoto, load_photo
from frame_studio.core.placement import (
    LOW_RESOLUTION,
    Placement,
    PlacementResult,
    PlacementSettings,
    is_low_resolution,
    place_photo,
    primary_face,
)
from frame_studio.core.render import compose


@dataclass(frozen=True)
class Analysis:
    """What was found in a photo before any output is drawn.

    Attributes:
        photo: the small decode used for detection (also good for previews).
        faces: all faces found, largest first, in full-resolution pixels.
        result: the automatic placement and its flags.
    """

    photo: LoadedPhoto
    faces: list[Face]
    result: PlacementResult


@dataclass(frozen=True)
class Framed:
    """A framed avatar and how it was made."""

    image: Image.Image
    analysis: Analysis
    placement: Placement
    flags: tuple[str, ...]


def analyse(path: str | Path, frame: Frame, *, settings: PlacementSettings | None = None) -> Analysis:
    """Decode a small copy, find the faces and compute the automatic placement.

    With head levelling on (`settings.level_head`, default `LEVEL_HEAD_DEFAULT`), the
    primary face's landmarks are measured again on a level close-up
    (`faces.refine_landmarks`), so that its roll is right to about a degree.

    Raises:
        ImageLoadError: the photo cannot be opened.
    """
    settings = settings or PlacementSettings()
    photo = load_photo(path, min_long_side=DETECT_LONG_SIDE)
    faces = detect_faces(photo.image, full_size=photo.full_size)
    if settings.level_head:
        faces = refine_primary_face(photo, faces, settings=settings)
    return Analysis(photo, faces, place_in_frame(photo.full_size, faces, frame, settings=settings))


def place_in_frame(
    size: tuple[int, int], faces: list[Face], frame: Frame, *, settings: PlacementSettings | None = None
) -> PlacementResult:
    """The automatic placement of a photo of `size` with `faces` under `frame`'s window."""
    return place_photo(size, faces, aspect=frame.window.aspect, target=frame.face_target, settings=settings)


def refine_primary_face(
    photo: LoadedPhoto, faces: list[Face], *, settings: PlacementSettings | None = None
) -> list[Face]:
    """The faces, the primary one with its landmarks measured again for head levelling.

    `analyse` does this when levelling is on; a caller that analysed with it off and turns
    it on later (the Photo workspace's toggle) calls it on the analysis's photo and faces
    before placing again. See `faces.refine_landmarks`; about 50-100 ms.
    """
    settings = settings or PlacementSettings()
    primary = primary_face(faces, photo.full_size, border_tolerance=settings.border_tolerance)
    if primary is None:
        return list(faces)
    refined = refine_landmarks(photo.image, primary, full_size=photo.full_size)
    return [refined if face is primary else face for face in faces]


def window_pixels(frame: Frame, size: int) -> float:
    """The window's height in output pixels."""
    return frame.window.box[3] * size


def output_flags(analysis: Analysis, placement: Placement, frame: Frame, size: int) -> tuple[str, ...]:
    """The automatic placement's flags, and `low_resolution` if `placement` would be soft at `size`."""
    flags = [flag for flag in analysis.result.flags if flag != LOW_RESOLUTION]
    if is_low_resolution(placement, window_pixels(frame, size)):
        flags.append(LOW_RESOLUTION)
    return tuple(flags)


def frame_photo(
    path: str | Path,
    frame: Frame,
    *,
    size: int = 1080,
    analysis: Analysis | None = None,
    placement: Placement | None = None,
    settings: PlacementSettings | None = None,
) -> Framed:
    """Frame one photo.

    Args:
        path: the photo file.
        frame: the frame template.
        size: output width and height in pixels.
        analysis: a previous `analyse` of the same file, to skip detection.
        placement: a placement chosen by hand; None uses the automatic one.
        settings: the automatic placement's tuning (head levelling...), when `analysis`
            is not given.

    Raises:
        ImageLoadError: the photo cannot be opened.
        FrameError: the frame cannot be drawn.
    """
    analysis = analysis or analyse(path, frame, settings=settings)
    placement = placement or analysis.result.placement
    needed_scale = window_pixels(frame, size) / placement.span
    photo = analysis.photo
    if photo.scale < min(1.0, needed_scale):
        photo = load_photo(path, min_long_side=math.ceil(max(photo.full_size) * needed_scale))
    image = compose(photo, placement, frame, size=size)
    return Framed(image, analysis, placement, output_flags(analysis, placement, frame, size))
