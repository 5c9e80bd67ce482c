"""The Batch workspace driven for real: real photos, a real process pool, real files and reports.

Each batch runs with one worker process; the tests wait on the workspace's signals.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA, no_face_image, portrait_image
from PIL import Image
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from workspaces import make_batch_workspace

from frame_studio.core.frames import Frame
from frame_studio.core.outcome import FRAMED, REJECTED
from frame_studio.core.placement import Placement
from frame_studio.gui.batch_run import Reviewed
from frame_studio.gui.batch_workspace import BatchWorkspace
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.review_model import ReviewModel
from frame_studio.gui.settings import Settings

pytestmark = pytest.mark.gui

BATCH_TIMEOUT = 120_000
INPUTS = ("astronaut.jpg", "grace_hopper.jpg", "landscape.jpg", "notes.jpg")


def make_inputs(folder: Path) -> Path:
    """Two real portraits, a photo with no face, and a text file named .jpg."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("grace_hopper.jpg", "astronaut.jpg"):
        shutil.copyfile(DATA / name, folder / name)
    no_face_image().save(folder / "landscape.jpg", quality=90)
    (folder / "notes.jpg").write_text("meeting notes, not a photo\n", encoding="utf-8")
    return folder


def run(qtbot: Any, workspace: BatchWorkspace, in_dir: Path, out_dir: Path) -> Any:
    workspace.setup.in_edit.setText(str(in_dir))
    workspace.setup.out_edit.setText(str(out_dir))
    with qtbot.waitSignal(workspace.batch_finished, timeout=BATCH_TIMEOUT) as blocker:
        assert workspace.start() is not None
    return blocker.args[0]


def shown_names(workspace: BatchWorkspace) -> list[str]:
    proxy = workspace.proxy
    return [str(proxy.data(proxy.index(row, 1))) for row in range(proxy.rowCount())]


def row_of(workspace: BatchWorkspace, name: str) -> QModelIndex:
    names = shown_names(workspace)
    return workspace.proxy.index(names.index(name), 1)


@pytest.fixture
def finished(qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path) -> Any:
    """A workspace that has framed the four inputs into tmp_path/out."""
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    outcome = run(qtbot, workspace, make_inputs(tmp_path / "in"), tmp_path / "out")
    return workspace, outcome, tmp_path


