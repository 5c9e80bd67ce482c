"""A label's message that is drawn again in the new language when the language changes.

A status message is often set once, after some work ended ("Đã xuất gói …"). Keeping how
to write it, rather than the words, lets `retranslate` write it again in English or
Vietnamese without redoing the work.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel


class LiveText:
    """The message of one label, kept as a function that writes it in the current language."""

    def __init__(self, label: QLabel) -> None:
        self.label = label
        self.render: Callable[[], str] | None = None

    def show(self, render: Callable[[], str]) -> None:
        """Show `render()` now, and again after each language change."""
        self.render = render
        self.label.setText(render())

    def clear(self) -> None:
        self.render = None
        self.label.setText("")

    def retranslate(self) -> None:
        if self.render is not None:
            self.label.setText(self.render())
