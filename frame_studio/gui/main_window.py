"""The main window: three workspaces (Photo, Batch, Frames), a language menu, one thread pool."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThreadPool, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QWidget

from frame_studio.core.frames import Frame
from frame_studio.gui.batch_workspace import BatchWorkspace
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.frames_workspace import FramesWorkspace
from frame_studio.gui.i18n import load_translator
from frame_studio.gui.photo_workspace import PhotoWorkspace
from frame_studio.gui.settings import Settings, remember_frames

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


class MainWindow(QMainWindow):
    """Holds the workspaces; switches the UI language at run time."""

    def __init__(self, frames: list[Frame], settings: Settings, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.pool = pool or QThreadPool(self)
        self.translator: QTranslator | None = None
        self.photo = PhotoWorkspace(frames, self.pool)
        self.batch = BatchWorkspace(frames, self.pool, settings)
        self.frames = FramesWorkspace(frames, self.pool, settings)
        self.photo.select_frame(str(settings.get("frame")))
        self.batch.fix_requested.connect(self.open_fix)
        self.frames.frames_changed.connect(self.set_frames)
        self.tabs = QTabWidget()
        for workspace in self.workspaces():
            self.tabs.addTab(workspace, "")
        self.setCentralWidget(self.tabs)
        self.language_menu = QMenu(self)
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _=False, code=code: self.set_language(code))
            self.language_actions.addAction(action)
            self.language_menu.addAction(action)
        self.menuBar().addMenu(self.language_menu)
        self.resize(1100, 720)
        self.set_language(str(settings.get("language")))

    def workspaces(self) -> list[QWidget]:
        return [self.photo, self.batch, self.frames]

    def set_language(self, code: str) -> None:
        """Switch the UI language (Vietnamese is the source language) and retranslate."""
        app = QCoreApplication.instance()
        if self.translator is not None and app is not None:
            app.removeTranslator(self.translator)
            self.translator = None
        if code != "vi" and app is not None:
            self.translator = load_translator(code)
            if self.translator is not None:
                app.installTranslator(self.translator)
        self.settings.set("language", code)
        for action in self.language_actions.actions():
            action.setChecked(action.data() == code)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Frame Studio — Khung ảnh đại diện"))
        self.language_menu.setTitle(self.tr("Ngôn ngữ"))
        titles = (self.tr("Ảnh của tôi"), self.tr("Hàng loạt"), self.tr("Khung"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.photo.retranslate()
        self.batch.retranslate()
        self.frames.retranslate()

    def set_frames(self, frames: list[Frame]) -> None:
        """A variant was saved: offer it everywhere, and load it again next time."""
        self.photo.set_frames(frames)
        self.batch.set_frames(frames)
        remember_frames(self.settings, frames)

    def open_fix(self, request: FixRequest) -> None:
        """Show a batch photo in the Photo workspace, to fix and re-export it."""
        self.photo.select_frame(request.frame_id)
        self.photo.start_fix(request)
        self.tabs.setCurrentWidget(self.photo)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.batch.stop()
        self.pool.waitForDone(10_000)
        self.settings.set("frame", self.photo.frame.id)
        super().closeEvent(event)
