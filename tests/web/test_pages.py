"""The pages: drafts list, editor, cascade, language switch; labels, scripts, 404 as a page."""

from __future__ import annotations

import json
import re

from flask import Flask
from flask.testing import FlaskClient

from tests.builders import minimal_letter
from tests.conftest import plan_json
from tests.web.conftest import UNIT_HEADER
from tests.web.html import Page


def new_draft(client: FlaskClient, data: dict[str, object], name: str) -> str:
    return str(client.post("/api/v1/drafts", json={"name": name, "data": data}).json["id"])


def test_home_lists_the_units_drafts_in_vietnamese(client: FlaskClient) -> None:
    new_draft(client, plan_json("ke-hoach-bac-kan-2023"), "Kế hoạch trẻ em 2023")
    client.post(
        "/api/v1/drafts", json={"name": "Của xã B", "data": {}}, headers={UNIT_HEADER: "xa-b"}
    )
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="vi">' in html and "Bản nháp của bạn" in html
    assert "Kế hoạch trẻ em 2023" in html and "Của xã B" not in html
    assert "Thực hiện công tác trẻ em năm 2023" in html  # the title under the name


def test_home_without_drafts_says_how_to_start(client: FlaskClient) -> None:
    assert "Chưa có bản nháp" in client.get("/").get_data(as_text=True)


def test_editor_embeds_the_draft_and_its_messages(client: FlaskClient) -> None:
    draft_id = new_draft(client, plan_json("ke-hoach-bac-kan-2023"), "KH")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    embedded = re.search(r'id="draft-data">(.*?)</script>', html, re.S)
    assert embedded is not None
    draft = json.loads(embedded.group(1))
    assert draft["data"] == plan_json("ke-hoach-bac-kan-2023") and draft["revision"] == 1
    messages = re.search(r'id="client-messages">(.*?)</script>', html, re.S)
    assert messages is not None and json.loads(messages.group(1))["undo"] == "Hoàn tác"


def test_pdf_button_says_unavailable_without_a_converter(client: FlaskClient) -> None:
    draft_id = new_draft(client, {"type": "ke_hoach"}, "KH")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert re.search(r'<button type="button" id="download-pdf" disabled', html)
    assert "Máy chủ này chưa tạo được PDF" in html


def test_unknown_draft_is_a_404_page(client: FlaskClient) -> None:
    response = client.get("/drafts/0123456789abcdef")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Không tìm thấy" in response.get_data(as_text=True)


def test_cascade_page_offers_only_plans(client: FlaskClient) -> None:
    new_draft(client, plan_json("ke-hoach-bac-kan-2023"), "Kế hoạch thành phố")
    new_draft(client, minimal_letter(), "Một công văn")
    html = client.get("/cascade").get_data(as_text=True)
    assert "Kế hoạch thành phố" in html and "Một công văn" not in html


def test_language_switch_sets_a_cookie_and_stays_on_the_site(client: FlaskClient) -> None:
    response = client.get("/lang/en?next=/cascade")
    assert response.status_code == 302 and response.headers["Location"] == "/cascade"
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)
    assert "Your drafts" in client.get("/").get_data(as_text=True)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        assert client.get(f"/lang/vi?next={target}").headers["Location"] == "/"
    assert "Bản nháp của bạn" in client.get("/").get_data(as_text=True)
    client.get("/lang/xx")
    assert '<html lang="vi">' in client.get("/").get_data(as_text=True)


def test_every_control_has_a_label_and_no_script_is_inline(app: Flask) -> None:
    client = app.test_client()
    draft_id = new_draft(client, plan_json("ke-hoach-bac-kan-2023"), "KH")
    new_draft(client, minimal_letter(), "CV")
    for url in ("/", "/cascade", f"/drafts/{draft_id}", "/drafts/missing"):
        page = Page(client.get(url).get_data(as_text=True))
        assert page.unlabelled() == [], url
        for script in page.scripts:  # CSP allows no inline script: code only from files
            assert script.get("src") or script.get("type") == "application/json", (url, script)


def test_static_files_are_served_locally(client: FlaskClient) -> None:
    for name in ("js/editor.js", "js/form.js", "css/app.css", "css/paper.css"):
        response = client.get(f"/static/web/{name}")
        assert response.status_code == 200, name
        response.close()
