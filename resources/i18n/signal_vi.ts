<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>PositionDialog</name>
    <message>
        <source>Set the position by hand</source>
        <translation>Nhập vị trí thủ công</translation>
    </message>
    <message>
        <source>Latitude and longitude in decimal degrees (WGS84), inside Huế.</source>
        <translation>Vĩ độ và kinh độ theo độ thập phân (WGS84), trong địa bàn Huế.</translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation>Vĩ độ:</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>Kinh độ:</translation>
    </message>
    <message>
        <source>Use the unit&apos;s inside point</source>
        <translation>Dùng điểm bên trong của đơn vị</translation>
    </message>
    <message>
        <source>Enter both numbers, e.g. 16,4637 and 107,5909.</source>
        <translation>Hãy nhập cả hai số, ví dụ 16,4637 và 107,5909.</translation>
    </message>
    <message>
        <source>{lat}, {lon} is outside Huế (latitude {a}–{b}, longitude {c}–{d}). Did you swap latitude and longitude?</source>
        <translation>{lat}, {lon} nằm ngoài Huế (vĩ độ {a}–{b}, kinh độ {c}–{d}). Có phải bạn đã nhập nhầm vĩ độ và kinh độ?</translation>
    </message>
</context>
<context>
    <name>SignalPage</name>
    <message>
        <source>Modems and GPS</source>
        <translation>Modem và GPS</translation>
    </message>
    <message>
        <source>serial port, e.g. /dev/ttyUSB2</source>
        <translation>cổng nối tiếp, ví dụ /dev/ttyUSB2</translation>
    </message>
    <message>
        <source>&amp;Add modem</source>
        <translation>&amp;Thêm modem</translation>
    </message>
    <message>
        <source>&amp;Find devices</source>
        <translation>&amp;Tìm thiết bị</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Gỡ bỏ</translation>
    </message>
    <message>
        <source>E&amp;very</source>
        <translation>&amp;Mỗi</translation>
    </message>
    <message>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <source>Start &amp;logging</source>
        <translation>Bắt đầu &amp;ghi</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <source>Modem</source>
        <translation>Modem</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Nhà mạng</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Công nghệ</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Băng tần</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ô (cell)</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Tín hiệu</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>GPS: none</source>
        <translation>GPS: không có</translation>
    </message>
    <message>
        <source>Set position by &amp;hand…</source>
        <translation>Nhập vị trí &amp;thủ công…</translation>
    </message>
    <message>
        <source>GPS: connecting to {port}…</source>
        <translation>GPS: đang kết nối tới {port}…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Đang khởi động…</translation>
    </message>
    <message>
        <source>{n} serial ports found, {m} of them modems.</source>
        <translation>Tìm thấy {n} cổng nối tiếp, trong đó {m} modem.</translation>
    </message>
    <message>
        <source>Firmware: {revision}</source>
        <translation>Phần mềm: {revision}</translation>
    </message>
    <message>
        <source>Identifying…</source>
        <translation>Đang nhận dạng…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>Unplugged, waiting</source>
        <translation>Đã rút ra, đang chờ</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Cổng đang bận</translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation>Không trả lời</translation>
    </message>
    <message>
        <source>No SIM</source>
        <translation>Không có SIM</translation>
    </message>
    <message>
        <source>No service</source>
        <translation>Không có sóng</translation>
    </message>
    <message>
        <source>the session of {team} in {unit}</source>
        <translation>phiên của {team} tại {unit}</translation>
    </message>
    <message>
        <source>Logging into {session}: {n} readings stored, {w} waiting (the database is busy, retrying).</source>
        <translation>Đang ghi vào {session}: đã lưu {n} số đo, {w} đang chờ (cơ sở dữ liệu đang bận, đang thử lại).</translation>
    </message>
    <message>
        <source>Logging into {session}: {n} readings stored.</source>
        <translation>Đang ghi vào {session}: đã lưu {n} số đo.</translation>
    </message>
    <message>
        <source>GPS: {lat}° N, {lon}° E (±{acc} m, {sats} satellites)</source>
        <translation>GPS: {lat}° B, {lon}° Đ (±{acc} m, {sats} vệ tinh)</translation>
    </message>
    <message>
        <source>Position set by hand: {lat}° N, {lon}° E</source>
        <translation>Vị trí nhập thủ công: {lat}° B, {lon}° Đ</translation>
    </message>
    <message>
        <source>signal readings are being logged</source>
        <translation>đang ghi số đo tín hiệu</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Rất tốt</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Yếu</translation>
    </message>
    <message>
        <source>{cell} (PCI {pci})</source>
        <translation>{cell} (PCI {pci})</translation>
    </message>
    <message>
        <source>RSRP {rsrp} dBm · RSRQ {rsrq} dB · SINR {sinr} dB</source>
        <translation>RSRP {rsrp} dBm · RSRQ {rsrq} dB · SINR {sinr} dB</translation>
    </message>
    <message>
        <source>RSCP {rscp} dBm · Ec/Io {ecio} dB</source>
        <translation>RSCP {rscp} dBm · Ec/Io {ecio} dB</translation>
    </message>
    <message>
        <source>RSSI {rssi} dBm</source>
        <translation>RSSI {rssi} dBm</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>không có tín hiệu</translation>
    </message>
    <message>
        <source> · NR {rsrp} dBm</source>
        <translation> · NR {rsrp} dBm</translation>
    </message>
    <message>
        <source>Logging cannot write: {reason} ({w} readings waiting in memory)</source>
        <translation>Không ghi được: {reason} ({w} số đo đang chờ trong bộ nhớ)</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Ghi dữ liệu</translation>
    </message>
    <message>
        <source>Open or continue a survey session first (Session page); readings are stored in it.</source>
        <translation>Hãy mở hoặc tiếp tục một phiên khảo sát trước (trang Phiên); các lần đo được lưu vào phiên đó.</translation>
    </message>
    <message>
        <source>Stop &amp;logging</source>
        <translation>Dừng &amp;ghi</translation>
    </message>
    <message>
        <source>Logging stopped: {n} readings stored.</source>
        <translation>Đã dừng ghi: đã lưu {n} lần đo.</translation>
    </message>
    <message>
        <source>GPS: unplugged, waiting for it to return</source>
        <translation>GPS: đã rút ra, đang chờ cắm lại</translation>
    </message>
    <message>
        <source>GPS: connected, no fix yet</source>
        <translation>GPS: đã kết nối, chưa định vị được</translation>
    </message>
    <message>
        <source> · {n} bad sentences skipped</source>
        <translation> · bỏ qua {n} câu lỗi</translation>
    </message>
</context>
<context>
    <name>SignalPlot</name>
    <message>
        <source>Signal power (RSRP, or RSCP/RSSI)</source>
        <translation>Cường độ tín hiệu (RSRP, hoặc RSCP/RSSI)</translation>
    </message>
    <message>
        <source>Quality (RSRQ, or Ec/Io)</source>
        <translation>Chất lượng (RSRQ, hoặc Ec/Io)</translation>
    </message>
    <message>
        <source>SINR</source>
        <translation>SINR</translation>
    </message>
</context>
</TS>
