"""Vietnamese names for the parts of a frame that people edit (layer names are designers' words).

Known layer names of the bundled frames get a friendly name; any other name is shown as it
is (`part_label`), or, in a frame check's sentence, after what kind of layer it is
(`layer_label`: "Dòng chữ trên vòng trên “loi_chao”"). Every name goes through Qt's
translation like the rest of the UI.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # literal ("parts", "...") calls, so pyside6-lupdate finds them


def _known() -> dict[str, str]:
    return {
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
        "overlay": translate("parts", "Ảnh khung"),
    }


def part_label(name: str) -> str:
    """A person's name for a frame part such as "top_text" or "background"."""
    return _known().get(name, name)


def layer_label(name: str, kind: str, position: str = "") -> str:
    """A layer as a frame check names it: its friendly name, else its kind and its own name.

    Args:
        name: the layer's `name` in frame.toml ("" when it has none).
        kind: the layer's type ("arc_text", "text", "image", "ring", ...).
        position: "top" or "bottom" for an arc text.
    """
    known = _known()
    if name in known:
        return known[name]
    if kind == "arc_text":
        if position == "bottom":
            noun = translate("parts", "Dòng chữ trên vòng dưới")
        else:
            noun = translate("parts", "Dòng chữ trên vòng trên")
    elif kind == "text":
        noun = translate("parts", "Dòng chữ")
    elif kind == "image":
        noun = translate("parts", "Ảnh khung")
    else:
        noun = translate("parts", "Hình trang trí")
    return f"{noun} “{name}”" if name else noun


def frame_part_label(part: str) -> str:
    """A part of the frame as a whole ("window", "face", "link"); "" for the whole frame."""
    words = {
        "window": translate("parts", "Ô ảnh"),
        "face": translate("parts", "Vị trí khuôn mặt"),
        "link": translate("parts", "Đường dẫn chiến dịch"),
    }
    return words.get(part, part)
