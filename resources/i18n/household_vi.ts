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
        <source>Everything needed is answered.</source>
        <translation>Đã trả lời đủ mọi câu cần thiết.</translation>
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
    <name>HouseholdFormsDialog</name>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <source>New interviews of this session use “{title}”, version {version}.</source>
        <translation>Các cuộc phỏng vấn mới của phiên này dùng “{title}”, phiên bản {version}.</translation>
    </message>
    <message>
        <source>Import an XLSForm</source>
        <translation>Nhập bảng hỏi XLSForm</translation>
    </message>
    <message>
        <source>XLSForm workbooks (*.xlsx)</source>
        <translation>Tệp XLSForm (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Đang kiểm tra {file}…</translation>
    </message>
    <message>
        <source>{file} cannot be used: {n} problems, listed below. Nothing was installed.</source>
        <translation>Không dùng được {file}: có {n} lỗi, liệt kê bên dưới. Chưa cài đặt gì.</translation>
    </message>
    <message>
        <source>Installed “{title}”, version {version}: {n} questions.</source>
        <translation>Đã cài đặt “{title}”, phiên bản {version}: {n} câu hỏi.</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Bảng hỏi</translation>
    </message>
    <message>
        <source>Questionnaires installed on this laptop. Import an XLSForm workbook (.xlsx) to add one: it is checked first, and every problem is listed with its sheet, row and column. A session&apos;s new interviews use the questionnaire chosen for it.</source>
        <translation>Các bảng hỏi đã cài trên máy này. Nhập một tệp XLSForm (.xlsx) để thêm bảng hỏi: tệp được kiểm tra trước, mọi lỗi được liệt kê kèm trang tính, hàng và cột. Các cuộc phỏng vấn mới của một phiên dùng bảng hỏi đã chọn cho phiên đó.</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Bảng hỏi</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Used by the current session</source>
        <translation>Phiên hiện tại đang dùng</translation>
    </message>
    <message>
        <source>&amp;Import an XLSForm…</source>
        <translation>&amp;Nhập bảng hỏi XLSForm…</translation>
    </message>
    <message>
        <source>&amp;Use for the current session</source>
        <translation>&amp;Dùng cho phiên hiện tại</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Hàng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
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
        <source>Questionnaire</source>
        <translation>Bảng hỏi</translation>
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
        <source>&amp;Questionnaires…</source>
        <translation>&amp;Bảng hỏi…</translation>
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
