"""The one place that finds bundled files (frames, fonts, the face model).

Works from a checkout (assets/ beside the package) and from a PyInstaller bundle
(`sys._MEIPASS/assets`).
"""

from __future__ import annotations

import sys
from pathlib import Path


def assets_dir() -> Path:
    """Return the folder holding the bundled assets."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parents[2] / "assets"


def asset_path(*parts: str) -> Path:
    """Return the path of a bundled file, e.g. `asset_path("fonts", "BeVietnamPro-Bold.ttf")`."""
    return assets_dir().joinpath(*parts)
