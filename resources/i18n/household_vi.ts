<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>HouseholdField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>latitude longitude, e.g. 16.4637 107.5909</source>
        <translation>vĩ độ kinh độ, ví dụ 16.4637 107.5909</translation>
    </message>
    <message>
        <source>Use current position</source>
        <translation>Dùng vị trí hiện tại</translation>
    </message>
</context>
<context>
    <name>HouseholdFormView</name>
    <message>
        <source>← Households</source>
        <translation>← Hộ gia đình</translation>
    </message>
    <message>
        <source>Language of the questionnaire</source>
        <translation>Ngôn ngữ của bảng hỏi</translation>
    </message>
    <message>
        <source>Speed test of this connection…</source>
        <translation>Đo tốc độ kết nối của hộ…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Lịch sử…</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Lưu nháp</translation>
    </message>
    <message>
        <source>Drafts are also saved automatically (Ctrl+S)</source>
        <translation>Bản nháp cũng được lưu tự động (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>Change a finalized interview; you will be asked why</source>
        <translation>Sửa phiếu đã hoàn tất; bạn sẽ được hỏi lý do</translation>
    </message>
    <message>
        <source>Save &amp;changes</source>
        <translation>Lưu &amp;thay đổi</translation>
    </message>
    <message>
        <source>The speed test is not available in this version of the app.</source>
        <translation>Phiên bản ứng dụng này chưa có chức năng đo tốc độ.</translation>
    </message>
    <message>
        <source>Measure the household&apos;s own connection; the result is linked to this interview</source>
        <translation>Đo kết nối của chính hộ này; kết quả được gắn với phiếu phỏng vấn</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Xoá thành viên</translation>
    </message>
    <message>
        <source>Remove member {n} and their answers?</source>
        <translation>Xoá thành viên {n} cùng các câu trả lời?</translation>
    </message>
    <message>
        <source>No position yet: connect the GPS (Signal page) or type the latitude and longitude.</source>
        <translation>Chưa có vị trí: hãy kết nối GPS (trang Tín hiệu) hoặc nhập vĩ độ và kinh độ.</translation>
    </message>
    <message>
        <source>Draft saved at {time}</source>
        <translation>Đã lưu nháp lúc {time}</translation>
    </message>
    <message>
        <source>The household refused; the refusal is recorded.</source>
        <translation>Hộ gia đình từ chối; đã ghi nhận việc từ chối.</translation>
    </message>
    <message>
        <source>The interview is finalized.</source>
        <translation>Phiếu phỏng vấn đã hoàn tất.</translation>
    </message>
    <message>
        <source>Edit a finalized interview</source>
        <translation>Sửa phiếu đã hoàn tất</translation>
    </message>
    <message>
        <source>Why does this interview need to change?</source>
        <translation>Vì sao cần sửa phiếu này?</translation>
    </message>
    <message>
        <source>Say why the interview changes; the reason is kept in its history.</source>
        <translation>Hãy nêu lý do sửa phiếu; lý do được lưu trong lịch sử.</translation>
    </message>
    <message>
        <source>Editing. Reason: {reason}</source>
        <translation>Đang sửa. Lý do: {reason}</translation>
    </message>
    <message>
        <source>Changes saved; the previous version is kept in the history.</source>
        <translation>Đã lưu thay đổi; phiên bản trước được giữ trong lịch sử.</translation>
    </message>
    <message>
        <source>End interview (&amp;refused)</source>
        <translation>Kết thúc (&amp;từ chối)</translation>
    </message>
    <message>
        <source>&amp;Finalize</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>{n} answers still missing or not allowed</source>
        <translation>Còn {n} câu trả lời thiếu hoặc không hợp lệ</translation>
    </message>
    <message>
        <source>Everything needed is answered (Ctrl+Enter)</source>
        <translation>Đã trả lời đủ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Speed test ({n}; last {mbps} Mbit/s)…</source>
        <translation>Đo tốc độ ({n}; lần cuối {mbps} Mbit/s)…</translation>
    </message>
</context>
<context>
    <name>HouseholdHistoryDialog</name>
    <message>
        <source>History of this interview</source>
        <translation>Lịch sử của phiếu này</translation>
    </message>
    <message>
        <source>This interview has not been changed since it was finalized.</source>
        <translation>Phiếu này chưa bị sửa kể từ khi hoàn tất.</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Thời điểm sửa</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Revision replaced</source>
        <translation>Lần sửa bị thay</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Member {n}</source>
        <translation>Thành viên {n}</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Thôn / tổ dân phố</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Người trả lời</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>&amp;New interview</source>
        <translation>Phỏng vấn &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xoá bản nháp</translation>
    </message>
    <message>
        <source>Households of the session in {unit} ({team})</source>
        <translation>Các hộ của phiên khảo sát tại {unit} ({team})</translation>
    </message>
    <message>
        <source>Open a session to record household interviews.</source>
        <translation>Hãy mở một phiên khảo sát để ghi phiếu hộ gia đình.</translation>
    </message>
    <message>
        <source>Open a session first (Session page).</source>
        <translation>Hãy mở phiên khảo sát trước (trang Phiên).</translation>
    </message>
    <message>
        <source>empty draft closed</source>
        <translation>bản nháp trống đã đóng</translation>
    </message>
    <message>
        <source>Delete this draft interview and its answers? This cannot be undone.</source>
        <translation>Xoá bản nháp phỏng vấn này cùng các câu trả lời? Việc này không thể hoàn tác.</translation>
    </message>
    <message>
        <source>draft deleted</source>
        <translation>bản nháp đã xóa</translation>
    </message>
</context>
<context>
    <name>HouseholdRoster</name>
    <message>
        <source>&amp;Add member</source>
        <translation>&amp;Thêm thành viên</translation>
    </message>
    <message>
        <source>Add a member to the roster (Ctrl+Shift+M)</source>
        <translation>Thêm một thành viên vào danh sách (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Lên trên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Xuống dưới</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>Member {n}</source>
        <translation>Thành viên {n}</translation>
    </message>
    <message>
        <source>age {age}</source>
        <translation>{age} tuổi</translation>
    </message>
</context>
</TS>
