"""What each export layer holds: its columns in a stable order, their type, unit and meaning (vi + en).

This is the single source of the column dictionary and the JSON Schemas in the repository's `contract/`
folder (`python -m survey_app.exports.contract` regenerates them; a test checks that they are fresh).
"""
from __future__ import annotations

from survey_app.models.export_spec import Column, Layer


def C(name, kind, en, vi, unit="", personal=False, source=None) -> Column:  # noqa: N802 - table-like lines
    return Column(name, kind, en, vi, unit, personal, source)


_ID = C("id", "string", "Record UUID (GeoJSON feature id)", "Mã định danh bản ghi (UUID, id của đối tượng GeoJSON)")
_SESSION = C("session_id", "string", "Survey session UUID", "Mã phiên khảo sát (UUID)")
_UNIT = C("unit_code", "string", "Ward/commune code (5 digits)", "Mã phường/xã (5 chữ số)")
_CODE_SET = C("code_set", "string", "Version of the unit code set", "Phiên bản bộ mã đơn vị hành chính")
_POSITION = (
    C("lon", "lon", "Longitude, WGS84", "Kinh độ, WGS84", "degree"),
    C("lat", "lat", "Latitude, WGS84", "Vĩ độ, WGS84", "degree"),
    C("position_source", "string", "Where the position came from: gps, modem or manual",
      "Nguồn vị trí: gps, modem hoặc nhập tay (manual)"),
    C("position_accuracy_m", "number", "Estimated horizontal accuracy of the position",
      "Độ chính xác ngang ước tính của vị trí", "m"),
    C("position_at", "datetime", "Time of the position fix", "Thời điểm xác định vị trí"),
)
_OBS_TAIL = (
    C("device_id", "string", "UUID of the device that recorded it", "Mã thiết bị ghi nhận (UUID)"),
    C("surveyor", "string", "Surveyor who recorded it", "Điều tra viên ghi nhận", personal=True),
    C("app_version", "string", "App version that recorded it", "Phiên bản ứng dụng ghi nhận"),
)
# Observations are append-only: revision is always 1 and updated_at = created_at, which is the time of the
# measurement itself (measured_at / ended_at), so those columns are left out of the files.
_TAIL = (
    C("device_id", "string", "UUID of the device that recorded it", "Mã thiết bị ghi nhận (UUID)"),
    C("surveyor", "string", "Surveyor who recorded it", "Điều tra viên ghi nhận", personal=True),
    C("app_version", "string", "App version that recorded it", "Phiên bản ứng dụng ghi nhận"),
    C("revision", "integer", "Revision number (1 = never changed)", "Số lần sửa đổi (1 = chưa sửa)"),
    C("created_at", "datetime", "When the record was created", "Thời điểm tạo bản ghi"),
    C("updated_at", "datetime", "When the record was last changed", "Thời điểm sửa bản ghi lần cuối"),
)

SESSIONS = Layer("sessions", "sessions", "Survey sessions", "Phiên khảo sát", (
    _ID, _UNIT,
    C("unit_name", "string", "Ward/commune name", "Tên phường/xã", source="u.name"),
    _CODE_SET,
    C("team_name", "string", "Survey team", "Tổ khảo sát"),
    C("surveyors", "string", "Surveyors' names (JSON list)", "Tên các điều tra viên (danh sách JSON)",
      personal=True),
    C("status", "string", "open, closed, approved or rejected", "Trạng thái: open (đang mở), closed (đã đóng), "
      "approved (đã duyệt) hoặc rejected (bị từ chối)"),
    C("started_at", "datetime", "When the session was opened", "Thời điểm mở phiên"),
    C("closed_at", "datetime", "When the session was closed", "Thời điểm đóng phiên"),
    C("notes", "string", "Free-text notes (may name people)", "Ghi chú tự do (có thể có tên người)",
      personal=True),
    C("speed_tests", "integer", "Number of speed tests in the session", "Số lần đo tốc độ trong phiên",
      source="count:speed_tests"),
    C("signal_readings", "integer", "Number of signal readings in the session", "Số lần đo tín hiệu trong phiên",
      source="count:signal_readings"),
    C("households", "integer", "Number of household interviews in the session", "Số hộ được phỏng vấn trong phiên",
      source="count:households"),
    C("lon", "lon", "Longitude of a point inside the unit (sessions have no position of their own)",
      "Kinh độ một điểm bên trong phường/xã (phiên không có vị trí riêng)", "degree", source="u.inside_lon"),
    C("lat", "lat", "Latitude of a point inside the unit", "Vĩ độ một điểm bên trong phường/xã", "degree",
      source="u.inside_lat"),
) + _TAIL, time_column="started_at")

