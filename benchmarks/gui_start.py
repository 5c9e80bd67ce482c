"""The desktop app's cold start to its first window, against a floor measured in the same run.

Usage: python benchmarks/gui_start.py [--runs 9]

Each run is a fresh Python process (offscreen Qt, its own empty settings and data folders)
timed from its launch until it has shown and painted its window:
  * the app: `frame_studio.gui.app.run`, until the main window is shown;
  * the floor: import Qt's widgets, OpenCV and Pillow, show an empty main window.
The two alternate, so a busy machine slows both alike. Prints the median of each and the
ratio. One untimed run of each first warms the page cache and writes the bytecode (into a
temporary folder), as an installed app has it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

APP = """
import os
from frame_studio.gui import app, main_window
show = main_window.MainWindow.show
def shown(window):
    show(window)
    app.QApplication.processEvents()
    print("shown", flush=True)
    os._exit(0)
main_window.MainWindow.show = shown
app.run(["gui"])
"""

FLOOR = """
import os
import cv2
from PIL import Image
from PySide6.QtWidgets import QApplication, QMainWindow
qt = QApplication(["floor"])
window = QMainWindow()
window.resize(1100, 760)
window.show()
qt.processEvents()
print("shown", flush=True)
os._exit(0)
"""


def time_to_window(code: str, env: dict[str, str]) -> float:
    """Seconds from launching a fresh interpreter on `code` until it prints `shown`."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if "shown" not in child.stdout:
        raise SystemExit(f"the window was not shown:\n{child.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        env = dict(
            os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config")
        )
        env["FRAME_STUDIO_DATA_DIR"] = str(home / "data")
        env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode...
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")  # ...written here, not in the checkout
        time_to_window(APP, env)  # warm the page cache
        time_to_window(FLOOR, env)
        app, floor = [], []
        for _ in range(args.runs):
            app.append(time_to_window(APP, env))
            floor.append(time_to_window(FLOOR, env))
    print(f"cold start to first window, median of {args.runs} fresh processes (offscreen):")
    print(f"  app:                                {statistics.median(app):.3f} s  (min {min(app):.3f})")
    print(f"  floor (Qt widgets + OpenCV + Pillow): {statistics.median(floor):.3f} s  (min {min(floor):.3f})")
    print(f"  ratio app / floor: {statistics.median(app) / statistics.median(floor):.2f}")


if __name__ == "__main__":
    main()
