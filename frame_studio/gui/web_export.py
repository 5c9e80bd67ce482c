"""Export the campaign web page from the Frames workspace: ask what and where, write on a worker.

The page (core/web_page.py) lets staff frame their photo on their phone; the photo never
leaves the phone. The comms team gives the campaign's details (the pack dialog), the
address where the agency will put the page (for its QR code; may be left empty) and a
folder. A folder holding files of the same names that Frame Studio did not write is only
replaced after asking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from frame_studio.core.campaign import Campaign
from frame_studio.core.errors import FrameStudioError
from frame_studio.core.frames import Frame
from frame_studio.core.lint import link_advice
from frame_studio.core.web_page import WebExport, export_web_page
from frame_studio.gui import ask
from frame_studio.gui.messages import failure_text
from frame_studio.gui.pack_export import DOCUMENTS, PackExportDialog, remember_folder, start_folder
from frame_studio.gui.workers import Worker, start_worker

WebRequest = tuple[Path, tuple[Frame, ...], Campaign, str | None]


class WebPageExporter(QObject):
    """Asks for the page's details, exports it on the pool, and says how it went."""

    exported = Signal(object)  # the WebExport
    failed = Signal(str)  # a sentence for the person

    def __init__(self, pool: QThreadPool, parent: QWidget) -> None:
        super().__init__(parent)
        self.pool, self.window = pool, parent

    def choose(self, frames: list[Frame], link: str) -> Worker | None:
        """Ask for the campaign, the page's address and a folder, then export."""
        if not frames:
            return None
        dialog = PackExportDialog(frames, link, self.window)
        if dialog.exec() != PackExportDialog.DialogCode.Accepted:
            return None
        suggested = "" if not link or link_advice(link) else link
        url = ask.ask_text(
            self.window,
            self.tr("Địa chỉ trang web"),
            self.tr("Địa chỉ nơi cơ quan sẽ đăng trang (để in vào mã QR; có thể để trống):"),
            suggested,
        )
        if url is None:
            return None
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Chọn thư mục lưu trang web"), start_folder("web-out", DOCUMENTS)
        )
        if not folder:
            return None
        remember_folder("web-out", Path(folder))
        return self.export(Path(folder), frames, dialog.campaign(), url.strip() or None)

    def export(
        self,
        folder: Path,
        frames: list[Frame],
        campaign: Campaign,
        url: str | None,
        *,
        overwrite: bool = False,
    ) -> Worker:
        """Write the page into `folder` on a worker."""
        request: WebRequest = (folder, tuple(frames), campaign, url)
        worker = Worker(export_web_page, folder, frames, campaign, url, overwrite=overwrite, context=request)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        return start_worker(self.pool, worker)

    def _done(self, result: WebExport) -> None:
        self.exported.emit(result)

    def _failed(self, error: BaseException, _trace: str, request: WebRequest) -> None:
        if isinstance(error, FrameStudioError) and error.code == "foreign_files" and self._may_replace(error):
            folder, frames, campaign, url = request
            self.export(folder, list(frames), campaign, url, overwrite=True)
            return
        self.failed.emit(self.tr("Không xuất được trang web: {error}").format(error=failure_text(error)))

    def _may_replace(self, error: FrameStudioError) -> bool:
        return ask.ask(
            self.window,
            self.tr("Thư mục đã có tệp khác"),
            self.tr(
                "Thư mục {folder} đã có tệp trùng tên với tệp của trang web mà Frame Studio không ghi ra. "
                "Thay các tệp đó bằng trang web?"
            ).format(folder=error.path or ""),
            yes=self.tr("Thay"),
            no=self.tr("Giữ nguyên"),
        )
