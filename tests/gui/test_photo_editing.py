"""Editing in the Photo workspace: undo and redo, sliders that follow, keys, faces, levelling.

Real widgets offscreen and the committed portraits: a drag is a real mouse drag, keys are
real key clicks through Qt's shortcut machinery (so the workspace's window is made active).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest
from helpers import DATA, group_photo, portrait_image
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt, QThreadPool
from PySide6.QtGui import QWheelEvent
from pytestqt.qtbot import QtBot
from workspaces import make_photo_workspace

from frame_studio.core.frames import Frame
from frame_studio.core.placement import Placement, PlacementSettings, place_photo
from frame_studio.gui.convert import from_qimage
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.photo_workspace import PhotoWorkspace
from frame_studio.gui.placement_undo import Adjustment, adjusted, adjustment_of

pytestmark = pytest.mark.gui

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def workspace(qtbot: QtBot, frames: list[Frame], pool: QThreadPool) -> PhotoWorkspace:
    widget = make_photo_workspace(qtbot, frames, pool)
    widget.activateWindow()  # shortcuts answer in the active window only
    qtbot.waitActive(widget)
    return widget


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    target = tmp_path / "chân dung.jpg"
    shutil.copyfile(DATA / "grace_hopper.jpg", target)
    return target


@pytest.fixture
def group(tmp_path: Path) -> Path:
    """Two real portraits side by side: Grace Hopper's face is the larger (primary) one."""
    target = tmp_path / "ảnh nhóm.jpg"
    group_photo().save(target, quality=92)
    return target


def load(qtbot: QtBot, workspace: PhotoWorkspace, path: Path) -> None:
    with qtbot.waitSignal(workspace.photo_loaded, timeout=20_000):
        workspace.load_photo(path)


def placement(workspace: PhotoWorkspace) -> Placement:
    assert workspace.canvas.placement is not None
    return workspace.canvas.placement


def drag(qtbot: QtBot, workspace: PhotoWorkspace, offset: QPoint) -> None:
    canvas = workspace.canvas
    start = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + offset / 2)
    qtbot.mouseMove(canvas, start + offset)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + offset)


def wheel(workspace: PhotoWorkspace, notches: int) -> None:
    canvas = workspace.canvas
    centre = QPointF(canvas.rect().center())
    event = QWheelEvent(
        centre,
        canvas.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    canvas.wheelEvent(event)


def close(a: Placement, b: Placement) -> bool:
    return (
        a.center == pytest.approx(b.center, abs=1e-6)
        and a.span == pytest.approx(b.span)
        and a.angle == pytest.approx(b.angle, abs=1e-9)
    )


# -- undo and redo ---------------------------------------------------------------------


def test_a_drag_is_one_undo_step_with_ctrl_z_ctrl_shift_z_and_ctrl_y(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    load(qtbot, workspace, photo)
    auto = placement(workspace)
    drag(qtbot, workspace, QPoint(60, 20))
    dragged = placement(workspace)
    assert not close(dragged, auto)
    assert workspace.undo_stack.count() == 1  # two moves, one step
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_Z, CTRL)
    assert close(placement(workspace), auto)
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_Z, CTRL | SHIFT)
    assert close(placement(workspace), dragged)
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_Y, CTRL)
    assert close(placement(workspace), dragged)
    assert workspace.undo_button.isEnabled() and not workspace.redo_button.isEnabled()


def test_consecutive_wheel_and_arrow_nudges_undo_as_one_step(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    load(qtbot, workspace, photo)
    auto = placement(workspace)
    wheel(workspace, 1)
    wheel(workspace, 1)
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_BracketRight)
    assert placement(workspace).span == pytest.approx(auto.span / 1.1**2)
    assert workspace.undo_stack.count() == 1
    workspace.undo_button.click()
    assert close(placement(workspace), auto)


