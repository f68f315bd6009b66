<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>IndicatorCharts</name>
    <message>
        <source>4G/5G coverage by operator (%)</source>
        <translation>Phủ sóng 4G/5G theo nhà mạng (%)</translation>
    </message>
    <message>
        <source>Residents using the Internet (%)</source>
        <translation>Người dân dùng Internet (%)</translation>
    </message>
    <message>
        <source>Operators: {legend}. Dashed line: the target. Residents: bar colour = how the unit stands against the target.</source>
        <translation>Nhà mạng: {legend}. Đường nét đứt: mục tiêu. Người dân: màu cột cho biết đơn vị đạt mục tiêu đến đâu.</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionDialog</name>
    <message>
        <source>Approve session</source>
        <translation>Duyệt phiên</translation>
    </message>
    <message>
        <source>Reject session</source>
        <translation>Từ chối phiên</translation>
    </message>
    <message>
        <source>Reopen session</source>
        <translation>Mở lại phiên</translation>
    </message>
    <message>
        <source>Session of {team} in {unit}, started {start}; surveyed by {names}.</source>
        <translation>Phiên của {team} tại {unit}, bắt đầu {start}; điều tra viên: {names}.</translation>
    </message>
    <message>
        <source>{name} surveyed this session. A review is meant to be done by someone else; if you must review your own work, say so below (the decision records your name).</source>
        <translation>{name} là điều tra viên của phiên này. Việc duyệt nên do người khác làm; nếu bạn buộc phải tự duyệt, hãy xác nhận bên dưới (quyết định ghi lại tên bạn).</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>Lý do? (bắt buộc)</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Nhận xét (không bắt buộc)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Từ chối</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>Mở &amp;lại</translation>
    </message>
    <message>
        <source>&amp;Reviewer:</source>
        <translation>&amp;Người duyệt:</translation>
    </message>
    <message>
        <source>your name (a supervisor, not the surveyor)</source>
        <translation>tên bạn (giám sát viên, không phải điều tra viên)</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Nhận xét:</translation>
    </message>
    <message>
        <source>I know I surveyed this session and review it myself</source>
        <translation>Tôi biết mình là điều tra viên của phiên này và tự duyệt</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>Choose a session in the table.</source>
        <translation>Chọn một phiên trong bảng.</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Mở lại…</translation>
    </message>
    <message>
        <source>No signal readings in this session.</source>
        <translation>Phiên này không có số đo tín hiệu.</translation>
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
        <source>Connection</source>
        <translation>Kết nối</translation>
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
        <source>Down Mbit/s</source>
        <translation>Tải xuống Mbit/s</translation>
    </message>
    <message>
        <source>Up Mbit/s</source>
        <translation>Tải lên Mbit/s</translation>
    </message>
    <message>
        <source>Ping ms</source>
        <translation>Độ trễ ms</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation>Thôn/tổ</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Phút</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <source>Fibre</source>
        <translation>Cáp quang</translation>
    </message>
    <message>
        <source>&amp;Enlarge map…</source>
        <translation>&amp;Phóng to bản đồ…</translation>
    </message>
    <message>
        <source>Signal timeline</source>
        <translation>Diễn biến tín hiệu</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Bản đồ</translation>
    </message>
    <message>
        <source>{unit} · {team} · {start} · {status}</source>
        <translation>{unit} · {team} · {start} · {status}</translation>
    </message>
    <message>
        <source>Surveyors: {names}</source>
        <translation>Điều tra viên: {names}</translation>
    </message>
    <message>
        <source>No quality flags.</source>
        <translation>Không có cảnh báo chất lượng.</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Đã mở lại</translation>
    </message>
    <message>
        <source>{decision} by {reviewer}, {at}: {comment}</source>
        <translation>{decision} bởi {reviewer}, {at}: {comment}</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>Chưa có quyết định.</translation>
    </message>
    <message>
        <source>RSRP of each reading, by operator: {legend}</source>
        <translation>RSRP của từng số đo, theo nhà mạng: {legend}</translation>
    </message>
    <message>
        <source>{n} readings with a position; click a point to see it.</source>
        <translation>{n} số đo có vị trí; bấm vào một điểm để xem chi tiết.</translation>
    </message>
