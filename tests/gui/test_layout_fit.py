"""The window on small office screens, with the app's own font: nothing squashed or clipped.

The app's look (Be Vietnam Pro, taller tabs) is what `create_app` sets; the tests set it on
the test session's QApplication and put the session's font and style back afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionTab,
    QWidget,
)
from pytestqt.qtbot import QtBot

from frame_studio.core.frames import Frame
from frame_studio.gui.app import UI_FONT, create_app
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.i18n import FOLDER
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import Settings

pytestmark = pytest.mark.gui

SMALL_SCREENS = [(1024, 700), (1100, 720)]  # the smallest office screen; the window's first size
GUIDE_SCREEN = (1180, 760)  # the user guide's pictures (tools/screenshots.py)
LANGUAGES = [
    "vi",
    pytest.param(
        "en",
        marks=pytest.mark.skipif(
            not (FOLDER / "frame_studio_en.qm").is_file(), reason="translations not compiled"
        ),
    ),
]
MIN_FIELD_WIDTH = 120


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[QApplication]:
    """The app's font and style, as `create_app` sets them (the session's come back after)."""
    font, style = qapp.font(), qapp.style().name()
    create_app([])
    yield qapp
    QApplication.setStyle(style)
    qapp.setFont(font)


@pytest.fixture
def window(
    qtbot: QtBot, app_look: QApplication, frames: list[Frame], settings: Settings, pool: QThreadPool
) -> Iterator[MainWindow]:
    widget = MainWindow(frames, settings, pool)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.set_language("vi")  # the translator is the application's: leave it as found


@pytest.fixture
def photo_window(qtbot: QtBot, window: MainWindow, portrait: Path) -> MainWindow:
    """The window with a photo open: the Facebook previews take their room in the side column."""
    with qtbot.waitSignal(window.photo.photo_loaded, timeout=30_000):
        window.photo.load_photo(portrait)
    assert window.photo.large_preview.pixmap().width() == 176
    return window


def settle() -> None:
    for _ in range(3):  # the layouts' requests, then the scroll area's second pass
        QApplication.processEvents()


def lay_out(window: MainWindow, size: tuple[int, int], language: str) -> None:
    window.set_language(language)
    window.resize(*size)
    settle()
    assert (window.width(), window.height()) == size


def bottom_in(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, widget.rect().bottomLeft()).y()


def test_the_ui_font_is_the_bundled_be_vietnam_pro(app_look: QApplication) -> None:
    assert QFontInfo(app_look.font()).family() == UI_FONT  # loaded, not a look-alike


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [*SMALL_SCREENS, GUIDE_SCREEN])
def test_campaign_fields_keep_a_usable_size(
    photo_window: MainWindow, size: tuple[int, int], language: str
) -> None:
    window = photo_window
    panel = window.photo.campaign_panel
    lay_out(window, size, language)
    panel.person_edit.setText("Nguyễn Thị Hường")  # typed in: the caption grows by a line or two
    panel.unit_edit.setText("Sở Thông tin và Truyền thông")
    settle()
    for edit in (panel.person_edit, panel.unit_edit):
        metrics = edit.fontMetrics()
        assert edit.width() >= MIN_FIELD_WIDTH
        assert edit.height() >= metrics.lineSpacing() + 4  # the text, its marks, frame and margins
        assert edit.height() >= edit.minimumSizeHint().height()
        assert edit.visibleRegion().boundingRect() == edit.rect()  # shown whole, not scrolled away
    caption = panel.caption_label
    assert caption.text().startswith("Nguyễn Thị Hường")
    assert caption.height() >= caption.heightForWidth(caption.width())  # every line, whole
    viewport = panel.scroll_area.viewport()
    assert panel.content.width() <= viewport.width()  # nothing runs under the scroll bar


FRESH_APP = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings, QThreadPool
from frame_studio.gui.app import create_app, load_frames
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import Settings
app = create_app([])
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window = MainWindow(load_frames(), settings, QThreadPool())
window.resize(1180, 760)
window.show()
window.photo.photo_loaded.connect(app.quit)
window.photo.load_photo(Path(sys.argv[2]))
app.exec()
panel = window.photo.campaign_panel
panel.person_edit.setText("Nguyễn Thị Hường")
panel.unit_edit.setText("Sở Thông tin và Truyền thông")
for _ in range(3):
    app.processEvents()
content, viewport = panel.content, panel.scroll_area.viewport()
print(json.dumps({"content": [content.width(), content.height()], "viewport": viewport.width(),
                  "needed": content.heightForWidth(content.width())}))
window.close()
QThreadPool.globalInstance().waitForDone()
"""