def test_a_slider_drag_is_one_undo_step(qtbot: QtBot, workspace: PhotoWorkspace, photo: Path) -> None:
    load(qtbot, workspace, photo)
    auto = placement(workspace)
    workspace.zoom.setSliderDown(True)  # the hand takes the handle (emits sliderPressed)
    for value in (120, 150, 180):
        workspace.zoom.setValue(value)
    workspace.zoom.setSliderDown(False)  # and lets go (emits sliderReleased)
    assert placement(workspace).span == pytest.approx(auto.span / 1.8)
    assert workspace.undo_stack.count() == 1
    workspace.undo_stack.undo()
    assert close(placement(workspace), auto)
    assert workspace.zoom.value() == 100  # the slider follows the undo


def test_reset_is_undoable_and_a_new_photo_clears_the_history(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, tmp_path: Path
) -> None:
    load(qtbot, workspace, photo)
    drag(qtbot, workspace, QPoint(40, 0))
    dragged = placement(workspace)
    workspace.reset_button.click()
    assert close(placement(workspace), workspace.auto_placement)  # type: ignore[arg-type]
    workspace.undo_stack.undo()
    assert close(placement(workspace), dragged)
    other = tmp_path / "astronaut.jpg"
    shutil.copyfile(DATA / "astronaut.jpg", other)
    load(qtbot, workspace, other)
    assert workspace.undo_stack.count() == 0
    assert not workspace.undo_button.isEnabled()


def test_adjustment_round_trips_through_any_automatic_placement() -> None:
    auto = Placement((300.0, 200.0), 400.0, -8.0)
    hand = Placement((320.0, 170.0), 250.0, 5.0)
    kept = adjustment_of(auto, hand)
    assert close(adjusted(auto, kept), hand)
    same = adjustment_of(auto, auto)
    assert (same.dx, same.dy, same.zoom, same.turn) == pytest.approx((0, 0, 1, 0))
    assert close(adjusted(auto, Adjustment()), auto)


def test_changing_the_frame_keeps_the_hand_adjustment(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, frames: list[Frame]
) -> None:
    load(qtbot, workspace, photo)
    workspace.zoom.setValue(130)
    drag(qtbot, workspace, QPoint(30, -25))
    workspace.turn.setValue(6)
    before = workspace.adjustment()
    assert before != Adjustment()
    workspace.select_frame("congress-ribbon")
    assert workspace.canvas.frame is not None and workspace.canvas.frame.id == "congress-ribbon"
    after = workspace.adjustment()
    assert (after.dx, after.dy, after.zoom, after.turn) == pytest.approx(
        (before.dx, before.dy, before.zoom, before.turn)
    )
    assert not close(placement(workspace), workspace.auto_placement)  # type: ignore[arg-type]
    assert (workspace.zoom.value(), workspace.turn.value()) == (130, 6)
    while workspace.undo_stack.canUndo():  # the history still applies, under the new frame
        workspace.undo_stack.undo()
    assert close(placement(workspace), workspace.auto_placement)  # type: ignore[arg-type]


# -- sliders and keys ------------------------------------------------------------------


def test_sliders_follow_the_wheel_and_the_keys(qtbot: QtBot, workspace: PhotoWorkspace, photo: Path) -> None:
    load(qtbot, workspace, photo)
    wheel(workspace, 2)
    assert workspace.zoom.value() == 121  # 1.1 ** 2
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_Minus)
    assert workspace.zoom.value() == 110
    for _ in range(3):
        qtbot.keyClick(workspace.canvas, Qt.Key.Key_BracketRight)
    assert workspace.turn.value() == 3
    assert placement(workspace).angle == pytest.approx(-3)


