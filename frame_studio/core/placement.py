"""Face-centred placement: pure geometry, no pixels.

A `Placement` says which part of the upright source photo shows in the frame's window:
the source point at the window's centre, how many source pixels span the window's height,
and the rotation. It never stretches: one scale for both axes. The GUI edits this value and
the renderer applies it, so what the user sees is what is exported.

`place_photo` computes it from the faces: the primary face's box centre goes on the
frame's face target at the target height; near a border it shifts a little, then zooms in
a little, and where no region inside the photo works it pads (flag `padded`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from frame_studio.core.faces import Face, eye_line_angle

#: Whether head levelling is on unless the user says otherwise (CLI `--[no-]level-head`,
#: the Photo workspace's toggle, `BatchSettings.level_head`); measured, see
#: docs/decisions/0007-head-levelling.md.
LEVEL_HEAD_DEFAULT = True
#: Tilts smaller than this (degrees) are left alone: the person's own pose, or noise.
LEVEL_DEAD_ZONE = 5.0
#: Tilts larger than this (degrees) are left alone: a pose, or a misread face.
MAX_LEVEL_ANGLE = 20.0

NO_FACE = "no_face"
SEVERAL_FACES = "several_faces"
PADDED = "padded"
LOW_RESOLUTION = "low_resolution"


@dataclass(frozen=True)
class FaceTarget:
    """Where the face goes, as fractions of the window.

    Attributes:
        center_x: horizontal position of the face box's centre (0 = left edge).
        center_y: vertical position of the face box's centre (0 = top edge).
        height: the face box's height over the window's height.
    """

    center_x: float = 0.5
    center_y: float = 0.5
    height: float = 0.48


@dataclass(frozen=True)
class PlacementSettings:
    """Tuning of the automatic placement (defaults measured on real photos).

    Attributes:
        max_shift: how far the face may move off its target to avoid a border, as one
            distance in window heights.
        max_face_height: how far it may zoom in, as the face's height over the window's.
        padded_face_height: the face's height when the photo has to be padded.
        several_faces_ratio: a second face at least this fraction of the primary's area
            flags `several_faces`.
        border_tolerance: a face box may pass the photo's edge by this fraction of its
            size and still count as not cut.
        level_head: rotate so that the eyes are level (the primary face's landmarks should
            come from `faces.refine_landmarks`; `pipeline.analyse` does that).
        level_dead_zone: a tilt under this many degrees is left alone.
        max_level_angle: a tilt over this many degrees is left alone.
    """

    max_shift: float = 0.05
    max_face_height: float = 0.70
    padded_face_height: float = 0.60
    several_faces_ratio: float = 0.9
    border_tolerance: float = 0.02
    level_head: bool = LEVEL_HEAD_DEFAULT
    level_dead_zone: float = LEVEL_DEAD_ZONE
    max_level_angle: float = MAX_LEVEL_ANGLE


@dataclass(frozen=True)
class Placement:
    """Which part of the source photo shows in the window.

    Attributes:
        center: the source point (full-resolution pixels) at the window's centre.
        span: source pixels across the window's height; the window's width spans
            `span * aspect` (aspect = window width / height).
        angle: degrees the window's axes are turned in the source (clockwise, y down).
    """

    center: tuple[float, float]
    span: float
    angle: float = 0.0

    def window_rect(self, aspect: float = 1.0) -> tuple[float, float, float, float]:
        """The unrotated source region (x, y, w, h) behind the window; may pass the edges."""
        width = self.span * aspect
        return (self.center[0] - width / 2, self.center[1] - self.span / 2, width, self.span)

    def source_point(self, u: float, v: float, aspect: float = 1.0) -> tuple[float, float]:
        """Map a window point (u, v in 0..1, from the top-left) to source pixels."""
        dx, dy = (u - 0.5) * self.span * aspect, (v - 0.5) * self.span
        cos, sin = math.cos(math.radians(self.angle)), math.sin(math.radians(self.angle))
        return (self.center[0] + cos * dx - sin * dy, self.center[1] + sin * dx + cos * dy)


@dataclass(frozen=True)
class PlacementResult:
    """A placement with what was noticed on the way.

    Attributes:
        placement: the computed placement.
        face: the primary face, or None when no face was found.
        flags: any of `no_face`, `several_faces`, `padded`.
        padded_fraction: the fraction of the window not covered by the photo.
    """

    placement: Placement
    face: Face | None
    flags: tuple[str, ...] = field(default=())
    padded_fraction: float = 0.0


def primary_face(
    faces: list[Face], photo_size: tuple[int, int], *, border_tolerance: float = 0.02
) -> Face | None:
    """The largest face not cut by the photo's border (the largest of all if every one is)."""
    if not faces:
        return None
    width, height = photo_size

    def is_whole(face: Face) -> bool:
        x, y, w, h = face.box
        slack_x, slack_y = w * border_tolerance, h * border_tolerance
        inside_x = -slack_x <= x and x + w <= width + slack_x
        inside_y = -slack_y <= y and y + h <= height + slack_y
        return inside_x and inside_y

    whole = [face for face in faces if is_whole(face)]
    return max(whole or faces, key=lambda face: face.area)


