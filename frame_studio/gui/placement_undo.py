"""Undo and redo for hand placement: each edit is stored relative to the automatic placement.

An `Adjustment` is what the hand changed on top of the automatic placement, in the
window's own units: the offset of the window's centre (in automatic-window heights, along
the automatic window's axes), the zoom (automatic span over the hand's span) and the extra
turn. Stored this way, an edit survives a change of frame or of head levelling: the new
automatic placement gets the same offset, zoom and turn. A drag or a slider move is one
`PlacementCommand`; consecutive nudges (wheel, arrow keys, keyboard on a slider) merge into
one step while they follow each other closely. `PlacementHistory` holds the stack and the
Undo and Redo actions for an editor widget; `AdjustmentSliders` are the zoom and turn
sliders, which show the adjustment whatever changed it and record their own moves.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QSlider, QWidget

from frame_studio.core.placement import Placement
from frame_studio.gui.canvas import PlacementCanvas

#: Nudges closer together than this (seconds) are undone as one step.
MERGE_SECONDS = 1.0
NUDGE_ID = 0x5F5E  # QUndoCommand.id() of mergeable nudges; -1 (the default) never merges


def _turned(x: float, y: float, degrees: float) -> tuple[float, float]:
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (cos * x - sin * y, sin * x + cos * y)


def _wrapped(degrees: float) -> float:
    return (degrees + 180) % 360 - 180


@dataclass(frozen=True)
class Adjustment:
    """The hand's change over the automatic placement (identity: no change).

    Attributes:
        dx: the window centre's offset along the automatic window's x axis, in its heights.
        dy: the same along its y axis.
        zoom: how many times larger the photo shows than automatically.
        turn: extra clockwise turn of the window in the photo, in degrees.
    """

    dx: float = 0.0
    dy: float = 0.0
    zoom: float = 1.0
    turn: float = 0.0


def adjustment_of(auto: Placement, placement: Placement) -> Adjustment:
    """What `placement` changes over `auto`."""
    sx, sy = placement.center[0] - auto.center[0], placement.center[1] - auto.center[1]
    dx, dy = _turned(sx, sy, -auto.angle)
    return Adjustment(
        dx / auto.span, dy / auto.span, auto.span / placement.span, _wrapped(placement.angle - auto.angle)
    )


def adjusted(auto: Placement, adjustment: Adjustment) -> Placement:
    """`auto` with `adjustment` applied (the inverse of `adjustment_of`)."""
    sx, sy = _turned(adjustment.dx * auto.span, adjustment.dy * auto.span, auto.angle)
    center = (auto.center[0] + sx, auto.center[1] + sy)
    return Placement(center, auto.span / adjustment.zoom, _wrapped(auto.angle + adjustment.turn))


class PlacementCommand(QUndoCommand):
    """One undoable placement edit; `apply` shows an adjustment (a bound method of the editor).

    The edit is already on screen when the command is pushed, so the first `redo` (which
    QUndoStack.push calls) does nothing.
    """

    def __init__(
        self,
        apply: Callable[[Adjustment], None],
        before: Adjustment,
        after: Adjustment,
        text: str,
        *,
        mergeable: bool = False,
    ) -> None:
        super().__init__(text)
        self.apply, self.before, self.after = apply, before, after
        self.mergeable = mergeable
        self.last = time.monotonic()
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self.apply(self.after)
        self._pushed = True

    def undo(self) -> None:
        self.apply(self.before)

    def id(self) -> int:
        return NUDGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, PlacementCommand) or other.id() != self.id():
            return False
        if other.last - self.last > MERGE_SECONDS:
            return False
        self.after, self.last = other.after, other.last
        self.setText(other.text())
        self.setObsolete(self.after == self.before)
        return True


class PlacementHistory(QObject):
    """The undo stack of one canvas, and Undo/Redo actions whose keys work anywhere in `editor`.

    `auto` returns the current automatic placement: edits are stored relative to it, and
    undoing shows the stored adjustment over whatever it is then (another frame, levelling).
    """

    def __init__(
        self, editor: QWidget, canvas: PlacementCanvas, auto: Callable[[], Placement | None]
    ) -> None:
        super().__init__(editor)
        self.canvas, self.auto = canvas, auto
        self.stack = QUndoStack(self)
        self.undo_action, self.redo_action = QAction(editor), QAction(editor)
        self.undo_action.triggered.connect(self.stack.undo)
        self.redo_action.triggered.connect(self.stack.redo)
        self.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.stack.canRedoChanged.connect(self.redo_action.setEnabled)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # line edits keep theirs
            editor.addAction(action)
        self.retranslate()

    def retranslate(self) -> None:
        self.undo_action.setText(self.tr("Hoàn tác"))
        self.undo_action.setToolTip(self.tr("Hoàn tác thao tác vừa làm (Ctrl+Z)"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action.setText(self.tr("Làm lại"))
        self.redo_action.setToolTip(self.tr("Làm lại thao tác vừa hoàn tác (Ctrl+Shift+Z hoặc Ctrl+Y)"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    def push(self, before: Placement, after: Placement, text: str, *, mergeable: bool = False) -> None:
        """Record an edit already on screen (nothing when there is no photo or no change)."""
        auto = self.auto()
        if auto is None or before == after:
            return
        before_, after_ = adjustment_of(auto, before), adjustment_of(auto, after)
        self.stack.push(PlacementCommand(self.apply, before_, after_, text, mergeable=mergeable))

    def adjustment(self) -> Adjustment:
        """The hand's change over the automatic placement now (none without a photo)."""
        auto, placement = self.auto(), self.canvas.placement
        return Adjustment() if auto is None or placement is None else adjustment_of(auto, placement)

    def apply(self, adjustment: Adjustment) -> None:
        """Show the automatic placement with `adjustment` (undo and redo come through here)."""
        auto = self.auto()
        if auto is not None:
            self.canvas.set_placement(adjusted(auto, adjustment))


