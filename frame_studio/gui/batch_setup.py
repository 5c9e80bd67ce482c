"""The Batch workspace's setup form: folders, roster, file names, frame, sizes and format, kept
in Settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from frame_studio.core.batch_plan import BatchSettings, settings_for
from frame_studio.core.frames import Frame
from frame_studio.gui.batch_naming import NamingBox
from frame_studio.gui.batch_run import FORMATS, SIZE_CHOICES
from frame_studio.gui.frame_combo import fill_frame_box
from frame_studio.gui.settings import Settings

ROSTER_SUFFIXES = (".csv", ".xlsx")


class BatchSetup(QGroupBox):
    """What a batch reads and makes; every change is remembered at once."""

    changed = Signal()

    def __init__(self, frames: list[Frame], settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frames, self.settings = frames, settings
        self.in_edit, self.out_edit, self.roster_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.roster_edit.setClearButtonEnabled(True)
        self.in_button, self.out_button, self.roster_button = QPushButton(), QPushButton(), QPushButton()
        self.frame_box, self.size_box, self.format_box = QComboBox(), QComboBox(), QComboBox()
        fill_frame_box(self.frame_box, frames)
        for value in SIZE_CHOICES:
            self.size_box.addItem("", value)
        for name in FORMATS:
            self.format_box.addItem(name.upper() if name != "webp" else "WebP", name)
        for box in (self.size_box, self.format_box):  # as wide as the longest choice, in each language
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.naming = NamingBox()
        self.labels = [QLabel() for _ in range(7)]
        self._build()
        self._restore()
        self.in_button.clicked.connect(self.choose_input)
        self.out_button.clicked.connect(self.choose_output)
        self.roster_button.clicked.connect(self.choose_roster)
        for edit in (self.in_edit, self.out_edit, self.roster_edit):
            edit.textChanged.connect(self._remember)
        for box in (self.size_box, self.format_box, self.frame_box):
            box.currentIndexChanged.connect(self._remember)
        self.naming.changed.connect(self._remember)

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        rows = (
            (self.in_edit, self.in_button),
            (self.out_edit, self.out_button),
            (self.roster_edit, self.roster_button),
        )
        for row, (edit, button) in enumerate(rows):
            grid.addWidget(self.labels[row], row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(button, row, 2)
        choices = QHBoxLayout()
        choices.addWidget(self.frame_box, 1)
        for label, box in zip(self.labels[4:6], (self.size_box, self.format_box), strict=True):
            choices.addSpacing(16)
            choices.addWidget(label)
            choices.addWidget(box)
        grid.addWidget(self.labels[6], 3, 0)
        grid.addWidget(self.naming, 3, 1, 1, 2)
        grid.addWidget(self.labels[3], 4, 0)
        grid.addLayout(choices, 4, 1, 1, 2)
        for label, buddy in zip(self.labels, self.fields(), strict=True):
            label.setBuddy(buddy)

    def fields(self) -> tuple[QWidget, ...]:
        return (
            *(self.in_edit, self.out_edit, self.roster_edit, self.frame_box, self.size_box, self.format_box),
            self.naming.mode_box,
        )

    def retranslate(self) -> None:
        fill_frame_box(self.frame_box, self.frames)  # “ended” in the current language
        self.setTitle(self.tr("Thiết lập"))
        texts = (
            self.tr("Thư mục ảnh:"),
            self.tr("Thư mục kết quả:"),
            self.tr("Danh sách cán bộ:"),
            self.tr("Khung:"),
            self.tr("Kích thước:"),
            self.tr("Định dạng:"),
            self.tr("Tên tệp:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.in_edit.setPlaceholderText(self.tr("Thư mục chứa ảnh chân dung của cán bộ"))
        self.out_edit.setPlaceholderText(self.tr("Nơi lưu ảnh đã gắn khung (ngoài thư mục ảnh)"))
        self.roster_edit.setPlaceholderText(self.tr("Không bắt buộc: tệp .csv hoặc .xlsx"))
        for button in (self.in_button, self.out_button, self.roster_button):
            button.setText(self.tr("Chọn…"))
        sizes = {1080: self.tr("1080 px"), 2048: self.tr("2048 px"), 0: self.tr("1080 và 2048 px")}
        for index in range(self.size_box.count()):
            self.size_box.setItemText(index, sizes[self.size_box.itemData(index)])
        self.naming.retranslate()

    def takes(self, paths: list[Path]) -> bool:
        """Whether a drop of `paths` fills a field: a folder or a .csv/.xlsx, while editable."""
        wanted = any(path.is_dir() or path.suffix.lower() in ROSTER_SUFFIXES for path in paths)
        return wanted and self.in_edit.isEnabled()  # not while a batch runs

    def take_dropped(self, paths: list[Path]) -> bool:
        """A folder dropped on the workspace becomes the photo folder, a .csv/.xlsx the roster."""
        if not self.takes(paths):
            return False
        folders = [path for path in paths if path.is_dir()]
        rosters = [path for path in paths if path.is_file() and path.suffix.lower() in ROSTER_SUFFIXES]
        if folders:
            self.in_edit.setText(str(folders[0]))
        if rosters:
            self.roster_edit.setText(str(rosters[0]))
        return bool(folders or rosters)

    def set_editable(self, enabled: bool) -> None:
        """Lock the fields while a batch runs (the box and its title stay readable)."""
        for widget in (*self.fields(), self.in_button, self.out_button, self.roster_button):
            widget.setEnabled(enabled)
        self.naming.set_editable(enabled)

    # -- values ------------------------------------------------------------------------

    @property
    def in_dir(self) -> str:
        return self.in_edit.text().strip()

    @property
    def out_dir(self) -> str:
        return self.out_edit.text().strip()

    @property
    def roster(self) -> str:
        return self.roster_edit.text().strip()

    @property
    def frame(self) -> Frame:
        return self.frames[max(0, self.frame_box.currentIndex())]

    def batch_settings(self) -> BatchSettings:
        """What the chosen frame, sizes and format make."""
        chosen = BatchSettings(
            sizes=SIZE_CHOICES[int(self.size_box.currentData())],
            format=str(self.format_box.currentData()),
            name_template=self.naming.template if self.roster else None,
            ascii_names=self.naming.ascii_names,
        )
        return settings_for(self.frame, chosen)  # a pack's frame keeps its campaign's link and dates

    def set_frames(self, frames: list[Frame]) -> None:
        """Offer a new list of frames (a variant was saved)."""
        self.frames = frames
        fill_frame_box(self.frame_box, frames)

    def _restore(self) -> None:
        self.in_edit.setText(str(self.settings.get("batch/input")))
        self.out_edit.setText(str(self.settings.get("batch/output")))
        self.roster_edit.setText(str(self.settings.get("batch/roster")))
        template, ascii_names = self.settings.get("batch/name_template"), self.settings.get("batch/ascii")
        self.naming.restore(str(template), bool(ascii_names))
        for box, value in (
            (self.size_box, self.settings.get("batch/size")),
            (self.format_box, self.settings.get("batch/format")),
            (self.frame_box, self.settings.get("batch/frame") or self.settings.get("frame")),
        ):
            box.setCurrentIndex(max(box.findData(value), 0))

    def _remember(self) -> None:
        self.settings.set("batch/input", self.in_dir)
        self.settings.set("batch/output", self.out_dir)
        self.settings.set("batch/roster", self.roster)
        self.settings.set("batch/size", int(self.size_box.currentData()))
        self.settings.set("batch/format", str(self.format_box.currentData()))
        self.settings.set("batch/frame", str(self.frame_box.currentData()))
        self.settings.set("batch/name_template", self.naming.template or "")
        self.settings.set("batch/ascii", int(self.naming.ascii_names))
        self.changed.emit()

    def choose_input(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục ảnh"), self.in_dir)
        if folder:
            self.in_edit.setText(folder)

    def choose_output(self) -> None:
        start = self.out_dir or self.in_dir
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục kết quả"), start)
        if folder:
            self.out_edit.setText(folder)

    def choose_roster(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn danh sách cán bộ"),
            self.roster or self.in_dir,
            self.tr("Danh sách cán bộ") + " (" + " ".join(f"*{s}" for s in ROSTER_SUFFIXES) + ")",
        )
        if name:
            self.roster_edit.setText(name)
