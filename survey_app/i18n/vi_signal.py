"""Vietnamese messages of the modem and GPS area (CLI and core)."""

MESSAGES = {
    " into session {id}": " vào phiên {id}",
    "Cannot open port {port}: {reason}": "Không mở được cổng {port}: {reason}",
    "Fix: {lat:.6f}, {lon:.6f} (±{acc} m, {sats} satellites, HDOP {hdop})":
        "Định vị: {lat:.6f}, {lon:.6f} (±{acc} m, {sats} vệ tinh, HDOP {hdop})",
    "GPS on {port} is not connected; waiting for it.": "GPS ở cổng {port} chưa được cắm; đang chờ thiết bị.",
    "GPS on {port} was unplugged; waiting for it to return.": "GPS ở cổng {port} đã bị rút ra; đang chờ cắm lại.",
    "GPS on {port}: waiting for a fix.": "GPS ở cổng {port}: đang chờ định vị.",
    "GPS": "GPS",
    "Identifying the modem on {port}...": "Đang nhận dạng modem ở cổng {port}...",
    "Logging {n} modem(s) every {s:.1f} s{session}. Ctrl+C stops.":
        "Đang ghi {n} modem, mỗi {s:.1f} giây{session}. Nhấn Ctrl+C để dừng.",
    "Modem on {port} was unplugged; waiting for it to return.": "Modem ở cổng {port} đã bị rút ra; đang chờ cắm lại.",
    "NMEA GPS port whose position is attached to each reading": "cổng GPS (NMEA) cung cấp vị trí gắn vào mỗi lần đo",
    "No SIM card.": "Không có thẻ SIM.",
    "No fix yet ({n} sentences, {bad} with bad checksums).":
        "Chưa định vị được ({n} câu NMEA, {bad} câu sai mã kiểm tra).",
    "No permission to open {port}; add your user to the dialout group.":
        "Không có quyền mở cổng {port}; hãy thêm người dùng vào nhóm dialout.",
    "Port {port} does not exist (is the device plugged in?).": "Cổng {port} không tồn tại (thiết bị đã được cắm chưa?).",
    "Port {port} is in use by another program (ModemManager, a terminal?). Close it and retry.":
        "Cổng {port} đang được chương trình khác sử dụng (ModemManager, phần mềm terminal?). Hãy đóng nó rồi thử lại.",
    "baud rate (default 9600)": "tốc độ baud (mặc định 9600)",
    "do not open unknown ports to ask them AT": "không mở các cổng chưa biết để hỏi lệnh AT",
    "find USB modems, read their signal, log readings": "tìm modem USB, đọc tín hiệu, ghi các lần đo",
    "identify a modem and take one reading": "nhận dạng modem và đo một lần",
    "list serial ports and which of them are modems": "liệt kê các cổng nối tiếp và cho biết cổng nào là modem",
    "modem port (repeat for several modems)": "cổng modem (lặp lại cho nhiều modem)",
    "modem": "modem",
    "other": "khác",
    "poll modems and store readings until stopped": "đo tín hiệu modem định kỳ và lưu lại cho đến khi dừng",
    "print JSON": "in ra JSON",
    "read NMEA sentences until a fix (or the timeout)": "đọc câu NMEA cho đến khi định vị được (hoặc hết thời gian chờ)",
    "read a GPS receiver": "đọc thiết bị thu GPS",
    "seconds between readings (0.5-60)": "số giây giữa hai lần đo (0,5-60)",
    "seconds to wait for a fix": "số giây chờ định vị",
    "seconds to wait for each answer": "số giây chờ mỗi câu trả lời",
    "serial port of the GPS receiver": "cổng nối tiếp của thiết bị thu GPS",
    "serial port of the modem's AT interface": "cổng nối tiếp nhận lệnh AT của modem",
    "session id to attach the readings to": "mã phiên khảo sát để gắn các lần đo vào",
    "stop after this many seconds": "dừng sau số giây này",
    "unknown": "chưa rõ",
    "{modem} on {port}": "{modem} ở cổng {port}",
    "{modem} on {port}: no SIM card.": "{modem} ở cổng {port}: không có thẻ SIM.",
    "{modem} on {port}: no service.": "{modem} ở cổng {port}: không có sóng.",
    "{n} ports, {m} modems": "{n} cổng, {m} modem",
    "{n} readings stored.": "Đã lưu {n} lần đo.",
    "{port} does not answer AT commands (not a modem, or busy).":
        "Cổng {port} không trả lời lệnh AT (không phải modem, hoặc đang bận).",
    "{port}: no answer to {command} within {s:.0f} s": "{port}: không có trả lời cho lệnh {command} trong {s:.0f} giây",
}
