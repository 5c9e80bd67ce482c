"""The variant editor: change a frame's texts and colours, see it live, lint it, save it.

Edits are kept per frame id until they are saved or reset. A preview (a sample face framed
with `variant_of`) and the lint results are made on a worker once typing settles (a
`QTimer` debounce); late results of older edits are ignored. Saving writes a variant
folder with `write_variant` on a worker and emits `saved` with the loaded frame.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame, frames_dir, load_frame
from frame_studio.core.lint import Problem, frame_problems
from frame_studio.core.pipeline import frame_photo
from frame_studio.core.sheet import as_facebook_shows
from frame_studio.core.user_dirs import user_frames_dir
from frame_studio.core.variants import editable_parts, variant_of, write_variant
from frame_studio.gui.board import AnalysisCache
from frame_studio.gui.convert import to_qimage
from frame_studio.gui.lint_view import LintView
from frame_studio.gui.messages import error_text, failure_text
from frame_studio.gui.pack_export import DOCUMENTS, start_folder
from frame_studio.gui.part_names import part_label
from frame_studio.gui.workers import Worker, start_worker

PREVIEW = 200
COLOR_COLUMNS = 3
FACEBOOK = 176
SETTLE_MS = 250


@dataclass
class Edits:
    """Unsaved changes to one frame (only values that differ from the frame)."""

    texts: dict[str, str] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)
    background: str | None = None
    link: str | None = None

    def __bool__(self) -> bool:
        return bool(self.texts or self.colors or self.background is not None or self.link is not None)

    def copy(self) -> Edits:
        """An independent copy (for a worker)."""
        return Edits(dict(self.texts), dict(self.colors), self.background, self.link)


@dataclass(frozen=True)
class Check:
    """A preview and the lint results of one state of the edits."""

    ticket: int
    preview: Image.Image | None
    image: QImage | None
    facebook: QImage | None
    error: str | None
    problems: tuple[Problem | str, ...]


def check_variant(ticket: int, frame: Frame, photo: Path | None, cache: AnalysisCache) -> Check:
    """Frame a sample face with the variant and lint it (run on a worker)."""
    problems: tuple[Problem | str, ...]
    try:
        problems = tuple(frame_problems(frame))
    except FrameStudioError as error:
        problems = (error_text(error.code, error.message),)
    if photo is None:
        return Check(ticket, None, None, None, None, problems)
    try:
        avatar = frame_photo(photo, frame, size=PREVIEW, analysis=cache.get(photo, frame)).image
    except FrameStudioError as error:
        return Check(ticket, None, None, None, error_text(error.code, error.message), problems)
    facebook = to_qimage(as_facebook_shows(avatar, FACEBOOK))
    return Check(ticket, avatar, to_qimage(avatar), facebook, None, problems)


def save_variant_job(base: Frame, parent: Path, new_id: str, name: str, edits: Edits) -> Frame:
    """Write the variant folder and load it back (run on a worker)."""
    folder = write_variant(
        base,
        parent,
        id=new_id,
        name=name,
        texts=edits.texts,
        colors=edits.colors,
        background=edits.background,
        link=edits.link,
    )
    return load_frame(folder)


def swatch(color: str, size: int = 18) -> QIcon:
    """A square of colour for a button."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class VariantEditor(QWidget):
    """Texts, colours, live preview, lint results and “save as a new frame” for one frame."""

    checked = Signal(object)  # Check, for the latest edits
    applied = Signal(object, bool)  # the frame to show on the board, whether it is edited
    saved = Signal(object)  # the new Frame, loaded from its folder
    save_failed = Signal(str)

    def __init__(self, pool: QThreadPool, cache: AnalysisCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool, self.cache = pool, cache
        self.base: Frame | None = None
        self.photo: Path | None = None
        self.edits: dict[str, Edits] = {}
        self.known_ids: set[str] = set()
        self.last_check: Check | None = None
        self.waiting_text = ""
        self._suggested_name = ""
        self._tickets = itertools.count(1)
        self._ticket = 0
        self.text_edits: dict[str, QLineEdit] = {}
        self.color_buttons: dict[str, QPushButton] = {}
        self._part_labels: list[tuple[QLabel | QPushButton, str]] = []
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.timer.timeout.connect(self.check_now)
        self._build()
        self.retranslate()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600")
        self.title.setWordWrap(True)  # a long frame name wraps: it never widens the editor
        self.texts_box, self.colors_box = QGroupBox(), QGroupBox()
        self.texts_form = QFormLayout(self.texts_box)
        self.colors_grid = QGridLayout(self.colors_box)
        self.apply_button, self.reset_button = QPushButton(), QPushButton()
        self.apply_button.clicked.connect(self.apply)
        self.reset_button.clicked.connect(self.reset)
        self.save_box = QGroupBox()
        self.id_edit, self.name_edit = QLineEdit(), QLineEdit()
        self.id_label, self.name_label = QLabel(), QLabel()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.choose_save_folder)
        self.save_status = QLabel()
        self.save_status.setWordWrap(True)
        self.save_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_status.hide()
        save_grid = QGridLayout(self.save_box)
        save_grid.addWidget(self.name_label, 0, 0)
        save_grid.addWidget(self.name_edit, 0, 1, 1, 2)
        save_grid.addWidget(self.id_label, 1, 0)
        save_grid.addWidget(self.id_edit, 1, 1)
        save_grid.addWidget(self.save_button, 1, 2)
        save_grid.addWidget(self.save_status, 2, 0, 1, 3)
        save_grid.setColumnStretch(1, 1)
        self.preview_title, self.facebook_title = QLabel(), QLabel()
        self.preview, self.facebook = QLabel(), QLabel()
        previews = QGridLayout()
        for column, (title, label, size) in enumerate(
            ((self.preview_title, self.preview, PREVIEW), (self.facebook_title, self.facebook, FACEBOOK))
        ):
            label.setFixedSize(size, size)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            previews.addWidget(title, 0, column)
            previews.addWidget(label, 1, column, Qt.AlignmentFlag.AlignTop)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet("color: #b00020")
        previews.addWidget(self.preview_note, 2, 0, 1, 2)
        previews.setRowStretch(3, 1)  # extra height goes below, never between title and picture
        self.lint = LintView()
        top = QHBoxLayout()  # the checks go below the pictures: the editor stays narrow
        top.addLayout(previews)
        top.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.lint)
        layout.addWidget(self.texts_box)
        layout.addWidget(self.colors_box)
        layout.addWidget(self.save_box)
        layout.addStretch()

    def _show_suggested_name(self) -> None:
        """Propose "<base> (mới)" as the new variant's name."""
        name = self.base.name if self.base is not None else ""
        self._suggested_name = self.tr("{name} (mới)").format(name=name)
        self.name_edit.setText(self._suggested_name)

    def retranslate(self) -> None:
        """Set every visible text (called again when the language changes)."""
        if self.base is not None and self.name_edit.text() == self._suggested_name:
            self._show_suggested_name()  # not typed over: it follows the language
        self.texts_box.setTitle(self.tr("Chữ trên khung"))
        self.colors_box.setTitle(self.tr("Màu"))
        self.apply_button.setText(self.tr("Áp dụng lên bảng"))
        self.reset_button.setText(self.tr("Bỏ các thay đổi"))
        self.save_box.setTitle(self.tr("Mẫu mới"))
        self.name_label.setText(self.tr("Tên mẫu"))
        self.id_label.setText(self.tr("Mã mẫu"))
        self.id_edit.setPlaceholderText(self.tr("ví dụ: congress-ring-2"))
        self.save_button.setText(self.tr("Lưu thành mẫu mới…"))
        self.preview_title.setText(self.tr("Xem trước"))
        self.facebook_title.setText(self.tr("Như trên Facebook (176 px)"))
        self.waiting_text = self.tr("Đang vẽ…")
        for widget, name in self._part_labels:
            widget.setText(part_label(name))
        self.lint.retranslate()
        self._show_title()

    def _show_title(self) -> None:
        if self.base is None:
            self.title.setText(self.tr("Chọn một mẫu khung trên bảng."))
        else:
            edited = self.tr(" (đã sửa, chưa lưu)") if self.current_edits() else ""
            self.title.setText(f"{self.base.name}{edited}")

    # -- the frame being edited ------------------------------------------------------

    def current_edits(self) -> Edits:
        """The unsaved edits of the frame being edited."""
        if self.base is None:
            return Edits()
        return self.edits.setdefault(self.base.id, Edits())

    def set_frame(self, frame: Frame) -> None:
        """Edit `frame` (its earlier unsaved edits come back)."""
        self.base = frame
        self._rebuild_parts()
        self.id_edit.setText(self._free_id(frame.id))
        self._show_suggested_name()
        self.save_status.clear()
        self.save_status.hide()
        self._show_title()
        self.timer.start(0)  # with a photo change that follows, one check

    def set_photo(self, photo: Path | None) -> None:
        """The sample face of the preview."""
        if photo != self.photo:
            self.photo = photo
            self.timer.start(0)

    def _free_id(self, base_id: str) -> str:
        for number in itertools.count(2):
            candidate = f"{base_id}-{number}"
            if candidate not in self.known_ids:
                return candidate
        raise AssertionError  # pragma: no cover

    def _clear(self, layout: QFormLayout | QGridLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()  # still owned by its parent until deleted on the GUI thread
                widget.deleteLater()

    def _rebuild_parts(self) -> None:
        self._clear(self.texts_form)
        self._clear(self.colors_grid)
        self.text_edits.clear()
        self.color_buttons.clear()
        self._part_labels.clear()
        if self.base is None:
            return
        parts, edits = editable_parts(self.base), self.current_edits()
        for name, text in parts.texts:
            edit = QLineEdit(edits.texts.get(name, text))
            edit.setCursorPosition(0)
            edit.setObjectName(name)
            edit.textChanged.connect(self._part_text_changed)
            label = QLabel(part_label(name))
            self._part_labels.append((label, name))
            self.texts_form.addRow(label, edit)
            self.text_edits[name] = edit
        colors = list(parts.colors)
        if parts.background is not None:
            colors.insert(0, ("background", parts.background))
        for index, (name, value) in enumerate(colors):
            button = QPushButton(part_label(name))
            button.setStyleSheet("text-align: left; padding: 3px 6px")
            button.setObjectName(name)
            button.clicked.connect(self._color_button_clicked)
            self._part_labels.append((button, name))
            self.color_buttons[name] = button
            self._show_color(name, self._color_value(name) or value)
            self.colors_grid.addWidget(button, index // COLOR_COLUMNS, index % COLOR_COLUMNS)
        self.texts_box.setVisible(bool(parts.texts))
        self.colors_box.setVisible(bool(colors))

    def _color_value(self, name: str) -> str | None:
        edits = self.current_edits()
        return edits.background if name == "background" else edits.colors.get(name)

    def _show_color(self, name: str, value: str) -> None:
        button = self.color_buttons[name]
        button.setIcon(swatch(value[:7]))
        button.setToolTip(value)

    # -- editing ---------------------------------------------------------------------

    def set_text(self, name: str, text: str) -> None:
        """Change a text layer (as if typed)."""
        self.text_edits[name].setText(text)

    def _part_text_changed(self, text: str) -> None:
        self._text_changed(self.sender().objectName(), text)

    def _color_button_clicked(self) -> None:
        self.choose_color(self.sender().objectName())

    def _text_changed(self, name: str, text: str) -> None:
        if self.base is None:
            return
        original = dict(editable_parts(self.base).texts)[name]
        edits = self.current_edits()
        if text == original:
            edits.texts.pop(name, None)
        else:
            edits.texts[name] = text
        self._edited()

    def choose_color(self, name: str) -> None:
        """Ask for a colour with QColorDialog."""
        current = self._color_value(name) or self.color_buttons[name].toolTip()
        chosen = QColorDialog.getColor(
            QColor(current[:7]), self, part_label(name), QColorDialog.ColorDialogOption.ShowAlphaChannel
        )
        if chosen.isValid():
            alpha = f"{chosen.alpha():02x}" if chosen.alpha() < 255 else ""
            self.set_color(name, chosen.name() + alpha)

    def set_color(self, name: str, value: str) -> None:
        """Change a layer's colour ("background" is the frame's background)."""
        if self.base is None:
            return
        parts = editable_parts(self.base)
        original = parts.background if name == "background" else dict(parts.colors)[name]
        edits, changed = self.current_edits(), None if value.lower() == original else value.lower()
        if name == "background":
            edits.background = changed
        elif changed is None:
            edits.colors.pop(name, None)
        else:
            edits.colors[name] = changed
        self._show_color(name, value)
        self._edited()

    def set_link(self, link: str) -> None:
        """The campaign link the variant will carry (from the QR panel)."""
        if self.base is not None:
            self.current_edits().link = None if link == self.base.link else link
            self._show_title()

    def link(self) -> str:
        """The link of the frame being edited, with its edit."""
        if self.base is None:
            return ""
        edited = self.current_edits().link
        return self.base.link if edited is None else edited

    def _edited(self) -> None:
        self._show_title()
        self.timer.start(SETTLE_MS)

    def variant(self) -> Frame | None:
        """The frame being edited, with its edits (for previews; the id stays the base's)."""
        if self.base is None:
            return None
        edits = self.current_edits()
        if not edits:
            return self.base
        return variant_of(
            self.base,
            id=self.base.id,
            name=self.base.name,
            texts=edits.texts,
            colors=edits.colors,
            background=edits.background,
            link=edits.link,
        )

    def check_now(self) -> Worker | None:
        """Start the preview and lint of the current edits."""
        self.timer.stop()
        try:
            frame = self.variant()
        except FrameStudioError as error:
            self.preview_note.setStyleSheet("color: #b00020")
            self.preview_note.setText(error_text(error.code, error.message))
            return None
        if frame is None:
            return None
        self._ticket = next(self._tickets)
        self.preview_note.setText(self.waiting_text)
        self.preview_note.setStyleSheet("color: #777")
        worker = Worker(check_variant, self._ticket, frame, self.photo, self.cache)
        worker.signals.finished.connect(self._checked)
        worker.signals.failed.connect(self._checked_failed)
        return start_worker(self.pool, worker)

    def _checked(self, check: Check) -> None:
        if check.ticket != self._ticket:
            return  # older edits
        self.last_check = check
        if check.image is not None and check.facebook is not None:
            self.preview.setPixmap(QPixmap.fromImage(check.image))
            self.facebook.setPixmap(QPixmap.fromImage(check.facebook))
        for label in (self.preview, self.facebook):
            label.setEnabled(check.error is None)  # a stale picture is shown greyed
        self.preview_note.setStyleSheet("color: #b00020")
        self.preview_note.setText(
            self.tr("Không vẽ được mẫu này: {error}").format(error=check.error) if check.error else ""
        )
        self.lint.show_problems(check.problems)
        self.checked.emit(check)

    def _checked_failed(self, error: BaseException) -> None:
        self.preview_note.setStyleSheet("color: #b00020")
        self.preview_note.setText(self.tr("Không vẽ được mẫu này: {error}").format(error=failure_text(error)))

    def apply(self) -> None:
        """Show the edited frame on the board."""
        try:
            frame = self.variant()
        except FrameStudioError:
            return  # the note under the preview says why
        if frame is not None:
            self.applied.emit(frame, frame is not self.base)

    def reset(self) -> None:
        """Forget the unsaved edits of this frame."""
        if self.base is not None:
            self.edits.pop(self.base.id, None)
            self.set_frame(self.base)
            self.applied.emit(self.base, False)

    # -- saving ----------------------------------------------------------------------

    def choose_save_folder(self) -> None:
        """Ask where to put the new frame's folder, then save."""
        if self.base is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục để lưu mẫu mới"), str(self.save_folder())
        )
        if folder:
            self.save_variant(Path(folder))

    def save_folder(self) -> Path:
        """The folder proposed for a new variant, made if needed.

        A variant of a bundled frame goes to the user frame folder (never the app's own
        folder); a variant of another frame goes beside it, where `extends` finds its base.
        """
        base = self.base.folder.parent if self.base is not None else frames_dir()
        if base.resolve() != frames_dir().resolve() and base.is_dir():
            return base
        try:
            user_frames_dir().mkdir(parents=True, exist_ok=True)
        except OSError:
            return Path(start_folder("variants", DOCUMENTS))
        return user_frames_dir()

    def save_variant(self, parent: Path) -> Worker | None:
        """Write the edits as a new frame folder `parent / id` (on a worker)."""
        if self.base is None:
            return None
        new_id, name = self.id_edit.text().strip(), self.name_edit.text().strip()
        if new_id in self.known_ids:
            self._save_failed(self.tr("Mã mẫu “{id}” đã có; hãy chọn mã khác.").format(id=new_id))
            return None
        self.save_button.setEnabled(False)
        self.save_status.setStyleSheet("color: #777")
        self.save_status.setText(self.tr("Đang lưu…"))
        self.save_status.show()
        edits = self.current_edits()
        worker = Worker(save_variant_job, self.base, parent, new_id, name, edits.copy())
        worker.signals.finished.connect(self._saved)
        worker.signals.failed.connect(self._save_error)
        return start_worker(self.pool, worker)

    def _saved(self, frame: Frame) -> None:
        self.save_button.setEnabled(True)
        if self.base is not None:
            self.edits.pop(self.base.id, None)
        self.saved.emit(frame)  # the workspace selects the new frame, which clears the status
        self.save_status.setStyleSheet("color: #1b5e20")
        self.save_status.setText(self.tr("Đã lưu mẫu mới vào {folder}").format(folder=frame.folder))
        self.save_status.show()

    def _save_error(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._save_failed(failure_text(error))

    def _save_failed(self, message: str) -> None:
        self.save_status.setStyleSheet("color: #b00020")
        self.save_status.setText(self.tr("Không lưu được: {error}").format(error=message))
        self.save_status.show()
        self.save_failed.emit(message)
