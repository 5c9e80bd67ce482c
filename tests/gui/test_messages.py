"""The GUI's words for the core's codes: one table, every code in it, Vietnamese only.

`messages.texts()` must hold a Vietnamese text for every code the core registers
(`errors.CODES`, which tests/core/test_error_codes.py proves complete by scanning the
core); no English sentence of the core may reach the Vietnamese UI through it. Frame-check
problems are said as plain sentences naming the part ("Lời chào quá dài…"), never as
`layers[3] (top_text)`; the QR panel says when a link is a dead Facebook frame link; the
campaign box offers a caption that greets once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from frame_studio.core.errors import CODES, Note
from frame_studio.core.frames import find_frame, frames_dir
from frame_studio.core.lint import PROBLEMS, Problem, folder_problems, frame_problems
from frame_studio.gui.campaign_panel import CampaignPanel, campaign_of_frame
from frame_studio.gui.lint_view import LintView
from frame_studio.gui.messages import error_text, note_text, problem_text, texts
from frame_studio.gui.qr_panel import QrPanel

pytestmark = pytest.mark.gui

FACEBOOK_LINK = "http://www.facebook.com/profilepicframes/?selected_overlay_id=663119041002834"
AGENCY_PAGE = "https://langson.gov.vn/dai-hoi-xvii"
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
GREETING = "CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẠNG SƠN LẦN THỨ XVII, NHIỆM KỲ 2020-2025"
#: Parameters enough for any problem's sentence.
PARAMS = {
    "text": "CHÀO MỪNG",
    "minimum": 27,
    "at": 1080,
    "size": 0.2,
    "font": "BeVietnamPro-Bold.ttf",
    "characters": "漢 字",
    "width": 500,
    "height": 500,
    "output": 1080,
    "link": FACEBOOK_LINK,
    "detail": "an English sentence of the core",
}


def test_the_table_has_every_core_code_and_nothing_else() -> None:
    words = texts()
    assert sorted(set(CODES) - set(words)) == []  # a code without Vietnamese words
    assert sorted(set(words) - set(CODES)) == []  # words for a code the core does not have


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_reads_as_vietnamese(code: str) -> None:
    text = error_text(code, "an English sentence of the core")
    assert VIETNAMESE.search(text), (code, text)
    assert "English" not in text


def test_an_unknown_code_shows_no_english() -> None:
    assert error_text("no_such_code", "the roster has more than 100000 rows") == "lỗi không mong đợi"
    assert error_text(None, "Traceback: KeyError") == "lỗi không mong đợi"


def test_a_batch_note_is_said_in_vietnamese_with_its_parameters() -> None:
    note = Note("no_roster_row", "a.jpg: no row in the roster", name="a.jpg")
    assert note_text(note) == "a.jpg: không có dòng nào trong danh sách cán bộ"
    left_out = Note("folders_left_out", "2 sub-folders not included (...)", count=2)
    assert note_text(left_out).startswith("Thư mục con không được tính (2)")
    assert note_text("a note without a code") == "a note without a code"


def test_a_roster_too_large_is_not_a_photo_too_large() -> None:
    assert error_text("roster_too_large") == "danh sách cán bộ quá dài (quá 100 000 dòng)"
    assert "triệu điểm ảnh" in error_text("too_large") and "ảnh" in error_text("too_large")


@pytest.mark.parametrize("code", sorted(PROBLEMS))
def test_every_problem_is_a_sentence_without_leftover_fields(code: str) -> None:
    for problem in (
        Problem(code, "top_text", 3, "arc_text", "top", PARAMS),
        Problem(code, "window" if code.startswith("window") else "link", params=PARAMS),
    ):
        text = problem_text(problem)
        assert "{" not in text and "}" not in text, text
        assert "layers[" not in text and "top_text" not in text and "English" not in text, text
        assert text[0].isupper() and VIETNAMESE.search(text), text


def test_a_greeting_too_long_even_shrunk_names_the_part_in_plain_words(tmp_path: Path) -> None:
    folder = tmp_path / "ring"
    (folder).mkdir()
    toml = (frames_dir() / "congress-ring" / "frame.toml").read_text(encoding="utf-8")
    toml = toml.replace("CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH", f"{GREETING} · {GREETING}", 1)
    (folder / "frame.toml").write_text(toml, encoding="utf-8")
    [problem] = folder_problems(folder)
    text = problem_text(problem)
    assert text.startswith(
        "Lời chào quá dài: dù đã thu chữ nhỏ tới mức nhỏ nhất còn đọc rõ (27 px trên ảnh 1080 px)"
    )
    assert f"Hãy rút ngắn “{GREETING} · {GREETING}”." in text
    assert str(problem).startswith("layers[3] (top_text): ")  # the CLI's English, for designers


def test_a_layer_without_a_known_name_is_named_by_what_it_is() -> None:
    arc = Problem("outside_circle", "", 0, "arc_text", "top")
    assert (
        problem_text(arc)
        == "Dòng chữ trên vòng trên lọt ra ngoài vòng tròn mà Facebook hiển thị, nên sẽ bị cắt mất."
    )
    lower = Problem("arc_text_too_long", "chu_duoi", 1, "arc_text", "bottom", PARAMS)
    assert problem_text(lower).startswith("Dòng chữ trên vòng dưới “chu_duoi” quá dài")
    assert problem_text(Problem("image_stretched", "overlay", 0, "image")).startswith(
        "Ảnh khung sẽ bị kéo méo"
    )


def test_frame_level_problems_and_wrapped_errors() -> None:
    small = Problem("window_too_small", "window", params={"size": 0.2, "minimum": 0.3})
    assert problem_text(small) == "Ô ảnh quá nhỏ: chỉ bằng 20% cạnh khung, cần ít nhất 30%."
    long_link = Problem("link_too_long", "link", params={"detail": "the link is too long for a QR code"})
    assert (
        problem_text(long_link)
        == "Đường dẫn chiến dịch: đường dẫn quá dài để tạo mã QR; hãy dùng đường dẫn ngắn hơn"
    )
    load = Problem("missing", params={"detail": "there is no frame.toml in this folder"})
    assert problem_text(load) == "Không tìm thấy mẫu khung hoặc tệp cần dùng"


def test_lint_view_lists_plain_vietnamese_and_advice_apart(qtbot: QtBot) -> None:
    view = LintView()
    qtbot.addWidget(view)
    frame = replace(
        find_frame("congress-ring"), window=replace(find_frame("congress-ring").window, box=(0, 0, 0.2, 0.2))
    )
    problems = frame_problems(frame, advice=True)
    assert [p.advice for p in problems][-1] is True
    view.show_problems(problems)
    lines = [view.list.item(i).text() for i in range(view.list.count())]
    assert all("layers[" not in line and "window:" not in line for line in lines), lines
    assert any(line.startswith("Ô ảnh quá nhỏ") for line in lines), lines
    assert lines[-1].startswith("Lưu ý: Đây là đường dẫn khung ảnh đại diện của Facebook")
    faults = sum(not p.advice for p in problems)
    assert view.summary.text() == f"⚠ Tìm thấy {faults} vấn đề:"
    view.show_problems([p for p in problems if p.advice])
    assert view.summary.text() == "✓ Không tìm thấy vấn đề nào." and view.list.count() == 1


def test_qr_panel_says_a_facebook_frame_link_opens_no_frame(qtbot: QtBot) -> None:
    pool = QThreadPool()
    panel = QrPanel(pool)
    qtbot.addWidget(panel)
    panel.set_link(FACEBOOK_LINK)
    assert panel.advice.isVisibleTo(panel)
    text = panel.advice.text()
    assert "Facebook đã bỏ từ năm 2022" in text and "không còn mở ra khung" in text
    assert "trang mà cơ quan đăng tải chiến dịch" in text
    assert panel.png_button.isEnabled()  # the historical link still gets its code
    panel.set_link(AGENCY_PAGE)
    assert not panel.advice.isVisibleTo(panel) and panel.advice.text() == ""
    panel.link_edit.setText("https://m.facebook.com/profilepicframes")
    panel.update_code()  # as when typing settles
    assert panel.advice.isVisibleTo(panel)
    pool.waitForDone(10_000)


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        ("", "", "Nhiệt liệt chào mừng Đại hội"),
        ("Nguyễn Thị Hường", "", "Nguyễn Thị Hường nhiệt liệt chào mừng Đại hội"),
        ("", "Sở Y tế", "Sở Y tế nhiệt liệt chào mừng Đại hội"),
        ("Nguyễn Thị Hường", "Sở Y tế", "Nguyễn Thị Hường – Sở Y tế nhiệt liệt chào mừng Đại hội"),
    ],
)
def test_the_campaign_box_offers_one_grammatical_caption(
    qtbot: QtBot, name: str, unit: str, expected: str
) -> None:
    panel = CampaignPanel()
    qtbot.addWidget(panel)
    panel.set_campaign(campaign_of_frame(find_frame("congress-ring")))
    panel.person_edit.setText(unicodedata.normalize("NFD", name))
    panel.unit_edit.setText(unit)
    text = panel.caption_text()
    assert text.startswith(expected) and text.endswith("nhiệm kỳ 2020-2025!"), text
    assert text.casefold().count("chào mừng") == 1
    assert not re.search(r"\(\s*\)|\s[,:–-]\s*[,:–-]|^[\s,:–-]|\s[,:.!]", text), text
    assert panel.caption_label.text() == text