class AdjustmentSliders(QObject):
    """The zoom (percent of the automatic size) and turn (degrees) sliders of a history's canvas.

    They follow the placement whatever changed it (wheel, keys, undo). A drag of a slider is
    one undo step, pushed on release; a key or wheel step on a slider is a mergeable nudge.
    """

    def __init__(self, history: PlacementHistory, parent: QWidget) -> None:
        super().__init__(parent)
        self.history = history
        self.zoom, self.turn = QSlider(Qt.Orientation.Horizontal), QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(50, 300)
        self.zoom.setValue(100)
        self.turn.setRange(-30, 30)
        self.zoom.valueChanged.connect(self._zoom_changed)
        self.turn.valueChanged.connect(self._turn_changed)
        for slider in (self.zoom, self.turn):
            slider.sliderPressed.connect(self._pressed)
            slider.sliderReleased.connect(self._released)
        self._start: Placement | None = None
        history.canvas.placement_changed.connect(self.sync)

    def sync(self) -> None:
        """Show the current adjustment (a slider held by the hand is left alone)."""
        adjustment = self.history.adjustment()
        for slider, value in (
            (self.zoom, round(adjustment.zoom * 100)),
            (self.turn, round(-adjustment.turn)),
        ):
            if not slider.isSliderDown():
                slider.blockSignals(True)
                slider.setValue(value)
                slider.blockSignals(False)

    def _pressed(self) -> None:
        self._start = self.history.canvas.placement

    def _released(self) -> None:
        start, self._start = self._start, None
        placement = self.history.canvas.placement
        if start is not None and placement is not None:
            self.history.push(start, placement, self._text(self.sender() is self.zoom))

    def _text(self, zoom: bool) -> str:
        return self.tr("Thu phóng") if zoom else self.tr("Xoay")

    def _slid(self, slider: QSlider, changed: Adjustment) -> None:
        auto, before = self.history.auto(), self.history.canvas.placement
        if auto is None or before is None:
            return
        after = adjusted(auto, changed)
        self.history.canvas.set_placement(after, fast=True)
        if not slider.isSliderDown():
            self.history.push(before, after, self._text(slider is self.zoom), mergeable=True)

    def _zoom_changed(self, value: int) -> None:
        self._slid(self.zoom, dataclasses.replace(self.history.adjustment(), zoom=value / 100))

    def _turn_changed(self, value: int) -> None:
        self._slid(self.turn, dataclasses.replace(self.history.adjustment(), turn=-value))
