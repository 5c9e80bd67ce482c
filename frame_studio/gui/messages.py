"""User-facing words for the core's flags, error codes and frame-check problems.

The core speaks English with short codes (`core.errors.CODES` lists them all); the GUI
shows these words instead, Vietnamese by default and translated to English through Qt
Linguist like every other string. `texts()` is the one table, code -> text, for every code
the core raises or reports: a photo's error, a batch's, a roster's, a pack's, and each
problem of a frame check (`core.lint.Problem`, whose texts name the part with
`part_names` and fill in the problem's parameters). tests/core/test_error_codes.py checks
that no core code is missing from it, so no English sentence of the core reaches the UI.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from frame_studio.core.errors import FrameStudioError, Note
from frame_studio.core.images import MAX_PIXELS
from frame_studio.core.lint import PROBLEMS, Problem, fill
from frame_studio.core.roster import MAX_ROWS
from frame_studio.gui.part_names import frame_part_label, layer_label

translate = QCoreApplication.translate  # literal ("context", "...") calls, so pyside6-lupdate finds them
log = logging.getLogger(__name__)


def flag_text(flag: str) -> str:
    """A flag such as "no_face" in words."""
    words = {
        "no_face": translate("messages", "không thấy khuôn mặt"),
        "several_faces": translate("messages", "có nhiều khuôn mặt"),
        "padded": translate("messages", "ảnh được bù nền"),
        "low_resolution": translate("messages", "độ phân giải thấp"),
    }
    return words.get(flag, flag)


def _number(value: int) -> str:
    """A whole number the Vietnamese way, thousands apart: 100 000."""
    return f"{value:,}".replace(",", " ")


def texts() -> dict[str, str]:
    """Every code of the core in words, in the UI language: the one table.

    Error texts are phrases that follow a file name or "Không ... được:"; frame-check texts
    are sentences, where `{part}` is the part's name and other `{fields}` are the problem's
    parameters.
    """
    return {
        # files and photos
        "not_found": translate("messages", "không tìm thấy tệp"),
        "not_a_file": translate("messages", "đây không phải là tệp ảnh (thư mục hoặc tệp đặc biệt)"),
        "empty": translate("messages", "tệp rỗng (0 byte)"),
        "nothing_to_show": translate("messages", "cần ít nhất một khung và một ảnh để xem thử"),
        "unreadable": translate(
            "messages", "không đọc được tệp hoặc thư mục này (không có quyền hoặc lỗi ổ đĩa)"
        ),
        "unreadable_folder": translate(
            "messages", "không đọc được thư mục này (không có quyền hoặc lỗi ổ đĩa); không xử lý được"
        ),
        "not_an_image": translate(
            "messages", "không phải ảnh được hỗ trợ (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)"
        ),
        "damaged": translate("messages", "tệp bị hỏng, không đọc được nội dung"),
        "truncated": translate("messages", "tệp ảnh bị cắt cụt (sao chép hoặc tải về chưa xong)"),
        "too_large": translate("messages", "ảnh quá lớn (quá {megapixels} triệu điểm ảnh)").format(
            megapixels=MAX_PIXELS // 1_000_000
        ),
        "too_small": translate("messages", "ảnh quá nhỏ (cần ít nhất 64 điểm ảnh mỗi cạnh)"),
        "bad_name": translate("messages", "tên tệp có ký tự không đọc được; hãy đổi tên tệp"),
        "link_loop": translate(
            "messages", "lối tắt vòng lặp (lối tắt trỏ vòng về chính nó); không xử lý được"
        ),
        "outside_link": translate("messages", "lối tắt trỏ ra ngoài thư mục ảnh"),
        "crashed": translate("messages", "bộ giải mã ảnh bị lỗi với tệp này"),
        "internal": translate("review", "lỗi không mong đợi khi xử lý ảnh này"),
        # writing files and output folders
        "exists": translate("messages", "đã có tệp hoặc thư mục trùng tên"),
        "disk_full": translate("messages", "ổ đĩa đã đầy; chưa ghi gì"),
        "read_only": translate(
            "messages", "ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được; hãy chọn thư mục kết quả khác"
        ),
        "not_writable": translate("messages", "không có quyền ghi vào đây"),
        "no_folder": translate("messages", "thư mục đích không tồn tại"),
        "write_failed": translate("review", "không ghi được tệp kết quả (lỗi ổ đĩa hoặc không có quyền ghi)"),
        "path_too_long": translate(
            "messages",
            "đường dẫn quá dài đối với Windows (quá 260 ký tự): hãy chọn thư mục kết quả gần gốc ổ đĩa hơn",
        ),
        "locked": translate(
            "messages",
            "tệp đang được mở trong chương trình khác (Excel, trình xem ảnh, phần mềm diệt virus): "
            "hãy đóng tệp rồi chạy lại",
        ),
        "busy": translate("messages", "một loạt ảnh khác đang ghi vào thư mục này; hãy đợi loạt đó xong"),
        "cannot_create": translate(
            "messages", "không tạo được thư mục kết quả; hãy kiểm tra lại đường dẫn hoặc chọn thư mục khác"
        ),
        "not_a_folder": translate("review", "đường dẫn kết quả đã có và không phải là thư mục"),
        "bad_format": translate(
            "messages", "định dạng tệp không được hỗ trợ (ảnh: JPG, PNG hoặc WebP; mã QR: PNG hoặc SVG)"
        ),
        # batches
        "no_input": translate("review", "thư mục ảnh không tồn tại hoặc không phải là thư mục"),
        "out_inside_in": translate("messages", "thư mục kết quả không được nằm trong thư mục ảnh"),
        "bad_settings": translate("review", "cần ít nhất một kích thước và một định dạng JPG, PNG hoặc WebP"),
        "bad_frame": translate("review", "không tải được khung đã chọn"),
        "bad_template": translate("review", "mẫu tên tệp dùng một cột không có trong danh sách cán bộ"),
        "not_this_batch": translate(
            "review",
            "thư mục ảnh, ảnh trong đó hoặc thiết lập đã khác với lần gắn khung này: "
            "hãy chọn lại như lúc đó để chỉnh tay",
        ),
        "old_excel": translate(
            "review", "danh sách là tệp Excel đời cũ (.xls): hãy mở bằng Excel và lưu lại thành .xlsx"
        ),
        "template_syntax": translate(
            "review", "mẫu tên tệp viết chưa đúng: mỗi cột đặt trong một cặp ngoặc nhọn, ví dụ {ho_va_ten}"
        ),
        "template_needs_roster": translate(
            "review", "muốn đặt tên tệp theo mẫu thì cần chọn danh sách cán bộ"
        ),
        # rosters
        "bad_encoding": translate(
            "messages",
            "danh sách cán bộ không phải văn bản UTF-8 hay Windows-1258; hãy lưu lại tệp CSV dạng UTF-8",
        ),
        "not_a_workbook": translate("messages", "danh sách cán bộ không phải tệp Excel (.xlsx) đọc được"),
        "roster_empty": translate("messages", "danh sách cán bộ không có dòng nào"),
        "roster_too_large": translate("messages", "danh sách cán bộ quá dài (quá {rows} dòng)").format(
            rows=_number(MAX_ROWS)
        ),
        "no_photo_column": translate(
            "messages", "danh sách cán bộ không có cột ghi tên tệp ảnh (cột như “Ảnh” hoặc “Tên file”)"
        ),
        # frames
        "missing": translate("messages", "không tìm thấy mẫu khung hoặc tệp cần dùng"),
        "invalid": translate("messages", "mẫu khung có chỗ chưa đúng trong tệp frame.toml"),
        "text_too_long": translate("messages", "chữ quá dài, không vừa chỗ dành cho nó; hãy rút ngắn"),
        # QR codes
        "empty_link": translate("messages", "chưa có đường dẫn để tạo mã QR"),
        "link_too_long": translate("messages", "đường dẫn quá dài để tạo mã QR; hãy dùng đường dẫn ngắn hơn"),
        "not_verified": translate("messages", "mã QR đọc lại không khớp với đường dẫn; chưa lưu gì"),
        # campaign packs
        "no_frame": translate(
            "messages",
            "không có khung cần dùng (gói chiến dịch không có khung này, hoặc chưa chọn khung nào)",
        ),
        "no_manifest": translate("messages", "tệp này không phải gói chiến dịch (thiếu campaign.toml)"),
        "bad_manifest": translate("messages", "gói chiến dịch bị lỗi (tệp campaign.toml không đúng)"),
        "version": translate(
            "messages", "gói chiến dịch được tạo bởi phiên bản Frame Studio khác; hãy cập nhật Frame Studio"
        ),
        "unexpected": translate("messages", "gói chiến dịch chứa tệp không thuộc về gói; không mở"),
        "unsaved": translate("messages", "khung chưa được lưu vào thư mục; hãy lưu khung trước"),
        "not_a_pack": translate("messages", "tệp này không phải gói chiến dịch"),
        "too_many_entries": translate("messages", "gói chiến dịch có quá nhiều tệp; không mở"),
        "unsafe_path": translate("messages", "gói chiến dịch có tên tệp không an toàn; không mở"),
        "link": translate("messages", "gói chiến dịch chứa lối tắt tới tệp khác; không mở"),
        "special_file": translate("messages", "gói chiến dịch chứa tệp đặc biệt; không mở"),
        "encrypted": translate("messages", "gói chiến dịch có tệp bị mã hoá; không mở"),
        "compression": translate("messages", "gói chiến dịch dùng kiểu nén mà Frame Studio không đọc được"),
        "too_big": translate("messages", "gói chiến dịch quá lớn"),
        "bomb": translate(
            "messages", "gói chiến dịch có tệp giải nén ra lớn bất thường (có thể là tệp độc hại); không mở"
        ),
        # the campaign web page
        "bad_url": translate("messages", "địa chỉ trang web không hợp lệ (cần bắt đầu bằng https://)"),
        "duplicate_frame": translate("messages", "có hai khung trùng mã"),
        "foreign_files": translate(
            "messages", "thư mục đã có những tệp không do Frame Studio tạo; hãy chọn thư mục trống"
        ),
        # frame checks: sentences naming the part
        "window_outside": translate("messages", "Ô ảnh (chỗ hiện ảnh chân dung) tràn ra ngoài khung."),
        "window_too_small": translate(
            "messages", "Ô ảnh quá nhỏ: chỉ bằng {size:.0%} cạnh khung, cần ít nhất {minimum:.0%}."
        ),
        "face_outside": translate("messages", "Vị trí đặt khuôn mặt không nằm trọn trong ô ảnh."),
        "missing_glyphs": translate(
            "messages",
            "{part} có chữ mà phông {font} không có: {characters}. Hãy đổi phông chữ hoặc bỏ các chữ này.",
        ),
        "text_too_wide": translate(
            "messages", "{part} quá dài, tràn ra ngoài chỗ dành cho nó. Hãy rút ngắn “{text}”."
        ),
        "arc_text_too_long": translate(
            "messages",
            "{part} quá dài: dù đã thu chữ nhỏ tới mức nhỏ nhất còn đọc rõ ({minimum} px trên ảnh "
            "{at} px), chữ vẫn không vừa vòng tròn. Hãy rút ngắn “{text}”.",
        ),
        "outside_circle": translate(
            "messages", "{part} lọt ra ngoài vòng tròn mà Facebook hiển thị, nên sẽ bị cắt mất."
        ),
        "image_too_small": translate(
            "messages",
            "{part} chỉ có {width} x {height} điểm ảnh, quá nhỏ cho ảnh {output} px: ảnh gắn khung sẽ bị mờ.",
        ),
        "image_stretched": translate(
            "messages", "{part} sẽ bị kéo méo vì tỉ lệ của ảnh khác với ô dành cho nó."
        ),
        "image_covers_window": translate(
            "messages", "{part} không trong suốt ở chỗ hiện ảnh chân dung, nên sẽ che mất ảnh."
        ),
        "facebook_frame_link": translate(
            "messages",
            "Đây là đường dẫn khung ảnh đại diện của Facebook, tính năng Facebook đã bỏ từ năm 2022: "
            "đường dẫn này không còn mở ra khung nữa. Hãy giữ nó làm đường dẫn cũ của chiến dịch, "
            "còn mã QR thì nên dẫn tới trang mà cơ quan đăng tải chiến dịch.",
        ),
        # notes of a batch (`errors.Note`): sentences with the note's parameters
        "linked_folder": translate(
            "messages", "{name}: thư mục lối tắt, không mở vào (ảnh trong đó không được tính)"
        ),
        "folders_left_out": translate(
            "messages", "Thư mục con không được tính ({count}): chỉ lấy ảnh nằm ngay trong thư mục ảnh"
        ),
        "no_roster_row": translate("messages", "{name}: không có dòng nào trong danh sách cán bộ"),
        "no_such_photo": translate(
            "messages", "{name}: danh sách cán bộ ghi ảnh “{photo}” nhưng thư mục ảnh không có"
        ),
        "roster_rows_share_photo": translate(
            "messages", "{name}: các dòng {rows} của danh sách cán bộ cùng ghi ảnh này, nên chưa gán cho ai"
        ),
        "photos_share_row": translate(
            "messages", "{name}: có nhiều ảnh cùng khớp với cán bộ này ({files}), nên chưa gán ảnh nào"
        ),
        "renamed_output": translate(
            "messages", "{file}: đã có tệp khác trùng tên (không do Frame Studio tạo), nên lưu thành {chosen}"
        ),
        "report_not_written": translate(
            "messages", "{file}: cũng không ghi, để hai tệp báo cáo nói về cùng một lần chạy"
        ),
    }


def error_text(code: str | None, english: str | None = None) -> str:
    """A core error code in words.

    An unknown code (a bug: every code the core has is in `texts()`) or none (an unexpected
    error) gives a general Vietnamese phrase; the core's English sentence `english` is
    logged, never shown.
    """
    words = texts()
    if code in words:
        return words[code]
    log.warning("no words for the error code %r: %s", code, english)
    return translate("messages", "lỗi không mong đợi")


def failure_text(error: BaseException) -> str:
    """Any error a worker reported, in words (an unexpected one is logged, not shown in English)."""
    if isinstance(error, FrameStudioError):
        return error_text(error.code, error.message)
    return error_text(None, f"{type(error).__name__}: {error}")


def note_text(note: str) -> str:
    """A batch's note in words: a core `Note` by its code; any other text as it is."""
    if isinstance(note, Note):
        words = texts()
        if note.code in words:
            return fill(words[note.code], note.params)
        log.warning("no words for the note code %r: %s", note.code, note)
    return note


def part_text(problem: Problem) -> str:
    """The part a frame-check problem is about, as people call it."""
    if problem.layer is None:
        return frame_part_label(problem.part)
    return layer_label(problem.part, problem.kind, problem.position)


def problem_text(problem: Problem) -> str:
    """A frame-check problem as a sentence naming the part ("Lời chào quá dài: ...")."""
    template = error_text(problem.code, str(problem))
    part = part_text(problem)
    if problem.code not in PROBLEMS and part:
        template = "{part}: " + template  # a core error about one part: its phrase after the part
    text = fill(template, {**problem.params, "part": part})
    return text[:1].upper() + text[1:]