def level_angle(face: Face, max_angle: float, dead_zone: float = 0.0) -> float:
    """The head's tilt from its eye landmarks in degrees; 0 under `dead_zone` or past `max_angle`."""
    angle = eye_line_angle(face.landmarks)
    return angle if dead_zone <= abs(angle) <= max_angle else 0.0


def _half_extents(span: float, aspect: float, angle: float) -> tuple[float, float]:
    """Half width and height of the axis-aligned box around the (rotated) window region."""
    hx, hy = span * aspect / 2, span / 2
    cos, sin = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
    return (cos * hx + sin * hy, sin * hx + cos * hy)


def _target_center(
    face: Face, span: float, aspect: float, angle: float, target: FaceTarget
) -> tuple[float, float]:
    """The placement centre that puts the face's box centre on the target."""
    probe = Placement(center=(0.0, 0.0), span=span, angle=angle)
    ox, oy = probe.source_point(target.center_x, target.center_y, aspect)
    fx, fy = face.center
    return (fx - ox, fy - oy)


def _clamp_inside(
    center: tuple[float, float], extents: tuple[float, float], photo_size: tuple[int, int]
) -> tuple[float, float] | None:
    """The nearest centre keeping the region inside the photo, or None if it cannot fit."""
    result = []
    for value, extent, limit in zip(center, extents, photo_size, strict=True):
        if 2 * extent > limit + 1e-9:
            return None
        result.append(min(max(value, extent), limit - extent))
    return (result[0], result[1])


def padded_fraction(
    placement: Placement, photo_size: tuple[int, int], aspect: float = 1.0, samples: int = 48
) -> float:
    """The fraction of the window that falls outside the photo (sampled on a grid)."""
    steps = (np.arange(samples) + 0.5) / samples
    u, v = np.meshgrid(steps, steps)
    return share_outside(placement, photo_size, u, v, aspect)


def share_outside(
    placement: Placement, photo_size: tuple[int, int], u: np.ndarray, v: np.ndarray, aspect: float = 1.0
) -> float:
    """The share of the window's points (`u`, `v`: 0-1 across and down the window) that fall
    outside the photo."""
    dx, dy = (u - 0.5) * placement.span * aspect, (v - 0.5) * placement.span
    cos, sin = math.cos(math.radians(placement.angle)), math.sin(math.radians(placement.angle))
    sx = placement.center[0] + cos * dx - sin * dy
    sy = placement.center[1] + sin * dx + cos * dy
    inside = (sx >= 0) & (sx <= photo_size[0]) & (sy >= 0) & (sy <= photo_size[1])
    return float(1.0 - inside.mean())


def fallback_placement(photo_size: tuple[int, int], aspect: float = 1.0) -> Placement:
    """Portrait-style placement without a face: the largest region, upper centre."""
    width, height = photo_size
    span = min(height, width / aspect)
    top = (height - span) * 0.25
    return Placement(center=(width / 2, top + span / 2), span=span)


