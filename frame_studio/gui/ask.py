"""Questions and notices whose buttons speak the UI's language.

Qt's standard buttons (Yes, No, OK, Cancel) are English here: Qt's own translations are
not bundled. These helpers name every button through the app's translations, so the
buttons follow the language menu like the rest of the window. Callers may give verbs that
read better than yes and no ("Thay" / "Giữ nguyên").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget


def question_box(
    parent: QWidget | None, title: str, text: str, *, yes: str | None = None, no: str | None = None
) -> QMessageBox:
    """A question with two named buttons: yes (the default) and no (also Esc)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes or QCoreApplication.translate("ask", "Có"), QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no or QCoreApplication.translate("ask", "Không"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes_button)
    box.setEscapeButton(no_button)
    return box


def ask(
    parent: QWidget | None, title: str, text: str, *, yes: str | None = None, no: str | None = None
) -> bool:
    """Ask and wait: True when the person chose `yes` ("Có" unless named)."""
    box = question_box(parent, title, text, yes=yes, no=no)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.YesRole


def notice_box(parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon) -> QMessageBox:
    """A notice with one button, "Đóng"; the caller shows it (open() does not block the app)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    close = box.addButton(QCoreApplication.translate("ask", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Show a warning and wait until it is closed."""
    notice_box(parent, title, text, QMessageBox.Icon.Warning).exec()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text: what was typed, or None when the person cancelled."""
    dialog = QInputDialog(parent)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setOkButtonText(QCoreApplication.translate("ask", "Tiếp tục"))
    dialog.setCancelButtonText(QCoreApplication.translate("ask", "Hủy"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()
