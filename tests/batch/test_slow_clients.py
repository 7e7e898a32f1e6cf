"""Slow clients (issue 15): with nginx in front (`PROXY=nginx bash scripts/run.sh`), 50
connections sending their bodies a byte every half second hold nothing of gunicorn's:
ordinary requests made meanwhile are all answered, quickly. (`python -m
bench.slow_clients_bench` measures gunicorn alone too.)"""

from __future__ import annotations

import pytest

from bench.slow_clients_bench import measure

pytestmark = pytest.mark.slow


def test_nginx_answers_ordinary_requests_while_50_clients_send_slowly() -> None:
    figures = measure("nginx", seconds=20, senders=50, ordinary=16)
    print(figures)
    assert figures["answered"] == figures["asked"] == 16
    assert figures["slowest_s"] < 5
