"""The Frames workspace: the variant board, the editor (preview, lint, save) and the QR panel.

Real widgets, real workers on the test's pool; waits are on signals or conditions, never
sleeps. Dialogs are never opened: the methods behind them are called with explicit paths.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import DATA, mean_difference, rasterise_svg
from PIL import Image
from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frame_studio.core.frames import Frame, load_frame
from frame_studio.core.qr import decode_qr
from frame_studio.core.sheet import sample_photos
from frame_studio.gui.board import THUMB
from frame_studio.gui.convert import from_qimage
from frame_studio.gui.frames_workspace import FramesWorkspace
from frame_studio.gui.settings import Settings

pytestmark = pytest.mark.gui

TIMEOUT = 60_000
NEW_LINK = "https://example.org/dai-hoi?ban=tuyen-giao"


def ready(workspace: FramesWorkspace) -> bool:
    """The board is drawn and the editor's preview is done."""
    return (
        not workspace.board.busy
        and workspace.editor.last_check is not None
        and not (workspace.editor.timer.isActive())
    )


@pytest.fixture
def workspace(
    qtbot: QtBot, frames: list[Frame], pool: QThreadPool, settings: Settings
) -> Iterator[FramesWorkspace]:
    widget = FramesWorkspace(frames, pool, settings)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    qtbot.waitUntil(lambda: ready(widget), timeout=TIMEOUT)
    yield widget
    pool.waitForDone(TIMEOUT)
    QApplication.processEvents()  # deliver the last worker signals while the widget lives
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # free this test's Qt objects here, on the GUI thread, never later on a worker


def row_of(workspace: FramesWorkspace, frame_id: str) -> int:
    return [frame.id for frame in workspace.frames].index(frame_id)


def select(qtbot: QtBot, workspace: FramesWorkspace, frame_id: str) -> None:
    """Select a frame and wait for its preview."""
    if workspace.editor.base is not None and workspace.editor.base.id == frame_id:
        return  # already selected and drawn (the fixture waited)
    with qtbot.waitSignal(workspace.editor.checked, timeout=TIMEOUT):
        workspace.select_frame(frame_id)
    assert workspace.editor.base is not None and workspace.editor.base.id == frame_id


def edit_and_wait(qtbot: QtBot, workspace: FramesWorkspace, name: str, text: str) -> None:
    with qtbot.waitSignal(workspace.editor.checked, timeout=TIMEOUT):
        workspace.editor.set_text(name, text)


def preview(workspace: FramesWorkspace) -> Image.Image:
    check = workspace.editor.last_check
    assert check is not None and check.preview is not None
    return check.preview


def board_image(workspace: FramesWorkspace, frame_id: str, column: int = 0) -> Image.Image:
    return from_qimage(workspace.board.images[(row_of(workspace, frame_id), column)])


def test_board_shows_every_frame_on_every_photo(workspace: FramesWorkspace, frames: list[Frame]) -> None:
    photos = sample_photos()
    board = workspace.board
    assert (board.rowCount(), board.columnCount()) == (len(frames), len(photos) + 1)
    assert set(board.images) == {(row, col) for row in range(len(frames)) for col in range(len(photos))}
    assert all(image.width() == image.height() == THUMB for image in board.images.values())
    headers = [board.horizontalHeaderItem(col).text() for col in range(board.columnCount())]
    assert headers == ["Mẫu khung", *(photo.name for photo in photos)]
    assert workspace.frames[0].name in board.cellWidget(0, 0).text()
    # a framed face, not an empty cell: the ring's corner has the frame's background colour
    ring = board_image(workspace, "congress-ring")
    assert ring.getpixel((2, 2)) == pytest.approx((0xA5, 0x0E, 0x1C), abs=6)


def test_choosing_a_photo_folder_changes_the_board_and_is_remembered(
    qtbot: QtBot, workspace: FramesWorkspace, settings: Settings, pool: QThreadPool, tmp_path: Path
) -> None:
    faces = tmp_path / "faces"
    faces.mkdir()
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        shutil.copyfile(DATA / "grace_hopper.jpg", faces / name)
    (faces / "notes.txt").write_text("not a photo", encoding="utf-8")
    before = board_image(workspace, "congress-ring", 0)  # the astronaut
    with qtbot.waitSignal(workspace.board.rendered, timeout=TIMEOUT):
        assert workspace.set_photo_folder(faces)
    assert workspace.board.columnCount() == 4
    assert len(workspace.board.images) == 3 * len(workspace.frames)
    assert mean_difference(board_image(workspace, "congress-ring", 0), before) > 5
    assert str(faces) in workspace.photos_label.text()
    assert settings.get("frames/photos") == str(faces)
    again = FramesWorkspace(workspace.frames, pool, settings)  # a restart finds the folder again
    qtbot.addWidget(again)
    assert again.photo_folder() == faces and again.board.columnCount() == 4
    qtbot.waitUntil(lambda: ready(again), timeout=TIMEOUT)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not workspace.set_photo_folder(empty)
    assert "không có ảnh" in workspace.message.text()
    assert workspace.photo_folder() == faces  # unchanged
    with qtbot.waitSignal(workspace.board.rendered, timeout=TIMEOUT):
        assert workspace.set_photo_folder(None)
    assert workspace.board.columnCount() == len(sample_photos()) + 1
    assert settings.get("frames/photos") == ""


