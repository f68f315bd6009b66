"""Vietnamese for the foundation's core messages (CLI, storage, sessions, home folder)."""

MESSAGES = {
    "Another copy of the app is already open on the data folder {path}. Switch to that window, or close it first.":
        "Một cửa sổ khác của ứng dụng đang mở thư mục dữ liệu {path}. Hãy chuyển sang cửa sổ đó hoặc đóng nó trước.",
    "Huế connectivity survey. Without a command, opens the window.":
        "Khảo sát kết nối Huế. Không có lệnh thì mở cửa sổ ứng dụng.",
    "data folder (default: SURVEY_APP_HOME, else the user data folder)":
        "thư mục dữ liệu (mặc định: SURVEY_APP_HOME, nếu không có thì thư mục dữ liệu người dùng)",
    "language (default: from settings, else vi)": "ngôn ngữ (mặc định: theo cài đặt, nếu không có thì vi)",
    "use a separate demo data folder with emulated devices":
        "dùng thư mục dữ liệu thử nghiệm riêng với thiết bị mô phỏng",
    "Cancelled.": "Đã hủy.",
    "Error: {message}": "Lỗi: {message}",
    "The data folder {path} cannot be written ({reason}). Choose another one with --home.":
        "Không ghi được vào thư mục dữ liệu {path} ({reason}). Hãy chọn thư mục khác bằng --home.",
    "A session needs a team name.": "Phiên khảo sát cần có tên tổ.",
    "A session needs at least one surveyor.": "Phiên khảo sát cần ít nhất một điều tra viên.",
    "Session {id} is {status}; open a new session to record more.":
        "Phiên {id} đã {status}; hãy mở phiên mới để ghi thêm.",
    "open": "đang mở",
    "closed": "đã đóng",
    "approved": "đã duyệt",
    "rejected": "bị từ chối",
    "No session with id {id}.": "Không có phiên nào có mã {id}.",
    "Several sessions begin with {id}; type more of the id.":
        "Có nhiều phiên có mã bắt đầu bằng {id}; hãy gõ thêm ký tự của mã.",
    "Session {id} is already {status}; it cannot be closed again.":
        "Phiên {id} đã {status}; không thể đóng lại lần nữa.",
    "Unknown unit code: {code}. `survey-app units` lists the 40 codes.":
        "Mã đơn vị không tồn tại: {code}. Lệnh `survey-app units` liệt kê 40 mã.",
    "The database {path} is in use by another copy of the app. Close it and try again.":
        "Cơ sở dữ liệu {path} đang được một cửa sổ khác của ứng dụng sử dụng. Hãy đóng nó rồi thử lại.",
    "The database {path} is damaged ({detail}). It was not changed; restore a backup from the backups folder.":
        "Cơ sở dữ liệu {path} bị hỏng ({detail}). Tệp chưa bị thay đổi; hãy khôi phục bản sao lưu trong thư mục backups.",
    "open, list and close survey sessions": "mở, liệt kê và đóng phiên khảo sát",
    "open a session in a unit": "mở phiên khảo sát tại một đơn vị",
    "unit code (see `survey-app units`)": "mã đơn vị (xem `survey-app units`)",
    "team name": "tên tổ",
    "surveyor name (repeat for several)": "tên điều tra viên (lặp lại nếu có nhiều người)",
    "print JSON": "in kết quả dạng JSON",
    "list sessions": "liệt kê các phiên",
    "close an open session": "đóng một phiên đang mở",
    "{n} sessions": "{n} phiên",
    "ward": "phường",
    "commune": "xã",
    "list the 40 wards and communes with their codes": "liệt kê 40 phường, xã cùng mã",
    "{n} units, code set {code_set}": "{n} đơn vị, bộ mã {code_set}",
    "The database is busy with other work (a long import or export?). Nothing was lost; try again in a moment.":
        "Cơ sở dữ liệu đang bận việc khác (đang nhập hoặc xuất dữ liệu lớn?). Không mất dữ liệu nào; "
        "hãy thử lại sau giây lát.",
    "A file or device could not be used: {reason}": "Không dùng được tệp hoặc thiết bị: {reason}",
    "Something unexpected went wrong ({error}). What was already saved is safe; the details are in {log}.":
        "Đã xảy ra lỗi ngoài dự kiến ({error}). Dữ liệu đã lưu vẫn an toàn; chi tiết nằm trong {log}.",
    "Huế connectivity survey": "Khảo sát kết nối Huế",
    "There is no screen to open the window on (no desktop display found). Start the app from the laptop's desktop; "
    "`survey-app --help` lists the commands that work without a window.":
        "Không có màn hình để mở cửa sổ ứng dụng (không tìm thấy màn hình làm việc). Hãy mở ứng dụng từ màn hình "
        "của máy; `survey-app --help` liệt kê các lệnh chạy được mà không cần cửa sổ.",
    "Language": "Ngôn ngữ",
    "The language changes once this work is finished or stopped:\n{work}":
        "Ngôn ngữ sẽ được đổi khi việc này xong hoặc được dừng:\n{work}",
}
