"""Vietnamese messages of the signal recorder (busy or unwritable database)."""

MESSAGES = {
    "Readings are written to the database again.": "Các số đo lại được ghi vào cơ sở dữ liệu.",
    "{n} readings could not be written before logging stopped.":
        "{n} số đo không ghi được trước khi dừng ghi.",
    "The database is busy (another program is writing); {n} readings wait in memory and are written as soon as it "
    "is free.":
        "Cơ sở dữ liệu đang bận (một chương trình khác đang ghi); {n} số đo chờ trong bộ nhớ và sẽ được ghi ngay "
        "khi cơ sở dữ liệu rảnh.",
    "Readings cannot be written to the database ({reason}); {n} wait in memory. Free disk space or check the data "
    "folder, and keep the app open.":
        "Không ghi được số đo vào cơ sở dữ liệu ({reason}); {n} số đo chờ trong bộ nhớ. Hãy giải phóng dung lượng "
        "đĩa hoặc kiểm tra thư mục dữ liệu, và giữ ứng dụng mở.",
    "The database cannot be opened ({reason}).": "Không mở được cơ sở dữ liệu ({reason}).",
}
