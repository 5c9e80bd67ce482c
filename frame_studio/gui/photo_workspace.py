"""The Photo workspace (staff): open or drop a photo, nudge it, see it as Facebook shows it, save.

Loading and exporting run on the thread pool; the canvas redraws from the small decode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.campaign import PACK_SUFFIX, Campaign
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.images import PHOTO_SUFFIXES
from frame_studio.core.pipeline import Analysis, analyse, frame_photo
from frame_studio.core.placement import Placement, rotated, zoomed
from frame_studio.core.render import save_image
from frame_studio.core.sheet import as_facebook_shows
from frame_studio.gui.campaign_panel import CampaignPanel, campaign_of_frame
from frame_studio.gui.canvas import PlacementCanvas
from frame_studio.gui.convert import to_pixmap, to_qimage
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.frame_combo import fill_frame_box
from frame_studio.gui.messages import error_text, flag_text
from frame_studio.gui.workers import Worker, start_worker

#: The file dialog's filter: "*.avif *.bmp *.gif ...".
PHOTO_PATTERNS = " ".join(f"*{suffix}" for suffix in sorted(PHOTO_SUFFIXES))
EXPORT_SIZE = 1080


def export_avatar(
    path: Path, frame: Frame, analysis: Analysis, placement: Placement, size: int
) -> Image.Image:
    """The full-size avatar for a placement (run on a worker)."""
    return frame_photo(path, frame, size=size, analysis=analysis, placement=placement).image


class PhotoWorkspace(QWidget):
    """Frame one photo by hand."""

    photo_loaded = Signal(object)
    pack_dropped = Signal(object)
    exported = Signal(object)

    def __init__(self, frames: list[Frame], pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frames, self.pool = frames, pool
        self.path: Path | None = None
        self.analysis: Analysis | None = None
        self.auto_placement: Placement | None = None
        self.fix: FixRequest | None = None  # set while a batch photo is being fixed
        self.setAcceptDrops(True)
        self.canvas = PlacementCanvas()
        self.canvas.settled.connect(self._show_facebook_previews)
        self.frame_box = QComboBox()
        fill_frame_box(self.frame_box, frames)
        self.frame_box.currentIndexChanged.connect(self._frame_changed)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(50, 300)
        self.zoom.setValue(100)
        self.zoom.valueChanged.connect(self._zoom_changed)
        self.turn = QSlider(Qt.Orientation.Horizontal)
        self.turn.setRange(-30, 30)
        self.turn.valueChanged.connect(self._turn_changed)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.choose_photo)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_placement)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.choose_save_path)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.fix_button = QPushButton()
        self.fix_button.clicked.connect(self.apply_fix)
        self.fix_button.hide()
        self.large_preview, self.small_preview = QLabel(), QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.campaign_panel = CampaignPanel()
        self.campaign_for: Callable[[Frame], Campaign] = campaign_of_frame
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build()
        self.retranslate()
        self._update_buttons()
        self.show_campaign()

    def _build(self) -> None:
        self.form_labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout()
        for label, field in zip(self.form_labels, (self.frame_box, self.zoom, self.turn), strict=True):
            self.form.addRow(label, field)
        previews = QHBoxLayout()
        previews.addWidget(self.large_preview)
        previews.addWidget(self.small_preview, alignment=Qt.AlignmentFlag.AlignBottom)
        previews.addStretch()
        self.preview_title = QLabel()
        side = QVBoxLayout()
        side.addWidget(self.open_button)
        side.addLayout(self.form)
        side.addWidget(self.reset_button)
        side.addSpacing(12)
        side.addWidget(self.preview_title)
        side.addLayout(previews)
        side.addWidget(self.status)
        side.addWidget(self.campaign_panel)
        side.addStretch()
        side.addWidget(self.fix_button)
        side.addWidget(self.save_button)
        side.addWidget(self.copy_button)
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 3)
        layout.addLayout(side, 1)

    def retranslate(self) -> None:
        """Set every visible text (called again when the language changes)."""
        self.open_button.setText(self.tr("Mở ảnh…"))
        self.open_button.setShortcut("Ctrl+O")
        self.reset_button.setText(self.tr("Đặt lại tự động"))
        self.save_button.setText(self.tr("Lưu ảnh…"))
        self.save_button.setShortcut("Ctrl+S")
        self.copy_button.setText(self.tr("Sao chép"))
        self.copy_button.setShortcut("Ctrl+Shift+C")
        self.fix_button.setText(self.tr("Lưu vào kết quả hàng loạt"))
        self.preview_title.setText(self.tr("Như trên Facebook:"))
        for label, text in zip(
            self.form_labels, (self.tr("Khung"), self.tr("Thu phóng"), self.tr("Xoay")), strict=True
        ):
            label.setText(text)
        self.zoom.setAccessibleName(self.tr("Thu phóng"))
        self.turn.setAccessibleName(self.tr("Xoay"))
        self.campaign_panel.retranslate()
        fill_frame_box(self.frame_box, self.frames)  # «ended» in the current language
        self._show_status()

    @property
    def frame(self) -> Frame:
        return self.frames[max(0, self.frame_box.currentIndex())]

    def set_frames(
        self, frames: list[Frame], campaign_for: Callable[[Frame], Campaign] | None = None
    ) -> None:
        """Offer a new list of frames (a variant was saved, a pack opened)."""
        self.frames = frames
        if campaign_for is not None:
            self.campaign_for = campaign_for
        fill_frame_box(self.frame_box, frames)
        self.show_campaign()

    def show_campaign(self) -> None:
        """Show the chosen frame's campaign: name, dates, caption, reminder."""
        if self.frames:
            self.campaign_panel.set_campaign(self.campaign_for(self.frame))

    def select_frame(self, frame_id: str) -> None:
        index = self.frame_box.findData(frame_id)
        if index >= 0:
            self.frame_box.setCurrentIndex(index)

    # -- loading -----------------------------------------------------------------------

    def start_fix(self, request: FixRequest) -> Worker:
        """Open a batch photo with its placement; «save into the batch» re-exports it there."""
        self.fix = request
        self.fix_button.show()
        return self.load_photo(request.source, request.placement)

    def apply_fix(self) -> Worker | None:
        """Re-export the photo being fixed into the batch output (on a worker)."""
        request, placement = self.fix, self.canvas.placement
        if request is None or placement is None:
            return None
        worker = Worker(request.apply, placement)
        worker.signals.finished.connect(self._fix_applied)
        worker.signals.failed.connect(self._export_failed)
        return start_worker(self.pool, worker)

    def _fix_applied(self, result: object) -> None:
        if self.fix is not None:
            self.fix.applied(result)
        self.status.setText(self.tr("Đã lưu vào kết quả hàng loạt."))

    def choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn ảnh"), "", self.tr("Ảnh") + f" ({PHOTO_PATTERNS})"
        )
        if name:
            self.end_fix()
            self.load_photo(Path(name))

    def end_fix(self) -> None:
        """Leave batch-fix mode (another photo was opened)."""
        self.fix = None
        self.fix_button.hide()

    def load_photo(self, path: Path, placement: Placement | None = None) -> Worker:
        """Analyse a photo in the background; `placement` overrides the automatic one."""
        self.status.setText(self.tr("Đang mở {name}…").format(name=path.name))
        self.open_button.setEnabled(False)
        worker = Worker(analyse, path, self.frame, context=(path, placement))
        worker.signals.finished.connect(self._loaded)
        worker.signals.failed.connect(self._load_failed)
        return start_worker(self.pool, worker)

    def _loaded(self, analysis: Analysis, context: tuple[Path, Placement | None]) -> None:
        path, placement = context
        self.path, self.analysis = path, analysis
        self.auto_placement = analysis.result.placement
        self.open_button.setEnabled(True)
        self.canvas.show_photo(analysis.photo, self.frame, placement or self.auto_placement)
        self._reset_sliders()
        self._update_buttons()
        self.photo_loaded.emit(path)

    def _load_failed(self, error: BaseException, _trace: str, context: tuple[Path, Placement | None]) -> None:
        path = context[0]
        self.open_button.setEnabled(True)
        code = error.code if isinstance(error, FrameStudioError) else None
        message = error.message if isinstance(error, FrameStudioError) else str(error)
        self.status.setText("")
        QMessageBox.warning(self, self.tr("Không mở được ảnh"), f"{path.name}: {error_text(code, message)}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        packs = [Path(name) for name in files if name.lower().endswith(PACK_SUFFIX)]
        if packs:
            self.pack_dropped.emit(packs[0])
            event.acceptProposedAction()
        elif files:
            self.end_fix()
            self.load_photo(Path(files[0]))
            event.acceptProposedAction()

    # -- editing -----------------------------------------------------------------------

    def _frame_changed(self) -> None:
        self.show_campaign()
        if self.path is not None and self.analysis is not None:
            self.load_photo(self.path)  # the automatic placement depends on the frame's window

    def _reset_sliders(self) -> None:
        for slider, value in ((self.zoom, 100), (self.turn, 0)):
            slider.blockSignals(True)
            slider.setValue(value)
            slider.blockSignals(False)

    def reset_placement(self) -> None:
        if self.auto_placement is not None:
            self._reset_sliders()
            self.canvas.set_placement(self.auto_placement)

    def _zoom_changed(self, value: int) -> None:
        if self.auto_placement is not None and self.canvas.placement is not None:
            wanted = self.auto_placement.span * 100 / value
            self.canvas.set_placement(
                zoomed(self.canvas.placement, self.canvas.placement.span / wanted), fast=True
            )

    def _turn_changed(self, value: int) -> None:
        if self.canvas.placement is not None:
            current = -self.canvas.placement.angle
            self.canvas.set_placement(rotated(self.canvas.placement, value - current), fast=True)

    def _show_facebook_previews(self) -> None:
        """The small circles Facebook shows, once the hand stops (they are not needed mid-drag)."""
        preview = self.canvas.preview
        if preview is not None:
            self.large_preview.setPixmap(to_pixmap(as_facebook_shows(preview, 176)))
            self.small_preview.setPixmap(to_pixmap(as_facebook_shows(preview, 36)))
        self._show_status()

    def _show_status(self) -> None:
        if self.analysis is None or self.path is None:
            self.status.setText(self.tr("Chưa có ảnh."))
            return
        flags = self.analysis.result.flags
        text = self.path.name
        if flags:
            text += " — " + ", ".join(flag_text(flag) for flag in flags)
        self.status.setText(text)

    def _update_buttons(self) -> None:
        ready = self.analysis is not None
        for widget in (
            self.save_button,
            self.copy_button,
            self.reset_button,
            self.zoom,
            self.turn,
            self.fix_button,
        ):
            widget.setEnabled(ready)

    # -- export ------------------------------------------------------------------------

    def _export(self, then: Callable[..., None], target: Path | None = None) -> Worker | None:
        """Draw the avatar on a worker, then call `then(image, target)` on the GUI thread."""
        if self.path is None or self.analysis is None or self.canvas.placement is None:
            return None
        worker = Worker(
            export_avatar,
            self.path,
            self.frame,
            self.analysis,
            self.canvas.placement,
            EXPORT_SIZE,
            context=target,
        )
        worker.signals.finished.connect(then)
        worker.signals.failed.connect(self._export_failed)
        return start_worker(self.pool, worker)

    def choose_save_path(self) -> None:
        if self.path is None:
            return
        suggested = str(self.path.with_name(f"{self.path.stem}-khung.png"))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu ảnh"), suggested, "PNG (*.png);;JPEG (*.jpg)"
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, target: Path) -> Worker | None:
        """Export the avatar to `target` (replacing it: the file dialog already asked)."""
        return self._export(self._write, target)

    def _write(self, image: Image.Image, target: Path) -> None:
        try:
            save_image(image, target, overwrite=True)
        except FrameStudioError as error:
            self._export_failed(error)
            return
        self.status.setText(self.tr("Đã lưu {name}").format(name=target.name))
        self.exported.emit(target)

    def copy_to_clipboard(self) -> Worker | None:
        return self._export(self._copy)

    def _copy(self, image: Image.Image) -> None:
        QGuiApplication.clipboard().setImage(to_qimage(image))
        self.status.setText(self.tr("Đã sao chép ảnh vào bộ nhớ tạm."))

    def _export_failed(self, error: BaseException) -> None:
        code = error.code if isinstance(error, FrameStudioError) else None
        message = error.message if isinstance(error, FrameStudioError) else str(error)
        QMessageBox.warning(self, self.tr("Không lưu được ảnh"), error_text(code, message))