</context>
<context>
    <name>ReviewIndicatorsView</name>
    <message>
        <source>Include sessions not yet approved</source>
        <translation>Gồm cả các phiên chưa duyệt</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>Tính lại</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Households with fibre</source>
        <translation>Hộ dùng cáp quang</translation>
    </message>
    <message>
        <source>Digital signature</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <source>Download (median)</source>
        <translation>Tải xuống (trung vị)</translation>
    </message>
    <message>
        <source>Upload (median)</source>
        <translation>Tải lên (trung vị)</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <source>Operator / technology</source>
        <translation>Nhà mạng / công nghệ</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Số đo</translation>
    </message>
    <message>
        <source>Share of readings</source>
        <translation>Tỷ lệ số đo</translation>
    </message>
    <message>
        <source>Targets and sources</source>
        <translation>Mục tiêu và nguồn</translation>
    </message>
    <message>
        <source>Usable 4G/5G signal</source>
        <translation>Tín hiệu 4G/5G dùng được</translation>
    </message>
    <message>
        <source>Usable 5G signal</source>
        <translation>Tín hiệu 5G dùng được</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>4G/5G</source>
        <translation>4G/5G</translation>
    </message>
    <message>
        <source>Fibre</source>
        <translation>Cáp quang</translation>
    </message>
    <message>
        <source>Homes with fibre</source>
        <translation>Hộ có cáp quang</translation>
    </message>
    <message>
        <source>Internet users</source>
        <translation>Dùng Internet</translation>
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
        <source>Ward or commune</source>
        <translation>Phường hoặc xã</translation>
    </message>
    <message>
        <source>{op}: share of its readings with usable 4G/5G signal</source>
        <translation>{op}: tỷ lệ số đo có tín hiệu 4G/5G dùng được</translation>
    </message>
    <message>
        <source>4G/5G coverage: the best operator&apos;s share of usable readings</source>
        <translation>Phủ sóng 4G/5G: tỷ lệ số đo dùng được của nhà mạng tốt nhất</translation>
    </message>
    <message>
        <source>Fibre available: share of hamlets where a household has fibre</source>
        <translation>Có cáp quang: tỷ lệ thôn/tổ có hộ dùng cáp quang</translation>
    </message>
    <message>
        <source>Residents who used the Internet in the last 3 months</source>
        <translation>Người dân đã dùng Internet trong 3 tháng qua</translation>
    </message>
    <message>
        <source>Adults with a digital signature</source>
        <translation>Người trưởng thành có chữ ký số</translation>
    </message>
    <message>
        <source>Median download, Mbit/s</source>
        <translation>Tốc độ tải xuống trung vị, Mbit/s</translation>
    </message>
    <message>
        <source>Median upload, Mbit/s</source>
        <translation>Tốc độ tải lên trung vị, Mbit/s</translation>
    </message>
    <message>
        <source>Speed tests (enough when at least the number in the sources)</source>
        <translation>Số lần đo tốc độ (đủ khi đạt số lượng nêu trong phần nguồn)</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>đạt mục tiêu</translation>
    </message>
    <message>
        <source>within 10 points</source>
        <translation>kém dưới 10 điểm</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>dưới mục tiêu</translation>
    </message>
    <message>
        <source>too few samples to judge</source>
        <translation>quá ít mẫu để đánh giá</translation>
    </message>
    <message>
        <source>“no data”: nothing measured yet. City row: 4G/5G and fibre are the share of units that meet the target.</source>
        <translation>“chưa đo”: chưa đo được gì. Hàng thành phố: 4G/5G và cáp quang là tỷ lệ đơn vị đạt mục tiêu.</translation>
    </message>
    <message>
        <source>Computing indicators…</source>
        <translation>Đang tính chỉ tiêu…</translation>
    </message>
    <message>
        <source>Could not compute the indicators: {error}</source>
        <translation>Không tính được chỉ tiêu: {error}</translation>
    </message>
    <message>
        <source>approved sessions</source>
        <translation>các phiên đã duyệt</translation>
    </message>
    <message>
        <source>all sessions except rejected</source>
        <translation>mọi phiên trừ phiên bị từ chối</translation>
    </message>
    <message>
        <source>{scope}, {filters}</source>
        <translation>{scope}, {filters}</translation>
    </message>
    <message>
        <source>From {scope}; computed in {seconds} s.</source>
        <translation>Từ {scope}; tính trong {seconds} giây.</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>chưa đo</translation>
    </message>
    <message>
        <source>Unit covered by an operator</source>
        <translation>Đơn vị được một nhà mạng phủ sóng</translation>
    </message>
    <message>
        <source>Broadband speed</source>
        <translation>Tốc độ băng rộng</translation>
    </message>
    <message>
        <source>Speed tests needed</source>
        <translation>Số lần đo tốc độ cần có</translation>
    </message>
    <message>
        <source>Signal readings needed</source>
        <translation>Số đo tín hiệu cần có</translation>
    </message>
    <message>
        <source>Target: 4G/5G coverage</source>
        <translation>Mục tiêu: phủ sóng 4G/5G</translation>
    </message>
    <message>
        <source>Target: fibre available</source>
        <translation>Mục tiêu: có cáp quang</translation>
    </message>
    <message>
        <source>Target: residents using the Internet</source>
        <translation>Mục tiêu: người dân dùng Internet</translation>
    </message>
    <message>
        <source>Target: households with fibre</source>
        <translation>Mục tiêu: hộ có cáp quang</translation>
    </message>
    <message>
        <source>Target: adults with a digital signature</source>
        <translation>Mục tiêu: người trưởng thành có chữ ký số</translation>
    </message>
    <message>
        <source>{v} dBm</source>
        <translation>{v} dBm</translation>
    </message>
    <message>
        <source>{v} Mbit/s</source>
        <translation>{v} Mbit/s</translation>
    </message>
    <message>
        <source>{unit}: by operator (modem tests) and by technology</source>
        <translation>{unit}: theo nhà mạng (đo qua modem) và theo công nghệ</translation>
    </message>
    <message>
        <source>{tech}: {share} of readings, {usable} with usable signal</source>
        <translation>{tech}: {share} số đo, {usable} có tín hiệu dùng được</translation>
    </message>
    <message>
        <source>{tech}: {down} / {up} Mbit/s ({n} tests)</source>
        <translation>{tech}: {down} / {up} Mbit/s ({n} lần đo)</translation>
    </message>
    <message>
        <source>{op}: {down} / {up} Mbit/s ({n} tests)</source>
        <translation>{op}: {down} / {up} Mbit/s ({n} lần đo)</translation>
    </message>
