"""Campaign packs in the app: open by menu or drop, campaign box, caption, reminder, export."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from frame_studio.core.campaign import Campaign, read_manifest
from frame_studio.core.frames import Frame, find_frame, load_frame
from frame_studio.core.pack_writer import write_pack
from frame_studio.core.variants import write_variant
from frame_studio.gui.campaign_book import CampaignBook
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("user_data")]

LINK = "https://example.org/dai-hoi-xvii"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A pack of one frame the app does not have yet: a variant of the bundled badge."""
    source = tmp_path / "source"
    source.mkdir()
    badge = find_frame("congress-badge")
    variant = write_variant(
        badge, source, id="badge-2030", name="Huy hiệu 2030", texts={"term": "2030 – 2035"}
    )
    campaign = Campaign(
        id="dai-hoi-xvii",
        name="Đại hội XVII (gói thử)",
        link=LINK,
        start=dt.date(2030, 9, 1),
        end=dt.date(2030, 9, 29),
        caption="{ho_ten} ({don_vi}) chào mừng Đại hội",
    )
    return write_pack(tmp_path / "dai-hoi.fspack", campaign, [load_frame(variant)])


@pytest.fixture
def window(qtbot: QtBot, frames: list[Frame], settings: Settings, pool: QThreadPool) -> MainWindow:
    widget = MainWindow(frames, settings, pool, CampaignBook())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def open_pack(qtbot: QtBot, window: MainWindow, pack: Path) -> None:
    with qtbot.waitSignal(window.pack_opened, timeout=30_000):
        window.open_pack_file(pack)


def test_opening_a_pack_offers_its_frames_everywhere(qtbot: QtBot, window: MainWindow, pack: Path) -> None:
    before = window.photo.frame_box.count()
    open_pack(qtbot, window, pack)
    assert window.photo.frame_box.count() == before + 1
    assert window.batch.setup.frame_box.count() == before + 1
    assert len(window.frames.frames) == before + 1
    assert "Đại hội XVII (gói thử)" in window.statusBar().currentMessage()
    # The person picks the pack's frame (opening the pack does not pick it for them) ...
    window.photo.frame_box.setCurrentIndex(window.photo.frame_box.findData("badge-2030"))
    chosen = window.photo.frame
    assert chosen.id == "badge-2030" and chosen.link == LINK  # the pack's link, for the QR code
    # ... and the Photo workspace shows the pack's campaign, not yet ended.
    panel = window.photo.campaign_panel
    assert panel.campaign is not None and panel.campaign.name == "Đại hội XVII (gói thử)"
    assert "29/09/2030" in panel.dates_label.text()
    assert "kết thúc" not in panel.dates_label.text().lower()


def test_opening_the_same_pack_twice_adds_nothing(qtbot: QtBot, window: MainWindow, pack: Path) -> None:
    open_pack(qtbot, window, pack)
    count = window.photo.frame_box.count()
    open_pack(qtbot, window, pack)
    assert window.photo.frame_box.count() == count


def test_a_bad_pack_is_refused_clearly_and_the_app_goes_on(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "hỏng.fspack"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with qtbot.waitSignal(window.pack_failed, timeout=30_000) as blocker:
        window.open_pack_file(bad)
    assert "hỏng.fspack" in blocker.args[0]
    assert window.photo.frame_box.count() > 0


def test_dropping_a_pack_on_the_photo_workspace_opens_it(
    qtbot: QtBot, window: MainWindow, pack: Path
) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(pack))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.pack_opened, timeout=30_000):
        window.photo.dropEvent(event)


def test_caption_is_filled_with_the_person_in_nfc_and_copied(window: MainWindow) -> None:
    panel = window.photo.campaign_panel
    assert panel.campaign is not None  # the bundled frame's own campaign
    assert "kết thúc" in panel.dates_label.text()  # the congress ended on 29/09/2020
    panel.person_edit.setText(unicodedata.normalize("NFD", "Nguyễn Thị Hường"))
    panel.unit_edit.setText("Sở Thông tin và Truyền thông")
    text = panel.caption_text()
    assert "Nguyễn Thị Hường" in text and unicodedata.is_normalized("NFC", text)
    assert "Sở Thông tin và Truyền thông" in panel.caption_label.text()
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == text


def test_reminder_file_is_a_calendar_event_on_the_last_day(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "nhac.ics"
    window.photo.campaign_panel.save_reminder(target)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [part for part in calendar.walk() if part.name == "VEVENT"]
    assert len(events) == 1
    assert events[0].decoded("DTSTART") == dt.date(2020, 9, 29)


def test_frames_workspace_exports_a_pack(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "xuat.fspack"
    campaign = Campaign(
        id="xuat-thu", name="Xuất thử", link=LINK, start=dt.date(2030, 1, 1), end=dt.date(2030, 2, 1)
    )
    window.frames.export_pack(target, campaign)
    qtbot.waitUntil(lambda: "xuat.fspack" in window.frames.message.text(), timeout=60_000)
    manifest = read_manifest(target)
    assert manifest.name == "Xuất thử"
    assert len(manifest.frames) == len(window.frames.frames)
    qtbot.waitUntil(lambda: "xuat.fspack" in window.frames.message.text(), timeout=5_000)


def test_empty_fields_leave_no_stray_brackets(window: MainWindow) -> None:
    panel = window.photo.campaign_panel
    panel.person_edit.setText("")
    panel.unit_edit.setText("")
    text = panel.caption_text()
    assert "()" not in text and not text.startswith(("(", " ", ":"))
    assert "Đại hội" in text
