<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>KeysPanel</name>
    <message>
        <source>Keys</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Thiết bị:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Dấu vân tay:</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Khóa công khai:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>paste a public key (hue-survey-key-1:...)</source>
        <translation>dán khóa công khai (hue-survey-key-1:...)</translation>
    </message>
    <message>
        <source>whose key</source>
        <translation>khóa của ai</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Tin cậy</translation>
    </message>
    <message>
        <source>&amp;Revoke selected</source>
        <translation>&amp;Thu hồi khóa đã chọn</translation>
    </message>
    <message>
        <source>surveyor</source>
        <translation>điều tra viên</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>giám sát viên</translation>
    </message>
    <message>
        <source>central system</source>
        <translation>hệ thống trung tâm</translation>
    </message>
    <message>
        <source>revoked {at}</source>
        <translation>đã thu hồi {at}</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>được tin cậy</translation>
    </message>
    <message>
        <source>Public key copied: give it to whoever must trust this installation.</source>
        <translation>Đã sao chép khóa công khai: gửi cho người cần tin cậy bản cài đặt này.</translation>
    </message>
    <message>
        <source>The trust list could not be saved: {error}</source>
        <translation>Không lưu được danh sách tin cậy: {error}</translation>
    </message>
    <message>
        <source>Trusted {name} ({role}), fingerprint {fp}.</source>
        <translation>Đã tin cậy {name} ({role}), dấu vân tay {fp}.</translation>
    </message>
    <message>
        <source>Select a key in the list first.</source>
        <translation>Hãy chọn một khóa trong danh sách trước.</translation>
    </message>
    <message>
        <source>{name} is no longer trusted.</source>
        <translation>{name} không còn được tin cậy.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Session</source>
        <translation>Phiên khảo sát</translation>
    </message>
    <message>
        <source>Speed test</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Tín hiệu</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Coverage map</source>
        <translation>Bản đồ phủ sóng</translation>
    </message>
    <message>
        <source>Sync &amp; export</source>
        <translation>Đồng bộ &amp; xuất</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Quyền riêng tư</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>phường</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Đóng phiên</translation>
    </message>
    <message>
        <source>Close the session in {unit}? No more records can be added to it.</source>
        <translation>Đóng phiên tại {unit}? Sau đó không thể thêm bản ghi vào phiên này.</translation>
    </message>
    <message>
        <source>No open session</source>
        <translation>Chưa mở phiên nào</translation>
    </message>
    <message>
        <source>Session: {team} · {unit} · since {time}</source>
        <translation>Phiên: {team} · {unit} · từ {time}</translation>
    </message>
    <message>
        <source>Modem: none</source>
        <translation>Modem: không có</translation>
    </message>
    <message>
        <source>GPS: none</source>
        <translation>GPS: không có</translation>
    </message>
    <message>
        <source>Network: checking…</source>
        <translation>Mạng: đang kiểm tra…</translation>
    </message>
    <message>
        <source>Not synced: …</source>
        <translation>Chưa đồng bộ: …</translation>
    </message>
    <message>
        <source>Not synced: {n}</source>
        <translation>Chưa đồng bộ: {n}</translation>
    </message>
    <message>
        <source>Network: unknown</source>
        <translation>Mạng: không rõ</translation>
    </message>
    <message>
        <source>Network: online</source>
        <translation>Mạng: có Internet</translation>
    </message>
    <message>
        <source>Network: local only</source>
        <translation>Mạng: chỉ mạng nội bộ</translation>
    </message>
    <message>
        <source>Network: offline</source>
        <translation>Mạng: mất kết nối</translation>
    </message>
    <message>
        <source>Huế connectivity survey {version}</source>
        <translation>Khảo sát kết nối Huế {version}</translation>
    </message>
    <message>
        <source>[DEMO] {title}</source>
        <translation>[THỬ NGHIỆM] {title}</translation>
    </message>
    <message>
        <source>Huế connectivity survey</source>
        <translation>Khảo sát kết nối Huế</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <source>DEMO: emulated devices and sample data, not for real survey records</source>
        <translation>THỬ NGHIỆM: thiết bị mô phỏng và dữ liệu mẫu, không dùng cho số liệu khảo sát thật</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Ward or commune</source>
        <translation>Phường hoặc xã</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>&amp;Mở phiên…</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>Đó&amp;ng phiên</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>“{page}” is not available in this version of the app.</source>
        <translation>Trang “{page}” chưa có trong phiên bản này của ứng dụng.</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>Đồn&amp;g ý</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Đóng không lưu</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Dừng hẳn</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Open session</source>
        <translation>Mở phiên</translation>
    </message>
    <message>
        <source>Open a survey session</source>
        <translation>Mở phiên khảo sát</translation>
    </message>
    <message>
        <source>&amp;Ward / commune:</source>
        <translation>&amp;Phường / xã:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>Tổ &amp;khảo sát:</translation>
    </message>
    <message>
        <source>&amp;Surveyors:</source>
        <translation>&amp;Điều tra viên:</translation>
    </message>
    <message>
        <source>Names separated by commas</source>
        <translation>Các tên cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Survey sessions on this laptop</source>
        <translation>Các phiên khảo sát trên máy này</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tổ</translation>
    </message>
    <message>
        <source>Surveyors</source>
        <translation>Điều tra viên</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>Phiên &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Continue this session</source>
        <translation>&amp;Tiếp tục phiên này</translation>
    </message>
    <message>
        <source>C&amp;lose this session</source>
        <translation>Đó&amp;ng phiên này</translation>
    </message>
    <message>
        <source>speed tests: {tests} · signal readings: {readings} · households: {households}</source>
        <translation>đo tốc độ: {tests} · số đo tín hiệu: {readings} · hộ: {households}</translation>
    </message>
    <message>
        <source>Showing the {n} newest sessions.</source>
        <translation>Đang hiển thị {n} phiên mới nhất.</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Đóng phiên</translation>
    </message>
    <message>
        <source>Close this session? No more records can be added to it.</source>
        <translation>Đóng phiên này? Sau đó không thể thêm bản ghi vào phiên.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Surveyor</source>
        <translation>Điều tra viên</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>Tổ &amp;khảo sát:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <source>Devices and servers</source>
        <translation>Thiết bị và máy chủ</translation>
    </message>
    <message>
        <source>empty: nearest speedtest.net server</source>
        <translation>để trống: máy chủ speedtest.net gần nhất</translation>
    </message>
    <message>
        <source>empty: find modems automatically</source>
        <translation>để trống: tự tìm modem</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>no reminder</source>
        <translation>không nhắc</translation>
    </message>
    <message>
        <source>Speed-test &amp;server:</source>
        <translation>&amp;Máy chủ đo tốc độ:</translation>
    </message>
    <message>
        <source>Speed-test &amp;protocol:</source>
        <translation>&amp;Giao thức đo tốc độ:</translation>
    </message>
    <message>
        <source>&amp;Modem port:</source>
        <translation>Cổng m&amp;odem:</translation>
    </message>
    <message>
        <source>&amp;GPS port:</source>
        <translation>Cổng &amp;GPS:</translation>
    </message>
    <message>
        <source>Signal logging &amp;interval:</source>
        <translation>&amp;Chu kỳ ghi tín hiệu:</translation>
    </message>
    <message>
        <source>Keep personal data for:</source>
        <translation>Giữ dữ liệu cá nhân trong:</translation>
    </message>
    <message>
        <source>Central system &amp;URL:</source>
        <translation>Địa chỉ &amp;hệ thống trung tâm:</translation>
    </message>
    <message>
        <source>Signal grading (excellent / good / fair; below is poor)</source>
        <translation>Xếp loại tín hiệu (rất tốt / tốt / trung bình; thấp hơn là kém)</translation>
    </message>
    <message>
        <source>RSRP (dBm):</source>
        <translation>RSRP (dBm):</translation>
    </message>
    <message>
        <source>RSRQ (dB):</source>
        <translation>RSRQ (dB):</translation>
    </message>
    <message>
        <source>SINR (dB):</source>
        <translation>SINR (dB):</translation>
    </message>
    <message>
        <source>RSSI (dBm):</source>
        <translation>RSSI (dBm):</translation>
    </message>
    <message>
        <source>RSCP (dBm):</source>
        <translation>RSCP (dBm):</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Lưu cài đặt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Grade limits must go down from excellent to fair.</source>
        <translation>Các ngưỡng phải giảm dần từ rất tốt đến trung bình.</translation>
    </message>
    <message>
        <source>Speed-test server</source>
        <translation>Máy chủ đo tốc độ</translation>
    </message>
    <message>
        <source>Central system URL</source>
        <translation>Địa chỉ hệ thống trung tâm</translation>
    </message>
    <message>
        <source>{field}: “{url}” is not a web address. Write it like http://192.168.1.10:8080/ or leave it empty.</source>
        <translation>{field}: “{url}” không phải địa chỉ web. Hãy viết dạng http://192.168.1.10:8080/ hoặc để trống.</translation>
    </message>
    <message>
        <source>Settings could not be saved: {error}</source>
        <translation>Không lưu được cài đặt: {error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>TransferPage</name>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>Not available in this version of the app.</source>
        <translation>Chưa có trong phiên bản này của ứng dụng.</translation>
    </message>
</context>
</TS>