</context>
<context>
    <name>ReviewKpiView</name>
    <message>
        <source>From valid speed tests only. A share says how many valid tests reached a threshold; it describes the samples and does not say whether an operator complies with a regulation.</source>
        <translation>Chỉ từ các lần đo tốc độ hợp lệ. Một tỷ lệ cho biết bao nhiêu lần đo hợp lệ đạt một ngưỡng; nó mô tả mẫu đo, không kết luận nhà mạng có tuân thủ quy chuẩn hay không.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Phường/xã</translation>
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
        <source>Valid tests (invalid)</source>
        <translation>Lần đo hợp lệ (không hợp lệ)</translation>
    </message>
    <message>
        <source>Download median</source>
        <translation>Tải xuống trung vị</translation>
    </message>
    <message>
        <source>Download 10th pct.</source>
        <translation>Tải xuống phân vị 10</translation>
    </message>
    <message>
        <source>Upload median</source>
        <translation>Tải lên trung vị</translation>
    </message>
    <message>
        <source>Upload 10th pct.</source>
        <translation>Tải lên phân vị 10</translation>
    </message>
    <message>
        <source>Latency median</source>
        <translation>Độ trễ trung vị</translation>
    </message>
    <message>
        <source>Latency 90th pct.</source>
        <translation>Độ trễ phân vị 90</translation>
    </message>
    <message>
        <source>Thresholds reached</source>
        <translation>Tỷ lệ đạt ngưỡng</translation>
    </message>
    <message>
        <source>Sampling rules</source>
        <translation>Quy tắc lấy mẫu</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>The KPIs could not be computed: {error}</source>
        <translation>Không tính được các chỉ số: {error}</translation>
    </message>
    <message>
        <source>{n} groups; a figure needs at least {min} valid tests.</source>
        <translation>{n} nhóm; mỗi số liệu cần ít nhất {min} lần đo hợp lệ.</translation>
    </message>
    <message>
        <source>not enough tests ({n})</source>
        <translation>chưa đủ số lần đo ({n})</translation>
    </message>
    <message>
        <source>{id}: mean {value}</source>
        <translation>{id}: trung bình {value}</translation>
    </message>
    <message>
        <source>{id}: {share}%</source>
        <translation>{id}: {share}%</translation>
    </message>
