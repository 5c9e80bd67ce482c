"""The desktop app's entry point: QApplication, settings, exception dialog, smoke test.

`frame-studio gui --smoke-test` (or the windowed launcher with `--smoke-test`) starts the
app offscreen-capable, opens each workspace, frames a bundled sample photo through the real
worker path, and exits 0.

The windowed launcher (`Frame Studio.exe` on Windows, `frame-studio-gui` elsewhere) has no
console: `sys.stdout` and `sys.stderr` are None there (`print` then writes nothing, and no
handler writes to the missing stderr), and warnings and tracebacks go to the log file in
the user data folder.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QSize, QThreadPool, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProxyStyle, QStyle, QStyleOption, QWidget

from frame_studio import __version__
from frame_studio.core.assets import asset_path
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, bundled_frames, load_frame
from frame_studio.core.log_file import LogFile
from frame_studio.core.sheet import sample_photos
from frame_studio.core.user_dirs import user_frames_dir
from frame_studio.gui.ask import notice_box
from frame_studio.gui.campaign_book import CampaignBook
from frame_studio.gui.main_window import MainWindow
from frame_studio.gui.settings import Settings, saved_frame_folders

log = logging.getLogger("frame_studio")

EXIT_INTERNAL = 4  # as the CLI's: a problem nobody expected, details in the log file
UI_FONT = "Be Vietnam Pro"  # bundled (assets/fonts): every Vietnamese mark, on every PC


class RoomyTabs(QProxyStyle):
    """The platform's style, with taller tabs.

    A tab is only as tall as the font's ascent and descent, and an unselected tab's text is
    drawn a little lower: the hook of “Ả” and the tail of “g” in “Khung” were cut off. Half
    a line more keeps both inside (the drawing itself stays the platform's; a style sheet
    would replace the native tab drawing on some Windows styles).
    """

    def sizeFromContents(  # noqa: N802 - Qt's name
        self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize, widget: QWidget | None = None, /
    ) -> QSize:
        result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if kind == QStyle.ContentsType.CT_TabBarTab:
            result.setHeight(result.height() + option.fontMetrics.height() // 2)
        return result


def use_ui_font(app: QApplication) -> None:
    """Load the bundled fonts (once) and make Be Vietnam Pro the UI font, at the system's size."""
    if UI_FONT not in QFontDatabase.families():
        for file in sorted(asset_path("fonts").glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(file))
    if UI_FONT not in QFontDatabase.families():
        log.warning("the UI font %s did not load; the system font is used", UI_FONT)
        return
    font = QFont(UI_FONT)
    size = app.font().pointSizeF()
    if size > 0:  # -1 when the system font is set in pixels: keep Qt's default then
        font.setPointSizeF(size)
    app.setFont(font)


def load_frames(extra: list[Path] | None = None) -> list[Frame]:
    """Every bundled frame, then the user's saved ones, that loads (others are logged)."""
    frames, seen = [], set()
    for folder in [*bundled_frames(), *(extra or [])]:
        if folder.resolve() in seen:
            continue
        seen.add(folder.resolve())
        try:
            frames.append(load_frame(folder))
        except FrameStudioError as error:
            log.warning("frame left out: %s", error)
    return frames


def install_exception_dialog() -> None:
    """Uncaught exceptions are logged and shown in a dialog instead of killing the app."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, error, trace))
        log.error("uncaught exception:\n%s", text)
        if QApplication.instance() is not None:
            box = notice_box(
                None,
                QCoreApplication.translate("app", "Lỗi"),
                QCoreApplication.translate("app", "Đã xảy ra lỗi không mong muốn: {error}").format(
                    error=error
                ),
                QMessageBox.Icon.Critical,
            )
            box.setDetailedText(text)
            box.exec()

    sys.excepthook = hook


def create_app(argv: list[str]) -> QApplication:
    """The QApplication: names for QSettings, the bundled UI font, taller tabs."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setOrganizationName("FrameStudio")
    app.setApplicationName("Frame Studio")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(asset_path("icons", "frame-studio.png"))))
    use_ui_font(app)
    if not isinstance(app.style(), RoomyTabs):
        app.setStyle(RoomyTabs())  # over the platform's style (the app owns it from here)
    return app


class SmokeTest(QObject):
    """Open each workspace, frame a sample photo through the real worker path, then quit."""

    def __init__(self, window: MainWindow, app: QApplication) -> None:
        super().__init__(window)
        self.window, self.app = window, app
        self.failures: list[str] = []

    def run(self) -> int:
        """Returns the exit code: 0 when the sample photo was framed and shown."""
        for index in range(self.window.tabs.count()):
            self.window.tabs.setCurrentIndex(index)
            self.app.processEvents()
        self.window.photo.photo_loaded.connect(self._loaded)
        QTimer.singleShot(60_000, self._timed_out)
        self.window.photo.load_photo(sample_photos()[0])
        self.app.exec()
        ok = not self.failures and self.window.photo.canvas.preview is not None
        print("smoke test:", "ok" if ok else f"FAILED {self.failures}")
        return 0 if ok else 1

    def _loaded(self) -> None:
        self.app.quit()

    def _timed_out(self) -> None:
        self.failures.append("the sample photo was not framed within 60 s")
        self.app.quit()


def run(argv: list[str]) -> int:
    """Start the app; returns the exit status."""
    parser = argparse.ArgumentParser(prog="frame-studio gui")
    parser.add_argument("--version", action="version", version=f"frame-studio {__version__}")
    parser.add_argument("--smoke-test", action="store_true", help="open every workspace and exit")
    options, qt_args = parser.parse_known_args([a for a in argv if a != "gui"])
    if sys.stderr is not None:  # None in the windowed launcher: the log file has the warnings
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(qt_args)
    install_exception_dialog()
    pool = QThreadPool()
    settings = Settings(QSettings())
    book = CampaignBook.from_folder(user_frames_dir())
    frames = load_frames(saved_frame_folders(settings)) + book.frames()
    window = MainWindow(frames, settings, pool, book)
    window.show()
    if options.smoke_test:
        code = SmokeTest(window, app).run()
        window.close()
        return code
    return int(app.exec())


def main(argv: list[str] | None = None) -> int:
    """Entry point of the windowed launcher; returns the exit status.

    There is no console to show a traceback on: a problem that stops the app before its
    exception dialog is installed is written to the log file, exit status 4 as in the CLI.
    """
    log_file = LogFile()
    log.addHandler(log_file)
    try:
        return run(list(sys.argv[1:] if argv is None else argv))
    except Exception:  # the last resort: logged with its traceback
        log.exception("the desktop app stopped")
        return EXIT_INTERNAL
    finally:
        log.removeHandler(log_file)
        log_file.close()
