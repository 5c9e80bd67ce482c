"""The app's persistent settings: one table of keys and defaults over QSettings.

QSettings is created in `main()` (organisation and app names set there); tests point it at
a temporary folder with `QSettings.setPath` or by passing their own instance.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from frame_studio.core.frames import Frame, frames_dir
from frame_studio.core.user_dirs import user_frames_dir

DEFAULTS: dict[str, Any] = {
    "language": "vi",
    "frame": "congress-ring",
    "photo/last_folder": "",
    "photo/recent": "",  # photos opened in “Ảnh của tôi”, newest first, one per line
    "batch/input": "",
    "batch/output": "",
    "batch/roster": "",
    "batch/frame": "",
    "batch/size": 1080,  # a choice of SIZE_CHOICES in batch_setup.py (0: 1080 and 2048)
    "batch/format": "jpg",
    "batch/name_template": "",  # "" keeps the photo's name; else e.g. "{don_vi}/{ho_va_ten}"
    "batch/ascii": 0,  # 1: templated names without Vietnamese diacritics
    "frames/photos": "",
    "frames/saved": "",  # folders of variants saved by the user, one per line
}


class Settings:
    """Typed access to the settings table (values fall back to their defaults)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self.store.value(key, default)
        if isinstance(default, int) and not isinstance(value, int):
            try:
                return int(str(value))
            except ValueError:
                return default
        return value

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.store.setValue(key, value)


def saved_frame_folders(settings: Settings) -> list[Path]:
    """The folders of variants the user saved (to load with the bundled frames)."""
    return [Path(line) for line in str(settings.get("frames/saved")).splitlines() if line.strip()]


def remember_frames(settings: Settings, frames: list[Frame]) -> None:
    """Remember every frame that is not bundled, so it is offered again next time."""
    known = (frames_dir().resolve(), user_frames_dir().resolve())  # loaded anyway at start
    folders = [str(f.folder) for f in frames if not any(f.folder.resolve().is_relative_to(k) for k in known)]
    settings.set("frames/saved", "\n".join(dict.fromkeys(folders)))


MAX_RECENT_PHOTOS = 8


def recent_photos(settings: Settings) -> list[Path]:
    """The photos opened last in the Photo workspace, newest first (they may be gone since)."""
    return [Path(line) for line in str(settings.get("photo/recent")).splitlines() if line.strip()]


def set_recent_photos(settings: Settings, photos: list[Path]) -> None:
    """Keep `photos` as the recent list (the first MAX_RECENT_PHOTOS, each once)."""
    kept: dict[str, Path] = {}
    for photo in photos:
        absolute = Path(photo).absolute()
        kept.setdefault(os.path.normcase(absolute), absolute)  # a.JPG is A.jpg on Windows
    settings.set("photo/recent", "\n".join(str(p) for p in list(kept.values())[:MAX_RECENT_PHOTOS]))


def remember_photo(settings: Settings, photo: Path) -> list[Path]:
    """Put `photo` first in the recent list; returns the new list."""
    set_recent_photos(settings, [photo, *recent_photos(settings)])
    return recent_photos(settings)
