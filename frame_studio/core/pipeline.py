"""The whole path for one photo: load -> detect -> place -> compose.

The CLI, the batch and the GUI all go through here. A photo is decoded once, as large as
its output needs when the window spans the photo's short side (a JPEG draft: 1/2 scale for
most phone photos); the detector's 640 px copy is made from that decode, and the output is
composed from it too. Only a placement that zooms in further (a small face) decodes the
photo again, at the draft that placement needs.
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

#: The output size (px) analyses decode for unless told otherwise: the usual avatar.
DEFAULT_SIZE = 1080


@dataclass(frozen=True)
class Analysis:
    """What was found in a photo before any output is drawn.

    Attributes:
        photo: the decode detection ran on, also good for the output unless the placement
            zooms in further (`photo_for_output`); `photo.full_size` is the full resolution.
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


def analyse(
    path: str | Path, frame: Frame, *, settings: PlacementSettings | None = None, size: int = DEFAULT_SIZE
) -> Analysis:
    """Decode the photo once (`decode_for`, for an output of `size` px), find the faces on a
    640 px copy of that decode and compute the automatic placement.

    With head levelling on (`settings.level_head`, default `LEVEL_HEAD_DEFAULT`), the
    primary face's landmarks are measured again on a level close-up
    (`faces.refine_landmarks`), so that its roll is right to about a degree.

    Raises:
        ImageLoadError: the photo cannot be opened.
    """
    settings = settings or PlacementSettings()
    photo = decode_for(path, frame, size)
    faces = detect_faces(photo.image, full_size=photo.full_size)
    if settings.level_head:
        faces = refine_primary_face(photo, faces, settings=settings)
    return Analysis(photo, faces, place_in_frame(photo.full_size, faces, frame, settings=settings))


def decode_for(path: str | Path, frame: Frame, size: int = DEFAULT_SIZE) -> LoadedPhoto:
    """The photo decoded as an output of `size` needs when the window spans its short side.

    At least the detector's input too. For a 12 MP phone photo and a 1080 px output that is
    the JPEG draft at 1/2 scale.

    Raises:
        ImageLoadError: the photo cannot be opened.
    """
    least_short_side = math.ceil(window_pixels(frame, size))
    return load_photo(path, min_long_side=DETECT_LONG_SIDE, min_short_side=least_short_side)


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
    before placing again. See `faces.refine_landmarks`; about 30-100 ms. A tilt found to be
    well outside the band levelling turns (`settings.level_dead_zone` to
    `settings.max_level_angle`) is not measured any closer: its placement is not turned.
    """
    settings = settings or PlacementSettings()
    primary = primary_face(faces, photo.full_size, border_tolerance=settings.border_tolerance)
    if primary is None:
        return list(faces)
    band = (settings.level_dead_zone, settings.max_level_angle)  # the tilts levelling turns
    refined = refine_landmarks(photo.image, primary, full_size=photo.full_size, band=band)
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


def photo_for_output(
    path: str | Path, analysis: Analysis, placement: Placement, frame: Frame, size: int
) -> LoadedPhoto:
    """The analysis's decode if it has the pixels `placement` needs at `size`, else a larger one.

    Nothing is upscaled when the source has the pixels: the photo is decoded again at the
    least JPEG draft that gives the window at least one source pixel per output pixel.
    """
    needed_scale = window_pixels(frame, size) / placement.span
    photo = analysis.photo
    if photo.scale < min(1.0, needed_scale):
        photo = load_photo(path, min_long_side=math.ceil(max(photo.full_size) * needed_scale))
    return photo


def preview_reduction(photo: LoadedPhoto, placement: Placement, frame: Frame, size: int) -> int:
    """How many times (1, 2, 4 or 8) `photo` may be reduced for a `size` px preview of
    `placement` with nothing that shows upscaled: the analysis's decode is made for the
    export, and a smaller preview drawn from all of it would be slower for nothing."""
    needed_scale = window_pixels(frame, size) / placement.span
    factor = 1
    while factor < 8 and photo.scale / (2 * factor) >= needed_scale:
        factor *= 2
    return factor


def frame_photo(
    path: str | Path,
    frame: Frame,
    *,
    size: int = DEFAULT_SIZE,
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
    analysis = analysis or analyse(path, frame, settings=settings, size=size)
    placement = placement or analysis.result.placement
    image = compose(photo_for_output(path, analysis, placement, frame, size), placement, frame, size=size)
    return Framed(image, analysis, placement, output_flags(analysis, placement, frame, size))
