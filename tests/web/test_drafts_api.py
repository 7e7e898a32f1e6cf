"""The drafts API: every endpoint, its errors, and another unit's drafts that do not exist."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from flask.testing import FlaskClient

from tests.builders import minimal_letter, minimal_plan
from tests.conftest import plan_json


def create(client: FlaskClient, data: dict[str, Any], name: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"data": data} | ({"name": name} if name else {})
    response = client.post("/api/v1/drafts", json=body)
    assert response.status_code == 201, response.json
    assert response.headers["Location"] == f"/api/v1/drafts/{response.json['id']}"
    return dict(response.json)


def test_create_list_get_keep_the_data_exactly_as_typed(client: FlaskClient) -> None:
    half_typed = {"type": "ke_hoach", "title": "", "targets": {"specific": [{"value": "abc"}]}}
    created = create(client, half_typed, name="Nháp")
    plan = create(client, plan_json("ke-hoach-bac-kan-2023"))
    assert plan["name"] == "Thực hiện công tác trẻ em năm 2023"  # named from the title
    listed = client.get("/api/v1/drafts").json["drafts"]
    assert {d["id"] for d in listed} == {created["id"], plan["id"]}
    assert all("data" not in d for d in listed)
    got = client.get(f"/api/v1/drafts/{created['id']}").json
    assert got["data"] == half_typed and got["revision"] == 1 and got["type"] == "ke_hoach"
    assert got["updated_at"].endswith("+00:00")


def test_default_names_before_a_title_is_typed(client: FlaskClient) -> None:
    assert create(client, {"type": "ke_hoach"})["name"] == "Kế hoạch mới"
    assert create(client, {"type": "cong_van"})["name"] == "Công văn mới"
    assert create(client, {})["name"] == "Văn bản mới"


def test_bad_create_requests_name_each_field(client: FlaskClient) -> None:
    cases = [
        ({}, {"data"}),
        ({"data": []}, {"data"}),
        ({"data": {}, "name": "x" * 301}, {"name"}),
        ({"data": {}, "colour": "red"}, {"colour"}),
        ([1, 2], {"_schema"}),
    ]
    for body, paths in cases:
        response = client.post("/api/v1/drafts", json=body)
        assert response.status_code == 422 and set(response.json["errors"]) == paths, body
    assert client.post("/api/v1/drafts", data="x", content_type="text/plain").status_code == 415
    malformed = client.post("/api/v1/drafts", data="{", content_type="application/json")
    assert malformed.status_code == 400


def test_save_with_revision_then_a_stale_save_is_a_conflict(client: FlaskClient) -> None:
    draft = create(client, minimal_plan())
    url = f"/api/v1/drafts/{draft['id']}"
    saved = client.put(url, json={"data": minimal_plan(place="Mới"), "revision": 1})
    assert saved.status_code == 200 and saved.json["revision"] == 2 and "data" not in saved.json
    stale = client.put(url, json={"data": minimal_plan(place="Cũ"), "revision": 1})
    assert stale.status_code == 409
    assert stale.json["errors"]["_schema"][0].startswith("Bản nháp vừa được lưu ở nơi khác")
    assert client.get(url).json["data"]["place"] == "Mới"
    unsaid = client.put(url, json={"data": minimal_plan(place="Cũ")})  # which version?
    assert unsaid.status_code == 428 and client.get(url).json["data"]["place"] == "Mới"
    forced = client.put(url, json={"data": minimal_plan(place="Cũ")}, headers={"If-Match": "*"})
    assert forced.status_code == 200 and client.get(url).json["data"]["place"] == "Cũ"
    bad = client.put(url, json={"data": "x", "revision": "2"})
    assert bad.status_code == 422 and set(bad.json["errors"]) == {"data", "revision"}


def test_rename_duplicate_delete(client: FlaskClient) -> None:
    draft = create(client, plan_json("ke-hoach-bac-kan-2023"), name="Kế hoạch 2023")
    url = f"/api/v1/drafts/{draft['id']}"
    assert client.patch(url, json={"name": "  Kế hoạch trẻ em 2023 "}).json["name"] == (
        "Kế hoạch trẻ em 2023"
    )
    assert client.patch(url, json={"name": ""}).status_code == 422
    copy = client.post(f"{url}/duplicate", json={})
    assert copy.status_code == 201 and copy.json["name"] == "Kế hoạch trẻ em 2023 (bản sao)"
    assert copy.json["parent_id"] == draft["id"]
    named = client.post(f"{url}/duplicate", json={"name": "Kế hoạch 2024"}).json
    assert client.get(f"/api/v1/drafts/{named['id']}").json["data"] == plan_json(
        "ke-hoach-bac-kan-2023"
    )
    assert client.delete(url).status_code == 428  # say which version goes
    deleted = client.delete(url, headers={"If-Match": client.get(url).headers["ETag"]})
    assert deleted.status_code == 204 and "Content-Type" not in deleted.headers
    assert client.get(url).status_code == 404
    assert client.delete(f"{url}?revision=1").status_code == 404


def test_export_and_import_the_plan_json(client: FlaskClient) -> None:
    data = plan_json("ke-hoach-bao-linh-2024")
    draft = create(client, data, name="Bảo Linh 2024")
    exported = client.get(f"/api/v1/drafts/{draft['id']}/export")
    assert exported.status_code == 200 and exported.mimetype == "application/json"
    disposition = exported.headers["Content-Disposition"]
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "Bảo Linh 2024.json"
    assert json.loads(exported.data) == data
    imported = client.post(
        "/api/v1/drafts/import", data=exported.data, content_type="application/json"
    )
    assert imported.status_code == 201 and imported.json["name"] == imported.json["title"]
    assert client.get(f"/api/v1/drafts/{imported.json['id']}").json["data"] == data
    assert client.post("/api/v1/drafts/import", json=[data]).status_code == 422


COMMUNE: dict[str, Any] = {
    "issuer": {"name": "ỦY BAN NHÂN DÂN XÃ DƯƠNG QUANG", "abbreviation": "UBND"},
    "place": "Dương Quang",
    "date": "2023-05",
    "signer": {"collective": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Hà Văn Bình"},
    "recipients": ["UBND thành phố (b/c)"],
}


def test_cascade_from_a_draft_gives_the_lower_level_its_plan(client: FlaskClient) -> None:
    parent = create(client, plan_json("ke-hoach-bac-kan-2023"))
    response = client.post(
        "/api/v1/drafts/cascade", json={"parent_id": parent["id"], "header": COMMUNE}
    )
    assert response.status_code == 201 and response.json["parent_id"] == parent["id"]
    assert response.json["name"] == "Thực hiện công tác trẻ em năm 2023 – Dương Quang"
    child = client.get(f"/api/v1/drafts/{response.json['id']}").json["data"]
    assert child["preamble"] == [
        "Thực hiện Kế hoạch số .../KH-UBND ngày ... của Ủy ban nhân dân thành phố Bắc Kạn "
        "về thực hiện công tác trẻ em năm 2023."
    ]
    assert child["issuer"] == COMMUNE["issuer"] and child["tasks"] == parent_tasks()
    assert client.post("/api/v1/documents/validate", json=child).status_code == 200


def parent_tasks() -> Any:
    return plan_json("ke-hoach-bac-kan-2023")["tasks"]


def test_cascade_from_an_uploaded_plan_with_a_name(client: FlaskClient) -> None:
    body = {"parent": plan_json("ke-hoach-bac-kan-2023"), "header": COMMUNE, "name": "KH xã"}
    response = client.post("/api/v1/drafts/cascade", json=body)
    assert response.status_code == 201 and response.json["name"] == "KH xã"
    assert response.json["parent_id"] is None


def test_cascade_errors_say_which_side_is_wrong(client: FlaskClient) -> None:
    parent = plan_json("ke-hoach-bac-kan-2023")
    cases: list[tuple[dict[str, Any], set[str]]] = [
        ({"parent": parent, "header": {**COMMUNE, "place": ""}}, {"place"}),
        (
            {"parent": parent, "header": {**COMMUNE, "signer": {"title": "CHỦ TỊCH"}}},
            {"signer.name"},
        ),
        ({"parent": {**parent, "title": ""}, "header": COMMUNE}, {"parent.title"}),
        ({"parent": minimal_letter(), "header": COMMUNE}, {"parent.type"}),
        ({"parent": parent, "header": {**COMMUNE, "title": "Khác"}}, {"title"}),
        ({"header": COMMUNE}, {"parent_id"}),
        ({"parent": parent}, {"header"}),
    ]
    for body, paths in cases:
        response = client.post("/api/v1/drafts/cascade", json=body)
        assert response.status_code == 422 and set(response.json["errors"]) == paths, paths
    assert client.get("/api/v1/drafts").json["drafts"] == []


def test_messages_in_english_on_request(client: FlaskClient) -> None:
    response = client.post("/api/v1/drafts", json={}, headers={"Accept-Language": "en"})
    assert response.json["errors"] == {"data": ["This field is required."]}


def test_another_units_draft_does_not_exist(
    client: FlaskClient, other_unit: Callable[..., Any]
) -> None:
    draft = create(client, plan_json("ke-hoach-bac-kan-2023"))
    url = f"/api/v1/drafts/{draft['id']}"
    assert other_unit("get", "/api/v1/drafts").json == {"drafts": [], "next_cursor": None}
    attempts = [
        other_unit("get", url),
        other_unit("put", url, json={"data": {}, "revision": 1}),
        other_unit("patch", url, json={"name": "x"}),
        other_unit("delete", url, headers={"If-Match": "*"}),
        other_unit("post", f"{url}/duplicate", json={}),
        other_unit("get", f"{url}/export"),
        other_unit(
            "post", "/api/v1/drafts/cascade", json={"parent_id": draft["id"], "header": COMMUNE}
        ),
        other_unit("get", f"/drafts/{draft['id']}"),
    ]
    assert [a.status_code for a in attempts] == [404] * len(attempts)
    own = client.get(url).json
    assert own["data"] == plan_json("ke-hoach-bac-kan-2023") and own["name"] == draft["name"]
    assert len(client.get("/api/v1/drafts").json["drafts"]) == 1
