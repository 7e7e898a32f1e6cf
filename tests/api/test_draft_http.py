"""Drafts over HTTP as integrators expect: ETags and preconditions, pages with a Link,
idempotent creation, file names that survive any draft name."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from werkzeug.http import parse_options_header

from tests.builders import minimal_plan

DRAFTS = "/api/v1/drafts"


def _create(client: FlaskClient, name: str = "Nháp", **headers: str) -> Any:
    return client.post(DRAFTS, json={"name": name, "data": minimal_plan()}, headers=headers)


def test_etag_on_get_and_put_and_if_match_guards_every_write(client: FlaskClient) -> None:
    created = _create(client)
    url, first = created.headers["Location"], created.headers["ETag"]
    assert client.get(url).headers["ETag"] == first
    saved = client.put(url, json={"data": minimal_plan(place="Mới")}, headers={"If-Match": first})
    assert saved.status_code == 200 and saved.headers["ETag"] not in (first, None)
    stale = client.put(url, json={"data": minimal_plan(place="Cũ")}, headers={"If-Match": first})
    assert stale.status_code == 412 and stale.json["errors"].keys() == {"If-Match"}
    assert client.get(url).json["data"]["place"] == "Mới"  # the stale write changed nothing
    weak = client.put(url, json={"data": {}}, headers={"If-Match": f"W/{saved.headers['ETag']}"})
    assert weak.status_code == 412  # If-Match compares strongly
    renamed = client.patch(url, json={"name": "Khác"}, headers={"If-Match": first})
    assert renamed.status_code == 412
    renamed = client.patch(url, json={"name": "Khác"})  # optional on PATCH
    assert renamed.status_code == 200 and renamed.headers["ETag"] != saved.headers["ETag"]
    assert client.delete(url, headers={"If-Match": saved.headers["ETag"]}).status_code == 412
    assert client.delete(url, headers={"If-Match": renamed.headers["ETag"]}).status_code == 204


def test_without_a_precondition_put_and_delete_are_428(client: FlaskClient) -> None:
    url = _create(client).headers["Location"]
    missing = client.put(url, json={"data": {}})
    assert missing.status_code == 428 and missing.mimetype == "application/problem+json"
    assert client.delete(url).status_code == 428
    assert client.delete(f"{url}?revision=x").status_code == 400
    assert client.delete(f"{url}?revision=2").status_code == 409  # revision, for the form
    assert client.get(url).status_code == 200
    assert client.delete(f"{url}?revision=1").status_code == 204


def test_if_none_match_answers_304_while_current(client: FlaskClient) -> None:
    url = _create(client).headers["Location"]
    tag = client.get(url).headers["ETag"]
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    assert "Content-Type" not in again.headers
    assert client.get(url, headers={"If-None-Match": f'W/{tag}, "other"'}).status_code == 304
    client.put(url, json={"data": {}, "revision": 1})
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 200


def test_list_pages_with_a_cursor_and_a_link(client: FlaskClient) -> None:
    made = [_create(client, f"Nháp {n}").json["id"] for n in range(5)]
    seen, url = [], f"{DRAFTS}?limit=2"
    while url:
        page = client.get(url)
        assert page.status_code == 200
        seen += [d["id"] for d in page.json["drafts"]]
        link = page.headers.get("Link")
        assert (link is None) == (page.json["next_cursor"] is None)
        url = link.split(">")[0].lstrip("<") if link else ""
        assert not link or link.endswith('>; rel="next"')
    assert seen == list(reversed(made))
    assert client.get(f"{DRAFTS}?limit=0").status_code == 400
    assert client.get(f"{DRAFTS}?limit=201").status_code == 400
    bad = client.get(f"{DRAFTS}?cursor=not-ours")
    assert bad.status_code == 400 and bad.json["errors"].keys() == {"cursor"}


def test_idempotency_key_makes_a_retried_create_safe(client: FlaskClient) -> None:
    first = _create(client, **{"Idempotency-Key": "nhap-1"})
    again = _create(client, **{"Idempotency-Key": "nhap-1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json["id"] == first.json["id"] and again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    other = _create(client, "Khác", **{"Idempotency-Key": "nhap-1"})
    assert other.status_code == 422 and other.json["errors"].keys() == {"Idempotency-Key"}
    long = _create(client, **{"Idempotency-Key": "k" * 201})
    assert long.status_code == 400
    assert len(client.get(DRAFTS).json["drafts"]) == 1


def test_export_name_with_a_slash_is_one_file_name(client: FlaskClient) -> None:
    draft = _create(client, 'Kế hoạch 05/KH-UBND "mới"\\2024').json
    exported = client.get(f"{DRAFTS}/{draft['id']}/export")
    _, options = parse_options_header(exported.headers["Content-Disposition"])
    assert options["filename"] == "Kế hoạch 05-KH-UBND -mới-2024.json"
    assert "/" not in exported.headers["Content-Disposition"].split("filename*=")[0]


def test_ids_that_are_not_ours_are_not_routes(client: FlaskClient) -> None:
    assert client.get(f"{DRAFTS}/import").status_code == 405  # only POST /drafts/import
    allowed = client.options(f"{DRAFTS}/import").headers["Allow"]
    assert set(allowed.split(", ")) == {"OPTIONS", "POST"}
    assert client.get(f"{DRAFTS}/not-an-id").status_code == 404
