"""Vietnamese for the evidence area: passport, conditions, validity verdicts, KPIs, the evidence export."""

MESSAGES = {
    # conditions
    "Indoor": "Trong nhà",
    "Outdoor, fixed": "Ngoài trời, cố định",
    "Outdoor, moving": "Ngoài trời, di động",
    "Not declared": "Chưa khai báo",
    "Handheld": "Cầm tay",
    "In a vehicle": "Trên xe",
    "In a vehicle, external antenna": "Trên xe, ăng-ten ngoài",
    # verdict reasons
    "Valid": "Hợp lệ",
    "The test did not complete.": "Phép đo không hoàn thành.",
    "The time of the test is unknown.": "Không biết thời điểm đo.",
    "The conditions were not declared (indoor, outdoor fixed or outdoor moving).":
        "Chưa khai báo điều kiện đo (trong nhà, ngoài trời cố định hay ngoài trời di động).",
    "The position's accuracy is unknown.": "Không biết độ chính xác của vị trí.",
    "No position: how far the device moved is unknown.": "Không có vị trí: không biết thiết bị đã di chuyển bao xa.",
    "No position: how fast the device moved is unknown.": "Không có vị trí: không biết thiết bị di chuyển nhanh thế nào.",
    "The download or the upload did not run.": "Phần tải xuống hoặc tải lên đã không chạy.",
    "The server's location is unknown, so its distance cannot be checked.":
        "Không biết vị trí máy chủ nên không kiểm tra được khoảng cách.",
    "The network interface of the test is unknown.": "Không biết giao diện mạng của phép đo.",
    "{code}: value missing.": "{code}: thiếu giá trị.",
    "Rule {code} not met.": "Không đạt quy tắc {code}.",
    "Wi-Fi": "Wi-Fi",
    "Ethernet": "Ethernet",
    "the computer itself": "chính máy tính này",
    "another interface": "một giao diện khác",
    "The test did not complete ({status}).": "Phép đo không hoàn thành ({status}).",
    "Taken at {hour} h local time, outside {start}-{end} h.": "Đo lúc {hour} giờ (giờ Việt Nam), ngoài khung {start}-{end} giờ.",
    "No position during {missing} of {seconds} s (the GPS lost its fix or was not connected).":
        "Không có vị trí trong {missing} trên {seconds} giây (GPS mất tín hiệu hoặc chưa kết nối).",
    "Position too coarse: accuracy {value} m, at most {max} m allowed.":
        "Vị trí quá thô: độ chính xác {value} m, chỉ cho phép tối đa {max} m.",
    "Moved {value} m during the test; at most {max} m for \u201c{env}\u201d.":
        "Đã di chuyển {value} m trong khi đo; tối đa {max} m với \u201c{env}\u201d.",
    "Moving at up to {value} km/h; at most {max} km/h for \u201c{env}\u201d.":
        "Di chuyển tới {value} km/h; tối đa {max} km/h với \u201c{env}\u201d.",
    "The connection changed technology or lost service {value} time(s) during the test.":
        "Kết nối đổi công nghệ hoặc mất dịch vụ {value} lần trong khi đo.",
    "{value} cell change(s) during the test; at most {max} for \u201c{env}\u201d.":
        "{value} lần chuyển ô (cell) trong khi đo; tối đa {max} với \u201c{env}\u201d.",
    "No modem reading during {missing} of {seconds} s (the modem stopped answering).":
        "Không đọc được modem trong {missing} trên {seconds} giây (modem ngừng trả lời).",
    "A phase ran only {value} s; at least {min} s needed.": "Một phần đo chỉ chạy {value} giây; cần ít nhất {min} giây.",
    "The server is {value} km away; at most {max} km.": "Máy chủ cách {value} km; tối đa {max} km.",
    "Measured over {value}, not over a mobile modem.": "Đo qua {value}, không qua modem di động.",
    # CLI
    "serial port of the modem to read each second for the passport (default: from settings)":
        "cổng nối tiếp của modem được đọc mỗi giây cho hộ chiếu đo (mặc định: theo cài đặt)",
    "serial port of the GPS receiver (default: from settings)": "cổng nối tiếp của bộ thu GPS (mặc định: theo cài đặt)",
    "where the test is taken (default: as last time)": "nơi thực hiện phép đo (mặc định: như lần trước)",
    "how the device is carried (default: as last time)": "cách mang thiết bị (mặc định: như lần trước)",
    "the server's position as LAT,LON, to check its distance": "vị trí máy chủ dạng VĨ ĐỘ,KINH ĐỘ, để kiểm tra khoảng cách",
    "Conditions: {env}, {placement}": "Điều kiện: {env}, {placement}",
    "Passport: {n} seconds, {events} events": "Hộ chiếu đo: {n} giây, {events} sự kiện",
    "Evidence: {verdict}": "Giá trị chứng cứ: {verdict}",
    "Not a position: {text}. {why}": "Không phải một vị trí: {text}. {why}",
    # handover log
    "{n} cell changes logged.": "Đã ghi {n} lần chuyển ô (cell).",
    "no service": "không có dịch vụ",
    "cell change": "chuyển ô",
    "technology change": "đổi công nghệ",
    "service lost": "mất dịch vụ",
    "service regained": "có dịch vụ trở lại",
    "{kind}: {before} -> {after}": "{kind}: {before} -> {after}",
    # KPIs
    "speed KPIs per unit, operator and technology from valid tests only":
        "chỉ số tốc độ theo phường/xã, nhà mạng và công nghệ, chỉ từ các lần đo hợp lệ",
    "only this unit code": "chỉ mã phường/xã này",
    "KPIs from valid tests only (at least {n} per group for a figure); shares describe the samples, they do not say "
    "whether an operator complies.":
        "Chỉ số chỉ từ các lần đo hợp lệ (mỗi nhóm cần ít nhất {n} lần đo mới có số liệu); các tỷ lệ mô tả mẫu đo, "
        "không kết luận nhà mạng có tuân thủ quy chuẩn hay không.",
    "{group}: not enough tests ({n})": "{group}: chưa đủ số lần đo ({n})",
    "{group}: {n} valid tests; download median {dm} / 10th percentile {dp} Mbit/s; upload median {um} / 10th "
    "percentile {up} Mbit/s; latency median {lm} / 90th percentile {lp} ms":
        "{group}: {n} lần đo hợp lệ; tải xuống trung vị {dm} / phân vị 10 {dp} Mbit/s; tải lên trung vị {um} / "
        "phân vị 10 {up} Mbit/s; độ trễ trung vị {lm} / phân vị 90 {lp} ms",
    # evidence export
    "file format (gpkg: one GeoPackage file with every layer; evidence: speed tests with their passports and "
    "verdicts, FCC BDC layout)":
        "định dạng tệp (gpkg: một tệp GeoPackage chứa mọi lớp; evidence: các lần đo tốc độ kèm hộ chiếu đo và kết "
        "luận, theo mẫu FCC BDC)",
    "evidence: only tests whose verdict is valid": "evidence: chỉ các lần đo được kết luận hợp lệ",
    "{n} speed tests ({valid} valid), {s} seconds, {e} events.": "{n} lần đo tốc độ ({valid} hợp lệ), {s} giây, {e} sự kiện.",
    "No speed test with a verdict matches; nothing was exported.":
        "Không có lần đo tốc độ nào có kết luận phù hợp; không xuất gì.",
    "Positions are exact: this export is evidence of where each test was taken.":
        "Vị trí được giữ chính xác: tệp xuất này là chứng cứ về nơi thực hiện từng lần đo.",
}
