"""Authentication at the edge: API keys scoped to a unit, sessions with CSRF, 401 otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from service.accounts import Accounts
from service.http import create_app
from tests.builders import minimal_plan


@pytest.fixture()
def secured(tmp_path: Path) -> Flask:
    return create_app(
        {"TESTING": True, "AUTH_REQUIRED": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"}
    )


def test_api_needs_a_key_when_auth_is_required(secured: Flask) -> None:
    client = secured.test_client()
    response = client.get("/api/v1/drafts")
    assert response.status_code == 401 and "Bearer" in response.headers["WWW-Authenticate"]
    assert client.post("/api/v1/batches/validate", json={}).status_code == 401
    assert client.get("/api/v1/openapi.json").status_code == 200  # the description is public


def test_rendering_is_closed_by_default_and_opens_by_setting(
    secured: Flask, tmp_path: Path
) -> None:
    for path in ("/api/v1/documents", "/api/v1/documents/validate"):
        assert secured.test_client().post(path, json=minimal_plan()).status_code == 401
    assert secured.test_client().post("/api/v1/check").status_code == 401
    opened = create_app({"TESTING": True, "AUTH_REQUIRED": True, "PUBLIC_RENDERING": True,
                         "DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"})  # fmt: skip
    client = opened.test_client()
    assert client.post("/api/v1/documents/validate", json=minimal_plan()).status_code == 200
    assert client.post("/api/v1/documents", json=minimal_plan()).status_code == 200
    assert client.get("/api/v1/drafts").status_code == 401  # a unit's data never opens


def test_valid_key_passes_revoked_or_forged_key_does_not(secured: Flask) -> None:
    accounts: Accounts = secured.extensions["accounts"]
    record, key = accounts.create_key("huyen-dinh-hoa", "một cửa")
    client = secured.test_client()
    ok = client.get("/api/v1/drafts", headers={"Authorization": f"Bearer {key}"})
    assert ok.status_code == 200
    forged = client.get("/api/v1/drafts", headers={"X-API-Key": key[:-2] + "zz"})
    assert forged.status_code == 401
    accounts.revoke_key(record.id)
    revoked = client.get("/api/v1/drafts", headers={"X-API-Key": key})
    assert revoked.status_code == 401
    # a key that is sent must be valid
    assert (
        client.post(
            "/api/v1/documents/validate", json=minimal_plan(), headers={"X-API-Key": key}
        ).status_code
        == 401
    )
    assert client.get("/healthz", headers={"X-API-Key": key}).status_code == 200  # not /api
    valid = accounts.create_key("huyen-dinh-hoa", "khác")[1]
    page = client.post("/preview", json=minimal_plan(), headers={"X-API-Key": valid})
    assert page.status_code == 302  # keys open the API only; the pages need a signed-in officer


def test_session_writes_need_the_csrf_token(secured: Flask) -> None:
    accounts: Accounts = secured.extensions["accounts"]
    user = accounts.create_user("lan", "một mật khẩu dài", "xa-a")
    client = secured.test_client()
    with client.session_transaction() as session:
        session["user_id"], session["csrf"] = user.id, "token-123"
        session["version"] = user.session_version
    without = client.post("/api/v1/documents/validate", json=minimal_plan())
    assert without.status_code == 403
    assert without.json["errors"]["_schema"][0].startswith("Phiên làm việc")
    with_token = client.post(
        "/api/v1/documents/validate", json=minimal_plan(), headers={"X-CSRF-Token": "token-123"}
    )
    assert with_token.status_code == 200


def test_session_key_is_kept_beside_the_database(tmp_path: Path) -> None:
    first = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"})
    second = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"})
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
