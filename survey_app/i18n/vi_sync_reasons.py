"""Vietnamese of the receiver's refusals as the user reads them (survey_app/sync/reasons.py)."""

MESSAGES = {
    "not allowed: {why}": "không được phép: {why}",
    "older than the copy at the central system (it holds revision {rev}): a newer revision is there":
        "cũ hơn bản ở hệ thống trung tâm (ở đó là phiên bản {rev}): đã có phiên bản mới hơn",
    "in conflict: the central system holds the same revision ({rev}) with other content":
        "mâu thuẫn: hệ thống trung tâm giữ cùng phiên bản ({rev}) với nội dung khác",
    "in conflict: the central system holds this revision ({rev}) as deleted":
        "mâu thuẫn: hệ thống trung tâm ghi phiên bản này ({rev}) là đã xóa",
    "a kind of record the central system does not know (update the receiver)":
        "một loại bản ghi mà hệ thống trung tâm không biết (cần cập nhật máy chủ nhận)",
    "fields the central system does not know: {columns} (update the receiver)":
        "các trường mà hệ thống trung tâm không biết: {columns} (cần cập nhật máy chủ nhận)",
    "not allowed: a record keeps the device it was made on (its device_id cannot change)":
        "không được phép: bản ghi giữ thiết bị đã tạo ra nó (không đổi được device_id)",
    "an incomplete deletion record": "một bản ghi xóa không đầy đủ",
    "{column}: a number too large for the central system": "{column}: số quá lớn đối với hệ thống trung tâm",
    "{column}: not a finite number": "{column}: không phải là số hữu hạn",
    "{column}: not a plain value (text, number or empty)":
        "{column}: không phải giá trị đơn giản (chữ, số hoặc để trống)",
    "the central system refused it (HTTP {status}): {detail}":
        "hệ thống trung tâm từ chối (HTTP {status}): {detail}",
    "the central system does not know the key that signed it (fingerprint {fp}): ask its operator to register "
    "that device (survey-app central add-device --public-key ...), then send it again":
        "hệ thống trung tâm không biết khóa đã ký tệp này (dấu vân tay {fp}): hãy nhờ người quản trị đăng ký "
        "thiết bị đó (survey-app central add-device --public-key ...), rồi gửi lại",
    "signed by {name} ({role}), it holds {why} (record {id}); the central system took nothing from it":
        "do {name} ({role}) ký, tệp chứa {why} (bản ghi {id}); hệ thống trung tâm không nhận gì từ tệp này",
    "the central system found the file damaged; import it again from the USB stick":
        "hệ thống trung tâm thấy tệp bị hỏng; hãy nhập lại tệp từ USB",
    "another device sent this bundle to the central system first":
        "một thiết bị khác đã gửi tệp gói này lên hệ thống trung tâm trước",
    "the central system's words: {reason}": "lời của hệ thống trung tâm: {reason}",
    "Records the central system refused:": "Bản ghi bị hệ thống trung tâm từ chối:",
    " (another installation's record: its own installation settles it)":
        " (bản ghi của bản cài đặt khác: chính bản cài đặt đó xử lý)",
    "  … and {n} more (sync --status --json lists them)": "  … và {n} bản ghi nữa (sync --status --json liệt kê)",
}
