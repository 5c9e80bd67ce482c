<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../help_dialogs.py" line="126"/>
        <source>Giới thiệu Frame Studio</source>
        <translation>About Frame Studio</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="127"/>
        <source>Về Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="129"/>
        <source>Phiên bản {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="130"/>
        <source>Gắn khung chào mừng lên ảnh đại diện, ngay trên máy tính của bạn.</source>
        <translation>Puts a greeting frame on profile photos, right on your own computer.</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="134"/>
        <source>Phông chữ Be Vietnam Pro</source>
        <translation>Be Vietnam Pro font</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="135"/>
        <source>Giấy phép SIL Open Font License 1.1 (toàn văn bên dưới).</source>
        <translation>Licensed under the SIL Open Font License 1.1 (full text below).</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="139"/>
        <source>Mô hình nhận diện khuôn mặt YuNet (OpenCV Zoo)</source>
        <translation>YuNet face detection model (OpenCV Zoo)</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="140"/>
        <source>Giấy phép MIT (toàn văn bên dưới).</source>
        <translation>Licensed under the MIT License (full text below).</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="149"/>
        <source>Giao diện dùng Qt for Python (PySide6), giấy phép LGPL phiên bản 3: bấm “Về Qt”.</source>
        <translation>The interface uses Qt for Python (PySide6), licensed under the LGPL version 3: click “About Qt”.</translation>
    </message>
</context>
<context>
    <name>AdjustmentSliders</name>
    <message>
        <location filename="../placement_undo.py" line="216"/>
        <source>Thu phóng</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../placement_undo.py" line="216"/>
        <source>Xoay</source>
        <translation>Rotate</translation>
    </message>
</context>
<context>
    <name>BatchSetup</name>
    <message>
        <location filename="../batch_setup.py" line="96"/>
        <source>Thiết lập</source>
        <translation>Setup</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="98"/>
        <source>Thư mục ảnh:</source>
        <translation>Photo folder:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="99"/>
        <source>Thư mục kết quả:</source>
        <translation>Output folder:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="101"/>
        <source>Khung:</source>
        <translation>Frame:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="102"/>
        <source>Kích thước:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="103"/>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="100"/>
        <source>Danh sách cán bộ:</source>
        <translation>Staff roster:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="104"/>
        <source>Tên tệp:</source>
        <translation>File names:</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="108"/>
        <source>Thư mục chứa ảnh chân dung của cán bộ</source>
        <translation>Folder with the staff&apos;s portrait photos</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="109"/>
        <source>Nơi lưu ảnh đã gắn khung (ngoài thư mục ảnh)</source>
        <translation>Where framed photos go (outside the photo folder)</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="110"/>
        <source>Không bắt buộc: tệp .csv hoặc .xlsx</source>
        <translation>Optional: a .csv or .xlsx file</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="112"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="113"/>
        <source>1080 px</source>
        <translation>1080 px</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="113"/>
        <source>2048 px</source>
        <translation>2048 px</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="113"/>
        <source>1080 và 2048 px</source>
        <translation>1080 and 2048 px</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="199"/>
        <source>Chọn thư mục ảnh</source>
        <translation>Choose the photo folder</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="205"/>
        <source>Chọn thư mục kết quả</source>
        <translation>Choose the output folder</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="212"/>
        <source>Chọn danh sách cán bộ</source>
        <translation>Choose the staff roster</translation>
    </message>
    <message>
        <location filename="../batch_setup.py" line="214"/>
        <source>Danh sách cán bộ</source>
        <translation>Staff roster</translation>
    </message>
</context>
<context>
    <name>BatchWorkspace</name>
    <message>
        <location filename="../batch_workspace.py" line="223"/>
        <location filename="../batch_workspace.py" line="400"/>
        <source>{rate} · còn khoảng {eta}</source>
        <translation>{rate} · about {eta} left</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="225"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="226"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="227"/>
        <source>%v/%m ảnh</source>
        <translation>%v/%m photos</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="228"/>
        <source>Hiển thị:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="230"/>
        <source>Đã xem, giữ nguyên</source>
        <translation>Reviewed, keep as is</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="231"/>
        <source>Ảnh này đã được xem và dùng được như hiện tại (Ctrl+Enter)</source>
        <translation>This photo has been looked at and is fine as it is (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="233"/>
        <source>Danh sách ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="234"/>
        <source>Tổng hợp theo đơn vị</source>
        <translation>Summary by unit</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="236"/>
        <source>Mở thư mục kết quả</source>
        <translation>Open output folder</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="237"/>
        <source>Mở báo cáo</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="257"/>
        <source>{s} giây</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="259"/>
        <source>{m} phút {s} giây</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="260"/>
        <source>{h} giờ {m} phút</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="308"/>
        <source>Hãy chọn thư mục ảnh.</source>
        <translation>Choose a photo folder.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="308"/>
        <source>Hãy chọn thư mục kết quả.</source>
        <translation>Choose an output folder.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="318"/>
        <source>Đang lập danh sách ảnh…</source>
        <translation>Listing photos…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="335"/>
        <source>Không bắt đầu được:</source>
        <translation>Could not start:</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="342"/>
        <source>Không bắt đầu được: lỗi không mong đợi ({error})</source>
        <translation>Could not start: unexpected error ({error})</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="360"/>
        <location filename="../batch_workspace.py" line="396"/>
        <source>Đang khởi động…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="229"/>
        <source>Nhấp đúp vào một ảnh để chỉnh tay trong “Ảnh của tôi”.</source>
        <translation>Double-click a photo to adjust it by hand in “My photo”.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="239"/>
        <source>Chưa có kết quả. Chọn thư mục ảnh và thư mục kết quả, rồi bấm “Bắt đầu”.</source>
        <translation>No results yet. Choose a photo folder and an output folder, then click “Start”.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="335"/>
        <source>Danh sách cán bộ:</source>
        <translation>Staff roster:</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="397"/>
        <source>{rate} ảnh/giây</source>
        <translation>{rate} photos/s</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="410"/>
        <source>Đang đợi loạt ảnh kia ghi xong…</source>
        <translation>Waiting for the other batch to finish…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="417"/>
        <source>Không bắt đầu được: {reason}</source>
        <translation>Could not start: {reason}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="420"/>
        <source>Loạt ảnh dừng vì lỗi: {error}</source>
        <translation>The batch stopped on an error: {error}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="425"/>
        <source>một máy khác</source>
        <translation>another computer</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="427"/>
        <source>trên máy {computer}, từ {since}</source>
        <translation>on {computer}, since {since}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="429"/>
        <source>trên máy {computer}</source>
        <translation>on {computer}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="433"/>
        <source>Thư mục kết quả đang bận</source>
        <translation>Output folder in use</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="435"/>
        <source>Một loạt ảnh khác đang ghi vào thư mục này ({detail}).

Đợi loạt ảnh đó xong rồi tự bắt đầu?</source>
        <translation>Another batch is writing into this folder ({detail}).

Wait for it to finish, then start automatically?</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="438"/>
        <source>Đợi</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="439"/>
        <source>Không đợi</source>
        <translation>Don&apos;t wait</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="449"/>
        <source>Đang dừng sau các ảnh đang xử lý…</source>
        <translation>Stopping after the photos in progress…</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="463"/>
        <source>Thời gian: {time}</source>
        <translation>Time: {time}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="481"/>
        <source>Không ghi được {file}: {reason}</source>
        <translation>Could not write {file}: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="493"/>
        <source>%n ảnh đã gắn khung</source>
        <translation>
            <numerusform>%n photo framed</numerusform>
            <numerusform>%n photos framed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="494"/>
        <source>%n đã có từ lần trước</source>
        <translation>
            <numerusform>%n already done</numerusform>
            <numerusform>%n already done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="495"/>
        <source>%n không xử lý được</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="498"/>
        <location filename="../batch_workspace.py" line="718"/>
        <source>%n ảnh cần xem lại</source>
        <translation>
            <numerusform>%n photo needs review</numerusform>
            <numerusform>%n photos need review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="500"/>
        <source>bỏ qua %n tệp hệ thống (Thumbs.db, desktop.ini…)</source>
        <translation>
            <numerusform>%n system file ignored (Thumbs.db, desktop.ini…)</numerusform>
            <numerusform>%n system files ignored (Thumbs.db, desktop.ini…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="505"/>
        <source>Đã dừng giữa chừng: {parts}; còn %n ảnh chưa làm (bấm “Bắt đầu” để làm tiếp).</source>
        <translation>
            <numerusform>Stopped partway: {parts}; %n photo not done yet (click “Start” to continue).</numerusform>
            <numerusform>Stopped partway: {parts}; %n photos not done yet (click “Start” to continue).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="547"/>
        <source>Không xử lý được</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="548"/>
        <source>Ghi chú danh sách</source>
        <translation>Roster note</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="569"/>
        <source>Hãy chọn lại thư mục ảnh của lần trước rồi chỉnh ảnh.</source>
        <translation>Choose the last batch&apos;s photo folder again to adjust its photos.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="576"/>
        <source>Ảnh không xử lý được thì không chỉnh tay được: {reason}</source>
        <translation>A photo that failed cannot be adjusted by hand: {reason}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="584"/>
        <location filename="../batch_workspace.py" line="632"/>
        <source>Ảnh này không còn trong thư mục ảnh.</source>
        <translation>This photo is no longer in the photo folder.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="638"/>
        <source>Không ghi được: {reason}</source>
        <translation>Could not be saved: {reason}</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="706"/>
        <source>Chưa chỉnh được ảnh nào của lần trước: {reason}{path}</source>
        <translation>The last batch&apos;s photos cannot be adjusted yet: {reason}{path}</translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="717"/>
        <source>Kết quả lần trước: %n ảnh</source>
        <translation>
            <numerusform>Last batch: %n photo</numerusform>
            <numerusform>Last batch: %n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="508"/>
        <source>Thư mục ảnh không có tệp nào.</source>
        <translation>The photo folder has no files.</translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_workspace.py" line="379"/>
        <source>%n ghi chú khi lập danh sách (xem trong danh sách bên dưới).</source>
        <translation>
            <numerusform>%n note while planning (see the list below).</numerusform>
            <numerusform>%n notes while planning (see the list below).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="509"/>
        <source>Xong: {parts}.</source>
        <translation>Done: {parts}.</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="545"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="546"/>
        <source>Cần xem lại</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../batch_workspace.py" line="572"/>
        <source>Hãy đợi loạt ảnh chạy xong rồi chỉnh từng ảnh.</source>
        <translation>Wait for the batch to finish before adjusting single photos.</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <location filename="../campaign_panel.py" line="169"/>
        <source>Chiến dịch</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="170"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="171"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="172"/>
        <source>Sao chép lời đăng</source>
        <translation>Copy caption</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="173"/>
        <source>Lời nhắc đổi lại ảnh…</source>
        <translation>Switch-back reminder…</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="202"/>
        <source>Đã kết thúc ngày {end} (vẫn dùng được khung).</source>
        <translation>Ended on {end} (the frame can still be used).</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="204"/>
        <source>Đến hết ngày {end}.</source>
        <translation>Until {end}.</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="209"/>
        <source>Đã sao chép lời đăng.</source>
        <translation>Caption copied.</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="218"/>
        <source>Lưu lời nhắc</source>
        <translation>Save reminder</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="218"/>
        <source>Lịch</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="212"/>
        <source>Không lưu được lời nhắc: {error}</source>
        <translation>Could not save the reminder: {error}</translation>
    </message>
    <message>
        <location filename="../campaign_panel.py" line="234"/>
        <source>Đã lưu lời nhắc vào {name}.</source>
        <translation>Reminder saved to {name}.</translation>
    </message>
</context>
<context>
    <name>FramesWorkspace</name>
    <message>
        <location filename="../frames_workspace.py" line="168"/>
        <source>Chọn thư mục ảnh…</source>
        <translation>Choose photo folder…</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="169"/>
        <source>Dùng ảnh thử có sẵn</source>
        <translation>Use built-in sample photos</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="170"/>
        <source>Các ảnh thử đi kèm chương trình</source>
        <translation>The sample photos that come with the app</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="171"/>
        <source>Xuất gói chiến dịch…</source>
        <translation>Export campaign pack…</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="172"/>
        <source>Một tệp .fspack chứa các mẫu khung, để gửi cho các đơn vị</source>
        <translation>One .fspack file with the frames, to send to every agency</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="173"/>
        <source>Xuất trang web…</source>
        <translation>Export web page…</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="175"/>
        <source>Một thư mục trang web để cán bộ gắn khung ngay trên điện thoại; ảnh không rời khỏi máy</source>
        <translation>A web page folder where staff frame their photo on their phone; the photo never leaves the phone</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="177"/>
        <source>Sửa mẫu</source>
        <translation>Edit frame</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="178"/>
        <location filename="../frames_workspace.py" line="265"/>
        <source>Mã QR</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="179"/>
        <source>Đang vẽ…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="180"/>
        <source>Đang xem bản đã sửa (chưa lưu)</source>
        <translation>Showing the edited version (not saved)</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="206"/>
        <source>Lưu gói chiến dịch</source>
        <translation>Save campaign pack</translation>
    </message>
    <message numerus="yes">
        <location filename="../frames_workspace.py" line="220"/>
        <source>Đã xuất trang web: {index} (%n tệp, {size:.1f} MB).</source>
        <translation>
            <numerusform>Web page exported: {index} (%n file, {size:.1f} MB).</numerusform>
            <numerusform>Web page exported: {index} (%n files, {size:.1f} MB).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="268"/>
        <source>Mã QR của “{name}”</source>
        <translation>QR code of “{name}”</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="237"/>
        <source>Đã xuất gói {name}.</source>
        <translation>Pack {name} exported.</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="242"/>
        <source>Không xuất được gói: {error}</source>
        <translation>Could not export the pack: {error}</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="252"/>
        <source>Mẫu khung</source>
        <translation>Frame</translation>
    </message>
    <message numerus="yes">
        <location filename="../frames_workspace.py" line="255"/>
        <source>Ảnh thử: {where} (%n ảnh)</source>
        <translation>
            <numerusform>Sample photos: {where} (%n photo)</numerusform>
            <numerusform>Sample photos: {where} (%n photos)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="256"/>
        <source>ảnh có sẵn</source>
        <translation>built-in</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="289"/>
        <source>Chọn thư mục ảnh khuôn mặt</source>
        <translation>Choose a folder of face photos</translation>
    </message>
    <message>
        <location filename="../frames_workspace.py" line="302"/>
        <source>Thư mục {folder} không có ảnh nào.</source>
        <translation>The folder {folder} has no photos.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../help_dialogs.py" line="89"/>
        <source>Không đọc được hướng dẫn ({error}).</source>
        <translation>Could not read the guide ({error}).</translation>
    </message>
    <message>
        <location filename="../help_dialogs.py" line="93"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>LintView</name>
    <message>
        <location filename="../lint_view.py" line="40"/>
        <source>Kiểm tra mẫu</source>
        <translation>Frame check</translation>
    </message>
    <message>
        <location filename="../lint_view.py" line="55"/>
        <source>Lưu ý: {advice}</source>
        <translation>Note: {advice}</translation>
    </message>
    <message>
        <location filename="../lint_view.py" line="67"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../lint_view.py" line="70"/>
        <source>✓ Không tìm thấy vấn đề nào.</source>
        <translation>✓ No problems found.</translation>
    </message>
    <message numerus="yes">
        <location filename="../lint_view.py" line="73"/>
        <source>⚠ Tìm thấy %n vấn đề:</source>
        <translation>
            <numerusform>⚠ %n problem found:</numerusform>
            <numerusform>⚠ %n problems found:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>Frame Studio — Khung ảnh đại diện</source>
        <translation>Frame Studio — Profile photo frames</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198"/>
        <source>Mở gói chiến dịch…</source>
        <translation>Open campaign pack…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201"/>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="203"/>
        <source>Giới thiệu Frame Studio</source>
        <translation>About Frame Studio</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207"/>
        <source>Ảnh của tôi</source>
        <translation>My photo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207"/>
        <source>Hàng loạt</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207"/>
        <source>Khung</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="276"/>
        <source>Mở gói chiến dịch</source>
        <translation>Open campaign pack</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="276"/>
        <location filename="../main_window.py" line="326"/>
        <location filename="../main_window.py" line="366"/>
        <location filename="../main_window.py" line="375"/>
        <source>Gói chiến dịch</source>
        <translation>Campaign pack</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="284"/>
        <source>Đang mở gói {name}…</source>
        <translation>Opening pack {name}…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="295"/>
        <source>Gói “{name}” đã được mở rồi: không có gì thay đổi.</source>
        <translation>The pack “{name}” is already open: nothing changed.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="309"/>
        <source>Gói này là bản cũ hơn của chiến dịch “{name}” (đến hết {new}); vẫn dùng bản đang có (đến hết {old}).</source>
        <translation>This pack is an older version of the campaign “{name}” (until {new}); the version in use (until {old}) stays.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="316"/>
        <source>Gói này là bản mới hơn của chiến dịch “{name}” (đến hết {new}; bản đang dùng đến hết {old}). Dùng bản mới thay cho bản đang dùng?</source>
        <translation>This pack is a newer version of the campaign “{name}” (until {new}; the version in use runs until {old}). Use the new version instead of the one in use?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321"/>
        <source>Đã có một bản khác của chiến dịch “{name}”, cùng thời gian (đến hết {old}). Dùng gói này thay cho bản đang dùng?</source>
        <translation>Another version of the campaign “{name}” with the same dates (until {old}) is already in use. Use this pack instead?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="328"/>
        <source>Dùng gói này</source>
        <translation>Use this pack</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329"/>
        <source>Giữ bản đang dùng</source>
        <translation>Keep the one in use</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="333"/>
        <source>Vẫn dùng bản đang có của chiến dịch “{name}”.</source>
        <translation>Still using the current version of the campaign “{name}”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="355"/>
        <source>Gói “{name}” không có khung mới: %n khung đã có sẵn.</source>
        <translation>
            <numerusform>The pack “{name}” has no new frames: %n frame was already there.</numerusform>
            <numerusform>The pack “{name}” has no new frames: %n frames were already there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="358"/>
        <source>Đã mở gói “{name}”: %n khung mới.</source>
        <translation>
            <numerusform>Opened the pack “{name}”: %n new frame.</numerusform>
            <numerusform>Opened the pack “{name}”: %n new frames.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="360"/>
        <source>%n khung đã có sẵn.</source>
        <translation>
            <numerusform>%n frame was already there.</numerusform>
            <numerusform>%n frames were already there.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>Không mở được gói {name}: {reason}</source>
        <translation>Could not open pack {name}: {reason}</translation>
    </message>
</context>
<context>
    <name>NamingBox</name>
    <message>
        <location filename="../batch_naming.py" line="76"/>
        <source>Giữ tên ảnh gốc</source>
        <translation>Keep the photo&apos;s name</translation>
    </message>
    <message>
        <location filename="../batch_naming.py" line="77"/>
        <source>Theo danh sách cán bộ</source>
        <translation>From the staff roster</translation>
    </message>
    <message>
        <location filename="../batch_naming.py" line="79"/>
        <source>Mỗi cột viết trong ngoặc nhọn, ví dụ {don_vi}/{ho_va_ten}; dấu / tạo thư mục con.</source>
        <translation>Write each column in braces, e.g. {don_vi}/{ho_va_ten}; a / makes a sub-folder.</translation>
    </message>
    <message>
        <location filename="../batch_naming.py" line="81"/>
        <source>Chèn cột</source>
        <translation>Insert column</translation>
    </message>
    <message>
        <location filename="../batch_naming.py" line="82"/>
        <source>Bỏ dấu tiếng Việt</source>
        <translation>Without diacritics</translation>
    </message>
    <message>
        <location filename="../batch_naming.py" line="163"/>
        <source>Chọn danh sách cán bộ để đặt tên tệp theo họ tên, đơn vị…</source>
        <translation>Choose a staff roster to name the files by name, unit…</translation>
    </message>
    <message>
        <location filename="../batch_naming.py" line="167"/>
        <source>Ví dụ: {names}</source>
        <translation>For example: {names}</translation>
    </message>
    <message>
        <location filename="../batch_naming.py" line="169"/>
        <source>Tệp kết quả giữ tên của ảnh gốc.</source>
        <translation>The framed files keep the photos&apos; names.</translation>
    </message>
</context>
<context>
    <name>PackExportDialog</name>
    <message>
        <location filename="../pack_export.py" line="106"/>
        <source>Xuất gói…</source>
        <translation>Export pack…</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="107"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="111"/>
        <source>Tên chiến dịch</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="112"/>
        <source>Đường dẫn chiến dịch</source>
        <translation>Campaign link</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="113"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="114"/>
        <source>Kết thúc</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../pack_export.py" line="115"/>
        <source>Lời đăng kèm ảnh</source>
        <translation>Caption to post</translation>
    </message>
    <message numerus="yes">
        <location filename="../pack_export.py" line="117"/>
        <source>Xuất gói chiến dịch (%n khung)</source>
        <translation>
            <numerusform>Export campaign pack (%n frame)</numerusform>
            <numerusform>Export campaign pack (%n frames)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoWorkspace</name>
    <message>
        <location filename="../photo_workspace.py" line="218"/>
        <source>Mở ảnh…</source>
        <extracomment>The file dialog&apos;s filter: &quot;*.avif *.bmp *.gif ...&quot;.</extracomment>
        <translation>Open photo…</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="220"/>
        <location filename="../photo_workspace.py" line="446"/>
        <source>Về vị trí tự động</source>
        <translation>Reset to automatic</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="222"/>
        <source>Cân thẳng đầu theo hai mắt</source>
        <translation>Level the head by the eyes</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="223"/>
        <source>Lưu ảnh…</source>
        <translation>Save photo…</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="225"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="227"/>
        <source>Lưu vào kết quả hàng loạt</source>
        <translation>Save to batch results</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="228"/>
        <source>Như trên Facebook:</source>
        <translation>As on Facebook:</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="230"/>
        <source>Độ phân giải thấp: ảnh lưu ra sẽ bị mờ. Nên dùng ảnh gốc lớn hơn hoặc thu nhỏ ảnh.</source>
        <translation>Low resolution: the saved photo will be blurry. Use a larger original photo, or zoom out.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="233"/>
        <source>Khung</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="233"/>
        <location filename="../photo_workspace.py" line="236"/>
        <source>Thu phóng</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="233"/>
        <location filename="../photo_workspace.py" line="237"/>
        <source>Xoay</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="290"/>
        <source>Đã lưu vào kết quả hàng loạt.</source>
        <translation>Saved to the batch results.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="294"/>
        <source>Chọn ảnh</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="294"/>
        <source>Ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="311"/>
        <source>Đang mở {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="344"/>
        <source>Không mở được {name}: {reason}</source>
        <translation>Could not open {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="345"/>
        <source>Không mở được ảnh</source>
        <translation>Could not open the photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="429"/>
        <source>Chỉnh ảnh</source>
        <translation>Adjust photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="429"/>
        <source>Kéo ảnh</source>
        <translation>Move photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="440"/>
        <source>Chọn khuôn mặt</source>
        <translation>Choose face</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="469"/>
        <source>Chưa có ảnh.</source>
        <translation>No photo yet.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="475"/>
        <source>Bấm vào một khuôn mặt trên ảnh để gắn khung cho người đó.</source>
        <translation>Click a face in the photo to frame that person.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="515"/>
        <location filename="../photo_workspace.py" line="521"/>
        <source>Lưu ảnh</source>
        <translation>Save photo</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="520"/>
        <source>Đã có tệp {name}. Thay thế tệp đó?</source>
        <translation>{name} already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="521"/>
        <source>Thay</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="521"/>
        <source>Giữ nguyên</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="542"/>
        <source>Đã lưu {name}</source>
        <translation>Saved {name}</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="550"/>
        <source>Đã sao chép ảnh vào bộ nhớ tạm.</source>
        <translation>Photo copied to the clipboard.</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="556"/>
        <source>Không lưu được ảnh: {reason}</source>
        <translation>Could not save the photo: {reason}</translation>
    </message>
    <message>
        <location filename="../photo_workspace.py" line="557"/>
        <source>Không lưu được ảnh</source>
        <translation>Could not save the photo</translation>
    </message>
</context>
<context>
    <name>PlacementCanvas</name>
    <message>
        <location filename="../canvas.py" line="108"/>
        <source>Ảnh đại diện xem trước</source>
        <extracomment>Every key the canvas answers (`NudgeKeys` binds them as shortcuts of the editor too). Widgets that use the arrow keys themselves: the nudge shortcuts leave those keys to them.</extracomment>
        <translation>Profile photo preview</translation>
    </message>
    <message>
        <location filename="../canvas.py" line="187"/>
        <source>Kéo thả ảnh vào đây
hoặc bấm “Mở ảnh…”</source>
        <translation>Drop a photo here
or click “Open photo…”</translation>
    </message>
</context>
<context>
    <name>PlacementHistory</name>
    <message>
        <location filename="../placement_undo.py" line="145"/>
        <source>Hoàn tác</source>
        <extracomment>Nudges closer together than this (seconds) are undone as one step.</extracomment>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../placement_undo.py" line="146"/>
        <source>Hoàn tác thao tác vừa làm (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../placement_undo.py" line="148"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../placement_undo.py" line="149"/>
        <source>Làm lại thao tác vừa hoàn tác (Ctrl+Shift+Z hoặc Ctrl+Y)</source>
        <translation>Redo the change just undone (Ctrl+Shift+Z or Ctrl+Y)</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <location filename="../qr_panel.py" line="95"/>
        <source>Xuất PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="96"/>
        <source>Xuất SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="91"/>
        <source>Đường dẫn chiến dịch (mã QR dẫn tới đây):</source>
        <translation>Campaign link (the QR code points here):</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="93"/>
        <source>Sửa đường dẫn thì mã QR vẽ lại ngay; khi lưu mẫu mới, đường dẫn này được lưu theo.</source>
        <translation>Editing the link redraws the QR code at once; saving a new frame saves this link with it.</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="98"/>
        <location filename="../qr_panel.py" line="134"/>
        <source>Chưa có đường dẫn</source>
        <translation>No link yet</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="154"/>
        <source>Xuất mã QR</source>
        <translation>Export QR code</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="162"/>
        <source>Đang xuất {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="171"/>
        <source>Đã xuất mã QR: {path}</source>
        <translation>QR code exported: {path}</translation>
    </message>
    <message>
        <location filename="../qr_panel.py" line="177"/>
        <source>Không xuất được {name}: {error}</source>
        <translation>Could not export {name}: {error}</translation>
    </message>
</context>
<context>
    <name>RecentPhotosMenu</name>
    <message>
        <location filename="../recent_photos.py" line="34"/>
        <source>Ảnh mở gần đây</source>
        <translation>Recent photos</translation>
    </message>
    <message>
        <location filename="../recent_photos.py" line="65"/>
        <source>Chưa có ảnh nào</source>
        <translation>No photos yet</translation>
    </message>
    <message>
        <location filename="../recent_photos.py" line="69"/>
        <source>Xóa danh sách</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../recent_photos.py" line="99"/>
        <source>Không còn thấy ảnh “{name}”: đã bỏ khỏi danh sách ảnh gần đây.</source>
        <translation>The photo “{name}” is no longer there: removed from the recent photos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../recent_photos.py" line="102"/>
        <source>Không còn thấy %n ảnh: đã bỏ khỏi danh sách ảnh gần đây.</source>
        <translation>
            <numerusform>%n photo is no longer there: removed from the recent photos.</numerusform>
            <numerusform>%n photos are no longer there: removed from the recent photos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitSummary</name>
    <message>
        <location filename="../unit_summary.py" line="55"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="56"/>
        <source>Số cán bộ</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="57"/>
        <source>Đã gắn khung</source>
        <translation>Framed</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="58"/>
        <source>Chưa có ảnh</source>
        <translation>No photo yet</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="59"/>
        <source>Cần xem lại</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="62"/>
        <source>Mở bảng tổng hợp</source>
        <translation>Open the summary</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="86"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="88"/>
        <source>(Chưa ghi đơn vị)</source>
        <translation>(No unit given)</translation>
    </message>
    <message>
        <location filename="../unit_summary.py" line="96"/>
        <source>Mọi cán bộ trong danh sách đều đã có ảnh.</source>
        <translation>Everyone in the roster has a photo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../unit_summary.py" line="98"/>
        <source> và %n người khác</source>
        <translation>
            <numerusform> and %n other</numerusform>
            <numerusform> and %n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../unit_summary.py" line="99"/>
        <source>Chưa có ảnh (%n người): </source>
        <translation>
            <numerusform>No photo yet (%n person): </numerusform>
            <numerusform>No photo yet (%n people): </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VariantEditor</name>
    <message>
        <location filename="../variant_editor.py" line="221"/>
        <source>Chữ trên khung</source>
        <translation>Frame text</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="222"/>
        <source>Màu</source>
        <translation>Colors</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="223"/>
        <source>Áp dụng lên bảng</source>
        <translation>Apply to board</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="225"/>
        <source>Mẫu mới</source>
        <translation>New frame</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="226"/>
        <source>Tên mẫu</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="227"/>
        <source>Mã mẫu</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="228"/>
        <source>ví dụ: congress-ring-2</source>
        <translation>e.g. congress-ring-2</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="229"/>
        <source>Lưu thành mẫu mới…</source>
        <translation>Save as new frame…</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="230"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="231"/>
        <source>Như trên Facebook (176 px)</source>
        <translation>As on Facebook (176 px)</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="232"/>
        <source>Đang vẽ…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="240"/>
        <source>Chọn một mẫu khung trên bảng.</source>
        <translation>Choose a frame on the board.</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="242"/>
        <source> (đã sửa, chưa lưu)</source>
        <translation> (edited, not saved)</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="497"/>
        <source>Mã mẫu “{id}” đã có; hãy chọn mã khác.</source>
        <translation>The ID “{id}” is already taken; choose another.</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="214"/>
        <source>{name} (mới)</source>
        <translation>{name} (new)</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="224"/>
        <source>Bỏ các thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="439"/>
        <location filename="../variant_editor.py" line="446"/>
        <source>Không vẽ được mẫu này: {error}</source>
        <translation>Could not draw this frame: {error}</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="471"/>
        <source>Chọn thư mục để lưu mẫu mới</source>
        <translation>Choose a folder for the new frame</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="501"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="515"/>
        <source>Đã lưu mẫu mới vào {folder}</source>
        <translation>New frame saved to {folder}</translation>
    </message>
    <message>
        <location filename="../variant_editor.py" line="524"/>
        <source>Không lưu được: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>WebPageExporter</name>
    <message>
        <location filename="../web_export.py" line="50"/>
        <source>Địa chỉ trang web</source>
        <translation>Web page address</translation>
    </message>
    <message>
        <location filename="../web_export.py" line="51"/>
        <source>Địa chỉ nơi cơ quan sẽ đăng trang (để in vào mã QR; có thể để trống):</source>
        <translation>The address where your agency will publish the page (for the QR code; may be left empty):</translation>
    </message>
    <message>
        <location filename="../web_export.py" line="57"/>
        <source>Chọn thư mục lưu trang web</source>
        <translation>Choose a folder for the web page</translation>
    </message>
    <message>
        <location filename="../web_export.py" line="88"/>
        <source>Không xuất được trang web: {error}</source>
        <translation>Could not export the web page: {error}</translation>
    </message>
    <message>
        <location filename="../web_export.py" line="93"/>
        <source>Thư mục đã có tệp khác</source>
        <translation>The folder has other files</translation>
    </message>
    <message>
        <location filename="../web_export.py" line="95"/>
        <source>Thư mục {folder} đã có tệp trùng tên với tệp của trang web mà Frame Studio không ghi ra. Thay các tệp đó bằng trang web?</source>
        <translation>The folder {folder} has files with the same names as the web page&apos;s files, which Frame Studio did not write. Replace them with the web page?</translation>
    </message>
    <message>
        <location filename="../web_export.py" line="98"/>
        <source>Thay</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../web_export.py" line="99"/>
        <source>Giữ nguyên</source>
        <translation>Keep them</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="100"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../app.py" line="101"/>
        <source>Đã xảy ra lỗi không mong muốn: {error}</source>
        <translation>An unexpected error occurred: {error}</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <location filename="../ask.py" line="20"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../ask.py" line="21"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../ask.py" line="40"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../ask.py" line="58"/>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../ask.py" line="59"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>frames</name>
    <message>
        <location filename="../frame_combo.py" line="59"/>
        <source>đã kết thúc {date}</source>
        <translation>ended {date}</translation>
    </message>
    <message>
        <location filename="../frame_combo.py" line="117"/>
        <source>Khung khác</source>
        <translation>Other frames</translation>
    </message>
</context>
<context>
    <name>help_dialogs</name>
    <message>
        <location filename="../help_dialogs.py" line="68"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>không thấy khuôn mặt</source>
        <translation>no face found</translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>có nhiều khuôn mặt</source>
        <translation>several faces</translation>
    </message>
    <message>
        <location filename="../messages.py" line="33"/>
        <source>ảnh được bù nền</source>
        <translation>padded</translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>độ phân giải thấp</source>
        <translation>low resolution</translation>
    </message>
    <message>
        <location filename="../messages.py" line="53"/>
        <source>không tìm thấy tệp</source>
        <translation>file not found</translation>
    </message>
    <message>
        <location filename="../messages.py" line="54"/>
        <source>đây không phải là tệp ảnh (thư mục hoặc tệp đặc biệt)</source>
        <translation>not a regular file (a folder or special file)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>tệp rỗng (0 byte)</source>
        <translation>empty file (0 bytes)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="63"/>
        <source>không phải ảnh được hỗ trợ (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)</source>
        <translation>not a supported image (JPEG, PNG, WebP, HEIC, AVIF, GIF, BMP, TIFF)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>tệp ảnh bị cắt cụt (sao chép hoặc tải về chưa xong)</source>
        <translation>truncated image file (incomplete copy or download)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="68"/>
        <source>ảnh quá lớn (quá {megapixels} triệu điểm ảnh)</source>
        <translation>image too large (over {megapixels} megapixels)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="71"/>
        <source>ảnh quá nhỏ (cần ít nhất 64 điểm ảnh mỗi cạnh)</source>
        <translation>image too small (needs at least 64 pixels per side)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="81"/>
        <source>ổ đĩa đã đầy; chưa ghi gì</source>
        <translation>disk full; nothing was written</translation>
    </message>
    <message>
        <location filename="../messages.py" line="85"/>
        <source>không có quyền ghi vào đây</source>
        <translation>no permission to write here</translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>thư mục đích không tồn tại</source>
        <translation>the destination folder does not exist</translation>
    </message>
    <message>
        <location filename="../messages.py" line="77"/>
        <source>bộ giải mã ảnh bị lỗi với tệp này</source>
        <translation>the image decoder crashed on this file</translation>
    </message>
    <message>
        <location filename="../messages.py" line="107"/>
        <source>thư mục kết quả không được nằm trong thư mục ảnh</source>
        <translation>the output folder must not be inside the photo folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="92"/>
        <source>tệp đang được mở trong chương trình khác (Excel, trình xem ảnh, phần mềm diệt virus): hãy đóng tệp rồi chạy lại</source>
        <translation>the file is open in another program (Excel, a photo viewer, an antivirus scan): close it and run again</translation>
    </message>
    <message>
        <location filename="../messages.py" line="88"/>
        <source>đường dẫn quá dài đối với Windows (quá 260 ký tự): hãy chọn thư mục kết quả gần gốc ổ đĩa hơn</source>
        <translation>the path is too long for Windows (over 260 characters): choose an output folder closer to the top of the drive</translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>một loạt ảnh khác đang ghi vào thư mục này; hãy đợi loạt đó xong</source>
        <translation>another batch is writing into this folder; wait for it to finish</translation>
    </message>
    <message>
        <location filename="../messages.py" line="82"/>
        <source>ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được; hãy chọn thư mục kết quả khác</source>
        <translation>the disk or folder is read-only; choose another output folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="98"/>
        <source>không tạo được thư mục kết quả; hãy kiểm tra lại đường dẫn hoặc chọn thư mục khác</source>
        <translation>cannot create the output folder; check the path or choose another folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>cần ít nhất một khung và một ảnh để xem thử</source>
        <translation>needs at least one frame and one photo to preview</translation>
    </message>
    <message>
        <location filename="../messages.py" line="57"/>
        <source>không đọc được tệp hoặc thư mục này (không có quyền hoặc lỗi ổ đĩa)</source>
        <translation>cannot read this file or folder (no permission or a disk error)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>không đọc được thư mục này (không có quyền hoặc lỗi ổ đĩa); không xử lý được</source>
        <translation>this folder cannot be read (no permission or a disk error); cannot be processed</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>tệp bị hỏng, không đọc được nội dung</source>
        <translation>the file is damaged; its content cannot be read</translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>tên tệp có ký tự không đọc được; hãy đổi tên tệp</source>
        <translation>the file name has characters that cannot be read; rename the file</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>lối tắt vòng lặp (lối tắt trỏ vòng về chính nó); không xử lý được</source>
        <translation>a link that loops (it leads back to itself); cannot be processed</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>lối tắt trỏ ra ngoài thư mục ảnh</source>
        <translation>link points outside the photo folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="80"/>
        <source>đã có tệp hoặc thư mục trùng tên</source>
        <translation>a file or folder with this name already exists</translation>
    </message>
    <message>
        <location filename="../messages.py" line="102"/>
        <source>định dạng tệp không được hỗ trợ (ảnh: JPG, PNG hoặc WebP; mã QR: PNG hoặc SVG)</source>
        <translation>file format not supported (photos: JPG, PNG or WebP; QR codes: PNG or SVG)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="126"/>
        <source>danh sách cán bộ không phải văn bản UTF-8 hay Windows-1258; hãy lưu lại tệp CSV dạng UTF-8</source>
        <translation>the staff roster is not UTF-8 or Windows-1258 text; save the CSV file again as UTF-8</translation>
    </message>
    <message>
        <location filename="../messages.py" line="130"/>
        <source>danh sách cán bộ không phải tệp Excel (.xlsx) đọc được</source>
        <translation>the staff roster is not a readable Excel (.xlsx) file</translation>
    </message>
    <message>
        <location filename="../messages.py" line="131"/>
        <source>danh sách cán bộ không có dòng nào</source>
        <translation>the staff roster has no rows</translation>
    </message>
    <message>
        <location filename="../messages.py" line="132"/>
        <source>danh sách cán bộ quá dài (quá {rows} dòng)</source>
        <translation>the staff roster is too long (over {rows} rows)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>danh sách cán bộ không có cột ghi tên tệp ảnh (cột như “Ảnh” hoặc “Tên file”)</source>
        <translation>the staff roster has no column with the photo file names (a column such as “Ảnh” or “Tên file”)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>không tìm thấy mẫu khung hoặc tệp cần dùng</source>
        <translation>the frame, or a file it needs, was not found</translation>
    </message>
    <message>
        <location filename="../messages.py" line="140"/>
        <source>mẫu khung có chỗ chưa đúng trong tệp frame.toml</source>
        <translation>the frame has a mistake in its frame.toml file</translation>
    </message>
    <message>
        <location filename="../messages.py" line="141"/>
        <source>chữ quá dài, không vừa chỗ dành cho nó; hãy rút ngắn</source>
        <translation>the text is too long for its space; shorten it</translation>
    </message>
    <message>
        <location filename="../messages.py" line="144"/>
        <source>đường dẫn quá dài để tạo mã QR; hãy dùng đường dẫn ngắn hơn</source>
        <translation>the link is too long for a QR code; use a shorter link</translation>
    </message>
    <message>
        <location filename="../messages.py" line="145"/>
        <source>mã QR đọc lại không khớp với đường dẫn; chưa lưu gì</source>
        <translation>the QR code read back does not match the link; nothing was saved</translation>
    </message>
    <message>
        <location filename="../messages.py" line="147"/>
        <source>không có khung cần dùng (gói chiến dịch không có khung này, hoặc chưa chọn khung nào)</source>
        <translation>the frame needed is missing (the campaign pack does not have it, or no frame is chosen)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="151"/>
        <source>tệp này không phải gói chiến dịch (thiếu campaign.toml)</source>
        <translation>this file is not a campaign pack (campaign.toml is missing)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="152"/>
        <source>gói chiến dịch bị lỗi (tệp campaign.toml không đúng)</source>
        <translation>the campaign pack is faulty (its campaign.toml is not valid)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="153"/>
        <source>gói chiến dịch được tạo bởi phiên bản Frame Studio khác; hãy cập nhật Frame Studio</source>
        <translation>the campaign pack was made by another version of Frame Studio; update Frame Studio</translation>
    </message>
    <message>
        <location filename="../messages.py" line="156"/>
        <source>gói chiến dịch chứa tệp không thuộc về gói; không mở</source>
        <translation>the campaign pack contains files that do not belong to it; not opened</translation>
    </message>
    <message>
        <location filename="../messages.py" line="157"/>
        <source>khung chưa được lưu vào thư mục; hãy lưu khung trước</source>
        <translation>the frame is not saved in a folder yet; save it first</translation>
    </message>
    <message>
        <location filename="../messages.py" line="158"/>
        <source>tệp này không phải gói chiến dịch</source>
        <translation>this file is not a campaign pack</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>gói chiến dịch có quá nhiều tệp; không mở</source>
        <translation>the campaign pack has too many files; not opened</translation>
    </message>
    <message>
        <location filename="../messages.py" line="160"/>
        <source>gói chiến dịch có tên tệp không an toàn; không mở</source>
        <translation>the campaign pack has an unsafe file name; not opened</translation>
    </message>
    <message>
        <location filename="../messages.py" line="161"/>
        <source>gói chiến dịch chứa lối tắt tới tệp khác; không mở</source>
        <translation>the campaign pack contains a link to another file; not opened</translation>
    </message>
    <message>
        <location filename="../messages.py" line="171"/>
        <source>có hai khung trùng mã</source>
        <translation>two frames have the same ID</translation>
    </message>
    <message>
        <location filename="../messages.py" line="220"/>
        <source>{name}: danh sách cán bộ ghi ảnh “{photo}” nhưng thư mục ảnh không có</source>
        <translation>{name}: the staff roster names the photo “{photo}”, which is not in the photo folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="223"/>
        <source>{name}: các dòng {rows} của danh sách cán bộ cùng ghi ảnh này, nên chưa gán cho ai</source>
        <translation>{name}: rows {rows} of the staff roster all name this photo, so it was given to nobody</translation>
    </message>
    <message>
        <location filename="../messages.py" line="226"/>
        <source>{name}: có nhiều ảnh cùng khớp với cán bộ này ({files}), nên chưa gán ảnh nào</source>
        <translation>{name}: several photos match this person ({files}), so none was given to them</translation>
    </message>
    <message>
        <location filename="../messages.py" line="162"/>
        <source>gói chiến dịch chứa tệp đặc biệt; không mở</source>
        <translation>the campaign pack contains a special file; not opened</translation>
    </message>
    <message>
        <location filename="../messages.py" line="163"/>
        <source>gói chiến dịch có tệp bị mã hoá; không mở</source>
        <translation>the campaign pack has an encrypted file; not opened</translation>
    </message>
    <message>
        <location filename="../messages.py" line="164"/>
        <source>gói chiến dịch dùng kiểu nén mà Frame Studio không đọc được</source>
        <translation>the campaign pack uses a compression that Frame Studio cannot read</translation>
    </message>
    <message>
        <location filename="../messages.py" line="165"/>
        <source>gói chiến dịch quá lớn</source>
        <translation>the campaign pack is too large</translation>
    </message>
    <message>
        <location filename="../messages.py" line="166"/>
        <source>gói chiến dịch có tệp giải nén ra lớn bất thường (có thể là tệp độc hại); không mở</source>
        <translation>the campaign pack has a file that unpacks to an unusually large size (possibly harmful); not opened</translation>
    </message>
    <message>
        <location filename="../messages.py" line="170"/>
        <source>địa chỉ trang web không hợp lệ (cần bắt đầu bằng https://)</source>
        <translation>the web address is not valid (it must start with https://)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="172"/>
        <source>thư mục đã có những tệp không do Frame Studio tạo; hãy chọn thư mục trống</source>
        <translation>the folder has files that Frame Studio did not make; choose an empty folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="176"/>
        <source>Ô ảnh (chỗ hiện ảnh chân dung) tràn ra ngoài khung.</source>
        <translation>The photo window (where the portrait shows) goes outside the frame.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="177"/>
        <source>Ô ảnh quá nhỏ: chỉ bằng {size:.0%} cạnh khung, cần ít nhất {minimum:.0%}.</source>
        <translation>The photo window is too small: only {size:.0%} of the frame&apos;s side; it needs at least {minimum:.0%}.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="180"/>
        <source>Vị trí đặt khuôn mặt không nằm trọn trong ô ảnh.</source>
        <translation>The face position is not wholly inside the photo window.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="181"/>
        <source>{part} có chữ mà phông {font} không có: {characters}. Hãy đổi phông chữ hoặc bỏ các chữ này.</source>
        <translation>{part} has characters that the font {font} lacks: {characters}. Change the font or remove these characters.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="185"/>
        <source>{part} quá dài, tràn ra ngoài chỗ dành cho nó. Hãy rút ngắn “{text}”.</source>
        <translation>{part} is too long and overflows its space. Shorten “{text}”.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="188"/>
        <source>{part} quá dài: dù đã thu chữ nhỏ tới mức nhỏ nhất còn đọc rõ ({minimum} px trên ảnh {at} px), chữ vẫn không vừa vòng tròn. Hãy rút ngắn “{text}”.</source>
        <translation>{part} is too long: even at the smallest legible size ({minimum} px on a {at} px image) it does not fit the circle. Shorten “{text}”.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="193"/>
        <source>{part} lọt ra ngoài vòng tròn mà Facebook hiển thị, nên sẽ bị cắt mất.</source>
        <translation>{part} reaches outside the circle Facebook shows, so it will be cut off.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="196"/>
        <source>{part} chỉ có {width} x {height} điểm ảnh, quá nhỏ cho ảnh {output} px: ảnh gắn khung sẽ bị mờ.</source>
        <translation>{part} is only {width} x {height} pixels, too small for a {output} px image: the framed photo will be blurry.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="200"/>
        <source>{part} sẽ bị kéo méo vì tỉ lệ của ảnh khác với ô dành cho nó.</source>
        <translation>{part} will be stretched because its proportions differ from its box.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="203"/>
        <source>{part} không trong suốt ở chỗ hiện ảnh chân dung, nên sẽ che mất ảnh.</source>
        <translation>{part} is not transparent where the portrait shows, so it will hide the photo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="206"/>
        <source>Đây là đường dẫn khung ảnh đại diện của Facebook, tính năng Facebook đã bỏ từ năm 2022: đường dẫn này không còn mở ra khung nữa. Hãy giữ nó làm đường dẫn cũ của chiến dịch, còn mã QR thì nên dẫn tới trang mà cơ quan đăng tải chiến dịch.</source>
        <translation>This is a Facebook profile-frame link, a feature Facebook withdrew in 2022: the link no longer opens a frame. Keep it as the campaign&apos;s historical link, but point the QR code at the page where your agency publishes the campaign.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="213"/>
        <source>{name}: thư mục lối tắt, không mở vào (ảnh trong đó không được tính)</source>
        <translation>{name}: a linked folder, not followed (its photos are not included)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="216"/>
        <source>Thư mục con không được tính ({count}): chỉ lấy ảnh nằm ngay trong thư mục ảnh</source>
        <translation>Sub-folders left out ({count}): only the photos directly in the photo folder are used</translation>
    </message>
    <message>
        <location filename="../messages.py" line="219"/>
        <source>{name}: không có dòng nào trong danh sách cán bộ</source>
        <translation>{name}: no row in the staff roster</translation>
    </message>
    <message>
        <location filename="../messages.py" line="229"/>
        <source>{file}: đã có tệp khác trùng tên (không do Frame Studio tạo), nên lưu thành {chosen}</source>
        <translation>{file}: another file (not made by Frame Studio) has this name, so it was saved as {chosen}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="232"/>
        <source>{file}: cũng không ghi, để hai tệp báo cáo nói về cùng một lần chạy</source>
        <translation>{file}: not written either, so that the two reports describe the same run</translation>
    </message>
    <message>
        <location filename="../messages.py" line="249"/>
        <source>lỗi không mong đợi</source>
        <translation>unexpected error</translation>
    </message>
    <message>
        <location filename="../messages.py" line="143"/>
        <source>chưa có đường dẫn để tạo mã QR</source>
        <translation>there is no link to put in the QR code</translation>
    </message>
</context>
<context>
    <name>parts</name>
    <message>
        <location filename="../part_names.py" line="18"/>
        <source>Nền</source>
        <translation>Background</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="19"/>
        <source>Lời chào</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="20"/>
        <source>Vòng dưới (nhiệm kỳ)</source>
        <translation>Lower arc (term)</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="21"/>
        <source>Dòng 1</source>
        <translation>Line 1</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="22"/>
        <source>Dòng 2</source>
        <translation>Line 2</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="23"/>
        <source>Dòng 3 (nhiệm kỳ)</source>
        <translation>Line 3 (term)</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="24"/>
        <source>Số đại hội</source>
        <translation>Congress number</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="25"/>
        <source>Nhiệm kỳ</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="26"/>
        <source>Vành khung</source>
        <translation>Frame ring</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="27"/>
        <source>Viền trong</source>
        <translation>Inner border</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="28"/>
        <source>Viền ngoài</source>
        <translation>Outer border</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="29"/>
        <source>Băng rôn</source>
        <translation>Banner</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="30"/>
        <source>Bóng băng rôn</source>
        <translation>Banner shadow</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="31"/>
        <source>Chỉ vàng trên</source>
        <translation>Upper gold line</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="32"/>
        <source>Chỉ vàng dưới</source>
        <translation>Lower gold line</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="33"/>
        <source>Huy hiệu</source>
        <translation>Emblem</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="34"/>
        <source>Viền huy hiệu</source>
        <translation>Emblem rim</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="35"/>
        <source>Ngôi sao</source>
        <translation>Star</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="36"/>
        <location filename="../part_names.py" line="64"/>
        <source>Ảnh khung</source>
        <translation>Frame image</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="58"/>
        <source>Dòng chữ trên vòng dưới</source>
        <translation>Text on the lower arc</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="60"/>
        <source>Dòng chữ trên vòng trên</source>
        <translation>Text on the upper arc</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="62"/>
        <source>Dòng chữ</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="66"/>
        <source>Hình trang trí</source>
        <translation>Decoration</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="73"/>
        <source>Ô ảnh</source>
        <translation>Photo window</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="74"/>
        <source>Vị trí khuôn mặt</source>
        <translation>Face position</translation>
    </message>
    <message>
        <location filename="../part_names.py" line="75"/>
        <source>Đường dẫn chiến dịch</source>
        <translation>Campaign link</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../review_model.py" line="53"/>
        <source>đã chỉnh tay</source>
        <translation>adjusted by hand</translation>
    </message>
    <message>
        <location filename="../messages.py" line="87"/>
        <source>không ghi được tệp kết quả (lỗi ổ đĩa hoặc không có quyền ghi)</source>
        <translation>cannot write the output file (a disk error or no permission to write)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="78"/>
        <source>lỗi không mong đợi khi xử lý ảnh này</source>
        <translation>unexpected error while processing this photo</translation>
    </message>
    <message>
        <location filename="../messages.py" line="106"/>
        <source>thư mục ảnh không tồn tại hoặc không phải là thư mục</source>
        <translation>the photo folder does not exist or is not a folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="101"/>
        <source>đường dẫn kết quả đã có và không phải là thư mục</source>
        <translation>the output path exists and is not a folder</translation>
    </message>
    <message>
        <location filename="../messages.py" line="108"/>
        <source>cần ít nhất một kích thước và một định dạng JPG, PNG hoặc WebP</source>
        <translation>needs at least one size and one format (JPG, PNG or WebP)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="109"/>
        <source>không tải được khung đã chọn</source>
        <translation>could not load the chosen frame</translation>
    </message>
    <message>
        <location filename="../messages.py" line="110"/>
        <source>mẫu tên tệp dùng một cột không có trong danh sách cán bộ</source>
        <translation>the file name pattern uses a column that is not in the staff roster</translation>
    </message>
    <message>
        <location filename="../messages.py" line="111"/>
        <source>thư mục ảnh, ảnh trong đó hoặc thiết lập đã khác với lần gắn khung này: hãy chọn lại như lúc đó để chỉnh tay</source>
        <translation>the photo folder, its photos or the settings are not this batch&apos;s: choose them as they were to adjust photos by hand</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>danh sách là tệp Excel đời cũ (.xls): hãy mở bằng Excel và lưu lại thành .xlsx</source>
        <translation>the roster is an old Excel workbook (.xls): open it in Excel and save it as .xlsx</translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>mẫu tên tệp viết chưa đúng: mỗi cột đặt trong một cặp ngoặc nhọn, ví dụ {ho_va_ten}</source>
        <translation>the name template is not written right: put each column in a pair of braces, e.g. {ho_va_ten}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="122"/>
        <source>muốn đặt tên tệp theo mẫu thì cần chọn danh sách cán bộ</source>
        <translation>naming files by a template needs a staff roster</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="70"/>
        <source>Cần xem lại</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="72"/>
        <source>Đã chỉnh tay</source>
        <translation>Adjusted by hand</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="76"/>
        <source>Đã có từ lần trước</source>
        <translation>Already done</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="68"/>
        <source>Không xử lý được</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="55"/>
        <source>đã xem, giữ nguyên</source>
        <translation>reviewed, kept as is</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="66"/>
        <location filename="../review_model.py" line="236"/>
        <source>Ghi chú danh sách</source>
        <translation>Roster note</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="74"/>
        <source>Đã xem, giữ nguyên</source>
        <translation>Reviewed, keep as is</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="77"/>
        <source>Đã gắn khung</source>
        <translation>Framed</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="203"/>
        <source>Ảnh</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="204"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="205"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="206"/>
        <source>Cần chú ý</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../review_model.py" line="207"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
</TS>