SPEED_TESTS = Layer("speed_tests", "speed_tests", "Speed tests", "Đo tốc độ Internet", (
    _ID, _SESSION,
    C("household_id", "string", "Household UUID when measured at a household", "Mã hộ (UUID) nếu đo tại hộ"),
    _UNIT, _CODE_SET,
    C("started_at", "datetime", "Start of the test", "Thời điểm bắt đầu đo"),
    C("ended_at", "datetime", "End of the test", "Thời điểm kết thúc đo"),
    C("status", "string", "ok, failed or cancelled", "Kết quả: ok (thành công), failed (lỗi), cancelled (hủy)"),
    C("error", "string", "Why the test failed", "Lý do đo lỗi"),
    C("protocol", "string", "ookla or librespeed", "Giao thức đo: ookla hoặc librespeed"),
    C("method", "string", "Measurement method and version", "Phương pháp đo và phiên bản"),
    C("server_name", "string", "Test server name", "Tên máy chủ đo"),
    C("server_sponsor", "string", "Test server operator", "Đơn vị vận hành máy chủ đo"),
    C("server_id", "string", "Test server id", "Mã máy chủ đo"),
    C("server_url", "string", "Test server address", "Địa chỉ máy chủ đo"),
    C("server_distance_km", "number", "Distance to the test server", "Khoảng cách tới máy chủ đo", "km"),
    C("interface_kind", "string", "modem, wifi, ethernet or other", "Loại kết nối: modem, wifi, ethernet, khác"),
    C("operator", "string", "Mobile operator (over a modem)", "Nhà mạng di động (khi đo qua modem)"),
    C("technology", "string", "Radio technology (over a modem)", "Công nghệ vô tuyến (khi đo qua modem)"),
    C("download_mbps", "number", "Download rate", "Tốc độ tải xuống", "Mbit/s"),
    C("upload_mbps", "number", "Upload rate", "Tốc độ tải lên", "Mbit/s"),
    C("ping_ms", "number", "Latency (median ping)", "Độ trễ (ping trung vị)", "ms"),
    C("ping_min_ms", "number", "Lowest ping", "Ping thấp nhất", "ms"),
    C("jitter_ms", "number", "Jitter", "Độ biến thiên độ trễ (jitter)", "ms"),
    C("loaded_ping_download_ms", "number", "Latency while downloading", "Độ trễ khi đang tải xuống", "ms"),
    C("loaded_ping_upload_ms", "number", "Latency while uploading", "Độ trễ khi đang tải lên", "ms"),
    C("bytes_received", "integer", "Bytes received", "Số byte nhận", "byte"),
    C("bytes_sent", "integer", "Bytes sent", "Số byte gửi", "byte"),
    C("duration_s", "number", "Test duration", "Thời lượng đo", "s"),
    C("streams_download", "integer", "Parallel download streams", "Số luồng tải xuống song song"),
    C("streams_upload", "integer", "Parallel upload streams", "Số luồng tải lên song song"),
) + _POSITION + _OBS_TAIL, time_column="started_at", rounded_positions=True)

