"""The Photo workspace (staff): open or drop a photo, nudge it, see it as Facebook shows it, save.

Loading and exporting run on the thread pool; the canvas redraws from the small decode.
Re-placing (another frame, head levelling on or off, a face chosen on the canvas) is pure
geometry on the faces already found, so it runs at once on the GUI thread. Hand edits are
undoable (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y) and kept relative to the automatic placement, so
they survive a change of frame. The nudge keys (arrows, + and -, [ and ]) work anywhere in
the workspace except in widgets that use those keys themselves (text fields, sliders, lists).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.campaign import PACK_SUFFIX, Campaign
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.faces import Face
from frame_studio.core.frames import Frame
from frame_studio.core.images import PHOTO_SUFFIXES
from frame_studio.core.pipeline import (
    Analysis,
    analyse,
    frame_photo,
    output_flags,
    place_in_frame,
    refine_primary_face,
)
from frame_studio.core.placement import (
    LOW_RESOLUTION,
    Placement,
    PlacementResult,
    PlacementSettings,
)
from frame_studio.core.render import FORMATS, save_image
from frame_studio.core.sheet import as_facebook_shows
from frame_studio.gui import ask
from frame_studio.gui.campaign_panel import CampaignPanel, campaign_of_frame
from frame_studio.gui.canvas import ARROW_USERS, NudgeKeys, PlacementCanvas
from frame_studio.gui.convert import to_pixmap, to_qimage
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.frame_combo import fill_frame_box
from frame_studio.gui.messages import error_text, flag_text
from frame_studio.gui.placement_undo import Adjustment, AdjustmentSliders, PlacementHistory, adjusted
from frame_studio.gui.settings import Settings
from frame_studio.gui.workers import Worker, start_worker

#: The file dialog's filter: "*.avif *.bmp *.gif ...".
PHOTO_PATTERNS = " ".join(f"*{suffix}" for suffix in sorted(PHOTO_SUFFIXES))
SAVE_FILTERS = "PNG (*.png);;JPEG (*.jpg *.jpeg)"
EXPORT_SIZE = 1080
LAST_FOLDER = "photo/last_folder"  # a key of settings.DEFAULTS
LOW_RESOLUTION_STYLE = (
    "background: #fff3cd; color: #664d03; border: 1px solid #e0c36a; border-radius: 4px; padding: 4px;"
)


def export_avatar(
    path: Path, frame: Frame, analysis: Analysis, placement: Placement, size: int
) -> Image.Image:
    """The full-size avatar for a placement (run on a worker)."""
    return frame_photo(path, frame, size=size, analysis=analysis, placement=placement).image


def with_format_suffix(path: Path, chosen_filter: str) -> Path:
    """`path` with the chosen filter's extension added when it has no known image extension."""
    if path.suffix.lower() in FORMATS:
        return path
    found = re.search(r"\*(\.\w+)", chosen_filter)
    suffix = found.group(1) if found and found.group(1).lower() in FORMATS else ".png"
    return path.with_name(path.name.rstrip(". ") + suffix)


