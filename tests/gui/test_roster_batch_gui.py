"""HR's roster batch in the Batch workspace: names from the roster with a preview, roster notes
as rows, “accept as is” kept across a restart, the per-unit summary, and a pack's campaign.

Real widgets offscreen, real photos, one worker process.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import no_face_image
from openpyxl import load_workbook
from PIL import Image
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot
from storage import hold_open
from workspaces import make_batch_workspace

from frame_studio.core.frames import Frame
from frame_studio.core.journal import read_journal
from frame_studio.core.out_folder import claim_output_folder
from frame_studio.core.qr import decode_qr
from frame_studio.core.reminder import REMINDER_FILE
from frame_studio.gui.batch_workspace import BatchWorkspace
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.review_model import NOTES
from frame_studio.gui.settings import Settings

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[1] / "data"
BATCH_TIMEOUT = 120_000
ROSTER = [
    ["STT", "Họ và tên", "Đơn vị", "Tên ảnh"],
    ["1", "Nguyễn Văn An", "Phòng Tổ chức", "an.jpg"],
    ["2", "Trần Thị Bình", "Phòng Tổ chức", "binh.jpg"],
    ["3", "Lê Văn Chí", "Văn phòng", "chi.jpg"],
    ["4", "Vũ Thị Vắng", "Văn phòng", "vang.jpg"],
]


def make_folder(folder: Path) -> Path:
    """An, Bình: portraits; Chí: no face; lạ.jpg: nobody's (Vắng has no photo)."""
    folder.mkdir(parents=True)
    shutil.copyfile(DATA / "grace_hopper.jpg", folder / "an.jpg")
    shutil.copyfile(DATA / "grace_hopper.jpg", folder / "BINH.JPG")  # matched whatever the case
    no_face_image().save(folder / "chi.jpg", quality=90)
    shutil.copyfile(DATA / "grace_hopper.jpg", folder / "lạ.jpg")
    return folder


def write_roster(path: Path) -> Path:
    path.write_text("\n".join(",".join(row) for row in ROSTER) + "\n", encoding="utf-8-sig")
    return path


