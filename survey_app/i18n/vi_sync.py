"""Vietnamese messages of sync, bundles and the reference receiver (core and CLI)."""

MESSAGES = {
    "send unsynced records to the central system": "gửi các bản ghi chưa đồng bộ lên hệ thống trung tâm",
    "central system address (default: from settings)": "địa chỉ hệ thống trung tâm (mặc định: theo cài đặt)",
    "device token (default: the stored one)": "mã thiết bị (mặc định: mã đã lưu)",
    "remember --url and --token for later runs": "ghi nhớ --url và --token cho các lần sau",
    "records per batch at most": "số bản ghi tối đa mỗi lô",
    "compressed bytes per batch at most": "số byte nén tối đa mỗi lô",
    "only show what waits, was rejected or arrived": "chỉ xem số bản ghi đang chờ, bị từ chối hoặc đã đến",
    "print JSON": "in JSON",
    "write or read bundle files for places without network": "ghi hoặc đọc tệp gói dữ liệu cho nơi không có mạng",
    "write unsynced records (or one session) to a bundle file":
        "ghi các bản ghi chưa đồng bộ (hoặc một phiên) vào tệp gói",
    "bundle file to write (.zip)": "tệp gói cần ghi (.zip)",
    "only this session (id or unique prefix)": "chỉ phiên này (mã hoặc phần đầu duy nhất của mã)",
    "import a bundle file (all or nothing; importing twice changes nothing)":
        "nhập một tệp gói (nhập toàn bộ hoặc không gì cả; nhập lần hai không thay đổi gì)",
    "the reference central receiver (needs survey-app[central])":
        "máy chủ nhận trung tâm mẫu (cần survey-app[central])",
    "run the receiver": "chạy máy chủ nhận",
    "TLS certificate file (PEM); with --key serves https": "tệp chứng chỉ TLS (PEM); kèm --key thì phục vụ https",
    "TLS private key file (PEM)": "tệp khóa riêng TLS (PEM)",
    "receiver database (SQLite)": "cơ sở dữ liệu của máy chủ nhận (SQLite)",
    "register a device and print its token": "đăng ký một thiết bị và in mã của thiết bị",
    "revoke a device's token": "thu hồi mã của một thiết bị",
    "write the receiver's OpenAPI document": "ghi tài liệu OpenAPI của máy chủ nhận",
    "No central system set up: give --url and --token (add --save to remember them).":
        "Chưa thiết lập hệ thống trung tâm: hãy nhập --url và --token (thêm --save để ghi nhớ).",
    "The receiver needs the optional part: pip install 'survey-app[central]'.":
        "Máy chủ nhận cần phần tùy chọn: pip install 'survey-app[central]'.",
    "{status}: {batches} batches, {sent} sent, {accepted} accepted, {rejected} rejected":
        "{status}: {batches} lô, đã gửi {sent}, được nhận {accepted}, bị từ chối {rejected}",
    "Sync finished": "Đồng bộ xong",
    "Sync partly done": "Đồng bộ xong một phần",
    "Sync failed": "Đồng bộ thất bại",
    "Bundle {file} written: {n} records": "Đã ghi tệp gói {file}: {n} bản ghi",
    "Bundle imported: {records} records, {changed} new or newer, {unchanged} already here":
        "Đã nhập tệp gói: {records} bản ghi, {changed} mới hoặc mới hơn, {unchanged} đã có sẵn",
    "Waiting: {w}, rejected: {r}, arrived: {a}": "Đang chờ: {w}, bị từ chối: {r}, đã đến: {a}",
    "Sent {sent} of {total}, accepted {accepted}, rejected {rejected}":
        "Đã gửi {sent}/{total}, được nhận {accepted}, bị từ chối {rejected}",
    "{n} records written": "đã ghi {n} bản ghi",
    "{n} records read": "đã đọc {n} bản ghi",
    "No active device named {name}.": "Không có thiết bị đang hoạt động tên {name}.",
    "A device named {name} already exists.": "Đã có thiết bị tên {name}.",
    "The server address {url} is not a valid http(s) URL.":
        "Địa chỉ máy chủ {url} không phải là địa chỉ http(s) hợp lệ.",
    "The CA certificate file {path} cannot be used: {reason}":
        "Không dùng được tệp chứng chỉ CA {path}: {reason}",
    "The server's certificate could not be verified ({reason}). Set the CA file of the city's certificate "
    "authority in the sync settings.":
        "Không xác minh được chứng chỉ của máy chủ ({reason}). Hãy chọn tệp CA của tổ chức chứng thực của "
        "thành phố trong cài đặt đồng bộ.",
    "Starting": "Đang bắt đầu",
    "Cancelled.": "Đã hủy.",
    "The central system did not answer after {n} attempts ({reason}). Nothing was lost; the records stay waiting.":
        "Hệ thống trung tâm không trả lời sau {n} lần thử ({reason}). Không mất dữ liệu nào; các bản ghi vẫn "
        "chờ gửi.",
    "too large for the central system": "quá lớn đối với hệ thống trung tâm",
    "The central system refused the device token ({reason}). Ask your supervisor for a new token.":
        "Hệ thống trung tâm từ chối mã thiết bị ({reason}). Hãy xin giám sát viên một mã mới.",
    "refused by the central system: {detail}": "bị hệ thống trung tâm từ chối: {detail}",
    "Reading the records to send stopped unexpectedly.": "Việc đọc các bản ghi cần gửi bị dừng bất ngờ.",
    "{path} is not a survey bundle (no manifest or checksums).":
        "{path} không phải là tệp gói khảo sát (không có bản kê hoặc tổng kiểm).",
    "{path} was altered: its manifest does not match its checksum.":
        "{path} đã bị sửa đổi: bản kê không khớp với tổng kiểm.",
    "{path} is not a survey bundle.": "{path} không phải là tệp gói khảo sát.",
    "{path} was written by another version of the app (bundle format {v}).":
        "{path} được ghi bởi một phiên bản khác của ứng dụng (định dạng gói {v}).",
    "{path} was altered: it holds a file the manifest does not list.":
        "{path} đã bị sửa đổi: có một tệp không có trong bản kê.",
    "{path} was altered: a records file is missing or its checksum differs.":
        "{path} đã bị sửa đổi: thiếu một tệp bản ghi hoặc tổng kiểm không khớp.",
    "{path} was altered: a records file does not match its checksum.":
        "{path} đã bị sửa đổi: một tệp bản ghi không khớp với tổng kiểm.",
    "{path} is damaged or truncated and cannot be read ({reason}).":
        "{path} bị hỏng hoặc bị cắt cụt, không đọc được ({reason}).",
    "{path} holds a record that is not well formed.": "{path} chứa một bản ghi sai định dạng.",
    "Record {id} of {table} in the bundle clashes with this database ({reason}).":
        "Bản ghi {id} của bảng {table} trong tệp gói xung đột với cơ sở dữ liệu này ({reason}).",
    "The bundle file {path} does not exist.": "Không có tệp gói {path}.",
    "The bundle has fields this version of the app does not know ({fields} in {table}). Update the app, then "
    "import again.":
        "Tệp gói có trường mà phiên bản ứng dụng này không biết ({fields} trong {table}). Hãy cập nhật ứng dụng "
        "rồi nhập lại.",
    "The bundle holds records of a table this app does not know ({table}). Update the app, then import again.":
        "Tệp gói chứa bản ghi của một bảng mà ứng dụng này không biết ({table}). Hãy cập nhật ứng dụng rồi "
        "nhập lại.",
    "Cancelled. Nothing was imported.": "Đã hủy. Không có gì được nhập.",
    "The bundle refers to records that are neither in it nor in this database ({reason}). Nothing was imported.":
        "Tệp gói tham chiếu tới bản ghi không có trong gói lẫn trong cơ sở dữ liệu này ({reason}). Không có gì "
        "được nhập.",
    "{path} holds demo data (written with --demo); it is kept out of real survey data. Nothing was imported.":
        "{path} chứa dữ liệu thử nghiệm (ghi bằng --demo); dữ liệu này không được đưa vào dữ liệu khảo sát thật. "
        "Chưa nhập gì.",
    "{path} holds real survey data; the demo does not import it. Nothing was imported.":
        "{path} chứa dữ liệu khảo sát thật; chế độ thử nghiệm không nhập tệp này. Chưa nhập gì.",
}
