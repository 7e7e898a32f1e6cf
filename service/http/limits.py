"""Rate limits (Flask-Limiter): writes per client, and sign-in attempts per client and per
account; counted in memory, or in Redis shared by every worker and machine; `RateLimit-*`
headers on every limited answer, 429 with Retry-After past the limit."""

from __future__ import annotations

import math
import time
from typing import Any

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter, RateLimitExceeded
from limits.storage import MemoryStorage

from schemas.messages import code
from service.http.errors import error_response

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
MEMORY = "plandoc-memory"
SIGN_IN = ("/login", "/setup")
PREFIX = "plandoc-limits"


class SweptMemoryStorage(MemoryStorage):
    """`limits`' in-process counters, expired by the requests themselves once a second.

    Its parent starts a timer thread to expire counters whenever the last one has ended,
    which is after almost every request of a service not flooded with them: a new thread
    per request (measured: about a third of a millisecond each, on every write)."""

    STORAGE_SCHEME = [MEMORY]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._next_sweep = 0.0

    def _MemoryStorage__schedule_expiry(self) -> None:  # noqa: N802 - the parent's private hook
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + 1.0
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]


def limited(path: str, method: str) -> bool:
    """Whether a request counts against its client's write limit."""
    return method in UNSAFE and (path.startswith("/api/") or path in SIGN_IN)


def client_key() -> str:
    """Who is asking: an API key's id or a user once identified, else the client's address
    (the real one behind a trusted proxy, see PLANDOC_TRUSTED_PROXIES)."""
    return str(request.environ.get("plandoc.client") or request.remote_addr or "unknown")


def account_key() -> str:
    """The account a sign-in attempt is for, whoever sends it."""
    return "account:" + request.form.get("username", "").strip().lower()[:100]


def register(app: Flask, storage_uri: str) -> None:
    """Count writes per client, and failed sign-ins per client and per account."""
    per_minute = int(app.config["RATE_LIMIT_PER_MINUTE"])
    limiter = Limiter(
        client_key,
        app=app,
        application_limits=[f"{per_minute} per minute"] if per_minute > 0 else [],
        application_limits_exempt_when=lambda: not limited(request.path, request.method),
        storage_uri=storage_uri,
        strategy="fixed-window",
        key_prefix=PREFIX,
        in_memory_fallback_enabled=True,  # Redis down: count per process rather than fail
        enabled=per_minute > 0,
    )
    app.extensions["rate_limiter"] = limiter
    login: Any = app.view_functions["account.login"]
    for amount, key in (
        (app.config["LOGIN_LIMIT_PER_CLIENT"], client_key),
        (app.config["LOGIN_LIMIT_PER_ACCOUNT"], account_key),
    ):
        login = limiter.limit(
            amount, key_func=key, methods=["POST"], deduct_when=_failed, override_defaults=False
        )(login)
    app.view_functions["account.login"] = login

    @app.after_request
    def headers(response: Response) -> Response:
        current = limiter.current_limit if limiter.enabled else None
        if current is not None:
            response.headers["RateLimit-Limit"] = str(current.limit.amount)
            response.headers["RateLimit-Remaining"] = str(max(0, current.remaining))
            response.headers["RateLimit-Reset"] = str(_seconds_until(current.window[0]))
        return response

    @app.errorhandler(RateLimitExceeded)
    def too_many(error: RateLimitExceeded) -> Response:
        current = current_app.extensions["rate_limiter"].current_limit
        retry = _seconds_until(current.window[0]) if current is not None else 60
        return error_response(
            429, {"_schema": [code("rate_limited", retry)]}, **{"Retry-After": str(retry)}
        )


def _failed(response: Response) -> bool:
    """Only a refused sign-in counts against the sign-in limits."""
    return response.status_code == 401


def _seconds_until(moment: float) -> int:
    return max(1, math.ceil(moment - time.time()))
