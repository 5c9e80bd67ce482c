<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>BatchSetup</name>
    <message>
        <location filename="../batch_setup.py" line="81"/>
        <source>Thiết lập</source>
        <translation>Setup</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="83"/>
        <source>Thư mục ảnh:</source>
        <translation>Photo folder:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="84"/>
        <source>Thư mục kết quả:</source>
        <translation>Output folder:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="85"/>
        <source>Danh sách nhân sự:</source>
        <translation>Staff roster:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="86"/>
        <source>Khung:</source>
        <translation>Frame:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="87"/>
        <source>Kích thước:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="88"/>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="92"/>
        <source>Thư mục chứa ảnh chân dung của nhân viên</source>
        <translation>Folder with the staff&apos;s portrait photos</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="93"/>
        <source>Nơi lưu ảnh đã ghép khung (ngoài thư mục ảnh)</source>
        <translation>Where framed photos go (outside the photo folder)</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="94"/>
        <source>Không bắt buộc: tệp .csv hoặc .xlsx</source>
        <translation>Optional: a .csv or .xlsx file</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="96"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="97"/>
        <source>1080 px</source>
        <translation>1080 px</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="97"/>
        <source>2048 px</source>
        <translation>2048 px</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="97"/>
        <source>1080 và 2048 px</source>
        <translation>1080 and 2048 px</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="158"/>
        <source>Chọn thư mục ảnh</source>
        <translation>Choose the photo folder</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="164"/>
        <source>Chọn thư mục kết quả</source>
        <translation>Choose the output folder</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="171"/>
        <source>Chọn danh sách nhân sự</source>
        <translation>Choose the staff roster</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="173"/>
        <source>Danh sách nhân sự</source>
        <translation>Staff roster</translation>
    </message>
</context>
<context>
    <name>BatchWorkspace</name>
    <message>
        <location filename="../batch_workspace.py" line="191"/>
        <location filename="../batch_workspace.py" line="342"/>
        <source>{rate} · còn khoảng {eta}</source>
        <translation>{rate} · about {eta} left</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="193"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="194"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="195"/>
        <source>%v/%m ảnh</source>
        <translation>%v/%m photos</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="196"/>
        <source>Hiển thị:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="197"/>
        <source>Nhấp đúp vào một ảnh để chỉnh tay trong «Ảnh của tôi».</source>
        <translation>Double-click a photo to adjust it by hand in “My photo”.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="198"/>
        <source>Mở thư mục kết quả</source>
        <translation>Open output folder</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="199"/>
        <source>Mở báo cáo</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="201"/>
        <source>Chưa có kết quả. Chọn thư mục ảnh và thư mục kết quả, rồi bấm «Bắt đầu».</source>
        <translation>No results yet. Choose a photo folder and an output folder, then click “Start”.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="219"/>
        <source>{s} giây</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="221"/>
        <source>{m} phút {s} giây</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="222"/>
        <source>{h} giờ {m} phút</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="255"/>
        <source>Hãy chọn thư mục ảnh.</source>
        <translation>Choose a photo folder.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="255"/>
        <source>Hãy chọn thư mục kết quả.</source>
        <translation>Choose an output folder.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="263"/>
        <source>Đang lập danh sách ảnh…</source>
        <translation>Listing photos…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="280"/>
        <source>Danh sách nhân sự:</source>
        <translation>Staff roster:</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="280"/>
        <source>Không bắt đầu được:</source>
        <translation>Could not start:</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="287"/>
        <source>Không bắt đầu được: lỗi không mong đợi ({error})</source>
        <translation>Could not start: unexpected error ({error})</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="305"/>
        <location filename="../batch_workspace.py" line="338"/>
        <source>Đang khởi động…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="321"/>
        <source>{n} ghi chú khi lập danh sách (di chuột vào đây để xem).</source>
        <translation>Notes from listing the photos: {n} (hover here to see them).</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="339"/>
        <source>{rate} ảnh/giây</source>
        <translation>{rate} photos/s</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="352"/>
        <source>Đang đợi loạt ảnh kia ghi xong…</source>
        <translation>Waiting for the other batch to finish…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="359"/>
        <source>Không bắt đầu được: {reason}</source>
        <translation>Could not start: {reason}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="362"/>
        <source>Loạt ảnh dừng vì lỗi: {error}</source>
        <translation>The batch stopped on an error: {error}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="367"/>
        <source>một máy khác</source>
        <translation>another computer</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="369"/>
        <source>trên máy {computer}, từ {since}</source>
        <translation>on {computer}, since {since}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="371"/>
        <source>trên máy {computer}</source>
        <translation>on {computer}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="375"/>
        <source>Thư mục kết quả đang bận</source>
        <translation>Output folder in use</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="377"/>
        <source>Một loạt ảnh khác đang ghi vào thư mục này ({detail}).

