"""What every command shares: exit codes, argument types, printing that never crashes, opening a pack."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from frame_studio.core.campaign import OpenedCampaign, is_ended, open_pack
from frame_studio.core.placement import LEVEL_DEAD_ZONE, LEVEL_HEAD_DEFAULT, MAX_LEVEL_ANGLE
from frame_studio.core.user_dirs import user_frames_dir

EXIT_OK = 0
#: Some photos were rejected (the others were framed).
EXIT_SOME_REJECTED = 1
#: Nothing was done: a bad argument, a missing input, a file that cannot be written.
EXIT_CANNOT_START = 2
#: The batch finished but some batch files (reports, QR, reminder) could not be written.
EXIT_FILES_NOT_WRITTEN = 3
#: An unexpected problem (a bug) stopped the command; its traceback is in the log file.
EXIT_INTERNAL = 4
#: Stopped with Ctrl-C (128 + SIGINT, as shells report it).
EXIT_STOPPED = 130


def size_argument(text: str) -> int:
    """An output size in pixels, 64 to 8192."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of pixels: {text!r}") from None
    if not 64 <= value <= 8192:
        raise argparse.ArgumentTypeError("the size must be between 64 and 8192 pixels")
    return value


def add_level_head_argument(parser: argparse.ArgumentParser) -> None:
    """`--level-head` / `--no-level-head`, defaulting to the core's `LEVEL_HEAD_DEFAULT`."""
    default = "on" if LEVEL_HEAD_DEFAULT else "off"
    parser.add_argument(
        "--level-head",
        action=argparse.BooleanOptionalAction,
        default=LEVEL_HEAD_DEFAULT,
        help=f"turn each photo so that the eyes are level, for a tilt of {LEVEL_DEAD_ZONE:g} to "
        f"{MAX_LEVEL_ANGLE:g} degrees; the report's `angle` says by how much (default: {default})",
    )


def say(stream: TextIO, line: str) -> None:
    """Print one line and flush (streams are set to escape what the console cannot show)."""
    stream.write(line + "\n")
    stream.flush()


def describe(opened: OpenedCampaign) -> list[str]:
    """What a person should know about an opened pack, one line each."""
    campaign = opened.campaign
    ended = " (ended)" if is_ended(campaign.end) else ""
    lines = [
        f"campaign: {campaign.name} [{campaign.id}], {campaign.start} to {campaign.end}{ended}",
        f"link: {campaign.link}",
    ]
    lines += [f"frame: {folder.name} -> {folder}" for folder in opened.frame_folders]
    return lines


def open_campaign(pack: Path) -> OpenedCampaign:
    """Open a pack into the user's frame folder (once) for `render` and `batch`.

    Raises:
        CampaignError: the pack is bad.
    """
    return open_pack(pack, user_frames_dir())
