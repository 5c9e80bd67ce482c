"""The Photo workspace with real widgets: open, drop, drag, zoom, turn, export, copy, fix."""

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
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.photo_workspace import PhotoWorkspace

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
    assert workspace.canvas.preview is not None and workspace.canvas.preview.size == (540, 540)
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
            exported.resize((540, 540), Image.Resampling.LANCZOS), preview, 3.0, "export_vs_preview"
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
    monkeypatch.setattr(
        "frame_studio.gui.photo_workspace.QMessageBox.warning", lambda parent, title, text: shown.append(text)
    )
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
    with qtbot.waitSignal(workspace.photo_loaded, timeout=20_000):
        workspace.frame_box.setCurrentIndex(ribbon)
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
