"""Office storage seen from the GUI: links refused, files held open, folders unusable or busy.

Real widgets, real photos, a real process pool. What the offices have (a FAT32 USB stick, a
report open in Excel, a read-only share, a second batch into the same folder, a folder with
Windows junk and a looping link) is made for real where the test machine can, and otherwise
by making the one OS call fail as Windows makes it fail. Batch photos are written by spawned
worker processes, which these patches do not reach: the patches hit what the GUI process
writes itself (the avatar, the folder lock, the reports, the QR code, the reminder).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA
from PIL import Image
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from pytestqt.qtbot import QtBot
from storage import hold_open, refuse_links
from workspaces import make_batch_workspace, make_photo_workspace

from frame_studio.core import atomic
from frame_studio.core.atomic import is_temp_name
from frame_studio.core.frames import Frame
from frame_studio.core.out_folder import LOCK_NAME, claim_output_folder
from frame_studio.core.outcome import FRAMED, REJECTED
from frame_studio.gui.batch_workspace import BatchWorkspace
from frame_studio.gui.photo_workspace import PhotoWorkspace
from frame_studio.gui.settings import Settings

pytestmark = pytest.mark.gui

BATCH_TIMEOUT = 120_000
PHOTOS = ("astronaut.jpg", "grace_hopper.jpg")
LOCKED_VI = (
    "tệp đang được mở trong chương trình khác (Excel, trình xem ảnh, phần mềm diệt virus): "
    "hãy đóng tệp rồi chạy lại"
)
BUSY_VI = "một loạt ảnh khác đang ghi vào thư mục này; hãy đợi loạt đó xong"
LINK_LOOP_VI = "lối tắt vòng lặp (lối tắt trỏ vòng về chính nó); không xử lý được"
LINK_ERRORS = [pytest.param("fat32", id="EINVAL-fat32"), pytest.param("share", id="EACCES-share")]


class Seen(QObject):
    """Records what a patched dialog or a workspace said, and signals it (tests wait on it)."""

    happened = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts: list[str] = []
        self.kinds: list[str] = []
        self.outcome: Any = None

    def say(self, text: str) -> None:
        self.texts.append(text)
        self.happened.emit()

    def finished(self, outcome: Any) -> None:
        self.kinds.append("finished")
        self.outcome = outcome
        self.happened.emit()

    def failed(self, text: str) -> None:
        self.kinds.append("failed")
        self.texts.append(text)
        self.happened.emit()


@pytest.fixture(autouse=True)
def fresh_atomic_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """No folder remembered as refusing links from another test; held files fail at once."""
    monkeypatch.setattr(atomic, "_links_refused", set())
    monkeypatch.setattr(atomic, "RETRY_DELAYS", (0.0, 0.0, 0.0))


def temp_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if is_temp_name(path.name)]


def listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


# -- Photo workspace ------------------------------------------------------------------


@pytest.fixture
def photo_workspace(qtbot: QtBot, frames: list[Frame], pool: QThreadPool) -> PhotoWorkspace:
    return make_photo_workspace(qtbot, frames, pool)


@pytest.fixture
def loaded(qtbot: QtBot, photo_workspace: PhotoWorkspace, tmp_path: Path) -> PhotoWorkspace:
    """The Photo workspace with a real portrait open."""
    photo = tmp_path / "chân dung.jpg"
    shutil.copyfile(DATA / "grace_hopper.jpg", photo)
    with qtbot.waitSignal(photo_workspace.photo_loaded, timeout=20_000):
        photo_workspace.load_photo(photo)
    return photo_workspace


def choose(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """The save dialog answers `target`."""
    monkeypatch.setattr(
        "frame_studio.gui.photo_workspace.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "PNG (*.png)"),
    )


@pytest.mark.parametrize("kind", LINK_ERRORS)
def test_photo_saves_on_a_drive_that_refuses_hard_links(
    qtbot: QtBot,
    loaded: PhotoWorkspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "ảnh đại diện.png"
    choose(monkeypatch, target)
    refuse_links(monkeypatch, kind)
    warnings: list[str] = []
    monkeypatch.setattr("frame_studio.gui.ask.warn", lambda *args: warnings.append(args[2]))
    with qtbot.waitSignal(loaded.exported, timeout=20_000) as blocker:
        loaded.choose_save_path()
    assert blocker.args == [target]
    assert warnings == []
    with Image.open(target) as saved:
        saved.load()
        assert (saved.format, saved.size) == ("PNG", (1080, 1080))
    assert sorted(path.name for path in usb.iterdir()) == [target.name]  # no temp file, no claim
    assert loaded.status.text() == f"Đã lưu {target.name}"


def test_saving_onto_a_file_held_open_says_so_and_changes_nothing(
    qtbot: QtBot, loaded: PhotoWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "avatar.png"
    Image.new("RGB", (32, 32), "red").save(target)  # last week's avatar, open in a viewer
    (folder / "ghi chú.txt").write_text("đừng xoá", encoding="utf-8")
    before = listing(folder)
    choose(monkeypatch, target)
    tried = hold_open(monkeypatch, lambda path: path == target)
    seen = Seen(loaded)
    monkeypatch.setattr("frame_studio.gui.ask.warn", lambda parent, title, text: seen.say(text))
    exported: list[object] = []
    loaded.exported.connect(exported.append)
    with qtbot.waitSignal(seen.happened, timeout=20_000):
        loaded.choose_save_path()
    assert seen.texts == [LOCKED_VI]  # Vietnamese, and only that: no English, no traceback
    assert len(tried) == len(atomic.RETRY_DELAYS) + 1  # retried before giving up
    assert listing(folder) == before  # the old file intact, no temp file, nothing new
    assert exported == []
    assert not loaded.status.text().startswith("Đã lưu")
    assert loaded.save_button.isEnabled()


# -- Batch workspace ------------------------------------------------------------------


def make_photos(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in PHOTOS:
        shutil.copyfile(DATA / name, folder / name)
    return folder


def run_batch(qtbot: QtBot, workspace: BatchWorkspace, in_dir: Path, out_dir: Path) -> Seen:
    """Start a batch and wait until it finishes or fails (whichever comes: a failure is fast)."""
    workspace.setup.in_edit.setText(str(in_dir))
    workspace.setup.out_edit.setText(str(out_dir))
    seen = Seen(workspace)
    workspace.batch_finished.connect(seen.finished)
    workspace.batch_failed.connect(seen.failed)
    with qtbot.waitSignal(seen.happened, timeout=BATCH_TIMEOUT):
        workspace.start()
    return seen


def shown_rows(workspace: BatchWorkspace) -> dict[str, tuple[str, str]]:
    """Each row's input name -> (status word, reason), as the review list shows them."""
    proxy = workspace.proxy
    return {
        str(proxy.data(proxy.index(row, 1))): (
            str(proxy.data(proxy.index(row, 2))),
            str(proxy.data(proxy.index(row, 4))),
        )
        for row in range(proxy.rowCount())
    }


