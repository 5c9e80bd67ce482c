"""The review list shows a batch's names with the platform's separator, as the reports do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frame_studio.core import winpath
from frame_studio.core.outcome import FRAMED, JobResult
from frame_studio.gui.review_model import COLUMNS, ReviewModel

pytestmark = pytest.mark.gui


def test_a_name_in_a_sub_folder_is_shown_as_windows_writes_it(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(winpath, "SEPARATOR", "\\")
    model = ReviewModel()
    model.add(JobResult("Tổ 2/Nguyễn Thị Hường.jpg", FRAMED, ("out/Tổ 2/a.jpg",)), 0)
    shown = model.data(model.index(0, COLUMNS.index("name")), Qt.ItemDataRole.DisplayRole)
    assert shown == "Tổ 2\\Nguyễn Thị Hường.jpg"
    assert list(model.by_name) == ["Tổ 2/Nguyễn Thị Hường.jpg"]  # the key stays the batch's name