@pytest.fixture
def workspace(
    qtbot: QtBot, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> Any:
    """A workspace set up with the folders and the roster, its columns read."""
    settings.set("batch/input", str(make_folder(tmp_path / "ảnh")))
    settings.set("batch/output", str(tmp_path / "kết quả"))
    settings.set("batch/roster", str(write_roster(tmp_path / "danh sách.csv")))
    settings.set("batch/format", "jpg")
    space = make_batch_workspace(qtbot, frames, pool, settings)
    qtbot.waitUntil(lambda: space.setup.naming.roster is not None, timeout=10_000)
    return space


def run(qtbot: QtBot, space: BatchWorkspace) -> Any:
    with qtbot.waitSignal(space.batch_finished, timeout=BATCH_TIMEOUT) as blocker:
        assert space.start() is not None
    return blocker.args[0]


def name_template(qtbot: QtBot, space: BatchWorkspace, template: str) -> None:
    naming = space.setup.naming
    naming.mode_box.setCurrentIndex(1)
    naming.template_box.setEditText(template)
    qtbot.waitUntil(lambda: "Ví dụ:" in naming.preview_label.text(), timeout=10_000)


def rows(space: BatchWorkspace) -> list[tuple[str, str, str]]:
    proxy = space.proxy
    return [
        (
            str(proxy.data(proxy.index(r, 1))),
            str(proxy.data(proxy.index(r, 2))),
            str(proxy.data(proxy.index(r, 4))),
        )
        for r in range(proxy.rowCount())
    ]


def test_names_come_from_the_roster_with_a_preview(
    qtbot: QtBot, workspace: BatchWorkspace, tmp_path: Path
) -> None:
    naming = workspace.setup.naming
    assert [action.text() for action in naming.column_menu.actions()] == [
        "{stt}",
        "{ho_va_ten}",
        "{don_vi}",
        "{ten_anh}",
    ]
    assert naming.template_box.itemText(0) == "{don_vi}/{ho_va_ten}"  # offered from the headers
    name_template(qtbot, workspace, "{don_vi}/{ho_va_ten}")
    assert "Phòng Tổ chức/Nguyễn Văn An.jpg" in naming.preview_label.text()
    naming.ascii_box.setChecked(True)
    qtbot.waitUntil(lambda: "Phong To chuc/Nguyen Van An.jpg" in naming.preview_label.text(), timeout=10_000)
    naming.ascii_box.setChecked(False)
    naming.template_box.setEditText("{chuc_vu}")
    qtbot.waitUntil(lambda: "không có trong danh sách" in naming.preview_label.text(), timeout=10_000)
    name_template(qtbot, workspace, "{don_vi}/{ho_va_ten}")
    outcome = run(qtbot, workspace)
    out = tmp_path / "kết quả"
    assert (out / "Phòng Tổ chức" / "Nguyễn Văn An.jpg").is_file()
    assert (out / "Phòng Tổ chức" / "Trần Thị Bình.jpg").is_file()
    assert (out / "lạ_jpg.jpg").is_file()  # nobody's photo keeps its own name
    assert workspace.settings.get("batch/name_template") == "{don_vi}/{ho_va_ten}"
    table = list(csv.reader(io.StringIO((out / "frame-studio-report.csv").read_text("utf-8-sig"))))
    assert table[0][:3] == ["Ảnh gốc", "Họ tên", "Đơn vị"]
    an = next(line for line in table if line[0] == "an.jpg")
    assert an[1:4] == ["Nguyễn Văn An", "Phòng Tổ chức", "Đã gắn khung"]
    assert outcome.summary is not None


def test_roster_notes_are_rows_of_the_list_in_vietnamese(qtbot: QtBot, workspace: BatchWorkspace) -> None:
    run(qtbot, workspace)
    workspace.set_filter(NOTES)
    notes = rows(workspace)
    assert len(notes) == 2 and all(status == "Ghi chú danh sách" for _, status, _ in notes)
    reasons = " | ".join(reason for _, _, reason in notes)
    assert "lạ.jpg: không có dòng nào trong danh sách cán bộ" in reasons
    assert "Vũ Thị Vắng: danh sách cán bộ ghi ảnh “vang.jpg” nhưng thư mục ảnh không có" in reasons
    texts = [workspace.filter_box.itemText(i) for i in range(workspace.filter_box.count())]
    assert "Ghi chú danh sách (2)" in texts


def test_accept_as_is_clears_the_photo_and_survives_a_restart(
    qtbot: QtBot,
    workspace: BatchWorkspace,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
) -> None:
    run(qtbot, workspace)
    workspace.set_filter("flagged")
    assert [name.split("\n")[0] for name, _, _ in rows(workspace)] == ["chi.jpg"]
    assert not workspace.accept_button.isEnabled()  # nothing chosen yet
    workspace.view.setCurrentIndex(workspace.proxy.index(0, 1))
    assert workspace.accept_button.isEnabled()
    with qtbot.waitSignal(workspace.model.dataChanged, timeout=10_000):
        workspace.accept_button.click()
    assert rows(workspace) == []  # nothing left to review
    workspace.set_filter("all")
    chi = next(row for row in rows(workspace) if row[0].startswith("chi.jpg"))
    assert chi[1] == "Đã xem, giữ nguyên"
    out = tmp_path / "kết quả"
    assert read_journal(out).done["chi.jpg"]["review"] is False
    table = list(csv.reader(io.StringIO((out / "frame-studio-report.csv").read_text("utf-8-sig"))))
    header = table[0]
    chi_line = next(line for line in table if line[0] == "chi.jpg")
    assert chi_line[header.index("Cần xem lại")] == "Không"
    book = load_workbook(out / "frame-studio-summary.xlsx")
    assert [cell.value for cell in book.worksheets[0][4]][4] == 0  # total row: none needs review now
    book.close()

    again = make_batch_workspace(qtbot, frames, pool, settings)  # the app started again
    qtbot.waitUntil(lambda: again.model.rowCount() > 0, timeout=10_000)
    names = {result.input: result for result in again.model.results()}
    assert names["chi.jpg"].review is False and "accepted" in names["chi.jpg"].flags
    assert again.summary_label.text() == "Kết quả lần trước: 4 ảnh; 0 ảnh cần xem lại."
    assert again.plan is not None  # fixes by hand work on the restored list too
    assert again.unit_summary.table.rowCount() == 3


def test_the_summary_table_matches_the_roster(
    qtbot: QtBot, workspace: BatchWorkspace, tmp_path: Path
) -> None:
    run(qtbot, workspace)
    table = workspace.unit_summary.table
    cells = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert cells == [
        ["Phòng Tổ chức", "2", "2", "0", "0"],
        ["Văn phòng", "2", "1", "1", "1"],
        ["Tổng cộng", "4", "3", "1", "1"],
    ]
    assert workspace.tabs.isTabEnabled(1)
    assert "Vũ Thị Vắng" in workspace.unit_summary.missing_label.text()
    assert workspace.unit_summary.open_button.isEnabled()
    book = load_workbook(tmp_path / "kết quả" / "frame-studio-summary.xlsx")
    sheet = book.worksheets[0]
    assert [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)] == [
        ["Phòng Tổ chức", 2, 2, 0, 0],
        ["Văn phòng", 2, 1, 1, 1],
        ["Tổng cộng", 4, 3, 1, 1],
    ]
    book.close()


