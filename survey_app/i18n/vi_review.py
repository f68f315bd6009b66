"""Vietnamese messages of the supervisor review area (checks, decisions, indicators, boundaries, demo data)."""

MESSAGES = {
    # boundaries
    "imported boundary": "ranh giới đã nhập",
    "bounding box": "khung bao",
    "Imported boundaries of {n} units from {file}.": "Đã nhập ranh giới của {n} đơn vị từ {file}.",
    "{file} is not a GeoJSON FeatureCollection.": "{file} không phải là một GeoJSON FeatureCollection.",
    "feature {i}": "đối tượng {i}",
    "it has no `code` property": "không có thuộc tính `code`",
    "No usable boundary in {file}: {details}": "Không có ranh giới dùng được trong {file}: {details}",
    "Unknown unit codes (not imported): {codes}": "Mã đơn vị không tồn tại (không nhập): {codes}",
    "Not imported: {feature}: {reason}": "Không nhập: {feature}: {reason}",
    "{n} units still have no boundary (their bounding box is used): {codes}":
        "{n} đơn vị chưa có ranh giới (dùng khung bao của đơn vị): {codes}",
    "{file} is too large for a boundary file.": "{file} quá lớn đối với một tệp ranh giới.",
    "File not found: {file}": "Không tìm thấy tệp: {file}",
    "Cannot read {file}: {reason}": "Không đọc được {file}: {reason}",
    "{file} is not valid GeoJSON (line {line}: {reason}).": "{file} không phải GeoJSON hợp lệ (dòng {line}: {reason}).",
    "unit {code} appears more than once": "đơn vị {code} xuất hiện nhiều lần",
    "the shape lies away from unit {code} (longitude and latitude swapped, or another projection than WGS84?)":
        "hình nằm xa đơn vị {code} (kinh độ và vĩ độ bị đảo, hay dùng hệ tọa độ khác WGS84?)",
    "unknown codes {codes}": "mã không tồn tại {codes}",
    "the feature has no geometry": "đối tượng không có hình học",
    "the geometry has no coordinates": "hình học không có tọa độ",
    "a ring is not a list of positions": "một vòng không phải là danh sách các vị trí",
    "a ring is not closed (its first and last positions differ)": "một vòng không khép kín (điểm đầu và điểm cuối khác nhau)",
    "a ring has fewer than 4 positions": "một vòng có ít hơn 4 vị trí",
    "a ring has no area": "một vòng có diện tích bằng 0",
    "a polygon has no rings": "một đa giác không có vòng nào",
    "a position is not a [lon, lat] pair": "một vị trí không phải là cặp [kinh độ, vĩ độ]",
    "geometry type {kind} is not a Polygon or MultiPolygon": "kiểu hình học {kind} không phải Polygon hay MultiPolygon",
    "position {lon}, {lat} is outside the range of WGS84 degrees": "vị trí {lon}, {lat} nằm ngoài phạm vi độ WGS84",
    "{lon}, {lat} lies in {name} ({code}), by {method}.": "{lon}, {lat} nằm trong {name} ({code}), theo {method}.",
    "{lon}, {lat} lies in none of the 40 units.": "{lon}, {lat} không nằm trong đơn vị nào trong 40 đơn vị.",
    # checks
    "its imported boundary": "ranh giới đã nhập của đơn vị",
    "its bounding box": "khung bao của đơn vị",
    "No position": "Không có vị trí",
    "Outside the unit": "Ngoài đơn vị",
    "Poor GPS accuracy": "GPS kém chính xác",
    "Failed speed tests": "Đo tốc độ thất bại",
    "Implausible speed tests": "Kết quả đo tốc độ bất thường",
    "Gaps in signal logging": "Ghi tín hiệu bị gián đoạn",
    "Interviews too short": "Phỏng vấn quá ngắn",
    "Refusals": "Từ chối phỏng vấn",
    "Duplicate interviews": "Phỏng vấn trùng lặp",
    "Consent missing": "Thiếu sự đồng ý",
    "{n} of {total} records have no position ({pct}%).": "{n} trên {total} bản ghi không có vị trí ({pct}%).",
    "{n} of {total} positioned records lie outside the session's unit (checked against {how}).":
        "{n} trên {total} bản ghi có vị trí nằm ngoài đơn vị của phiên (kiểm tra theo {how}).",
    "{n} of {total} positions are less accurate than {limit} m.": "{n} trên {total} vị trí có sai số lớn hơn {limit} m.",
    "{n} of {total} speed tests failed.": "{n} trên {total} lần đo tốc độ thất bại.",
    "{n} of {total} speed tests report implausible values (0 or above {limit} Mbit/s, or an impossible ping).":
        "{n} trên {total} lần đo tốc độ cho giá trị bất thường (0 hoặc trên {limit} Mbit/s, hoặc độ trễ không thể có).",
    "Signal logging stopped {n} times for more than {limit} minutes (longest {longest} minutes).":
        "Việc ghi tín hiệu bị ngắt {n} lần quá {limit} phút (lâu nhất {longest} phút).",
    "{n} of {total} finished interviews took less than {limit} minutes.":
        "{n} trên {total} cuộc phỏng vấn đã hoàn thành kéo dài dưới {limit} phút.",
    "{n} of {total} households refused the interview ({pct}%).": "{n} trên {total} hộ từ chối phỏng vấn ({pct}%).",
    "{n} households have the same respondent name and phone as another household of this unit.":
        "{n} hộ có cùng tên người trả lời và số điện thoại với một hộ khác trong đơn vị này.",
    "{n} finished interviews have no recorded consent.": "{n} cuộc phỏng vấn đã hoàn thành không ghi nhận sự đồng ý.",
    "{n} flags": "{n} cảnh báo",
    "Checked {sessions} sessions in {seconds} s: {flags} flags.":
        "Đã kiểm tra {sessions} phiên trong {seconds} giây: {flags} cảnh báo.",
    # config sources
    "Usable 4G/5G signal: RSRP at or above this. About the LTE cell edge; the grading in the reference notes calls "
    "below −100 dBm poor, so −110 dBm counts only signal still able to carry data.":
        "Tín hiệu 4G/5G dùng được: RSRP từ mức này trở lên. Gần rìa vùng phủ LTE; thang đánh giá trong tài liệu "
        "tham khảo coi dưới −100 dBm là yếu, nên −110 dBm chỉ tính tín hiệu còn truyền được dữ liệu.",
    "A unit counts as covered by an operator when this share of its readings has usable signal.":
        "Một đơn vị được coi là được nhà mạng phủ sóng khi tỷ lệ số đo có tín hiệu dùng được đạt mức này.",
    "Download speed counted as broadband in the speed-test indicator (a practical floor; the ITU's statistical "
    "definition is only 256 kbit/s).":
        "Tốc độ tải xuống được tính là băng rộng trong chỉ tiêu đo tốc độ (ngưỡng thực tế; định nghĩa thống kê "
        "của ITU chỉ là 256 kbit/s).",
    "Speed tests needed per unit before its speeds are reported as reliable (VNNIC i-Speed needs at least 300 "
    "samples per ward or commune).":
        "Số lần đo tốc độ cần có ở mỗi đơn vị để kết quả được coi là tin cậy (i-Speed của VNNIC cần ít nhất 300 "
        "mẫu cho mỗi phường, xã).",
    "Signal readings needed per unit and operator before coverage is reported as reliable.":
        "Số lần đo tín hiệu cần có cho mỗi đơn vị và nhà mạng để mức phủ sóng được coi là tin cậy.",
    "Plan 455/KH-UBND: by 2030, 100% of wards and communes covered by 4G/5G mobile broadband.":
        "Kế hoạch 455/KH-UBND: đến 2030, 100% phường, xã được phủ sóng băng rộng di động 4G/5G.",
    "Plan 455/KH-UBND: by 2030, 100% of wards and communes reached by high-speed fibre.":
        "Kế hoạch 455/KH-UBND: đến 2030, 100% phường, xã có cáp quang tốc độ cao.",
    "Plan 455/KH-UBND: by 2030, more than 95% of residents use broadband Internet.":
        "Kế hoạch 455/KH-UBND: đến 2030, trên 95% người dân sử dụng Internet băng rộng.",
    "Decision 411/QĐ-TTg: 80% of households with fibre broadband (2025 target).":
        "Quyết định 411/QĐ-TTg: 80% hộ gia đình có cáp quang băng rộng (mục tiêu 2025).",
    "Decision 411/QĐ-TTg: 70% of adults with a digital signature by 2030.":
        "Quyết định 411/QĐ-TTg: 70% người trưởng thành có chữ ký số vào năm 2030.",
    # decisions
    "A decision needs the reviewer's name: pass --reviewer, or decide in the window.":
        "Quyết định cần tên người duyệt: dùng --reviewer, hoặc duyệt trong cửa sổ ứng dụng.",
    "Say why in a comment: a rejection or reopening needs one.":
        "Hãy ghi lý do trong nhận xét: từ chối hoặc mở lại đều cần nhận xét.",
    "reopened": "đã mở lại",
    "Session {id} {decision} by {reviewer} at {at}: {comment}":
        "Phiên {id}: {decision} bởi {reviewer} lúc {at}. Nhận xét: {comment}",
    "Unknown review action: {action}": "Thao tác duyệt không hợp lệ: {action}",
    "The comment is too long ({n} characters, at most {max}).": "Nhận xét quá dài ({n} ký tự, tối đa {max}).",
    "Session {id} is {status}; it cannot be {action}.": "Phiên {id} đang ở trạng thái {status}; không thể chuyển sang {action}.",
    "Session {id} is still open; close it before reviewing.": "Phiên {id} vẫn đang mở; hãy đóng phiên trước khi duyệt.",
    # indicators
    "Huế City": "Thành phố Huế",
    "Code": "Mã",
    "Unit": "Đơn vị",
    "4G/5G": "4G/5G",
    "Fibre avail.": "Có cáp quang",
    "Fibre HH": "Hộ dùng cáp quang",
    "Internet users": "Người dùng Internet",
    "Down Mbit/s": "Tải xuống Mbit/s",
    "Up Mbit/s": "Tải lên Mbit/s",
    "Tests": "Lần đo",
    "Enough": "Đủ mẫu",
    "yes": "có",
    "no": "không",
    "approved sessions only": "chỉ các phiên đã duyệt",
    "all sessions except rejected": "mọi phiên trừ phiên bị từ chối",
    "City row: 4G/5G and fibre availability = share of units meeting the target.":
        "Dòng thành phố: 4G/5G và có cáp quang = tỷ lệ đơn vị đạt mục tiêu.",
    "Data: {scope}. ●G target met, ●A within 10 points, ●R below, ○? too few samples.":
        "Dữ liệu: {scope}. ●G đạt mục tiêu, ●A kém dưới 10 điểm, ●R chưa đạt, ○? chưa đủ mẫu.",
    # CLI
    "sessions": "phiên",
    "households": "hộ",
    "signal readings": "số đo tín hiệu",
    "speed tests": "lần đo tốc độ",
    "indexes": "chỉ mục",
    "fill the database with a synthetic survey of the 40 units": "tạo dữ liệu khảo sát giả lập cho 40 đơn vị",
    "households to make (default 3000)": "số hộ cần tạo (mặc định 3000)",
    "signal readings to make (default 20000)": "số lần đo tín hiệu cần tạo (mặc định 20000)",
    "speed tests to make (default 500)": "số lần đo tốc độ cần tạo (mặc định 500)",
    "random seed: the same seed gives the same survey": "hạt giống ngẫu nhiên: cùng hạt giống cho cùng dữ liệu",
    "do not run the quality checks afterwards": "không chạy kiểm tra chất lượng sau khi tạo",
    "quality flags, approval and indicators": "cảnh báo chất lượng, duyệt và chỉ tiêu",
    "approve a session": "duyệt một phiên",
    "reject a session": "từ chối một phiên",
    "undo an approval or rejection": "hủy việc duyệt hoặc từ chối",
    "sessions with quality flags and the reasons": "các phiên có cảnh báo chất lượng và lý do",
    "only this session": "chỉ phiên này",
    "only this kind of flag": "chỉ loại cảnh báo này",
    "indicator table: one row per unit and the city": "bảng chỉ tiêu: mỗi đơn vị một dòng và toàn thành phố",
    "use every session that is not rejected, not only approved": "dùng mọi phiên không bị từ chối, không chỉ phiên đã duyệt",
    "run the quality checks again on every session": "chạy lại kiểm tra chất lượng cho mọi phiên",
    "import unit boundaries and locate points": "nhập ranh giới đơn vị và định vị điểm",
    "import a GeoJSON file of unit boundaries (property `code`)": "nhập tệp GeoJSON ranh giới đơn vị (thuộc tính `code`)",
    "which unit a point lies in": "điểm nằm trong đơn vị nào",
    "why (required to reject)": "lý do (bắt buộc khi từ chối)",
    "reviewer name (default: the reviewer of the last decision made in the window; never the surveyor in settings)":
        "tên người duyệt (mặc định: người duyệt của quyết định gần nhất trong cửa sổ; không bao giờ là điều tra viên "
        "trong cài đặt)",
    "must be between 0 and 50,000,000: {text}": "phải nằm trong khoảng 0 đến 50.000.000: {text}",
    "not a whole number: {text}": "không phải số nguyên: {text}",
    "Made {sessions} sessions, {households} households ({members} members), {readings} signal readings and "
    "{tests} speed tests in {seconds} s.":
        "Đã tạo {sessions} phiên, {households} hộ ({members} thành viên), {readings} số đo tín hiệu và "
        "{tests} lần đo tốc độ trong {seconds} giây.",
    "{what}: {done} of {total}": "{what}: {done} trên {total}",
}
