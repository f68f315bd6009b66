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
}
