<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ExportPanel</name>
    <message>
        <source>What to export</source>
        <translation>Dữ liệu cần xuất</translation>
    </message>
    <message>
        <source>CSV (Excel, LibreOffice)</source>
        <translation>CSV (Excel, LibreOffice)</translation>
    </message>
    <message>
        <source>GeoJSON (QGIS, maps)</source>
        <translation>GeoJSON (QGIS, bản đồ)</translation>
    </message>
    <message>
        <source>Survey sessions</source>
        <translation>Phiên khảo sát</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Đo tốc độ Internet</translation>
    </message>
    <message>
        <source>Signal readings</source>
        <translation>Đo tín hiệu di động</translation>
    </message>
    <message>
        <source>Household interviews</source>
        <translation>Phỏng vấn hộ gia đình</translation>
    </message>
    <message>
        <source>Indicator summary per ward/commune</source>
        <translation>Tổng hợp chỉ số theo phường/xã</translation>
    </message>
    <message>
        <source>Speed KPIs per ward/commune, operator and technology</source>
        <translation>Chỉ số tốc độ theo phường/xã, nhà mạng và công nghệ</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <source>Tick units to export only them; none ticked means every unit.</source>
        <translation>Đánh dấu các phường/xã để chỉ xuất những đơn vị đó; không đánh dấu nghĩa là xuất tất cả.</translation>
    </message>
    <message>
        <source>Wards/communes:</source>
        <translation>Phường/xã:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>Dates (Huế time):</source>
        <translation>Ngày (giờ Huế):</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Tổ khảo sát:</translation>
    </message>
    <message>
        <source>Only approved sessions</source>
        <translation>Chỉ các phiên đã duyệt</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Include names and phone numbers</source>
        <translation>Kèm họ tên và số điện thoại</translation>
    </message>
    <message>
        <source>Left out by default: respondents&apos; and members&apos; names, phone numbers, surveyors&apos; names and free-text notes. Include them only if the receiver is allowed to hold personal data.</source>
        <translation>Mặc định không xuất: họ tên người trả lời và thành viên hộ, số điện thoại, tên điều tra viên và ghi chú tự do. Chỉ kèm theo khi nơi nhận được phép lưu giữ dữ liệu cá nhân.</translation>
    </message>
    <message>
        <source>Precise household locations</source>
        <translation>Vị trí chính xác của hộ</translation>
    </message>
    <message>
        <source>GeoPackage (QGIS, one file)</source>
        <translation>GeoPackage (QGIS, một tệp)</translation>
    </message>
    <message>
        <source>One survey.gpkg file with every layer, the unit boundaries and the coverage hexagons</source>
        <translation>Một tệp survey.gpkg với mọi lớp dữ liệu, ranh giới phường/xã và các ô lục giác vùng phủ sóng</translation>
    </message>
    <message>
        <source>By default, positions of households (and of speed tests taken at a household) are rounded to about 100 m, so a home cannot be found from the file. Signal readings keep their exact position.</source>
        <translation>Mặc định, vị trí của hộ (và của các lần đo tốc độ tại hộ) được làm tròn khoảng 100 m để không thể tìm ra nhà từ tệp. Các lần đo tín hiệu giữ nguyên vị trí chính xác.</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Thư mục xuất:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>One .zip archive</source>
        <translation>Một tệp nén .zip</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Tất cả các tổ</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>Xuất vào thư mục</translation>
    </message>
    <message>
        <source>Tick at least one layer to export.</source>
        <translation>Hãy đánh dấu ít nhất một lớp dữ liệu để xuất.</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>Ngày đầu sau ngày cuối.</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>Đang đếm bản ghi…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Packing the archive… {percent}%</source>
        <translation>Đang đóng gói tệp nén… {percent}%</translation>
    </message>
    <message>
        <source>{layer}: {done} of {total} rows (layer {index} of {count})</source>
        <translation>{layer}: {done}/{total} dòng (lớp {index}/{count})</translation>
    </message>
    <message>
        <source>{layer} ({file}): {rows}</source>
        <translation>{layer} ({file}): {rows}</translation>
    </message>
    <message>
        <source>an export is being written</source>
        <translation>đang ghi dữ liệu xuất</translation>
    </message>
    <message>
        <source>names and phones included</source>
        <translation>có kèm họ tên và số điện thoại</translation>
    </message>
    <message>
        <source>Household members (CSV, GeoPackage)</source>
        <translation>Thành viên hộ (CSV, GeoPackage)</translation>
    </message>
    <message>
        <source>Wards and communes with their boundaries (GeoPackage)</source>
        <translation>Phường, xã kèm ranh giới (GeoPackage)</translation>
    </message>
    <message>
        <source>Coverage hexagons, H3 resolution 8 (GeoPackage)</source>
        <translation>Ô lục giác vùng phủ sóng, độ phân giải H3 8 (GeoPackage)</translation>
    </message>
    <message>
        <source>Coverage hexagons, H3 resolution 9 (GeoPackage)</source>
        <translation>Ô lục giác vùng phủ sóng, độ phân giải H3 9 (GeoPackage)</translation>
    </message>
    <message>
        <source>no names or phones</source>
        <translation>không có họ tên, số điện thoại</translation>
    </message>
    <message>
        <source>precise locations</source>
        <translation>vị trí chính xác</translation>
    </message>
    <message>
        <source>household locations rounded to about 100 m</source>
        <translation>vị trí hộ được làm tròn khoảng 100 m</translation>
    </message>
    <message>
        <source>Exported into {folder}: {counts}. Privacy: {personal}; {places}.</source>
        <translation>Đã xuất vào {folder}: {counts}. Quyền riêng tư: {personal}; {places}.</translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation>Thay thế các tệp?</translation>
    </message>
    <message>
        <source>Replace them with this export?</source>
        <translation>Thay thế chúng bằng lần xuất này?</translation>
    </message>
</context>
</TS>
