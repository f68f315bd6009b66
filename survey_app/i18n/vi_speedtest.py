"""Vietnamese messages of the speed-test area (engines, CLI)."""

MESSAGES = {
    "Network error during the {phase}: {detail}": "Lỗi mạng trong khi {phase}: {detail}",
    "connection": "kết nối",
    "latency test": "đo độ trễ",
    "download": "tải xuống",
    "upload": "tải lên",
    "{url} is not a {protocol} speed-test server ({detail}).":
        "{url} không phải là máy chủ đo tốc độ {protocol} ({detail}).",
    "The server {host} answered with data that is not HTTP during the {phase}.":
        "Máy chủ {host} trả về dữ liệu không phải HTTP trong khi {phase}.",
    "The server {host} did not answer within {seconds} s during the {phase}.":
        "Máy chủ {host} không trả lời trong vòng {seconds} giây trong khi {phase}.",
    "The server {host} refused the connection during the {phase}.":
        "Máy chủ {host} từ chối kết nối trong khi {phase}.",
    "The server name {host} cannot be resolved (no network, or a wrong address).":
        "Không phân giải được tên máy chủ {host} (không có mạng hoặc sai địa chỉ).",
    "The server {host} dropped the connection during the {phase}.":
        "Máy chủ {host} đã ngắt kết nối trong khi {phase}.",
    "No network route to {host} ({detail}).": "Không có đường mạng tới {host} ({detail}).",
    "The chosen interface's address cannot reach {host} ({detail}).":
        "Địa chỉ của giao diện mạng đã chọn không tới được {host} ({detail}).",
    "The network interface {name} does not exist on this computer.":
        "Giao diện mạng {name} không có trên máy tính này.",
    "The network interface {name} has no IP address (is it connected?).":
        "Giao diện mạng {name} chưa có địa chỉ IP (đã kết nối chưa?).",
    "No data moved after the warm-up; the result would be meaningless.":
        "Không có dữ liệu nào được truyền sau giai đoạn khởi động; kết quả sẽ vô nghĩa.",
    "Cancelled by the user.": "Người dùng đã hủy.",
    "Connecting to {server}": "Đang kết nối tới {server}",
    "speedtest.net cannot be reached to find a server ({detail}). Enter a server URL instead.":
        "Không truy cập được speedtest.net để tìm máy chủ ({detail}). Hãy nhập địa chỉ URL của máy chủ.",
    "Unknown speed-test protocol {protocol} (use ookla or librespeed).":
        "Giao thức đo tốc độ không xác định: {protocol} (dùng ookla hoặc librespeed).",
    "Not an http(s) URL: {url}": "Không phải địa chỉ URL http(s): {url}",
    "latency.txt answered HTTP {status} without 'test=test'":
        "latency.txt trả lời HTTP {status} mà không có 'test=test'",
    "empty.php answered HTTP {status} with {n} bytes": "empty.php trả lời HTTP {status} với {n} byte",
    "Finding the best speedtest.net server...": "Đang tìm máy chủ speedtest.net tốt nhất...",
    "measure download, upload and latency and store the result":
        "đo tốc độ tải xuống, tải lên, độ trễ và lưu kết quả",
    "server URL (LibreSpeed base URL or Ookla .../upload.php); default: from settings, else the best "
    "speedtest.net server":
        "URL máy chủ (URL gốc LibreSpeed hoặc Ookla .../upload.php); mặc định: theo cài đặt, nếu không thì "
        "máy chủ speedtest.net tốt nhất",
    "server protocol (default: from the URL or settings)": "giao thức máy chủ (mặc định: theo URL hoặc cài đặt)",
    "network interface to measure over (e.g. wwan0, wlan0)": "giao diện mạng dùng để đo (ví dụ wwan0, wlan0)",
    "longest run in seconds of each of download and upload (default 10; each stops sooner once its reading is "
    "stable)": "thời gian dài nhất (giây) của mỗi phần tải xuống và tải lên (mặc định 10; mỗi phần dừng sớm hơn "
    "khi kết quả đã ổn định)",
    "open session to store the result in (default: the latest open one)":
        "phiên đang mở để lưu kết quả (mặc định: phiên mở gần nhất)",
    "print JSON": "in ra JSON",
    "A LibreSpeed test needs --server URL.": "Đo bằng LibreSpeed cần --server URL.",
    "The duration must be between 1 and 120 seconds.": "Thời lượng phải từ 1 đến 120 giây.",
    "Cancelled": "Đã hủy",
    "Failed": "Thất bại",
    "No open session: the result is stored without a session.":
        "Không có phiên nào đang mở: kết quả được lưu không gắn với phiên.",
    "Server: {name} ({url}, {protocol})": "Máy chủ: {name} ({url}, {protocol})",
    "Download: {v}": "Tải xuống: {v}",
    "Upload: {v}": "Tải lên: {v}",
    "Latency: {v} (jitter {j})": "Độ trễ: {v} (dao động {j})",
    "Latency under load: download {d}, upload {u}": "Độ trễ khi có tải: tải xuống {d}, tải lên {u}",
    "Data used: {mb:.1f} MB": "Dữ liệu đã dùng: {mb:.1f} MB",
    "speedtest.net found no server.": "speedtest.net không tìm thấy máy chủ nào.",
    "Stored in the open session {id} ({unit}).": "Đã lưu vào phiên đang mở {id} ({unit}).",
    "{status}: {error}": "{status}: {error}",
    "Ran: download {d}, upload {u}": "Thời gian đo: tải xuống {d}, tải lên {u}",
    "stable": "đã ổn định",
    "longest run": "hết thời gian tối đa",
    "{s} s ({why})": "{s} giây ({why})",
}