def test_keys_nudge_without_clicking_the_photo_first(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    load(qtbot, workspace, photo)
    workspace.reset_button.setFocus()  # e.g. after clicking a button
    start = placement(workspace)
    qtbot.keyClick(workspace.reset_button, Qt.Key.Key_Right)
    assert placement(workspace).center[0] < start.center[0]
    qtbot.keyClick(workspace.reset_button, Qt.Key.Key_Plus)
    assert placement(workspace).span < start.span
    workspace.frame_box.setFocus()
    qtbot.keyClick(workspace.frame_box, Qt.Key.Key_BracketLeft)
    assert placement(workspace).angle == pytest.approx(1)


def test_keys_do_not_steal_typing_or_a_sliders_arrows(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path
) -> None:
    load(qtbot, workspace, photo)
    start = placement(workspace)
    edit = workspace.campaign_panel.person_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Le-Ha")  # QTest types Latin-1 only
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    qtbot.keyClick(edit, Qt.Key.Key_Minus)
    assert edit.text() == "Le-H-a"
    assert placement(workspace) == start
    qtbot.keyClick(workspace.canvas, Qt.Key.Key_Right)  # one photo edit to undo
    nudged = placement(workspace)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)  # undoes the typing, not the photo
    assert edit.text() != "Le-H-a"
    assert placement(workspace) == nudged
    workspace.zoom.setFocus()
    qtbot.keyClick(workspace.zoom, Qt.Key.Key_Right)
    assert workspace.zoom.value() == 101  # the slider moved, not the photo
    assert placement(workspace).center == pytest.approx(nudged.center)


# -- several faces ---------------------------------------------------------------------


def click_face(qtbot: QtBot, workspace: PhotoWorkspace, index: int) -> None:
    mark = workspace.canvas.marks()[index]
    assert mark is not None, "the face is out of view"
    qtbot.mouseClick(workspace.canvas, Qt.MouseButton.LeftButton, pos=mark.center().toPoint())


def test_clicking_a_face_mark_centres_the_frame_on_that_face(
    qtbot: QtBot, workspace: PhotoWorkspace, group: Path
) -> None:
    load(qtbot, workspace, group)
    analysis = workspace.analysis
    assert analysis is not None and len(analysis.faces) == 2
    assert "Bấm vào một khuôn mặt" in workspace.status.text()
    workspace.zoom.setValue(50)  # zoomed out, both faces are in view
    marks = workspace.canvas.marks()
    assert len(marks) == 2 and all(mark is not None for mark in marks)
    other = analysis.faces[1]  # the smaller face: not the one placed automatically
    click_face(qtbot, workspace, 1)
    frame = workspace.frame
    expected = place_photo(
        analysis.photo.full_size, [other], aspect=frame.window.aspect, target=frame.face_target
    ).placement
    assert close(placement(workspace), expected)
    centre = workspace.canvas.marks()[1]
    assert centre is not None
    square = workspace.canvas.rect()
    wx, _, ww, _ = frame.window.box
    side = min(square.width(), square.height())
    target_x = (square.width() - side) / 2 + (wx + frame.face_target.center_x * ww) * side
    assert centre.center().x() == pytest.approx(target_x, abs=2)
    workspace.undo_stack.undo()  # one step back to the zoomed-out view
    assert workspace.zoom.value() == 50


def test_face_marks_are_drawn_over_the_photo(qtbot: QtBot, workspace: PhotoWorkspace, group: Path) -> None:
    load(qtbot, workspace, group)
    workspace.zoom.setValue(50)
    canvas = workspace.canvas
    canvas.redraw()
    assert canvas.preview is not None
    side = canvas.preview.width
    left, top = (canvas.width() - side) // 2, (canvas.height() - side) // 2
    shown = np.asarray(from_qimage(canvas.grab().toImage()), dtype=np.int16)[
        top : top + side, left : left + side
    ]
    drawn = np.asarray(canvas.preview.convert("RGB"), dtype=np.int16)
    changed = np.abs(shown - drawn).max(axis=2) > 64  # where the marks cover the avatar
    for mark in canvas.marks():
        assert mark is not None
        ring = 0
        for step in range(72):
            angle = 2 * math.pi * step / 72
            x = round(mark.center().x() + mark.width() / 2 * math.cos(angle)) - left
            y = round(mark.center().y() + mark.width() / 2 * math.sin(angle)) - top
            ring += bool(changed[max(0, y - 1) : y + 2, max(0, x - 1) : x + 2].any())
        assert ring > 36, f"only {ring} of 72 points of a face's mark are drawn"
    assert changed.mean() < 0.05  # and nothing else is


