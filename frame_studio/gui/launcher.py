"""The windowed launcher: `Frame Studio.exe` on Windows, `frame-studio-gui` elsewhere.

It opens the desktop app without a console window. `multiprocessing.freeze_support()` runs
before anything else is imported, so a batch worker that the frozen app spawns from this
executable starts without loading Qt.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from frame_studio.gui.app import main

    sys.exit(main())
