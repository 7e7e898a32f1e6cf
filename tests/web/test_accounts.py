"""Signing in, the first administrator, and one unit never seeing another unit's drafts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.accounts import Accounts
from service.http import create_app
from tests.builders import minimal_plan

PASSWORD = "một mật khẩu dài"


@pytest.fixture()
def secured(tmp_path: Path) -> Flask:
    return create_app(
        {
            "TESTING": True,
            "AUTH_REQUIRED": True,
            "PDF_CONVERTER": None,
            "DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}",
        }
    )


def _token(client: FlaskClient, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, page[:300]
    return match.group(1)


def _login(app: Flask, username: str) -> tuple[FlaskClient, str]:
    client = app.test_client()
    client.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": _token(client, "/login")},
    )
    with client.session_transaction() as session:
        return client, str(session["csrf"])


def test_fresh_installation_asks_for_the_first_administrator(secured: Flask) -> None:
    client = secured.test_client()
    assert client.get("/").headers["Location"].startswith("/login")
    assert client.get("/login").headers["Location"] == "/setup"
    token = _token(client, "/setup")
    made = client.post(
        "/setup",
        data={
            "unit": "UBND xã Quang Thuận",
            "username": "lan",
            "password": PASSWORD,
            "password_again": PASSWORD,
            "csrf_token": token,
        },
    )
    assert made.status_code == 302 and made.headers["Location"] == "/"
    home = client.get("/").get_data(as_text=True)
    assert "lan · UBND xã Quang Thuận" in home  # the unit by its name, not its slug (issue 11)
    assert client.get("/setup").status_code == 404  # only while no account exists


def test_setup_is_refused_from_another_machine(secured: Flask) -> None:
    client = secured.test_client()
    assert client.get("/setup", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 404


def test_setup_refuses_a_short_password_and_keeps_nothing(secured: Flask) -> None:
    client = secured.test_client()
    short = client.post(
        "/setup",
        data={
            "unit": "Xã A",
            "username": "lan",
            "password": "ngắn",
            "password_again": "ngắn",
            "csrf_token": _token(client, "/setup"),
        },
    )
    assert short.status_code == 422 and not secured.extensions["accounts"].has_users()


def test_login_logout_and_no_open_redirect(secured: Flask) -> None:
    accounts: Accounts = secured.extensions["accounts"]
    accounts.create_user("lan", PASSWORD, "xa-a")
    client = secured.test_client()
    wrong = client.post(
        "/login",
        data={
            "username": "lan",
            "password": "sai mật khẩu nhé",
            "csrf_token": _token(client, "/login"),
        },
    )
    assert wrong.status_code == 401 and "Sai tên đăng nhập" in wrong.get_data(as_text=True)
    token = _token(client, "/login")
    evil = client.post(
        "/login",
        data={
            "username": "lan",
            "password": PASSWORD,
            "next": "//evil.example/x",
            "csrf_token": token,
        },
    )
    assert evil.headers["Location"] == "/"
    assert client.post("/logout").status_code == 403  # a write without the CSRF token
    with client.session_transaction() as session:
        csrf = session["csrf"]
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 302
    assert client.get("/").status_code == 302


def test_login_form_needs_its_token(secured: Flask) -> None:
    secured.extensions["accounts"].create_user("lan", PASSWORD, "xa-a")
    response = secured.test_client().post("/login", data={"username": "lan", "password": PASSWORD})
    assert response.status_code == 400


def test_another_units_officer_gets_404_not_the_draft(secured: Flask) -> None:
    accounts: Accounts = secured.extensions["accounts"]
    accounts.create_user("lan", PASSWORD, "xa-a")
    accounts.create_user("hoa", PASSWORD, "xa-b")
    lan, lan_csrf = _login(secured, "lan")
    created = lan.post(
        "/api/v1/drafts",
        json={"name": "Riêng xã A", "data": minimal_plan()},
        headers={"X-CSRF-Token": lan_csrf},
    )
    assert created.status_code in (200, 201), created.json
    draft_id = created.json["id"]
    hoa, _ = _login(secured, "hoa")
    assert hoa.get(f"/api/v1/drafts/{draft_id}").status_code == 404
    assert hoa.get(f"/drafts/{draft_id}").status_code == 404
    assert all(d["id"] != draft_id for d in hoa.get("/api/v1/drafts").json["drafts"])
    assert lan.get(f"/api/v1/drafts/{draft_id}").status_code == 200


def test_api_key_acts_for_its_unit_only(secured: Flask) -> None:
    accounts: Accounts = secured.extensions["accounts"]
    accounts.create_user("lan", PASSWORD, "xa-a")
    _, key_a = accounts.create_key("xa-a", "a")
    _, key_b = accounts.create_key("xa-b", "b")
    client = secured.test_client()
    made = client.post(
        "/api/v1/drafts",
        json={"name": "Qua API", "data": minimal_plan()},
        headers={"X-API-Key": key_a},
    )
    draft_id = made.json["id"]
    assert client.get(f"/api/v1/drafts/{draft_id}", headers={"X-API-Key": key_b}).status_code == 404
    assert client.get(f"/api/v1/drafts/{draft_id}", headers={"X-API-Key": key_a}).status_code == 200
    assert client.get("/api/v1/drafts").status_code == 401


def _cookie(response: Any) -> str:
    return next(v for k, v in response.headers.items() if k == "Set-Cookie" and "session=" in v)


def test_session_cookie_is_lax_http_only_and_secure_over_https(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "PDF_CONVERTER": None, "TRUSTED_PROXIES": 1,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"})  # fmt: skip
    app.extensions["accounts"].create_user("lan", PASSWORD, "xa-a")
    plain = _cookie(app.test_client().get("/login"))
    assert "SameSite=Lax" in plain and "HttpOnly" in plain and "Secure" not in plain
    behind_https = app.test_client().get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in _cookie(behind_https)
    direct_https = app.test_client().get("/login", base_url="https://localhost")
    assert "Secure" in _cookie(direct_https)


def test_logout_revokes_the_cookie_even_if_kept(secured: Flask) -> None:
    secured.extensions["accounts"].create_user("lan", PASSWORD, "xa-a")
    client, csrf = _login(secured, "lan")
    kept = client.get_cookie("session")
    assert kept is not None and client.get("/api/v1/drafts").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 302
    thief = secured.test_client()
    thief.set_cookie("session", kept.value)  # the cookie as it was before the logout
    assert thief.get("/api/v1/drafts").status_code == 401
    assert thief.get("/").headers["Location"].startswith("/login")
    again, _ = _login(secured, "lan")  # a new sign-in works as before
    assert again.get("/api/v1/drafts").status_code == 200


def test_setup_checks_the_real_client_behind_a_proxy(tmp_path: Path) -> None:
    def setup_status(proxies: int, forwarded_for: str | None) -> int:
        app = create_app({"TESTING": True, "PDF_CONVERTER": None, "TRUSTED_PROXIES": proxies,
                          "DATABASE_URL": f"sqlite:///{tmp_path / f'p{proxies}.db'}"})  # fmt: skip
        headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
        return int(app.test_client().get("/setup", headers=headers).status_code)

    assert setup_status(1, "203.0.113.9") == 404  # through the proxy, from elsewhere
    assert setup_status(1, "127.0.0.1") == 200  # through the proxy, from this machine
    assert setup_status(0, None) == 200  # straight from this machine
    assert setup_status(0, "203.0.113.9") == 404  # a proxy we were not told about
