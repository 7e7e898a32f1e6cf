"""Errors are RFC 9457 problem details in the request's language, with our `errors` map."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.builders import minimal_plan


def test_invalid_plan_is_a_problem_with_every_field(client: FlaskClient) -> None:
    plan = minimal_plan(signer={"mode": "KT", "title": "PHÓ CHỦ TỊCH", "name": "An"})
    del plan["place"]
    response = client.post("/api/v1/documents", json=plan)
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    body = response.json
    assert body == {
        "type": "urn:plandoc:problem:invalid",
        "title": "Yêu cầu không đúng hợp đồng dữ liệu",
        "status": 422,
        "detail": f"{next(iter(body['errors']))}: {next(iter(body['errors'].values()))[0]} "
        "(và 1 lỗi khác)",
        "instance": "/api/v1/documents",
        "code": 422,
        "errors": {
            "place": ["Trường này là bắt buộc."],
            "signer.head": [
                "Ký thay (KT.), thừa lệnh (TL.), thừa ủy quyền (TUQ.) cần chức danh người đứng đầu."
            ],
        },
    }
    assert response.headers["Content-Language"] == "vi"
    assert "Accept-Language" in response.headers["Vary"]


def test_english_on_request(client: FlaskClient) -> None:
    response = client.post("/api/v1/documents/validate", json={"type": "ke_hoach"},
                           headers={"Accept-Language": "en-GB,en;q=0.9"})  # fmt: skip
    assert response.headers["Content-Language"] == "en"
    assert response.json["title"] == "The request breaks the contract"
    assert response.json["errors"]["place"] == ["This field is required."]
    assert response.json["detail"].endswith("more)")


def test_http_errors_are_problems_too(client: FlaskClient) -> None:
    missing = client.get("/api/v1/nothing")
    assert missing.status_code == 404 and missing.json["type"] == "urn:plandoc:problem:not-found"
    assert missing.json["detail"] == "Không tìm thấy."
    wrong = client.get("/api/v1/documents")
    assert wrong.status_code == 405 and wrong.mimetype == "application/problem+json"
    assert wrong.headers["Allow"] == "OPTIONS, POST"
    malformed = client.post("/api/v1/documents", data="{", content_type="application/json")
    assert malformed.status_code == 400 and malformed.json["status"] == 400
    assert malformed.json["errors"] == {"_schema": ["Nội dung gửi lên không phải JSON hợp lệ."]}


def test_a_response_that_translated_nothing_does_not_vary(client: FlaskClient) -> None:
    response = client.post("/api/v1/documents", json=minimal_plan())
    assert response.status_code == 200 and "Content-Language" not in response.headers
