"""Heavy modules are imported where they are first needed (issue 14): the CLI's parent process
(which never detects a face) and the first window start without OpenCV."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = "import sys, {module}; print('cv2' in sys.modules)"


@pytest.mark.parametrize(
    "module", ["frame_studio.cli", "frame_studio.cli.batch", "frame_studio.gui.main_window"]
)
def test_starting_does_not_import_opencv(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False", f"{module} imports OpenCV at start"
