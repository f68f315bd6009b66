"""Vietnamese messages of the revision path, tombstones and the household commands."""

MESSAGES = {
    "removed from the roster": "đã bỏ khỏi danh sách thành viên",
    "No record {id} in {table}.": "Không có bản ghi {id} trong {table}.",
    "draft saved": "đã lưu bản nháp",
    "Say why this member is removed.": "Hãy nói lý do bỏ thành viên này.",
    "draft discarded": "đã hủy bản nháp",
    "Household {id} has no member {member}.": "Hộ {id} không có thành viên {member}.",
    "{stale} older than the copy here (kept as history), {conflict} in conflict with it (the copy here stays; the "
    "bundle's is kept as history).":
        "{stale} bản ghi cũ hơn bản ở đây (giữ lại làm lịch sử), {conflict} bản ghi mâu thuẫn với bản ở đây (giữ bản "
        "ở đây; bản trong gói được giữ làm lịch sử).",
    "The answers file {path} is larger than {n} MB.": "Tệp câu trả lời {path} lớn hơn {n} MB.",
    "The answers file {path} must hold one JSON object of answers by field name.":
        "Tệp câu trả lời {path} phải chứa một đối tượng JSON gồm các câu trả lời theo tên trường.",
    "{field}: no such field in this form": "{field}: không có trường này trong biểu mẫu",
    "{field}: this field is not answered (it is worked out or only shown)":
        "{field}: trường này không cần trả lời (được tính tự động hoặc chỉ hiển thị)",
    "{field}: this field belongs to {group}": "{field}: trường này thuộc nhóm {group}",
    "{field}: a value of the wrong type ({kind})": "{field}: giá trị sai kiểu ({kind})",
    "{field}: must be a list of objects, one per entry": "{field}: phải là một danh sách đối tượng, mỗi mục một đối tượng",
    "{field}: more than {n} entries": "{field}: nhiều hơn {n} mục",
    "The answers file {path} cannot be read ({reason}).": "Không đọc được tệp câu trả lời {path} ({reason}).",
    "The answers file {path} is not valid JSON ({reason}).": "Tệp câu trả lời {path} không phải JSON hợp lệ ({reason}).",
    "{field}: no entry with id {id} here": "{field}: không có mục nào có mã {id} ở đây",
    "The answers cannot be stored ({n} problems); nothing was stored:":
        "Không thể lưu các câu trả lời ({n} lỗi); không có gì được lưu:",
    "store an interview from a file of answers (finalized unless --draft)":
        "lưu một phiếu phỏng vấn từ tệp câu trả lời (hoàn tất, trừ khi có --draft)",
    "the open session (id or unique prefix)": "phiên đang mở (mã hoặc phần đầu duy nhất của mã)",
    "JSON file of answers by field name (members: a list)":
        "tệp JSON các câu trả lời theo tên trường (members: một danh sách)",
    "keep it as a draft (required answers may be missing)": "giữ ở dạng bản nháp (có thể thiếu câu bắt buộc)",
    "show one interview with its answers and roster": "xem một phiếu cùng các câu trả lời và danh sách thành viên",
    "change answers of an interview (a finalized one keeps its history)":
        "sửa câu trả lời của một phiếu (phiếu đã hoàn tất giữ lại lịch sử)",
    "JSON file of the answers to change (members: the whole roster, each with its id if it is already stored)":
        "tệp JSON các câu trả lời cần sửa (members: toàn bộ danh sách thành viên, mỗi người kèm mã nếu đã lưu)",
    "why it is changed": "lý do sửa",
    "finalize a draft after the change": "hoàn tất bản nháp sau khi sửa",
    "delete a draft (the central system deletes it too)": "xóa một bản nháp (hệ thống trung tâm cũng xóa)",
    "why it is discarded": "lý do hủy",
    "take one member off an interview's roster": "bỏ một thành viên khỏi danh sách của phiếu",
    "the member's id": "mã của thành viên",
    "why the member is removed": "lý do bỏ thành viên",
    "{id}: {status}, revision {revision}, {n} members": "{id}: {status}, phiên bản {revision}, {n} thành viên",
    "{id} changed.": "Đã sửa {id}.",
    "{id} discarded.": "Đã hủy {id}.",
    "Member {member} removed from {id}.": "Đã bỏ thành viên {member} khỏi {id}.",
}