</context>
<context>
    <name>ReviewMapDialog</name>
    <message>
        <source>Map: {title}</source>
        <translation>Bản đồ: {title}</translation>
    </message>
    <message>
        <source>Scroll to zoom, drag to pan, click a point to see its record.</source>
        <translation>Cuộn để phóng to, kéo để di chuyển, bấm vào một điểm để xem bản ghi.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Speed KPIs</source>
        <translation>Chỉ số tốc độ</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang mở</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Any flag or none</source>
        <translation>Mọi cảnh báo hoặc không</translation>
    </message>
    <message>
        <source>Session of {team} in {unit} ({start}) {decision} by {reviewer} on {at}: {comment}</source>
        <translation>Phiên của {team} tại {unit} ({start}) {decision} bởi {reviewer} lúc {at}: {comment}</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>Chỉ phiên có cảnh báo</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>Chạy kiểm tra</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Phiên</translation>
    </message>
    <message>
        <source>Team or surveyor</source>
        <translation>Tổ hoặc điều tra viên</translation>
    </message>
    <message>
        <source>Signal strength (RSRP)</source>
        <translation>Cường độ tín hiệu (RSRP)</translation>
    </message>
    <message>
        <source>Download speed</source>
        <translation>Tốc độ tải xuống</translation>
    </message>
    <message>
        <source>Household has Internet</source>
        <translation>Hộ có Internet</translation>
    </message>
    <message>
        <source>Household has fibre</source>
        <translation>Hộ có cáp quang</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>Tô màu theo:</translation>
    </message>
    <message>
        <source>Red = weak or slow, green = strong or fast, grey = no value. Scroll to zoom, drag to pan, click a point to see its record.</source>
        <translation>Đỏ = yếu hoặc chậm, xanh = mạnh hoặc nhanh, xám = không có giá trị. Cuộn để phóng to, kéo để di chuyển, bấm vào một điểm để xem bản ghi.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Bản đồ</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} phiên</translation>
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
        <source>reopened</source>
        <translation>được mở lại</translation>
    </message>
    <message>
        <source>Checking sessions…</source>
        <translation>Đang kiểm tra các phiên…</translation>
    </message>
    <message>
        <source>{n} sessions · checked {checked} in {seconds} s</source>
        <translation>{n} phiên · đã kiểm tra {checked} trong {seconds} giây</translation>
    </message>
    <message>
        <source>The checks failed: {error}</source>
        <translation>Kiểm tra thất bại: {error}</translation>
    </message>
    <message>
        <source>Loading points…</source>
        <translation>Đang tải các điểm…</translation>
    </message>
    <message>
        <source>{n} points (an even sample when there are more)</source>
        <translation>{n} điểm (lấy mẫu đều khi có nhiều hơn)</translation>
    </message>
    <message>
        <source>Lies in {unit}, not in the session&apos;s unit. </source>
        <translation>Nằm trong {unit}, không thuộc đơn vị của phiên. </translation>
    </message>
</context>
<context>
    <name>ReviewRecordText</name>
    <message>
        <source>RSRP {value} dBm</source>
        <translation>RSRP {value} dBm</translation>
    </message>
    <message>
        <source>SINR {value} dB</source>
        <translation>SINR {value} dB</translation>
    </message>
    <message>
        <source>Download {value} Mbit/s</source>
        <translation>Tải xuống {value} Mbit/s</translation>
    </message>
    <message>
        <source>Upload {value} Mbit/s</source>
        <translation>Tải lên {value} Mbit/s</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Trạng thái: {status}</translation>
    </message>
    <message>
        <source>Hamlet: {name}</source>
        <translation>Thôn/tổ: {name}</translation>
    </message>
    <message>
        <source>Internet at home: {answer}</source>
        <translation>Internet tại nhà: {answer}</translation>
    </message>
    <message>
        <source>Fibre: {answer}</source>
        <translation>Cáp quang: {answer}</translation>
    </message>
    <message>
        <source>{lat}° N, {lon}° E</source>
        <translation>{lat}° B, {lon}° Đ</translation>
    </message>
    <message>
        <source>accuracy ±{metres} m</source>
        <translation>sai số ±{metres} m</translation>
    </message>
    <message>
        <source>Session of {team} in {unit}, {day}</source>
        <translation>Phiên của {team} tại {unit}, {day}</translation>
    </message>
</context>
<context>
    <name>ReviewSessionsModel</name>
    <message>
        <source>Unit</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tổ</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Số đo</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Đo tốc độ</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Unit code {code}</source>
        <translation>Mã đơn vị {code}</translation>
    </message>
</context>
</TS>
