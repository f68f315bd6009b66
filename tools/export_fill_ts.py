"""Fill the Vietnamese translations of the export panel into resources/i18n/export_vi.ts (then lrelease)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "export_vi.ts"
VI = {
    "What to export": "Dữ liệu cần xuất",
    "CSV (Excel, LibreOffice)": "CSV (Excel, LibreOffice)",
    "GeoJSON (QGIS, maps)": "GeoJSON (QGIS, bản đồ)",
    "Survey sessions": "Phiên khảo sát",
    "Speed tests": "Đo tốc độ Internet",
    "Signal readings": "Đo tín hiệu di động",
    "Household interviews": "Phỏng vấn hộ gia đình",
    "Household members (CSV only)": "Thành viên hộ (chỉ CSV)",
    "Indicator summary per ward/commune": "Tổng hợp chỉ số theo phường/xã",
    "Filters": "Bộ lọc",
    "Tick units to export only them; none ticked means every unit.":
        "Đánh dấu các phường/xã để chỉ xuất những đơn vị đó; không đánh dấu nghĩa là xuất tất cả.",
    "Wards/communes:": "Phường/xã:",
    "From": "Từ",
    "To": "Đến",
    "Dates (Huế time):": "Ngày (giờ Huế):",
    "Team:": "Tổ khảo sát:",
    "Only approved sessions": "Chỉ các phiên đã duyệt",
    "Personal data": "Dữ liệu cá nhân",
    "Include names and phone numbers": "Kèm họ tên và số điện thoại",
    "Left out by default: respondents' and members' names, phone numbers, surveyors' names and free-text notes. "
    "Include them only if the receiver is allowed to hold personal data.":
        "Mặc định không xuất: họ tên người trả lời và thành viên hộ, số điện thoại, tên điều tra viên và ghi chú tự do. "
        "Chỉ kèm theo khi nơi nhận được phép lưu giữ dữ liệu cá nhân.",
    "Precise household locations": "Vị trí chính xác của hộ",
    "By default, positions of households (and of speed tests taken at a household) are rounded to about 100 m, "
    "so a home cannot be found from the file. Signal readings keep their exact position.":
        "Mặc định, vị trí của hộ (và của các lần đo tốc độ tại hộ) được làm tròn khoảng 100 m để không thể tìm ra "
        "nhà từ tệp. Các lần đo tín hiệu giữ nguyên vị trí chính xác.",
    "Output folder:": "Thư mục xuất:",
    "Choose…": "Chọn…",
    "One .zip archive": "Một tệp nén .zip",
    "Export": "Xuất dữ liệu",
    "Cancel": "Hủy",
    "Open folder": "Mở thư mục",
    "All teams": "Tất cả các tổ",
    "Export into folder": "Xuất vào thư mục",
    "Tick at least one layer to export.": "Hãy đánh dấu ít nhất một lớp dữ liệu để xuất.",
    "The first day is after the last day.": "Ngày đầu sau ngày cuối.",
    "Counting records…": "Đang đếm bản ghi…",
    "Cancelling…": "Đang hủy…",
    "Packing the archive… {percent}%": "Đang đóng gói tệp nén… {percent}%",
    "{layer}: {done} of {total} rows (layer {index} of {count})":
        "{layer}: {done}/{total} dòng (lớp {index}/{count})",
    "{layer}: {rows}": "{layer}: {rows}",
    "names and phones included": "có kèm họ tên và số điện thoại",
    "no names or phones": "không có họ tên, số điện thoại",
    "precise locations": "vị trí chính xác",
    "household locations rounded to about 100 m": "vị trí hộ được làm tròn khoảng 100 m",
    "Exported into {folder}: {counts}. Privacy: {personal}; {places}.":
        "Đã xuất vào {folder}: {counts}. Quyền riêng tư: {personal}; {places}.",
}


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace(
        '"', "&quot;")


def main() -> int:
    text = TS.read_text(encoding="utf-8")
    missing = []

    def fill(m: re.Match) -> str:
        source = m.group(1)
        plain = (source.replace("&apos;", "'").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                 .replace("&amp;", "&"))
        if plain not in VI:
            missing.append(plain)
            return m.group(0)
        return f"<source>{source}</source>\n        <translation>{_xml(VI[plain])}</translation>"

    text = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
    TS.write_text(text, encoding="utf-8")
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(TS), "-qm",
                    str(TS.with_suffix(".qm"))], check=True)
    for m in missing:
        print("missing:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
