"""Validation messages: schemas emit a code (`too_long|200`), the edge shows vi or en text."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "required": {"vi": "Trường này là bắt buộc.", "en": "This field is required."},
    "null": {"vi": "Trường này không được để trống.", "en": "This field may not be null."},
    "unknown_field": {
        "vi": "Trường không có trong hợp đồng dữ liệu (kiểm tra lỗi chính tả).",
        "en": "Unknown field (check the spelling).",
    },
    "not_object": {"vi": "Phải là một đối tượng JSON.", "en": "Must be a JSON object."},
    "not_string": {"vi": "Phải là chuỗi ký tự.", "en": "Must be a string."},
    "not_list": {"vi": "Phải là một danh sách.", "en": "Must be a list."},
    "not_boolean": {"vi": "Phải là true hoặc false.", "en": "Must be true or false."},
    "not_number": {"vi": "Phải là một số.", "en": "Must be a number."},
    "number_out_of_range": {
        "vi": "Giá trị số nằm ngoài khoảng cho phép.",
        "en": "The number is out of the allowed range.",
    },
    "empty": {"vi": "Không được để trống.", "en": "May not be empty."},
    "too_long": {
        "vi": "Quá dài: tối đa {arg} ký tự.",
        "en": "Too long: at most {arg} characters.",
    },
    "too_many": {"vi": "Quá nhiều: tối đa {arg} mục.", "en": "Too many: at most {arg} entries."},
    "too_few": {"vi": "Cần ít nhất {arg} mục.", "en": "At least {arg} entries are needed."},
    "control_character": {
        "vi": "Chứa ký tự điều khiển không in được (mã {arg}).",
        "en": "Contains a non-printable control character ({arg}).",
    },
    "line_break": {
        "vi": "Không được xuống dòng trong trường này; hãy tách thành các mục riêng.",
        "en": "Line breaks are not allowed here; split the text into separate entries.",
    },
    "legacy_encoding": {
        "vi": "Văn bản có vẻ được gõ bằng bảng mã cũ {arg}, không phải Unicode; hãy chuyển mã "
        "sang Unicode (ví dụ Unikey: Công cụ chuyển mã) rồi dán lại.",
        "en": "The text looks typed in the legacy {arg} encoding, not Unicode; convert it to "
        "Unicode (e.g. Unikey's converter) and paste it again.",
    },
    "one_of": {
        "vi": "Giá trị không hợp lệ; chọn một trong: {arg}.",
        "en": "Invalid value; choose one of: {arg}.",
    },
    "invalid_date": {
        "vi": "Ngày không hợp lệ: dùng dạng YYYY-MM-DD, YYYY-MM hoặc YYYY.",
        "en": "Invalid date: use YYYY-MM-DD, YYYY-MM or YYYY.",
    },
    "invalid_number": {
        "vi": "Số văn bản chỉ gồm chữ số (hoặc để trống).",
        "en": "The document number is digits only (or null).",
    },
    "invalid_abbreviation": {
        "vi": "Chữ viết tắt không được chứa khoảng trắng hay dấu /.",
        "en": "An abbreviation may not contain spaces or '/'.",
    },
    "head_required": {
        "vi": "Ký thay (KT.), thừa lệnh (TL.), thừa ủy quyền (TUQ.) cần chức danh người đứng đầu.",
        "en": "KT., TL. and TUQ. need the head's title.",
    },
    "head_not_allowed": {
        "vi": "Chức danh người đứng đầu chỉ dùng với KT., TL. hoặc TUQ.",
        "en": "The head's title is only used with KT., TL. or TUQ.",
    },
    "value_placeholder_missing": {
        "vi": "Có giá trị (value) nhưng nội dung thiếu chỗ đặt {value}.",
        "en": "A value is given but the text has no {value} placeholder.",
    },
    "value_missing": {
        "vi": "Nội dung có {value} nhưng không có giá trị (value).",
        "en": "The text has a {value} placeholder but no value.",
    },
    "too_deep": {
        "vi": "Mục lồng nhau quá sâu: tối đa {arg} cấp.",
        "en": "Sections nested too deeply: at most {arg} levels.",
    },
    "invalid_target": {
        "vi": "Chỉ tiêu phải là chuỗi hoặc đối tượng {text, value, unit}.",
        "en": "A target is a string or an object {text, value, unit}.",
    },
    "invalid_entry": {
        "vi": "Mục phải là chuỗi hoặc đối tượng {text, items, lettered}.",
        "en": "An entry is a string or an object {text, items, lettered}.",
    },
    "too_many_letters": {
        "vi": "Danh sách a), b), c)... có tối đa 23 mục (bảng chữ cái không có f, j, w, z).",
        "en": "A lettered list has at most 23 entries (the alphabet has no f, j, w, z).",
    },
    "invalid_json": {
        "vi": "Nội dung gửi lên không phải JSON hợp lệ.",
        "en": "The request body is not valid JSON.",
    },
    "unsupported_media_type": {
        "vi": "Chỉ nhận nội dung application/json.",
        "en": "Only application/json is accepted.",
    },
    "body_too_large": {
        "vi": "Nội dung gửi lên quá lớn: tối đa {arg} byte.",
        "en": "The request body is too large: at most {arg} bytes.",
    },
    "invalid_format": {
        "vi": "Định dạng không hỗ trợ; chọn một trong: {arg}.",
        "en": "Unsupported format; choose one of: {arg}.",
    },
    "not_found": {"vi": "Không tìm thấy.", "en": "Not found."},
    "unreadable_docx": {
        "vi": "Không đọc được tệp: hãy tải lên tệp Word .docx (không phải .doc hay tệp hỏng).",
        "en": "Unreadable file: upload a Word .docx (not a .doc or a damaged file).",
    },
    "unauthenticated": {
        "vi": "Cần đăng nhập hoặc khóa API hợp lệ.",
        "en": "A login or a valid API key is required.",
    },
    "csrf": {
        "vi": "Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ; hãy tải lại trang.",
        "en": "The session expired or the request is not genuine; reload the page.",
    },
    "rate_limited": {
        "vi": "Quá nhiều yêu cầu; vui lòng thử lại sau {arg} giây.",
        "en": "Too many requests; please retry in {arg} seconds.",
    },
    "conflict": {
        "vi": "Bản nháp vừa được lưu ở nơi khác; hãy tải lại trước khi lưu "
        "(nội dung của bạn vẫn còn).",
        "en": "The draft was saved elsewhere meanwhile; reload before saving (your input is kept).",
    },
    "storage_busy": {
        "vi": "Không lưu được vào cơ sở dữ liệu lúc này; nội dung của bạn vẫn còn, hãy thử lại.",
        "en": "The database refused the save just now; your input is kept, please retry.",
    },
    "method_not_allowed": {"vi": "Phương thức không được hỗ trợ.", "en": "Method not allowed."},
    "server_error": {
        "vi": "Lỗi máy chủ khi tạo văn bản; đã ghi nhận.",
        "en": "Server error while producing the document; it has been logged.",
    },
    "pdf_unavailable": {
        "vi": "Máy chủ này chưa có bộ chuyển đổi PDF; hãy tải DOCX.",
        "en": "This server has no PDF converter yet; download the DOCX instead.",
    },
    "unavailable": {
        "vi": "Dịch vụ chuyển đổi đang bận; vui lòng thử lại sau {arg} giây.",
        "en": "The converter is busy; please retry in {arg} seconds.",
    },
    # Batch generation (issue 5)
    "undeclared_field": {
        "vi": "Cột này không phải đường dẫn của hợp đồng dữ liệu, cũng không phải trường "
        "đã khai báo trong fields.",
        "en": "Neither a path of the plan contract nor a field declared in fields.",
    },
    "no_such_path": {
        "vi": "Đường dẫn không có trong kế hoạch gốc (số thứ tự trong danh sách đếm từ 0).",
        "en": "The path does not exist in the base plan (list positions count from 0).",
    },
    "invalid_patch": {
        "vi": "patch phải là một đối tượng JSON (JSON Merge Patch, RFC 7396).",
        "en": "patch must be a JSON object (JSON Merge Patch, RFC 7396).",
    },
    "invalid_field_name": {
        "vi": "Tên trường chỉ gồm chữ không dấu, chữ số và dấu _, không trùng nhau, không trùng "
        "tên trường của hợp đồng dữ liệu (value, patch, place...).",
        "en": "A field name has ASCII letters, digits and _ only, is unique, and is not a "
        "contract field (value, patch, place...).",
    },
    "cascade_plan_only": {
        "vi": "Chỉ kế hoạch mới kế thừa được xuống cấp dưới; với công văn, đặt cascade là false.",
        "en": "Only a plan can be cascaded; for an official letter set cascade to false.",
    },
    "unsupported_table": {
        "vi": "Bảng danh sách phải là tệp {arg}.",
        "en": "The table must be a {arg} file.",
    },
    "unreadable_table": {
        "vi": "Không đọc được tệp bảng (tệp hỏng hoặc sai định dạng).",
        "en": "The table file cannot be read (damaged, or not in its format).",
    },
    "duplicate_column": {"vi": "Tên cột bị trùng: {arg}.", "en": "Duplicate column: {arg}."},
    "empty_column_name": {
        "vi": "Cột thứ {arg} có dữ liệu nhưng không có tên cột.",
        "en": "Column {arg} has values but no name.",
    },
    "more_errors": {
        "vi": "Còn {arg} lỗi khác chưa hiển thị; hãy sửa các lỗi trên rồi kiểm tra lại.",
        "en": "{arg} more errors not shown; fix the ones above and check again.",
    },
    "render_failed": {
        "vi": "Không tạo được văn bản cho dòng này.",
        "en": "The document of this row could not be made.",
    },
    "conversion_failed": {
        "vi": "Chuyển sang PDF không thành công.",
        "en": "The conversion to PDF failed.",
    },
    "storage_failed": {
        "vi": "Không ghi được tệp kết quả vào thư mục lưu trữ.",
        "en": "The output could not be written to storage.",
    },
    "internal_error": {
        "vi": "Lỗi máy chủ khi xử lý dòng này; đã ghi nhận.",
        "en": "Server error while processing this row; it has been logged.",
    },
    "abandoned": {
        "vi": "Tiến trình xử lý dòng này bị dừng đột ngột {arg} lần; đã bỏ qua dòng.",
        "en": "The worker processing this row stopped abruptly {arg} times; the row was given up.",
    },
    "batch_not_finished": {
        "vi": "Lô văn bản chưa xử lý xong; hãy tải về khi tiến độ đạt 100%.",
        "en": "The batch has not finished yet; download it when it reaches 100%.",
    },
    "pdf_not_requested": {
        "vi": "Lô văn bản này không yêu cầu PDF.",
        "en": "This batch did not ask for PDF.",
    },
    "idempotency_mismatch": {
        "vi": "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.",
        "en": "This Idempotency-Key was already used for a different request.",
    },
    "queue_unavailable": {
        "vi": "Hàng đợi xử lý tạm thời không truy cập được; lô đã được lưu, hãy gửi lại với "
        "cùng Idempotency-Key.",
        "en": "The job queue cannot be reached just now; the batch is stored, resend it with "
        "the same Idempotency-Key.",
    },
    # Contract v1.1: rich text, content blocks, tables, decisions.
    "not_rich": {
        "vi": "Phải là chuỗi ký tự hoặc danh sách các đoạn (span).",
        "en": "Must be a string or a list of spans.",
    },
    "invalid_span": {
        "vi": "Mỗi đoạn (span) là một chuỗi ký tự, một đối tượng {text, bold, italic, "
        "underline} hoặc {footnote}.",
        "en": "Each span is a string, a {text, bold, italic, underline} object or a {footnote}.",
    },
    "footnote_in_footnote": {
        "vi": "Không được đặt chú thích trong một chú thích.",
        "en": "A footnote cannot hold a footnote.",
    },
    "closing_true": {
        "vi": "Nhập nội dung đoạn kết, hoặc dùng false để không in đoạn kết.",
        "en": "Give the closing paragraph's text, or false for none.",
    },
    "unknown_block": {
        "vi": "Loại khối không hợp lệ: mỗi khối là một đối tượng có đúng một khóa trong: {arg}.",
        "en": "Unknown block: each block is an object with exactly one key among: {arg}.",
    },
    "one_block_key": {
        "vi": "Mỗi khối chỉ có một khóa; khối này có nhiều: {arg}.",
        "en": "A block has exactly one key; this one has several: {arg}.",
    },
    "content_conflict": {
        "vi": "Đã có content thì không dùng cùng {arg}: hãy đưa các mục đó vào content.",
        "en": "content cannot be given together with {arg}: put those entries in content.",
    },
    "invalid_cell": {
        "vi": "Ô phải là chuỗi ký tự, danh sách span, hoặc đối tượng {text, colspan, rowspan}.",
        "en": "A cell is a string, a list of spans, or a {text, colspan, rowspan} object.",
    },
    "invalid_row": {
        "vi": 'Hàng phải là danh sách các ô, hoặc một hàng nhóm {"group": ...}.',
        "en": 'A row is a list of cells, or a group row {"group": ...}.',
    },
    "empty_row": {"vi": "Hàng không được rỗng.", "en": "A row may not be empty."},
    "row_fill": {
        "vi": "Các ô của hàng (tính cả colspan và các ô gộp hàng từ phía trên) không khớp "
        "với {arg} cột của bảng.",
        "en": "The row's cells (with their colspan and the rowspans from above) do not fill "
        "the table's {arg} columns.",
    },
    "rowspan_past": {
        "vi": "Ô gộp hàng (rowspan) vượt quá hàng cuối của bảng hoặc chạm vào một hàng nhóm.",
        "en": "The rowspan runs past the table's last row or into a group row.",
    },
    "width_range": {
        "vi": "Độ rộng cột phải là một số lớn hơn 0 (tối đa 10000).",
        "en": "A column's width must be a number above 0 (at most 10000).",
    },
    "span_range": {
        "vi": "Phải là số nguyên từ 1 đến {arg}.",
        "en": "Must be a whole number from 1 to {arg}.",
    },
    "not_integer": {"vi": "Phải là số nguyên.", "en": "Must be a whole number."},
}

LOCALES = ("vi", "en")
DEFAULT_LOCALE = "vi"


def code(key: str, arg: object | None = None) -> str:
    """A message code as schemas emit it: `too_long|200`."""
    return key if arg is None else f"{key}|{arg}"


def localize(message: str, locale: str = DEFAULT_LOCALE) -> str:
    """The text of a message code in `locale`; unknown codes pass through unchanged."""
    key, _, arg = message.partition("|")
    texts = MESSAGES.get(key)
    if texts is None:
        return message
    # Plain replacement, not str.format: messages quote braces (`{value}`, `{text, ...}`).
    return texts.get(locale, texts[DEFAULT_LOCALE]).replace("{arg}", arg)
