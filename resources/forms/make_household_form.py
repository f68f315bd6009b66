"""Generate the built-in household questionnaire (household.xlsx) and its compiled form (household.json).

Run from the repository root: `.venv/bin/python resources/forms/make_household_form.py`.
Field names are a contract with storage (derived columns) and review (indicators): keep them.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

ROOT = Path(__file__).resolve().parents[2]
XLSX = ROOT / "resources" / "forms" / "household.xlsx"
JSON = ROOT / "survey_app" / "data" / "forms" / "household.json"

VI, EN = "Tiếng Việt (vi)", "English (en)"
SURVEY_HEADERS = ["type", "name", f"label::{VI}", f"label::{EN}", f"hint::{VI}", f"hint::{EN}", "required",
                  "relevant", "constraint", f"constraint_message::{VI}", f"constraint_message::{EN}",
                  "appearance", "calculation", "default", "read_only"]
INTERNET = "${internet_at_home} = 'yes'"
ROSTER_DIFFERS = "string-length(${hh_size}) > 0 and ${member_count} != ${hh_size}"
FIXED = ("selected(${conn_types}, 'fibre') or selected(${conn_types}, 'adsl') or "
         "selected(${conn_types}, 'cable') or selected(${conn_types}, 'fixed_wireless')")


def q(type_, name, vi="", en="", *, hint=("", ""), required=False, relevant="", constraint="", msg=("", ""),
      appearance="", calculation="", default="", read_only=""):
    """One survey row."""
    return [type_, name, vi, en, hint[0], hint[1], "yes" if required else "", relevant, constraint, msg[0], msg[1],
            appearance, calculation, default, read_only]


SURVEY = [
    q("start", "start"), q("end", "end"), q("today", "today"), q("deviceid", "deviceid"),
    q("username", "username"),
    q("note", "intro",
      "Xin chào. Chúng tôi đang khảo sát việc sử dụng Internet của các hộ gia đình ở Huế cho Kế hoạch 455 của "
      "thành phố. Cuộc phỏng vấn mất khoảng 15 phút. Thông tin chỉ dùng cho thống kê; không hỏi số CCCD/CMND. "
      "Họ tên và số điện thoại không bắt buộc. Hộ có thể xin xem lại hoặc xóa thông tin đã ghi bất cứ lúc "
      "nào; dữ liệu được mã hóa trên máy và chỉ lưu ở Việt Nam.",
      "Hello. We are surveying Internet use by households in Huế for the city's Plan 455. The interview takes "
      "about 15 minutes. The information is used for statistics only; we do not ask for ID numbers. Names and "
      "phone numbers are optional. The household may ask at any time to see or erase what was recorded; the "
      "data is encrypted on the laptop and kept in Vietnam only."),
    q("select_one yes_no", "consent", "Hộ gia đình có đồng ý tham gia khảo sát không?",
      "Does the household agree to take part in the survey?", required=True),
    # Further scopes of consent, asked one by one and never answered in advance (Decree 356/2025: no default
    # consent); unanswered counts as not agreed. The phone and the exact position are asked only when agreed.
    q("select_one yes_no", "consent_phone", "Hộ có đồng ý để khảo sát viên gọi điện lại nếu cần không?",
      "Does the household agree to be called back by the survey team if needed?",
      hint=("Không bắt buộc; không trả lời nghĩa là không đồng ý", "Optional; no answer means no"),
      relevant="${consent} = 'yes'"),
    q("select_one yes_no", "consent_location", "Hộ có đồng ý ghi lại vị trí chính xác của nhà không?",
      "Does the household agree that the exact position of the home is recorded?",
      hint=("Không bắt buộc; không trả lời nghĩa là không đồng ý", "Optional; no answer means no"),
      relevant="${consent} = 'yes'"),
    q("note", "refused_note",
      "Hộ gia đình từ chối. Bấm “Kết thúc (từ chối)” để ghi nhận; không hỏi thêm câu nào.",
      "The household refused. Press “End (refused)” to record it; ask no further questions.",
      relevant="${consent} = 'no'"),
    q("begin group", "household", "Hộ gia đình", "Household", relevant="${consent} = 'yes'"),
    q("text", "hamlet", "Thôn / tổ dân phố", "Hamlet / residential group (thôn / tổ dân phố)",
      hint=("Ví dụ: Tổ dân phố 5", "For example: Tổ dân phố 5"), required=True),
    q("text", "respondent_name", "Họ tên người trả lời", "Respondent's name",
      hint=("Không bắt buộc", "Optional")),
    q("text", "phone", "Số điện thoại liên hệ", "Contact phone number",
      hint=("Không bắt buộc; 9–11 chữ số", "Optional; 9–11 digits"), relevant="${consent_phone} = 'yes'",
      constraint="string-length(.) >= 9 and string-length(.) <= 11 and number(.) = number(.)",
      msg=("Số điện thoại gồm 9–11 chữ số.", "A phone number has 9–11 digits.")),
    q("geopoint", "location", "Vị trí của hộ", "Location of the household",
      hint=("Lấy từ GPS hoặc nhập vĩ độ, kinh độ", "From GPS, or type latitude and longitude"),
      relevant="${consent_location} = 'yes'"),
    q("integer", "hh_size", "Hộ có bao nhiêu người (thường trú)?", "How many people live in the household?",
      required=True, constraint=". >= 1 and . <= 30",
      msg=("Số người trong hộ từ 1 đến 30.", "The household has 1 to 30 people.")),
    q("begin group", "hh_ict", "Thiết bị và kết nối của hộ", "The household's devices and connection"),
    q("select_one yes_no", "hh_phone", "Hộ có điện thoại (cố định hoặc di động) không?",
      "Does the household have a telephone (fixed or mobile)?", hint=("HH3", "HH3"), required=True),
    q("select_one yes_no", "hh_computer", "Hộ có máy tính (để bàn, xách tay, máy tính bảng) không?",
      "Does the household have a computer (desktop, laptop or tablet)?", hint=("HH4", "HH4"), required=True),
    q("select_multiple devices", "devices", "Hộ có những thiết bị nào?", "Which devices does the household have?",
      constraint="not(selected(., 'computer') and ${hh_computer} = 'no')",
      msg=("Đã trả lời hộ không có máy tính; kiểm tra lại.", "You answered that the household has no computer; "
           "check again.")),
    q("select_one yes_no", "internet_at_home", "Hộ có truy cập Internet tại nhà không?",
      "Does the household have Internet access at home?", hint=("HH6", "HH6"), required=True),
    q("select_multiple conn_types", "conn_types", "Hộ kết nối Internet bằng loại dịch vụ nào?",
      "Which types of Internet service does the household use?", hint=("HH11; chọn tất cả", "HH11; select all"),
      required=True, relevant=INTERNET),
    q("select_one isp", "isp", "Nhà cung cấp Internet cố định", "Fixed Internet provider", required=True,
      relevant=f"{INTERNET} and ({FIXED})"),
    q("decimal", "plan_mbps", "Tốc độ gói cước (Mbit/s)", "Plan speed (Mbit/s)",
      hint=("Bỏ trống nếu không biết", "Leave empty if unknown"), relevant=f"{INTERNET} and ({FIXED})",
      constraint=". > 0 and . <= 10000",
      msg=("Tốc độ gói cước từ 0 đến 10.000 Mbit/s.", "Plan speed is between 0 and 10,000 Mbit/s.")),
    q("integer", "monthly_cost_vnd", "Chi phí Internet hằng tháng (đồng)", "Monthly Internet cost (VND)",
      hint=("HH16", "HH16"), relevant=INTERNET, constraint=". >= 0 and . <= 10000000",
      msg=("Chi phí từ 0 đến 10.000.000 đồng.", "The cost is between 0 and 10,000,000 VND.")),
    q("select_one satisfaction", "satisfaction", "Mức độ hài lòng với kết nối Internet",
      "Satisfaction with the Internet connection", relevant=INTERNET, appearance="minimal"),
    q("select_multiple barriers", "barriers", "Vì sao hộ không có Internet tại nhà?",
      "Why does the household not have Internet at home?", hint=("HH14; chọn tất cả", "HH14; select all"),
      required=True, relevant="${internet_at_home} = 'no'"),
    q("end group", ""),
    q("calculate", "member_count", calculation="count(${members})"),
    q("begin repeat", "members", "Thành viên hộ", "Household members"),
    q("calculate", "member_no", calculation="position(..)"),
    q("text", "name", "Tên thành viên ${member_no}", "Name of member ${member_no}",
      hint=("Không bắt buộc; có thể ghi tên gọi", "Optional; a first name is enough")),
    q("select_one sex", "sex", "Giới tính", "Sex", required=True),
    q("integer", "age", "Tuổi", "Age", required=True, constraint=". >= 0 and . <= 120",
      msg=("Tuổi từ 0 đến 120.", "Age is between 0 and 120.")),
    q("begin group", "member_ict", "Sử dụng CNTT", "ICT use", relevant="${age} >= 5"),
    q("select_one yes_no", "uses_computer", "Trong 3 tháng qua có sử dụng máy tính không?",
      "Used a computer in the last 3 months?", hint=("HH5", "HH5"), required=True),
    q("select_one yes_no", "uses_internet", "Trong 3 tháng qua có sử dụng Internet không?",
      "Used the Internet in the last 3 months?", hint=("HH7", "HH7"), required=True),
    q("select_multiple locations", "use_locations", "Sử dụng Internet ở đâu?", "Where was the Internet used?",
      hint=("HH8; chọn tất cả", "HH8; select all"), required=True, relevant="${uses_internet} = 'yes'"),
    q("select_one frequency", "use_frequency", "Bao lâu sử dụng Internet một lần?",
      "How often was the Internet used?", hint=("HH12", "HH12"), required=True,
      relevant="${uses_internet} = 'yes'"),
    q("select_multiple reasons", "reasons_not_using", "Vì sao không sử dụng Internet?",
      "Why was the Internet not used?", hint=("HH17; chọn tất cả", "HH17; select all"), required=True,
      relevant="${uses_internet} = 'no'"),
    q("select_one yes_no", "uses_mobile", "Trong 3 tháng qua có sử dụng điện thoại di động không?",
      "Used a mobile phone in the last 3 months?", hint=("HH10", "HH10"), required=True),
    q("select_one yes_no", "owns_mobile", "Có điện thoại di động riêng không?", "Owns a mobile phone?",
      hint=("HH18", "HH18"), required=True, constraint=". = 'no' or ${uses_mobile} = 'yes'",
      msg=("Người có điện thoại riêng thì đã sử dụng điện thoại; kiểm tra câu trước.",
           "Someone who owns a mobile phone has used one; check the previous answer.")),
    q("select_multiple skills", "skills", "Đã làm được những việc nào trên máy tính hoặc điện thoại?",
      "Which of these has the person done on a computer or phone?", hint=("HH15; chọn tất cả", "HH15; select all"),
      relevant="${uses_computer} = 'yes' or ${uses_internet} = 'yes'",
      constraint="not(selected(., 'none') and count-selected(.) > 1)",
      msg=("“Chưa làm việc nào” không đi cùng lựa chọn khác.", "“None of these” cannot go with other answers.")),
    q("end group", ""),
    q("begin group", "member_gov", "Dịch vụ số của thành phố", "Digital public services",
      relevant="${age} >= 14"),
    q("select_one yes_no_dk", "vneid_level2", "Đã có tài khoản định danh điện tử VNeID mức 2 chưa?",
      "Has a level-2 VNeID electronic identity account?", required=True),
    q("select_one yes_no", "digital_signature", "Có chữ ký số cá nhân không?", "Has a personal digital signature?",
      required=True),
    q("select_one yes_no", "online_public_services", "Trong 12 tháng qua có dùng dịch vụ công trực tuyến không?",
      "Used online public services in the last 12 months?", required=True),
    q("select_one yes_no", "hue_s", "Có sử dụng ứng dụng Hue-S không?", "Uses the Hue-S app?", required=True),
    q("end group", ""),
    q("end repeat", ""),
    q("note", "roster_check", "Bảng thành viên có ${member_count} người, hộ khai ${hh_size} người.",
      "The roster lists ${member_count} people; the household said ${hh_size}.",
      relevant=ROSTER_DIFFERS),
    # The roster must match the declared size, or the surveyor says why (someone away, refused to be listed).
    q("text", "roster_reason", "Vì sao bảng thành viên khác số người hộ khai?",
      "Why does the roster differ from the household size?",
      hint=("Ví dụ: một người đi làm xa không muốn kê khai", "For example: one person works away and would not be "
            "listed"), required=True, relevant=ROSTER_DIFFERS),
    q("text", "surveyor_notes", "Ghi chú của điều tra viên", "Surveyor's notes", appearance="multiline"),
    q("end group", ""),
]

CHOICES = [
    ("yes_no", "yes", "Có", "Yes"), ("yes_no", "no", "Không", "No"),
    ("yes_no_dk", "yes", "Có", "Yes"), ("yes_no_dk", "no", "Không", "No"),
    ("yes_no_dk", "dont_know", "Không biết", "Don't know"),
    ("devices", "smartphone", "Điện thoại thông minh", "Smartphone"),
    ("devices", "basic_phone", "Điện thoại thường", "Basic phone"),
    ("devices", "computer", "Máy tính", "Computer"), ("devices", "tablet", "Máy tính bảng", "Tablet"),
    ("devices", "smart_tv", "Ti vi thông minh", "Smart TV"),
    ("conn_types", "fibre", "Cáp quang (FTTH)", "Fibre (FTTH)"), ("conn_types", "adsl", "ADSL / DSL", "ADSL / DSL"),
    ("conn_types", "cable", "Cáp truyền hình", "Cable TV network"),
    ("conn_types", "fixed_wireless", "Không dây cố định", "Fixed wireless"),
    ("conn_types", "mobile_broadband", "Di động 3G/4G/5G", "Mobile broadband 3G/4G/5G"),
    ("conn_types", "other", "Khác", "Other"),
    ("isp", "vnpt", "VNPT", "VNPT"), ("isp", "viettel", "Viettel", "Viettel"), ("isp", "fpt", "FPT Telecom",
                                                                              "FPT Telecom"),
    ("isp", "other", "Khác", "Other"),
    ("satisfaction", "1", "1 – Rất không hài lòng", "1 – Very dissatisfied"),
    ("satisfaction", "2", "2 – Không hài lòng", "2 – Dissatisfied"),
    ("satisfaction", "3", "3 – Bình thường", "3 – Neutral"), ("satisfaction", "4", "4 – Hài lòng", "4 – Satisfied"),
    ("satisfaction", "5", "5 – Rất hài lòng", "5 – Very satisfied"),
    ("barriers", "not_needed", "Không cần", "Not needed"),
    ("barriers", "cost_service", "Cước dịch vụ quá cao", "Service costs too much"),
    ("barriers", "cost_equipment", "Thiết bị quá đắt", "Equipment costs too much"),
    ("barriers", "no_skills", "Không biết sử dụng", "Lack of skills"),
    ("barriers", "not_available", "Không có dịch vụ ở khu vực", "Not available in the area"),
    ("barriers", "privacy", "Lo ngại về quyền riêng tư, an toàn", "Privacy or security concerns"),
    ("barriers", "other", "Khác", "Other"),
    ("sex", "male", "Nam", "Male"), ("sex", "female", "Nữ", "Female"),
    ("locations", "home", "Tại nhà", "At home"), ("locations", "work", "Nơi làm việc", "At work"),
    ("locations", "school", "Trường học", "At school"),
    ("locations", "others_home", "Nhà người khác", "At someone else's home"),
    ("locations", "community", "Điểm công cộng (thư viện, quán cà phê…)", "Public place (library, café…)"),
    ("locations", "on_the_move", "Khi di chuyển", "On the move"),
    ("frequency", "daily", "Ít nhất một lần mỗi ngày", "At least once a day"),
    ("frequency", "weekly", "Ít nhất một lần mỗi tuần", "At least once a week"),
    ("frequency", "less", "Ít hơn một lần mỗi tuần", "Less than once a week"),
    ("reasons", "not_needed", "Không cần", "Not needed"), ("reasons", "no_skills", "Không biết sử dụng",
                                                          "Lack of skills"),
    ("reasons", "cost_device", "Thiết bị quá đắt", "Device costs too much"),
    ("reasons", "cost_service", "Cước quá cao", "Service costs too much"),
    ("reasons", "no_access", "Không có thiết bị hoặc kết nối", "No device or connection"),
    ("reasons", "privacy", "Lo ngại về quyền riêng tư, an toàn", "Privacy or security concerns"),
    ("reasons", "other", "Khác", "Other"),
    ("skills", "copy_files", "Sao chép, di chuyển tệp", "Copy or move files"),
    ("skills", "send_email", "Gửi thư điện tử có tệp đính kèm", "Send e-mail with attachments"),
    ("skills", "install_software", "Cài đặt ứng dụng", "Install apps or software"),
    ("skills", "online_payment", "Thanh toán trực tuyến", "Pay online"),
    ("skills", "presentation", "Soạn văn bản, bảng tính, trình chiếu", "Make documents, spreadsheets, slides"),
    ("skills", "security", "Thay đổi cài đặt bảo mật, quyền riêng tư", "Change security or privacy settings"),
    ("skills", "none", "Chưa làm việc nào", "None of these"),
]

SETTINGS = {"form_title": "Khảo sát hộ gia đình về kết nối Internet – Huế",
            f"form_title::{EN}": "Household survey of Internet connectivity – Huế", "form_id": "household",
            "version": "2026.3", "default_language": VI}


def write_xlsx(path: Path) -> None:
    """Write the XLSForm workbook."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(SURVEY_HEADERS)
    for row in SURVEY:
        ws.append([v if v != "" else None for v in row])
    ch = wb.create_sheet("choices")
    ch.append(["list_name", "name", f"label::{VI}", f"label::{EN}"])
    for row in CHOICES:
        ch.append(list(row))
    st = wb.create_sheet("settings")
    st.append(list(SETTINGS))
    st.append(list(SETTINGS.values()))
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    wb.save(path)


def main() -> int:
    """Write household.xlsx, compile it and write household.json."""
    sys.path.insert(0, str(ROOT))
    from survey_app.forms.compiler import compile_file

    write_xlsx(XLSX)
    form = compile_file(XLSX)
    JSON.parent.mkdir(parents=True, exist_ok=True)
    JSON.write_text(json.dumps(form, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{XLSX.relative_to(ROOT)} and {JSON.relative_to(ROOT)}: {len(form['fields'])} fields, "
          f"version {form['version']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
