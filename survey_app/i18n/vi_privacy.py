"""Vietnamese messages of the privacy area (database key, encryption, consent, requests, retention)."""

MESSAGES = {
    "The key file {path} cannot be read ({reason}).":
        "Không đọc được tệp khóa {path} ({reason}).",
    "The key file {path} is damaged; the databases of this folder cannot be opened without it. Restore it from a copy.":
        "Tệp khóa {path} bị hỏng; không có nó thì không mở được cơ sở dữ liệu của thư mục này. "
        "Hãy khôi phục tệp từ một bản sao.",
    "{name} must be 64 hexadecimal digits (a 32-byte key).":
        "{name} phải gồm 64 chữ số thập lục phân (khóa 32 byte).",
    "The key in {name} does not open the data folder {folder}. Nothing was changed.":
        "Khóa trong {name} không mở được thư mục dữ liệu {folder}. Không có gì bị thay đổi.",
    "The data folder {folder} is opened with a key given in {name}; set it and start again.":
        "Thư mục dữ liệu {folder} được mở bằng khóa đặt trong {name}; hãy đặt biến này rồi chạy lại.",
    "The key of the data folder {folder} is kept in the system keyring, which does not have it now ({reason}). "
    "Log in to the desktop session or unlock the keyring, then start again. Nothing was changed.":
        "Khóa của thư mục dữ liệu {folder} được giữ trong kho khóa của hệ thống, nhưng lúc này kho khóa không "
        "cung cấp được ({reason}). Hãy đăng nhập phiên làm việc trên máy hoặc mở khóa kho khóa rồi chạy lại. "
        "Không có gì bị thay đổi.",
    "no entry": "không có mục khóa",
    "Wrong passphrase for the data folder {folder}. Nothing was changed.":
        "Sai cụm mật khẩu của thư mục dữ liệu {folder}. Không có gì bị thay đổi.",
    "The data folder {folder} is protected by a passphrase. Type it when asked, or set {name} for work without "
    "a terminal.":
        "Thư mục dữ liệu {folder} được bảo vệ bằng cụm mật khẩu. Hãy nhập khi được hỏi, hoặc đặt {name} "
        "khi chạy không có cửa sổ dòng lệnh.",
    "A passphrase needs at least {n} characters.": "Cụm mật khẩu cần ít nhất {n} ký tự.",
    "The database {path} cannot be read: it is damaged, or encrypted and its key file {key} is missing. "
    "It was not changed; restore the key file or a backup.":
        "Không đọc được cơ sở dữ liệu {path}: tệp bị hỏng, hoặc đã mã hóa mà thiếu tệp khóa {key}. "
        "Tệp không bị thay đổi; hãy khôi phục tệp khóa hoặc một bản sao lưu.",
    "The database {path} could not be encrypted ({detail}). It was not changed.":
        "Không mã hóa được cơ sở dữ liệu {path} ({detail}). Tệp không bị thay đổi.",
    "Passphrase for the survey data in {folder}: ": "Cụm mật khẩu của dữ liệu khảo sát trong {folder}: ",
    "New passphrase for the survey data in {folder} (at least {n} characters): ":
        "Cụm mật khẩu mới cho dữ liệu khảo sát trong {folder} (ít nhất {n} ký tự): ",
    "Type it again: ": "Nhập lại: ",
    "The two passphrases differ.": "Hai cụm mật khẩu không giống nhau.",
    "These files are already in {path}: {files}. Choose another folder, or replace them (--force on the command "
    "line).":
        "Thư mục {path} đã có các tệp: {files}. Hãy chọn thư mục khác, hoặc thay thế chúng (--force khi dùng dòng "
        "lệnh).",
    "{path} appeared while exporting and was not replaced. Export again to choose.":
        "Tệp {path} xuất hiện trong lúc xuất dữ liệu nên không bị thay thế. Hãy xuất lại để chọn.",
    "replace export files already in the folder": "thay thế các tệp xuất đã có trong thư mục",
    "Say why consent is withdrawn (for example: asked by the household on the phone).":
        "Hãy ghi lý do rút lại sự đồng ý (ví dụ: hộ gọi điện đề nghị).",
    "Consent answers changed in the interview.": "Câu trả lời về sự đồng ý đã thay đổi trong phỏng vấn.",
    "No consent is recorded for household {id}.": "Chưa ghi nhận sự đồng ý nào của hộ {id}.",
    "Unknown consent scope {scope}; choose from {scopes}.":
        "Phạm vi đồng ý {scope} không tồn tại; hãy chọn trong {scopes}.",
    "a household's consent record; withdraw consent": "hồ sơ đồng ý của một hộ; rút lại sự đồng ý",
    "show a household's consent record": "xem hồ sơ đồng ý của một hộ",
    "withdraw consent (all of it, or one scope)": "rút lại sự đồng ý (toàn bộ hoặc một phạm vi)",
    "the scope withdrawn (repeatable; default: all)": "phạm vi rút lại (lặp lại được; mặc định: tất cả)",
    "why, e.g. asked by the household on the phone": "lý do, ví dụ: hộ gọi điện đề nghị",
    "who records it (default: the surveyor in settings)": "người ghi nhận (mặc định: điều tra viên trong cài đặt)",
    "requests from households, with the Decree 356/2025 deadlines":
        "yêu cầu của các hộ, kèm thời hạn theo Nghị định 356/2025",
    "remove names, phones and precise positions of households whose approved session has reached the central "
    "system":
        "xóa họ tên, số điện thoại và vị trí chính xác của các hộ thuộc phiên đã duyệt và đã gửi tới hệ thống trung tâm",
    "households interviewed before this day, YYYY-MM-DD or dd/mm/yyyy":
        "các hộ được phỏng vấn trước ngày này, YYYY-MM-DD hoặc dd/mm/yyyy",
    "Give the day with --before.": "Hãy cho biết ngày bằng --before.",
    "Consent withdrawn for household {id}.": "Đã rút lại sự đồng ý của hộ {id}.",
    "{received} {kind} {household}: acknowledge by {ack}, complete by {done}; {state}":
        "{received} {kind} {household}: xác nhận trước {ack}, hoàn thành trước {done}; {state}",
    "Names, phones and precise positions removed from {n} households on this laptop.":
        "Đã xóa họ tên, số điện thoại và vị trí chính xác của {n} hộ trên máy này.",
    "done": "đã xong",
    "Retention period over: personal data removed.": "Hết thời hạn lưu: đã xóa dữ liệu cá nhân.",
    "everything held about one household, as JSON plus CSV":
        "mọi dữ liệu đang lưu về một hộ, dạng JSON kèm CSV",
    "the JSON file (the CSV is written beside it)": "tệp JSON (tệp CSV được ghi bên cạnh)",
    "replace files that exist": "thay thế các tệp đã có",
    "who handles the request (default: the surveyor in settings)":
        "người xử lý yêu cầu (mặc định: điều tra viên trong cài đặt)",
    "Copy of the data given to the household.": "Đã trao bản sao dữ liệu cho hộ.",
    "Say why the household is erased (for example: asked by the household on 3/12/2026).":
        "Hãy ghi lý do xóa hộ (ví dụ: hộ đề nghị ngày 3/12/2026).",
    "No household interview with id {id}; nothing was erased.":
        "Không có cuộc phỏng vấn hộ nào có mã {id}; không có gì bị xóa.",
    "erase a household everywhere (the central system and other laptops too)":
        "xóa một hộ ở mọi nơi (cả hệ thống trung tâm và các máy khác)",
    "Household {id} erased: {n} records; the erasure reaches the central system at the next sync.":
        "Đã xóa hộ {id}: {n} bản ghi; việc xóa sẽ tới hệ thống trung tâm ở lần đồng bộ tiếp theo.",
}
