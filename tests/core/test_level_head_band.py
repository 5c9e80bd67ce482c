"""Head levelling stops measuring a tilt once it is known to be well outside the band it turns.

The rounds that measure the eye line on a level close-up stop early when a nearly level
round puts the tilt more than `REFINE_SETTLED` degrees outside 5..20 degrees. That must
never change what levelling does: on the committed portraits turned by -30..+30 degrees,
the angle the placement turns by is the same with the band as without it.
"""

from __future__ import annotations

import pytest
from helpers import portrait_image, turned

from frame_studio.core.faces import detect_faces, refine_landmarks
from frame_studio.core.placement import LEVEL_DEAD_ZONE, MAX_LEVEL_ANGLE, level_angle

BAND = (LEVEL_DEAD_ZONE, MAX_LEVEL_ANGLE)
TURNS = (-30, -24, -18, -12, -6, -3, 0, 3, 6, 12, 18, 24, 30)


@pytest.mark.parametrize("name", ["grace_hopper.jpg", "astronaut.jpg"])
def test_the_band_never_changes_the_turn(name: str) -> None:
    different = []
    for turn in TURNS:
        image = turned(portrait_image(name), turn)
        face = detect_faces(image)[0]
        closest = level_angle(refine_landmarks(image, face), MAX_LEVEL_ANGLE, LEVEL_DEAD_ZONE)
        banded = level_angle(refine_landmarks(image, face, band=BAND), MAX_LEVEL_ANGLE, LEVEL_DEAD_ZONE)
        if abs(banded - closest) > 0.01:
            different.append((turn, round(closest, 2), round(banded, 2)))
    assert not different, f"(turn, angle measured closest, angle with the band): {different}"
