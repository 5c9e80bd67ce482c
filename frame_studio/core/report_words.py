"""The Vietnamese words of the reports people read: the CSV and the per-unit summary.

The JSON Lines report keeps the core's English codes (statuses, flags, error codes); the
CSV says each in office Vietnamese, with the GUI's wording (gui/messages.py and its
translation file): "gắn khung" for framing, "cán bộ" for staff, "đường dẫn" for a link,
"không xử lý được" for a rejected photo. The core never imports the GUI, so the words are
kept here; tests/core/test_report_csv.py checks that every status, flag and registered
error code (`errors.CODES`) has its words.

The keys are the core's codes as plain strings (`outcome.FRAMED`, `placement.NO_FACE`,
`journal.ACCEPTED`..., checked by the tests) so that writing a report loads neither the pipeline nor OpenCV.
"""

from __future__ import annotations

from collections.abc import Iterable

from frame_studio.core.roster import MAX_ROWS

#: A record's status (`outcome.FRAMED`, `REJECTED`, `SKIPPED`), as the CSV's "Kết quả".
STATUS_WORDS = {
    "framed": "Đã gắn khung",
    "rejected": "Không xử lý được",
    "skipped": "Đã có từ lần trước",
}
YES, NO = "Có", "Không"

#: A flag of a framed photo, as a phrase of the CSV's "Ghi chú".
FLAG_WORDS = {
    "no_face": "không thấy khuôn mặt",
    "several_faces": "có nhiều khuôn mặt",
    "padded": "ảnh được bù nền",
    "low_resolution": "độ phân giải thấp",
    "adjusted": "đã chỉnh tay",  # a person chose the placement (batch.reexport)
    "accepted": "đã xem, giữ nguyên",  # a person kept the photo as it is (batch.accept_as_is)
}

UNKNOWN_REASON = "không rõ lý do"
"""The reason of a rejected input whose record has no code (a report of an older version)."""

