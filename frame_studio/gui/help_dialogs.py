"""The Help menu's windows: the user guide and “About” (version, licences of bundled files).

The guide is `assets/guide/huong-dan.md` (a copy of `docs/huong-dan.md`, bundled with the
app like every file under assets/), shown with QTextBrowser's Markdown support. Its
pictures are not bundled: an image whose file is missing is left out rather than shown
broken. Web links open in the browser; links to other repository files are not followed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from frame_studio import __version__
from frame_studio.core.assets import asset_path

GUIDE = ("guide", "huong-dan.md")
FONT_LICENCE = ("fonts", "OFL.txt")
MODEL_LICENCE = ("models", "LICENSE-yunet.txt")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
WEB_SCHEMES = ("http", "https", "mailto")


def guide_markdown(path: Path | None = None) -> str:
    """The guide's Markdown, without the pictures that are not beside it."""
    path = path or asset_path(*GUIDE)
    text = path.read_text(encoding="utf-8")

    def keep_if_present(match: re.Match[str]) -> str:
        return match.group(0) if (path.parent / match.group(2)).is_file() else ""

    return IMAGE.sub(keep_if_present, text)


class LinkBrowser(QTextBrowser):
    """A read-only browser that sends web links to the system browser and follows no others."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.follow)

    def follow(self, url: QUrl) -> None:
        if url.scheme() in WEB_SCHEMES:
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())


def name_close_button(buttons: QDialogButtonBox) -> None:
    """Qt's own “Close” is English (its translations are not bundled): name it here."""
    button = buttons.button(QDialogButtonBox.StandardButton.Close)
    if button is not None:
        button.setText(QCoreApplication.translate("help_dialogs", "Đóng"))


class GuideDialog(QDialog):
    """The user guide (Vietnamese), in a window beside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = LinkBrowser()
        self.browser.setSearchPaths([str(asset_path(GUIDE[0]))])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.resize(760, 640)
        self.retranslate()
        try:
            self.browser.setMarkdown(guide_markdown())
        except OSError as error:
            self.browser.setPlainText(
                self.tr("Không đọc được hướng dẫn ({error}).").format(error=error.strerror or error)
            )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        name_close_button(self.buttons)


def licence_text(*parts: str) -> str:
    """A bundled licence file's text (or a line saying it is missing)."""
    try:
        return asset_path(*parts).read_text(encoding="utf-8")
    except OSError:
        return "/".join(parts) + ": ?"


class AboutDialog(QDialog):
    """The version and the licences of what the app bundles (font, face model, Qt)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.browser = LinkBrowser()
        self.qt_button = QPushButton()
        self.qt_button.clicked.connect(self.about_qt)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.qt_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Giới thiệu Frame Studio"))
        self.qt_button.setText(self.tr("Về Qt"))
        name_close_button(self.buttons)
        version = self.tr("Phiên bản {version}").format(version=__version__)
        purpose = self.tr("Gắn khung chào mừng lên ảnh đại diện, ngay trên máy tính của bạn.")
        self.heading.setText(f"<h2>Frame Studio</h2><p>{html.escape(version)}<br>{html.escape(purpose)}</p>")
        sections = (
            (
                self.tr("Phông chữ Be Vietnam Pro"),
                self.tr("Giấy phép SIL Open Font License 1.1 (toàn văn bên dưới)."),
                licence_text(*FONT_LICENCE),
            ),
            (
                self.tr("Mô hình nhận diện khuôn mặt YuNet (OpenCV Zoo)"),
                self.tr("Giấy phép MIT (toàn văn bên dưới)."),
                licence_text(*MODEL_LICENCE),
            ),
        )
        parts = [
            f"<h3>{html.escape(title)}</h3><p>{html.escape(summary)}</p>"
            f'<p style="white-space: pre-wrap">{html.escape(text)}</p>'  # wrapped: no sideways scrolling
            for title, summary, text in sections
        ]
        qt = self.tr("Giao diện dùng Qt for Python (PySide6), giấy phép LGPL phiên bản 3: bấm “Về Qt”.")
        parts.append(f"<h3>Qt</h3><p>{html.escape(qt)}</p>")
        self.browser.setHtml("".join(parts))

    def about_qt(self) -> None:
        QApplication.aboutQt()
