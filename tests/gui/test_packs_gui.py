"""Opening campaign packs in the main window: no copies, grouped by campaign, choices kept, versions.

Real packs written in the test, opened on the test's pool into a temporary user folder;
the replace question is answered by a monkeypatched `frame_studio.gui.ask.ask`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QComboBox, QFileDialog
from pytestqt.qtbot import QtBot

from frame_studio.core.campaign import Campaign, open_pack
from frame_studio.core.frames import Frame, find_frame, load_frame
from frame_studio.core.pack_writer import write_pack
from frame_studio.core.user_dirs import user_frames_dir
from frame_studio.core.variants import write_variant
from frame_studio.gui import ask, pack_export
from frame_studio.gui.campaign_book import CampaignBook
from frame_studio.gui.frame_combo import FOLDER_ROLE, GROUP_ROLE, on_header
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("user_data")]

TIMEOUT = 30_000
CONGRESS = "Chào mừng Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII, nhiệm kỳ 2020-2025"
XVIII = "Đại hội XVIII"
SEPT, OCT = dt.date(2030, 9, 29), dt.date(2030, 10, 31)
TERM_LAYER = {"congress-badge": "term", "congress-ring": "bottom_text"}


@pytest.fixture
def window(qtbot: QtBot, frames: list[Frame], settings: Settings, pool: QThreadPool) -> MainWindow:
    widget = MainWindow(frames, settings, pool, CampaignBook())
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def campaign(name: str = XVIII, end: dt.date = SEPT, id: str = "dai-hoi-xviii") -> Campaign:
    return Campaign(id=id, name=name, link="https://example.org/dai-hoi", start=dt.date(2030, 9, 1), end=end)


def variant(
    folder: Path, id: str, name: str, term: str = "2030 – 2035", base: str = "congress-badge"
) -> Frame:
    """A frame the app does not have: a bundled frame with another term."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {TERM_LAYER[base]: term}
    return load_frame(write_variant(find_frame(base), folder, id=id, name=name, texts=texts))


def pack(path: Path, frames: list[Frame], **changes: object) -> Path:
    return write_pack(path, campaign(**changes), frames)  # type: ignore[arg-type]


def open_in(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.pack_opened, timeout=TIMEOUT):
        window.open_pack_file(path)