#: Every code of `errors.CODES` as a phrase (lower case: it follows a name or joins others).
CODE_WORDS = {
    # files and photos
    "not_found": "không tìm thấy tệp",
    "not_a_file": "đây không phải là tệp ảnh (thư mục hoặc tệp đặc biệt)",
    "empty": "tệp rỗng (0 byte)",
    "nothing_to_show": "cần ít nhất một khung và một ảnh để xem thử",
    "unreadable": "không đọc được tệp hoặc thư mục này (không có quyền hoặc lỗi ổ đĩa)",
    "unreadable_folder": "không đọc được thư mục này (không có quyền hoặc lỗi ổ đĩa)",
    "not_an_image": "không phải ảnh được hỗ trợ (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)",
    "damaged": "tệp bị hỏng, không đọc được nội dung",
    "truncated": "tệp ảnh bị cắt cụt (sao chép hoặc tải về chưa xong)",
    "too_large": "ảnh quá lớn, có quá nhiều điểm ảnh để mở",
    "too_small": "ảnh quá nhỏ (cần ít nhất 64 điểm ảnh mỗi cạnh)",
    "bad_name": "tên tệp có ký tự không đọc được; hãy đổi tên tệp",
    "link_loop": "lối tắt vòng lặp (lối tắt trỏ vòng về chính nó)",
    "outside_link": "lối tắt trỏ ra ngoài thư mục ảnh",
    "crashed": "bộ giải mã ảnh bị lỗi với tệp này",
    "internal": "lỗi không mong đợi khi xử lý ảnh này",
    # writing files and output folders
    "exists": "đã có tệp hoặc thư mục trùng tên",
    "disk_full": "ổ đĩa đã đầy",
    "read_only": "ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được",
    "not_writable": "không có quyền ghi vào đây",
    "no_folder": "thư mục kết quả không tồn tại",
    "write_failed": "không ghi được tệp kết quả (lỗi ổ đĩa hoặc không có quyền ghi)",
    "path_too_long": "đường dẫn quá dài đối với Windows (quá 260 ký tự)",
    "locked": "tệp đang được mở trong chương trình khác (Excel, trình xem ảnh, phần mềm diệt virus)",
    "busy": "một loạt ảnh khác đang ghi vào thư mục kết quả",
    "cannot_create": "không tạo được thư mục kết quả",
    "not_a_folder": "đường dẫn kết quả đã có và không phải là thư mục",
    "bad_format": "định dạng tệp không được hỗ trợ",
    # batches
    "no_input": "thư mục ảnh không tồn tại hoặc không phải là thư mục",
    "out_inside_in": "thư mục kết quả không được nằm trong thư mục ảnh",
    "bad_settings": "cần ít nhất một kích thước và một định dạng JPG, PNG hoặc WebP",
    "bad_frame": "không tải được khung đã chọn",
    "bad_template": "mẫu tên tệp dùng một cột không có trong danh sách cán bộ",
    "not_this_batch": "thư mục ảnh hoặc thiết lập đã khác với lần gắn khung này",
    "old_excel": "danh sách là tệp Excel đời cũ (.xls): hãy lưu lại thành .xlsx",
    "template_syntax": "mẫu tên tệp viết chưa đúng: mỗi cột đặt trong một cặp ngoặc nhọn",
    "template_needs_roster": "muốn đặt tên tệp theo mẫu thì cần chọn danh sách cán bộ",
    # rosters
    "bad_encoding": "danh sách cán bộ không phải văn bản UTF-8 hay Windows-1258",
    "not_a_workbook": "danh sách cán bộ không phải tệp Excel (.xlsx) đọc được",
    "roster_empty": "danh sách cán bộ không có dòng nào",
    "roster_too_large": f"danh sách cán bộ quá dài (quá {MAX_ROWS:,} dòng)".replace(",", " "),
    "no_photo_column": "danh sách cán bộ không có cột ghi tên tệp ảnh (cột như “Ảnh” hoặc “Tên ảnh”)",
    # frames
    "missing": "không tìm thấy mẫu khung hoặc tệp cần dùng",
    "invalid": "mẫu khung có chỗ chưa đúng trong tệp frame.toml",
    "text_too_long": "chữ quá dài, không vừa chỗ dành cho nó",
    # QR codes
    "empty_link": "chưa có đường dẫn để tạo mã QR",
    "link_too_long": "đường dẫn quá dài để tạo mã QR",
    "not_verified": "mã QR đọc lại không khớp với đường dẫn",
    # campaign packs
    "no_frame": "không có khung cần dùng",
    "no_manifest": "tệp này không phải gói chiến dịch (thiếu campaign.toml)",
    "bad_manifest": "gói chiến dịch bị lỗi (tệp campaign.toml không đúng)",
    "version": "gói chiến dịch được tạo bởi phiên bản Frame Studio khác",
    "unexpected": "gói chiến dịch chứa tệp không thuộc về gói",
    "unsaved": "khung chưa được lưu vào thư mục",
    "not_a_pack": "tệp này không phải gói chiến dịch",
    "too_many_entries": "gói chiến dịch có quá nhiều tệp",
    "unsafe_path": "gói chiến dịch có tên tệp không an toàn",
    "link": "gói chiến dịch chứa lối tắt tới tệp khác",
    "special_file": "gói chiến dịch chứa tệp đặc biệt",
    "encrypted": "gói chiến dịch có tệp bị mã hoá",
    "compression": "gói chiến dịch dùng kiểu nén mà Frame Studio không đọc được",
    "too_big": "gói chiến dịch quá lớn",
    "bomb": "gói chiến dịch có tệp giải nén ra lớn bất thường (có thể là tệp độc hại)",
    # the campaign web page
    "bad_url": "địa chỉ trang web không hợp lệ (cần bắt đầu bằng https://)",
    "duplicate_frame": "có hai khung trùng mã",
    "foreign_files": "thư mục đã có những tệp không do Frame Studio tạo",
    # frame checks
    "window_outside": "ô ảnh (chỗ hiện ảnh chân dung) tràn ra ngoài khung",
    "window_too_small": "ô ảnh quá nhỏ",
    "face_outside": "vị trí đặt khuôn mặt không nằm trọn trong ô ảnh",
    "missing_glyphs": "phông chữ thiếu một số chữ cần hiện",
    "text_too_wide": "chữ quá dài, tràn ra ngoài chỗ dành cho nó",
    "arc_text_too_long": "chữ theo vòng tròn quá dài, không vừa vòng tròn",
    "outside_circle": "có phần lọt ra ngoài vòng tròn mà Facebook hiển thị",
    "image_too_small": "ảnh trang trí quá nhỏ: ảnh gắn khung sẽ bị mờ",
    "image_stretched": "ảnh trang trí sẽ bị kéo méo",
    "image_covers_window": "ảnh trang trí không trong suốt ở chỗ hiện ảnh chân dung",
    "facebook_frame_link": "đường dẫn khung ảnh đại diện của Facebook không còn mở ra khung nữa",
    # notes of a batch
    "linked_folder": "thư mục lối tắt, không mở vào",
    "folders_left_out": "thư mục con không được tính",
    "no_roster_row": "ảnh không có dòng nào trong danh sách cán bộ",
    "no_such_photo": "danh sách cán bộ ghi ảnh nhưng thư mục ảnh không có",
    "roster_rows_share_photo": "nhiều dòng của danh sách cán bộ cùng ghi ảnh này, nên chưa gán cho ai",
    "photos_share_row": "có nhiều ảnh cùng khớp với một cán bộ, nên chưa gán ảnh nào",
    "renamed_output": "đã có tệp khác trùng tên, nên ảnh được lưu với tên khác",
    "report_not_written": "cũng không ghi, để hai tệp báo cáo nói về cùng một lần chạy",
}


def sentence(phrases: Iterable[str]) -> str:
    """Phrases joined with "; ", the first letter upper case ("" for none)."""
    text = "; ".join(phrases)
    return text[:1].upper() + text[1:]


def reason_text(error_code: str | None) -> str:
    """A rejected input's reason in words, from its error code (None: an older report's)."""
    return sentence([CODE_WORDS.get(error_code or "", UNKNOWN_REASON)])


def flags_text(flags: Iterable[str]) -> str:
    """A photo's flags in words; a flag without words (a newer version's) keeps its code."""
    return sentence(FLAG_WORDS.get(flag, flag) for flag in flags)
