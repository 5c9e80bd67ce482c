"""Vietnamese names for the parts of a frame that people edit (layer names are designers' words).

Known layer names of the bundled frames get a friendly name; any other name is shown as it
is. Every name goes through Qt's translation like the rest of the UI.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # literal ("parts", "...") calls, so pyside6-lupdate finds them


def part_label(name: str) -> str:
    """A person's name for a frame part such as "top_text" or "background"."""
    words = {
        "background": translate("parts", "Nền"),
        "top_text": translate("parts", "Lời chào"),
        "bottom_text": translate("parts", "Vòng dưới (nhiệm kỳ)"),
        "line_1": translate("parts", "Dòng 1"),
        "line_2": translate("parts", "Dòng 2"),
        "line_3": translate("parts", "Dòng 3 (nhiệm kỳ)"),
        "number": translate("parts", "Số đại hội"),
        "term": translate("parts", "Nhiệm kỳ"),
        "band": translate("parts", "Vành khung"),
        "inner_line": translate("parts", "Viền trong"),
        "outer_line": translate("parts", "Viền ngoài"),
        "ribbon": translate("parts", "Băng rôn"),
        "shadow": translate("parts", "Bóng băng rôn"),
        "gold_line": translate("parts", "Chỉ vàng trên"),
        "gold_line_low": translate("parts", "Chỉ vàng dưới"),
        "badge": translate("parts", "Huy hiệu"),
        "badge_rim": translate("parts", "Viền huy hiệu"),
        "star": translate("parts", "Ngôi sao"),
    }
    return words.get(name, name)
