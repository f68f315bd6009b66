#!/usr/bin/env python3
"""Fill the Vietnamese translations of resources/i18n/review_vi.ts (run after `build_installer.py qt`, then again
`build_installer.py qt` to compile). Keeps any translation already present."""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

VI = {
    "Approve session": "Duyệt phiên", "Reject session": "Từ chối phiên", "Reopen session": "Mở lại phiên",
    "Session: {session}": "Phiên: {session}", "Reviewer:": "Người duyệt:", "Why? (required)": "Lý do? (bắt buộc)",
    "Comment (optional)": "Nhận xét (không bắt buộc)", "Comment:": "Nhận xét:",
    "Choose a session in the table.": "Chọn một phiên trong bảng.", "Approve…": "Duyệt…", "Reject…": "Từ chối…",
    "Reopen…": "Mở lại…", "Time": "Thời gian", "Status": "Trạng thái", "Connection": "Kết nối",
    "Operator": "Nhà mạng", "Technology": "Công nghệ", "Down Mbit/s": "Tải xuống Mbit/s",
    "Up Mbit/s": "Tải lên Mbit/s", "Ping ms": "Độ trễ ms", "Consent": "Đồng ý", "Hamlet": "Thôn/tổ",
    "Minutes": "Phút", "Members": "Thành viên", "Internet": "Internet", "Fibre": "Cáp quang",
    "Signal timeline": "Diễn biến tín hiệu", "Speed tests": "Đo tốc độ", "Households": "Hộ gia đình",
    "Map": "Bản đồ", "{unit} ({code}) · {team} · {start} · {status}": "{unit} ({code}) · {team} · {start} · {status}",
    "No quality flags.": "Không có cảnh báo chất lượng.", "Approved": "Đã duyệt", "Rejected": "Bị từ chối",
    "Reopened": "Đã mở lại", "{decision} by {reviewer}, {at}: {comment}": "{decision} bởi {reviewer}, {at}: {comment}",
    "No decision yet.": "Chưa có quyết định.", "yes": "có", "no": "không", "RSRP (dBm)": "RSRP (dBm)",
    "{n} readings with a position; click a point to see it.":
        "{n} số đo có vị trí; bấm vào một điểm để xem chi tiết.",
    "Include sessions not yet approved": "Gồm cả các phiên chưa duyệt", "Recompute": "Tính lại", "Unit": "Đơn vị",
    "4G/5G coverage": "Phủ sóng 4G/5G", "Fibre available": "Có cáp quang", "Households with fibre": "Hộ dùng cáp quang",
    "Residents using Internet": "Người dân dùng Internet", "Digital signature": "Chữ ký số",
    "Download (median)": "Tải xuống (trung vị)", "Upload (median)": "Tải lên (trung vị)",
    "Enough samples": "Đủ mẫu", "Computing indicators…": "Đang tính chỉ tiêu…",
    "Could not compute the indicators: {error}": "Không tính được chỉ tiêu: {error}",
    "approved sessions": "các phiên đã duyệt", "all sessions except rejected": "mọi phiên trừ phiên bị từ chối",
    "From {scope}; computed in {seconds} s.": "Từ {scope}; tính trong {seconds} giây.",
    "{tech}: {down} / {up} Mbit/s ({n} tests)": "{tech}: {down} / {up} Mbit/s ({n} lần đo)",
    "{op}: {down} / {up} Mbit/s ({n} tests)": "{op}: {down} / {up} Mbit/s ({n} lần đo)",
    "{tech}: {share} of readings, {usable} with usable signal": "{tech}: {share} số đo, {usable} có tín hiệu dùng được",
    "4G/5G coverage by operator (%)": "Phủ sóng 4G/5G theo nhà mạng (%)",
    "Residents using the Internet (%) vs the 95% target": "Người dân dùng Internet (%) so với mục tiêu 95%",
    "Indicators": "Chỉ tiêu", "All units": "Mọi đơn vị", "Any status": "Mọi trạng thái", "Open": "Đang mở",
    "Closed": "Đã đóng", "Any flag or none": "Mọi cảnh báo hoặc không", "Flagged only": "Chỉ phiên có cảnh báo",
    "Team, surveyor or session id": "Tổ, điều tra viên hoặc mã phiên", "Run checks": "Chạy kiểm tra",
    "Sessions": "Phiên", "Clear filters": "Bỏ lọc",
    "Operator / technology": "Nhà mạng / công nghệ", "Share of readings": "Tỷ lệ số đo",
    "Usable 4G/5G signal": "Tín hiệu 4G/5G dùng được", "Usable 5G signal": "Tín hiệu 5G dùng được",
    "Charts": "Biểu đồ", "By operator and technology": "Theo nhà mạng và công nghệ",
    "{unit}: by operator (modem tests) and by technology": "{unit}: theo nhà mạng (đo qua modem) và theo công nghệ",
    "no service": "không có sóng",
    "Lies in {unit}, not in the session's unit. ": "Nằm trong {unit}, không thuộc đơn vị của phiên. ", "Signal strength (RSRP)": "Cường độ tín hiệu (RSRP)", "Download speed": "Tốc độ tải xuống",
    "Household has Internet": "Hộ có Internet", "Household has fibre": "Hộ có cáp quang", "Colour by:": "Tô màu theo:",
    "Red = weak or slow, green = strong or fast, grey = no value. Scroll to zoom, drag to pan, click a point to see "
    "its record.": "Đỏ = yếu hoặc chậm, xanh = mạnh hoặc nhanh, xám = không có giá trị. Cuộn để phóng to, kéo để "
                   "di chuyển, bấm vào một điểm để xem bản ghi.",
    "{n} sessions": "{n} phiên", "Checking sessions…": "Đang kiểm tra các phiên…",
    "{n} sessions · checked {checked} in {seconds} s": "{n} phiên · đã kiểm tra {checked} trong {seconds} giây",
    "The checks failed: {error}": "Kiểm tra thất bại: {error}", "Loading points…": "Đang tải các điểm…",
    "{n} points (an even sample when there are more)": "{n} điểm (lấy mẫu đều khi có nhiều hơn)",
    "Session": "Phiên", "Team": "Tổ", "Started": "Bắt đầu", "Readings": "Số đo", "Flags": "Cảnh báo",
    "open": "đang mở", "closed": "đã đóng", "approved": "đã duyệt", "rejected": "bị từ chối",
}


def main() -> int:
    path = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "review_vi.ts"
    tree = ET.parse(path)
    missing = []
    for m in tree.iter("message"):
        src, tr = m.find("source").text, m.find("translation")
        if tr.text and tr.get("type") != "unfinished":
            continue
        if src in VI:
            tr.text = VI[src]
            tr.attrib.pop("type", None)
        else:
            missing.append(src)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for s in missing:
        print("missing:", s, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
