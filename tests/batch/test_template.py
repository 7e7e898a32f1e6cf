"""The officers' Excel template (issue 11): Vietnamese headers from the plan, prefilled,
read back by the same column table; errors name the sheet's line and column."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from flask.testing import FlaskClient
from openpyxl import Workbook, load_workbook

from service.batch.columns import columns, header_keys, normalized
from service.batch.template import commune_values, template_xlsx
from tests.batch.test_api import download, finished
from tests.readback import printed_lines

COMMUNES = ["Quang Thuận", "Phường Sông Cầu", "thị trấn  Phủ Thông"]
HEADERS = [
    "Tên xã (cơ quan ban hành)", "Địa danh", "Chủ tịch (người ký)", "Chức vụ người ký",
    "Số văn bản", "Ngày ban hành",
    "Chỉ tiêu: Giảm tỷ lệ trẻ em có hoàn cảnh đặc biệt trên tổng số trẻ em xuống còn dưới …%.",
    "Chỉ tiêu: …% trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế miễn phí.",
    "Chỉ tiêu: Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh đạt …%.",
    "{ten_xa}",
]  # fmt: skip


def with_field(plan: dict[str, Any]) -> dict[str, Any]:
    """The district's plan, its title naming each commune: `... trên địa bàn {ten_xa}`."""
    return {**plan, "title": f"{plan['title']} trên địa bàn {{ten_xa}}"}


def fetch_template(api: FlaskClient, plan: dict[str, Any], **more: Any) -> Workbook:
    response = api.post("/api/v1/batches/template", json={"plan": plan, **more})
    assert response.status_code == 200, response.get_json()
    assert response.mimetype.endswith("spreadsheetml.sheet")
    assert "attachment" in response.headers["Content-Disposition"]
    return load_workbook(io.BytesIO(response.data))


def upload(api: FlaskClient, path: str, plan: dict[str, Any], workbook: Workbook) -> Any:
    stream = io.BytesIO()
    workbook.save(stream)
    form = {
        "plan": json.dumps(plan),
        "table": (io.BytesIO(stream.getvalue()), "Danh sách xã.xlsx"),
        "fields": "ten_xa",
    }
    return api.post(path, data=form, content_type="multipart/form-data")


def test_the_template_has_the_plans_columns_and_the_communes(
    api: FlaskClient, plan: dict[str, Any]
) -> None:
    workbook = fetch_template(api, plan, fields=["ten_xa"], communes=COMMUNES)
    assert workbook.sheetnames == ["Danh sách xã", "Hướng dẫn"]
    sheet = workbook["Danh sách xã"]
    lines = [list(line) for line in sheet.iter_rows(values_only=True)]
    assert lines[0] == HEADERS
    assert [line[:2] for line in lines[1:]] == [
        ["ỦY BAN NHÂN DÂN XÃ QUANG THUẬN", "Quang Thuận"],
        ["ỦY BAN NHÂN DÂN PHƯỜNG SÔNG CẦU", "Sông Cầu"],
        ["ỦY BAN NHÂN DÂN THỊ TRẤN PHỦ THÔNG", "Phủ Thông"],
    ]
    assert all(line[6:9] == [1.2, 100, 98] for line in lines[1:])  # the plan's own targets
    guide = [list(line) for line in workbook["Hướng dẫn"].iter_rows(values_only=True)]
    assert ["Chủ tịch (người ký)", "Họ và tên người ký văn bản của xã", "Nguyễn Thị Huế",
            "signer.name"] in guide  # fmt: skip


def test_a_filled_template_makes_every_communes_plan(
    api: FlaskClient, plan: dict[str, Any]
) -> None:
    plan = with_field(plan)
    workbook = fetch_template(api, plan, fields=["ten_xa"], communes=COMMUNES[:2])
    sheet = workbook.active
    assert sheet is not None
    for line, (signer, field) in enumerate(
        [("Lê Văn An", "xã Quang Thuận"), ("Hoàng Thị Bích", "phường Sông Cầu")], start=2
    ):
        sheet.cell(line, 3, signer)
        sheet.cell(line, 10, field)
    sheet.cell(3, 7, 0.9)  # Sông Cầu's own target
    response = upload(api, "/api/v1/batches", plan, workbook)
    assert response.status_code == 202, response.get_json()
    status = finished(api, response.get_json()["urls"]["self"])
    assert (status["status"], status["done"]) == ("done", 2)
    with zipfile.ZipFile(io.BytesIO(download(api, status["urls"]["archive"]))) as archive:
        assert archive.namelist() == ["01 Xã Quang Thuận.docx", "02 Phường Sông Cầu.docx"]
        first = printed_lines(archive.read("01 Xã Quang Thuận.docx"))
        second = printed_lines(archive.read("02 Phường Sông Cầu.docx"))
    assert first[:2] == ["ỦY BAN NHÂN DÂN", "XÃ QUANG THUẬN"] and first[-1] == "Lê Văn An"
    assert second[:2] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG SÔNG CẦU"]
    assert second[-1] == "Hoàng Thị Bích"
    assert "xuống còn dưới 1,2%" in " ".join(first)  # the plan's target, as prefilled
    assert "xuống còn dưới 0,9%" in " ".join(second)  # the commune's own
    assert "trên địa bàn phường Sông Cầu" in " ".join(second)