def assert_framed(outcome: Any, out: Path) -> None:
    by_name = {result.input: result for result in outcome.results}
    assert sorted(by_name) == sorted(PHOTOS)
    for name in PHOTOS:
        assert by_name[name].status == FRAMED
        with Image.open(by_name[name].outputs[0]) as framed:
            framed.load()
        assert Path(by_name[name].outputs[0]).parent == out


@pytest.mark.parametrize("kind", LINK_ERRORS)
def test_batch_into_a_drive_that_refuses_hard_links(
    qtbot: QtBot,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    out = tmp_path / "usb" / "kết quả"
    tried = refuse_links(monkeypatch, kind)
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    seen = run_batch(qtbot, workspace, make_photos(tmp_path / "in"), out)
    assert seen.kinds == ["finished"], seen.texts
    assert tried and all(path.parent == out for path in tried)  # the fallback really ran
    assert_framed(seen.outcome, out)
    assert seen.outcome.files.problems == []
    assert set(seen.outcome.files.written) >= {"report_csv", "report_jsonl", "qr_png", "reminder"}
    assert (out / "frame-studio-report.csv").is_file()
    assert not (out / LOCK_NAME).exists()  # taken without a link, and released
    assert temp_files(out) == []
    assert workspace.error_label.isHidden()


def probe_read_only(folder: Path) -> None:
    """Make `folder` read-only for real, or skip where this user writes anyway (root)."""
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").write_bytes(b"")
    except PermissionError:
        return
    (folder / "probe").unlink()
    folder.chmod(0o755)
    pytest.skip("this user can write into a read-only folder (root)")


@pytest.fixture
def read_only_out(tmp_path: Path) -> Iterator[Path]:
    """A read-only output folder (for tests marked posix: chmod cannot make one on Windows)."""
    out = tmp_path / "chỉ đọc"
    probe_read_only(out)
    yield out
    out.chmod(0o755)


def assert_refused_before_any_photo(
    qtbot: QtBot, workspace: BatchWorkspace, in_dir: Path, out: Path, reason: str
) -> None:
    started: list[object] = []
    workspace.batch_started.connect(started.append)
    seen = run_batch(qtbot, workspace, in_dir, out)
    assert seen.kinds == ["failed"]
    text = workspace.error_label.text()
    assert text == seen.texts[0]
    assert text == f"Không bắt đầu được: {reason} ({out})"
    assert "Traceback" not in text and "Error" not in text
    assert started == [] and workspace.model.rowCount() == 0
    assert workspace.start_button.isEnabled() and not workspace.running
    assert sorted(path.name for path in in_dir.iterdir()) == sorted(PHOTOS)


@pytest.mark.posix(reason="chmod does not make a Windows folder read-only")
def test_batch_into_a_read_only_folder_is_refused_in_words(
    qtbot: QtBot,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
    read_only_out: Path,
) -> None:
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    in_dir = make_photos(tmp_path / "in")
    assert_refused_before_any_photo(qtbot, workspace, in_dir, read_only_out, "không có quyền ghi vào đây")
    assert list(read_only_out.iterdir()) == []


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        pytest.param(
            "ghi chú.txt/kết quả",
            "không tạo được thư mục kết quả; hãy kiểm tra lại đường dẫn hoặc chọn thư mục khác",
            id="under-a-file",
        ),
        pytest.param("ghi chú.txt", "đường dẫn kết quả đã có và không phải là thư mục", id="is-a-file"),
    ],
)
def test_batch_into_a_path_through_a_file_is_refused_in_words(
    qtbot: QtBot,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
    where: str,
    reason: str,
) -> None:
    note = tmp_path / "ghi chú.txt"
    note.write_text("không phải thư mục", encoding="utf-8")
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    in_dir = make_photos(tmp_path / "in")
    assert_refused_before_any_photo(qtbot, workspace, in_dir, tmp_path / where, reason)
    assert note.read_text(encoding="utf-8") == "không phải thư mục"


