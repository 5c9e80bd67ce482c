"""The main window: three workspaces (Photo, Batch, Frames), a language menu, one thread pool."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from frame_studio.core.campaign import PACK_SUFFIX, OpenedCampaign, open_pack
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.user_dirs import user_frames_dir
from frame_studio.gui.batch_workspace import BatchWorkspace
from frame_studio.gui.campaign_book import CampaignBook
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.frames_workspace import FramesWorkspace
from frame_studio.gui.i18n import load_translator
from frame_studio.gui.photo_workspace import PhotoWorkspace
from frame_studio.gui.settings import Settings, remember_frames
from frame_studio.gui.workers import Worker, start_worker

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


class MainWindow(QMainWindow):
    """Holds the workspaces; switches the UI language at run time."""

    pack_opened = Signal(object)  # the OpenedCampaign
    pack_failed = Signal(str)

    def __init__(
        self,
        frames: list[Frame],
        settings: Settings,
        pool: QThreadPool | None = None,
        book: CampaignBook | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.pool = pool or QThreadPool(self)
        self.book = book or CampaignBook()
        self.translator: QTranslator | None = None
        self.setAcceptDrops(True)
        self.photo = PhotoWorkspace(frames, self.pool)
        self.batch = BatchWorkspace(frames, self.pool, settings)
        self.frames = FramesWorkspace(frames, self.pool, settings)
        self.photo.select_frame(str(settings.get("frame")))
        self.batch.fix_requested.connect(self.open_fix)
        self.frames.frames_changed.connect(self.set_frames)
        self.photo.pack_dropped.connect(self.open_pack_file)
        self.photo.set_frames(frames, self.book.campaign_for)
        self.tabs = QTabWidget()
        for workspace in self.workspaces():
            self.tabs.addTab(workspace, "")
        self.setCentralWidget(self.tabs)
        self.file_menu = QMenu(self)
        self.open_pack_action = QAction(self)
        self.open_pack_action.setShortcut("Ctrl+Shift+O")
        self.open_pack_action.triggered.connect(self.choose_pack)
        self.file_menu.addAction(self.open_pack_action)
        self.menuBar().addMenu(self.file_menu)
        self.language_menu = QMenu(self)
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setData(code)
            self.language_actions.addAction(action)
            self.language_menu.addAction(action)
        self.language_actions.triggered.connect(self._language_chosen)
        self.menuBar().addMenu(self.language_menu)
        self.resize(1100, 720)
        self.set_language(str(settings.get("language")))

    def _language_chosen(self, action: QAction) -> None:
        self.set_language(str(action.data()))

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
        self.file_menu.setTitle(self.tr("Tệp"))
        self.open_pack_action.setText(self.tr("Mở gói chiến dịch…"))
        titles = (self.tr("Ảnh của tôi"), self.tr("Hàng loạt"), self.tr("Khung"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.photo.retranslate()
        self.batch.retranslate()
        self.frames.retranslate()

    def set_frames(self, frames: list[Frame]) -> None:
        """A variant was saved or a pack opened: offer its frames everywhere."""
        self.photo.set_frames(frames, self.book.campaign_for)
        self.batch.set_frames(frames)
        self.frames.set_frames(frames)
        remember_frames(self.settings, frames)

    def choose_pack(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Mở gói chiến dịch"), "", self.tr("Gói chiến dịch") + f" (*{PACK_SUFFIX})"
        )
        if name:
            self.open_pack_file(Path(name))

    def open_pack_file(self, path: Path) -> Worker:
        """Open a campaign pack into the user's frame folder (on a worker), then offer its frames."""
        self.statusBar().showMessage(self.tr("Đang mở gói {name}…").format(name=path.name))
        worker = Worker(open_pack, path, user_frames_dir(), context=path)
        worker.signals.finished.connect(self._pack_opened)
        worker.signals.failed.connect(self._pack_open_failed)
        return start_worker(self.pool, worker)

    def _pack_opened(self, opened: OpenedCampaign) -> None:
        try:
            added = self.book.add(opened)
        except FrameStudioError as error:
            self._pack_failed(opened.folder, error)
            return
        known = {frame.folder.resolve() for frame in self.frames.frames}
        frames = [*self.frames.frames, *(f for f in added if f.folder.resolve() not in known)]
        self.set_frames(frames)
        if added:  # show the pack's first frame (its id may be a bundled frame's too)
            folders = [frame.folder for frame in self.photo.frames]
            self.photo.frame_box.setCurrentIndex(folders.index(added[0].folder))
        message = self.tr("Đã mở gói «{name}»: {count} khung.").format(
            name=opened.campaign.name, count=len(added)
        )
        self.statusBar().showMessage(message)
        self.pack_opened.emit(opened)

    def _pack_open_failed(self, error: BaseException, _trace: str, path: Path) -> None:
        self._pack_failed(path, error)

    def _pack_failed(self, path: Path, error: BaseException) -> None:
        reason = error.message if isinstance(error, FrameStudioError) else str(error)
        message = self.tr("Không mở được gói {name}: {reason}").format(name=path.name, reason=reason)
        self.statusBar().showMessage(message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Gói chiến dịch"), message, parent=self)
        box.open()  # not modal-blocking: the app keeps working
        self.pack_failed.emit(message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(url.toLocalFile().lower().endswith(PACK_SUFFIX) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        packs = [
            url.toLocalFile()
            for url in event.mimeData().urls()
            if url.toLocalFile().lower().endswith(PACK_SUFFIX)
        ]
        if packs:
            self.open_pack_file(Path(packs[0]))
            event.acceptProposedAction()

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