Đợi loạt ảnh đó xong rồi tự bắt đầu?</source>
        <translation>Another batch is writing into this folder ({detail}).

Wait for it to finish, then start automatically?</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="390"/>
        <source>Đang dừng sau các ảnh đang xử lý…</source>
        <translation>Stopping after the photos in progress…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="404"/>
        <source>Thời gian: {time}</source>
        <translation>Time: {time}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="416"/>
        <source>Không ghi được {file}: {reason}</source>
        <translation>Could not write {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="427"/>
        <source>{framed} ảnh đã ghép khung, {skipped} đã có từ lần trước, {rejected} bị từ chối; {flagged} ảnh cần xem lại</source>
        <translation>framed: {framed}, already done: {skipped}, rejected: {rejected}; needs review: {flagged}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="433"/>
        <source>; bỏ qua {n} tệp hệ thống (Thumbs.db, desktop.ini…)</source>
        <translation>; {n} system files ignored (Thumbs.db, desktop.ini…)</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="437"/>
        <source>Đã dừng giữa chừng: {parts}; còn {left} ảnh chưa làm (bấm «Bắt đầu» để làm tiếp).</source>
        <translation>Stopped partway: {parts}; not yet done: {left} (click “Start” to continue).</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="440"/>
        <source>Thư mục ảnh không có tệp nào.</source>
        <translation>The photo folder has no files.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="441"/>
        <source>Xong: {parts}.</source>
        <translation>Done: {parts}.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="469"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="470"/>
        <source>Cần xem lại</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="471"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="490"/>
        <source>Hãy đợi loạt ảnh chạy xong rồi chỉnh từng ảnh.</source>
        <translation>Wait for the batch to finish before adjusting single photos.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="494"/>
        <source>Ảnh bị từ chối không chỉnh tay được: {reason}</source>
        <translation>A rejected photo cannot be adjusted by hand: {reason}</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <location filename="../campaign_panel.py" line="81"/>
        <source>Chiến dịch</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="82"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="83"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="84"/>
        <source>Sao chép lời đăng</source>
        <translation>Copy caption</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="85"/>
        <source>Lời nhắc đổi lại ảnh…</source>
        <translation>Switch-back reminder…</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="115"/>
        <source>Đã kết thúc ngày {end} (vẫn dùng được khung).</source>
        <translation>Ended on {end} (the frame can still be used).</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="117"/>
        <source>Đến hết ngày {end}.</source>
        <translation>Until {end}.</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="122"/>
        <source>Đã sao chép lời đăng.</source>
        <translation>Caption copied.</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="128"/>
        <source>Lưu lời nhắc</source>
        <translation>Save reminder</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="128"/>
        <source>Lịch</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="142"/>
        <source>Không lưu được lời nhắc: {error}</source>
        <translation>Could not save the reminder: {error}</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="144"/>
        <source>Đã lưu lời nhắc vào {name}.</source>
        <translation>Reminder saved to {name}.</translation>
    </message>
</context>
<context>
    <name>FramesWorkspace</name>
    <message>
        <location filename="../frames_workspace.py" line="114"/>
        <source>Chọn thư mục ảnh…</source>
        <translation>Choose photo folder…</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="115"/>
        <source>Dùng ảnh mẫu có sẵn</source>
        <translation>Use built-in sample photos</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="116"/>
        <source>Các khuôn mặt mẫu đi kèm chương trình</source>
        <translation>The sample faces that come with the app</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="117"/>
        <source>Xuất gói chiến dịch…</source>
        <translation>Export campaign pack…</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="118"/>
        <source>Một tệp .fspack chứa các mẫu khung, để gửi cho các đơn vị</source>
        <translation>One .fspack file with the frames, to send to every agency</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="119"/>
        <source>Sửa mẫu</source>
        <translation>Edit frame</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="120"/>
        <location filename="../frames_workspace.py" line="189"/>
        <source>Mã QR</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="121"/>
        <source>Đang vẽ…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="122"/>
        <source>Đang xem bản đã sửa (chưa lưu)</source>
        <translation>Showing the edited version (not saved)</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="146"/>
        <source>Lưu gói chiến dịch</source>
        <translation>Save campaign pack</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="156"/>
        <source>Đã xuất gói {name}.</source>
        <translation>Pack {name} exported.</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="161"/>
        <source>Không xuất được gói: {error}</source>
        <translation>Could not export the pack: {error}</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="176"/>
        <source>Mẫu khung</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="179"/>
        <source>ảnh có sẵn</source>
        <translation>built-in</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="181"/>
        <source>Khuôn mặt mẫu: {where} ({count} ảnh)</source>
        <translation>Sample faces ({count}): {where}</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="191"/>
        <source>Mã QR của «{name}»</source>
        <translation>QR code of “{name}”</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="210"/>
        <source>Chọn thư mục ảnh khuôn mặt</source>
        <translation>Choose a folder of face photos</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="218"/>
        <source>Thư mục {folder} không có ảnh nào.</source>
        <translation>The folder {folder} has no photos.</translation>
    </message>
</context>
<context>
    <name>LintView</name>
    <message>
        <location filename="../lint_view.py" line="34"/>
        <source>Kiểm tra mẫu</source>
        <translation>Frame check</translation>
    </message>
    <message>
        <location filename="../lint_view.py" line="47"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../lint_view.py" line="50"/>
        <source>✓ Không tìm thấy vấn đề nào.</source>
        <translation>✓ No problems found.</translation>
    </message>
    <message>
        <location filename="../lint_view.py" line="53"/>
        <source>⚠ Tìm thấy {count} vấn đề:</source>
        <translation>⚠ Problems found: {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="96"/>
        <source>Frame Studio — Khung ảnh đại diện</source>
        <translation>Frame Studio — Profile photo frames</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="98"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99"/>
        <source>Mở gói chiến dịch…</source>
        <translation>Open campaign pack…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100"/>
        <source>Ảnh của tôi</source>
        <translation>My photo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100"/>
        <source>Hàng loạt</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100"/>
        <source>Khung</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116"/>
        <source>Mở gói chiến dịch</source>
        <translation>Open campaign pack</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116"/>
        <location filename="../main_window.py" line="152"/>
        <source>Gói chiến dịch</source>
        <translation>Campaign pack</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>Đang mở gói {name}…</source>
        <translation>Opening pack {name}…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="142"/>
        <source>Đã mở gói «{name}»: {count} khung.</source>
        <translation>Opened pack “{name}”: frames: {count}.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>Không mở được gói {name}: {reason}</source>
        <translation>Could not open pack {name}: {reason}</translation>
    </message>
</context>
<context>
    <name>PackExportDialog</name>
    <message>
        <location filename="../pack_export.py" line="47"/>
        <source>Xuất gói…</source>
        <translation>Export pack…</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="48"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="52"/>
        <source>Tên chiến dịch</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="53"/>
        <source>Đường dẫn chiến dịch</source>
        <translation>Campaign link</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="54"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="55"/>
        <source>Kết thúc</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="56"/>
        <source>Lời đăng kèm ảnh</source>
        <translation>Caption to post</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="58"/>
        <source>Xuất gói chiến dịch ({count} khung)</source>
        <translation>Export campaign pack (frames: {count})</translation>
    </message>
</context>
<context>
    <name>PhotoWorkspace</name>
    <message>
        <location filename="../photo_workspace.py" line="134"/>
        <source>Mở ảnh…</source>
        <extracomment>The file dialog&apos;s filter: &quot;*.avif *.bmp *.gif ...&quot;.</extracomment>
        <translation>Open photo…</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="136"/>
        <source>Đặt lại tự động</source>
        <translation>Reset to automatic</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="137"/>
        <source>Lưu ảnh…</source>
        <translation>Save photo…</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="139"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="141"/>
        <source>Lưu vào kết quả hàng loạt</source>
        <translation>Save to batch results</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="142"/>
        <source>Như trên Facebook:</source>
        <translation>As on Facebook:</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="144"/>
        <source>Khung</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="144"/>
        <location filename="../photo_workspace.py" line="147"/>
        <source>Thu phóng</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="144"/>
        <location filename="../photo_workspace.py" line="148"/>
        <source>Xoay</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="202"/>
        <source>Đã lưu vào kết quả hàng loạt.</source>
        <translation>Saved to the batch results.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="206"/>
        <source>Chọn ảnh</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="206"/>
        <source>Ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="219"/>
        <source>Đang mở {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="241"/>
        <source>Không mở được ảnh</source>
        <translation>Could not open the photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="298"/>
        <source>Chưa có ảnh.</source>
        <translation>No photo yet.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="336"/>
        <source>Lưu ảnh</source>
        <translation>Save photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="351"/>
        <source>Đã lưu {name}</source>
        <translation>Saved {name}</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="359"/>
        <source>Đã sao chép ảnh vào bộ nhớ tạm.</source>
        <translation>Photo copied to the clipboard.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="364"/>
        <source>Không lưu được ảnh</source>
        <translation>Could not save the photo</translation>
    </message>
</context>
<context>
    <name>PlacementCanvas</name>
    <message>
        <location filename="../canvas.py" line="46"/>
        <source>Ảnh đại diện xem trước</source>
        <translation>Profile photo preview</translation>
    </message>
    <message>
        <location filename="../canvas.py" line="93"/>
        <source>Kéo thả ảnh vào đây
hoặc bấm «Mở ảnh…»</source>
        <translation>Drop a photo here
or click “Open photo…”</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <location filename="../qr_panel.py" line="82"/>
        <source>Liên kết chiến dịch (mã QR dẫn tới đây):</source>
        <translation>Campaign link (the QR code points here):</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="84"/>
        <source>Sửa liên kết thì mã QR vẽ lại ngay; khi lưu mẫu mới, liên kết này được lưu theo.</source>
        <translation>Editing the link redraws the QR code at once; saving a new frame saves this link with it.</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="86"/>
        <source>Xuất PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="87"/>
        <source>Xuất SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="89"/>
        <location filename="../qr_panel.py" line="124"/>
        <source>Chưa có liên kết</source>
        <translation>No link yet</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="131"/>
        <source>Xuất mã QR</source>
        <translation>Export QR code</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="139"/>
        <source>Đang xuất {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="149"/>
        <source>Đã xuất mã QR: {path}</source>
        <translation>QR code exported: {path}</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="156"/>
        <source>Không xuất được {name}: {error}</source>
        <translation>Could not export {name}: {error}</translation>
    </message>
</context>
<context>
    <name>VariantEditor</name>
    <message>
        <location filename="../variant_editor.py" line="208"/>
        <source>Chữ trên khung</source>
        <translation>Frame text</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="209"/>
        <source>Màu</source>
        <translation>Colors</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="210"/>
        <source>Áp dụng lên bảng</source>
        <translation>Apply to board</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="211"/>
        <source>Hoàn tác</source>
        <translation>Undo edits</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="212"/>
        <source>Mẫu mới</source>
        <translation>New frame</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="213"/>
        <source>Tên mẫu</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="214"/>
        <source>Mã mẫu</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="215"/>
        <source>ví dụ: congress-ring-2</source>
        <translation>e.g. congress-ring-2</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="216"/>
        <source>Lưu thành mẫu mới…</source>
        <translation>Save as new frame…</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="217"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="218"/>
        <source>Như trên Facebook (176 px)</source>
        <translation>As on Facebook (176 px)</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="219"/>
        <source>Đang vẽ…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="227"/>
        <source>Chọn một mẫu khung trên bảng.</source>
        <translation>Choose a frame on the board.</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="229"/>
        <source> (đã sửa, chưa lưu)</source>
        <translation> (edited, not saved)</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="245"/>
        <source>{name} (mới)</source>
        <translation>{name} (new)</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="422"/>
        <location filename="../variant_editor.py" line="429"/>
        <source>Không vẽ được mẫu này: {error}</source>
        <translation>Could not draw this frame: {error}</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="456"/>
        <source>Chọn thư mục để lưu mẫu mới</source>
        <translation>Choose a folder for the new frame</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="466"/>
        <source>Mã mẫu «{id}» đã có; hãy chọn mã khác.</source>
        <translation>The ID “{id}” is already taken; choose another.</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="470"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="485"/>
        <source>Đã lưu mẫu mới vào {folder}</source>
        <translation>New frame saved to {folder}</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="497"/>
        <source>Không lưu được: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="57"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../app.py" line="58"/>
        <source>Đã xảy ra lỗi không mong muốn: {error}</source>
        <translation>An unexpected error occurred: {error}</translation>
    </message>
</context>
<context>
    <name>frames</name>
    <message>
        <location filename="../frame_combo.py" line="20"/>
        <source>đã kết thúc {date}</source>
        <translation>ended {date}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../messages.py" line="17"/>
        <source>không thấy khuôn mặt</source>
        <translation>no face found</translation>
    </message>
    <message>
        <location filename="../messages.py" line="18"/>
        <source>có nhiều khuôn mặt</source>
        <translation>several faces</translation>
    </message>
    <message>
        <location filename="../messages.py" line="19"/>
        <source>ảnh được bù nền</source>
        <translation>padded</translation>
    </message>
    <message>
        <location filename="../messages.py" line="20"/>
        <source>độ phân giải thấp</source>
        <translation>low resolution</translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>không tìm thấy tệp</source>
        <translation>file not found</translation>
    </message>
    <message>
        <location filename="../messages.py" line="29"/>
        <source>đây không phải là tệp ảnh (thư mục hoặc tệp đặc biệt)</source>
        <translation>not a regular file (a folder or special file)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>tệp rỗng (0 byte)</source>
        <translation>empty file (0 bytes)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>không đọc được tệp (không có quyền hoặc lỗi ổ đĩa)</source>
        <translation>cannot read the file (no permission or disk error)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>không phải ảnh được hỗ trợ (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)</source>
        <translation>not a supported image (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>ảnh bị hỏng</source>
        <translation>damaged image</translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <source>tệp ảnh bị cắt cụt (sao chép hoặc tải về chưa xong)</source>
        <translation>truncated image file (incomplete copy or download)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>ảnh quá lớn (quá 120 megapixel)</source>
        <translation>image too large (over 120 megapixels)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>ảnh quá nhỏ (cần ít nhất 64 điểm ảnh mỗi cạnh)</source>
        <translation>image too small (needs at least 64 pixels per side)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>đã có tệp trùng tên</source>
        <translation>a file with this name already exists</translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>ổ đĩa đã đầy; chưa ghi gì</source>
        <translation>disk full; nothing was written</translation>
    </message>
    <message>
        <location filename="../messages.py" line="41"/>
        <source>không có quyền ghi vào đây</source>
        <translation>no permission to write here</translation>
    </message>
    <message>
        <location filename="../messages.py" line="42"/>
        <source>thư mục đích không tồn tại</source>
        <translation>the destination folder does not exist</translation>
    </message>
    <message>
        <location filename="../messages.py" line="43"/>
        <source>liên kết trỏ ra ngoài thư mục ảnh</source>
        <translation>link points outside the photo folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="44"/>
        <source>bộ giải mã ảnh bị lỗi với tệp này</source>
        <translation>the image decoder crashed on this file</translation>
    </message>
    <message>
        <location filename="../messages.py" line="45"/>
        <source>thư mục kết quả không được nằm trong thư mục ảnh</source>
        <translation>the output folder must not be inside the photo folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>tệp đang được mở trong chương trình khác (Excel, trình xem ảnh, phần mềm diệt virus): hãy đóng tệp rồi chạy lại</source>
        <translation>the file is open in another program (Excel, a photo viewer, an antivirus scan): close it and run again</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>đường dẫn quá dài đối với Windows (quá 260 ký tự): hãy chọn thư mục kết quả gần gốc ổ đĩa hơn</source>
        <translation>the path is too long for Windows (over 260 characters): choose an output folder closer to the top of the drive</translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>một loạt ảnh khác đang ghi vào thư mục này; hãy đợi loạt đó xong</source>
        <translation>another batch is writing into this folder; wait for it to finish</translation>
    </message>
    <message>
        <location filename="../messages.py" line="57"/>
        <source>ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được; hãy chọn thư mục kết quả khác</source>
        <translation>the disk or folder is read-only; choose another output folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>không tạo được thư mục kết quả; hãy kiểm tra lại đường dẫn hoặc chọn thư mục khác</source>
        <translation>cannot create the output folder; check the path or choose another folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="63"/>
        <source>liên kết vòng lặp (liên kết trỏ vòng về chính nó); không xử lý được</source>
        <translation>a link that loops (it leads back to itself); cannot be processed</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>không đọc được thư mục này (không có quyền hoặc lỗi ổ đĩa); không xử lý được</source>
        <translation>this folder cannot be read (no permission or a disk error); cannot be processed</translation>
    </message>
    <message>
        <location filename="../messages.py" line="69"/>
        <source>tên tệp có ký tự không đọc được; hãy đổi tên tệp</source>
        <translation>the file name has characters that cannot be read; rename the file</translation>
    </message>
    <message>
        <location filename="../messages.py" line="70"/>
        <source>đường dẫn quá dài để tạo mã QR; hãy dùng đường dẫn ngắn hơn</source>
        <translation>the link is too long for a QR code; use a shorter link</translation>
    </message>
    <message>
        <location filename="../messages.py" line="71"/>
        <source>chưa có đường dẫn để tạo mã QR</source>
        <translation>there is no link to put in the QR code</translation>
    </message>
    <message>
        <location filename="../messages.py" line="75"/>
        <source>lỗi không rõ</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>parts</name>
    <message>
        <location filename="../part_names.py" line="17"/>
        <source>Nền</source>
        <translation>Background</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="18"/>
        <source>Lời chào</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="19"/>
        <source>Vòng dưới (nhiệm kỳ)</source>
        <translation>Lower arc (term)</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="20"/>
        <source>Dòng 1</source>
        <translation>Line 1</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="21"/>
        <source>Dòng 2</source>
        <translation>Line 2</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="22"/>
        <source>Dòng 3 (nhiệm kỳ)</source>
        <translation>Line 3 (term)</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="23"/>
        <source>Số đại hội</source>
        <translation>Congress number</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="24"/>
        <source>Nhiệm kỳ</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="25"/>
        <source>Vành khung</source>
        <translation>Frame ring</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="26"/>
        <source>Viền trong</source>
        <translation>Inner border</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="27"/>
        <source>Viền ngoài</source>
        <translation>Outer border</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="28"/>
        <source>Băng rôn</source>
        <translation>Banner</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="29"/>
        <source>Bóng băng rôn</source>
        <translation>Banner shadow</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="30"/>
        <source>Chỉ vàng trên</source>
        <translation>Upper gold line</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="31"/>
        <source>Chỉ vàng dưới</source>
        <translation>Lower gold line</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="32"/>
        <source>Huy hiệu</source>
        <translation>Emblem</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="33"/>
        <source>Viền huy hiệu</source>
        <translation>Emblem rim</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="34"/>
        <source>Ngôi sao</source>
        <translation>Star</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../review_model.py" line="46"/>
        <source>đã chỉnh tay</source>
        <translation>adjusted by hand</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="52"/>
        <source>không ghi được tệp kết quả (lỗi ổ đĩa hoặc không có quyền ghi)</source>
        <translation>cannot write the output file (a disk error or no permission to write)</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="55"/>
        <source>lỗi không mong đợi khi xử lý ảnh này</source>
        <translation>unexpected error while processing this photo</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="56"/>
        <source>thư mục ảnh không tồn tại hoặc không phải là thư mục</source>
        <translation>the photo folder does not exist or is not a folder</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="59"/>
        <source>đường dẫn kết quả đã có và không phải là thư mục</source>
        <translation>the output path exists and is not a folder</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="62"/>
        <source>cần ít nhất một kích thước và một định dạng JPG, PNG hoặc WebP</source>
        <translation>needs at least one size and one format (JPG, PNG or WebP)</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="65"/>
        <source>không tải được khung đã chọn</source>
        <translation>could not load the chosen frame</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="66"/>
        <source>mẫu tên tệp dùng một cột không có trong danh sách nhân sự</source>
        <translation>the file name pattern uses a column that is not in the staff roster</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="80"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="82"/>
        <source>Cần xem lại</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="84"/>
        <source>Đã chỉnh tay</source>
        <translation>Adjusted by hand</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="86"/>
        <source>Đã có từ lần trước</source>
        <translation>Already done</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="87"/>
        <source>Đã ghép khung</source>
        <translation>Framed</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="185"/>
        <source>Ảnh</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="186"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="187"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="188"/>
        <source>Cần chú ý</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="189"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
</TS>
