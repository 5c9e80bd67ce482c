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
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from frame_studio.core.assets import assets_dir
from frame_studio.core.frames import Frame, load_frame
from frame_studio.core.qr import decode_qr
from frame_studio.core.sheet import sample_photos
from frame_studio.core.user_dirs import user_frames_dir
from frame_studio.gui import pack_export, variant_editor
from frame_studio.gui.board import THUMB
from frame_studio.gui.campaign_book import CampaignBook
from frame_studio.gui.convert import from_qimage
from frame_studio.gui.frames_workspace import BOARD_MIN_WIDTH, FramesWorkspace
from frame_studio.gui.pack_export import PackExportDialog, pack_slug
from frame_studio.gui.settings import Settings
from frame_studio.gui.variant_editor import check_variant

pytestmark = pytest.mark.gui

TIMEOUT = 60_000
NEW_LINK = "https://example.org/dai-hoi?ban=tuyen-giao"
TOO_LONG = (  # too long for the ring's arc even in the smallest legible letters
    "CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẠNG SƠN LẦN THỨ XVII, NHIỆM KỲ 2020 – 2025, "
    "VÌ MỘT LẠNG SƠN GIÀU ĐẸP VĂN MINH"
)


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Variants and packs go to a fresh user folder; dialogs forget the folders of other tests."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("FRAME_STUDIO_DATA_DIR", str(folder))
    monkeypatch.setattr(pack_export, "_last", {})
    return folder


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with Pictures and Documents, as QStandardPaths finds them."""
    folder = tmp_path / "home"
    for name in ("Pictures", "Documents"):
        (folder / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))  # no user-dirs.dirs there
    return folder


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
    assert str(faces) in workspace.photos_label.toolTip() and "faces (3 ảnh)" in workspace.photos_label.text()
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


def test_typing_is_debounced_into_one_preview(
    qtbot: QtBot, workspace: FramesWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(qtbot, workspace, "congress-ribbon")
    started: list[Frame] = []  # the previews (and lint) started, on workers

    def counting(ticket: int, frame: Frame, *args: object) -> variant_editor.Check:
        started.append(frame)
        return check_variant(ticket, frame, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(variant_editor, "check_variant", counting)
    field = workspace.editor.text_edits["line_3"]
    field.end(False)
    with qtbot.waitSignal(workspace.editor.checked, timeout=TIMEOUT):
        qtbot.keyClicks(field, " 2030")  # five keys, typed faster than the pause
    qtbot.waitUntil(lambda: ready(workspace), timeout=TIMEOUT)
    assert len(started) == 1
    texts = {layer.get("name"): layer.get("text") for layer in started[0].layers}
    assert str(texts["line_3"]).endswith(" 2030")  # the one preview shows everything typed


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
    edit_and_wait(qtbot, workspace, "top_text", TOO_LONG)
    lines = [lint.list.item(i).text() for i in range(lint.list.count())]
    # the greeting is named: by its layer in the core's sentence, or by its part's name
    assert len(lines) == 1 and ("top_text" in lines[0] or "Lời chào" in lines[0])
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
    assert not qr.png_button.isEnabled() and qr.code.text() == "Chưa có đường dẫn"


def six_faces(folder: Path) -> Path:
    folder.mkdir()
    for index in range(6):
        shutil.copyfile(
            DATA / ("grace_hopper.jpg" if index % 2 else "astronaut.jpg"), folder / f"{index}.jpg"
        )
    return folder


def fully_shown(widget: QWidget) -> bool:
    """Nothing of the widget is cut off by the scroll area or splitter around it."""
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_the_editor_keeps_its_width_after_choosing_a_photo_folder(
    qtbot: QtBot, workspace: FramesWorkspace, tmp_path: Path
) -> None:
    workspace.resize(1000, 640)  # the Frames tab of a window 1024 px wide
    with qtbot.waitSignal(workspace.board.rendered, timeout=TIMEOUT):
        assert workspace.set_photo_folder(six_faces(tmp_path / "faces"))
    qtbot.waitUntil(lambda: ready(workspace), timeout=TIMEOUT)
    editor = workspace.editor
    assert workspace.minimumSizeHint().width() <= 1000
    assert workspace.editor_scroll.viewport().width() >= editor.minimumSizeHint().width()
    assert fully_shown(editor.preview) and fully_shown(editor.facebook)
    workspace.editor_scroll.ensureWidgetVisible(editor.save_button)  # the editor scrolls down only
    assert fully_shown(editor.save_button) and fully_shown(editor.id_edit)
    assert workspace.board.width() >= BOARD_MIN_WIDTH  # the names and at least one photo
    # On a wide screen the board shows all six photos and the editor still has its room.
    workspace.resize(1576, 940)
    board = workspace.board
    columns = sum(board.columnWidth(column) for column in range(board.columnCount()))
    assert board.viewport().width() >= columns and fully_shown(editor.preview)
    # A width the person chose by dragging stays when the window is resized.
    sizes = workspace.splitter.sizes()
    workspace.splitter.moveSplitter(sizes[0] - 100, 1)
    chosen = workspace.splitter.sizes()[0]
    workspace.resize(1500, 940)
    assert workspace.splitter.sizes()[0] == chosen


def test_a_long_photo_folder_path_never_widens_the_workspace(
    qtbot: QtBot, workspace: FramesWorkspace, tmp_path: Path
) -> None:
    folder = tmp_path / ("ảnh-cán-bộ-" * 12) / "đại-hội-đảng-bộ-tỉnh-lạng-sơn-lần-thứ-xviii"
    folder.parent.mkdir()
    with qtbot.waitSignal(workspace.board.rendered, timeout=TIMEOUT):
        assert workspace.set_photo_folder(six_faces(folder))
    assert "…" in workspace.photos_label.text() and str(folder) in workspace.photos_label.toolTip()
    assert workspace.minimumSizeHint().width() <= 1000


def test_save_as_new_variant_proposes_the_user_frames_folder(
    qtbot: QtBot, workspace: FramesWorkspace, monkeypatch: pytest.MonkeyPatch, user_data: Path
) -> None:
    starts: list[str] = []

    def dialog(_parent: object, _title: str, start: str, *_: object) -> str:
        starts.append(start)
        return ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", dialog)
    select(qtbot, workspace, "congress-ring")
    assert not user_frames_dir().exists()
    workspace.editor.save_button.click()
    assert starts == [str(user_frames_dir())] and user_frames_dir().is_dir()  # made, then proposed
    assert user_frames_dir().is_relative_to(user_data)
    # Saved there, the variant is offered again at the next start.
    workspace.editor.id_edit.setText("ring-2025")
    with qtbot.waitSignal(workspace.frames_changed, timeout=TIMEOUT):
        workspace.editor.save_variant(user_frames_dir())
    assert [frame.id for frame in CampaignBook.from_folder(user_frames_dir()).frames()] == ["ring-2025"]
    qtbot.waitUntil(lambda: ready(workspace), timeout=TIMEOUT)
    # A variant of a variant goes beside its base, where `extends` finds it.
    workspace.editor.save_button.click()
    assert starts[-1] == str(user_frames_dir())
    assert workspace.editor.base is not None and workspace.editor.base.id == "ring-2025"


def test_file_dialogs_start_in_the_users_folders_then_the_last_used(
    qtbot: QtBot, workspace: FramesWorkspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, home: Path
) -> None:
    faces = six_faces(tmp_path / "faces")
    starts: list[str] = []

    def choose_folder(_parent: object, _title: str, start: str, *_: object) -> str:
        starts.append(start)
        return str(faces)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_folder)
    with qtbot.waitSignal(workspace.board.rendered, timeout=TIMEOUT):
        workspace.choose_photo_folder()
    assert starts == [str(home / "Pictures")]
    workspace.use_sample_photos()
    workspace.choose_photo_folder()
    assert starts[-1] == str(faces)  # the folder used last
    qtbot.waitUntil(lambda: ready(workspace), timeout=TIMEOUT)
    # Exporting a pack proposes the campaign's name, cut between words, in Documents.
    saves: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, *_: object) -> tuple[str, str]:
        saves.append(suggested)
        return "", ""

    monkeypatch.setattr(PackExportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    workspace.choose_pack_path()
    suggested = Path(saves[0])
    assert suggested.parent == home / "Documents" and not suggested.is_relative_to(assets_dir().parent)
    assert suggested.name == "chao-mung-dai-hoi-dai-bieu-dang-bo-tinh-lang-son-lan-thu-xvii.fspack"


def accept(_dialog: object) -> int:
    return PackExportDialog.DialogCode.Accepted


def test_pack_names_are_cut_between_words() -> None:
    name = "Chào mừng Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020-2025"
    assert pack_slug(name) == "chao-mung-dai-hoi-dai-bieu-dang-bo-tinh-lang-son-lan-thu-xvii"
    assert pack_slug(name, limit=20) == "chao-mung-dai-hoi"
    assert pack_slug("Đại hội XVIII") == "dai-hoi-xviii"
    assert pack_slug("!!!") == "chien-dich"


def test_retranslate_keeps_vietnamese_source_texts(workspace: FramesWorkspace) -> None:
    workspace.retranslate()
    assert workspace.side_tabs.tabText(0) == "Sửa mẫu"
    assert workspace.side_tabs.tabText(1) == "Mã QR"
    assert workspace.editor.save_button.text() == "Lưu thành mẫu mới…"
    assert workspace.editor.lint.title() == "Kiểm tra mẫu"
