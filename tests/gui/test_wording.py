"""One wording everywhere (issue 12, item 16), and every string has its English.

The reviewer's terms: "gắn khung" for the action, "cán bộ" for staff, "đường dẫn" for a
link, "không xử lý được" rather than "bị từ chối", "Về vị trí tự động", "ảnh thử" for the
sample photos ("mẫu" is a frame template), “…” quotes. The UI's strings are read from the
translation file's sources (and the file is checked to hold every tr() string of the code),
then the user guide, the frames, the reminder, the default campaign texts and the web page.

The ask() buttons are named through the translations: Vietnamese in the Vietnamese UI,
English after switching to English (Qt's own Yes/No would be English in both).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from frame_studio.core.campaign import DEFAULT_CAPTION, DEFAULT_INSTRUCTIONS
from frame_studio.core.frames import bundled_frames
from frame_studio.core.reminder import reminder_ics
from frame_studio.gui import ask
from frame_studio.gui.i18n import FOLDER
from frame_studio.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "frame_studio" / "gui"
TS = FOLDER / "frame_studio_en.ts"
#: Words and forms the UI no longer uses, with the wording that replaced each.
BANNED = {
    "ghép khung": "gắn khung",
    "lồng khung": "gắn khung",
    "nhân viên": "cán bộ",
    "nhân sự": "cán bộ",
    "liên kết": "đường dẫn",
    "bị từ chối": "không xử lý được",
    "đặt lại tự động": "Về vị trí tự động",
    "ảnh mẫu": "ảnh thử",
    "khuôn mặt mẫu": "ảnh thử",
    "«": "“",
    "»": "”",
}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")


def banned_in(text: str) -> list[str]:
    """The banned words and forms in `text` (case does not matter)."""
    folded = text.casefold()
    return [word for word in BANNED if word in folded]


def messages() -> Iterator[tuple[str, ET.Element]]:
    """(context, <message>) of the translation file."""
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def ts_sources() -> set[str]:
    return {message.findtext("source") or "" for _, message in messages()}


def code_strings() -> set[str]:
    """Every literal text the GUI's code hands to self.tr() or translate(context, text)."""
    found = set()
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            at = {"tr": 0, "translate": 1}.get(name)
            if at is not None and len(node.args) > at:
                text = node.args[at]
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.add(text.value)
    return found


# -- the UI's strings ---------------------------------------------------------------------


def test_the_translation_file_holds_every_string_of_the_code() -> None:
    missing = sorted(code_strings() - ts_sources())
    assert missing == [], "run: python tools/translations.py update (then translate)"


def test_no_ui_string_uses_a_banned_word() -> None:
    found = {source: banned_in(source) for source in ts_sources() if banned_in(source)}
    assert found == {}, {word: BANNED[word] for words in found.values() for word in words}


def test_the_variant_editor_discards_and_only_the_photo_workspace_undoes() -> None:
    by_context: dict[str, set[str]] = {}
    for context, message in messages():
        by_context.setdefault(context, set()).add(message.findtext("source") or "")
    assert "Bỏ các thay đổi" in by_context["VariantEditor"]
    assert "Hoàn tác" not in by_context["VariantEditor"]  # it never was an undo
    assert {"Hoàn tác", "Làm lại"} <= by_context["PlacementHistory"]
    assert "Về vị trí tự động" in by_context["PhotoWorkspace"]


def test_every_string_has_a_finished_english_translation() -> None:
    problems = []
    for context, message in messages():
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") is not None:  # unfinished, vanished, obsolete
            problems.append((context, source, translation.get("type")))
            continue
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms if len(forms) == 2 else []  # English: one, many
        else:
            texts = [translation.text or ""]
        if not texts or not all(text.strip() for text in texts):
            problems.append((context, source, "empty"))
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append((context, source, f"placeholders differ: {text}"))
    assert problems == []


def test_counts_the_user_sees_most_have_plural_forms() -> None:
    numerus = {message.findtext("source") for _, message in messages() if message.get("numerus") == "yes"}
    for source in (
        "%n ảnh đã gắn khung",
        "%n ảnh cần xem lại",
        "%n ghi chú khi lập danh sách (xem trong danh sách bên dưới).",
        "Đã dừng giữa chừng: {parts}; còn %n ảnh chưa làm (bấm “Bắt đầu” để làm tiếp).",
    ):
        assert source in numerus


# -- the other texts a person reads -----------------------------------------------------------


def frame_texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from frame_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from frame_texts(item)


