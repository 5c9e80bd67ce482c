"""The Batch workspace (HR): frame a whole folder, watch it run, review what needs a person,
fix by hand or accept as is, and see the per-unit summary of a roster batch.

Planning and running happen on the app's thread pool (`batch_run`), so the window never
freezes; each result arrives as a `progressed` signal and becomes a row of the review list
(`review_model`), as does each roster note. At start the last batch of the output folder is
shown again. Errors are shown in the workspace itself, never in a blocking dialog.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frame_studio.core.batch_files import report_paths, summary_path
from frame_studio.core.batch_plan import Plan
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.out_folder import FolderBusyError
from frame_studio.core.outcome import FRAMED, REJECTED, SKIPPED, JobResult
from frame_studio.core.roster import RosterError
from frame_studio.core.summary import Summary
from frame_studio.gui import ask, batch_run
from frame_studio.gui.batch_run import LastBatch, Meter, NamePreview, Outcome, Reviewed
from frame_studio.gui.batch_setup import BatchSetup
from frame_studio.gui.fix_request import FixRequest
from frame_studio.gui.messages import error_text, note_text
from frame_studio.gui.review_model import (
    ANY,
    FLAGGED,
    FLAGS,
    NOTE,
    NOTES,
    REJECTED_ONLY,
    THUMBNAIL,
    ReviewFilter,
    ReviewModel,
    flag_word,
    is_flagged,
    load_thumbnail,
    status_word,
)
from frame_studio.gui.settings import Settings
from frame_studio.gui.unit_summary import UnitSummary
from frame_studio.gui.workers import Worker, start_worker

log = logging.getLogger(__name__)
STATUS_SAMPLES = ((FRAMED, ()), (FRAMED, ("padded",)), (FRAMED, ("adjusted",)), (SKIPPED, ()), (REJECTED, ()))
ERROR_STYLE = "color: #b3261e; font-weight: 600;"


class BatchWorkspace(QWidget):
    """Frame a whole folder, review what was flagged, fix by hand."""

    fix_requested = Signal(object)
    batch_started = Signal(object)  # the Plan
    batch_finished = Signal(object)  # the Outcome
    batch_failed = Signal(str)  # the message shown

    def __init__(
        self, frames: list[Frame], pool: QThreadPool, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.frames, self.pool, self.settings = frames, pool, settings
        self.workers: int | None = None  # worker processes (None: all cores); tests set 1
        self.plan: Plan | None = None
        self.meter: Meter | None = None
        self.outcome: Outcome | None = None
        self.batch_worker: Worker | None = None
        self._busy = False
        self._stopping = False
        self._order: dict[str, int] = {}
        self._error: Callable[[], str] | None = None
        self._summary: Callable[[], str] | None = None
        self._rate: Callable[[], str] | None = None
        self.model = ReviewModel(self)
        self.model.thumbnail_wanted.connect(self._load_thumbnail)
        self.proxy = ReviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.setAcceptDrops(True)  # a folder dropped here becomes the photo folder
        self._roster_read: str | None = None  # the roster path whose columns are offered
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(300)
        self._shown_out: str | None = None  # the output folder whose batch the list shows
        self._reviewing = False  # an “accept as is” is being written (one at a time)
        self._preview_number = 0  # the latest name preview asked for (older answers are dropped)
        self._out_timer = QTimer(self)
        self._out_timer.setSingleShot(True)
        self._out_timer.setInterval(500)
        self._make_widgets()
        self._build()
        self._connect()
        self.retranslate()
        self._update_buttons()
        self.show_last_batch()
        self._start_preview()

    # -- building ----------------------------------------------------------------------

    def _make_widgets(self) -> None:
        self.setup = BatchSetup(self.frames, self.settings)
        self.start_button, self.cancel_button = QPushButton(), QPushButton()
        self.start_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)  # no “0/1” before a batch
        self.rate_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-weight: 600;")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filter_label, self.filter_box, self.hint_label = QLabel(), QComboBox(), QLabel()
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for mode in (ANY, FLAGGED, REJECTED_ONLY, NOTES, *FLAGS):
            self.filter_box.addItem("", mode)
        self.hint_label.setStyleSheet("color: palette(placeholder-text);")
        self.open_folder_button, self.open_report_button = QPushButton(), QPushButton()
        self.accept_button = QPushButton()
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)  # a long reason takes two lines
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(THUMBNAIL + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, THUMBNAIL + 16)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # sized in retranslate
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 220)
        header.setStretchLastSection(True)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); font-size: 15px;")
        self.unit_summary = UnitSummary()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, "")
        self.tabs.addTab(self.unit_summary, "")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tabs)

    def _build(self) -> None:
        run = QHBoxLayout()
        run.addWidget(self.start_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.progress, 1)
        run.addWidget(self.rate_label)
        review = QHBoxLayout()
        review.addWidget(self.filter_label)
        review.addWidget(self.filter_box)
        review.addSpacing(12)
        review.addWidget(self.hint_label, 1)
        review.addWidget(self.accept_button)
        review.addWidget(self.open_folder_button)
        review.addWidget(self.open_report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.setup)
        layout.addLayout(run)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary_label)
        layout.addLayout(review)
        layout.addWidget(self.stack, 1)

    def _connect(self) -> None:
        self.setup.changed.connect(self._update_buttons)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        self.view.activated.connect(self.request_fix)
        self.open_folder_button.clicked.connect(self.open_output_folder)
        self.open_report_button.clicked.connect(self.open_report)
        self.accept_button.clicked.connect(self.accept_current)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.unit_summary.open_requested.connect(self.open_summary)
        self.setup.changed.connect(self._preview_timer.start)
        self.setup.naming.preview_wanted.connect(self._start_preview)
        self._preview_timer.timeout.connect(self._start_preview)
        self.setup.out_edit.textChanged.connect(self._out_timer.start)
        self._out_timer.timeout.connect(self._output_changed)

    def set_frames(self, frames: list[Frame]) -> None:
        """Offer a new list of frames (a variant was saved)."""
        self.frames = frames
        self.setup.set_frames(frames)

    def retranslate(self) -> None:
        """Set every visible text (called again when the language changes)."""
        self.setup.retranslate()
        widest = self.tr("{rate} · còn khoảng {eta}").format(rate="88,8 ảnh/giây", eta="88 phút 88 giây")
        self.rate_label.setMinimumWidth(self.rate_label.fontMetrics().horizontalAdvance(widest))
        self.start_button.setText(self.tr("Bắt đầu"))
        self.cancel_button.setText(self.tr("Dừng"))
        self.progress.setFormat(self.tr("%v/%m ảnh"))
        self.filter_label.setText(self.tr("Hiển thị:"))
        self.hint_label.setText(self.tr("Nhấp đúp vào một ảnh để chỉnh tay trong “Ảnh của tôi”."))
        self.accept_button.setText(self.tr("Đã xem, giữ nguyên"))
        self.accept_button.setToolTip(self.tr("Ảnh này đã được xem và dùng được như hiện tại (Ctrl+Enter)"))
        self.accept_button.setShortcut("Ctrl+Return")
        self.tabs.setTabText(0, self.tr("Danh sách ảnh"))
        self.tabs.setTabText(1, self.tr("Tổng hợp theo đơn vị"))
        self.unit_summary.retranslate()
        self.open_folder_button.setText(self.tr("Mở thư mục kết quả"))
        self.open_report_button.setText(self.tr("Mở báo cáo"))
        self.empty_label.setText(
            self.tr("Chưa có kết quả. Chọn thư mục ảnh và thư mục kết quả, rồi bấm “Bắt đầu”.")
        )
        self.model.retranslate()
        self._fit_status_column()
        self._update_filter_texts()
        self._show_texts()

    def _fit_status_column(self) -> None:
        """Wide enough for the longest status word (measuring rows would slow a big batch)."""
        samples = [status_word(JobResult("", status, flags=flags)) for status, flags in STATUS_SAMPLES]
        samples.append(str(self.model.headerData(2, Qt.Orientation.Horizontal)))
        metrics = self.view.fontMetrics()
        self.view.horizontalHeader().resizeSection(2, max(metrics.horizontalAdvance(t) for t in samples) + 24)

    def duration_text(self, seconds: float) -> str:
        """“1 phút 5 giây” and the like."""
        seconds = round(seconds)
        if seconds < 60:
            return self.tr("{s} giây").format(s=seconds)
        if seconds < 3600:
            return self.tr("{m} phút {s} giây").format(m=seconds // 60, s=seconds % 60)
        return self.tr("{h} giờ {m} phút").format(h=seconds // 3600, m=seconds % 3600 // 60)

    def _show_texts(self) -> None:
        for label, text in (
            (self.error_label, self._error),
            (self.summary_label, self._summary),
            (self.rate_label, self._rate),
        ):
            label.setText(text() if text else "")
            label.setVisible(text is not None)

    @property
    def frame(self) -> Frame:
        """The frame chosen for the batch."""
        return self.setup.frame

    # -- dropping a folder ---------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Take a folder (or a roster file) while no batch runs; anything else goes to the window."""
        if self.setup.takes(self._dropped_paths(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        if self.setup.take_dropped(self._dropped_paths(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- running -----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._busy

    def start(self) -> Worker | None:
        """Plan the batch on a worker; running starts when the plan is ready."""
        if self._busy:
            return None
        in_dir, out_dir = self.setup.in_dir, self.setup.out_dir
        self._set_texts(error=None, summary=None, rate=None)
        if not in_dir or not out_dir:
            missing = self.tr("Hãy chọn thư mục ảnh.") if not in_dir else self.tr("Hãy chọn thư mục kết quả.")
            self._fail(lambda: missing)
            return None
        self._busy, self._stopping = True, False
        self._shown_out = out_dir
        self.plan, self.meter, self.outcome = None, None, None
        self.model.clear()
        self._show_summary(None)
        self.stack.setCurrentWidget(self.empty_label)
        self.progress.setRange(0, 0)  # busy until the plan is known
        self._set_texts(rate=lambda: self.tr("Đang lập danh sách ảnh…"))
        self._update_buttons()
        settings = self.setup.batch_settings()
        worker = Worker(batch_run.prepare, in_dir, out_dir, settings, self.setup.roster)
        worker.signals.finished.connect(self._planned)
        worker.signals.failed.connect(self._plan_failed)
        return start_worker(self.pool, worker)

    def _plan_failed(self, error: BaseException, trace: str) -> None:
        self._busy = False
        self.progress.setRange(0, 1)
        self._set_texts(rate=None)
        if isinstance(error, FrameStudioError):
            path = f" ({error.path})" if error.path else ""
            is_roster = isinstance(error, RosterError)

            def text() -> str:
                prefix = self.tr("Danh sách cán bộ:") if is_roster else self.tr("Không bắt đầu được:")
                return f"{prefix} {error_text(error.code, error.message)}{path}"

            self._fail(text)
        else:
            log.error("planning the batch failed:\n%s", trace)
            self._fail(
                lambda: self.tr("Không bắt đầu được: lỗi không mong đợi ({error})").format(error=error)
            )
        self._update_buttons()

    def _fail(self, text: Callable[[], str]) -> None:
        self._set_texts(error=text)
        self.batch_failed.emit(text())

    def _planned(self, plan: Plan) -> None:
        self.plan = plan
        if self._stopping:
            self._done(Outcome([]))
            return
        self.meter = Meter(len(plan.jobs))
        self._order = {job.name: index for index, job in enumerate(plan.jobs)}
        self.progress.setRange(0, max(1, len(plan.jobs)))
        self.progress.setValue(0)
        self.progress.setTextVisible(bool(plan.jobs))
        self._set_texts(rate=lambda: self.tr("Đang khởi động…"))
        if plan.notes:
            self._set_texts(summary=lambda: self._notes_text(plan))
            self.model.add_notes(plan.notes, len(plan.jobs))
            self.stack.setCurrentWidget(self.tabs)
            self._update_filter_texts()
        self._run(plan, wait=False)
        self._update_buttons()
        self.batch_started.emit(plan)

    def _run(self, plan: Plan, *, wait: bool) -> None:
        worker = Worker(batch_run.run, plan, workers=self.workers, wait=wait)
        worker.kwargs["cancel"] = worker.cancel
        worker.signals.progressed.connect(self._progressed)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._run_failed)
        self.batch_worker = start_worker(self.pool, worker)

    def _notes_text(self, plan: Plan) -> str:
        text = self.tr("%n ghi chú khi lập danh sách (xem trong danh sách bên dưới).", "", len(plan.notes))
        self.summary_label.setToolTip("\n".join(note_text(note) for note in plan.notes))
        return text

    def _progressed(self, result: JobResult) -> None:
        if self.plan is None or self.meter is None:
            return
        self.model.add(result, self._order.get(result.input, len(self._order)))
        self.stack.setCurrentWidget(self.tabs)
        self.meter.advance(result)
        self.progress.setValue(self.meter.done)
        self._set_texts(rate=self._rate_text)
        self._update_filter_texts()

    def _rate_text(self) -> str:
        meter = self.meter
        if meter is None or meter.rate is None:
            return self.tr("Đang khởi động…")
        rate = self.tr("{rate} ảnh/giây").format(rate=f"{meter.rate:.1f}".replace(".", ","))
        if meter.eta is None or meter.done >= meter.total:
            return rate
        return self.tr("{rate} · còn khoảng {eta}").format(rate=rate, eta=self.duration_text(meter.eta))

    def _run_failed(self, error: BaseException, trace: str) -> None:
        plan = self.plan
        if (
            isinstance(error, FolderBusyError)
            and plan is not None
            and not self._stopping
            and self._ask_to_wait(error)
        ):
            self._set_texts(rate=lambda: self.tr("Đang đợi loạt ảnh kia ghi xong…"))
            self._run(plan, wait=True)
            return
        self.batch_worker, self._busy, self._stopping = None, False, False
        self._set_texts(rate=None)
        if isinstance(error, FrameStudioError):
            reason = error_text(error.code, error.message)
            self._fail(lambda: self.tr("Không bắt đầu được: {reason}").format(reason=reason))
        else:
            log.error("the batch stopped on an error:\n%s", trace)
            self._fail(lambda: self.tr("Loạt ảnh dừng vì lỗi: {error}").format(error=error))
        self._update_buttons()

    def _ask_to_wait(self, error: FolderBusyError) -> bool:
        """Another batch holds the output folder: wait for it (the Stop button still stops)?"""
        computer = error.computer or self.tr("một máy khác")
        where = (
            self.tr("trên máy {computer}, từ {since}").format(computer=computer, since=error.since)
            if error.since
            else self.tr("trên máy {computer}").format(computer=computer)
        )
        return ask.ask(
            self,
            self.tr("Thư mục kết quả đang bận"),
            self.tr(
                "Một loạt ảnh khác đang ghi vào thư mục này ({detail}).\n\n"
                "Đợi loạt ảnh đó xong rồi tự bắt đầu?"
            ).format(detail=where),
            yes=self.tr("Đợi"),
            no=self.tr("Không đợi"),
        )

    def cancel(self) -> None:
        """Stop after the photos in flight (finished work and the reports are kept)."""
        if not self._busy:
            return
        self._stopping = True
        if self.batch_worker is not None:
            self.batch_worker.cancel.set()
        self._set_texts(rate=lambda: self.tr("Đang dừng sau các ảnh đang xử lý…"))
        self._update_buttons()

    def stop(self) -> None:
        """Stop a running batch (the window is closing)."""
        self.cancel()

    def _done(self, outcome: Outcome) -> None:
        self.outcome, self.batch_worker, self._busy = outcome, None, False
        self.plan = outcome.plan or self.plan  # fixes by hand go to the outputs as run
        plan, meter = self.plan, self.meter
        stopped = self._stopping and plan is not None and len(outcome.results) < len(plan.jobs)
        self._stopping = False
        elapsed = meter.elapsed if meter else 0.0
        self._set_texts(rate=lambda: self.tr("Thời gian: {time}").format(time=self.duration_text(elapsed)))
        notes = [*(plan.notes if plan else []), *outcome.files.notes]

        def summary() -> str:  # the notes follow a change of language with the summary
            tip = "\n".join(note_text(note) for note in notes) if notes else str(outcome.report or "")
            self.summary_label.setToolTip(tip)
            return self._summary_text(outcome, plan, stopped)

        self._set_texts(summary=summary)
        problems = outcome.files.problems
        if problems:
            self._set_texts(error=lambda: self._problems_text(problems))
        self._show_summary(outcome.summary)
        self._update_buttons()
        self.batch_finished.emit(outcome)

    def _problems_text(self, problems: list[FrameStudioError]) -> str:
        lines = [
            self.tr("Không ghi được {file}: {reason}").format(
                file=Path(problem.path or "").name, reason=error_text(problem.code, problem.message)
            )
            for problem in problems
        ]
        return "\n".join(lines)

    def _summary_text(self, outcome: Outcome, plan: Plan | None, stopped: bool) -> str:
        numbers = Counter(result.status for result in outcome.results)
        flagged = sum(is_flagged(result) for result in self.model.results())  # follows the fixes
        counts = ", ".join(
            (
                self.tr("%n ảnh đã gắn khung", "", numbers[FRAMED]),
                self.tr("%n đã có từ lần trước", "", numbers[SKIPPED]),
                self.tr("%n không xử lý được", "", numbers[REJECTED]),
            )
        )
        parts = counts + "; " + self.tr("%n ảnh cần xem lại", "", flagged)
        if plan is not None and plan.ignored:
            parts += "; " + self.tr("bỏ qua %n tệp hệ thống (Thumbs.db, desktop.ini…)", "", plan.ignored)
        total = len(plan.jobs) if plan else 0
        if stopped:
            left = total - len(outcome.results)
            return self.tr(
                "Đã dừng giữa chừng: {parts}; còn %n ảnh chưa làm (bấm “Bắt đầu” để làm tiếp).", "", left
            ).format(parts=parts)
        if not total:
            return self.tr("Thư mục ảnh không có tệp nào.")
        return self.tr("Xong: {parts}.").format(parts=parts)

    def _set_texts(self, **texts: Callable[[], str] | None) -> None:
        for name, text in texts.items():
            setattr(self, f"_{name}", text)
        self._show_texts()

    def _update_buttons(self) -> None:
        busy = self._busy
        self.start_button.setEnabled(not busy)
        self.setup.set_editable(not busy)
        self.cancel_button.setEnabled(busy and not self._stopping)
        out = self.setup.out_dir
        self.open_folder_button.setEnabled(bool(out) and Path(out).is_dir())
        self.open_report_button.setEnabled(self.report_path() is not None)
        current = self.proxy.result_at(self.view.currentIndex())
        self.accept_button.setEnabled(
            not busy
            and not self._reviewing
            and self.plan is not None
            and current is not None
            and is_flagged(current)
        )

    # -- review ------------------------------------------------------------------------

    def _filter_changed(self) -> None:
        self.proxy.set_mode(str(self.filter_box.currentData()))

    def set_filter(self, mode: str) -> None:
        """Show `all`, `flagged`, `rejected`, or one flag such as `no_face`."""
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(mode)))

    def _update_filter_texts(self) -> None:
        numbers = self.model.tally
        names = {
            ANY: self.tr("Tất cả"),
            FLAGGED: self.tr("Cần xem lại"),
            REJECTED_ONLY: self.tr("Không xử lý được"),
            NOTES: self.tr("Ghi chú danh sách"),
        }
        for index in range(self.filter_box.count()):
            mode = str(self.filter_box.itemData(index))
            name = names.get(mode) or "— " + flag_word(mode)
            self.filter_box.setItemText(index, f"{name} ({numbers.get(mode, 0)})")

    def _load_thumbnail(self, name: str, path: str) -> None:
        worker = Worker(load_thumbnail, path, context=name)
        worker.signals.finished.connect(self._thumbnail_loaded)
        start_worker(self.pool, worker)

    def _thumbnail_loaded(self, image: QImage | None, name: str) -> None:
        self.model.set_thumbnail(name, image)

    def request_fix(self, index: QModelIndex) -> FixRequest | None:
        """Ask the Photo workspace to fix one framed photo by hand (double-click or Enter)."""
        result, plan = self.proxy.result_at(index), self.plan
        if result is None or result.status == NOTE:
            return None
        if plan is None:  # the last batch, shown again, but its photo folder cannot be read now
            self._set_texts(error=lambda: self.tr("Hãy chọn lại thư mục ảnh của lần trước rồi chỉnh ảnh."))
            return None
        if self._busy:
            self._set_texts(error=lambda: self.tr("Hãy đợi loạt ảnh chạy xong rồi chỉnh từng ảnh."))
            return None
        if result.status == REJECTED:
            self._set_texts(
                error=lambda: self.tr("Ảnh không xử lý được thì không chỉnh tay được: {reason}").format(
                    reason=error_text(result.code, result.reason)
                )
            )
            return None
        self._set_texts(error=None)
        job = next((job for job in plan.jobs if job.name == result.input), None)
        if job is None:  # the photo was moved or renamed since
            self._set_texts(error=lambda: self.tr("Ảnh này không còn trong thư mục ảnh."))
            return None
        request = FixRequest(
            source=job.source,
            frame_id=plan.frame.id,
            placement=batch_run.batch_placement(result),
            apply=partial(batch_run.refix, plan, result.input),
            applied=partial(self._fix_applied, plan),
            person=(result.staff.name, result.staff.unit) if result.staff else ("", ""),
        )
        self.fix_requested.emit(request)
        return request

    def _fix_applied(self, plan: Plan, reviewed: object) -> None:
        if plan is not self.plan or not isinstance(reviewed, Reviewed):
            return
        self.model.replace(reviewed.result)
        if reviewed.summary is not None:
            self._show_summary(reviewed.summary)
        problem = reviewed.problem
        if problem is None:
            self._set_texts(error=None)
        else:
            self._set_texts(error=lambda: self._problems_text([problem]))
        self._show_texts()  # the summary line counts what still needs review
        self._update_filter_texts()
        self._update_buttons()

    def accept_current(self) -> Worker | None:
        """“Accept as is” the selected photo: it was looked at and is fine as it is."""
        result, plan = self.proxy.result_at(self.view.currentIndex()), self.plan
        if result is None or plan is None or self._busy or self._reviewing or not is_flagged(result):
            return None
        worker = Worker(batch_run.accept, plan, result, context=plan)
        worker.signals.finished.connect(self._accepted)
        worker.signals.failed.connect(self._review_failed)
        self._reviewing = True
        self._update_buttons()
        return start_worker(self.pool, worker)

    def _accepted(self, reviewed: Reviewed, plan: Plan) -> None:
        self._reviewing = False
        self._fix_applied(plan, reviewed)
        self._update_buttons()

    def _review_failed(self, error: BaseException, trace: str, _plan: Plan) -> None:
        self._reviewing = False
        if isinstance(error, KeyError):
            self._set_texts(error=lambda: self.tr("Ảnh này không còn trong thư mục ảnh."))
        elif isinstance(error, FrameStudioError):
            reason = error_text(error.code, error.message)
        else:
            log.error("accepting a photo failed:\n%s", trace)
            reason = str(error)
        self._set_texts(error=lambda: self.tr("Không ghi được: {reason}").format(reason=reason))
        self._update_buttons()

    # -- the per-unit summary ------------------------------------------------------------

    def _show_summary(self, summary: Summary | None) -> None:
        self.unit_summary.show_summary(summary)
        self.tabs.setTabEnabled(1, summary is not None)
        self.unit_summary.open_button.setEnabled(self.summary_file() is not None)

    def _out_dir(self) -> Path | None:
        """The output folder of the batch shown (else the one chosen in the form)."""
        if self.plan is not None:
            return self.plan.out_dir
        return Path(self.setup.out_dir) if self.setup.out_dir else None

    def summary_file(self) -> Path | None:
        """The per-unit summary workbook of the output folder, when there is one."""
        out = self._out_dir()
        path = summary_path(out) if out else None
        return path if path is not None and path.is_file() else None

    def open_summary(self) -> None:
        path = self.summary_file()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.resolve())))

    # -- the last batch, shown again at start ---------------------------------------------

    def _output_changed(self) -> None:
        """Another output folder was chosen: show its last batch instead (none: an empty list)."""
        if self._busy or self.setup.out_dir == self._shown_out:
            return
        self._shown_out, self.plan, self.outcome = None, None, None
        self.model.clear()
        self._show_summary(None)
        self.stack.setCurrentWidget(self.empty_label)
        self._set_texts(error=None, summary=None, rate=None)
        self._update_filter_texts()
        self.show_last_batch()

    def show_last_batch(self) -> Worker | None:
        """Read the output folder's last report on a worker and show it (nothing when none)."""
        out = self.setup.out_dir
        if not out or self._busy:
            return None
        settings = self.setup.batch_settings()
        worker = Worker(
            batch_run.last_batch, self.setup.in_dir, out, settings, self.setup.roster, context=out
        )
        worker.signals.finished.connect(self._last_batch_read)
        return start_worker(self.pool, worker)

    def _last_batch_read(self, last: LastBatch, out: str) -> None:
        if self._busy or self.model.rows or out != self.setup.out_dir or not last.results:
            return  # a batch started meanwhile, another folder was chosen, or nothing to show
        self._shown_out, self.plan = out, last.plan
        self.model.extend(last.results)
        if last.plan is not None:
            self.model.add_notes(last.plan.notes, len(last.results))
        self.stack.setCurrentWidget(self.tabs)
        self._show_summary(last.summary)
        self._set_texts(summary=self._restored_text)
        problem = last.problem
        if problem is not None:
            reason = error_text(problem.code, problem.message)
            path = f" ({problem.path})" if problem.path else ""
            self._set_texts(
                error=lambda: self.tr("Chưa chỉnh được ảnh nào của lần trước: {reason}{path}").format(
                    reason=reason, path=path
                )
            )
        self._update_filter_texts()
        self._update_buttons()

    def _restored_text(self) -> str:
        """The last batch's count, and how many still need review (it follows the fixes)."""
        results = self.model.results()
        flagged = sum(is_flagged(result) for result in results)
        text = self.tr("Kết quả lần trước: %n ảnh", "", len(results))
        return text + "; " + self.tr("%n ảnh cần xem lại", "", flagged) + "."

    # -- file names from the roster ------------------------------------------------------

    def _start_preview(self) -> Worker | None:
        """Read the roster (when it changed) and preview the names, on a worker."""
        roster = self.setup.roster
        if not roster:
            self._preview_number += 1  # an answer still on its way is for a roster no longer chosen
            self._roster_read = None
            self.setup.naming.set_roster(None)
            return None
        self._preview_number += 1
        context = (self._preview_number, roster)
        worker = Worker(batch_run.preview, roster, self.setup.batch_settings(), context=context)
        worker.signals.finished.connect(self._previewed)
        worker.signals.failed.connect(self._preview_failed)
        return start_worker(self.pool, worker)

    def _previewed(self, read: NamePreview, asked: tuple[int, str]) -> None:
        number, path = asked
        if number != self._preview_number:
            return  # a newer preview was asked for meanwhile (another template or roster)
        if self._roster_read != path:
            self._roster_read = path
            self.setup.naming.set_roster(read.roster)
        problem = read.problem
        self.setup.naming.set_preview(
            read.names, error_text(problem.code, problem.message) if problem else ""
        )

    def _preview_failed(self, error: BaseException, trace: str, asked: tuple[int, str]) -> None:
        if asked[0] != self._preview_number:
            return
        if isinstance(error, RosterError):
            self._roster_read = None
            self.setup.naming.set_roster(None)
        if isinstance(error, FrameStudioError):
            self.setup.naming.set_preview([], error_text(error.code, error.message))
        else:
            log.error("previewing the names failed:\n%s", trace)

    def report_path(self) -> Path | None:
        """The CSV report of the output folder, when there is one."""
        out = self._out_dir()
        if out is None:
            return None
        csv = report_paths(out)[1]
        return csv if csv.is_file() else None

    def open_output_folder(self) -> None:
        out = self.setup.out_dir
        if out and Path(out).is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(out).resolve())))

    def open_report(self) -> None:
        report = self.report_path()
        if report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.resolve())))
