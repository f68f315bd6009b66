<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase of the survey data</source>
        <translation>Cụm mật khẩu của dữ liệu khảo sát</translation>
    </message>
    <message>
        <source>This laptop has no system keyring to keep the key of the survey data. Choose a passphrase (at least {n} characters). It is asked once per login; without it the data in {folder} cannot be read.</source>
        <translation>Máy này không có kho khóa hệ thống để giữ khóa của dữ liệu khảo sát. Hãy chọn một cụm mật khẩu (ít nhất {n} ký tự). Cụm mật khẩu được hỏi một lần mỗi lần đăng nhập; không có nó thì không đọc được dữ liệu trong {folder}.</translation>
    </message>
    <message>
        <source>Type the passphrase of the survey data in {folder}.</source>
        <translation>Nhập cụm mật khẩu của dữ liệu khảo sát trong {folder}.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <source>A passphrase needs at least {n} characters.</source>
        <translation>Cụm mật khẩu cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Hai cụm mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Hãy nhập cụm mật khẩu.</translation>
    </message>
</context>
<context>
    <name>PrivacyRequestsPage</name>
    <message>
        <source>A household may ask to see what was recorded about it, to have it erased, or to withdraw its consent. Decree 356/2025/NĐ-CP: acknowledge a request within 2 working days and complete it within 15 days (see docs/privacy.md). On the command line: survey-app households export-person / erase, survey-app consent withdraw.</source>
        <translation>Hộ gia đình có thể đề nghị xem lại thông tin đã ghi về mình, xóa thông tin đó, hoặc rút lại sự đồng ý. Nghị định 356/2025/NĐ-CP: xác nhận yêu cầu trong 2 ngày làm việc và hoàn thành trong 15 ngày (xem docs/privacy.md). Trên dòng lệnh: survey-app households export-person / erase, survey-app consent withdraw.</translation>
    </message>
    <message>
        <source>Remove their personal data from this laptop</source>
        <translation>Xóa dữ liệu cá nhân của các hộ này khỏi máy</translation>
    </message>
    <message>
        <source>Household: type its name, hamlet or day</source>
        <translation>Hộ: gõ tên, thôn hoặc ngày</translation>
    </message>
    <message>
        <source>Give the household its data…</source>
        <translation>Trao dữ liệu cho hộ…</translation>
    </message>
    <message>
        <source>Erase the household…</source>
        <translation>Xóa hộ…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Acknowledge by</source>
        <translation>Xác nhận trước</translation>
    </message>
    <message>
        <source>Complete by</source>
        <translation>Hoàn thành trước</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>See the data</source>
        <translation>Xem dữ liệu</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Xóa dữ liệu</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Rút lại đồng ý</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <source>, late</source>
        <translation>, quá hạn</translation>
    </message>
    <message>
        <source>an erased household</source>
        <translation>hộ đã bị xóa</translation>
    </message>
    <message>
        <source>{n} households of approved sessions that reached the central system are older than the retention period ({days} days) and still hold names, phones or positions here.</source>
        <translation>{n} hộ thuộc các phiên đã duyệt và đã gửi tới hệ thống trung tâm đã quá thời hạn lưu ({days} ngày) mà trên máy vẫn còn họ tên, số điện thoại hoặc vị trí.</translation>
    </message>
    <message>
        <source>No household is past the retention period ({days} days).</source>
        <translation>Không có hộ nào quá thời hạn lưu ({days} ngày).</translation>
    </message>
    <message>
        <source>household without a name</source>
        <translation>hộ không ghi tên</translation>
    </message>
    <message>
        <source>Choose the household that asked from the list (type part of its name, hamlet or day).</source>
        <translation>Chọn hộ đã yêu cầu trong danh sách (gõ một phần tên, thôn hoặc ngày).</translation>
    </message>
    <message>
        <source>Remove personal data?</source>
        <translation>Xóa dữ liệu cá nhân?</translation>
    </message>
    <message>
        <source>Names, phones and precise positions of these households are removed. The change is sent to the central system like any other; it keeps the earlier version in its history. Continue?</source>
        <translation>Họ tên, số điện thoại và vị trí chính xác của các hộ này sẽ bị xóa. Thay đổi được gửi tới hệ thống trung tâm như mọi thay đổi khác; hệ thống trung tâm giữ bản trước trong lịch sử. Tiếp tục?</translation>
    </message>
    <message>
        <source>Personal data removed from {n} households.</source>
        <translation>Đã xóa dữ liệu cá nhân của {n} hộ.</translation>
    </message>
    <message>
        <source>Folder for the household&apos;s data</source>
        <translation>Thư mục để ghi dữ liệu của hộ</translation>
    </message>
    <message>
        <source>household-data-{when}.json</source>
        <translation>du-lieu-ho-{when}.json</translation>
    </message>
    <message>
        <source>Written: {files}. Give these files to the household.</source>
        <translation>Đã ghi: {files}. Hãy trao các tệp này cho hộ.</translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation>Thay thế các tệp?</translation>
    </message>
    <message>
        <source>Erase the household</source>
        <translation>Xóa hộ</translation>
    </message>
    <message>
        <source>Its answers, members, consent, positions and the speed tests taken there are erased here, at the central system and on other laptops. This cannot be undone. Why (who asked, when)?</source>
        <translation>Câu trả lời, thành viên, sự đồng ý, vị trí và các lần đo tốc độ tại hộ sẽ bị xóa trên máy này, trên hệ thống trung tâm và trên các máy khác. Không thể hoàn tác. Lý do (ai đề nghị, khi nào)?</translation>
    </message>
    <message>
        <source>Say why the household is erased; nothing was erased.</source>
        <translation>Hãy ghi lý do xóa hộ; chưa có gì bị xóa.</translation>
    </message>
    <message>
        <source>Erased: {n} records. The erasure reaches the central system at the next sync.</source>
        <translation>Đã xóa {n} bản ghi. Việc xóa sẽ tới hệ thống trung tâm ở lần đồng bộ tiếp theo.</translation>
    </message>
</context>
</TS>
