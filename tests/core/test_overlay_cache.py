"""Overlays kept on disk: drawn once, then loaded (by every batch worker), redrawn when stale."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pytest
from helpers import dead_pid
from PIL import Image

from frame_studio.core import disk_cache, overlay_cache
from frame_studio.core.batch import run_batch
from frame_studio.core.batch_plan import BatchSettings, plan_batch
from frame_studio.core.frames import Layer, find_frame, load_frame
from frame_studio.core.overlay import render_overlay
from frame_studio.core.overlay_cache import cache_name, keep_on_disk, overlay_image
from frame_studio.core.processes import host_tag
from frame_studio.core.user_dirs import DATA_DIR_VARIABLE

SIZE = 256


@pytest.fixture(autouse=True)
def _forget_kept_frames() -> None:
    overlay_cache._kept.clear()


def stored(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.png"))


def test_a_kept_overlay_is_drawn_once_then_loaded(tmp_path: Path) -> None:
    frame = find_frame()
    keep_on_disk(frame, tmp_path)
    first = overlay_image(frame, SIZE)
    [file] = stored(tmp_path)
    assert np.array_equal(np.asarray(first), np.asarray(render_overlay(frame, SIZE)))
    with Image.open(file) as image:
        assert np.array_equal(np.asarray(image), np.asarray(first))  # lossless
    marked = first.copy()
    marked.putpixel((0, 0), (1, 2, 3, 4))
    marked.save(file)
    assert overlay_image(frame, SIZE).getpixel((0, 0)) == (1, 2, 3, 4)  # read from the disk


def test_a_frame_not_kept_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    overlay_image(find_frame(), SIZE)
    assert not list(tmp_path.rglob("*.png"))


def test_the_name_changes_with_whatever_changes_the_drawing(tmp_path: Path) -> None:
    frame = load_frame(_copy_of_bundled_frame(tmp_path))
    key = cache_name(frame, SIZE)
    assert cache_name(frame, SIZE) == key
    assert cache_name(frame, SIZE + 1) != key
    text_layer = next(i for i, layer in enumerate(frame.layers) if layer.kind in {"text", "arc_text"})
    layers = list(frame.layers)
    old = layers[text_layer]
    layers[text_layer] = Layer(old.kind, tuple((k, "Khác" if k == "text" else v) for k, v in old.options))
    assert cache_name(dataclasses.replace(frame, layers=tuple(layers)), SIZE) != key
    font = next(v for layer in frame.layers for _, v in layer.options if isinstance(v, Path))
    info = font.stat()
    os.utime(font, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))  # the designer replaced the file
    assert cache_name(frame, SIZE) != key


def _copy_of_bundled_frame(tmp_path: Path) -> Path:
    """The default frame's folder with its own copy of its fonts (so they can be touched)."""
    source = find_frame().folder
    target = tmp_path / "frame"
    target.mkdir()
    fonts = {v for layer in find_frame().layers for _, v in layer.options if isinstance(v, Path)}
    text = (source / "frame.toml").read_text(encoding="utf-8")
    for font in fonts:
        (target / font.name).write_bytes(font.read_bytes())
        text = text.replace(f"bundled:{font.name}", font.name)
    (target / "frame.toml").write_text(text, encoding="utf-8")
    return target


def test_a_damaged_file_is_drawn_again(tmp_path: Path) -> None:
    frame = find_frame()
    keep_on_disk(frame, tmp_path)
    overlay_image(frame, SIZE)
    [file] = stored(tmp_path)
    file.write_bytes(b"not a png")
    again = overlay_image(frame, SIZE)
    assert np.array_equal(np.asarray(again), np.asarray(render_overlay(frame, SIZE)))
    with Image.open(file) as image:
        assert image.size == (SIZE, SIZE)  # replaced by a good copy


def test_a_folder_that_cannot_be_written_only_costs_the_drawing(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    frame = find_frame()
    keep_on_disk(frame, blocker / "overlays")
    assert overlay_image(frame, SIZE).size == (SIZE, SIZE)


def test_old_files_are_removed_beyond_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(disk_cache, "MAX_FILES", 2)
    frame = find_frame()
    keep_on_disk(frame, tmp_path)
    for size in (100, 101, 102):
        overlay_image(frame, size)
    assert sorted(p.name.rsplit("-", 1)[1] for p in stored(tmp_path)) == ["101.png", "102.png"]


def test_batch_workers_keep_the_frame_overlay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, portrait: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "profile"))
    photos = tmp_path / "photos"
    photos.mkdir()
    portrait.rename(photos / portrait.name)
    plan = plan_batch(photos, tmp_path / "out", BatchSettings(sizes=(SIZE,)))
    assert [result.status for result in run_batch(plan, workers=1)] == ["framed"]
    [file] = stored(tmp_path / "profile" / "cache" / "overlays")
    assert file.name.endswith(f"-{SIZE}.png")


def test_a_killed_writers_temp_file_does_not_pile_up_in_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "overlays"
    folder.mkdir(parents=True)
    left = folder / f".fs-{host_tag()}.{dead_pid()}.aaaa.part"  # a worker killed mid-write
    left.write_bytes(b"half a PNG")
    disk_cache.store(folder / "0123.png", b"\x89PNG whole")
    assert not left.exists()
    assert (folder / "0123.png").read_bytes() == b"\x89PNG whole"