def test_batch_frames_every_photo_and_lists_flagged_first(finished: Any) -> None:
    workspace, outcome, tmp_path = finished
    out = tmp_path / "out"
    by_name = {result.input: result for result in outcome.results}
    assert sorted(by_name) == sorted(INPUTS)
    assert by_name["notes.jpg"].status == REJECTED
    assert "no_face" in by_name["landscape.jpg"].flags
    for name in ("astronaut.jpg", "grace_hopper.jpg", "landscape.jpg"):
        assert by_name[name].status == FRAMED
        assert Path(by_name[name].outputs[0]).is_file()
    assert workspace.model.rowCount() == len(INPUTS)
    names = shown_names(workspace)
    # rejected, then needing review (no face), then the rest in plan order: the astronaut is
    # small for 1080 px (low resolution) but sharp where people see it, a badge only
    assert names == ["notes.jpg", "landscape.jpg", "astronaut.jpg", "grace_hopper.jpg"]
    proxy = workspace.proxy
    assert proxy.data(proxy.index(0, 2)) == "Không xử lý được"
    assert (
        proxy.data(proxy.index(0, 4))
        == "không phải ảnh được hỗ trợ (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)"
    )
    assert proxy.data(proxy.index(1, 2)) == "Cần xem lại"
    assert "không thấy khuôn mặt" in proxy.data(proxy.index(1, 3))
    assert proxy.data(proxy.index(2, 2)) == "Đã gắn khung"
    assert proxy.data(proxy.index(2, 3)) == "độ phân giải thấp"
    assert proxy.data(proxy.index(3, 2)) == "Đã gắn khung"
    records = [
        json.loads(line) for line in (out / "frame-studio-report.jsonl").read_text("utf-8").splitlines()
    ]
    assert [record["input"] for record in records] == sorted(INPUTS)  # plan order
    assert (out / "frame-studio-report.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert outcome.report == out / "frame-studio-report.csv"
    summary = workspace.summary_label.text()
    assert summary == "Xong: 3 ảnh đã gắn khung, 0 đã có từ lần trước, 1 không xử lý được; 1 ảnh cần xem lại."
    assert workspace.start_button.isEnabled() and not workspace.cancel_button.isEnabled()
    assert workspace.progress.value() == workspace.progress.maximum() == len(INPUTS)
    assert workspace.open_report_button.isEnabled()


def test_cancel_stops_after_the_photos_in_flight(
    qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    small = portrait_image("astronaut.jpg").resize((160, 160))
    for number in range(12):
        small.save(in_dir / f"staff-{number:02}.jpg", quality=85)
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    workspace.model.rowsInserted.connect(lambda *_: workspace.cancel_button.click())
    outcome = run(qtbot, workspace, in_dir, tmp_path / "out")
    assert 1 <= len(outcome.results) < 12
    assert workspace.model.rowCount() == len(outcome.results)
    summary = workspace.summary_label.text()
    assert summary.startswith("Đã dừng giữa chừng")
    assert f"còn {12 - len(outcome.results)} ảnh chưa làm" in summary
    records = (tmp_path / "out" / "frame-studio-report.jsonl").read_text("utf-8").splitlines()
    assert len(records) == len(outcome.results)  # the report keeps what was done
    assert workspace.start_button.isEnabled()


def test_stop_cancels_a_running_batch(
    qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    small = portrait_image("grace_hopper.jpg").resize((150, 180))
    for number in range(10):
        small.save(in_dir / f"p{number}.jpg", quality=85)
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    workspace.setup.in_edit.setText(str(in_dir))
    workspace.setup.out_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(workspace.batch_started, timeout=BATCH_TIMEOUT):
        workspace.start()
    assert workspace.running and workspace.cancel_button.isEnabled()
    with qtbot.waitSignal(workspace.batch_finished, timeout=BATCH_TIMEOUT) as blocker:
        workspace.stop()
        assert not workspace.cancel_button.isEnabled()
    assert len(blocker.args[0].results) < 10
    assert not workspace.running


def test_filter_the_review_list(finished: Any) -> None:
    workspace = finished[0]
    workspace.set_filter("rejected")
    assert shown_names(workspace) == ["notes.jpg"]
    workspace.set_filter("flagged")
    assert shown_names(workspace) == ["landscape.jpg"]
    workspace.set_filter("low_resolution")
    assert shown_names(workspace) == ["astronaut.jpg"]
    workspace.set_filter("no_face")
    assert shown_names(workspace) == ["landscape.jpg"]
    workspace.set_filter("several_faces")
    assert shown_names(workspace) == []
    workspace.set_filter("all")
    assert len(shown_names(workspace)) == len(INPUTS)
    texts = [workspace.filter_box.itemText(i) for i in range(workspace.filter_box.count())]
    assert texts[:3] == ["Tất cả (4)", "Cần xem lại (1)", "Không xử lý được (1)"]
    assert "— không thấy khuôn mặt (1)" in texts


def test_double_click_and_enter_ask_for_a_fix(finished: Any, qtbot: Any) -> None:
    workspace, outcome, tmp_path = finished
    workspace.show()
    qtbot.waitExposed(workspace)
    index = row_of(workspace, "grace_hopper.jpg")
    view = workspace.view
    view.scrollTo(index)
    center = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)  # a real double-click
    with qtbot.waitSignal(workspace.fix_requested, timeout=5_000) as blocker:  # starts with a press
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    request = blocker.args[0]
    assert isinstance(request, FixRequest)
    assert request.source == tmp_path / "in" / "grace_hopper.jpg"
    assert request.frame_id == workspace.frame.id
    result = next(r for r in outcome.results if r.input == "grace_hopper.jpg")
    x, y, w, h = result.window_rect
    assert request.placement == Placement(center=(x + w / 2, y + h / 2), span=h)
    view.setCurrentIndex(row_of(workspace, "astronaut.jpg"))
    with qtbot.waitSignal(workspace.fix_requested, timeout=5_000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args[0].source.name == "astronaut.jpg"


def test_a_rejected_photo_cannot_be_fixed(finished: Any, qtbot: Any) -> None:
    workspace = finished[0]
    with qtbot.assertNotEmitted(workspace.fix_requested):
        assert workspace.request_fix(row_of(workspace, "notes.jpg")) is None
    assert workspace.error_label.isVisibleTo(workspace)
    assert "không chỉnh tay được" in workspace.error_label.text()


def test_a_fix_reexports_the_photo_and_updates_row_and_report(finished: Any) -> None:
    workspace, _, tmp_path = finished
    out = tmp_path / "out"
    request = workspace.request_fix(row_of(workspace, "landscape.jpg"))
    assert request is not None and request.placement is not None
    output = next(Path(r.outputs[0]) for r in workspace.model.results() if r.input == "landscape.jpg")
    before = output.read_bytes()
    cx, cy = request.placement.center
    moved = dataclasses.replace(request.placement, center=(cx + 40, cy), span=request.placement.span * 0.8)
    reviewed = request.apply(moved)  # the Photo workspace runs this on a worker
    assert isinstance(reviewed, Reviewed)
    request.applied(reviewed)
    result = reviewed.result
    assert output.read_bytes() != before
    assert "no_face" not in result.flags and result.flags[-1] == "adjusted"
    assert not result.review  # placed by a person: nothing left to review
    workspace.set_filter("no_face")
    assert shown_names(workspace) == []  # the face was placed by hand
    workspace.set_filter("adjusted")
    assert shown_names(workspace) == ["landscape.jpg"]
    proxy = workspace.proxy
    assert proxy.data(proxy.index(0, 2)) == "Đã chỉnh tay"
    assert proxy.data(proxy.index(0, 3)).endswith("đã chỉnh tay")
    records = [
        json.loads(line) for line in (out / "frame-studio-report.jsonl").read_text("utf-8").splitlines()
    ]
    record = next(r for r in records if r["input"] == "landscape.jpg")
    assert record["flags"] == list(result.flags)
    assert record["window_rect"][3] == pytest.approx(moved.span, abs=0.1)
    assert [r["input"] for r in records] == sorted(INPUTS)
    assert record["review"] is False


def test_thumbnails_load_off_the_gui_thread(finished: Any, qtbot: Any) -> None:
    workspace = finished[0]
    workspace.show()
    qtbot.waitExposed(workspace)
    model: ReviewModel = workspace.model

    def framed_rows_have_pictures() -> bool:
        workspace.view.viewport().update()
        return all(row.image is not None for row in model.rows if row.result.status == FRAMED)

    qtbot.waitUntil(framed_rows_have_pictures, timeout=20_000)
    rejected = next(row for row in model.rows if row.result.status == REJECTED)
    assert rejected.image is None and not rejected.asked  # a bad file is never decoded here
    assert max(row.image.width() for row in model.rows if row.image is not None) <= 48


def test_output_inside_input_is_refused_with_a_message(
    qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    in_dir = make_inputs(tmp_path / "in")
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    workspace.setup.in_edit.setText(str(in_dir))
    workspace.setup.out_edit.setText(str(in_dir / "framed"))
    with qtbot.waitSignal(workspace.batch_failed, timeout=30_000) as blocker:
        workspace.start()
    message = blocker.args[0]
    assert message.startswith("Không bắt đầu được: thư mục kết quả không được nằm trong thư mục ảnh")
    assert workspace.error_label.text() == message and workspace.error_label.isVisibleTo(workspace)
    assert workspace.start_button.isEnabled() and not workspace.running
    assert not (in_dir / "framed").exists()


def test_missing_folder_and_bad_roster_messages(
    qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    with qtbot.waitSignal(workspace.batch_failed, timeout=1_000) as blocker:
        assert workspace.start() is None
    assert blocker.args[0] == "Hãy chọn thư mục ảnh."
    roster = tmp_path / "roster.csv"
    roster.write_text("Họ và tên,Đơn vị\nNguyễn Văn A,Phòng 1\n", encoding="utf-8")
    workspace.setup.in_edit.setText(str(make_inputs(tmp_path / "in")))
    workspace.setup.out_edit.setText(str(tmp_path / "out"))
    workspace.setup.roster_edit.setText(str(roster))
    with qtbot.waitSignal(workspace.batch_failed, timeout=30_000) as blocker:
        workspace.start()
    assert blocker.args[0].startswith("Danh sách cán bộ:")


def test_choices_are_remembered_and_used(
    qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    workspace.setup.in_edit.setText(str(tmp_path / "in"))
    workspace.setup.out_edit.setText(str(tmp_path / "out"))
    workspace.setup.roster_edit.setText(str(tmp_path / "staff.xlsx"))
    workspace.setup.size_box.setCurrentIndex(workspace.setup.size_box.findData(0))
    workspace.setup.format_box.setCurrentIndex(workspace.setup.format_box.findData("png"))
    workspace.setup.frame_box.setCurrentIndex(len(frames) - 1)
    assert settings.get("batch/size") == 0 and settings.get("batch/format") == "png"
    again = make_batch_workspace(qtbot, frames, pool, settings)
    assert again.setup.in_edit.text() == str(tmp_path / "in")
    assert again.setup.out_edit.text() == str(tmp_path / "out")
    assert again.setup.roster_edit.text() == str(tmp_path / "staff.xlsx")
    assert again.setup.size_box.currentText() == "1080 và 2048 px"
    assert again.setup.format_box.currentText() == "PNG"
    batch = again.setup.batch_settings()
    assert batch.sizes == (1080, 2048) and batch.format == "png"


def test_open_buttons_open_the_folder_and_the_report(finished: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, _, tmp_path = finished
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    workspace.open_folder_button.click()
    workspace.open_report_button.click()
    paths = [Path(url.toLocalFile()) for url in opened]
    assert paths == [(tmp_path / "out").resolve(), (tmp_path / "out" / "frame-studio-report.csv").resolve()]


def test_a_new_batch_resumes_and_skips_finished_photos(finished: Any, qtbot: Any) -> None:
    workspace, _, tmp_path = finished
    outcome = run(qtbot, workspace, tmp_path / "in", tmp_path / "out")
    statuses = {result.input: result.status for result in outcome.results}
    assert statuses["grace_hopper.jpg"] == "skipped"
    assert workspace.model.rowCount() == len(INPUTS)
    assert "3 đã có từ lần trước" in workspace.summary_label.text()
    with Image.open(tmp_path / "out" / "grace_hopper_jpg.jpg") as image:
        assert image.size == (1080, 1080)


def test_fix_round_trip_through_the_photo_workspace(
    qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    window = MainWindow(frames, settings, pool)
    qtbot.addWidget(window)
    window.batch.workers = 1
    run(qtbot, window.batch, make_inputs(tmp_path / "in"), tmp_path / "out")
    with qtbot.waitSignal(window.photo.photo_loaded, timeout=30_000):
        request = window.batch.request_fix(row_of(window.batch, "landscape.jpg"))
    assert request is not None
    assert window.tabs.currentWidget() is window.photo
    assert window.photo.canvas.placement == request.placement  # opened where the batch put it
    window.photo.apply_fix()
    model = window.batch.model
    qtbot.waitUntil(lambda: "adjusted" in model.result(model.by_name["landscape.jpg"]).flags, timeout=30_000)
    assert window.photo.status.text() == "Đã lưu vào kết quả hàng loạt."
    report = (tmp_path / "out" / "frame-studio-report.jsonl").read_text("utf-8")
    assert '"input": "landscape.jpg"' in report and '"adjusted"' in report


def drop_on(workspace: BatchWorkspace, *paths: Path) -> tuple[bool, bool]:
    """Drag `paths` over the workspace and drop them: (drag accepted, drop accepted)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, data, buttons, keys)
    workspace.dragEnterEvent(enter)
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data, buttons, keys)
    workspace.dropEvent(drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_folder_dropped_on_the_batch_tab_becomes_the_photo_folder(
    qtbot: Any, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    assert workspace.acceptDrops()
    photos = make_inputs(tmp_path / "Ảnh cán bộ")
    assert drop_on(workspace, photos) == (True, True)
    assert workspace.setup.in_edit.text() == str(photos)
    assert settings.get("batch/input") == str(photos)
    roster = tmp_path / "danh sách.xlsx"
    roster.write_bytes(b"")
    assert drop_on(workspace, roster) == (True, True)
    assert workspace.setup.roster_edit.text() == str(roster)
    # A photo or a campaign pack is not for this form: the window takes packs.
    for other in (photos / "astronaut.jpg", tmp_path / "chien-dich.fspack"):
        other.touch()
        assert drop_on(workspace, other) == (False, False)
    assert workspace.setup.in_edit.text() == str(photos)
    workspace.setup.set_editable(False)  # as while a batch runs
    assert drop_on(workspace, tmp_path) == (False, False)
    assert workspace.setup.in_edit.text() == str(photos)