def test_errors_name_the_line_and_the_column_as_the_officer_sees_them(
    api: FlaskClient, plan: dict[str, Any]
) -> None:
    plan = with_field(plan)
    workbook = fetch_template(api, plan, fields=["ten_xa"])  # one line of the plan's targets
    sheet = workbook.active
    assert sheet is not None
    sheet.insert_rows(1)  # a title line above the header: lines still count from the top
    sheet.cell(1, 1, "DANH SÁCH CÁC XÃ")
    sheet.cell(3, 8, "một trăm")
    response = upload(api, "/api/v1/batches/validate", plan, workbook)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert errors["rows.0.issuer.name"] == [
        'Dòng 3, cột "Tên xã (cơ quan ban hành)": Trường này là bắt buộc.'
    ]
    assert errors["rows.0.signer.name"] == [
        'Dòng 3, cột "Chủ tịch (người ký)": Trường này là bắt buộc.'
    ]
    assert errors["rows.0.ten_xa"] == ['Dòng 3, cột "{ten_xa}": Trường này là bắt buộc.']
    target = errors["rows.0.targets.specific.2.value"]
    assert target == ['Dòng 3, cột "Chỉ tiêu: …% trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế '
                      'miễn phí.": Phải là một số.']  # fmt: skip
    english = api.post(
        "/api/v1/batches/validate", headers={"Accept-Language": "en"},
        data={"plan": json.dumps(plan), "fields": "ten_xa",
              "table": (io.BytesIO(_saved(workbook)), "t.xlsx")},
        content_type="multipart/form-data",
    ).get_json()["errors"]  # fmt: skip
    assert english["rows.0.place"] == ['Line 3, column "Địa danh": This field is required.']


def test_headers_aliases_and_paths_are_all_accepted() -> None:
    plan = {"targets": {"specific": [{"text": "Đạt {value}", "value": 1, "unit": "%"}]}}
    keys = header_keys(plan, ["ten_xa"])
    assert keys["tên xã"] == keys["cơ quan ban hành"] == "issuer.name"
    assert keys[normalized("  CHỦ   TỊCH ")] == "signer.name"
    assert keys["chỉ tiêu: đạt …%"] == "targets.specific.0.value"
    assert keys["{ten_xa}"] == "ten_xa" and keys["bổ sung (json)"] == "patch"


def test_rich_targets_and_twin_targets_get_their_own_headers() -> None:
    twin = {"text": [{"text": "Đạt ", "bold": True}, "{value}", {"footnote": "ghi chú"}],
            "value": 5, "unit": "xã"}  # fmt: skip
    plan = {"targets": {"specific": ["không có giá trị", twin, dict(twin)]}}
    headers = [c.header for c in columns(plan, [])[6:]]
    assert headers == ["Chỉ tiêu: Đạt … xã", "Chỉ tiêu: Đạt … xã [3]"]


def test_text_is_written_as_text_never_as_a_formula() -> None:
    data = template_xlsx({}, [], ['=HYPERLINK("http://x","y")', "+1"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    cells = load_workbook(io.BytesIO(data)).active
    assert cells is not None
    assert cells.cell(2, 2).value == '=HYPERLINK("http://x","y")'
    assert commune_values("+1") == {"issuer.name": "ỦY BAN NHÂN DÂN XÃ +1", "place": "+1"}


def test_an_invalid_plan_gets_no_template(api: FlaskClient, plan: dict[str, Any]) -> None:
    response = api.post("/api/v1/batches/template", json={"plan": plan, "communes": [3]})
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"communes.0"}
    plan["issuer"] = {}
    response = api.post("/api/v1/batches/template", json={"plan": plan, "fields": ["place"]})
    assert response.status_code == 422
    assert {"plan.issuer.name", "fields.0"} <= set(response.get_json()["errors"])


def _saved(workbook: Workbook) -> bytes:
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
