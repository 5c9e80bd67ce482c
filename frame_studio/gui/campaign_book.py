"""The campaigns the app knows: packs opened into the user's frame folder, by frame folder.

Also what decides how a pack joins the frames on offer:
- two frames are the same when they draw the same thing under the same name
  (`frame_signature`: the window, face target, colours and layers, with every file a
  layer names taken by its content; not the folder, id, link or campaign dates), so a pack
  holding the bundled frames adds no copies;
- of two packs of one campaign (same campaign id), the newer is the one whose campaign
  ends later, then starts later (`edition`; a pack has no version number of its own);
- variants a person saved straight into the user frame folder come back at start with the
  packs (`CampaignBook.frames`).
Opening a pack (`open_pack_frames`) and removing a replaced one (`remove_opened`) run on
a worker.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frame_studio.core.campaign import MANIFEST, Campaign, OpenedCampaign, open_pack, opened_campaigns
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import FRAME_FILE, Frame, bundled_frames, load_frame
from frame_studio.gui.campaign_panel import campaign_of_frame

log = logging.getLogger(__name__)


@lru_cache(maxsize=256)
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _content(value: Any) -> Any:
    """A layer option with every file replaced by its content's digest."""
    if isinstance(value, Path):
        try:
            stat = value.stat()
            return ("file", _file_digest(value, stat.st_size, stat.st_mtime_ns))
        except OSError:
            return ("missing", value.name)
    if isinstance(value, list | tuple):
        return tuple(_content(item) for item in value)
    return value


def frame_signature(frame: Frame) -> str:
    """What a frame draws, and its name: equal for a bundled frame and its copy in a pack."""
    layers = tuple(
        (layer.kind, tuple((key, _content(value)) for key, value in layer.options)) for layer in frame.layers
    )
    drawn = (frame.name, frame.window, frame.face_target, frame.background, frame.pad_fill, layers)
    return hashlib.sha256(repr(drawn).encode("utf-8")).hexdigest()


def edition(campaign: Campaign) -> tuple[dt.date, dt.date]:
    """How recent a campaign's pack is: later end, then later start, is newer."""
    return campaign.end, campaign.start


@dataclass(frozen=True)
class OpenedPack:
    """A pack opened on a worker, with its frames loaded and their signatures."""

    opened: OpenedCampaign
    frames: tuple[Frame, ...]
    signatures: tuple[str, ...]


def open_pack_frames(path: Path, into: Path) -> OpenedPack:
    """Open a pack into `into` and load its frames (run on a worker).

    Raises:
        CampaignError: the pack cannot be opened (see `open_pack`) or a frame does not load.
    """
    opened = open_pack(path, into)
    frames = tuple(opened.load_frame(name) for name in opened.campaign.frames)
    return OpenedPack(opened, frames, tuple(frame_signature(frame) for frame in frames))


def remove_opened(folder: Path) -> None:
    """Remove an opened pack's folder (run on a worker): hidden first, so it is never half there."""
    if not (folder / MANIFEST).is_file():
        return
    hidden = folder.with_name(f".removed-{folder.name}-{uuid.uuid4().hex[:8]}")
    try:
        folder.rename(hidden)
    except OSError:
        log.warning("%s: a replaced pack could not be removed", folder, exc_info=True)
        return
    shutil.rmtree(hidden, ignore_errors=True)


def _newest(opened: Iterable[OpenedCampaign]) -> list[OpenedCampaign]:
    """One pack per campaign id: the newest (then the last opened), in the given order."""
    best: dict[str, OpenedCampaign] = {}
    for candidate in opened:
        known = best.get(candidate.campaign.id)
        if known is None or _key(candidate) > _key(known):
            best[candidate.campaign.id] = candidate
    return [o for o in opened if best.get(o.campaign.id) is o]


def _key(opened: OpenedCampaign) -> tuple[tuple[dt.date, dt.date], int]:
    try:
        mtime = (opened.folder / MANIFEST).stat().st_mtime_ns
    except OSError:
        mtime = 0
    return edition(opened.campaign), mtime


@lru_cache(maxsize=1)
def _bundled_signatures() -> frozenset[str]:
    signatures = set()
    for folder in bundled_frames():
        try:
            signatures.add(frame_signature(load_frame(folder)))
        except FrameStudioError:
            continue
    return frozenset(signatures)


class CampaignBook:
    """Which campaign each frame belongs to; frames that came without a pack get their own."""

    def __init__(self, opened: list[OpenedCampaign] | None = None, folder: Path | None = None) -> None:
        self.opened: list[OpenedCampaign] = []
        self.folder = folder
        self._by_folder: dict[Path, Campaign] = {}
        for campaign in opened or []:
            self.add(campaign)

    @classmethod
    def from_folder(cls, folder: Path) -> CampaignBook:
        """The packs already opened into `folder`, the newest of each campaign (a broken one is left out)."""
        try:
            return cls(_newest(opened_campaigns(folder)), folder)
        except (FrameStudioError, OSError):
            return cls(folder=folder)

    def add(self, opened: OpenedCampaign, frames: Iterable[Frame] | None = None) -> list[Frame]:
        """Remember an opened pack; returns its frames (with the campaign's link)."""
        if not self.holds(opened):
            self.opened.append(opened)
        for folder in opened.frame_folders:
            self._by_folder[folder.resolve()] = opened.campaign
        if frames is not None:
            return list(frames)
        return [opened.load_frame(name) for name in opened.campaign.frames]

    def holds(self, opened: OpenedCampaign) -> bool:
        """Whether this very pack (same folder, so same content) is already open."""
        return any(o.folder == opened.folder for o in self.opened)

    def rival(self, opened: OpenedCampaign) -> OpenedCampaign | None:
        """Another pack already open for the same campaign (another version of it), if any."""
        return next(
            (o for o in self.opened if o.campaign.id == opened.campaign.id and o.folder != opened.folder),
            None,
        )

    def remove(self, opened: OpenedCampaign) -> None:
        """Forget a pack (it was replaced by a newer version)."""
        self.opened = [o for o in self.opened if o.folder != opened.folder]
        for folder in opened.frame_folders:
            self._by_folder.pop(folder.resolve(), None)

    def frames(self) -> list[Frame]:
        """The variants saved in the user frame folder, then every opened pack's frames.

        A pack's frame that is the same as a bundled frame or an earlier one is left out,
        and so is a frame that no longer loads.
        """
        frames = self._saved_variants()
        seen = set(_bundled_signatures()) | {frame_signature(frame) for frame in frames}
        for opened in self.opened:
            for name in opened.campaign.frames:
                try:
                    frame = opened.load_frame(name)
                except FrameStudioError:
                    continue
                signature = frame_signature(frame)
                if signature not in seen:
                    seen.add(signature)
                    frames.append(frame)
        return frames

    def _saved_variants(self) -> list[Frame]:
        if self.folder is None:
            return []
        frames = []
        for file in sorted(self.folder.glob(f"*/{FRAME_FILE}")):
            if file.parent.name.startswith("."):
                continue
            try:
                frames.append(load_frame(file.parent))
            except FrameStudioError as error:
                log.warning("frame left out: %s", error)
        return frames

    def campaign_for(self, frame: Frame) -> Campaign:
        """The campaign of a frame."""
        return self._by_folder.get(frame.folder.resolve()) or campaign_of_frame(frame)
