"""Per-client rate limits: 429 with Retry-After instead of letting one client starve others."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from flask import Flask, current_app, request

from schemas.messages import code
from service.http.errors import RequestRejected


class RateLimited(RequestRejected):
    """Too many requests from one client in the current window."""

    def __init__(self, retry_after: int):
        super().__init__(429, {"_schema": [code("rate_limited", retry_after)]})
        self.retry_after = retry_after


class FixedWindow:
    """Counts requests per client per window; in memory, one counter set per process."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str) -> int | None:
        """Count one request; None when allowed, else seconds until the window reopens."""
        now = self.clock()
        current = int(now // self.window)
        with self._lock:
            window, count = self._counts.get(client, (current, 0))
            if window != current:
                window, count = current, 0
                if len(self._counts) > 10_000:  # forget idle clients
                    self._counts = {k: v for k, v in self._counts.items() if v[0] == current}
            if count >= self.limit:
                return max(1, math.ceil((current + 1) * self.window - now))
            self._counts[client] = (window, count + 1)
            return None


def client_key() -> str:
    """Who is asking: an API key's id once authenticated (issue 7), else the address."""
    return str(request.environ.get("plandoc.client") or request.remote_addr or "unknown")


def register(app: Flask) -> None:
    """Limit the expensive endpoints (writes under /api/) and password guessing, per client."""
    limit = int(app.config["RATE_LIMIT_PER_MINUTE"])
    if limit <= 0:
        return
    limiter = FixedWindow(limit, 60.0)
    app.extensions["rate_limiter"] = limiter

    @app.before_request
    def limited() -> None:
        writes = request.path.startswith("/api/") or request.path in ("/login", "/setup")
        if request.method in ("GET", "HEAD", "OPTIONS") or not writes:
            return
        retry = current_app.extensions["rate_limiter"].hit(client_key())
        if retry is not None:
            raise RateLimited(retry)
