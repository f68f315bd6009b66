"""Vietnamese for the trust area: keys, trust list, sealed bundles and their checks."""

MESSAGES = {
    # keys and trust list
    "this installation's keys and the keys it trusts": "khóa của bản cài đặt này và các khóa nó tin cậy",
    "print this installation's device id, public key and fingerprint":
        "in mã thiết bị, khóa công khai và dấu vân tay của bản cài đặt này",
    "trust another installation's public key": "tin cậy khóa công khai của một bản cài đặt khác",
    "whose key it is": "khóa này của ai",
    "list the trusted keys": "liệt kê các khóa được tin cậy",
    "stop trusting a key": "thôi tin cậy một khóa",
    "Device: {device}": "Thiết bị: {device}",
    "Fingerprint: {fp}": "Dấu vân tay: {fp}",
    "Public key (give it to whoever must trust this installation):":
        "Khóa công khai (gửi cho người cần tin cậy bản cài đặt này):",
    "Trusted {name} ({role}), fingerprint {fp}.": "Đã tin cậy {name} ({role}), dấu vân tay {fp}.",
    "No trusted keys yet (survey-app keys trust PUBLIC_KEY --name NAME --role ROLE).":
        "Chưa có khóa nào được tin cậy (survey-app keys trust PUBLIC_KEY --name NAME --role ROLE).",
    "revoked {at}": "đã thu hồi {at}",
    "trusted": "được tin cậy",
    "{name} ({fp}) is no longer trusted.": "{name} ({fp}) không còn được tin cậy.",
    "surveyor": "điều tra viên",
    "supervisor": "giám sát viên",
    "central system": "hệ thống trung tâm",
    "this installation": "bản cài đặt này",
    "The role must be one of: {roles}.": "Vai trò phải là một trong: {roles}.",
    "Give the key a name (who it belongs to), at most 200 characters.":
        "Hãy đặt tên cho khóa (của ai), tối đa 200 ký tự.",
    "No trusted key has the fingerprint {fp} (see: survey-app keys list).":
        "Không có khóa được tin cậy nào có dấu vân tay {fp} (xem: survey-app keys list).",
    "The trust list {path} is damaged and was not used ({reason}).":
        "Danh sách tin cậy {path} bị hỏng và không được dùng ({reason}).",
    "The key file {path} cannot be read ({reason}).": "Không đọc được tệp khóa {path} ({reason}).",
    "This is not a survey public key (it starts with {prefix}: and is one line).":
        "Đây không phải khóa công khai của ứng dụng khảo sát (khóa bắt đầu bằng {prefix}: và nằm trên một dòng).",
    "This public key is damaged (a character was changed?).": "Khóa công khai này bị hỏng (có ký tự bị sửa?).",
    # receiver commands
    "the device's public key (survey-app keys show): ties the token to it":
        "khóa công khai của thiết bị (survey-app keys show): gắn mã truy cập với khóa đó",
    "devices of one team may write each other's records": "các thiết bị cùng tổ được ghi bản ghi của nhau",
    "the receiver's own keys": "khóa của máy nhận",
    "print the receiver's public key (laptops seal bundles to it)":
        "in khóa công khai của máy nhận (máy tính niêm phong gói dữ liệu cho khóa này)",
    # bundle export
    "bundle file to write (.bundle)": "tệp gói dữ liệu cần ghi (.bundle)",
    "also seal the bundle to this public key (repeatable); trusted supervisor and central keys always are":
        "niêm phong thêm cho khóa công khai này (có thể lặp lại); khóa giám sát viên và trung tâm được tin cậy "
        "luôn được niêm phong",
    "No one to seal the bundle to: trust a supervisor's or the central system's key (survey-app keys trust ...), "
    "or name one with --for PUBLIC_KEY.":
        "Không có ai để niêm phong gói dữ liệu: hãy tin cậy khóa của giám sát viên hoặc hệ thống trung tâm "
        "(survey-app keys trust ...), hoặc chỉ định bằng --for PUBLIC_KEY.",
    "At most {n} recipients.": "Tối đa {n} người nhận.",
    "The signed original is kept for the central system: {path}":
        "Bản gốc có chữ ký được giữ lại để gửi hệ thống trung tâm: {path}",
    # opening a bundle
    "The bundle {path} cannot be opened ({reason}).": "Không mở được gói dữ liệu {path} ({reason}).",
    "{path} is empty (0 bytes): the copy did not finish. Copy it again.":
        "{path} trống (0 byte): việc sao chép chưa xong. Hãy sao chép lại.",
    "{path} is a ZIP file, not a sealed bundle: an unsealed bundle of an older version, or another file renamed. "
    "Export it again with this version.":
        "{path} là tệp ZIP, không phải gói dữ liệu đã niêm phong: gói chưa niêm phong của phiên bản cũ, hoặc tệp "
        "khác bị đổi tên. Hãy xuất lại bằng phiên bản này.",
    "{path} is an age-encrypted file, not a survey bundle.": "{path} là tệp mã hóa age, không phải gói dữ liệu khảo sát.",
    "{path} is not a survey bundle (another kind of file, perhaps renamed).":
        "{path} không phải gói dữ liệu khảo sát (một loại tệp khác, có thể bị đổi tên).",
    "{path} ends early: it was cut short while copying. Copy it again.":
        "{path} kết thúc sớm: tệp bị cắt ngắn khi sao chép. Hãy sao chép lại.",
    "{path} is larger than a bundle may be ({mb} MB).": "{path} lớn hơn giới hạn của một gói dữ liệu ({mb} MB).",
    "{path} is damaged: it does not start with a header.": "{path} bị hỏng: không bắt đầu bằng phần đầu.",
    "{path} was written by another version of the app (bundle format {v}).":
        "{path} được ghi bởi phiên bản khác của ứng dụng (định dạng gói {v}).",
    "{path} is damaged: its signer's key is not a key.": "{path} bị hỏng: khóa của người ký không hợp lệ.",
    "{path} claims another device than the key that signed it.":
        "{path} ghi một thiết bị khác với khóa đã ký nó.",
    "{path} is damaged or was altered: a part of it has an impossible size.":
        "{path} bị hỏng hoặc đã bị sửa: một phần có kích thước không thể có.",
    "{path} was not sealed for this installation (key {fp}). Ask its sender to export it again with --for and this "
    "installation's public key (survey-app keys show).":
        "{path} không được niêm phong cho bản cài đặt này (khóa {fp}). Hãy nhờ người gửi xuất lại với --for và "
        "khóa công khai của bản cài đặt này (survey-app keys show).",
    "{path} is damaged or was altered: a part of it fails its integrity check.":
        "{path} bị hỏng hoặc đã bị sửa: một phần không qua được kiểm tra toàn vẹn.",
    "{path} is damaged: a part of it is incomplete.": "{path} bị hỏng: một phần không đầy đủ.",
    "{path} is damaged: its header cannot be read.": "{path} bị hỏng: không đọc được phần đầu.",
    "{path} is damaged: its parts are out of order.": "{path} bị hỏng: các phần không đúng thứ tự.",
    "{path} is damaged: a table name is not valid or repeated.": "{path} bị hỏng: tên bảng không hợp lệ hoặc bị lặp.",
    "{path} is damaged: a table's column names are not valid.":
        "{path} bị hỏng: tên các cột của một bảng không hợp lệ.",
    "{path} holds more tables than a bundle may ({n}).": "{path} chứa nhiều bảng hơn mức cho phép ({n}).",
    "{path} is damaged: a records part cannot be decompressed.": "{path} bị hỏng: không giải nén được một phần bản ghi.",
    "{path} expands far beyond its size (a compression bomb?) and was refused.":
        "{path} giải nén ra lớn hơn nhiều so với kích thước (bom nén?) và đã bị từ chối.",
    "{path} is damaged: a records part is incomplete.": "{path} bị hỏng: một phần bản ghi không đầy đủ.",
    "{path} expands beyond {gb} GB and was refused.": "{path} giải nén ra hơn {gb} GB và đã bị từ chối.",
    "{path} is damaged: its signature is missing.": "{path} bị hỏng: thiếu chữ ký.",
    "{path} was altered after it was signed: its signature does not match.":
        "{path} đã bị sửa sau khi ký: chữ ký không khớp.",
    "{path} was altered: it holds data after its signature.": "{path} đã bị sửa: có dữ liệu sau chữ ký.",
    "{path} is damaged: its record counts do not match its contents.":
        "{path} bị hỏng: số bản ghi không khớp với nội dung.",
    # checks of a bundle's records
    "{path} is signed by a key this installation does not trust (fingerprint {fp}). If you know whose it is, trust "
    "it first: survey-app keys trust PUBLIC_KEY --name NAME --role surveyor|supervisor|central":
        "{path} được ký bằng một khóa mà bản cài đặt này không tin cậy (dấu vân tay {fp}). Nếu biết đó là khóa của "
        "ai, hãy tin cậy trước: survey-app keys trust PUBLIC_KEY --name NAME --role surveyor|supervisor|central",
    "{path} is damaged: its header is not complete.": "{path} bị hỏng: phần đầu không đầy đủ.",
    "{path} holds a record that is not well formed ({why}).": "{path} chứa một bản ghi sai cấu trúc ({why}).",
    "{path} holds a record that is not well formed.": "{path} chứa một bản ghi sai cấu trúc.",
    "{path} holds records of a table this app does not know ({table}). Update the app, then import again.":
        "{path} chứa bản ghi của một bảng mà ứng dụng này không biết ({table}). Hãy cập nhật ứng dụng rồi nhập lại.",
    "not valid JSON": "không phải JSON hợp lệ",
    "a deletion of an unknown record": "lệnh xóa một bản ghi không rõ",
    "a value that is neither text, a number nor empty": "một giá trị không phải chữ, số hay để trống",
    "The bundle has fields this version of the app does not know ({fields} in {table}). Update the app, then import "
    "again.":
        "Gói dữ liệu có trường mà phiên bản ứng dụng này không biết ({fields} trong {table}). Hãy cập nhật ứng dụng "
        "rồi nhập lại.",
    "{path} was refused: signed by {name} ({role}), it holds {why} (record {id}). Nothing was imported.":
        "{path} bị từ chối: do {name} ({role}) ký, gói chứa {why} (bản ghi {id}). Không có gì được nhập.",
    "a review decision not signed by a supervisor": "một quyết định duyệt không do giám sát viên ký",
    "a form not signed by a supervisor or the central system":
        "một biểu mẫu không do giám sát viên hoặc hệ thống trung tâm ký",
    "a session marked approved or rejected by someone who is not a supervisor":
        "một phiên được đánh dấu duyệt hoặc từ chối bởi người không phải giám sát viên",
    "a record of device {device}, not of the sender": "một bản ghi của thiết bị {device}, không phải của người gửi",
    "a record that belongs to device {device}": "một bản ghi thuộc về thiết bị {device}",
    "a deletion of a review decision or form not signed by a supervisor":
        "một lệnh xóa quyết định duyệt hoặc biểu mẫu không do giám sát viên ký",
    "a deletion of a record that belongs to device {device}": "một lệnh xóa bản ghi thuộc về thiết bị {device}",
}