def default_save_folder(last: str) -> Path:
    """The last folder saved to if it still exists, else the user's Pictures folder, else home."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    for candidate in (last, pictures):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()


class PhotoWorkspace(QWidget):
    """Frame one photo by hand.

    `settings`, when given, remembers the folder last saved to between runs; without it the
    folder is remembered for this session only.
    """

    photo_loaded = Signal(object)
    re_placed = Signal()  # placed again: another frame, levelling on or off
    pack_dropped = Signal(object)
    exported = Signal(object)

    def __init__(
        self,
        frames: list[Frame],
        pool: QThreadPool,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.frames, self.pool, self.settings = frames, pool, settings
        self.last_folder = str(settings.get(LAST_FOLDER)) if settings is not None else ""
        self.path: Path | None = None
        self.analysis: Analysis | None = None
        self.auto_placement: Placement | None = None
        self.fix: FixRequest | None = None  # set while a batch photo is being fixed
        self.levelled_faces = False  # the primary face's landmarks were refined for levelling
        self.setAcceptDrops(True)
        self.canvas = PlacementCanvas()
        self.history = PlacementHistory(self, self.canvas, self._auto)
        self.undo_stack = self.history.stack
        self.nudge_keys = NudgeKeys(self, self.canvas)
        self.canvas.settled.connect(self._show_facebook_previews)
        self.canvas.edited.connect(self._canvas_edited)
        self.canvas.face_clicked.connect(self.choose_face)
        self.frame_box = QComboBox()
        fill_frame_box(self.frame_box, frames)
        self.frame_box.currentIndexChanged.connect(self._frame_changed)
        self.sliders = AdjustmentSliders(self.history, self)
        self.zoom, self.turn = self.sliders.zoom, self.sliders.turn
        self.level_box = QCheckBox()
        self.level_box.setChecked(PlacementSettings().level_head)
        self.level_box.toggled.connect(self._level_toggled)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.choose_photo)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_placement)
        self.undo_button, self.redo_button = QToolButton(), QToolButton()
        self.undo_button.setDefaultAction(self.history.undo_action)
        self.redo_button.setDefaultAction(self.history.redo_action)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.choose_save_path)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.fix_button = QPushButton()
        self.fix_button.clicked.connect(self.apply_fix)
        self.fix_button.hide()
        self.large_preview, self.small_preview = QLabel(), QLabel()
        self.low_resolution_note = QLabel()
        self.low_resolution_note.setWordWrap(True)
        self.low_resolution_note.setStyleSheet(LOW_RESOLUTION_STYLE)
        self.low_resolution_note.hide()
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
        self.form.addRow(self.level_box)
        edits = QHBoxLayout()
        edits.addWidget(self.undo_button)
        edits.addWidget(self.redo_button)
        edits.addWidget(self.reset_button, 1)
        previews = QHBoxLayout()
        previews.addWidget(self.large_preview)
        side_of_previews = QVBoxLayout()
        side_of_previews.addWidget(self.low_resolution_note)
        side_of_previews.addStretch()
        side_of_previews.addWidget(self.small_preview, alignment=Qt.AlignmentFlag.AlignLeft)
        previews.addLayout(side_of_previews, 1)
        self.preview_title = QLabel()
        exports = QHBoxLayout()  # with a batch fix, its button joins the row: no taller than 1024x700
        exports.addWidget(self.fix_button)
        exports.addWidget(self.save_button)
        exports.addWidget(self.copy_button)
        side = QVBoxLayout()
        side.addWidget(self.open_button)
        side.addLayout(self.form)
        side.addLayout(edits)
        side.addSpacing(6)
        side.addWidget(self.preview_title)
        side.addLayout(previews)
        side.addWidget(self.status)
        side.addWidget(self.campaign_panel)
        side.addStretch(1)  # a tall window leaves the space here; a short one shrinks the panel first
        side.addLayout(exports)
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 3)
        layout.addLayout(side, 1)

    def retranslate(self) -> None:
        """Set every visible text (called again when the language changes)."""
        self.open_button.setText(self.tr("Mở ảnh…"))
        self.open_button.setShortcut("Ctrl+O")
        self.reset_button.setText(self.tr("Về vị trí tự động"))
        self.history.retranslate()
        self.level_box.setText(self.tr("Cân thẳng đầu theo hai mắt"))
        self.save_button.setText(self.tr("Lưu ảnh…"))
        self.save_button.setShortcut("Ctrl+S")
        self.copy_button.setText(self.tr("Sao chép"))
        self.copy_button.setShortcut("Ctrl+Shift+C")
        self.fix_button.setText(self.tr("Lưu vào kết quả hàng loạt"))
        self.preview_title.setText(self.tr("Như trên Facebook:"))
        self.low_resolution_note.setText(
            self.tr("Độ phân giải thấp: ảnh lưu ra sẽ bị mờ. Nên dùng ảnh gốc lớn hơn hoặc thu nhỏ ảnh.")
        )
        for label, text in zip(
            self.form_labels, (self.tr("Khung"), self.tr("Thu phóng"), self.tr("Xoay")), strict=True
        ):
            label.setText(text)
        self.zoom.setAccessibleName(self.tr("Thu phóng"))
        self.turn.setAccessibleName(self.tr("Xoay"))
        self.campaign_panel.retranslate()
        fill_frame_box(self.frame_box, self.frames)  # “ended” in the current language
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
        """Open a batch photo with its placement; “save into the batch” re-exports it there."""
        self.fix = request
        self.fix_button.show()
        name, unit = request.person  # whose photo it is, as the roster says (the caption uses them)
        self.campaign_panel.person_edit.setText(name)
        self.campaign_panel.unit_edit.setText(unit)
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

    def placement_settings(self) -> PlacementSettings:
        """The core's placement settings with the workspace's head levelling choice."""
        return dataclasses.replace(PlacementSettings(), level_head=self.level_box.isChecked())

    def load_photo(self, path: Path, placement: Placement | None = None) -> Worker:
        """Analyse a photo in the background; `placement` overrides the automatic one."""
        self.status.setText(self.tr("Đang mở {name}…").format(name=path.name))
        self.open_button.setEnabled(False)
        frame, settings = self.frame, self.placement_settings()
        worker = Worker(analyse, path, frame, settings=settings, context=(path, placement, frame, settings))
        worker.signals.finished.connect(self._loaded)
        worker.signals.failed.connect(self._load_failed)
        return start_worker(self.pool, worker)

    def _loaded(
        self, analysis: Analysis, context: tuple[Path, Placement | None, Frame, PlacementSettings]
    ) -> None:
        path, placement, frame, settings = context
        self.open_button.setEnabled(True)
        self.path, self.analysis, self.levelled_faces = path, analysis, settings.level_head
        if frame is not self.frame or settings != self.placement_settings():  # changed meanwhile
            analysis = self.analysis = dataclasses.replace(analysis, result=self._placed(analysis))
        self.auto_placement = analysis.result.placement
        self.history.stack.clear()
        self.canvas.show_photo(
            analysis.photo, self.frame, placement or self.auto_placement, self._marked_faces()
        )
        self._update_buttons()
        if self.isVisible() and not isinstance(QApplication.focusWidget(), ARROW_USERS):
            self.canvas.setFocus()  # the keys nudge the new photo at once (typing is never taken)
        self.photo_loaded.emit(path)
        self._refine_for_levelling()

    def _load_failed(self, error: BaseException, _trace: str, context: tuple[Path, ...]) -> None:
        path = context[0]
        self.open_button.setEnabled(True)
        code = error.code if isinstance(error, FrameStudioError) else None
        message = error.message if isinstance(error, FrameStudioError) else str(error)
        reason = error_text(code, message)
        self.status.setText(self.tr("Không mở được {name}: {reason}").format(name=path.name, reason=reason))
        ask.warn(self, self.tr("Không mở được ảnh"), f"{path.name}: {reason}")

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

    def _placed(self, analysis: Analysis, faces: list[Face] | None = None) -> PlacementResult:
        """The automatic placement under the current frame and settings (pure geometry)."""
        chosen = analysis.faces if faces is None else faces
        settings = self.placement_settings()
        return place_in_frame(analysis.photo.full_size, chosen, self.frame, settings=settings)

    def _marked_faces(self) -> list[Face]:
        faces = self.analysis.faces if self.analysis is not None else []
        return faces if len(faces) > 1 else []

    def adjustment(self) -> Adjustment:
        """The hand's change over the automatic placement (none before a photo is open)."""
        return self.history.adjustment()

    def _re_place(self) -> None:
        """Place again under the current frame and settings, keeping the hand's adjustment."""
        if self.analysis is None:
            return
        kept = self.adjustment()
        self.analysis = dataclasses.replace(self.analysis, result=self._placed(self.analysis))
        self.auto_placement = self.analysis.result.placement
        self.canvas.show_photo(
            self.analysis.photo, self.frame, adjusted(self.auto_placement, kept), self._marked_faces()
        )
        self.re_placed.emit()

    def _frame_changed(self) -> None:
        self.show_campaign()
        self._re_place()  # the automatic placement depends on the frame's window

    def _level_toggled(self) -> None:
        if not self._refine_for_levelling():
            self._re_place()

    def _refine_for_levelling(self) -> Worker | None:
        """Measure the primary face's eyes again (on a worker) if levelling needs it and it was not done."""
        if self.analysis is None or self.levelled_faces or not self.level_box.isChecked():
            return None
        worker = Worker(
            refine_primary_face,
            self.analysis.photo,
            self.analysis.faces,
            settings=self.placement_settings(),
            context=self.analysis.photo,
        )
        worker.signals.finished.connect(self._faces_refined)
        worker.signals.failed.connect(self._refine_failed)
        return start_worker(self.pool, worker)

    def _faces_refined(self, faces: list[Face], photo: object) -> None:
        if self.analysis is None or self.analysis.photo is not photo:
            return  # another photo was opened meanwhile
        self.analysis, self.levelled_faces = dataclasses.replace(self.analysis, faces=faces), True
        self._re_place()

    def _refine_failed(self, _error: BaseException, _trace: str, photo: object) -> None:
        if self.analysis is not None and self.analysis.photo is photo:
            self.levelled_faces = True  # level by the landmarks found first
            self._re_place()

    def _auto(self) -> Placement | None:
        return self.auto_placement

    def _canvas_edited(self, before: Placement, after: Placement, mergeable: bool) -> None:
        self.history.push(
            before, after, self.tr("Chỉnh ảnh") if mergeable else self.tr("Kéo ảnh"), mergeable=mergeable
        )

    def choose_face(self, index: int) -> None:
        """Centre the frame on the photo's face number `index` (a click on its mark)."""
        if self.analysis is None or self.canvas.placement is None:
            return
        face = self.analysis.faces[index]
        placement = self._placed(self.analysis, [face]).placement
        before = self.canvas.placement
        self.canvas.set_placement(placement)
        self.history.push(before, placement, self.tr("Chọn khuôn mặt"))

    def reset_placement(self) -> None:
        if self.auto_placement is not None and self.canvas.placement is not None:
            before = self.canvas.placement
            self.canvas.set_placement(self.auto_placement)
            self.history.push(before, self.auto_placement, self.tr("Về vị trí tự động"))

    def _show_facebook_previews(self) -> None:
        """The small circles Facebook shows, once the hand stops (they are not needed mid-drag)."""
        preview = self.canvas.preview
        if preview is not None:
            self.large_preview.setPixmap(to_pixmap(as_facebook_shows(preview, 176)))
            self.small_preview.setPixmap(to_pixmap(as_facebook_shows(preview, 36)))
        self._show_status()

    def flags(self) -> list[str]:
        """The photo's flags now: the automatic ones, and low resolution at the current zoom."""
        if self.analysis is None:
            return []
        placement = self.canvas.placement
        if placement is None:
            return [flag for flag in self.analysis.result.flags if flag != LOW_RESOLUTION]
        return list(output_flags(self.analysis, placement, self.frame, EXPORT_SIZE))

    def _show_status(self) -> None:
        flags = self.flags()
        self.low_resolution_note.setVisible(LOW_RESOLUTION in flags)
        if self.analysis is None or self.path is None:
            self.status.setText(self.tr("Chưa có ảnh."))
            return
        text = self.path.name
        if flags:
            text += " — " + ", ".join(flag_text(flag) for flag in flags)
        if len(self.analysis.faces) > 1:
            text += "\n" + self.tr("Bấm vào một khuôn mặt trên ảnh để gắn khung cho người đó.")
        self.status.setText(text)

    def _update_buttons(self) -> None:
        ready = self.analysis is not None
        for widget in (
            self.save_button,
            self.copy_button,
            self.reset_button,
            self.zoom,
            self.turn,
            self.level_box,
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
        """Ask where to save (the filter's extension is added when none is typed), then save."""
        if self.path is None:
            return
        suggested = default_save_folder(self.last_folder) / f"{self.path.stem}-khung.png"
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Lưu ảnh"), str(suggested), SAVE_FILTERS)
        if not name:
            return
        target = with_format_suffix(Path(name), chosen)
        if target != Path(name) and target.exists():  # the dialog asked about the name as typed only
            question = self.tr("Đã có tệp {name}. Thay thế tệp đó?").format(name=target.name)
            if not ask.ask(self, self.tr("Lưu ảnh"), question, yes=self.tr("Thay"), no=self.tr("Giữ nguyên")):
                return
        self.remember_folder(target.parent)
        self.save_to(target)

    def remember_folder(self, folder: Path) -> None:
        """Offer `folder` first next time (in the settings when the workspace has them)."""
        self.last_folder = str(folder)
        if self.settings is not None:
            self.settings.set(LAST_FOLDER, self.last_folder)

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
        reason = error_text(code, message)
        self.status.setText(self.tr("Không lưu được ảnh: {reason}").format(reason=reason))
        ask.warn(self, self.tr("Không lưu được ảnh"), reason)
