"""The campaign web page's folder: what is in it, what it may refer to, and what it never replaces.

The page itself runs in tests/web (headless Chromium); here the folder is checked as files:
its size, its Content-Security-Policy, that no file names an address outside the folder
(except the campaign's own link and the hosting address), that the overlays inside are
the desktop's pixels, that the QR code decodes to the hosting address, and that a file
Frame Studio did not write is never replaced.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from frame_studio.core import web_page
from frame_studio.core.campaign import DEFAULT_CAPTION, DEFAULT_INSTRUCTIONS, Campaign
from frame_studio.core.errors import ExportError
from frame_studio.core.frames import Frame, Layer, bundled_frames, find_frame, load_frame
from frame_studio.core.overlay import render_overlay
from frame_studio.core.qr import decode_qr
from frame_studio.core.web_page import (
    DATA_FILE,
    MANIFEST_FILE,
    QR_FILE,
    WebExportError,
    export_web_page,
)

URL = "https://vanphong.langson.example/khung-anh/"
PAGE_FILES = {"index.html", "app.js", "style.css", "sw.js", "icon.png", DATA_FILE, MANIFEST_FILE}
ADDRESS = re.compile(r"\b(?:https?|wss?|ftp)://[^\s\"'<>\\)]+", re.IGNORECASE)
PROTOCOL_RELATIVE = re.compile(r"(?<![:\w/])//[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)


@pytest.fixture(scope="module")
def frames() -> list[Frame]:
    return [load_frame(folder) for folder in bundled_frames()]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, frames: list[Frame]) -> Path:
    """The bundled frames exported once with a hosting address (read-only for the tests)."""
    folder = tmp_path_factory.mktemp("web") / "page"
    export_web_page(folder, frames, url=URL)
    return folder


def page_data(folder: Path) -> dict[str, Any]:
    """The JSON inside frames.js."""
    text = (folder / DATA_FILE).read_text("utf-8")
    prefix, suffix = "window.frameStudioData = ", ";\n"
    assert text.startswith(prefix) and text.endswith(suffix)
    data: dict[str, Any] = json.loads(text[len(prefix) : -len(suffix)])
    return data


def decode_data_url(url: str) -> Image.Image:
    head, _, body = url.partition(",")
    assert head == "data:image/png;base64"
    return Image.open(io.BytesIO(base64.b64decode(body)))


# ---------------------------------------------------------------------------------------
# What the folder holds
# ---------------------------------------------------------------------------------------


def test_the_folder_holds_the_page_and_the_qr_code_and_stays_under_2_mb(exported: Path) -> None:
    names = {path.name for path in exported.iterdir()}
    assert names == PAGE_FILES | {QR_FILE}
    total = sum(path.stat().st_size for path in exported.iterdir())
    assert total < 2_000_000, f"{total} bytes"


def test_the_result_lists_every_file_written(tmp_path: Path, frames: list[Frame]) -> None:
    done = export_web_page(tmp_path / "page", frames, url=URL)
    assert {path.name for path in done.files} == PAGE_FILES | {QR_FILE}
    assert all(path.parent == tmp_path / "page" for path in done.files)
    assert done.index == tmp_path / "page" / "index.html"
    assert done.total_bytes == sum(path.stat().st_size for path in done.files)
    assert done.removed == () and done.notes == ()


@pytest.mark.parametrize("index", range(len(bundled_frames())))
def test_each_overlay_is_the_desktop_overlay_pixel_for_pixel(exported: Path, index: int) -> None:
    entry = page_data(exported)["frames"][index]
    frame = find_frame(entry["id"])
    overlay = decode_data_url(entry["overlay"])
    assert overlay.mode == "RGBA" and overlay.size == (1080, 1080)
    expected = np.asarray(render_overlay(frame, 1080))
    assert np.array_equal(np.asarray(overlay), expected)


def test_the_data_carries_each_frames_window_and_face_target(exported: Path, frames: list[Frame]) -> None:
    data = page_data(exported)
    assert data["size"] == 1080
    assert [entry["id"] for entry in data["frames"]] == [frame.id for frame in frames]
    for entry, frame in zip(data["frames"], frames, strict=True):
        assert entry["name"] == frame.name
        assert entry["window"] == {"shape": frame.window.shape, "box": list(frame.window.box)}
        target = frame.face_target
        assert entry["face"] == {"center": [target.center_x, target.center_y], "height": target.height}
        assert entry["padFill"] == frame.pad_fill
    first = frames[0]
    assert data["campaign"]["name"] == first.campaign
    assert data["campaign"]["link"] == first.link
    assert data["campaign"]["end"] == "2020-09-29"
    assert data["campaign"]["caption"] == DEFAULT_CAPTION  # the desktop's, filled by the page
    assert data["url"] == URL and data["qr"] == QR_FILE


def test_the_manifest_describes_the_page_and_every_file(exported: Path) -> None:
    manifest = json.loads((exported / MANIFEST_FILE).read_text("utf-8"))
    assert manifest["generator"].startswith("Frame Studio ")
    assert manifest["url"] == URL
    assert [entry["id"] for entry in manifest["frames"]] == [
        entry["id"] for entry in page_data(exported)["frames"]
    ]
    assert "overlay" not in manifest["frames"][0]  # the pixels live in frames.js only
    assert set(manifest["files"]) == PAGE_FILES - {MANIFEST_FILE} | {QR_FILE}
    for name, digest in manifest["files"].items():
        assert web_page._digest((exported / name).read_bytes()) == digest


def test_a_campaign_pack_gives_its_name_dates_caption_and_instructions(
    tmp_path: Path, frames: list[Frame]
) -> None:
    campaign = Campaign(
        id="dai-hoi",
        name="Đại hội <XVII> & “nhiệm kỳ”",
        link="https://example.org/dai-hoi",
        start=dt.date(2030, 9, 1),
        end=dt.date(2030, 9, 29),
        caption="{ho_ten} – {don_vi}",
        instructions="Cập nhật ảnh trước ngày 5/9.",
    )
    export_web_page(tmp_path, frames[:2], campaign)
    about = page_data(tmp_path)["campaign"]
    assert about == {
        "name": campaign.name,
        "link": campaign.link,
        "start": "2030-09-01",
        "end": "2030-09-29",
        "caption": "{ho_ten} – {don_vi}",
        "instructions": "Cập nhật ảnh trước ngày 5/9.",
    }
    html = (tmp_path / "index.html").read_text("utf-8")
    assert "Đại hội &lt;XVII&gt; &amp; “nhiệm kỳ”" in html and "<XVII>" not in html
    default = replace(campaign, instructions=DEFAULT_INSTRUCTIONS, caption="")
    export_web_page(tmp_path / "default", frames[:1], default)
    about = page_data(tmp_path / "default")["campaign"]
    assert about["instructions"] == ""  # the default one tells people to open the desktop app
    assert about["caption"] == DEFAULT_CAPTION


def test_a_frame_with_name_fields_is_shown_without_them(tmp_path: Path) -> None:
    frame = find_frame("congress-ring")
    text = next(layer for layer in frame.layers if layer.kind == "arc_text")
    named = Layer("arc_text", tuple((k, "{ho_ten}" if k == "text" else v) for k, v in text.options))
    layers = tuple(named if layer is text else layer for layer in frame.layers)
    done = export_web_page(tmp_path, [replace(frame, layers=layers)])
    assert done.notes == ("congress-ring: the page shows this frame without its name fields",)


# ---------------------------------------------------------------------------------------
# Nothing from elsewhere
# ---------------------------------------------------------------------------------------


def test_no_file_names_an_address_but_the_campaign_link_and_the_hosting_address(exported: Path) -> None:
    allowed = {URL, find_frame("congress-ring").link}
    for path in exported.iterdir():
        text = path.read_bytes().decode("utf-8", errors="replace")
        found = set(ADDRESS.findall(text))
        assert found <= allowed, f"{path.name}: {found - allowed}"
        if path.suffix in {".html", ".js", ".css"}:
            assert not PROTOCOL_RELATIVE.findall(text), path.name
    for name in ("index.html", "app.js", "style.css", "sw.js"):
        text = (exported / name).read_text("utf-8")
        assert not ADDRESS.findall(text), name  # the page's own code names no address at all
        assert "@import" not in text and "@font-face" not in text, name


def test_the_page_declares_its_content_security_policy(exported: Path) -> None:
    html = (exported / "index.html").read_text("utf-8")
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert len(metas) == 1
    rules = {rule.split()[0]: rule.split()[1:] for rule in metas[0].split("; ")}
    assert rules["default-src"] == ["'self'"]
    assert rules["img-src"] == ["'self'", "blob:", "data:"]
    assert rules["script-src"] == ["'self'"] and rules["style-src"] == ["'self'"]
    assert rules["connect-src"] == ["'none'"]  # the page fetches nothing itself
    assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'none'"]
    assert "unsafe" not in metas[0]
    assert html.index("Content-Security-Policy") < html.index("<script")  # before anything loads


def test_the_page_has_no_inline_script_style_or_handler(exported: Path) -> None:
    """The policy forbids inline code: the page must not depend on any."""
    html = (exported / "index.html").read_text("utf-8")
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2
    assert all('src="' in attributes and body == "" for attributes, body in scripts)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert re.search(r'<script src="frames\.js\?v=[0-9a-f]{10}" defer>', html)
    assert re.search(r'<script src="app\.js\?v=[0-9a-f]{10}" defer>', html)


def test_the_qr_code_decodes_to_the_hosting_address(exported: Path) -> None:
    with Image.open(exported / QR_FILE) as image:
        assert decode_qr(image) == URL


def test_without_an_address_there_is_no_qr_code(tmp_path: Path, frames: list[Frame]) -> None:
    export_web_page(tmp_path, frames[:1])
    assert {path.name for path in tmp_path.iterdir()} == PAGE_FILES
    data = page_data(tmp_path)
    assert data["url"] is None and data["qr"] is None


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "vanphong.example/khung", "https://", "https://a b.example/", "ftp://x.example/"],
)
def test_a_bad_hosting_address_is_refused_before_anything_is_written(
    tmp_path: Path, frames: list[Frame], url: str
) -> None:
    with pytest.raises(WebExportError) as caught:
        export_web_page(tmp_path / "page", frames[:1], url=url)
    assert caught.value.code == "bad_url"
    assert not (tmp_path / "page").exists()


def test_an_address_too_long_for_a_qr_code_is_refused(tmp_path: Path, frames: list[Frame]) -> None:
    with pytest.raises(WebExportError, match="too long for a QR code"):
        export_web_page(tmp_path, frames[:1], url="https://example.org/" + "a" * 3000)


def test_frames_are_required_and_their_ids_unique(tmp_path: Path, frames: list[Frame]) -> None:
    with pytest.raises(WebExportError, match="at least one frame"):
        export_web_page(tmp_path, [])
    with pytest.raises(WebExportError, match="same id"):
        export_web_page(tmp_path, [frames[0], frames[0]])


# ---------------------------------------------------------------------------------------
# Never replacing someone else's file
# ---------------------------------------------------------------------------------------


def test_a_file_frame_studio_did_not_write_is_never_replaced(tmp_path: Path, frames: list[Frame]) -> None:
    (tmp_path / "index.html").write_text("<p>the agency's own home page</p>", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"someone's photo")
    with pytest.raises(WebExportError) as caught:
        export_web_page(tmp_path, frames, url=URL)
    assert caught.value.code == "foreign_files"
    assert "index.html" in caught.value.message and "choose an empty folder" in caught.value.message
    assert (tmp_path / "index.html").read_text("utf-8") == "<p>the agency's own home page</p>"
    assert {path.name for path in tmp_path.iterdir()} == {"index.html", "photo.jpg"}  # nothing written


def test_overwrite_replaces_them_and_leaves_other_files_alone(tmp_path: Path, frames: list[Frame]) -> None:
    (tmp_path / "index.html").write_text("old", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"someone's photo")
    export_web_page(tmp_path, frames[:1], overwrite=True)
    assert "Content-Security-Policy" in (tmp_path / "index.html").read_text("utf-8")
    assert (tmp_path / "photo.jpg").read_bytes() == b"someone's photo"


def test_a_foreign_manifest_or_a_folder_in_the_way_is_refused(tmp_path: Path, frames: list[Frame]) -> None:
    (tmp_path / MANIFEST_FILE).write_text('{"generator": "someone else"}', "utf-8")
    with pytest.raises(WebExportError, match=MANIFEST_FILE):
        export_web_page(tmp_path / ".", frames[:1])
    other = tmp_path / "other"
    (other / "app.js").mkdir(parents=True)
    with pytest.raises(WebExportError, match=r"app\.js"):
        export_web_page(other, frames[:1])


def test_a_file_instead_of_the_folder_is_an_error(tmp_path: Path, frames: list[Frame]) -> None:
    (tmp_path / "page").write_text("x", "utf-8")
    with pytest.raises((WebExportError, ExportError)):
        export_web_page(tmp_path / "page", frames[:1])


def test_exporting_again_replaces_its_own_files_and_removes_what_is_no_longer_part(
    tmp_path: Path, frames: list[Frame]
) -> None:
    export_web_page(tmp_path, frames, url=URL)
    again = export_web_page(tmp_path, frames[:2])  # no address this time: no QR code
    assert again.removed == (tmp_path / QR_FILE,)
    assert {path.name for path in tmp_path.iterdir()} == PAGE_FILES
    assert len(page_data(tmp_path)["frames"]) == 2
    before = {path.name: path.stat().st_mtime_ns for path in tmp_path.iterdir()}
    export_web_page(tmp_path, frames[:2])
    assert {
        path.name: path.stat().st_mtime_ns for path in tmp_path.iterdir()
    } == before  # same bytes: untouched


def test_a_page_file_changed_since_the_export_is_not_replaced(tmp_path: Path, frames: list[Frame]) -> None:
    export_web_page(tmp_path, frames[:1], url=URL)
    (tmp_path / "style.css").write_text("body { color: red }", "utf-8")  # the comms team's change
    (tmp_path / QR_FILE).write_bytes(b"their own picture")
    with pytest.raises(WebExportError) as caught:
        export_web_page(tmp_path, frames[:1])
    assert "style.css" in caught.value.message and QR_FILE in caught.value.message
    assert (tmp_path / "style.css").read_text("utf-8") == "body { color: red }"
    assert (tmp_path / QR_FILE).read_bytes() == b"their own picture"


def test_an_export_stopped_half_way_is_finished_by_the_next_one(
    tmp_path: Path, frames: list[Frame], monkeypatch: pytest.MonkeyPatch
) -> None:
    export_web_page(tmp_path, frames[:1])
    real = web_page.write_bytes_atomic
    calls: list[Path] = []

    def fail_after_three(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
        calls.append(Path(path))
        if len(calls) > 3:
            raise ExportError(path, "disk_full", "the disk is full; nothing was written")
        return real(path, data, overwrite=overwrite)

    monkeypatch.setattr(web_page, "write_bytes_atomic", fail_after_three)
    with pytest.raises(ExportError):
        export_web_page(tmp_path, frames[1:3], url=URL)  # other frames, other address: new files
    monkeypatch.setattr(web_page, "write_bytes_atomic", real)
    done = export_web_page(tmp_path, frames[3:], url=URL + "moi/")  # yet another: still ours
    assert {path.name for path in done.files} == PAGE_FILES | {QR_FILE}
    assert [entry["id"] for entry in page_data(tmp_path)["frames"]] == [frame.id for frame in frames[3:]]
    with Image.open(tmp_path / QR_FILE) as image:
        assert decode_qr(image) == URL + "moi/"
    manifest = json.loads((tmp_path / MANIFEST_FILE).read_text("utf-8"))
    assert "pending" not in manifest
