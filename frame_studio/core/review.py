"""Which framed photos need a person to look at them, and why.

A flag describes the photo (`padded`, `low_resolution`...); the verdict says whether a
person must look before the avatar is handed out. The batch report, the journal and the
Batch workspace's review list all use this verdict, never the flags alone.

- `no_face` and `several_faces` always need a person.
- `padded` needs one when the filled part is large enough to be seen: at least
  `MAX_FILL_SHARE` of the window's shape (circle or rectangle) lies outside the photo.
- `low_resolution` (the output enlarges the photo more than 2x) needs one only when the
  avatar looks soft where people see it: opened on a phone, where the whole avatar is
  about `SHOWN_PX` pixels wide, the window would still enlarge the photo more than
  `MAX_SHOWN_UPSCALE` times. Otherwise it stays an information badge.

The thresholds were measured on real photos: docs/decisions/0008-review-verdict.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from frame_studio.core.frames import Frame
from frame_studio.core.placement import (
    LOW_RESOLUTION,
    NO_FACE,
    PADDED,
    SEVERAL_FACES,
    Placement,
    share_outside,
)

ALWAYS_REVIEWED = (NO_FACE, SEVERAL_FACES)
#: The avatar's width in pixels when it is opened on a phone (the largest everyday view).
SHOWN_PX = 400
#: A window enlarging the photo more than this at `SHOWN_PX` looks visibly soft.
MAX_SHOWN_UPSCALE = 2.0
#: A fill covering at least this share of the window's shape is seen at a glance.
MAX_FILL_SHARE = 0.13


@dataclass(frozen=True)
class Verdict:
    """Whether a framed photo needs a person, and the flags that make it so (flag order)."""

    review: bool
    reasons: tuple[str, ...] = ()


def fill_share(placement: Placement, photo_size: tuple[int, int], frame: Frame, samples: int = 200) -> float:
    """The share of the window's shape (circle or rectangle) that lies outside the photo.

    Sampled on a `samples` x `samples` grid over the window; for a circle window only the
    points inside the circle count, since the frame hides the corners.
    """
    aspect = frame.window.aspect
    steps = (np.arange(samples) + 0.5) / samples
    u, v = np.meshgrid(steps, steps)
    if frame.window.shape == "circle":
        shown = (u - 0.5) ** 2 + (v - 0.5) ** 2 <= 0.25
        u, v = u[shown], v[shown]
    return share_outside(placement, photo_size, u, v, aspect)


def soft_where_seen(placement: Placement, frame: Frame) -> bool:
    """True when the window enlarges the photo over `MAX_SHOWN_UPSCALE`x on an avatar `SHOWN_PX` wide."""
    return frame.window.box[3] * SHOWN_PX / placement.span > MAX_SHOWN_UPSCALE


def judge(flags: Sequence[str], placement: Placement, photo_size: tuple[int, int], frame: Frame) -> Verdict:
    """The review verdict of a photo framed with `placement` under `frame`.

    Args:
        flags: the output's flags (`pipeline.output_flags`), in their order.
        placement: the placement the output was drawn with.
        photo_size: the upright photo's full-resolution (width, height).
        frame: the frame it was drawn under.

    Returns:
        The verdict; its reasons are the flags that need a person, in flag order.
    """
    needed = set(ALWAYS_REVIEWED)
    if PADDED in flags and fill_share(placement, photo_size, frame) >= MAX_FILL_SHARE:
        needed.add(PADDED)
    if LOW_RESOLUTION in flags and soft_where_seen(placement, frame):
        needed.add(LOW_RESOLUTION)
    reasons = tuple(flag for flag in flags if flag in needed)
    return Verdict(bool(reasons), reasons)
