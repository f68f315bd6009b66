"""Vietnamese messages of the coverage area: hexagons, GeoPackage export, basemaps, gaps and assignments."""

MESSAGES = {
    # basemaps
    "{file} is larger than 4 GB; make a tile set of Huế only.":
        "{file} lớn hơn 4 GB; hãy làm bộ ô bản đồ chỉ cho Huế.",
    "{file} is an SQLite file but not an MBTiles tile set (no metadata and tiles tables).":
        "{file} là tệp SQLite nhưng không phải bộ ô bản đồ MBTiles (không có bảng metadata và tiles).",
    "{file} holds {format} tiles; only raster tiles (PNG, JPEG, WebP) can be drawn.":
        "{file} chứa ô dạng {format}; chỉ vẽ được ô ảnh (PNG, JPEG, WebP).",
    "{file} has no tiles.": "{file} không có ô bản đồ nào.",
    "{file} covers {w:.2f}..{e:.2f} E, {s:.2f}..{n:.2f} N, far from Huế; make a tile set of Huế.":
        "{file} phủ vùng {w:.2f}..{e:.2f} độ Đông, {s:.2f}..{n:.2f} độ Bắc, xa Huế; hãy làm bộ ô bản đồ của Huế.",
    "{file} is not an MBTiles file (it is not an SQLite database).":
        "{file} không phải tệp MBTiles (không phải cơ sở dữ liệu SQLite).",
    "{file} is damaged or not an MBTiles file: {reason}": "{file} bị hỏng hoặc không phải tệp MBTiles: {reason}",
    "Could not copy the tile set into {folder}: {reason}": "Không chép được bộ ô bản đồ vào {folder}: {reason}",
    # compass points
    "N": "B", "NE": "ĐB", "E": "Đ", "SE": "ĐN", "S": "N", "SW": "TN", "W": "T", "NW": "TB",
    # assignments and gaps
    "Choose at least one gap for the assignment.": "Hãy chọn ít nhất một ô thiếu dữ liệu cho phiếu giao việc.",
    "Every gap of an assignment must lie in unit {unit}.":
        "Mọi ô thiếu dữ liệu của một phiếu giao việc phải nằm trong đơn vị {unit}.",
    "No assignment {id}.": "Không có phiếu giao việc {id}.",
    "targets checked off by new samples": "các điểm cần đo đã đạt nhờ số đo mới",
    "Revisit {unit}": "Đo lại {unit}",
    "Unit {unit} has {n} hexagons at this resolution; use resolution 8.":
        "Đơn vị {unit} có {n} ô lục giác ở độ phân giải này; hãy dùng độ phân giải 8.",
    "unit code": "mã đơn vị",
    "samples needed per operator and technology per hexagon (default 3)":
        "số mẫu cần cho mỗi nhà mạng và công nghệ trong mỗi ô lục giác (mặc định 3)",
    "what counts: successful speed tests (default) or signal readings":
        "tính gì: lần đo tốc độ thành công (mặc định) hay số đo tín hiệu",
    "only samples on or after this day, YYYY-MM-DD or dd/mm/yyyy":
        "chỉ tính mẫu từ ngày này trở đi, YYYY-MM-DD hoặc dd/mm/yyyy",
    "operator to check (repeatable)": "nhà mạng cần kiểm tra (có thể lặp lại)",
    "technology to check (repeatable)": "công nghệ cần kiểm tra (có thể lặp lại)",
    "hexagons of a unit without enough valid samples": "các ô lục giác của một đơn vị chưa đủ mẫu hợp lệ",
    "revisit assignments for a team": "phiếu giao việc đo lại cho một tổ",
    "make an assignment of a unit's gaps": "lập phiếu giao việc từ các ô thiếu dữ liệu của một đơn vị",
    "at most this many targets (default 20)": "tối đa bấy nhiêu điểm cần đo (mặc định 20)",
    "the team it is for": "tổ được giao",
    "a name for the assignment": "tên phiếu giao việc",
    "write an assignment as a bundle file for its team": "ghi phiếu giao việc thành tệp gói cho tổ được giao",
    "bundle file to write": "tệp gói cần ghi",
    "assignments held here": "các phiếu giao việc trên máy này",
    "check off targets that new samples reached": "đánh dấu đạt các điểm đã có số đo mới",
    "--min must be between 1 and 1000.": "--min phải từ 1 đến 1000.",
    "{unit}: {gaps} gaps in {cells} hexagons": "{unit}: {gaps} chỗ thiếu trong {cells} ô lục giác",
    "{h3} {operator} {technology}: {have} of {need}": "{h3} {operator} {technology}: {have} trên {need}",
    "Assignment {id}: {n} targets in {unit}": "Phiếu giao việc {id}: {n} điểm cần đo trong {unit}",
    "{id} {unit} {team}: {done} of {n} targets done ({status})":
        "{id} {unit} {team}: đã đạt {done} trên {n} điểm ({status})",
    "Assignment {id}: {n} more targets done": "Phiếu giao việc {id}: thêm {n} điểm đã đạt",
    "public key of a laptop of the team (repeatable)": "khóa công khai của một máy thuộc tổ (có thể lặp lại)",
    "name of a trusted surveyor laptop of the team (repeatable)":
        "tên một máy điều tra viên đã tin cậy của tổ (có thể lặp lại)",
    "Say whom the assignment is for: --to NAME (a trusted surveyor laptop) or --for PUBLIC_KEY.":
        "Hãy cho biết phiếu giao việc dành cho ai: --to TÊN (máy điều tra viên đã tin cậy) hoặc --for PUBLIC_KEY.",
    "No trusted surveyor laptop named {name}; trust its key first (survey-app keys trust KEY --name NAME --role "
    "surveyor).": "Không có máy điều tra viên đã tin cậy tên {name}; hãy tin cậy khóa của máy trước (survey-app keys "
                  "trust KEY --name NAME --role surveyor).",
    # hexagons and basemap commands
    "hexagon summaries of signal and speed": "tổng hợp tín hiệu và tốc độ theo ô lục giác",
    "add the readings and tests recorded since the last update": "cộng thêm các số đo ghi từ lần cập nhật trước",
    "forget the summaries and count everything again": "bỏ bản tổng hợp và tính lại toàn bộ",
    "hexagon statistics for an operator and technology": "thống kê theo ô lục giác cho một nhà mạng và công nghệ",
    "H3 resolution (default 9)": "độ phân giải H3 (mặc định 9)",
    "only this operator (default: all)": "chỉ nhà mạng này (mặc định: tất cả)",
    "only this technology (default: all)": "chỉ công nghệ này (mặc định: tất cả)",
    "offline basemaps (raster MBTiles) for the maps": "bản đồ nền ngoại tuyến (MBTiles dạng ảnh) cho các bản đồ",
    "check and import a raster MBTiles file, and use it": "kiểm tra, nhập tệp MBTiles dạng ảnh và dùng nó",
    "choose the basemap the maps draw (none: no basemap)": "chọn bản đồ nền để vẽ (none: không dùng bản đồ nền)",
    "imported basemaps": "các bản đồ nền đã nhập",
    "write a small test tile set of Huế made from the app's unit list":
        "ghi một bộ ô bản đồ thử nhỏ của Huế, vẽ từ danh sách đơn vị của ứng dụng",
    "{n} tiles written to {path}": "đã ghi {n} ô bản đồ vào {path}",
    "{readings} readings and {tests} tests counted again in {seconds} s: {partitions} partitions changed.":
        "Đã đếm lại {readings} số đo tín hiệu và {tests} lần đo tốc độ trong {seconds} giây: {partitions} phần "
        "thay đổi.",
    "{readings} readings and {tests} tests added to {partitions} partitions in {seconds} s.":
        "Đã cộng {readings} số đo tín hiệu và {tests} lần đo tốc độ vào {partitions} phần trong {seconds} giây.",
    "{h3} {unit}: {readings} readings, {tests} tests, RSRP median {rsrp} dBm":
        "{h3} {unit}: {readings} số đo tín hiệu, {tests} lần đo tốc độ, RSRP trung vị {rsrp} dBm",
    "Imported basemap {name}: {tiles} tiles, zoom {zmin}-{zmax}.":
        "Đã nhập bản đồ nền {name}: {tiles} ô, mức thu phóng {zmin}-{zmax}.",
    "No basemap named {name}; imported: {names}": "Không có bản đồ nền tên {name}; đã nhập: {names}",
    "{path} already exists; nothing was changed.": "{path} đã có; không thay đổi gì.",
    # GeoPackage export
    "A GeoPackage file name ends in .gpkg: {path}": "Tên tệp GeoPackage phải kết thúc bằng .gpkg: {path}",
    "{path} is a folder; give the name of the .gpkg file to write.":
        "{path} là một thư mục; hãy cho tên tệp .gpkg cần ghi.",
    "{path} already exists; nothing was changed. Choose another name or add --force to replace it.":
        "{path} đã có; không thay đổi gì. Hãy chọn tên khác hoặc thêm --force để thay thế.",
    "file format (gpkg: one GeoPackage file with every layer)": "định dạng tệp (gpkg: một tệp GeoPackage có mọi lớp)",
    "existing output folder (gpkg: the .gpkg file to write)": "thư mục xuất đã có (gpkg: tệp .gpkg cần ghi)",
    "replace export files already in the folder (gpkg: the file)":
        "thay thế các tệp xuất đã có trong thư mục (gpkg: tệp đó)",
}
