"""The main window's menus: quit, recent photos, the bundled user guide, About."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from frame_studio import __version__
from frame_studio.core.assets import asset_path
from frame_studio.core.frames import Frame
from frame_studio.gui.help_dialogs import GUIDE, guide_markdown
from frame_studio.gui.i18n import FOLDER
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import MAX_RECENT_PHOTOS, Settings, recent_photos, remember_photo

ROOT = Path(__file__).resolve().parents[2]
LOAD_TIMEOUT = 30_000


def open_photo(qtbot: QtBot, window: MainWindow, photo: Path) -> None:
    with qtbot.waitSignal(window.photo.photo_loaded, timeout=LOAD_TIMEOUT):
        window.photo.load_photo(photo)


def copies(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / name for name in names]
    for path in paths:
        shutil.copyfile(ROOT / "tests" / "data" / "grace_hopper.jpg", path)
    return paths


# -- quit -------------------------------------------------------------------------------


@pytest.mark.gui
def test_quit_has_ctrl_q_and_closes_the_window_like_the_close_button(
    window: MainWindow, settings: Settings, frames: list[Frame]
) -> None:
    keys = [key.toString() for key in window.quit_action.shortcuts()]
    assert "Ctrl+Q" in keys  # also on Windows, where Qt has no standard Quit key
    assert len(keys) == len(set(keys))  # one key twice on an action would be ambiguous
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit):
        assert key.toString() in keys
    assert window.quit_action in window.file_menu.actions()
    ribbon = next(i for i, f in enumerate(frames) if f.id == "congress-ribbon")
    window.photo.frame_box.setCurrentIndex(ribbon)
    window.quit_action.trigger()
    assert not window.isVisible()
    assert settings.get("frame") == "congress-ribbon"  # closeEvent ran: the batch stopped, settings kept


# -- recent photos ----------------------------------------------------------------------


def test_the_recent_list_keeps_the_last_eight_newest_first(settings: Settings, tmp_path: Path) -> None:
    photos = [tmp_path / f"{n}.jpg" for n in range(10)]
    for photo in photos:
        remember_photo(settings, photo)
    remember_photo(settings, photos[5])  # opened again: first, once
    assert recent_photos(settings) == [photos[5], photos[9], photos[8], photos[7], photos[6], *photos[4:1:-1]]
    assert len(recent_photos(settings)) == MAX_RECENT_PHOTOS


@pytest.mark.gui
def test_opened_photos_are_listed_and_reopened_in_the_photo_workspace(
    qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    first, second = copies(tmp_path / "Ảnh", ["Nguyễn Thị Hường.jpg", "Trần Văn Bình.jpg"])
    open_photo(qtbot, window, first)
    open_photo(qtbot, window, second)
    assert recent_photos(settings) == [second, first]
    window.recent_menu.refresh()  # as when the menu opens
    entries = window.recent_menu.photo_actions()
    assert [action.text() for action in entries] == ["&1 Trần Văn Bình.jpg", "&2 Nguyễn Thị Hường.jpg"]
    assert entries[1].toolTip() == str(first)
    window.tabs.setCurrentWidget(window.batch)
    with qtbot.waitSignal(window.photo.photo_loaded, timeout=LOAD_TIMEOUT) as opened:
        entries[1].trigger()
    assert opened.args == [first]
    assert window.tabs.currentWidget() is window.photo
    assert window.photo.path == first
    assert recent_photos(settings) == [first, second]


@pytest.mark.gui
def test_missing_photos_are_dropped_with_a_note(
    window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    kept, gone, also_gone = copies(tmp_path, ["giữ.jpg", "đã xóa.jpg", "cũng đã xóa.jpg"])
    for photo in (also_gone, gone, kept):
        remember_photo(settings, photo)
    gone.unlink()
    also_gone.unlink()
    window.recent_menu.aboutToShow.emit()  # the menu opens
    assert recent_photos(settings) == [kept]
    assert [action.data() for action in window.recent_menu.photo_actions()] == [str(kept)]
    assert "2 ảnh" in window.statusBar().currentMessage()
    kept.unlink()  # gone between the menu opening and the click
    entry = window.recent_menu.photo_actions()[0]
    entry.trigger()
    assert recent_photos(settings) == []
    assert "“giữ.jpg”" in window.statusBar().currentMessage()
    assert window.photo.path is None  # nothing was opened
    assert window.recent_menu.photo_actions() == []
    assert not window.recent_menu.clear_action.isEnabled()


@pytest.mark.gui
def test_a_batch_photo_being_fixed_is_not_listed(window: MainWindow, settings: Settings) -> None:
    window.photo.fix = object()  # type: ignore[assignment]  # as while a batch photo is fixed
    window._photo_loaded(Path("batch photo.jpg"))
    window.photo.fix = None
    assert recent_photos(settings) == []


@pytest.mark.gui
@pytest.mark.skipif(not (FOLDER / "frame_studio_en.qm").is_file(), reason="translations not compiled")
def test_a_status_message_shown_by_the_window_follows_the_language(window: MainWindow) -> None:
    window.show_status(window.language_menu.title)  # a bound method that renders a text
    assert window.statusBar().currentMessage() == "Ngôn ngữ"
    window.set_language("en")
    assert window.statusBar().currentMessage() == "Language"
    window.statusBar().showMessage("Đang mở gói…")  # shown directly: left as it was written
    window.set_language("vi")
    assert window.statusBar().currentMessage() == "Đang mở gói…"


# -- help -------------------------------------------------------------------------------


def test_the_bundled_guide_is_the_guide_in_docs() -> None:
    bundled = asset_path(*GUIDE)
    assert bundled.read_text(encoding="utf-8") == (ROOT / "docs" / "huong-dan.md").read_text(
        encoding="utf-8"
    ), "copy docs/huong-dan.md to assets/guide/huong-dan.md"
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "assets"), "assets")' in spec  # assets/ is bundled whole, the guide with it


def test_the_guide_leaves_out_pictures_that_are_not_bundled(tmp_path: Path) -> None:
    (tmp_path / "here.png").write_bytes(b"")
    guide = tmp_path / "guide.md"
    guide.write_text("a\n![shown](here.png)\n![gone](screenshots/1-photo.png)\nb\n", encoding="utf-8")
    assert guide_markdown(guide) == "a\n![shown](here.png)\n\nb\n"


@pytest.mark.gui
def test_help_opens_the_user_guide(window: MainWindow) -> None:
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert window.guide_action in window.help_menu.actions()
    window.guide_action.trigger()
    dialog = window.guide_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Hướng dẫn sử dụng"
    text = dialog.browser.toPlainText()
    assert text.startswith("Hướng dẫn sử dụng Frame Studio")
    assert "Tổ chức cán bộ: gắn khung hàng loạt" in text
    assert "screenshots/" not in dialog.browser.toMarkdown()  # no broken pictures
    assert not dialog.isModal()  # the app keeps working beside it
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Đóng"  # not Qt's English “Close”
    window.guide_action.trigger()
    assert window.guide_dialog is dialog  # one window, brought to the front


@pytest.mark.gui
def test_about_shows_the_version_and_the_bundled_licences(window: MainWindow) -> None:
    assert window.about_action in window.help_menu.actions()
    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog is not None and dialog.isVisible()
    assert __version__ in dialog.heading.text()
    text = dialog.browser.toPlainText()
    assert "Be Vietnam Pro" in text and "SIL Open Font License" in text
    assert "Copyright 2021 The Be Vietnam Pro Project Authors" in text  # the OFL text itself
    assert "YuNet" in text and "Permission is hereby granted, free of charge" in text  # the MIT text
    assert "Shenzhen Institute of Artificial Intelligence and Robotics" in text
    assert "LGPL" in text
