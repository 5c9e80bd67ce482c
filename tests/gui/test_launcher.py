"""The windowed launcher (`Frame Studio.exe`, `frame-studio-gui`): no console, log file instead.

A windowed Windows process has `sys.stdout` and `sys.stderr` set to None. The launcher runs
here as a real process with both streams removed the same way, so a print or a logging
handler that writes to the missing console would crash it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from frame_studio.core.campaign import MANIFEST
from frame_studio.core.log_file import LOG_FILE_NAME
from frame_studio.core.user_dirs import DATA_DIR_VARIABLE

pytestmark = pytest.mark.gui

WITHOUT_CONSOLE = (
    "import runpy, sys; sys.stdout = None; sys.stderr = None; "
    "sys.argv = ['frame-studio-gui', *sys.argv[1:]]; "
    "runpy.run_module('frame_studio.gui.launcher', run_name='__main__')"
)


def run_launcher(*argv: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(data), XDG_CONFIG_HOME=str(data))
    env[DATA_DIR_VARIABLE] = str(data / "profile")
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_CONSOLE, *argv],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )


def test_the_launcher_passes_its_smoke_test_without_a_console(tmp_path: Path) -> None:
    done = run_launcher("--smoke-test", data=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""  # there was no console to print to, and nothing failed trying


def test_warnings_of_a_windowed_app_go_to_the_log_file(tmp_path: Path) -> None:
    broken_pack = tmp_path / "profile" / "frames" / "broken"
    broken_pack.mkdir(parents=True)
    (broken_pack / MANIFEST).write_text("this is not TOML [", encoding="utf-8")
    done = run_launcher("--smoke-test", data=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    log = (tmp_path / "profile" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "an opened pack that cannot be read is left out" in log
    assert str(broken_pack) in log