TEXTS: dict[str, Callable[[], str]] = {
    "docs/huong-dan.md": lambda: (ROOT / "docs" / "huong-dan.md").read_text(encoding="utf-8"),
    "assets/guide/huong-dan.md": lambda: (ROOT / "assets" / "guide" / "huong-dan.md").read_text(
        encoding="utf-8"
    ),
    "assets/web/index.html": lambda: (ROOT / "assets" / "web" / "index.html").read_text(encoding="utf-8"),
    "assets/web/app.js": lambda: (ROOT / "assets" / "web" / "app.js").read_text(encoding="utf-8"),
    "frames": lambda: "\n".join(
        text
        for folder in bundled_frames()
        for text in frame_texts(tomllib.loads((folder / "frame.toml").read_text(encoding="utf-8")))
    ),
    "reminder": lambda: reminder_ics("Đại hội XVII", dt.date(2020, 9, 29), link="https://example.vn/khung"),
    "campaign defaults": lambda: DEFAULT_CAPTION + "\n" + DEFAULT_INSTRUCTIONS,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_guide_frames_reminder_and_web_page_use_the_same_words(name: str) -> None:
    text = TEXTS[name]().replace("\r\n ", "")  # the reminder's folded lines, unfolded
    assert banned_in(text) == []


def test_every_congress_greeting_names_the_delegates() -> None:
    """“Đại hội đại biểu”: the badge's arc said “ĐẠI HỘI ĐẢNG BỘ” while the others did not."""
    for folder in bundled_frames():
        data = tomllib.loads((folder / "frame.toml").read_text(encoding="utf-8"))
        greeting = " ".join(layer.get("text", "") for layer in data.get("layers", []))
        if "ĐẠI HỘI" in greeting:
            assert "ĐẠI HỘI ĐẠI BIỂU" in greeting, folder.name


# -- ask(): buttons in the UI's language -------------------------------------------------------


def answer_next_box(role: QMessageBox.ButtonRole | None, seen: list[list[str]]) -> None:
    """When the next box is up, note its buttons' texts and press the button of `role` (None: Esc)."""

    def press(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: press(tries - 1))
            return
        seen.append([button.text() for button in box.buttons()])
        if role is None:
            QTest.keyClick(box, Qt.Key.Key_Escape)
            return
        button = next((button for button in box.buttons() if box.buttonRole(button) == role), None)
        if button is None:
            box.reject()  # never leave the test waiting on a box
        else:
            button.click()

    QTimer.singleShot(0, press)


def dialog_buttons(widget: QWidget) -> list[str]:
    return sorted(button.text() for button in widget.findChildren(QPushButton))


@pytest.mark.gui
def test_ask_buttons_are_vietnamese_then_english(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[list[str]] = []
    answer_next_box(QMessageBox.ButtonRole.YesRole, seen)
    assert ask.ask(window, "Câu hỏi", "Thay tệp?") is True
    answer_next_box(None, seen)  # Esc is the "no" button
    assert ask.ask(window, "Câu hỏi", "Thay tệp?", yes="Thay", no="Giữ nguyên") is False
    answer_next_box(QMessageBox.ButtonRole.NoRole, seen)
    assert ask.ask(window, "Câu hỏi", "Thay tệp?") is False
    assert seen == [["Có", "Không"], ["Thay", "Giữ nguyên"], ["Có", "Không"]]
    assert dialog_buttons(ask.notice_box(window, "Gói", "…", QMessageBox.Icon.Information)) == ["Đóng"]

    window.set_language("en")
    seen.clear()
    answer_next_box(QMessageBox.ButtonRole.YesRole, seen)
    assert ask.ask(window, "Question", "Replace?") is True
    assert seen == [["Yes", "No"]]
    assert dialog_buttons(ask.notice_box(window, "Pack", "…", QMessageBox.Icon.Warning)) == ["Close"]

    window.set_language("vi")
    seen.clear()
    answer_next_box(QMessageBox.ButtonRole.YesRole, seen)
    assert ask.ask(window, "Câu hỏi", "Thay tệp?") is True
    assert seen == [["Có", "Không"]]


@pytest.mark.gui
def test_ask_text_buttons_follow_the_language(qtbot: QtBot, window: MainWindow) -> None:
    texts: list[list[str]] = []

    def cancel(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if tries:
                QTimer.singleShot(20, lambda: cancel(tries - 1))
            return
        texts.append(dialog_buttons(dialog))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    assert ask.ask_text(window, "Địa chỉ", "Địa chỉ trang:", "https://") is None
    window.set_language("en")
    QApplication.processEvents()  # the posted language change, as before any click in the app
    QTimer.singleShot(0, cancel)
    assert ask.ask_text(window, "Address", "Page address:", "https://") is None
    assert texts == [sorted(["Tiếp tục", "Hủy"]), sorted(["Continue", "Cancel"])]
