"""The batch page: upload the plan and the communes' table, check the rows, start, follow."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template

from service.http.identity import current_unit
from service.http.web.pages import page_globals
from service.store.drafts import Drafts

bp = Blueprint("batch_page", __name__)
bp.context_processor(page_globals)  # the site's layout: language, its scripts' messages

STRINGS: dict[str, dict[str, str]] = {
    "title": {"vi": "Tạo văn bản cho nhiều xã", "en": "Documents for many communes"},
    "lead": {
        "vi": "Một kế hoạch của cấp trên và danh sách các xã (Excel, CSV hoặc JSON): mỗi dòng "
        "là một xã với tên cơ quan, địa danh, người ký và các chỉ tiêu riêng. Mỗi xã nhận "
        "văn bản DOCX (và PDF) của mình, mở đầu bằng dòng “Thực hiện Kế hoạch số … của …”.",
        "en": "One plan of the level above and the list of communes (Excel, CSV or JSON): one "
        "line per commune with its issuing body, place, signer and own targets. Each commune "
        "gets its DOCX (and PDF), opening with “Thực hiện Kế hoạch số … của …”.",
    },
    "plan": {"vi": "1. Kế hoạch gốc", "en": "1. The base plan"},
    "from_draft": {"vi": "Một bản nháp của đơn vị", "en": "One of our drafts"},
    "draft": {"vi": "Bản nháp", "en": "Draft"},
    "from_file": {"vi": "Tệp JSON", "en": "A JSON file"},
    "file": {"vi": "Tệp", "en": "File"},
    "table": {"vi": "2. Danh sách các xã", "en": "2. The communes"},
    "table_file": {"vi": "Tệp .xlsx, .csv hoặc .json", "en": "A .xlsx, .csv or .json file"},
    "table_hint": {
        "vi": "Dòng đầu là tên cột: đường dẫn của hợp đồng dữ liệu (issuer.name, place, "
        "signer.name, targets.specific.1.value…), tên trường đã khai báo ({ten_xa}) hoặc patch.",
        "en": "The first line names the columns: contract paths (issuer.name, place, "
        "signer.name, targets.specific.1.value…), declared fields ({ten_xa}) or patch.",
    },
    "options": {"vi": "3. Tùy chọn", "en": "3. Options"},
    "pdf": {"vi": "Kèm bản PDF và một tệp PDF tổng hợp", "en": "PDF too, and one merged PDF"},
    "cascade": {
        "vi": "Kế thừa từ cấp trên (dòng “Thực hiện Kế hoạch số …”)",
        "en": "Cascade from the level above (the “Thực hiện Kế hoạch số …” line)",
    },
    "days": {
        "vi": "Hạn báo cáo sớm hơn cấp trên (ngày)",
        "en": "Report deadlines earlier by (days)",
    },
    "fields": {
        "vi": "Trường đặt tên (cách nhau bởi dấu phẩy)",
        "en": "Named fields (comma-separated)",
    },
    "fields_hint": {
        "vi": "Ví dụ ten_xa: mỗi {ten_xa} trong kế hoạch gốc được thay bằng giá trị "
        "của cột ten_xa.",
        "en": "E.g. ten_xa: each {ten_xa} in the base plan is replaced by the column ten_xa.",
    },
    "check": {"vi": "Kiểm tra danh sách", "en": "Check the list"},
    "start": {"vi": "Bắt đầu tạo văn bản", "en": "Start"},
    "progress": {"vi": "Tiến độ", "en": "Progress"},
    "download_zip": {"vi": "Tải tệp ZIP", "en": "Download the ZIP"},
    "download_pdf": {"vi": "Tải PDF tổng hợp", "en": "Download the merged PDF"},
    "js.row": {"vi": "Dòng", "en": "Line"},
    "js.commune": {"vi": "Xã", "en": "Commune"},
    "js.valid": {
        "vi": "{n} dòng hợp lệ. Có thể bắt đầu.",
        "en": "{n} valid lines. Ready to start.",
    },
    "js.invalid": {"vi": "Có lỗi, chưa thể bắt đầu:", "en": "There are errors; fix them first:"},
    "js.need_files": {
        "vi": "Hãy chọn kế hoạch gốc và tệp danh sách.",
        "en": "Choose the plan and the table.",
    },
    "js.bad_plan": {
        "vi": "Tệp kế hoạch không phải JSON hợp lệ.",
        "en": "The plan file is not valid JSON.",
    },
    "js.counts": {
        "vi": "{done}/{total} xong, {failed} lỗi",
        "en": "{done}/{total} done, {failed} failed",
    },
    "js.eta": {"vi": "còn khoảng {s} giây", "en": "about {s} s left"},
    "js.finished": {"vi": "Đã xong.", "en": "Finished."},
    "js.network": {"vi": "Mất kết nối; đang thử lại…", "en": "Connection lost; retrying…"},
}


def strings(lang: str) -> dict[str, str]:
    """The page's texts in `lang` (Vietnamese for anything else)."""
    return {key: texts.get(lang, texts["vi"]) for key, texts in STRINGS.items()}


@bp.get("/batches")
def page() -> str:
    """The page; the unit's drafts can be the base plan."""
    drafts: Drafts = current_app.extensions["drafts"]
    globals_: dict[str, Any] = page_globals()
    texts = strings(str(globals_["lang"]))
    return render_template(
        "web/batch.html",
        plans=drafts.list(current_unit()),
        s=texts,
        script_strings={k.removeprefix("js."): v for k, v in texts.items() if k.startswith("js.")},
    )