def test_selecting_a_frame_fills_the_editor(qtbot: QtBot, workspace: FramesWorkspace) -> None:
    select(qtbot, workspace, "congress-badge")
    editor = workspace.editor
    assert list(editor.text_edits) == ["top_text", "number", "term"]
    assert editor.text_edits["term"].text() == "2020 – 2025"
    assert editor.text_edits["number"].text() == "XVII"
    assert {"background", "band", "badge", "star", "term"} <= set(editor.color_buttons)
    assert "Huy hiệu XVII" in editor.title.text()
    assert editor.id_edit.text() == "congress-badge-2"
    assert workspace.qr.link() == editor.base.link if editor.base else False
    assert "Huy hiệu XVII" in workspace.qr.heading.text()
    assert not editor.lint.problems
    select(qtbot, workspace, "congress-poster")  # a designer PNG: nothing to type
    assert editor.text_edits == {} and not editor.texts_box.isVisibleTo(editor)


def test_editing_the_greeting_updates_the_preview_then_the_board_when_applied(
    qtbot: QtBot, workspace: FramesWorkspace
) -> None:
    select(qtbot, workspace, "congress-ring")
    before_preview = preview(workspace)
    before_cell = board_image(workspace, "congress-ring")
    edit_and_wait(qtbot, workspace, "top_text", "CHÀO MỪNG NGÀY HỘI TOÀN DÂN")
    assert mean_difference(preview(workspace), before_preview) > 1
    assert "chưa lưu" in workspace.editor.title.text()
    assert mean_difference(board_image(workspace, "congress-ring"), before_cell) == 0  # not applied yet
    with qtbot.waitSignal(workspace.board.rendered, timeout=TIMEOUT):
        workspace.editor.apply()
    assert mean_difference(board_image(workspace, "congress-ring"), before_cell) > 1
    row = row_of(workspace, "congress-ring")
    assert "✎" in workspace.board.cellWidget(row, 0).text()
    with qtbot.waitSignal(workspace.board.rendered, timeout=TIMEOUT):
        workspace.editor.reset()
    assert mean_difference(board_image(workspace, "congress-ring"), before_cell) < 0.5
    assert workspace.editor.text_edits["top_text"].text().startswith("CHÀO MỪNG ĐẠI HỘI")


def test_typing_is_debounced_into_one_preview(qtbot: QtBot, workspace: FramesWorkspace) -> None:
    select(qtbot, workspace, "congress-ribbon")
    checks = []
    workspace.editor.checked.connect(checks.append)
    with qtbot.waitSignal(workspace.editor.checked, timeout=TIMEOUT):
        for end in range(1, 8):
            workspace.editor.set_text("line_3", "NHIỆM KỲ 2025-2030"[: end + 10])
    qtbot.waitUntil(lambda: ready(workspace), timeout=TIMEOUT)
    assert len(checks) == 1


def test_colour_edits_show_in_the_preview(qtbot: QtBot, workspace: FramesWorkspace) -> None:
    select(qtbot, workspace, "congress-ring")
    with qtbot.waitSignal(workspace.editor.checked, timeout=TIMEOUT):
        workspace.editor.set_color("background", "#0b5d1e")
    corner = preview(workspace).getpixel((2, 2))
    assert corner == pytest.approx((0x0B, 0x5D, 0x1E), abs=6)
    assert workspace.editor.current_edits().background == "#0b5d1e"


def test_a_greeting_too_long_for_its_arc_is_listed_by_lint(qtbot: QtBot, workspace: FramesWorkspace) -> None:
    select(qtbot, workspace, "congress-ring")
    lint = workspace.editor.lint
    assert lint.problems == () and not lint.list.isVisibleTo(lint)
    edit_and_wait(
        qtbot, workspace, "top_text", "CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẠNG SƠN LẦN THỨ XVII"
    )
    lines = [lint.list.item(i).text() for i in range(lint.list.count())]
    assert any("top_text" in line and "does not fit its arc" in line for line in lines)
    assert lint.list.isVisibleTo(lint)
    assert "Tìm thấy 1 vấn đề" in lint.summary.text()
    assert "Không vẽ được" in workspace.editor.preview_note.text()
    edit_and_wait(qtbot, workspace, "top_text", "CHÀO MỪNG ĐẠI HỘI")
    assert lint.problems == () and "Không tìm thấy" in lint.summary.text()
    assert workspace.editor.preview_note.text() == ""