SIGNAL_READINGS = Layer("signal_readings", "signal_readings", "Signal readings", "Đo cường độ tín hiệu di động", (
    _ID, _SESSION,
    C("modem_id", "string", "Modem UUID", "Mã modem (UUID)"),
    _UNIT, _CODE_SET,
    C("measured_at", "datetime", "Time of the reading", "Thời điểm đo"),
    C("manufacturer", "string", "Modem manufacturer", "Hãng sản xuất modem"),
    C("model", "string", "Modem model", "Kiểu modem"),
    C("technology", "string", "GSM, UMTS, LTE, NR-NSA or NR-SA", "Công nghệ: GSM, UMTS, LTE, NR-NSA hoặc NR-SA"),
    C("registration", "string", "home, roaming, searching, denied or none",
      "Trạng thái đăng ký mạng: home, roaming, searching, denied, none"),
    C("mcc", "string", "Mobile country code", "Mã quốc gia di động (MCC)"),
    C("mnc", "string", "Mobile network code", "Mã mạng di động (MNC)"),
    C("operator", "string", "Mobile operator", "Nhà mạng di động"),
    C("rssi_dbm", "number", "Received signal strength (RSSI)", "Cường độ tín hiệu thu (RSSI)", "dBm"),
    C("rsrp_dbm", "number", "LTE reference signal received power", "Công suất tín hiệu tham chiếu LTE (RSRP)",
      "dBm"),
    C("rsrq_db", "number", "LTE reference signal received quality", "Chất lượng tín hiệu tham chiếu LTE (RSRQ)",
      "dB"),
    C("sinr_db", "number", "LTE signal to interference and noise ratio", "Tỷ số tín hiệu trên nhiễu LTE (SINR)",
      "dB"),
    C("rscp_dbm", "number", "UMTS received signal code power", "Công suất mã tín hiệu thu UMTS (RSCP)", "dBm"),
    C("ecio_db", "number", "UMTS Ec/Io", "Tỷ số Ec/Io UMTS", "dB"),
    C("band", "string", "Band", "Băng tần"),
    C("arfcn", "integer", "Channel number (EARFCN/UARFCN/ARFCN)", "Số kênh tần số (EARFCN/UARFCN/ARFCN)"),
    C("pci", "integer", "Physical cell id", "Mã ô vật lý (PCI)"),
    C("cell_id", "integer", "Cell id", "Mã ô (Cell ID)"),
    C("tac", "integer", "Tracking area code", "Mã vùng theo dõi (TAC)"),
    C("lac", "integer", "Location area code", "Mã vùng định vị (LAC)"),
    C("nr_rsrp_dbm", "number", "5G NR reference signal received power", "Công suất tín hiệu tham chiếu 5G NR",
      "dBm"),
    C("nr_rsrq_db", "number", "5G NR reference signal received quality", "Chất lượng tín hiệu tham chiếu 5G NR",
      "dB"),
    C("nr_sinr_db", "number", "5G NR signal to interference and noise ratio", "Tỷ số tín hiệu trên nhiễu 5G NR",
      "dB"),
    C("nr_band", "string", "5G NR band", "Băng tần 5G NR"),
    C("nr_arfcn", "integer", "5G NR channel number", "Số kênh tần số 5G NR"),
    C("nr_pci", "integer", "5G NR physical cell id", "Mã ô vật lý 5G NR"),
) + _POSITION + _OBS_TAIL, time_column="measured_at", rounded_positions=True)  # readings during an interview

