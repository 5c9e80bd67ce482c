"""The Frames workspace's "Xuất trang web…" button: the page it writes works in a real browser.

The dialogs are answered by the test (the campaign details, the page's address, the
folder); the export runs on the app's worker; the folder is then served and loaded in
headless Chromium, a photo is uploaded and the avatar compared with the desktop's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from test_web_page_browser import PHOTO, Page, assert_matches_desktop, covering
from web_helpers import serve

from frame_studio.core.frames import find_frame
from frame_studio.core.qr import decode_qr
from frame_studio.gui import ask, pack_export
from frame_studio.gui.app import load_frames
from frame_studio.gui.frames_workspace import FramesWorkspace
from frame_studio.gui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.browser]

ADDRESS = "https://sotttt.langson.gov.vn/khung-anh/"


@pytest.fixture
def workspace(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FramesWorkspace]:
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setattr(pack_export, "_last", {})
    pool = QThreadPool()
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    widget = FramesWorkspace(load_frames(), pool, settings)
    qtbot.addWidget(widget)
    yield widget
    pool.waitForDone(60_000)


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, folder: Path, replace: bool = False) -> list[str]:
    """The campaign dialog is accepted as filled, the address typed, the folder chosen."""
    asked: list[str] = []
    monkeypatch.setattr(pack_export.PackExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ask, "ask_text", lambda *args, **kwargs: ADDRESS)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))

    def question(parent: Any, title: str, text: str, **buttons: str) -> bool:
        asked.append(text)
        return replace

    monkeypatch.setattr(ask, "ask", question)
    return asked


def test_the_button_writes_a_page_that_frames_a_photo_like_the_desktop(
    qtbot: QtBot, workspace: FramesWorkspace, driver: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "trang-web"
    answer_dialogs(monkeypatch, folder)
    qtbot.mouseClick(workspace.web_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xuất trang web" in workspace.message.text(), timeout=60_000)
    assert (folder / "index.html").is_file()
    with Image.open(folder / "qr.png") as code:
        assert decode_qr(code) == ADDRESS
    with serve(folder) as (address, _):
        metrics = {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        page = Page(driver).open(address + "index.html")
        assert page.choose(PHOTO) == "ready"
        page.select("congress-ring")
        placement = covering((512, 600))
        page.set_placement(placement)
        assert_matches_desktop(page.export("image/png"), PHOTO, placement, find_frame("congress-ring"), "gui")


def test_files_the_app_did_not_write_are_replaced_only_after_asking(
    qtbot: QtBot, workspace: FramesWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "trang-web"
    folder.mkdir()
    (folder / "index.html").write_text("the agency's own page", encoding="utf-8")
    asked = answer_dialogs(monkeypatch, folder, replace=False)
    qtbot.mouseClick(workspace.web_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Không xuất được trang web" in workspace.message.text(), timeout=60_000)
    assert len(asked) == 1 and "index.html" not in workspace.message.text().split(":")[0]
    assert (folder / "index.html").read_text(encoding="utf-8") == "the agency's own page"
    answer_dialogs(monkeypatch, folder, replace=True)
    qtbot.mouseClick(workspace.web_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xuất trang web" in workspace.message.text(), timeout=60_000)
    assert "app.js" in (folder / "index.html").read_text(encoding="utf-8")
