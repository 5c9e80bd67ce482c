"""User-facing words for the core's flags and error codes, in the UI language.

The core speaks English with short codes; the GUI shows these (Vietnamese by default,
translated to English through Qt Linguist like every other string).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "messages"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def flag_text(flag: str) -> str:
    """A flag such as "no_face" in words."""
    words = {
        "no_face": _t("không thấy khuôn mặt"),
        "several_faces": _t("có nhiều khuôn mặt"),
        "padded": _t("ảnh được bù nền"),
        "low_resolution": _t("độ phân giải thấp"),
    }
    return words.get(flag, flag)


def error_text(code: str | None, english: str | None) -> str:
    """A core error code in words; unknown codes fall back to the core's English sentence."""
    words = {
        "not_found": _t("không tìm thấy tệp"),
        "not_a_file": _t("đây không phải là tệp ảnh (thư mục hoặc tệp đặc biệt)"),
        "empty": _t("tệp rỗng (0 byte)"),
        "unreadable": _t("không đọc được tệp (không có quyền hoặc lỗi ổ đĩa)"),
        "not_an_image": _t("không phải ảnh được hỗ trợ (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)"),
        "damaged": _t("ảnh bị hỏng"),
        "truncated": _t("tệp ảnh bị cắt cụt (sao chép hoặc tải về chưa xong)"),
        "too_large": _t("ảnh quá lớn (quá 120 megapixel)"),
        "too_small": _t("ảnh quá nhỏ (cần ít nhất 64 điểm ảnh mỗi cạnh)"),
        "exists": _t("đã có tệp trùng tên"),
        "disk_full": _t("ổ đĩa đã đầy; chưa ghi gì"),
        "not_writable": _t("không có quyền ghi vào đây"),
        "no_folder": _t("thư mục đích không tồn tại"),
        "outside_link": _t("liên kết trỏ ra ngoài thư mục ảnh"),
        "crashed": _t("bộ giải mã ảnh bị lỗi với tệp này"),
        "out_inside_in": _t("thư mục kết quả không được nằm trong thư mục ảnh"),
    }
    if code in words:
        return words[code]
    return english or _t("lỗi không rõ")
