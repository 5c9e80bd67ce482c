"""The campaigns the app knows: packs opened into the user's frame folder, by frame folder."""

from __future__ import annotations

from pathlib import Path

from frame_studio.core.campaign import Campaign, OpenedCampaign, opened_campaigns
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.gui.campaign_panel import campaign_of_frame


class CampaignBook:
    """Which campaign each frame belongs to; frames that came without a pack get their own."""

    def __init__(self, opened: list[OpenedCampaign] | None = None) -> None:
        self.opened: list[OpenedCampaign] = []
        self._by_folder: dict[Path, Campaign] = {}
        for campaign in opened or []:
            self.add(campaign)

    @classmethod
    def from_folder(cls, folder: Path) -> CampaignBook:
        """The packs already opened into `folder` (a broken one is left out)."""
        try:
            return cls(opened_campaigns(folder))
        except (FrameStudioError, OSError):
            return cls()

    def add(self, opened: OpenedCampaign) -> list[Frame]:
        """Remember an opened pack; returns its frames (with the campaign's link)."""
        if all(o.folder != opened.folder for o in self.opened):
            self.opened.append(opened)
        for folder in opened.frame_folders:
            self._by_folder[folder.resolve()] = opened.campaign
        return [opened.load_frame(name) for name in opened.campaign.frames]

    def frames(self) -> list[Frame]:
        """The frames of every opened pack (a frame that no longer loads is left out)."""
        frames = []
        for opened in self.opened:
            for name in opened.campaign.frames:
                try:
                    frames.append(opened.load_frame(name))
                except FrameStudioError:
                    continue
        return frames

    def campaign_for(self, frame: Frame) -> Campaign:
        """The campaign of a frame."""
        return self._by_folder.get(frame.folder.resolve()) or campaign_of_frame(frame)