def answer(monkeypatch: pytest.MonkeyPatch, replace: bool | None) -> list[str]:
    """Answer the replace question with `replace` (None: the question must not be asked)."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, **_: object) -> bool:
        asked.append(text)
        assert replace is not None, f"asked unexpectedly: {text}"
        return replace

    monkeypatch.setattr(ask, "ask", question)
    return asked


def boxes(window: MainWindow) -> list[QComboBox]:
    return [window.photo.frame_box, window.batch.setup.frame_box]


def headers(box: QComboBox) -> dict[int, str]:
    return {row: box.itemData(row, GROUP_ROLE) for row in range(box.count()) if box.itemData(row, GROUP_ROLE)}


def ids(window: MainWindow) -> list[str]:
    return [frame.id for frame in window.frames.frames]


def test_a_pack_of_the_bundled_frames_adds_nothing(
    qtbot: QtBot, window: MainWindow, frames: list[Frame], tmp_path: Path
) -> None:
    # The comms team exported the bundled frames with a new link and dates: same frames.
    congress = pack(tmp_path / "congress.fspack", frames, name=CONGRESS, id="chao-mung-dai-hoi-xvii", end=OCT)
    open_in(qtbot, window, congress)
    assert ids(window) == [frame.id for frame in frames]
    for box in boxes(window):
        assert box.count() == len(frames) and headers(box) == {}
        assert all("·" not in box.itemText(row) for row in range(box.count()))
    assert "không có khung mới" in window.statusBar().currentMessage()
    # ... and at the next start there are no copies either.
    assert CampaignBook.from_folder(user_frames_dir()).frames() == []


def test_pack_frames_are_grouped_under_the_campaign_name(
    qtbot: QtBot, window: MainWindow, frames: list[Frame], tmp_path: Path
) -> None:
    badge = variant(tmp_path / "src", "badge-2030", "Huy hiệu 2030")
    ring = variant(tmp_path / "src", "ring-2030", "Vòng đỏ 2030", base="congress-ring")
    open_in(qtbot, window, pack(tmp_path / "xviii.fspack", [badge, frames[0], ring]))
    first = len(frames)
    assert ids(window) == [*(frame.id for frame in frames), "badge-2030", "ring-2030"]
    for box in boxes(window):
        # one row per frame, in the workspace's order (row i is frames[i]), one header
        assert [box.itemData(row, FOLDER_ROLE) for row in range(box.count())] == [
            str(frame.folder) for frame in window.photo.frames
        ]
        assert headers(box) == {first: XVIII}
        assert [box.itemText(first), box.itemText(first + 1)] == ["Huy hiệu 2030", "Vòng đỏ 2030"]
        assert XVIII in box.itemData(first, Qt.ItemDataRole.ToolTipRole)
    # The header is drawn above its group's first frame, and a click on it picks nothing.
    box = window.photo.frame_box
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible, timeout=TIMEOUT)
    rect = view.visualRect(box.model().index(first, 0))
    assert rect.height() > view.visualRect(box.model().index(0, 0)).height()
    on_band, on_name = QPoint(rect.center().x(), rect.top() + 3), QPoint(rect.center().x(), rect.bottom() - 3)
    assert on_header(view, on_band) and not on_header(view, on_name)
    before = box.currentIndex()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=on_band)
    assert box.currentIndex() == before
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=on_name)
    qtbot.waitUntil(lambda: box.currentIndex() == first, timeout=TIMEOUT)
    assert window.photo.frame.id == "badge-2030"


def test_opening_a_pack_keeps_every_current_choice(
    qtbot: QtBot, window: MainWindow, frames: list[Frame], tmp_path: Path
) -> None:
    window.photo.select_frame("congress-ribbon")
    setup = window.batch.setup
    setup.frame_box.setCurrentIndex(setup.frame_box.findData("congress-ring-navy"))
    window.frames.select_frame("congress-poster")
    badge = variant(tmp_path / "src", "badge-2030", "Huy hiệu 2030")
    open_in(qtbot, window, pack(tmp_path / "xviii.fspack", [badge]))
    assert "badge-2030" in ids(window)
    assert window.photo.frame.id == "congress-ribbon"
    assert window.photo.frame_box.currentText().startswith("Băng rôn đỏ")
    assert setup.frame.id == "congress-ring-navy"
    assert window.frames.editor.base is not None and window.frames.editor.base.id == "congress-poster"
    assert window.frames.frames[window.frames.board.currentRow()].id == "congress-poster"


def test_long_names_are_elided_and_never_widen_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    box = window.photo.frame_box
    hint, canvas = box.sizeHint().width(), window.photo.canvas.width()
    long_name = (
        "Huy hiệu chào mừng Đại hội đại biểu lần thứ XVIII của Đảng bộ tỉnh Lạng Sơn, nhiệm kỳ 2030 – 2035"
    )
    badge = variant(tmp_path / "src", "badge-long", long_name)
    long_campaign = f"{CONGRESS} — {long_name}"
    open_in(qtbot, window, pack(tmp_path / "long.fspack", [badge], name=long_campaign))
    window.photo.select_frame("badge-long")  # the person picks it: the box shows it
    qtbot.wait(1)  # let the layouts settle
    assert window.width() == 1024 and window.minimumSizeHint().width() <= 1024
    assert box.sizeHint().width() == hint and window.batch.setup.frame_box.width() <= 1024
    assert window.photo.canvas.width() >= canvas
    row = box.currentIndex()
    assert box.itemText(row).endswith("…") and len(box.itemText(row)) < len(long_name)
    assert long_name in box.itemData(row, Qt.ItemDataRole.ToolTipRole) and long_name in box.toolTip()
    assert headers(box)[row].endswith("…") and long_campaign in box.itemData(row, Qt.ItemDataRole.ToolTipRole)
    # Edited in the Frames workspace, its name wraps or is elided there too.
    window.tabs.setCurrentWidget(window.frames)
    window.frames.select_frame("badge-long")
    board = window.frames.board.width()
    window.frames.side_tabs.setCurrentIndex(1)  # the QR code, headed by the frame's name
    qtbot.wait(1)
    assert window.frames.board.width() == board  # the heading did not push the board aside
    scroll = window.frames.editor_scroll
    assert window.frames.editor.minimumSizeHint().width() <= scroll.viewport().width()
    assert window.minimumSizeHint().width() <= 1024 and window.width() == 1024


def test_a_newer_version_replaces_the_older_one_after_asking(
    qtbot: QtBot, window: MainWindow, pool: QThreadPool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pack(tmp_path / "v1.fspack", [variant(tmp_path / "v1", "badge-2030", "Huy hiệu 2030")])
    newer = [variant(tmp_path / "v2", "badge-2030", "Huy hiệu 2030", term="2030 - 2035")]
    newer.append(variant(tmp_path / "v2", "ring-2030", "Vòng đỏ 2030", base="congress-ring"))
    second = pack(tmp_path / "v2.fspack", newer, end=OCT)
    open_in(qtbot, window, first)
    old = window.book.opened[0]
    window.photo.select_frame("congress-ribbon")
    asked = answer(monkeypatch, True)
    open_in(qtbot, window, second)
    assert len(asked) == 1 and "bản mới hơn" in asked[0] and XVIII in asked[0]
    assert [o.folder for o in window.book.opened] != [old.folder] and len(window.book.opened) == 1
    new_folder = window.book.opened[0].folder
    pack_frames = [frame for frame in window.frames.frames if frame.folder.is_relative_to(user_frames_dir())]
    assert [frame.id for frame in pack_frames] == ["badge-2030", "ring-2030"]
    assert all(frame.folder.is_relative_to(new_folder) for frame in pack_frames)
    assert [box.count() for box in boxes(window)] == [len(window.frames.frames)] * 2
    assert window.photo.frame.id == "congress-ribbon"
    pool.waitForDone(TIMEOUT)
    assert not old.folder.exists() and new_folder.is_dir()  # the older version is gone for good
    assert [o.folder for o in CampaignBook.from_folder(user_frames_dir()).opened] == [new_folder]
    # Saying no keeps the version in use, and nothing of the other is left behind.
    later = pack(tmp_path / "v3.fspack", newer[:1], end=dt.date(2030, 12, 31))
    asked = answer(monkeypatch, False)
    before = ids(window)
    open_in(qtbot, window, later)
    assert len(asked) == 1 and ids(window) == before
    assert "Vẫn dùng bản đang có" in window.statusBar().currentMessage()
    pool.waitForDone(TIMEOUT)
    assert [p.name for p in user_frames_dir().iterdir() if not p.name.startswith(".")] == [new_folder.name]


def test_an_older_or_the_same_version_says_so(
    qtbot: QtBot, window: MainWindow, pool: QThreadPool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = pack(tmp_path / "v2.fspack", [variant(tmp_path / "v2", "badge-2030", "Huy hiệu 2030")], end=OCT)
    older = pack(tmp_path / "v1.fspack", [variant(tmp_path / "v1", "badge-2030", "Huy hiệu 2030", term="x")])
    open_in(qtbot, window, newer)
    before, in_use = ids(window), window.book.opened[0].folder
    answer(monkeypatch, None)  # never asked: an older version is not offered
    open_in(qtbot, window, older)
    message = window.statusBar().currentMessage()
    assert "bản cũ hơn" in message and "31/10/2030" in message and "29/09/2030" in message
    assert ids(window) == before and [o.folder for o in window.book.opened] == [in_use]
    open_in(qtbot, window, newer)
    assert "đã được mở rồi" in window.statusBar().currentMessage() and ids(window) == before
    pool.waitForDone(TIMEOUT)
    assert [p for p in user_frames_dir().iterdir() if not p.name.startswith(".")] == [in_use]


def test_a_restart_offers_saved_variants_and_the_newest_pack_frames_once(
    frames: list[Frame], tmp_path: Path
) -> None:
    into = user_frames_dir()
    open_pack(pack(tmp_path / "congress.fspack", frames, name=CONGRESS, id="dai-hoi-xvii"), into)
    open_pack(pack(tmp_path / "v1.fspack", [variant(tmp_path / "v1", "badge-2030", "Huy hiệu 2030")]), into)
    newer = [variant(tmp_path / "v2", "badge-2030", "Huy hiệu 2030", term="2030 - 2035")]
    v2 = open_pack(pack(tmp_path / "v2.fspack", newer, end=OCT), into)
    mine = write_variant(find_frame("congress-ring"), into, id="my-ring", name="Vòng của tôi", texts={})
    book = CampaignBook.from_folder(into)
    offered = book.frames()
    assert [frame.id for frame in offered] == ["my-ring", "badge-2030"]
    assert offered[0].folder == mine and offered[1].folder.is_relative_to(v2.folder)
    assert book.campaign_for(offered[1]).end == OCT


def test_the_open_pack_dialog_starts_in_the_users_folders(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setattr(pack_export, "_last", {})
    starts: list[str] = []

    def dialog(_parent: object, _title: str, start: str, *_: object) -> tuple[str, str]:
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    window.choose_pack()
    assert starts == [str(home / "Downloads")]  # where packs sent by mail or chat arrive
