"""Regenerate the frame pictures in docs/: the variant board and a 176 px preview per frame.

Usage: python tools/make_docs_images.py
"""

from __future__ import annotations

from pathlib import Path

from frame_studio.core.frames import bundled_frames, load_frame
from frame_studio.core.pipeline import frame_photo
from frame_studio.core.sheet import as_facebook_shows, sample_photos, variant_sheet

DOCS = Path(__file__).resolve().parents[1] / "docs" / "frames"


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    frames = [load_frame(folder) for folder in bundled_frames()]
    photos = sample_photos()
    variant_sheet(frames, photos).save(DOCS / "variant-sheet.png", optimize=True)
    for frame in frames:
        avatar = frame_photo(photos[0], frame, size=1080).image
        as_facebook_shows(avatar).save(DOCS / f"{frame.id}-176.png", optimize=True)
    print(f"wrote {len(frames) + 1} images to {DOCS}")


if __name__ == "__main__":
    main()