def test_a_folder_busy_with_another_batch_asks_then_waits_for_it(
    qtbot: QtBot,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    in_dir = make_photos(tmp_path / "in")
    other = claim_output_folder(out)  # a live batch (this very process) holds the folder
    try:
        workspace = make_batch_workspace(qtbot, frames, pool, settings)
        asked: list[str] = []
        answer = False
        at_release: dict[str, Any] = {}

        def release() -> None:  # the other batch ends while this one waits
            at_release["files"] = sorted(path.name for path in out.iterdir())
            at_release["rate"] = workspace.rate_label.text()
            at_release["running"] = workspace.running
            other.release()

        def question(parent: Any, title: str, text: str, **buttons: str) -> bool:
            asked.append(text)
            if answer:
                QTimer.singleShot(300, workspace, release)
            return answer

        monkeypatch.setattr("frame_studio.gui.ask.ask", question)

        seen = run_batch(qtbot, workspace, in_dir, out)
        assert len(asked) == 1 and "Một loạt ảnh khác đang ghi vào thư mục này" in asked[0]
        assert "trên máy " in asked[0] and "process" not in asked[0]  # Vietnamese, no English detail
        assert seen.kinds == ["failed"]
        assert workspace.error_label.text() == f"Không bắt đầu được: {BUSY_VI}"
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]  # no photo written
        assert workspace.model.rowCount() == 0 and not workspace.running

        answer = True
        seen = run_batch(qtbot, workspace, in_dir, out)
        assert len(asked) == 2
        assert seen.kinds == ["finished"], seen.texts
        assert at_release == {
            "files": [LOCK_NAME],
            "rate": "Đang đợi loạt ảnh kia ghi xong…",
            "running": True,
        }
        assert_framed(seen.outcome, out)
        assert workspace.error_label.isHidden()
        assert not (out / LOCK_NAME).exists()
    finally:
        other.release()


