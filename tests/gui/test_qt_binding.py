"""The Qt binding keeps Python's references straight (what pinned PySide6 below 6.12).

PySide6 6.12.0 drops one reference to `True`/`False` each time a signal carries a Python
bool, whether or not anything is connected, and a clicked(bool) delivered to a method
slot drops one to `None`. The app emits bools (toggles, clicked) all the time, so after
enough of them Python frees `True` and aborts with "bool_dealloc", usually at exit. These
tests fail on such a binding; see docs/decisions/0006-pyside-pin.md.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

EMITS = 20


class Carrier(QObject):
    flag = Signal(bool)
    anything = Signal(object)


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[object] = []

    def take(self, value: object) -> None:
        self.seen.append(value)


@pytest.mark.parametrize("signal", ["flag", "anything"])
@pytest.mark.parametrize("value", [True, False])
def test_emitting_a_bool_keeps_its_references(qtbot: QtBot, signal: str, value: bool) -> None:
    carrier, receiver = Carrier(), Receiver()
    getattr(carrier, signal).connect(receiver.take)
    before = sys.getrefcount(value)
    for _ in range(EMITS):
        getattr(carrier, signal).emit(value)
    receiver.seen.clear()
    assert sys.getrefcount(value) == before


def test_a_click_delivered_to_a_method_keeps_references(qtbot: QtBot) -> None:
    button, receiver = QPushButton(), Receiver()
    qtbot.addWidget(button)
    button.clicked.connect(receiver.take)
    clicks = 200
    before = sys.getrefcount(None), sys.getrefcount(False)
    for _ in range(clicks):
        button.click()
    assert receiver.seen == [False] * clicks
    receiver.seen.clear()
    lost = before[0] - sys.getrefcount(None), before[1] - sys.getrefcount(False)
    assert max(lost) < clicks // 10  # the counts move a little on their own; 6.12.0 loses one per click