def test_face_marks_work_on_a_batch_photo_opened_for_fixing(
    qtbot: QtBot, workspace: PhotoWorkspace, group: Path
) -> None:
    seen: list[Placement] = []
    applied: list[object] = []
    start = Placement((650.0, 300.0), 1000.0)  # wide: both faces show

    def apply(chosen: Placement) -> str:
        seen.append(chosen)
        return "re-exported"

    with qtbot.waitSignal(workspace.photo_loaded, timeout=20_000):
        workspace.start_fix(FixRequest(group, "congress-ring", start, apply, applied.append))
    assert placement(workspace) == start
    click_face(qtbot, workspace, 1)
    chosen = placement(workspace)
    assert chosen != start
    assert workspace.apply_fix() is not None
    qtbot.waitUntil(lambda: applied == ["re-exported"], timeout=20_000)
    assert seen == [chosen]


def test_a_single_face_gets_no_marks(qtbot: QtBot, workspace: PhotoWorkspace, photo: Path) -> None:
    load(qtbot, workspace, photo)
    assert workspace.canvas.marks() == []
    assert "Bấm vào một khuôn mặt" not in workspace.status.text()


# -- head levelling and low resolution -------------------------------------------------


def test_head_levelling_toggle_re_places_the_photo(
    qtbot: QtBot, workspace: PhotoWorkspace, tmp_path: Path
) -> None:
    tilted = tmp_path / "nghiêng.jpg"
    portrait_image().rotate(12, resample=Image.Resampling.BICUBIC, fillcolor=(128, 128, 128)).save(tilted)
    assert workspace.level_box.text() == "Cân thẳng đầu theo hai mắt"
    assert workspace.level_box.isChecked() == PlacementSettings().level_head  # the core's default
    workspace.level_box.setChecked(False)
    load(qtbot, workspace, tilted)
    assert placement(workspace).angle == 0
    with qtbot.waitSignal(workspace.re_placed, timeout=20_000):  # the eyes are measured again first
        workspace.level_box.setChecked(True)
    levelled = placement(workspace)
    assert 8 < abs(levelled.angle) < 16  # turned back by about the photo's 12 degrees
    assert close(levelled, workspace.auto_placement)  # type: ignore[arg-type]
    assert workspace.turn.value() == 0  # the slider shows the hand's turn, not the levelling
    workspace.level_box.setChecked(False)
    assert placement(workspace).angle == 0
    workspace.level_box.setChecked(True)  # measured already: at once
    assert close(placement(workspace), levelled)


def test_low_resolution_is_shown_in_the_photo_workspace(
    qtbot: QtBot, workspace: PhotoWorkspace, photo: Path, tmp_path: Path
) -> None:
    load(qtbot, workspace, photo)
    assert workspace.low_resolution_note.isHidden()
    assert "độ phân giải thấp" not in workspace.status.text()
    workspace.zoom.setValue(150)  # enlarged past twice the photo's own pixels
    workspace.canvas.redraw()
    assert not workspace.low_resolution_note.isHidden()
    assert "độ phân giải thấp" in workspace.status.text()
    small = tmp_path / "ảnh nhỏ.jpg"
    portrait_image().resize((150, 176), Image.Resampling.LANCZOS).save(small)
    load(qtbot, workspace, small)
    assert workspace.low_resolution_note.isVisible()
    assert "ảnh lưu ra sẽ bị mờ" in workspace.low_resolution_note.text()
