"""User-facing words for the core's flags and error codes, in the UI language.

The core speaks English with short codes; the GUI shows these (Vietnamese by default,
translated to English through Qt Linguist like every other string).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def flag_text(flag: str) -> str:
    """A flag such as "no_face" in words."""
    words = {
        "no_face": translate("messages", "không thấy khuôn mặt"),
        "several_faces": translate("messages", "có nhiều khuôn mặt"),
        "padded": translate("messages", "ảnh được bù nền"),
        "low_resolution": translate("messages", "độ phân giải thấp"),
    }
    return words.get(flag, flag)


def error_text(code: str | None, english: str | None) -> str:
    """A core error code in words; unknown codes fall back to the core's English sentence."""
    words = {
        "not_found": translate("messages", "không tìm thấy tệp"),
        "not_a_file": translate("messages", "đây không phải là tệp ảnh (thư mục hoặc tệp đặc biệt)"),
        "empty": translate("messages", "tệp rỗng (0 byte)"),
        "unreadable": translate("messages", "không đọc được tệp (không có quyền hoặc lỗi ổ đĩa)"),
        "not_an_image": translate(
            "messages", "không phải ảnh được hỗ trợ (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)"
        ),
        "damaged": translate("messages", "ảnh bị hỏng"),
        "truncated": translate("messages", "tệp ảnh bị cắt cụt (sao chép hoặc tải về chưa xong)"),
        "too_large": translate("messages", "ảnh quá lớn (quá 120 megapixel)"),
        "too_small": translate("messages", "ảnh quá nhỏ (cần ít nhất 64 điểm ảnh mỗi cạnh)"),
        "exists": translate("messages", "đã có tệp trùng tên"),
        "disk_full": translate("messages", "ổ đĩa đã đầy; chưa ghi gì"),
        "not_writable": translate("messages", "không có quyền ghi vào đây"),
        "no_folder": translate("messages", "thư mục đích không tồn tại"),
        "outside_link": translate("messages", "liên kết trỏ ra ngoài thư mục ảnh"),
        "crashed": translate("messages", "bộ giải mã ảnh bị lỗi với tệp này"),
        "out_inside_in": translate("messages", "thư mục kết quả không được nằm trong thư mục ảnh"),
        # office storage: held files, long paths, read-only or shared folders, odd entries
        "locked": translate(
            "messages",
            "tệp đang được mở trong chương trình khác (Excel, trình xem ảnh, phần mềm diệt virus): "
            "hãy đóng tệp rồi chạy lại",
        ),
        "path_too_long": translate(
            "messages",
            "đường dẫn quá dài đối với Windows (quá 260 ký tự): hãy chọn thư mục kết quả gần gốc ổ đĩa hơn",
        ),
        "busy": translate("messages", "một loạt ảnh khác đang ghi vào thư mục này; hãy đợi loạt đó xong"),
        "read_only": translate(
            "messages", "ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được; hãy chọn thư mục kết quả khác"
        ),
        "cannot_create": translate(
            "messages", "không tạo được thư mục kết quả; hãy kiểm tra lại đường dẫn hoặc chọn thư mục khác"
        ),
        "link_loop": translate(
            "messages", "liên kết vòng lặp (liên kết trỏ vòng về chính nó); không xử lý được"
        ),
        "unreadable_folder": translate(
            "messages", "không đọc được thư mục này (không có quyền hoặc lỗi ổ đĩa); không xử lý được"
        ),
        "bad_name": translate("messages", "tên tệp có ký tự không đọc được; hãy đổi tên tệp"),
        "link_too_long": translate("messages", "đường dẫn quá dài để tạo mã QR; hãy dùng đường dẫn ngắn hơn"),
        "empty_link": translate("messages", "chưa có đường dẫn để tạo mã QR"),
    }
    if code in words:
        return words[code]
    return english or translate("messages", "lỗi không rõ")
