"""The user's data folders, per platform, and the override used by tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from frame_studio.core.user_dirs import user_data_dir, user_frames_dir


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/home/an"}, "/home/an/.local/share/frame-studio"),
        ("linux", {"HOME": "/home/an", "XDG_DATA_HOME": "/data"}, "/data/frame-studio"),
        ("linux", {"HOME": "/home/an", "XDG_DATA_HOME": "relative"}, "/home/an/.local/share/frame-studio"),
        ("darwin", {"HOME": "/Users/an"}, "/Users/an/Library/Application Support/FrameStudio"),
        ("win32", {"APPDATA": "C:/Users/an/AppData/Roaming"}, "C:/Users/an/AppData/Roaming/FrameStudio"),
        ("linux", {"HOME": "/home/an", "FRAME_STUDIO_DATA_DIR": "/tmp/t"}, "/tmp/t"),
    ],
)
def test_user_data_dir_per_platform(platform: str, environ: dict[str, str], expected: str) -> None:
    assert user_data_dir(platform=platform, environ=environ) == Path(expected)
    assert user_frames_dir(platform=platform, environ=environ) == Path(expected) / "frames"


def test_the_environment_override_is_read_at_call_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path))
    assert user_frames_dir() == tmp_path / "frames"
    assert not (tmp_path / "frames").exists()  # deciding a folder creates nothing