HOUSEHOLDS = Layer("households", "households", "Household interviews", "Phỏng vấn hộ gia đình", (
    _ID, _SESSION, _UNIT, _CODE_SET,
    C("form_id", "string", "Questionnaire id", "Mã bảng hỏi"),
    C("form_version", "string", "Questionnaire version", "Phiên bản bảng hỏi"),
    C("status", "string", "draft, finalized or refused", "Trạng thái: draft (nháp), finalized (hoàn tất), "
      "refused (từ chối)"),
    C("consent", "string", "Consent given: yes, no or empty (not asked)", "Đồng ý tham gia: yes, no hoặc trống"),
    C("consent_text_id", "string", "Consent text read to the household (form/version/consent)",
      "Văn bản xin đồng ý đã đọc cho hộ (bảng hỏi/phiên bản/consent)", source="c.text_id"),
    C("consent_text_sha256", "string", "SHA-256 of that text as shipped with the form",
      "Mã băm SHA-256 của văn bản đó như đi kèm bảng hỏi", source="c.text_sha256"),
    C("consent_interview", "boolean", "Agreed to the interview", "Đồng ý phỏng vấn", source="c.interview"),
    C("consent_phone_contact", "boolean", "Agreed to be called back", "Đồng ý được gọi lại",
      source="c.phone_contact"),
    C("consent_precise_location", "boolean", "Agreed that the exact position is recorded",
      "Đồng ý ghi vị trí chính xác", source="c.precise_location"),
    C("consent_at", "datetime", "When consent was recorded", "Thời điểm ghi nhận sự đồng ý", source="c.agreed_at"),
    C("consent_withdrawn_at", "datetime", "When consent was withdrawn (empty: not withdrawn)",
      "Thời điểm rút lại sự đồng ý (trống: chưa rút)", source="c.withdrawn_at"),
    C("hamlet", "string", "Hamlet / residential group", "Thôn / tổ dân phố"),
    C("respondent_name", "string", "Respondent's name", "Họ tên người trả lời", personal=True),
    C("phone", "string", "Respondent's phone number", "Số điện thoại người trả lời", personal=True),
    C("started_at", "datetime", "Start of the interview", "Thời điểm bắt đầu phỏng vấn"),
    C("ended_at", "datetime", "End of the interview", "Thời điểm kết thúc phỏng vấn"),
    C("duration_s", "number", "Interview duration", "Thời lượng phỏng vấn", "s"),
    C("internet_at_home", "boolean", "Internet access at home (ITU HH6)", "Có truy cập Internet tại nhà (ITU HH6)"),
    C("fixed_broadband", "boolean", "Fixed broadband at home (ITU HH11)", "Có băng rộng cố định tại nhà (ITU HH11)"),
    C("fibre", "boolean", "Fibre (FTTH) at home", "Có cáp quang (FTTH) tại nhà"),
    C("isp", "string", "Internet service provider", "Nhà cung cấp dịch vụ Internet"),
    C("plan_mbps", "number", "Subscribed plan speed", "Tốc độ gói cước đăng ký", "Mbit/s"),
    C("monthly_cost_vnd", "number", "Monthly Internet cost", "Chi phí Internet hằng tháng", "VND"),
    C("member_count", "integer", "Number of household members", "Số thành viên trong hộ"),
) + _POSITION + _TAIL, time_column="started_at", rounded_positions=True)

MEMBERS = Layer("members", "members", "Household members", "Thành viên hộ gia đình", (
    _ID,
    C("household_id", "string", "Household UUID", "Mã hộ (UUID)"),
    C("unit_code", "string", "Ward/commune code of the household", "Mã phường/xã của hộ", source="h.unit_code"),
    C("position", "integer", "Order in the household roster (1 = first)", "Thứ tự trong danh sách thành viên"),
    C("name", "string", "Member's name", "Họ tên thành viên", personal=True),
    C("sex", "string", "Sex", "Giới tính"),
    C("age", "integer", "Age", "Tuổi", "year"),
    C("uses_internet", "boolean", "Used the Internet (ITU HH7, SDG 17.8.1)", "Có sử dụng Internet (ITU HH7)"),
    C("owns_mobile_phone", "boolean", "Owns a mobile phone (ITU HH18)", "Có điện thoại di động riêng (ITU HH18)"),
    C("uses_computer", "boolean", "Used a computer (ITU HH5)", "Có sử dụng máy tính (ITU HH5)"),
    C("has_vneid_level2", "boolean", "Has a level-2 VNeID identity", "Có tài khoản định danh điện tử VNeID mức 2"),
    C("has_digital_signature", "boolean", "Has a digital signature", "Có chữ ký số"),
    C("uses_online_public_services", "boolean", "Uses online public services", "Có sử dụng dịch vụ công trực tuyến"),
    C("uses_hue_s", "boolean", "Uses the Hue-S app", "Có sử dụng ứng dụng Hue-S"),
    C("app_version", "string", "App version that recorded it", "Phiên bản ứng dụng ghi nhận"),
    C("revision", "integer", "Revision number (1 = never changed)", "Số lần sửa đổi (1 = chưa sửa)"),
    C("created_at", "datetime", "When the record was created", "Thời điểm tạo bản ghi"),
    C("updated_at", "datetime", "When the record was last changed", "Thời điểm sửa bản ghi lần cuối"),
), geojson=False)

RECORD_LAYERS = (SESSIONS, SPEED_TESTS, SIGNAL_READINGS, HOUSEHOLDS, MEMBERS)
INDICATORS_NAME = "indicators"
KPIS_NAME = "kpis"  # computed layers: indicators (review), KPIs (evidence); their columns are in their modules
LAYER_NAMES = tuple(layer.name for layer in RECORD_LAYERS) + (INDICATORS_NAME, KPIS_NAME)
BY_NAME = {layer.name: layer for layer in RECORD_LAYERS}
