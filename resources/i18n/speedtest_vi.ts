<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ConditionsPanel</name>
    <message>
        <source>Indoor</source>
        <translation>Trong nhà</translation>
    </message>
    <message>
        <source>Outdoor, fixed</source>
        <translation>Ngoài trời, cố định</translation>
    </message>
    <message>
        <source>Outdoor, moving</source>
        <translation>Ngoài trời, di động</translation>
    </message>
    <message>
        <source>Handheld</source>
        <translation>Cầm tay</translation>
    </message>
    <message>
        <source>In a vehicle</source>
        <translation>Trên xe</translation>
    </message>
    <message>
        <source>Vehicle, external antenna</source>
        <translation>Trên xe, ăng-ten ngoài</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Ở đâu:</translation>
    </message>
    <message>
        <source>Carried:</source>
        <translation>Mang theo:</translation>
    </message>
</context>
<context>
    <name>SpeedTestDialog</name>
    <message>
        <source>Speed test for this household</source>
        <translation>Đo tốc độ cho hộ gia đình này</translation>
    </message>
</context>
<context>
    <name>SpeedTestEvidence</name>
    <message>
        <source>latitude, longitude (e.g. 16.4674, 107.5905)</source>
        <translation>vĩ độ, kinh độ (ví dụ 16.4674, 107.5905)</translation>
    </message>
    <message>
        <source>where the server is, for the distance rule</source>
        <translation>vị trí máy chủ, để kiểm tra quy tắc khoảng cách</translation>
    </message>
    <message>
        <source>Not a position: write latitude, longitude in decimal degrees.</source>
        <translation>Không phải một vị trí: hãy viết vĩ độ, kinh độ dạng số thập phân.</translation>
    </message>
    <message>
        <source>Ran: download {d}, upload {u}.</source>
        <translation>Thời gian đo: tải xuống {d}, tải lên {u}.</translation>
    </message>
    <message>
        <source>Valid evidence: every rule holds.</source>
        <translation>Hợp lệ làm chứng cứ: đạt mọi quy tắc.</translation>
    </message>
    <message>
        <source>Not valid as evidence:</source>
        <translation>Không hợp lệ làm chứng cứ:</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>đã ổn định</translation>
    </message>
    <message>
        <source>longest run</source>
        <translation>hết thời gian tối đa</translation>
    </message>
    <message>
        <source>{s} s ({why})</source>
        <translation>{s} giây ({why})</translation>
    </message>
</context>
<context>
    <name>SpeedTestPage</name>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>http://server/ (LibreSpeed) or http://server/speedtest/upload.php</source>
        <translation>http://máy-chủ/ (LibreSpeed) hoặc http://máy-chủ/speedtest/upload.php</translation>
    </message>
    <message>
        <source>Ookla (speedtest.net)</source>
        <translation>Ookla (speedtest.net)</translation>
    </message>
    <message>
        <source>Find nearest speedtest.net server</source>
        <translation>Tìm máy chủ speedtest.net gần nhất</translation>
    </message>
    <message>
        <source> s each way</source>
        <translation> giây mỗi chiều</translation>
    </message>
    <message>
        <source>&amp;Start test</source>
        <translation>&amp;Bắt đầu đo</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Tải xuống</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Tải lên</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Download (Mbit/s)</source>
        <translation>Tải xuống (Mbit/s)</translation>
    </message>
    <message>
        <source>Upload (Mbit/s)</source>
        <translation>Tải lên (Mbit/s)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Độ trễ (ms)</translation>
    </message>
    <message>
        <source>Jitter (ms)</source>
        <translation>Dao động trễ (ms)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Connection to &amp;measure:</source>
        <translation>&amp;Kết nối cần đo:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Máy chủ:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Thời lượng:</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Điều kiện đo:</translation>
    </message>
    <message>
        <source>Server position:</source>
        <translation>Vị trí máy chủ:</translation>
    </message>
    <message>
        <source>Idle latency</source>
        <translation>Độ trễ khi rảnh</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Dao động trễ</translation>
    </message>
    <message>
        <source>Latency under load</source>
        <translation>Độ trễ khi có tải</translation>
    </message>
    <message>
        <source>Data used</source>
        <translation>Dữ liệu đã dùng</translation>
    </message>
    <message>
        <source>Automatic (the computer&apos;s default route)</source>
        <translation>Tự động (tuyến mặc định của máy)</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>chưa có địa chỉ</translation>
    </message>
    <message>
        <source>{name} – {kind} ({address})</source>
        <translation>{name} – {kind} ({address})</translation>
    </message>
    <message>
        <source>No open session: open one to store speed tests.</source>
        <translation>Chưa có phiên nào đang mở: hãy mở một phiên để lưu kết quả đo.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Thất bại</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Speed test</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>A speed test is stored in an open session. Open a session now?</source>
        <translation>Kết quả đo tốc độ được lưu vào một phiên đang mở. Mở phiên ngay bây giờ?</translation>
    </message>
    <message>
        <source>Enter a server URL, or find the nearest speedtest.net server.</source>
        <translation>Hãy nhập URL máy chủ, hoặc tìm máy chủ speedtest.net gần nhất.</translation>
    </message>
    <message>
        <source>The test was not started: it needs an open session.</source>
        <translation>Chưa bắt đầu đo: cần có một phiên đang mở.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Đang đo…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <source>Measuring latency…</source>
        <translation>Đang đo độ trễ…</translation>
    </message>
    <message>
        <source>{phase}: {mbps} Mbit/s</source>
        <translation>{phase}: {mbps} Mbit/s</translation>
    </message>
    <message>
        <source>{mbps} Mbit/s</source>
        <translation>{mbps} Mbit/s</translation>
    </message>
    <message>
        <source>The test stopped because of an internal error: {error}</source>
        <translation>Phép đo dừng do lỗi nội bộ: {error}</translation>
    </message>
    <message>
        <source>{v} ms</source>
        <translation>{v} ms</translation>
    </message>
    <message>
        <source>a speed test is running</source>
        <translation>đang đo tốc độ</translation>
    </message>
    <message>
        <source>Session: {unit} · team {team}</source>
        <translation>Phiên: {unit} · tổ khảo sát: {team}</translation>
    </message>
    <message>
        <source>Test of {time}</source>
        <translation>Lần đo lúc {time}</translation>
    </message>
    <message>
        <source>↓ {down} · ↑ {up}</source>
        <translation>↓ {down} · ↑ {up}</translation>
    </message>
    <message>
        <source>{mb} MB</source>
        <translation>{mb} MB</translation>
    </message>
    <message>
        <source>Test complete and stored in the session.</source>
        <translation>Đo xong và đã lưu vào phiên.</translation>
    </message>
    <message>
        <source>Test cancelled; stored as cancelled.</source>
        <translation>Đã hủy phép đo; đã lưu là đã hủy.</translation>
    </message>
    <message>
        <source>Test failed; stored as failed: {reason}</source>
        <translation>Phép đo thất bại; đã lưu là thất bại: {reason}</translation>
    </message>
    <message>
        <source>Asking speedtest.net for the nearest servers…</source>
        <translation>Đang hỏi speedtest.net các máy chủ gần nhất…</translation>
    </message>
    <message>
        <source>speedtest.net found no server.</source>
        <translation>speedtest.net không tìm thấy máy chủ nào.</translation>
    </message>
    <message>
        <source>Nearest server: {sponsor}, {name}</source>
        <translation>Máy chủ gần nhất: {sponsor}, {name}</translation>
    </message>
</context>
</TS>
