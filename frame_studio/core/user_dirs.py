"""The one place that decides where a person's own data lives (opened campaign packs).

No side effects at import time and no folder is created here: callers create what they
write into. `FRAME_STUDIO_DATA_DIR` overrides the platform's choice (tests point it at a
temporary folder). The rules follow platformdirs without depending on it:

- Linux and other Unix: `$XDG_DATA_HOME/frame-studio` or `~/.local/share/frame-studio`
- Windows: `%APPDATA%\\FrameStudio`
- macOS: `~/Library/Application Support/FrameStudio`
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

DATA_DIR_VARIABLE = "FRAME_STUDIO_DATA_DIR"
FRAMES_FOLDER = "frames"


def _home(environ: Mapping[str, str]) -> Path:
    home = environ.get("HOME") or environ.get("USERPROFILE")
    return Path(home) if home else Path.home()


def user_data_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder of the person's Frame Studio data.

    Args:
        platform: a `sys.platform` value (default: this machine's).
        environ: the environment variables to read (default: `os.environ`).
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    override = environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    if platform.startswith("win"):
        appdata = environ.get("APPDATA")
        base = Path(appdata) if appdata else _home(environ) / "AppData" / "Roaming"
        return base / "FrameStudio"
    if platform == "darwin":
        return _home(environ) / "Library" / "Application Support" / "FrameStudio"
    xdg = environ.get("XDG_DATA_HOME", "")  # used when absolute by POSIX's rule (a test runs this on Windows)
    base = Path(xdg) if xdg and PurePosixPath(xdg).is_absolute() else _home(environ) / ".local" / "share"
    return base / "frame-studio"


def user_frames_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder where opened campaign packs (and their frames) are installed."""
    return user_data_dir(platform=platform, environ=environ) / FRAMES_FOLDER
