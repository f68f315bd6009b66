"""Vietnamese messages of the questionnaire area (forms, households, their CLI)."""

MESSAGES = {
    # checker
    "The workbook has no “survey” sheet (or it is empty).": "Tệp không có trang “survey” (hoặc trang trống).",
    "The survey sheet needs the columns “type” and “name”.": "Trang survey cần có cột “type” và “name”.",
    "The form has no questions.": "Biểu mẫu không có câu hỏi nào.",
    "{sheet}: {message}": "{sheet}: {message}",
    "“or specify other” is not supported: add a separate text question with a relevant condition instead.":
        "Không hỗ trợ “or specify other”: hãy thêm một câu hỏi văn bản riêng với điều kiện relevant.",
    "The question type “{type}” is not supported.": "Không hỗ trợ loại câu hỏi “{type}”.",
    "{sheet}, row {row}, column {column}: {message}": "{sheet}, dòng {row}, cột {column}: {message}",
    "This choice has no name.": "Lựa chọn này không có name.",
    "photos, sound and video are not collected by this app": "ứng dụng không thu ảnh, âm thanh và video",
    "the app does not read phone or SIM data": "ứng dụng không đọc dữ liệu điện thoại hay SIM",
    "use a date or text question": "hãy dùng câu hỏi ngày hoặc văn bản",
    "use a text question": "hãy dùng câu hỏi văn bản",
    "Supported types: {types}.": "Các loại được hỗ trợ: {types}.",
    "This row has no type.": "Dòng này không có type.",
    "This question has no name.": "Câu hỏi này không có name.",
    "Repeats inside repeats are not supported.": "Không hỗ trợ repeat lồng trong repeat.",
    "A calculate question needs a calculation.": "Câu hỏi calculate cần có cột calculation.",
    "This choice has no list_name.": "Lựa chọn này không có list_name.",
    "“begin {what} {name}” is never closed.": "“begin {what} {name}” không được đóng.",
    "position() can only be used inside a repeat.": "position() chỉ dùng được bên trong repeat.",
    "These fields depend on each other in a circle: {names}.": "Các trường này phụ thuộc vòng tròn vào nhau: {names}.",
    "The form has {n} problems:": "Biểu mẫu có {n} lỗi:",
    "The choice “{name}” is listed twice in “{list}” (first on row {row}).":
        "Lựa chọn “{name}” xuất hiện hai lần trong “{list}” (lần đầu ở dòng {row}).",
    "The column “{column}” is not supported, so this form cannot be used as it is (remove the column or its "
    "values).": "Không hỗ trợ cột “{column}”, nên chưa dùng được biểu mẫu này (hãy xoá cột hoặc các giá trị của nó).",
    "“{name}” is not a valid name: use letters, digits and _ and start with a letter.":
        "“{name}” không phải tên hợp lệ: chỉ dùng chữ cái, chữ số và _, bắt đầu bằng chữ cái.",
    "The name “{name}” is used twice (first on row {row}).": "Tên “{name}” bị dùng hai lần (lần đầu ở dòng {row}).",
    "{type} needs the name of a choice list after it.": "{type} cần tên danh sách lựa chọn ở phía sau.",
    "({detail})": "({detail})",
    "“{type}” has no matching “begin {what}”.": "“{type}” không có “begin {what}” tương ứng.",
    "The choice list “{list}” does not exist in the choices sheet.":
        "Danh sách lựa chọn “{list}” không có trong trang choices.",
    "Syntax error in {column}: {detail}": "Lỗi cú pháp trong {column}: {detail}",
    "{column} refers to ${{{name}}}, which is not a field of this form.":
        "{column} tham chiếu ${{{name}}}, không phải trường của biểu mẫu này.",
    "The choice_filter uses “{name}”, which is not a column of the choice list “{list}”.":
        "choice_filter dùng “{name}”, không phải cột của danh sách lựa chọn “{list}”.",
    "{column} uses “{name}”; refer to fields as ${{name}}.": "{column} dùng “{name}”; hãy tham chiếu trường dạng ${{name}}.",
    "The default “{value}” is not a number.": "Giá trị mặc định “{value}” không phải là số.",
    # expressions
    "The expression is empty.": "Biểu thức trống.",
    "“..” can only be used inside position().": "“..” chỉ dùng được trong position().",
    "The expression is nested too deeply.": "Biểu thức lồng quá sâu.",
    "The expression ends too early.": "Biểu thức kết thúc quá sớm.",
    "position() only takes “..” as its argument.": "position() chỉ nhận “..” làm tham số.",
    "The expression could not be computed ({detail}).": "Không tính được biểu thức ({detail}).",
    "The function {name}() at position {pos} is not supported.": "Không hỗ trợ hàm {name}() ở vị trí {pos}.",
    "The expression is too long ({n} characters).": "Biểu thức quá dài ({n} ký tự).",
    "Unexpected “{token}” at position {pos}.": "Không mong đợi “{token}” ở vị trí {pos}.",
    "Typographic quote “{char}” at position {pos}: use straight quotes ' or \".":
        "Dấu nháy kiểu chữ “{char}” ở vị trí {pos}: hãy dùng dấu nháy thẳng ' hoặc \".",
    "Unexpected character “{char}” at position {pos}.": "Ký tự không mong đợi “{char}” ở vị trí {pos}.",
    "Expected “{want}” at position {pos}.": "Cần “{want}” ở vị trí {pos}.",
    "The function {name}() at position {pos} takes {want} arguments, not {got}.":
        "Hàm {name}() ở vị trí {pos} nhận {want} tham số, không phải {got}.",
    "“${{{name}}}” at position {pos} is not a valid field reference.":
        "“${{{name}}}” ở vị trí {pos} không phải tham chiếu trường hợp lệ.",
    # answers (shown in the form's language)
    "Enter a whole number.": "Hãy nhập số nguyên.",
    "Enter a number.": "Hãy nhập một số.",
    "Choose one of the listed answers.": "Hãy chọn một trong các câu trả lời có sẵn.",
    "Choose among the listed answers.": "Hãy chọn trong các câu trả lời có sẵn.",
    "Enter a date as dd/mm/yyyy.": "Hãy nhập ngày dạng dd/mm/yyyy.",
    "This answer is not valid.": "Câu trả lời không hợp lệ.",
    "This question needs an answer.": "Câu hỏi này bắt buộc trả lời.",
    "This answer is no longer among the choices; choose again.":
        "Câu trả lời không còn trong danh sách lựa chọn; hãy chọn lại.",
    "This answer is not allowed.": "Câu trả lời này không được chấp nhận.",
    # reading files, storage
    "The file {path} does not exist.": "Không có tệp {path}.",
    "{path} is not a readable .xlsx workbook ({detail}).": "{path} không phải tệp .xlsx đọc được ({detail}).",
    "Version {version} of form {form_id} is already installed with different content; raise the version in the "
    "settings sheet and import again.": "Phiên bản {version} của biểu mẫu {form_id} đã được cài với nội dung khác; "
                                        "hãy tăng version trong trang settings rồi nhập lại.",
    "No form {form_id} version {version}.": "Không có biểu mẫu {form_id} phiên bản {version}.",
    "No form {form_id} is installed.": "Chưa cài biểu mẫu {form_id}.",
    "Say why this finalized interview is being changed.": "Hãy nêu lý do sửa phiếu phỏng vấn đã hoàn tất này.",
    "This interview is still a draft; just keep editing it.": "Phiếu này vẫn là bản nháp; cứ tiếp tục sửa.",
    "Only drafts can be deleted.": "Chỉ xoá được bản nháp.",
    "draft": "bản nháp",
    "finalized": "đã hoàn tất",
    "refused": "từ chối",
    "No household interview with id {id}.": "Không có phiếu hộ gia đình với mã {id}.",
    "This interview is {status}; editing it needs a reason.": "Phiếu này {status}; muốn sửa cần nêu lý do.",
    "The interview cannot be finalized: {problem}": "Chưa hoàn tất được phiếu: {problem}",
    "{n} answers are missing or not allowed. First: {where} — {message}":
        "{n} câu trả lời còn thiếu hoặc không hợp lệ. Đầu tiên: {where} — {message}",
    "Member {n}": "Thành viên {n}",
    "This interview is already {status}.": "Phiếu này đã {status}.",
    # CLI
    "check and import questionnaires (XLSForm .xlsx)": "kiểm tra và nhập bảng hỏi (XLSForm .xlsx)",
    "check an XLSForm; lists every problem with its sheet, row and column":
        "kiểm tra một XLSForm; liệt kê mọi lỗi kèm trang, dòng và cột",
    "print JSON": "in JSON",
    "make an XLSForm available to surveyors (a new version keeps old answers tied to the old one)":
        "đưa XLSForm cho điều tra viên dùng (phiên bản mới giữ câu trả lời cũ gắn với phiên bản cũ)",
    "list the installed forms": "liệt kê các biểu mẫu đã cài",
    "household interviews": "phiếu phỏng vấn hộ gia đình",
    "list household interviews": "liệt kê các phiếu hộ gia đình",
    "only this session (id or unique prefix)": "chỉ phiên này (mã hoặc phần đầu duy nhất của mã)",
    "{n} interviews": "{n} phiếu",
    "{path}: the form cannot be used ({n} problems):": "{path}: chưa dùng được biểu mẫu ({n} lỗi):",
    "{path}: usable. Form {form_id}, version {version}, {n} questions, languages: {langs}.":
        "{path}: dùng được. Biểu mẫu {form_id}, phiên bản {version}, {n} câu hỏi, ngôn ngữ: {langs}.",
    "Imported form {form_id} version {version}.": "Đã nhập biểu mẫu {form_id} phiên bản {version}.",
    "{n} members": "{n} thành viên",
}