def place_photo(
    photo_size: tuple[int, int],
    faces: list[Face],
    *,
    aspect: float = 1.0,
    target: FaceTarget | None = None,
    settings: PlacementSettings | None = None,
) -> PlacementResult:
    """Compute where the photo goes under a window so that the primary face is on target.

    Args:
        photo_size: the upright photo's full-resolution (width, height).
        faces: detected faces in the same pixels.
        aspect: the window's width over its height in output pixels (1 for a circle).
        target: where the face goes in the window.
        settings: tuning; the defaults suit most photos.

    Returns:
        The placement, the primary face and the flags (`no_face`, `several_faces`,
        `padded`).
    """
    target = target or FaceTarget()
    settings = settings or PlacementSettings()
    face = primary_face(faces, photo_size, border_tolerance=settings.border_tolerance)
    if face is None:
        return PlacementResult(fallback_placement(photo_size, aspect), None, (NO_FACE,))
    flags: list[str] = []
    if any(other is not face and other.area >= settings.several_faces_ratio * face.area for other in faces):
        flags.append(SEVERAL_FACES)
    angle = 0.0
    if settings.level_head:
        angle = level_angle(face, settings.max_level_angle, settings.level_dead_zone)
    face_height = face.box[3]
    widest = face_height / target.height
    tightest = min(widest, face_height / settings.max_face_height)
    for span in np.geomspace(widest, tightest, num=16):
        wanted = _target_center(face, float(span), aspect, angle, target)
        center = _clamp_inside(wanted, _half_extents(float(span), aspect, angle), photo_size)
        if center is not None and math.dist(center, wanted) <= settings.max_shift * span:
            return PlacementResult(Placement(center, float(span), angle), face, tuple(flags))
    span = min(widest, max(tightest, face_height / settings.padded_face_height))
    wanted = _target_center(face, span, aspect, angle, target)
    center = _shift_towards_inside(wanted, span, aspect, angle, photo_size, settings.max_shift)
    placement = Placement(center, span, angle)
    fraction = padded_fraction(placement, photo_size, aspect)
    if fraction > 0:
        flags.append(PADDED)
    return PlacementResult(placement, face, tuple(flags), fraction)


def _shift_towards_inside(
    wanted: tuple[float, float],
    span: float,
    aspect: float,
    angle: float,
    photo_size: tuple[int, int],
    max_shift: float,
) -> tuple[float, float]:
    """Move the centre towards covering the photo, by at most `max_shift * span`."""
    extents = _half_extents(span, aspect, angle)
    goal = []
    for value, extent, limit in zip(wanted, extents, photo_size, strict=True):
        goal.append(limit / 2 if 2 * extent > limit else min(max(value, extent), limit - extent))
    distance = math.dist(goal, wanted)
    reach = min(1.0, max_shift * span / distance) if distance > 0 else 0.0
    return (wanted[0] + (goal[0] - wanted[0]) * reach, wanted[1] + (goal[1] - wanted[1]) * reach)


def is_low_resolution(placement: Placement, window_px: float, max_upscale: float = 2.0) -> bool:
    """True when the window would show the photo enlarged more than `max_upscale` times."""
    return window_px / placement.span > max_upscale


def moved(placement: Placement, dx: float, dy: float) -> Placement:
    """The photo dragged by (dx, dy) window heights on screen (right and down are positive)."""
    cos, sin = math.cos(math.radians(placement.angle)), math.sin(math.radians(placement.angle))
    sx, sy = -dx * placement.span, -dy * placement.span
    center = (placement.center[0] + cos * sx - sin * sy, placement.center[1] + sin * sx + cos * sy)
    return Placement(center, placement.span, placement.angle)


def zoomed(placement: Placement, factor: float, *, min_span: float = 8.0) -> Placement:
    """The photo enlarged `factor` times on screen (the window shows less of it)."""
    return Placement(placement.center, max(min_span, placement.span / factor), placement.angle)


def rotated(placement: Placement, degrees: float) -> Placement:
    """The photo turned clockwise on screen by `degrees` about the window's centre."""
    return Placement(placement.center, placement.span, (placement.angle - degrees + 180) % 360 - 180)
