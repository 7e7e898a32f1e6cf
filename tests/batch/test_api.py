"""The batch API through Flask's test client: JSON and multipart, progress, downloads,
idempotency, units, and every error in the one error shape."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import Workbook
from pypdf import PdfReader

from service.batch.queue import QueueUnavailable, RecordingQueue
from tests.batch.communes import check_archive, commune_rows
from tests.batch.conftest import make_app


def finished(client: FlaskClient, url: str, timeout: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = client.get(url).get_json()
        if body["finished_at"]:
            return body
        time.sleep(0.05)
    raise AssertionError(f"{url} did not finish")


def download(client: FlaskClient, url: str) -> bytes:
    with client.get(url) as response:
        assert response.status_code == 200, response.get_json()
        return response.get_data()


def test_json_batch_from_submission_to_archive(api: FlaskClient, plan: dict[str, Any]) -> None:
    rows = commune_rows(5)
    body = {"plan": plan, "rows": rows, "fields": ["ten_xa"], "formats": ["docx", "pdf"]}
    response = api.post("/api/v1/batches", json=body)
    assert response.status_code == 202
    created = response.get_json()
    assert created["status"] == "queued" and created["total"] == 5
    assert response.headers["Location"] == created["urls"]["self"]
    status = finished(api, created["urls"]["self"])
    assert {k: status[k] for k in ("status", "total", "done", "failed", "progress")} == {
        "status": "done", "total": 5, "done": 5, "failed": 0, "progress": 1.0,
    }  # fmt: skip
    assert status["eta_seconds"] == 0 and status["errors"] == {} and status["failures"] == []
    with api.get(created["urls"]["archive"]) as archive:
        assert archive.mimetype == "application/zip"
        assert "filename*=UTF-8''L%C3%B4%20" in archive.headers["Content-Disposition"]
        check_archive(archive.get_data(), rows)
        check_archive(archive.get_data(), rows, "pdf")
    merged = PdfReader(io.BytesIO(download(api, created["urls"]["merged_pdf"])))
    assert len(merged.pages) == 10
    assert [o.title for o in merged.outline] == [f"Xã {r['place']}" for r in rows]


def xlsx(rows: list[dict[str, Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    columns = list(rows[0])
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c) for c in columns])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def test_multipart_with_an_excel_table(api: FlaskClient, plan: dict[str, Any]) -> None:
    rows = commune_rows(3)
    form = {
        "plan": (io.BytesIO(json.dumps(plan).encode()), "plan.json"),
        "table": (io.BytesIO(xlsx(rows)), "Danh sách xã.xlsx"),
        "fields": "ten_xa",
        "options": json.dumps({"deadline_days_before": 5}),
    }
    checked = api.post(
        "/api/v1/batches/validate", data=dict(form), content_type="multipart/form-data"
    )
    assert checked.get_json() == {
        "valid": True, "total": 3,
        "rows": [{"row": n, "line": n + 2, "label": f"Xã {r['place']}"}
                 for n, r in enumerate(rows)],
    }  # fmt: skip
    form["plan"] = (io.BytesIO(json.dumps(plan).encode()), "plan.json")
    form["table"] = (io.BytesIO(xlsx(rows)), "Danh sách xã.xlsx")
    response = api.post("/api/v1/batches", data=form, content_type="multipart/form-data")
    assert response.status_code == 202, response.get_json()
    status = finished(api, response.get_json()["urls"]["self"])
    assert status["done"] == 3 and "merged_pdf" not in status["urls"]
    check_archive(download(api, status["urls"]["archive"]), rows)


def test_multipart_with_a_csv_table_and_its_errors(api: FlaskClient, plan: dict[str, Any]) -> None:
    rows = commune_rows(9)
    rows[7]["signer.name"] = ""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    form = {
        "plan": json.dumps(plan),
        "table": (io.BytesIO(text.getvalue().encode()), "communes.csv"),
        "fields": "ten_xa",
    }
    response = api.post(
        "/api/v1/batches", data=form, content_type="multipart/form-data",
        headers={"Accept-Language": "en"},
    )  # fmt: skip
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "rows.7.signer.name": ['Line 9, column "signer.name": This field is required.']
    }


def test_every_error_at_once_in_the_one_shape(api: FlaskClient, plan: dict[str, Any]) -> None:
    rows = commune_rows(3)
    rows[1]["bogus"] = 1
    del rows[2]["issuer.name"]
    response = api.post("/api/v1/batches", json={"plan": plan, "rows": rows})
    assert response.status_code == 422
    body = response.get_json()
    assert set(body) == {"type", "title", "status", "detail", "instance", "code", "errors"}
    assert body["errors"] == {
        f"rows.{n}.ten_xa": [
            "Cột này không phải đường dẫn của hợp đồng dữ liệu, cũng không phải trường "
            "đã khai báo trong fields."
        ]
        for n in range(3)
    } | {
        "rows.1.bogus": body["errors"]["rows.0.ten_xa"],
        "rows.2.issuer.name": ["Trường này là bắt buộc."],
    }


@pytest.mark.parametrize(
    ("kwargs", "status", "errors"),
    [
        ({"data": "x", "content_type": "text/plain"}, 415, ["_schema"]),
        ({"data": "{", "content_type": "application/json"}, 400, ["_schema"]),
        ({"data": {"plan": "{}"}, "content_type": "multipart/form-data"}, 422, ["table"]),
        (
            {"data": {"plan": "{", "table": (io.BytesIO(b"a\n1\n"), "t.csv")},
             "content_type": "multipart/form-data"},
            422, ["plan"],
        ),
        (
            {"data": {"plan": "{}", "table": (io.BytesIO(b"x"), "t.ods")},
             "content_type": "multipart/form-data"},
            422, ["table"],
        ),
    ],
)  # fmt: skip
def test_malformed_requests(
    api: FlaskClient, kwargs: dict[str, Any], status: int, errors: list[str]
) -> None:
    response = api.post("/api/v1/batches", **kwargs)
    assert response.status_code == status
    assert list(response.get_json()["errors"]) == errors


def test_idempotency_key(api: FlaskClient, plan: dict[str, Any]) -> None:
    body = {"plan": plan, "rows": commune_rows(2), "fields": ["ten_xa"]}
    key = {"Idempotency-Key": "lo-2024-05-xa"}
    first = api.post("/api/v1/batches", json=body, headers=key)
    again = api.post("/api/v1/batches", json=body, headers=key)
    assert again.status_code == 202 and again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json()["id"] == first.get_json()["id"]
    body["rows"] = commune_rows(3)
    other = api.post("/api/v1/batches", json=body, headers=key)
    assert other.status_code == 422 and list(other.get_json()["errors"]) == ["Idempotency-Key"]
    fresh = api.post("/api/v1/batches", json=body, headers={"Idempotency-Key": "another"})
    assert fresh.get_json()["id"] != first.get_json()["id"]
    finished(api, fresh.get_json()["urls"]["self"])
    finished(api, first.get_json()["urls"]["self"])


def test_batches_are_private_to_their_unit(tmp_path: Path, plan: dict[str, Any]) -> None:
    app = make_app(tmp_path, AUTH_REQUIRED=True)
    try:
        accounts = app.extensions["accounts"]
        ours, theirs = (
            {"X-API-Key": accounts.create_key(unit, "test")[1]}
            for unit in ("xa-quang-thuan", "xa-dong-phuc")
        )
        client = app.test_client()
        body = {"plan": plan, "rows": commune_rows(1), "fields": ["ten_xa"]}
        assert client.post("/api/v1/batches", json=body).status_code == 401
        created = client.post("/api/v1/batches", json=body, headers=ours).get_json()
        for url in created["urls"].values():
            assert client.get(url, headers=theirs).status_code == 404
            assert client.get(url).status_code == 401
        assert finished_with(client, created["urls"]["self"], ours)["done"] == 1
        # The same idempotency key in another unit is another batch.
        key = {"Idempotency-Key": "k"}
        mine = client.post("/api/v1/batches", json=body, headers={**ours, **key}).get_json()
        other = client.post("/api/v1/batches", json=body, headers={**theirs, **key}).get_json()
        assert mine["id"] != other["id"]
    finally:
        app.extensions["batches"].close()


def finished_with(client: FlaskClient, url: str, headers: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        body: dict[str, Any] = client.get(url, headers=headers).get_json()
        if body["finished_at"]:
            return body
        time.sleep(0.05)
    raise AssertionError(f"{url} did not finish")


def test_downloads_wait_for_the_end(
    batch_app: Flask, api: FlaskClient, plan: dict[str, Any]
) -> None:
    batch_app.extensions["batches"].queue = RecordingQueue()  # nobody works on it
    body = {"plan": plan, "rows": commune_rows(1), "fields": ["ten_xa"]}
    created = api.post("/api/v1/batches", json=body).get_json()
    response = api.get(created["urls"]["archive"])
    assert response.status_code == 409 and response.headers["Retry-After"] == "5"
    assert api.get(f"{created['urls']['self']}/merged.pdf").status_code == 404
    status = api.get(created["urls"]["self"]).get_json()
    assert (status["status"], status["pending"], status["eta_seconds"]) == ("queued", 1, None)
    assert api.get("/api/v1/batches/nonexistent").status_code == 404


class DownQueue(RecordingQueue):
    def submit(self, batch_id: str) -> None:
        raise QueueUnavailable("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


def test_a_broker_outage_keeps_the_batch_for_a_retry_with_the_key(
    batch_app: Flask, api: FlaskClient, plan: dict[str, Any]
) -> None:
    runtime = batch_app.extensions["batches"]
    runtime.queue = DownQueue()
    body = {"plan": plan, "rows": commune_rows(1), "fields": ["ten_xa"]}
    key = {"Idempotency-Key": "k"}
    down = api.post("/api/v1/batches", json=body, headers=key)
    assert down.status_code == 503 and down.headers["Retry-After"] == "10"
    runtime.queue = RecordingQueue()
    again = api.post("/api/v1/batches", json=body, headers=key)
    assert again.status_code == 202
    assert runtime.queue.submitted == [again.get_json()["id"]]


def test_pdf_only_where_the_service_converts(tmp_path: Path, plan: dict[str, Any]) -> None:
    app = make_app(tmp_path, PDF_CONVERTER=None)
    try:
        body = {"plan": plan, "rows": commune_rows(1), "fields": ["ten_xa"], "formats": ["pdf"]}
        response = app.test_client().post("/api/v1/batches", json=body)
        assert response.status_code == 422 and list(response.get_json()["errors"]) == ["formats"]
    finally:
        app.extensions["batches"].close()


def test_a_restarted_service_resumes_its_batches(tmp_path: Path, plan: dict[str, Any]) -> None:
    app = make_app(tmp_path)
    app.extensions["batches"].queue = RecordingQueue()  # the service stops before any work
    body = {"plan": plan, "rows": commune_rows(4), "fields": ["ten_xa"]}
    url = app.test_client().post("/api/v1/batches", json=body).get_json()["urls"]["self"]
    restarted = make_app(tmp_path)
    try:
        assert finished(restarted.test_client(), url)["done"] == 4
    finally:
        restarted.extensions["batches"].close()


def test_the_batch_page_and_its_script(api: FlaskClient) -> None:
    page = api.get("/batches", headers={"Accept-Language": "vi"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Tạo văn bản cho nhiều xã" in html
    assert 'src="/static/batch/batch.js"' in html and "<script>" not in html
    with api.get("/static/batch/batch.js") as script:
        assert script.status_code == 200 and b"/api/v1/drafts/" in script.get_data()
    api.set_cookie("lang", "en")
    assert "Documents for many communes" in api.get("/batches").get_data(as_text=True)
