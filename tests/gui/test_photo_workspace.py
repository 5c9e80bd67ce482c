"""The Photo workspace with real widgets: open, drop, drag, zoom, turn, export, copy, fix, save."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA, assert_image_similar, no_face_image
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from workspaces import make_photo_workspace

from frame_studio.core.frames import Frame
from frame_studio.core.placement import Placement, moved
from frame_studio.gui.convert import from_qimage
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.photo_workspace import PhotoWorkspace
from frame_studio.gui.settings import Settings

pytestmark = pytest.mark.gui


@pytest.fixture
def workspace(qtbot: QtBot, frames: list[Frame], pool: QThreadPool) -> PhotoWorkspace:
    return make_photo_workspace(qtbot, frames, pool)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    target = tmp_path / "chân dung.jpg"
    shutil.copyfile(DATA / "grace_hopper.jpg", target)
    return target


def load(qtbot: QtBot, workspace: PhotoWorkspace, path: Path) -> None:
    with qtbot.waitSignal(workspace.photo_loaded, timeout=20_000):
        workspace.load_photo(path)


def test_opening_a_photo_places_the_face_and_shows_previews(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    assert not workspace.save_button.isEnabled()
    load(qtbot, workspace, photo)
    assert workspace.canvas.placement == workspace.analysis.result.placement  # type: ignore[union-attr]
    preview = workspace.canvas.preview
    assert preview is not None and preview.size == (workspace.canvas.render_size(),) * 2
    assert preview.width >= 540
    assert workspace.large_preview.pixmap().width() == 176
    assert workspace.small_preview.pixmap().width() == 36
    assert workspace.save_button.isEnabled()
    assert "chân dung.jpg" in workspace.status.text()


def test_dropping_a_photo_opens_it(qtbot: QtBot, workspace: PhotoWorkspace, photo: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(workspace.photo_loaded, timeout=20_000) as blocker:
        workspace.dropEvent(event)
    assert blocker.args == [photo]


def test_dragging_with_the_mouse_moves_the_photo(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    load(qtbot, workspace, photo)
    canvas = workspace.canvas
    before = canvas.placement
    assert before is not None
    start = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(60, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    after = canvas.placement
    assert after is not None
    # Dragging right shows more of the photo's left: the centre moves left in the source.
    assert after.center[0] < before.center[0]
    assert after.center[1] == pytest.approx(before.center[1], abs=1e-6)
    assert after.span == before.span


def test_wheel_and_slider_zoom_and_keys_nudge(qtbot: QtBot, workspace: PhotoWorkspace, photo: Path) -> None:
    load(qtbot, workspace, photo)
    canvas = workspace.canvas
    span = canvas.placement.span  # type: ignore[union-attr]
    workspace.zoom.setValue(200)
    assert canvas.placement.span == pytest.approx(span / 2)  # type: ignore[union-attr]
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.placement.span == pytest.approx(span / 2 * 1.1)  # type: ignore[union-attr]
    x = canvas.placement.center[0]  # type: ignore[union-attr]
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.placement.center[0] < x  # type: ignore[union-attr]
    workspace.turn.setValue(10)
    assert canvas.placement.angle == pytest.approx(-10)  # type: ignore[union-attr]
    workspace.reset_button.click()
    assert canvas.placement == workspace.auto_placement


def test_export_equals_the_preview(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, tmp_path: Path
) -> None:
    load(qtbot, workspace, photo)
    workspace.canvas.set_placement(moved(workspace.canvas.placement, 0.05, -0.03))  # type: ignore[arg-type]
    workspace.canvas.redraw()
    preview = workspace.canvas.preview
    assert preview is not None
    target = tmp_path / "avatar.png"
    with qtbot.waitSignal(workspace.exported, timeout=20_000):
        workspace.save_to(target)
    with Image.open(target) as exported:
        assert exported.size == (1080, 1080)
        assert_image_similar(
            exported.resize(preview.size, Image.Resampling.LANCZOS), preview, 3.0, "export_vs_preview"
        )


def test_copy_puts_the_avatar_on_the_clipboard(qtbot: QtBot, workspace: PhotoWorkspace, photo: Path) -> None:
    load(qtbot, workspace, photo)
    QGuiApplication.clipboard().clear()
    worker = workspace.copy_to_clipboard()
    assert worker is not None
    qtbot.waitUntil(lambda: not QGuiApplication.clipboard().image().isNull(), timeout=20_000)
    assert QGuiApplication.clipboard().image().width() == 1080


def test_no_face_photo_is_flagged_in_words(qtbot: QtBot, workspace: PhotoWorkspace, tmp_path: Path) -> None:
    path = tmp_path / "phong_canh.png"
    no_face_image().save(path)
    load(qtbot, workspace, path)
    assert "không thấy khuôn mặt" in workspace.status.text()


def test_bad_photo_shows_a_clear_message_and_keeps_working(
    qtbot: QtBot, workspace: PhotoWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("frame_studio.gui.ask.warn", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "hỏng.jpg"
    bad.write_text("not a photo")
    workspace.load_photo(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "hỏng.jpg" in shown[0] and "không phải ảnh" in shown[0]
    assert workspace.open_button.isEnabled()


def test_changing_frame_re_places_the_photo(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, frames: list[Frame]
) -> None:
    load(qtbot, workspace, photo)
    ribbon = next(i for i, f in enumerate(frames) if f.id == "congress-ribbon")
    workspace.frame_box.setCurrentIndex(ribbon)  # pure geometry on the faces found: at once
    assert workspace.canvas.frame is not None and workspace.canvas.frame.id == "congress-ribbon"
    assert workspace.canvas.placement == workspace.analysis.result.placement  # type: ignore[union-attr]


def test_fixing_a_batch_photo_applies_the_edited_placement(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    applied: list[object] = []
    seen: list[Placement] = []
    start = Placement((250.0, 230.0), 400.0)

    def apply(placement: Placement) -> str:
        seen.append(placement)
        return "re-exported"

    request = FixRequest(photo, "congress-ring", start, apply, applied.append)
    with qtbot.waitSignal(workspace.photo_loaded, timeout=20_000):
        workspace.start_fix(request)
    assert workspace.canvas.placement == start
    assert workspace.fix_button.isVisible()
    workspace.canvas.set_placement(moved(start, 0.1, 0))
    worker = workspace.apply_fix()
    assert worker is not None
    qtbot.waitUntil(lambda: applied == ["re-exported"], timeout=20_000)
    assert seen == [moved(start, 0.1, 0)]
    QApplication.processEvents()


# -- saving: extension, folder, name; messages that stay --------------------------------


class Dialog:
    """Stands in for the save dialog: records what it was offered, answers `answer`."""

    def __init__(self, answer: Path | None, chosen_filter: str = "PNG (*.png)") -> None:
        self.answer, self.chosen_filter = answer, chosen_filter
        self.offered: list[str] = []

    def __call__(self, parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        self.offered.append(suggested)
        return ("", "") if self.answer is None else (str(self.answer), self.chosen_filter)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of our own (Qt reads HOME and XDG_CONFIG_HOME for the Pictures folder)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


@pytest.mark.parametrize(
    ("chosen_filter", "suffix", "pil_format"),
    [("PNG (*.png)", ".png", "PNG"), ("JPEG (*.jpg *.jpeg)", ".jpg", "JPEG")],
)
def test_saving_without_an_extension_adds_the_chosen_filters(
    qtbot: QtBot,
    workspace: PhotoWorkspace,
    photo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chosen_filter: str,
    suffix: str,
    pil_format: str,
) -> None:
    load(qtbot, workspace, photo)
    dialog = Dialog(tmp_path / "ảnh đại diện", chosen_filter)
    monkeypatch.setattr("frame_studio.gui.photo_workspace.QFileDialog.getSaveFileName", dialog)
    warnings: list[str] = []
    monkeypatch.setattr(
        "frame_studio.gui.ask.warn",
        lambda parent, title, text: warnings.append(text),
    )
    with qtbot.waitSignal(workspace.exported, timeout=20_000) as blocker:
        workspace.choose_save_path()
    assert warnings == []
    target = tmp_path / f"ảnh đại diện{suffix}"
    assert blocker.args == [target]
    with Image.open(target) as saved:
        assert saved.format == pil_format
    assert workspace.status.text() == f"Đã lưu {target.name}"


def test_an_added_extension_never_replaces_a_file_without_asking(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, workspace, photo)
    existing = tmp_path / "avatar.png"
    Image.new("RGB", (8, 8), "red").save(existing)
    asked: list[str] = []

    def no(parent: object, title: str, text: str, **buttons: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr("frame_studio.gui.ask.ask", no)
    monkeypatch.setattr(
        "frame_studio.gui.photo_workspace.QFileDialog.getSaveFileName", Dialog(tmp_path / "avatar")
    )
    assert workspace.choose_save_path() is None
    assert asked and "avatar.png" in asked[0]
    with Image.open(existing) as kept:
        assert kept.size == (8, 8)


def test_the_save_dialog_offers_pictures_and_the_photos_name(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, workspace, photo)
    dialog = Dialog(None)
    monkeypatch.setattr("frame_studio.gui.photo_workspace.QFileDialog.getSaveFileName", dialog)
    workspace.choose_save_path()  # no Pictures folder: home
    (home / "Pictures").mkdir()
    workspace.choose_save_path()
    assert dialog.offered == [
        str(home / "chân dung-khung.png"),
        str(home / "Pictures" / "chân dung-khung.png"),
    ]


def test_the_last_save_folder_is_remembered_in_the_settings(
    qtbot: QtBot,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    photo: Path,
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = PhotoWorkspace(frames, pool, settings=settings)
    qtbot.addWidget(first)
    load(qtbot, first, photo)
    folder = tmp_path / "Ảnh đã gắn khung"
    folder.mkdir()
    monkeypatch.setattr(
        "frame_studio.gui.photo_workspace.QFileDialog.getSaveFileName", Dialog(folder / "avatar.png")
    )
    with qtbot.waitSignal(first.exported, timeout=20_000):
        first.choose_save_path()
    assert settings.get("photo/last_folder") == str(folder)
    second = PhotoWorkspace(frames, pool, settings=settings)  # next time the app starts
    qtbot.addWidget(second)
    load(qtbot, second, photo)
    dialog = Dialog(None)
    monkeypatch.setattr("frame_studio.gui.photo_workspace.QFileDialog.getSaveFileName", dialog)
    second.choose_save_path()
    first.choose_save_path()  # and in the same session
    assert dialog.offered == [str(folder / "chân dung-khung.png")] * 2


def test_a_rejected_photo_leaves_its_reason_in_the_status_line(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("frame_studio.gui.ask.warn", lambda *args: None)
    load(qtbot, workspace, photo)
    bad = tmp_path / "hỏng.jpg"
    bad.write_text("not a photo")
    workspace.load_photo(bad)
    qtbot.waitUntil(workspace.open_button.isEnabled, timeout=20_000)
    text = workspace.status.text()
    assert "hỏng.jpg" in text and "không phải ảnh" in text
    assert workspace.canvas.placement is not None  # the photo before stays open


def test_a_failed_save_leaves_its_reason_in_the_status_line(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("frame_studio.gui.ask.warn", lambda parent, title, text: shown.append(text))
    load(qtbot, workspace, photo)
    workspace.save_to(tmp_path / "không có" / "avatar.png")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert workspace.status.text() == f"Không lưu được ảnh: {shown[0]}"


# -- the canvas on screen --------------------------------------------------------------


def test_the_canvas_renders_at_its_size_on_screen_after_a_resize(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    load(qtbot, workspace, photo)
    canvas = workspace.canvas
    workspace.resize(1600, 1000)
    side = min(canvas.width(), canvas.height())
    assert side > 700
    qtbot.waitUntil(lambda: canvas.preview is not None and canvas.preview.width == side, timeout=5_000)
    shown = from_qimage(canvas.grab().toImage())
    left, top = (canvas.width() - side) // 2, (canvas.height() - side) // 2
    drawn = shown.crop((left, top, left + side, top + side))
    assert_image_similar(drawn, canvas.preview, 2.0, "canvas_on_screen")  # type: ignore[arg-type]