def test_a_report_held_open_is_listed_and_the_photos_are_kept(
    qtbot: QtBot,
    frames: list[Frame],
    pool: QThreadPool,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    tried = hold_open(monkeypatch, lambda path: path.name.endswith(".csv"))
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    seen = run_batch(qtbot, workspace, make_photos(tmp_path / "in"), out)
    assert seen.kinds == ["finished"], seen.texts
    assert len(tried) == len(atomic.RETRY_DELAYS) + 1
    assert_framed(seen.outcome, out)
    assert workspace.model.rowCount() == len(PHOTOS)
    assert not workspace.error_label.isHidden()
    assert workspace.error_label.text() == f"Không ghi được frame-studio-report.csv: {LOCKED_VI}"
    assert not (out / "frame-studio-report.csv").exists()
    assert not (out / "frame-studio-report.jsonl").exists()  # the pair stays in step
    written = seen.outcome.files.written
    assert {"qr_png", "qr_svg", "reminder"} <= set(written) and all(p.is_file() for p in written.values())
    assert workspace.summary_label.text().startswith("Xong: 2 ảnh đã gắn khung")
    assert temp_files(out) == []


@pytest.mark.posix(reason="symlinks need special rights on Windows")
def test_junk_and_a_looping_link_beside_the_photos(
    qtbot: QtBot, frames: list[Frame], pool: QThreadPool, settings: Settings, tmp_path: Path
) -> None:
    in_dir = make_photos(tmp_path / "in")
    (in_dir / "Thumbs.db").write_bytes(b"\x00" * 64)
    (in_dir / "desktop.ini").write_text("[.ShellClassInfo]\r\n", encoding="utf-8")
    (in_dir / "vòng.jpg").symlink_to("vòng.jpg")  # leads to itself
    out = tmp_path / "out"
    workspace = make_batch_workspace(qtbot, frames, pool, settings)
    seen = run_batch(qtbot, workspace, in_dir, out)
    assert seen.kinds == ["finished"], seen.texts
    by_name = {result.input: result for result in seen.outcome.results}
    assert sorted(by_name) == sorted([*PHOTOS, "vòng.jpg"])
    assert [by_name[name].status for name in PHOTOS] == [FRAMED, FRAMED]
    assert (by_name["vòng.jpg"].status, by_name["vòng.jpg"].code) == (REJECTED, "link_loop")
    rows = shown_rows(workspace)
    assert sorted(rows) == sorted([*PHOTOS, "vòng.jpg"])  # no Thumbs.db, no desktop.ini
    assert rows["vòng.jpg"] == ("Không xử lý được", LINK_LOOP_VI)
    assert workspace.summary_label.text().startswith(
        "Xong: 2 ảnh đã gắn khung, 0 đã có từ lần trước, 1 không xử lý được"
    )
    assert "bỏ qua 2 tệp hệ thống" in workspace.summary_label.text()
    assert workspace.error_label.isHidden()