def test_a_caption_that_grows_in_a_fresh_app_scrolls_instead_of_squashing(
    tmp_path: Path, portrait: Path
) -> None:
    # As tools/screenshots.py does, in a process of its own (the test session's
    # QApplication has a history that hides it): the photo opens, the fields are filled,
    # the caption grows by two lines while the campaign box has no scroll bar yet.
    # QScrollArea alone then kept the content's width from before the scroll bar came.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", FRESH_APP, str(tmp_path / "settings.ini"), str(portrait)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    width, height = sizes["content"]
    assert width <= sizes["viewport"]  # nothing under the scroll bar
    assert height >= sizes["needed"]  # every row whole


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SMALL_SCREENS)
def test_the_photo_side_column_fits_the_window(
    photo_window: MainWindow, size: tuple[int, int], language: str
) -> None:
    window = photo_window
    lay_out(window, size, language)
    photo = window.photo
    for button in (photo.open_button, photo.reset_button, photo.save_button, photo.copy_button):
        assert button.height() >= button.minimumSizeHint().height(), button.text()
        assert bottom_in(button, window) < window.height(), button.text()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SMALL_SCREENS)
def test_a_batch_fix_still_fits_the_smallest_screen(
    qtbot: QtBot, window: MainWindow, portrait: Path, size: tuple[int, int], language: str
) -> None:
    """Its “save into the batch” button was a row of its own: 716 px at the least."""
    request = FixRequest(portrait, "congress-ring", None, apply=lambda _: None, applied=lambda _: None)
    with qtbot.waitSignal(window.photo.photo_loaded, timeout=30_000):
        window.open_fix(request)
    lay_out(window, size, language)
    photo = window.photo
    for button in (photo.fix_button, photo.save_button, photo.copy_button):
        assert button.isVisible() and button.width() >= button.minimumSizeHint().width(), button.text()
        assert bottom_in(button, window) < window.height(), button.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_tab_labels_have_room_for_marks_and_descenders(window: MainWindow, language: str) -> None:
    # “Ả” has a hook above the capital's height, the “g” of “Khung” a tail below the line.
    lay_out(window, SMALL_SCREENS[0], language)
    bar = window.tabs.tabBar()
    metrics = bar.fontMetrics()
    for index in range(bar.count()):
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)
        text_rect = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        ink = metrics.tightBoundingRect(bar.tabText(index))
        assert text_rect.height() >= metrics.height(), bar.tabText(index)  # ascent + descent
        assert text_rect.height() >= ink.height(), bar.tabText(index)  # the marks above capitals


def combo_text_width(box: QComboBox) -> int:
    """The width the box has for its text (without the arrow and the frame)."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    return field.width()


@pytest.mark.skipif(not (FOLDER / "frame_studio_en.qm").is_file(), reason="translations not compiled")
def test_batch_choices_fit_after_switching_to_english(window: MainWindow) -> None:
    # The boxes are first shown in Vietnamese; “1080 and 2048 px” is longer than “1080 và 2048 px”.
    window.tabs.setCurrentWidget(window.batch)
    lay_out(window, SMALL_SCREENS[0], "vi")
    lay_out(window, SMALL_SCREENS[0], "en")
    setup = window.batch.setup
    for box in (setup.size_box, setup.format_box):
        metrics = box.fontMetrics()
        longest = max(metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        assert combo_text_width(box) >= longest, [box.itemText(i) for i in range(box.count())]
    assert "1080 and 2048 px" in [setup.size_box.itemText(i) for i in range(setup.size_box.count())]
    for label in setup.labels:
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), label.text()
