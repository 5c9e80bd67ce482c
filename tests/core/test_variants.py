"""Frame variants: in-memory previews, and folders that load back to the same rendering."""

from __future__ import annotations

import shutil
import tomllib
import unicodedata
from pathlib import Path

import pytest
from helpers import assert_image_similar

from frame_studio.core.errors import ExportError, FrameError
from frame_studio.core.frames import find_frame, frames_dir, load_frame
from frame_studio.core.overlay import render_overlay
from frame_studio.core.variants import editable_parts, variant_of, write_variant

GREETING = "CHÀO MỪNG ĐẠI HỘI LẦN THỨ XVII"


@pytest.fixture
def family(tmp_path: Path) -> Path:
    """A user folder holding a copy of the ring frame (so sibling variants resolve)."""
    folder = tmp_path / "frames"
    folder.mkdir()
    shutil.copytree(frames_dir() / "congress-ring", folder / "congress-ring")
    return folder


def test_editable_parts_list_named_texts_colours_and_background() -> None:
    parts = editable_parts(find_frame("congress-ring"))
    assert [name for name, _ in parts.texts] == ["top_text", "bottom_text"]
    assert dict(parts.texts)["bottom_text"].endswith("NHIỆM KỲ 2020-2025")
    assert dict(parts.colors) == {
        "band": "#c8102e",
        "inner_line": "#f6c846",
        "outer_line": "#f6c846",
        "top_text": "#ffd84d",
        "bottom_text": "#ffd84d",
    }
    assert parts.background == "#a50e1c"
    assert editable_parts(find_frame("congress-poster")).texts == ()


def test_variant_of_changes_only_what_it_is_given() -> None:
    base = find_frame("congress-ring")
    variant = variant_of(base, id="ring-green", name="Xanh lá", colors={"band": "#1b7f3a"})
    assert (variant.id, variant.name, variant.extends) == ("ring-green", "Xanh lá", "congress-ring")
    assert variant.layers[0].get("color") == (0x1B, 0x7F, 0x3A, 255)
    assert variant.layers[1:] == base.layers[1:]
    assert base.layers[0].get("color") == (0xC8, 0x10, 0x2E, 255)  # the base is not changed


def test_nfd_text_is_normalised() -> None:
    base = find_frame("congress-ring")
    nfd = unicodedata.normalize("NFD", GREETING)
    assert nfd != GREETING
    variant = variant_of(base, id="v", name=unicodedata.normalize("NFD", "Mẫu mới"), texts={"top_text": nfd})
    assert variant.layers[3].get("text") == GREETING
    assert variant.name == "Mẫu mới"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"colors": {"band": "reddish"}}, "is not a colour"),
        ({"colors": {"band": "#12345"}}, "is not a colour"),
        ({"background": "#zzzzzz"}, "background: is not a colour"),
        ({"colors": {"nope": "#ffffff"}}, "no coloured layer named 'nope'"),
        ({"texts": {"band": "hello"}}, "no text layer named 'band'"),
    ],
)
def test_bad_edits_are_frame_errors(kwargs: dict[str, dict[str, str]], message: str) -> None:
    with pytest.raises(FrameError, match=message):
        variant_of(find_frame("congress-ring"), id="v", name="V", **kwargs)  # type: ignore[arg-type]


def test_written_variant_renders_like_the_preview(family: Path) -> None:
    base = load_frame(family / "congress-ring")
    edits = {
        "texts": {"top_text": unicodedata.normalize("NFD", GREETING)},
        "colors": {"band": "#0b5d1e", "top_text": "#ffffffcc"},
        "background": "#073b16",
        "link": "https://example.org/đại-hội",
    }
    preview = variant_of(base, id="ring-green", name="Vòng xanh lá", **edits)  # type: ignore[arg-type]
    folder = write_variant(base, family, id="ring-green", name="Vòng xanh lá", **edits)  # type: ignore[arg-type]
    assert folder == family / "ring-green"
    loaded = load_frame(folder)
    assert (loaded.id, loaded.name, loaded.extends) == ("ring-green", "Vòng xanh lá", "congress-ring")
    assert loaded.link == "https://example.org/đại-hội"
    assert loaded.layers == preview.layers
    assert loaded.background == preview.background
    assert_image_similar(render_overlay(loaded, 540), render_overlay(preview, 540), 0.5, "variant-round-trip")
    assert not any(p.name.startswith(".") for p in family.iterdir())  # no temp folder left