def test_saving_a_variant_writes_a_folder_that_loads_and_emits_frames_changed(
    qtbot: QtBot, workspace: FramesWorkspace, tmp_path: Path
) -> None:
    select(qtbot, workspace, "congress-ring")
    count = len(workspace.frames)
    edit_and_wait(qtbot, workspace, "bottom_text", "LẠNG SƠN · NHIỆM KỲ 2025-2030")
    workspace.editor.set_color("band", "#123a7a")
    workspace.qr.link_edit.setText(NEW_LINK)
    workspace.editor.id_edit.setText("ring-2025")
    workspace.editor.name_edit.setText("Vòng 2025")
    with qtbot.waitSignal(workspace.frames_changed, timeout=TIMEOUT) as blocker:
        workspace.editor.save_variant(tmp_path)
    frames = blocker.args[0]
    assert [frame.id for frame in frames][-1] == "ring-2025" and len(frames) == count + 1
    loaded = load_frame(tmp_path / "ring-2025")
    assert loaded.extends == "congress-ring" and loaded.name == "Vòng 2025"
    assert loaded.link == NEW_LINK
    texts = {layer.get("name"): layer.get("text") for layer in loaded.layers}
    assert texts["bottom_text"] == "LẠNG SƠN · NHIỆM KỲ 2025-2030"
    qtbot.waitUntil(lambda: ready(workspace), timeout=TIMEOUT)
    assert workspace.board.rowCount() == count + 1
    assert workspace.editor.base is not None and workspace.editor.base.id == "ring-2025"
    assert "ring-2025" in workspace.editor.known_ids
    assert "Đã lưu" in workspace.editor.save_status.text()


def test_saving_over_an_existing_folder_is_refused_with_a_message(
    qtbot: QtBot, workspace: FramesWorkspace, tmp_path: Path
) -> None:
    (tmp_path / "taken").mkdir()
    select(qtbot, workspace, "congress-badge")
    workspace.editor.id_edit.setText("taken")
    with (
        qtbot.assertNotEmitted(workspace.frames_changed),
        qtbot.waitSignal(workspace.editor.save_failed, timeout=TIMEOUT),
    ):
        workspace.editor.save_variant(tmp_path)
    assert "Không lưu được" in workspace.editor.save_status.text()
    assert list((tmp_path / "taken").iterdir()) == []
    workspace.editor.id_edit.setText("congress-ring")  # an id the app already has
    with qtbot.waitSignal(workspace.editor.save_failed, timeout=TIMEOUT):
        workspace.editor.save_variant(tmp_path)
    assert "đã có" in workspace.editor.save_status.text()


def test_qr_link_edit_redraws_the_code_and_exports_png_and_svg(
    qtbot: QtBot, workspace: FramesWorkspace, tmp_path: Path
) -> None:
    qr = workspace.qr
    shown = from_qimage(qr.code.pixmap().toImage())
    assert decode_qr(shown) == workspace.frames[0].link
    with qtbot.waitSignal(qr.code_updated, timeout=TIMEOUT) as blocker:
        qr.link_edit.setText(NEW_LINK)
    assert blocker.args == [NEW_LINK]
    assert decode_qr(from_qimage(qr.code.pixmap().toImage())) == NEW_LINK
    with qtbot.waitSignal(qr.exported, timeout=TIMEOUT):
        qr.export(tmp_path / "qr.png")
    with Image.open(tmp_path / "qr.png") as png:
        assert decode_qr(png) == NEW_LINK
    with qtbot.waitSignal(qr.exported, timeout=TIMEOUT):
        qr.export(tmp_path / "qr.svg")
    assert decode_qr(rasterise_svg(tmp_path / "qr.svg")) == NEW_LINK
    assert "Đã xuất" in qr.status.text()


def test_qr_export_errors_are_shown(qtbot: QtBot, workspace: FramesWorkspace, tmp_path: Path) -> None:
    qr = workspace.qr
    (tmp_path / "qr.png").write_bytes(b"someone else's file")
    with qtbot.waitSignal(qr.export_failed, timeout=TIMEOUT):
        qr.export(tmp_path / "qr.png")
    assert "Không xuất được qr.png" in qr.status.text() and "trùng tên" in qr.status.text()
    assert (tmp_path / "qr.png").read_bytes() == b"someone else's file"
    with qtbot.waitSignal(qr.export_failed, timeout=TIMEOUT):
        qr.export(tmp_path / "qr.gif")
    assert "Không xuất được qr.gif" in qr.status.text()
    with qtbot.waitSignal(qr.code_updated, timeout=TIMEOUT):
        qr.link_edit.setText("   ")
    assert not qr.png_button.isEnabled() and qr.code.text() == "Chưa có liên kết"


def test_retranslate_keeps_vietnamese_source_texts(workspace: FramesWorkspace) -> None:
    workspace.retranslate()
    assert workspace.side_tabs.tabText(0) == "Sửa mẫu"
    assert workspace.side_tabs.tabText(1) == "Mã QR"
    assert workspace.editor.save_button.text() == "Lưu thành mẫu mới…"
    assert workspace.editor.lint.title() == "Kiểm tra mẫu"
