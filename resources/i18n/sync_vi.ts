<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>SyncPanel</name>
    <message>
        <source>Central system</source>
        <translation>Hệ thống trung tâm</translation>
    </message>
    <message>
        <source>only for the city&apos;s own certificate authority</source>
        <translation>chỉ dùng cho tổ chức chứng thực riêng của thành phố</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>CA certificate file:</source>
        <translation>Tệp chứng chỉ CA:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Device &amp;token:</source>
        <translation>&amp;Mã thiết bị:</translation>
    </message>
    <message>
        <source>Sync automatically when the server can be reached</source>
        <translation>Tự động đồng bộ khi kết nối được máy chủ</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Send rejected again</source>
        <translation>Gửi lại bản ghi bị từ chối</translation>
    </message>
    <message>
        <source>Once the cause is fixed, send the records the central system rejected once more</source>
        <translation>Khi nguyên nhân đã được khắc phục, gửi lại một lần nữa các bản ghi mà hệ thống trung tâm đã từ chối</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Write bundle file…</source>
        <translation>&amp;Ghi tệp gói…</translation>
    </message>
    <message>
        <source>&amp;Import bundle file…</source>
        <translation>&amp;Nhập tệp gói…</translation>
    </message>
    <message>
        <source>only the current session</source>
        <translation>chỉ phiên hiện tại</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <source>Rejected (with the reason)</source>
        <translation>Bị từ chối (kèm lý do)</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Đã đến nơi</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>Bundle files (*.bundle)</source>
        <translation>Tệp gói (*.bundle)</translation>
    </message>
    <message>
        <source>Bundle files (*.bundle *.zip);;All files (*)</source>
        <translation>Tệp gói (*.bundle *.zip);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>stored (type a new one to replace it)</source>
        <translation>đã lưu (nhập mã mới để thay thế)</translation>
    </message>
    <message>
        <source>paste the token from your supervisor</source>
        <translation>dán mã do giám sát viên cấp</translation>
    </message>
    <message>
        <source>No token stored.</source>
        <translation>Chưa lưu mã nào.</translation>
    </message>
    <message>
        <source>The token is kept in the system keyring.</source>
        <translation>Mã được giữ trong kho khóa của hệ thống.</translation>
    </message>
    <message>
        <source>The token is kept in a file only you can read.</source>
        <translation>Mã được giữ trong một tệp chỉ bạn đọc được.</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Tệp chứng chỉ CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Enter the server address and the device token first.</source>
        <translation>Hãy nhập địa chỉ máy chủ và mã thiết bị trước.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Sẽ dừng sau lô đang gửi…</translation>
    </message>
    <message>
        <source>Sent {sent} of {total}: {accepted} accepted, {rejected} rejected</source>
        <translation>Đã gửi {sent}/{total}: {accepted} được nhận, {rejected} bị từ chối</translation>
    </message>
    <message>
        <source>The central system cannot be reached now; will try again later.</source>
        <translation>Hiện không kết nối được hệ thống trung tâm; sẽ thử lại sau.</translation>
    </message>
    <message>
        <source>Forwarded {n} bundles of other installations ({accepted} of their records accepted).</source>
        <translation>Đã chuyển tiếp {n} tệp gói của các bản cài đặt khác ({accepted} bản ghi của chúng được nhận).</translation>
    </message>
    <message>
        <source>Sync finished</source>
        <translation>Đồng bộ xong</translation>
    </message>
    <message>
        <source>Sync partly done</source>
        <translation>Đồng bộ xong một phần</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Đồng bộ thất bại</translation>
    </message>
    <message>
        <source>They are {name}&apos;s records: that installation sends them to the central system, not this one (unless you revise them).</source>
        <translation>Đây là bản ghi của {name}: bản cài đặt đó gửi chúng lên hệ thống trung tâm, không phải máy này (trừ khi bạn sửa chúng).</translation>
    </message>
    <message>
        <source>From other installations: {n} (their own installation sends them)</source>
        <translation>Của bản cài đặt khác: {n} (chính bản cài đặt đó gửi chúng)</translation>
    </message>
    <message>
        <source>a sync or a bundle file is in progress</source>
        <translation>đang đồng bộ hoặc đang ghi/đọc tệp gói</translation>
    </message>
    <message>
        <source>{status}: {accepted} accepted, {rejected} rejected, in {batches} batches.</source>
        <translation>{status}: {accepted} được nhận, {rejected} bị từ chối, trong {batches} lô.</translation>
    </message>
    <message>
        <source>From other installations (they send their own)</source>
        <translation>Của bản cài đặt khác (bản cài đặt đó tự gửi)</translation>
    </message>
    <message>
        <source>Write bundle file</source>
        <translation>Ghi tệp gói</translation>
    </message>
    <message>
        <source>Import bundle file</source>
        <translation>Nhập tệp gói</translation>
    </message>
    <message>
        <source>{n} records…</source>
        <translation>{n} bản ghi…</translation>
    </message>
    <message>
        <source>Bundle imported: {records} records, {changed} new or newer, {unchanged} already here.</source>
        <translation>Đã nhập tệp gói: {records} bản ghi, {changed} mới hoặc mới hơn, {unchanged} đã có sẵn.</translation>
    </message>
    <message>
        <source>Bundle written: {n} records.</source>
        <translation>Đã ghi tệp gói: {n} bản ghi.</translation>
    </message>
    <message>
        <source>Not yet synced: {n} (of which rejected: {r})</source>
        <translation>Chưa đồng bộ: {n} (trong đó bị từ chối: {r})</translation>
    </message>
    <message>
        <source>Last sync: {when} ({status}, {accepted} accepted)</source>
        <translation>Lần đồng bộ gần nhất: {when} ({status}, {accepted} được nhận)</translation>
    </message>
    <message>
        <source>Never synced.</source>
        <translation>Chưa đồng bộ lần nào.</translation>
    </message>
</context>
<context>
    <name>SyncRecordsModel</name>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Accepted revision</source>
        <translation>Phiên bản đã được nhận</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>đã đến</translation>
    </message>
    <message>
        <source>another installation&apos;s</source>
        <translation>của bản cài đặt khác</translation>
    </message>
    <message>
        <source>{mbps} Mbit/s</source>
        <translation>{mbps} Mbit/s</translation>
    </message>
    <message>
        <source>member {n}</source>
        <translation>thành viên {n}</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>được mở lại</translation>
    </message>
</context>
</TS>
