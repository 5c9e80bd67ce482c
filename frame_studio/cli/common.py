"""What every command shares: exit codes, argument types, printing that never crashes."""

from __future__ import annotations

import argparse
from typing import TextIO

EXIT_OK, EXIT_SOME_REJECTED, EXIT_CANNOT_START = 0, 1, 2


def size_argument(text: str) -> int:
    """An output size in pixels, 64 to 8192."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of pixels: {text!r}") from None
    if not 64 <= value <= 8192:
        raise argparse.ArgumentTypeError("the size must be between 64 and 8192 pixels")
    return value


def say(stream: TextIO, line: str) -> None:
    """Print one line and flush (streams are set to escape what the console cannot show)."""
    stream.write(line + "\n")
    stream.flush()
