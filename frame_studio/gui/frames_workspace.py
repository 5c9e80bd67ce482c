"""The Frames workspace (comms): compare variants on sample faces, edit them, save them, QR code.

Left, the variant board (every frame on the sample faces: the bundled ones or a folder the
person chooses, remembered in the settings). Right, the editor of the selected frame
(texts, colours, live preview, lint, “save as a new frame”) and the QR panel of its
campaign link. All drawing runs on the app's thread pool.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.campaign import PACK_SUFFIX, Campaign
from frame_studio.core.frames import Frame
from frame_studio.core.pack_writer import write_pack
from frame_studio.core.sheet import sample_photos
from frame_studio.core.web_page import WebExport
from frame_studio.gui.board import NAME_COLUMN_WIDTH, THUMB, AnalysisCache, VariantBoard, list_photos
from frame_studio.gui.frame_combo import elided, grouped
from frame_studio.gui.live_text import LiveText
from frame_studio.gui.messages import failure_text
from frame_studio.gui.pack_export import (
    DOCUMENTS,
    PICTURES,
    PackExportDialog,
    pack_slug,
    remember_folder,
    start_folder,
)
from frame_studio.gui.qr_panel import QrPanel
from frame_studio.gui.settings import Settings
from frame_studio.gui.variant_editor import VariantEditor
from frame_studio.gui.web_export import WebPageExporter
from frame_studio.gui.workers import Worker, start_worker

PHOTOS_KEY = "frames/photos"
BOARD_MIN_WIDTH = NAME_COLUMN_WIDTH + THUMB + 48  # the names and one photo column
NAME_PX = 240  # a frame's name in the QR heading is elided to this width (bold, larger text)
FOLDER_PX = 160  # the least room for the photo folder's path (elided; in full in the tooltip)


class FolderLabel(QLabel):
    """One line naming a folder; a long path is cut in its middle, so it never widens the window."""

    def __init__(self) -> None:
        super().__init__()
        self.template = "{where}"
        self.folder: Path | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_folder(self, template: str, folder: Path | None) -> None:
        """Show `template` with the folder (elided to fit) in place of {folder}."""
        self.template, self.folder = template, folder
        self._fit()

    def _fit(self) -> None:
        if self.folder is None:
            self.setText(self.template)
            return
        metrics = self.fontMetrics()
        room = max(FOLDER_PX, self.width() - metrics.horizontalAdvance(self.template.format(folder="")) - 4)
        shown = metrics.elidedText(str(self.folder), Qt.TextElideMode.ElideMiddle, room)
        self.setText(self.template.format(folder=shown))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()


class FramesWorkspace(QWidget):
    """Compare frame variants on sample faces, edit them, check them, export the QR code."""

    frames_changed = Signal(list)

    def __init__(
        self, frames: list[Frame], pool: QThreadPool, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.frames, self.pool, self.settings = list(frames), pool, settings
        self.shown: dict[str, Frame] = {}  # edited variants applied to the board, by frame id
        self.cache = AnalysisCache()
        self.board = VariantBoard(pool, self.cache)
        self.editor = VariantEditor(pool, self.cache)
        self.editor.known_ids = {frame.id for frame in self.frames}
        self.qr = QrPanel(pool)
        self.photos_label = FolderLabel()
        self.photos_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button, self.samples_button = QPushButton(), QPushButton()
        self.export_button, self.web_button = QPushButton(), QPushButton()
        self.export_button.clicked.connect(self.choose_pack_path)
        self.web = WebPageExporter(pool, self)
        self.web_button.clicked.connect(self.choose_web_folder)
        self.web.exported.connect(self._web_exported)
        self.web.failed.connect(self._web_failed)
        self.choose_button.clicked.connect(self.choose_photo_folder)
        self.samples_button.clicked.connect(self.use_sample_photos)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        self.message.hide()
        self.note = LiveText(self.message)
        self.folder, self.photos = self._initial_photos()
        self._build()
        self.board.cell_chosen.connect(self._cell_chosen)
        self.editor.applied.connect(self._applied)
        self.editor.saved.connect(self._saved)
        self.qr.link_edited.connect(self.editor.set_link)
        self.retranslate()
        self.refresh_board()

    def _build(self) -> None:
        photos_bar = QHBoxLayout()
        photos_bar.addWidget(self.choose_button)
        photos_bar.addWidget(self.samples_button)
        photos_bar.addStretch()
        pack_bar = QHBoxLayout()
        pack_bar.addStretch()
        pack_bar.addWidget(self.web_button)
        pack_bar.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.photos_label)
        left_layout.addLayout(photos_bar)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.board, 1)
        left_layout.addLayout(pack_bar)
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor_scroll.setWidget(self.editor)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor_scroll = editor_scroll
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(editor_scroll, "")
        self.side_tabs.addTab(self.qr, "")
        left.setMinimumWidth(BOARD_MIN_WIDTH)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 0)  # after a drag, a new window width goes to the editor
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self._sized_by_hand = False
        QVBoxLayout(self).addWidget(self.splitter)

    def retranslate(self) -> None:
        """Set every visible text (called again when the language changes)."""
        self.note.retranslate()
        self.choose_button.setText(self.tr("Chọn thư mục ảnh…"))
        self.samples_button.setText(self.tr("Dùng ảnh thử có sẵn"))
        self.samples_button.setToolTip(self.tr("Các ảnh thử đi kèm chương trình"))
        self.export_button.setText(self.tr("Xuất gói chiến dịch…"))
        self.export_button.setToolTip(self.tr("Một tệp .fspack chứa các mẫu khung, để gửi cho các đơn vị"))
        self.web_button.setText(self.tr("Xuất trang web…"))
        self.web_button.setToolTip(
            self.tr("Một thư mục trang web để cán bộ gắn khung ngay trên điện thoại; ảnh không rời khỏi máy")
        )
        self.side_tabs.setTabText(0, self.tr("Sửa mẫu"))
        self.side_tabs.setTabText(1, self.tr("Mã QR"))
        self.board.waiting_text = self.tr("Đang vẽ…")
        self.board.edited_tip = self.tr("Đang xem bản đã sửa (chưa lưu)")
        self.board.setHorizontalHeaderLabels(self._headers())
        self.editor.retranslate()
        self.qr.retranslate()
        self._show_photos_label()
        self._show_qr_heading()
        self._fit_board()  # the editor's labels changed width

    def set_frames(self, frames: list[Frame]) -> None:
        """Show a new list of frames (a pack was opened elsewhere in the app)."""
        if [f.folder for f in frames] == [f.folder for f in self.frames]:
            return
        self.frames = list(frames)
        self.editor.known_ids = {frame.id for frame in self.frames}
        self.refresh_board()

    def choose_pack_path(self) -> None:
        """Ask for the campaign's details and a file name, then export the pack."""
        if not self.frames:
            return
        dialog = PackExportDialog(self.frames, self.qr.link(), self)
        if dialog.exec() != PackExportDialog.DialogCode.Accepted:
            return
        campaign = dialog.campaign()
        suggested = Path(start_folder("packs-out", DOCUMENTS)) / f"{pack_slug(campaign.name)}{PACK_SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu gói chiến dịch"), str(suggested), f"*{PACK_SUFFIX}"
        )
        if name:
            remember_folder("packs-out", Path(name).parent)
            self.export_pack(Path(name), campaign)

    def choose_web_folder(self) -> Worker | None:
        """Ask for the campaign, the page's address and a folder, then export the web page."""
        return self.web.choose(self.frames, self.qr.link())

    def _web_exported(self, result: WebExport) -> None:
        size = result.total_bytes / 1_000_000
        self._show_message(
            lambda: self.tr(
                "Đã xuất trang web: {index} (%n tệp, {size:.1f} MB).", "", len(result.files)
            ).format(index=result.index, size=size),
            error=False,
        )

    def _web_failed(self, text: str) -> None:
        self._show_message(lambda: text, error=True)

    def export_pack(self, path: Path, campaign: Campaign) -> Worker:
        """Write the saved frames as a pack (on a worker; replaces `path`: the dialog asked)."""
        worker = Worker(write_pack, path, campaign, list(self.frames), overwrite=True)
        worker.signals.finished.connect(self._pack_exported)
        worker.signals.failed.connect(self._pack_failed)
        return start_worker(self.pool, worker)

    def _pack_exported(self, written: Path) -> None:
        self._show_message(
            lambda: self.tr("Đã xuất gói {name}.").format(name=Path(written).name), error=False
        )

    def _pack_failed(self, error: BaseException) -> None:
        self._show_message(
            lambda: self.tr("Không xuất được gói: {error}").format(error=failure_text(error)), error=True
        )

    def _show_message(self, render: Callable[[], str], *, error: bool) -> None:
        """Show a message under the photos bar; it follows a language change."""
        self.message.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.note.show(render)
        self.message.show()

    def _headers(self) -> list[str]:
        return [self.tr("Mẫu khung"), *(photo.name for photo in self.photos)]

    def _show_photos_label(self) -> None:
        text = self.tr("Ảnh thử: {where} (%n ảnh)", "", len(self.photos))
        where = self.tr("ảnh có sẵn") if self.folder is None else "{folder}"
        self.photos_label.show_folder(text.format(where=where), self.folder)
        shown = [str(self.folder)] if self.folder is not None else []
        self.photos_label.setToolTip("\n".join([*shown, *(photo.name for photo in self.photos)]))
        self.samples_button.setEnabled(self.folder is not None)

    def _show_qr_heading(self) -> None:
        frame = self.editor.base
        if frame is None:
            self.qr.set_heading(self.tr("Mã QR"))
        else:
            name = elided(frame.name, self.qr.heading.fontMetrics(), NAME_PX)  # never widens the window
            self.qr.set_heading(self.tr("Mã QR của “{name}”").format(name=name))

    # -- sample photos ---------------------------------------------------------------

    def _initial_photos(self) -> tuple[Path | None, list[Path]]:
        saved = str(self.settings.get(PHOTOS_KEY) or "")
        if saved:
            photos = list_photos(Path(saved))
            if photos:
                return Path(saved), photos
        return None, sample_photos()

    def photo_folder(self) -> Path | None:
        """The chosen folder of sample faces (None: the bundled samples)."""
        return self.folder

    def choose_photo_folder(self) -> None:
        """Ask for a folder of faces to try the frames on."""
        if self.folder is not None:
            remember_folder("faces", self.folder)
        start = start_folder("faces", PICTURES, DOCUMENTS)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục ảnh khuôn mặt"), start)
        if folder:
            remember_folder("faces", Path(folder))
            self.set_photo_folder(Path(folder))

    def use_sample_photos(self) -> None:
        self.set_photo_folder(None)

    def set_photo_folder(self, folder: Path | None) -> bool:
        """Use the faces in `folder` (None: the bundled samples); False if it has no photos."""
        photos = sample_photos() if folder is None else list_photos(folder)
        if not photos:
            self._show_message(
                lambda: self.tr("Thư mục {folder} không có ảnh nào.").format(folder=folder), error=True
            )
            return False
        self.note.clear()
        self.message.hide()
        self.folder, self.photos = folder, photos
        self._sized_by_hand = False  # new columns: the board gets their width again
        self.settings.set(PHOTOS_KEY, "" if folder is None else str(folder))
        self._show_photos_label()
        self.refresh_board()
        return True

    # -- the board -------------------------------------------------------------------

    def refresh_board(self) -> None:
        """Draw the whole board again (frames or photos changed)."""
        shown = [self.shown.get(frame.id, frame) for frame in self.frames]
        folders, base = [frame.folder for frame in self.frames], self.editor.base
        row = folders.index(base.folder) if base is not None and base.folder in folders else None
        # the frame being edited stays selected, wherever its row went (a pack was opened)
        self.board.show_board(shown, self.photos, self._headers(), edited=set(self.shown), row=row)
        self._fit_board()
        if self.frames:
            self._cell_chosen(max(0, self.board.currentRow()), self.board.photo_index())

    def _fit_board(self) -> None:
        """Give the board the width of its columns, as far as the editor keeps its own width."""
        scroll = self.editor_scroll  # the editor scrolls down, never sideways: it is never narrower
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(self.editor.minimumSizeHint().width() + bar + 2 * scroll.frameWidth())
        if self._sized_by_hand:
            return
        editor = self.side_tabs.minimumSizeHint().width()
        frame = 2 * self.board.frameWidth() + self.board.verticalScrollBar().sizeHint().width()
        board_width = NAME_COLUMN_WIDTH + len(self.photos) * (THUMB + 12) + frame
        total = self.splitter.width() - self.splitter.handleWidth()
        board = max(BOARD_MIN_WIDTH, min(board_width, total - editor))
        self.splitter.setSizes([board, max(editor, total - board)])

    def _splitter_moved(self) -> None:
        self._sized_by_hand = True  # the person's choice stays until the photos change

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_board()

    def select_frame(self, frame_id: str) -> None:
        """Select a frame's row (and edit it)."""
        for row, frame in enumerate(self.frames):
            if frame.id == frame_id:
                self.board.setCurrentCell(row, max(1, self.board.currentColumn()))
                self._cell_chosen(row, self.board.photo_index())

    def _cell_chosen(self, row: int, photo_index: int) -> None:
        if not 0 <= row < len(self.frames):
            return
        frame = self.frames[row]
        if self.editor.base is not frame:
            self.editor.set_frame(frame)
            self.qr.set_link(self.editor.link())
            self._show_qr_heading()
        if self.photos:
            self.editor.set_photo(self.photos[min(photo_index, len(self.photos) - 1)])

    def _applied(self, frame: Frame, edited: bool) -> None:
        base = self.editor.base
        if base is None or base not in self.frames:
            return
        if edited:
            self.shown[base.id] = frame
        else:
            self.shown.pop(base.id, None)
        self.board.set_frame(self.frames.index(base), frame, edited=edited)

    def _saved(self, frame: Frame) -> None:
        base = self.editor.base
        if base is not None:
            self.shown.pop(base.id, None)
        self.frames = grouped([f for f in self.frames if f.id != frame.id] + [frame])
        self.editor.known_ids = {f.id for f in self.frames}
        self.frames_changed.emit(list(self.frames))
        self.refresh_board()
        self.select_frame(frame.id)
