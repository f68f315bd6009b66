"""Vietnamese messages of the sync client's transport: answers that are not the receiver's, tokens, http."""

MESSAGES = {
    "Something that is not the central system answered with far too much data.":
        "Một máy không phải hệ thống trung tâm đã trả lời với lượng dữ liệu quá lớn.",
    "The server address {url} uses plain http: the token and the records would travel unencrypted. Use https, or "
    "pass --allow-insecure-http if this network is trusted.":
        "Địa chỉ máy chủ {url} dùng http không mã hóa: mã thiết bị và các bản ghi sẽ đi qua mạng mà không được mã "
        "hóa. Hãy dùng https, hoặc thêm --allow-insecure-http nếu mạng này đáng tin cậy.",
    "The central system did not answer in time: the network may be slow or down.":
        "Hệ thống trung tâm không trả lời kịp: mạng có thể chậm hoặc mất kết nối.",
    "The server's certificate could not be verified ({reason}). A Wi-Fi login page may be intercepting the "
    "connection (sign in with a browser first), or the city's CA file is missing in the sync settings.":
        "Không xác minh được chứng chỉ của máy chủ ({reason}). Có thể một trang đăng nhập Wi-Fi đang chặn kết nối "
        "(hãy đăng nhập bằng trình duyệt trước), hoặc thiếu tệp CA của thành phố trong cài đặt đồng bộ.",
    "The central system cannot be reached ({reason}): check the network connection.":
        "Không kết nối được hệ thống trung tâm ({reason}): hãy kiểm tra kết nối mạng.",
    "The connection broke off ({reason}): check the network connection.":
        "Kết nối bị ngắt giữa chừng ({reason}): hãy kiểm tra kết nối mạng.",
    "The sync stopped after {n} attempts: {reason} Nothing was lost; the records stay waiting.":
        "Đồng bộ dừng sau {n} lần thử: {reason} Không mất dữ liệu nào; các bản ghi vẫn chờ gửi.",
    "the answer did not follow the contract ({reason})": "câu trả lời không đúng giao ước ({reason})",
    "A proxy before the central system refuses a record this large ({detail}). Nothing was lost; the records stay "
    "waiting.":
        "Một máy proxy trước hệ thống trung tâm từ chối bản ghi lớn như vậy ({detail}). Không mất dữ liệu nào; các "
        "bản ghi vẫn chờ gửi.",
    "A login page answered instead of the central system: open a browser and sign in to this Wi-Fi first, then "
    "sync again.":
        "Một trang đăng nhập đã trả lời thay cho hệ thống trung tâm: hãy mở trình duyệt và đăng nhập Wi-Fi này "
        "trước, rồi đồng bộ lại.",
    "A proxy on this network asks for a user name and password (HTTP 407): set them in the system's proxy settings "
    "(for example HTTPS_PROXY=http://user:password@proxy:port), then sync again.":
        "Máy proxy của mạng này yêu cầu tên người dùng và mật khẩu (HTTP 407): hãy đặt chúng trong cài đặt proxy "
        "của hệ thống (ví dụ HTTPS_PROXY=http://user:password@proxy:port), rồi đồng bộ lại.",
    "{host} answered HTTP {status}, which is not an answer of the central system: check the server address and the "
    "network.":
        "{host} trả lời HTTP {status}, đây không phải câu trả lời của hệ thống trung tâm: hãy kiểm tra địa chỉ "
        "máy chủ và mạng.",
    "{host} answered, but not as the central system does: check the server address.":
        "{host} có trả lời, nhưng không theo cách của hệ thống trung tâm: hãy kiểm tra địa chỉ máy chủ.",
    "The central system (or a proxy before it) is busy or failing (HTTP {status}); it will be tried again.":
        "Hệ thống trung tâm (hoặc proxy phía trước) đang bận hoặc gặp lỗi (HTTP {status}); sẽ thử lại.",
    "There is no central system at {url} (HTTP 404): check the server address in the sync settings.":
        "Không có hệ thống trung tâm tại {url} (HTTP 404): hãy kiểm tra địa chỉ máy chủ trong cài đặt đồng bộ.",
    "(The answer was a redirect to {where}.)": "(Câu trả lời là chuyển hướng tới {where}.)",
    "The token file {path} does not hold one token.": "Tệp mã thiết bị {path} không chứa đúng một mã.",
    "The token file {path} is not a small text file.": "Tệp mã thiết bị {path} không phải một tệp văn bản nhỏ.",
    "The token file {path} can be read by other users of this computer: make it private first (chmod 600 {path}).":
        "Người dùng khác của máy tính này có thể đọc tệp mã thiết bị {path}: hãy đặt quyền riêng tư trước "
        "(chmod 600 {path}).",
    "The token file {path} cannot be read ({reason}).": "Không đọc được tệp mã thiết bị {path} ({reason}).",
    "read the device token from this file (readable by you alone)":
        "đọc mã thiết bị từ tệp này (chỉ bạn đọc được)",
    "remember the address and the token for later runs": "ghi nhớ địa chỉ và mã thiết bị cho các lần sau",
    "send the records rejected earlier again (once their cause is fixed)":
        "gửi lại các bản ghi đã bị từ chối (khi nguyên nhân đã được khắc phục)",
    "allow plain http to a server other than this computer (the token travels unencrypted)":
        "cho phép http không mã hóa tới máy chủ khác máy tính này (mã thiết bị đi qua mạng không được mã hóa)",
    "Warning: a token on the command line can be seen by other users of this computer; use SURVEY_APP_SYNC_TOKEN, "
    "--token-file or the prompt instead.":
        "Cảnh báo: người dùng khác của máy tính này có thể thấy mã thiết bị ghi trên dòng lệnh; hãy dùng "
        "SURVEY_APP_SYNC_TOKEN, --token-file hoặc nhập khi được hỏi.",
    "No central system set up: give --url and the device token (SURVEY_APP_SYNC_TOKEN, --token-file FILE, or "
    "typed when asked); add --save to remember them.":
        "Chưa thiết lập hệ thống trung tâm: hãy nhập --url và mã thiết bị (SURVEY_APP_SYNC_TOKEN, --token-file "
        "TỆP, hoặc gõ khi được hỏi); thêm --save để ghi nhớ.",
    "Device token: ": "Mã thiết bị: ",
    "{n} rejected records are sent again.": "{n} bản ghi bị từ chối được gửi lại.",
    "waiting {w}, rejected {r}, arrived {a}": "chờ {w}, bị từ chối {r}, đã đến {a}",
    "A bundle could not be forwarded to the central system ({reason}). Nothing was lost; it is sent again at the "
    "next sync.":
        "Không chuyển tiếp được một tệp gói lên hệ thống trung tâm ({reason}). Không mất dữ liệu nào; tệp sẽ được gửi "
        "lại ở lần đồng bộ sau.",
    "The central system refused the bundle {name}: {reason}": "Hệ thống trung tâm từ chối tệp gói {name}: {reason}",
}
