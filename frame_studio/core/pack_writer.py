"""Writing campaign packs: the frames laid out as the pack holds them, checked, zipped atomically.

A frame that `extends` a bundled frame stays a small variant; a non-bundled base travels in
the pack (listed as a base). Fonts named `bundled:...` are not copied; a font file in a
frame's folder travels with it. The same frames always give the same bytes.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
import tomllib
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from frame_studio.core import safe_zip
from frame_studio.core.atomic import write_atomic
from frame_studio.core.campaign import (
    FIXED_TIME,
    FRAMES_PREFIX,
    MANIFEST,
    Campaign,
    check_campaign,
    load_pack_frames,
    manifest_toml,
    pack_error,
)
from frame_studio.core.errors import FrameError
from frame_studio.core.frames import FRAME_FILE, MAX_EXTENDS_DEPTH, Frame, frames_dir, load_frame
from frame_studio.core.safe_zip import MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES
from frame_studio.core.variants import ID_PATTERN


def _is_bundled(folder: Path) -> bool:
    return folder.resolve().parent == frames_dir().resolve()


def _base_folder(name: str, near: Path) -> Path | None:
    """The folder of the frame a frame at `near` extends: a sibling folder, else a bundled one.

    The same lookup `load_frame` does for `extends`, so the pack holds what will load.
    """
    if "/" in name or "\\" in name or name in {".", ".."}:
        return None
    candidates = (near.parent / name, frames_dir() / name)
    return next((folder for folder in candidates if (folder / FRAME_FILE).is_file()), None)


def _extends(folder: Path) -> str | None:
    try:
        parent = tomllib.loads((folder / FRAME_FILE).read_text(encoding="utf-8")).get("extends")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise pack_error(folder / FRAME_FILE, "bad_frame", f"cannot read the frame ({exc})") from None
    return parent if isinstance(parent, str) else None


def _pack_folders(frames: Sequence[Frame]) -> tuple[dict[str, Path], list[str], list[str]]:
    """Pack folder name -> source folder; the offered names; the bases that must travel."""
    sources: dict[str, Path] = {}
    offered: list[str] = []
    bases: list[str] = []

    def add(name: str, folder: Path, names: list[str]) -> None:
        if not ID_PATTERN.fullmatch(name):
            raise pack_error(folder, "bad_frame", f"{name!r} cannot name a frame folder in a pack")
        known = sources.get(name)
        if known is not None and known.resolve() != folder.resolve():
            raise pack_error(folder, "bad_frame", f"two different frames would be packed as {name!r}")
        if known is None:
            sources[name] = folder
            names.append(name)

    for frame in frames:
        _saved(frame)
        add(frame.id, frame.folder, offered)
    for frame in frames:
        folder = frame.folder
        for _ in range(MAX_EXTENDS_DEPTH):
            parent = _extends(folder)
            base = None if parent is None else _base_folder(parent, near=folder)
            if parent is None or base is None or _is_bundled(base):
                break
            add(parent, base, bases)
            folder = base
    return sources, offered, bases


def _frame_files(name: str, folder: Path) -> Iterator[tuple[str, Path]]:
    """(entry name, file) of every plain file in a frame folder; hidden and temp files skipped."""
    root = folder.resolve()
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        if not file.resolve().is_relative_to(root):
            continue  # a link leading out of the frame's folder is never packed
        yield f"{FRAMES_PREFIX}{name}/{relative.as_posix()}", file


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _saved(frame: Frame) -> None:
    try:
        saved = load_frame(frame.folder).id
    except FrameError as error:
        raise pack_error(frame.folder, "bad_frame", f"the frame does not load: {error.message}") from None
    if saved != frame.id:
        raise pack_error(frame.folder, "unsaved", f"the frame {frame.id!r} is not saved in a folder yet")


def write_pack(
    path: str | Path, campaign: Campaign, frames: Sequence[Frame], *, overwrite: bool = False
) -> Path:
    """Write a campaign pack; returns its path.

    `campaign.frames` and `campaign.bases` are ignored: the pack offers `frames` (each
    loaded from its own folder), in order, plus the non-bundled bases they extend. The
    frames are first laid out as the pack will hold them and loaded from there, so a
    pack that would not open is never written. The file is written atomically.

    Raises:
        CampaignError: a bad campaign field, a frame that is not saved, two frames that
            would share a folder, a pack over the limits, or a frame that does not load
            from the pack.
        ExportError: the file exists (and `overwrite` is False) or cannot be written.
    """
    path = Path(path)
    if not frames:
        raise pack_error(path, "bad_manifest", "a pack needs at least one frame")
    sources, offered, bases = _pack_folders(frames)
    campaign = check_campaign(replace(campaign, frames=tuple(offered), bases=tuple(bases)), path)
    manifest = manifest_toml(campaign).encode("utf-8")
    files: list[tuple[str, Path]] = []
    total = len(manifest)
    for name, folder in sources.items():
        for entry_name, file in _frame_files(name, folder):
            size = file.stat().st_size
            total += size
            if size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES or len(files) >= MAX_ENTRIES - 1:
                raise pack_error(path, "too_big", f"{file}: the pack would be over its size limits")
            files.append((entry_name, file))
    with tempfile.TemporaryDirectory(prefix="frame-studio-pack-") as staging:
        for entry_name, file in files:
            target = Path(staging).joinpath(*entry_name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
        load_pack_frames(path, campaign, Path(staging))

    def write(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as pack:
            pack.writestr(_entry(MANIFEST), manifest)
            for entry_name, file in files:
                with file.open("rb") as source, pack.open(_entry(entry_name), "w") as out:
                    shutil.copyfileobj(source, out, safe_zip.CHUNK)

    return write_atomic(path, write, overwrite=overwrite)
