<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>CoverageGapsPanel</name>
    <message>
        <source>successful speed tests</source>
        <translation>lần đo tốc độ thành công</translation>
    </message>
    <message>
        <source>signal readings</source>
        <translation>số đo tín hiệu</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (any date if empty)</source>
        <translation>dd/mm/yyyy (để trống: mọi ngày)</translation>
    </message>
    <message>
        <source>Every operator</source>
        <translation>Mọi nhà mạng</translation>
    </message>
    <message>
        <source>4G and 5G</source>
        <translation>4G và 5G</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Tối thiểu</translation>
    </message>
    <message>
        <source>of</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>Newer than</source>
        <translation>Mới hơn ngày</translation>
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
        <source>Find gaps</source>
        <translation>Tìm chỗ thiếu</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tổ</translation>
    </message>
    <message>
        <source>The team laptop the bundle is sealed to (trusted surveyor keys)</source>
        <translation>Máy của tổ mà gói được niêm phong cho (khóa điều tra viên đã tin cậy)</translation>
    </message>
    <message>
        <source>Assign ticked gaps…</source>
        <translation>Giao các ô đã đánh dấu…</translation>
    </message>
    <message>
        <source>No trusted surveyor laptop</source>
        <translation>Chưa tin cậy máy điều tra viên nào</translation>
    </message>
    <message>
        <source>Looking for gaps…</source>
        <translation>Đang tìm chỗ thiếu…</translation>
    </message>
    <message>
        <source>{h3} · {operator} · {technology}: {have} of {need}</source>
        <translation>{h3} · {operator} · {technology}: {have} trên {need}</translation>
    </message>
    <message>
        <source>{gaps} gaps in {cells} hexagons of the unit.</source>
        <translation>{gaps} chỗ thiếu trong {cells} ô lục giác của đơn vị.</translation>
    </message>
    <message>
        <source>Save the assignment bundle</source>
        <translation>Lưu gói phiếu giao việc</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>Gói dữ liệu (*.zip)</translation>
    </message>
    <message>
        <source>Trust the key of the team&apos;s laptop first (Settings, Keys: role surveyor); the bundle is sealed to it.</source>
        <translation>Hãy tin cậy khóa của máy thuộc tổ trước (Cài đặt, Khóa: vai trò điều tra viên); gói được niêm phong cho máy đó.</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was changed.</source>
        <translation>{path} đã có; không thay đổi gì.</translation>
    </message>
    <message>
        <source>Assignment of {n} targets written to {path}.</source>
        <translation>Đã ghi phiếu giao việc {n} điểm vào {path}.</translation>
    </message>
</context>
<context>
    <name>CoverageMapBar</name>
    <message>
        <source>Hexagons</source>
        <translation>Ô lục giác</translation>
    </message>
    <message>
        <source>Small (H3 res 9)</source>
        <translation>Nhỏ (H3 mức 9)</translation>
    </message>
    <message>
        <source>Large (H3 res 8)</source>
        <translation>Lớn (H3 mức 8)</translation>
    </message>
    <message>
        <source>RSRP median</source>
        <translation>RSRP trung vị</translation>
    </message>
    <message>
        <source>RSRP 10th percentile</source>
        <translation>RSRP phân vị 10</translation>
    </message>
    <message>
        <source>SINR median</source>
        <translation>SINR trung vị</translation>
    </message>
    <message>
        <source>Download median</source>
        <translation>Tải xuống trung vị</translation>
    </message>
    <message>
        <source>Upload median</source>
        <translation>Tải lên trung vị</translation>
    </message>
    <message>
        <source>Share without service</source>
        <translation>Tỷ lệ mất sóng</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Số lần đo tốc độ</translation>
    </message>
    <message>
        <source>Import basemap…</source>
        <translation>Nhập bản đồ nền…</translation>
    </message>
    <message>
        <source>Basemap:</source>
        <translation>Bản đồ nền:</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>Mọi phiên</translation>
    </message>
    <message>
        <source>Approved sessions only</source>
        <translation>Chỉ phiên đã duyệt</translation>
    </message>
    <message>
        <source>from dd/mm/yyyy</source>
        <translation>từ dd/mm/yyyy</translation>
    </message>
    <message>
        <source>to dd/mm/yyyy</source>
        <translation>đến dd/mm/yyyy</translation>
    </message>
    <message>
        <source>All operators, all technologies</source>
        <translation>Mọi nhà mạng, mọi công nghệ</translation>
    </message>
    <message>
        <source>{operator}, all technologies</source>
        <translation>{operator}, mọi công nghệ</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Mọi tổ</translation>
    </message>
    <message>
        <source>No basemap</source>
        <translation>Không có bản đồ nền</translation>
    </message>
    <message>
        <source>Import basemap</source>
        <translation>Nhập bản đồ nền</translation>
    </message>
    <message>
        <source>MBTiles tile sets (*.mbtiles);;All files (*)</source>
        <translation>Bộ ô bản đồ MBTiles (*.mbtiles);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Basemap {name} imported: {tiles} tiles.</source>
        <translation>Đã nhập bản đồ nền {name}: {tiles} ô.</translation>
    </message>
    <message>
        <source>Loading hexagons…</source>
        <translation>Đang tải ô lục giác…</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>không có giá trị</translation>
    </message>
    <message>
        <source>{n} hexagons</source>
        <translation>{n} ô lục giác</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>My targets</source>
        <translation>Điểm cần đo</translation>
    </message>
    <message>
        <source>Find gaps</source>
        <translation>Tìm chỗ thiếu</translation>
    </message>
</context>
<context>
    <name>CoverageTargetsPanel</name>
    <message>
        <source>Import assignment…</source>
        <translation>Nhập phiếu giao việc…</translation>
    </message>
    <message>
        <source>{metres} m {direction}</source>
        <translation>{metres} m về hướng {direction}</translation>
    </message>
    <message>
        <source>no position yet</source>
        <translation>chưa có vị trí</translation>
    </message>
    <message>
        <source>{operator} · {technology} · {where} · {seen} of {need}</source>
        <translation>{operator} · {technology} · {where} · {seen} trên {need}</translation>
    </message>
    <message>
        <source>{open} targets to visit, {done} done, in {n} assignments</source>
        <translation>{open} điểm cần đến, {done} đã đạt, trong {n} phiếu giao việc</translation>
    </message>
    <message>
        <source>No assignment yet: import the bundle your supervisor gave you.</source>
        <translation>Chưa có phiếu giao việc: hãy nhập gói mà giám sát viên đưa cho bạn.</translation>
    </message>
    <message>
        <source>Import assignment</source>
        <translation>Nhập phiếu giao việc</translation>
    </message>
    <message>
        <source>Bundles (*.zip *.bundle);;All files (*)</source>
        <translation>Gói dữ liệu (*.zip *.bundle);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>The file could not be imported: {error}</source>
        <translation>Không nhập được tệp: {error}</translation>
    </message>
</context>
</TS>
