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
        <source>Fingerprint:</source>
        <translation>Dấu vân tay:</translation>
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
        <source>{kind}, code {code}</source>
        <translation>{kind}, mã {code}</translation>
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
        <source>DEMO</source>
        <translation>THỬ NGHIỆM</translation>
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
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Work is still running:
{work}

Quit anyway? It stops now; what was already measured is kept.</source>
        <translation>Vẫn còn việc đang chạy:
{work}

Vẫn thoát? Việc đó sẽ dừng ngay; những gì đã đo được vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>&amp;Stop and quit</source>
        <translation>&amp;Dừng và thoát</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Tiếp tục làm việc</translation>
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
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
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
    <name>PeriodTeamFilter</name>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Only the sessions of this survey team</source>
        <translation>Chỉ các phiên của tổ khảo sát này</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Tất cả các tổ</translation>
    </message>
    <message>
        <source>Only the sessions that started on or after / on or before this day (Huế time)</source>
        <translation>Chỉ các phiên bắt đầu từ / đến hết ngày này (giờ Huế)</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>Ngày đầu sau ngày cuối.</translation>
    </message>
    <message>
        <source>team {team}</source>
        <translation>tổ {team}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} đến {end}</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Tê&amp;n tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Tìm thư mục</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Chuyển sang xem dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Danh sách nơi lưu và dấu trang</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nơi dùng gần đây</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Thư mục tệp</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>Tệp %1</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xóa “%1”?</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế không?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Tên tệp không hợp lệ</translation>
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
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Nhập giá trị:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết…</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết…</translation>
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
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Cuộn sang phải</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>Survey sessions</source>
        <translation>Phiên khảo sát</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Tổ khảo sát</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>Signal readings</source>
        <translation>Số đo tín hiệu</translation>
    </message>
    <message>
        <source>Modems</source>
        <translation>Modem</translation>
    </message>
    <message>
        <source>Household interviews</source>
        <translation>Phỏng vấn hộ gia đình</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>Thành viên hộ</translation>
    </message>
    <message>
        <source>Review decisions</source>
        <translation>Quyết định duyệt</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Bảng hỏi</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Phiên bản trước</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>Bản ghi đã xóa</translation>
    </message>
    <message>
        <source>Revisit assignments</source>
        <translation>Nhiệm vụ khảo sát lại</translation>
    </message>
    <message>
        <source>Revisits done</source>
        <translation>Lượt khảo sát lại đã làm</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Hồ sơ đồng ý</translation>
    </message>
    <message>
        <source>Cell changes</source>
        <translation>Lần chuyển ô (cell)</translation>
    </message>
    <message>
        <source>Other records ({name})</source>
        <translation>Bản ghi khác ({name})</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>xong</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>2G GSM</source>
        <translation>2G GSM</translation>
    </message>
    <message>
        <source>3G UMTS</source>
        <translation>3G UMTS</translation>
    </message>
    <message>
        <source>4G LTE</source>
        <translation>4G LTE</translation>
    </message>
    <message>
        <source>5G NSA</source>
        <translation>5G NSA</translation>
    </message>
    <message>
        <source>5G SA</source>
        <translation>5G SA</translation>
    </message>
    <message>
        <source>no service</source>
        <translation>không có sóng</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>USB modem</source>
        <translation>modem USB</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation>Ethernet</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>máy này</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>tự động</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
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
        <source>&amp;Questionnaire:</source>
        <translation>&amp;Bảng hỏi:</translation>
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
        <source>Speed tests</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>Signal readings</source>
        <translation>Số đo tín hiệu</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
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
        <source>Showing the {n} newest sessions.</source>
        <translation>Đang hiển thị {n} phiên mới nhất.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>Unit code {code}</source>
        <translation>Mã đơn vị {code}</translation>
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
        <source>Ookla (speedtest.net)</source>
        <translation>Ookla (speedtest.net)</translation>
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
</context>
<context>
    <name>_Words</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
