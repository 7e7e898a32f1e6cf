"""Rate limits: per client (its key, its user, or its real address behind a trusted proxy),
sign-ins per account too, RateLimit-* headers, and one count shared by every worker over
Redis (a real redis-server)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from service.http import create_app
from tests.batch.faults import redis_server
from tests.builders import minimal_plan

VALIDATE = "/api/v1/documents/validate"


def _app(tmp_path: Path, name: str = "limits.db", **config: Any) -> Flask:
    base = {"TESTING": True, "AUTH_REQUIRED": True, "PDF_CONVERTER": None,
            "DATABASE_URL": f"sqlite:///{tmp_path / name}"}  # fmt: skip
    return create_app({**base, **config})


def _key(app: Flask, unit: str = "xa-a") -> dict[str, str]:
    return {"X-API-Key": app.extensions["accounts"].create_key(unit, "test")[1]}


def test_headers_count_down_then_429_with_retry_after(tmp_path: Path) -> None:
    app = _app(tmp_path, RATE_LIMIT_PER_MINUTE=3)
    client, key = app.test_client(), _key(app)
    answers = [client.post(VALIDATE, json=minimal_plan(), headers=key) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["RateLimit-Remaining"] for a in answers[:3]] == ["2", "1", "0"]
    assert {a.headers["RateLimit-Limit"] for a in answers} == {"3"}
    assert all(1 <= int(a.headers["RateLimit-Reset"]) <= 60 for a in answers)
    limited = answers[3]
    assert limited.mimetype == "application/problem+json" and limited.json["status"] == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.json["errors"]["_schema"][0].startswith("Quá nhiều yêu cầu")
    reads = client.get("/api/v1/drafts", headers=key)
    assert reads.status_code == 200 and "RateLimit-Limit" not in reads.headers
    other = client.post(VALIDATE, json=minimal_plan(), headers=_key(app, "xa-b"))
    assert other.status_code == 200  # another key, another count


def test_behind_a_trusted_proxy_each_real_client_has_its_own_count(tmp_path: Path) -> None:
    def statuses(app: Flask) -> list[int]:
        client = app.test_client()
        return [
            client.post("/login", data={"username": "x", "password": "y"},
                        headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
            for n in (1, 1, 2)
        ]  # fmt: skip

    opened = {"RATE_LIMIT_PER_MINUTE": 2}
    app = _app(tmp_path, "a.db", TRUSTED_PROXIES=1, **opened)
    app.extensions["accounts"].create_user("lan", "một mật khẩu dài", "xa-a")
    assert statuses(app)[2] != 429  # 203.0.113.2 is someone else
    direct = _app(tmp_path, "b.db", **opened)  # no proxy configured: headers are not trusted
    direct.extensions["accounts"].create_user("lan", "một mật khẩu dài", "xa-a")
    assert statuses(direct)[2] == 429


def _sign_in(app: Flask, username: str, address: str) -> int:
    client = app.test_client()
    page = client.get("/login", environ_base={"REMOTE_ADDR": address}).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match
    data = {"username": username, "password": "sai mật khẩu", "csrf_token": match.group(1)}
    return client.post("/login", data=data, environ_base={"REMOTE_ADDR": address}).status_code


def test_failed_sign_ins_are_limited_per_account_from_any_address(tmp_path: Path) -> None:
    app = _app(tmp_path, LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    app.extensions["accounts"].create_user("lan", "một mật khẩu dài", "xa-a")
    tries = [_sign_in(app, "lan", f"198.51.100.{n}") for n in range(5)]
    assert tries == [401, 401, 401, 429, 429]
    assert _sign_in(app, "LAN ", "198.51.100.9") == 429  # the same account, however typed
    assert _sign_in(app, "minh", "198.51.100.10") == 401  # other accounts are not locked


def test_failed_sign_ins_are_limited_per_client(tmp_path: Path) -> None:
    app = _app(tmp_path, LOGIN_LIMIT_PER_CLIENT="2 per minute")
    app.extensions["accounts"].create_user("lan", "một mật khẩu dài", "xa-a")
    tries = [_sign_in(app, f"user{n}", "198.51.100.7") for n in range(3)]
    assert tries == [401, 401, 429]
    assert _sign_in(app, "user9", "198.51.100.8") == 401


@pytest.mark.redis
def test_workers_share_one_count_through_redis(tmp_path: Path) -> None:
    with redis_server() as url:
        workers = [_app(tmp_path, "shared.db", RATE_LIMIT_PER_MINUTE=4, REDIS_URL=url)
                   for _ in range(2)]  # two gunicorn workers, or two machines  # fmt: skip
        key = _key(workers[0])
        answers = [
            workers[n % 2].test_client().post(VALIDATE, json=minimal_plan(), headers=key)
            for n in range(5)
        ]
        assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
        assert [a.headers["RateLimit-Remaining"] for a in answers[:4]] == ["3", "2", "1", "0"]
        alone = _app(tmp_path, "alone.db", RATE_LIMIT_PER_MINUTE=4)  # memory: its own count
        assert alone.test_client().post(VALIDATE, json=minimal_plan(),
                                        headers=_key(alone)).status_code == 200  # fmt: skip
