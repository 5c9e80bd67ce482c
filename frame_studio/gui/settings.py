"""The app's persistent settings: one table of keys and defaults over QSettings.

QSettings is created in `main()` (organisation and app names set there); tests point it at
a temporary folder with `QSettings.setPath` or by passing their own instance.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

DEFAULTS: dict[str, Any] = {
    "language": "vi",
    "frame": "congress-ring",
    "photo/last_folder": "",
    "batch/input": "",
    "batch/output": "",
    "batch/roster": "",
    "batch/frame": "",
    "batch/size": 1080,  # a choice of SIZE_CHOICES in batch_setup.py (0: 1080 and 2048)
    "batch/format": "jpg",
    "frames/photos": "",
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
