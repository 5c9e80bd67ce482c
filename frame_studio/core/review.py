"""Which framed photos need a person to look at them, and why.

A flag describes the photo (`padded`, `low_resolution`...); the verdict says whether a
person must look before the avatar is handed out. The batch report, the journal and the
Batch workspace's review list all use this verdict, never the flags alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frame_studio.core.frames import Frame
from frame_studio.core.placement import LOW_RESOLUTION, NO_FACE, PADDED, SEVERAL_FACES, Placement

ALWAYS_REVIEWED = (NO_FACE, SEVERAL_FACES)


@dataclass(frozen=True)
class Verdict:
    """Whether a framed photo needs a person, and the flags that make it so (flag order)."""

    review: bool
    reasons: tuple[str, ...] = ()


def judge(flags: Sequence[str], placement: Placement, photo_size: tuple[int, int], frame: Frame) -> Verdict:
    """The review verdict of a photo framed with `placement` under `frame`."""
    del placement, photo_size, frame  # measured thresholds come next
    reasons = tuple(flag for flag in flags if flag in (*ALWAYS_REVIEWED, PADDED, LOW_RESOLUTION))
    return Verdict(bool(reasons), reasons)
