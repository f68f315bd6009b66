"""Vietnamese messages of the exports area (CLI and core errors)."""

MESSAGES = {
    "The output folder {path} does not exist. Create it or choose another one.":
        "Thư mục xuất {path} không tồn tại. Hãy tạo thư mục đó hoặc chọn thư mục khác.",
    "{path} is a file, not a folder. Choose a folder for the export.":
        "{path} là một tệp, không phải thư mục. Hãy chọn một thư mục để xuất dữ liệu.",
    "The disk holding {path} is full. Free some space or choose another folder; no export file was left behind.":
        "Ổ đĩa chứa {path} đã đầy. Hãy giải phóng dung lượng hoặc chọn thư mục khác; "
        "không để lại tệp xuất dở dang nào.",
    "The folder {path} cannot be written (no permission or read-only). Choose another folder.":
        "Không ghi được vào thư mục {path} (không có quyền hoặc chỉ đọc). Hãy chọn thư mục khác.",
    "The output folder {path} does not exist any more. Choose another one.":
        "Thư mục xuất {path} không còn tồn tại. Hãy chọn thư mục khác.",
    "Could not write the export into {path}: {reason}":
        "Không ghi được dữ liệu xuất vào {path}: {reason}",
    "Unknown export format {fmt}; use csv or geojson.":
        "Định dạng xuất {fmt} không hợp lệ; hãy dùng csv hoặc geojson.",
    "Unknown layer {layer}; choose from {layers}.":
        "Lớp dữ liệu {layer} không có; hãy chọn trong số: {layers}.",
    "The {layer} layer has no positions and is exported as CSV only.":
        "Lớp {layer} không có vị trí nên chỉ xuất được dạng CSV.",
    "No records match the chosen filters; nothing was exported.":
        "Không có bản ghi nào khớp với bộ lọc đã chọn; chưa xuất gì cả.",
    "Export cancelled; no export file was left behind.":
        "Đã hủy xuất dữ liệu; không để lại tệp xuất dở dang nào.",
    "export the survey as CSV or GeoJSON files with a manifest":
        "xuất dữ liệu khảo sát ra tệp CSV hoặc GeoJSON kèm tệp mô tả (manifest)",
    "file format": "định dạng tệp",
    "existing output folder": "thư mục xuất (phải có sẵn)",
    "comma-separated layers (default: all of the format): {layers}":
        "các lớp dữ liệu, cách nhau bằng dấu phẩy (mặc định: tất cả lớp của định dạng): {layers}",
    "only these unit codes (repeatable)": "chỉ các mã phường/xã này (có thể lặp lại)",
    "only this team (repeatable)": "chỉ tổ khảo sát này (có thể lặp lại)",
    "first day, YYYY-MM-DD or dd/mm/yyyy": "ngày đầu, dạng YYYY-MM-DD hoặc dd/mm/yyyy",
    "last day, YYYY-MM-DD or dd/mm/yyyy": "ngày cuối, dạng YYYY-MM-DD hoặc dd/mm/yyyy",
    "approved: only records of approved sessions (default: all)":
        "approved: chỉ bản ghi của các phiên đã duyệt (mặc định: all, tất cả)",
    "include names and phone numbers (left out by default)":
        "kèm họ tên và số điện thoại (mặc định không xuất)",
    "keep household positions exact (rounded to about 100 m by default)":
        "giữ nguyên vị trí chính xác của hộ (mặc định làm tròn khoảng 100 m)",
    "pack the files and the manifest into one .zip archive":
        "đóng gói các tệp và tệp mô tả vào một tệp nén .zip",
    "print the manifest as JSON": "in tệp mô tả (manifest) dạng JSON",
    "Cannot read the date {text}; write it as YYYY-MM-DD or dd/mm/yyyy.":
        "Không đọc được ngày {text}; hãy viết dạng YYYY-MM-DD hoặc dd/mm/yyyy.",
    "No session belongs to a team named {team}.": "Không có phiên nào thuộc tổ tên {team}.",
    "The first day {start} is after the last day {end}.": "Ngày đầu {start} sau ngày cuối {end}.",
    "{layer}: {done}/{total} rows ({percent}%)": "{layer}: {done}/{total} dòng ({percent}%)",
    "{file}: {rows} rows": "{file}: {rows} dòng",
}