def test_only_changed_fields_are_written(family: Path) -> None:
    base = load_frame(family / "congress-ring")
    folder = write_variant(
        base,
        family,
        id="ring-2",
        name="Vòng 2",
        texts={"top_text": str(base.layers[3].get("text")), "bottom_text": "NHIỆM KỲ 2025-2030"},
        colors={"band": "#C8102E", "inner_line": "#ffffff"},  # band is unchanged (upper case)
    )
    data = tomllib.loads((folder / "frame.toml").read_text(encoding="utf-8"))
    assert data == {
        "extends": "congress-ring",
        "id": "ring-2",
        "name": "Vòng 2",
        "layers": [
            {"name": "inner_line", "color": "#ffffff"},
            {"name": "bottom_text", "text": "NHIỆM KỲ 2025-2030"},
        ],
    }


def test_a_bundled_base_can_be_extended_from_any_folder(tmp_path: Path) -> None:
    base = find_frame("congress-ring-navy")  # itself a variant
    folder = write_variant(base, tmp_path, id="navy-gold", name="Xanh vàng", colors={"top_text": "#ffd84d"})
    loaded = load_frame(folder)
    assert loaded.extends == "congress-ring-navy"
    assert_image_similar(
        render_overlay(loaded, 300),
        render_overlay(variant_of(base, id="x", name="x", colors={"top_text": "#ffd84d"}), 300),
        0.5,
        "variant-of-variant",
    )


def test_existing_folder_is_refused(family: Path) -> None:
    base = load_frame(family / "congress-ring")
    (family / "taken").mkdir()
    (family / "taken" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_variant(base, family, id="taken", name="Taken")
    assert [p.name for p in (family / "taken").iterdir()] == ["keep.txt"]
    write_variant(base, family, id="once", name="Once")
    with pytest.raises(ExportError, match="already exists"):
        write_variant(base, family, id="once", name="Once again")


@pytest.mark.parametrize(
    ("new_id", "message"),
    [
        ("Has Spaces", "id: use lowercase"),
        ("../escape", "id: use lowercase"),
        ("congress-ring", "already the id"),
        ("congress-badge", "already the id"),
    ],
)
def test_bad_ids_are_refused(family: Path, new_id: str, message: str) -> None:
    with pytest.raises(FrameError, match=message):
        write_variant(load_frame(family / "congress-ring"), family, id=new_id, name="X")


def test_a_non_bundled_base_must_be_a_sibling(family: Path, tmp_path: Path) -> None:
    shutil.copytree(family / "congress-ring", tmp_path / "my-ring")
    edit = tmp_path / "my-ring" / "frame.toml"
    edit.write_text(
        edit.read_text(encoding="utf-8").replace('"congress-ring"', '"my-ring"'), encoding="utf-8"
    )
    base = load_frame(tmp_path / "my-ring")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with pytest.raises(FrameError, match="next to its base"):
        write_variant(base, elsewhere, id="my-ring-2", name="2")
    assert load_frame(write_variant(base, tmp_path, id="my-ring-2", name="2")).extends == "my-ring"


def test_text_that_does_not_fit_is_refused_before_writing(family: Path) -> None:
    base = load_frame(family / "congress-ring")
    with pytest.raises(FrameError, match="does not fit its arc"):
        write_variant(base, family, id="too-long", name="Dài", texts={"top_text": GREETING * 3})
    assert not (family / "too-long").exists()


def test_missing_parent_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_variant(find_frame("congress-ring"), tmp_path / "missing", id="v", name="V")