def test_a_pack_frame_batch_uses_the_campaigns_link_and_end(
    qtbot: QtBot, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    link, end = "https://langson.example.vn/dai-hoi-xviii", dt.date(2030, 10, 15)
    chosen = next(frame for frame in frames if frame.id == settings.get("frame"))
    assert chosen.link != link  # the folder itself says the old link
    pack_frame = dataclasses.replace(chosen, link=link, campaign="Đại hội XVIII", valid_until=end)
    settings.set("batch/input", str(make_folder(tmp_path / "in")))
    settings.set("batch/output", str(tmp_path / "out"))
    offered = [pack_frame if frame is chosen else frame for frame in frames]
    space = make_batch_workspace(qtbot, offered, pool, settings)
    assert space.frame is pack_frame
    run(qtbot, space)
    with Image.open(tmp_path / "out" / "campaign-qr.png") as qr:
        assert decode_qr(qr) == link
    reminder = (tmp_path / "out" / REMINDER_FILE).read_text(encoding="utf-8")
    assert "20301015" in reminder and "Đại hội XVIII" in reminder


def choose_flagged(space: BatchWorkspace) -> None:
    space.set_filter("flagged")
    space.view.setCurrentIndex(space.proxy.index(0, 1))
    assert space.accept_button.isEnabled()


def test_accepting_with_the_report_open_in_excel_keeps_the_look_and_says_so(
    qtbot: QtBot, workspace: BatchWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(qtbot, workspace)
    out = tmp_path / "kết quả"
    before = (out / "frame-studio-report.csv").read_bytes()
    hold_open(monkeypatch, lambda path: path.name.endswith(".csv"))
    choose_flagged(workspace)
    with qtbot.waitSignal(workspace.model.dataChanged, timeout=20_000):
        workspace.accept_button.click()
    assert read_journal(out).done["chi.jpg"]["review"] is False  # the look is kept
    assert (out / "frame-studio-report.csv").read_bytes() == before  # untouched, not half-written
    assert workspace.error_label.text().startswith("Không ghi được frame-studio-report.csv: tệp đang được mở")
    assert [result.input for result in workspace.model.results() if result.review] == []


def test_accepting_while_another_batch_writes_into_the_folder_is_refused_in_words(
    qtbot: QtBot, workspace: BatchWorkspace, tmp_path: Path
) -> None:
    run(qtbot, workspace)
    out = tmp_path / "kết quả"
    choose_flagged(workspace)
    with claim_output_folder(out):  # a colleague's batch, from another window or computer
        workspace.accept_button.click()
        qtbot.waitUntil(lambda: not workspace.error_label.isHidden(), timeout=20_000)
    assert workspace.error_label.text().startswith("Không ghi được:")
    assert "Traceback" not in workspace.error_label.text()
    assert read_journal(out).done["chi.jpg"]["review"] is True  # nothing recorded
    assert [result.input for result in workspace.model.results() if result.review] == ["chi.jpg"]
    assert workspace.accept_button.isEnabled()  # it can be tried again


def test_choosing_another_output_folder_shows_its_last_batch(
    qtbot: QtBot, workspace: BatchWorkspace, tmp_path: Path
) -> None:
    run(qtbot, workspace)
    out = workspace.setup.out_dir
    workspace.setup.out_edit.setText(str(tmp_path / "trống"))  # a folder no batch wrote into
    qtbot.waitUntil(lambda: workspace.model.rowCount() == 0, timeout=10_000)
    assert workspace.stack.currentWidget() is workspace.empty_label
    assert workspace.plan is None and not workspace.tabs.isTabEnabled(1)
    workspace.setup.out_edit.setText(out)
    qtbot.waitUntil(lambda: workspace.model.rowCount() == 6, timeout=10_000)  # 4 photos, 2 notes
    assert workspace.summary_label.text() == "Kết quả lần trước: 4 ảnh; 1 ảnh cần xem lại."
    assert workspace.unit_summary.table.rowCount() == 3


def test_a_restart_shows_the_roster_notes_again(
    qtbot: QtBot, workspace: BatchWorkspace, frames: list[Frame], pool: QThreadPool, settings: Settings
) -> None:
    run(qtbot, workspace)
    again = make_batch_workspace(qtbot, frames, pool, settings)
    qtbot.waitUntil(lambda: again.model.rowCount() == 6, timeout=10_000)  # 4 photos, 2 notes
    again.set_filter(NOTES)
    assert len(rows(again)) == 2


def test_a_moved_photo_folder_is_said_not_a_dead_end(
    qtbot: QtBot,
    workspace: BatchWorkspace,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
) -> None:
    run(qtbot, workspace)
    (tmp_path / "ảnh").rename(tmp_path / "ảnh cũ")  # moved to another folder since
    again = make_batch_workspace(qtbot, frames, pool, settings)
    qtbot.waitUntil(lambda: again.model.rowCount() == 4, timeout=10_000)
    assert again.plan is None
    assert again.error_label.text().startswith("Chưa chỉnh được ảnh nào của lần trước:")
    again.set_filter("flagged")
    assert again.request_fix(again.proxy.index(0, 1)) is None
    assert again.error_label.text() == "Hãy chọn lại thư mục ảnh của lần trước rồi chỉnh ảnh."


def test_a_badly_written_template_says_so_in_the_preview(qtbot: QtBot, workspace: BatchWorkspace) -> None:
    naming = workspace.setup.naming
    name_template(qtbot, workspace, "{don_vi}/{ho_va_ten}")
    naming.template_box.setEditText("{ho_va_ten")
    qtbot.waitUntil(lambda: "viết chưa đúng" in naming.preview_label.text(), timeout=10_000)
    assert "Ví dụ" not in naming.preview_label.text()
    with qtbot.waitSignal(workspace.batch_failed, timeout=10_000) as failed:
        workspace.start()
    assert failed.args[0].startswith("Không bắt đầu được: mẫu tên tệp viết chưa đúng")


def test_fixing_a_roster_photo_opens_it_with_the_persons_name_and_unit(
    qtbot: QtBot, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    settings.set("batch/input", str(make_folder(tmp_path / "ảnh")))
    settings.set("batch/output", str(tmp_path / "kết quả"))
    settings.set("batch/roster", str(write_roster(tmp_path / "danh sách.csv")))
    window = MainWindow(frames, settings, pool)
    qtbot.addWidget(window)
    window.batch.workers = 1
    qtbot.waitUntil(lambda: window.batch.setup.naming.roster is not None, timeout=10_000)
    run(qtbot, window.batch)
    window.batch.set_filter("flagged")
    with qtbot.waitSignal(window.photo.photo_loaded, timeout=30_000):
        window.batch.request_fix(window.batch.proxy.index(0, 1))
    panel = window.photo.campaign_panel
    assert (panel.person_edit.text(), panel.unit_edit.text()) == ("Lê Văn Chí", "Văn phòng")


def test_the_last_batch_of_another_photo_folder_cannot_be_fixed_through_it(
    qtbot: QtBot,
    workspace: BatchWorkspace,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
) -> None:
    """Another unit's folder has photos of the same names: a fix must not write one of them
    over this batch's output."""
    run(qtbot, workspace)
    other = tmp_path / "đơn vị khác"
    other.mkdir()
    for name in ("an.jpg", "BINH.JPG", "chi.jpg", "lạ.jpg"):
        no_face_image(seed=7).save(other / name, quality=80)
    settings.set("batch/input", str(other))
    again = make_batch_workspace(qtbot, frames, pool, settings)
    qtbot.waitUntil(lambda: again.model.rowCount() == 4, timeout=10_000)
    assert again.plan is None
    assert "đã khác với lần gắn khung này" in again.error_label.text()
    again.set_filter("flagged")
    assert again.request_fix(again.proxy.index(0, 1)) is None


def test_one_accept_at_a_time(qtbot: QtBot, workspace: BatchWorkspace) -> None:
    run(qtbot, workspace)
    workspace.set_filter("flagged")
    workspace.view.setCurrentIndex(workspace.proxy.index(0, 1))
    with qtbot.waitSignal(workspace.model.dataChanged, timeout=10_000):
        assert workspace.accept_current() is not None
        assert workspace.accept_current() is None  # the first is still being written
        assert not workspace.accept_button.isEnabled()
