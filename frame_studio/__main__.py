"""Allow `python -m frame_studio`."""

import sys

from frame_studio.cli import main

sys.exit(main())
