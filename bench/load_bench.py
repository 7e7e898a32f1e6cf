"""Load on loopback: gunicorn at saturation for a bounded time, latency, errors and memory.

Only 127.0.0.1 is ever targeted; every loop is bounded in count and time and stops by itself.
`python -m bench.load_bench [seconds] [docx|pdf]`.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests/fixtures/plans/ke-hoach-bac-kan-2023.json"
BACK_PRESSURE = {429, 503}  # documented answers to overload, not errors
MAX_REQUESTS = 200_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants (gunicorn master, workers, soffice)."""
    pids, total = [pid], 0
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(
                next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
            )
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
        pids.extend(int(c) for c in children)
    return total


def _start_server(
    port: int, workdir: Path, workers: int = 2, extra_env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """gunicorn with `workers` processes of 4 threads, answering HTTP once this returns."""
    env = (
        os.environ
        | (extra_env or {})
        | {
            "PLANDOC_DATABASE_URL": f"sqlite:///{workdir / 'load.db'}",
            "PLANDOC_RATE_LIMIT_PER_MINUTE": "0",  # one client measures saturation, not fairness
            "PLANDOC_AUTH_REQUIRED": "false",
        }
    )
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        "4",
        "--timeout",
        "120",
        "wsgi:app",
    ]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/api/v1/openapi.json")
            if connection.getresponse().status == 200:  # a worker answers, not just the socket
                return server
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    server.kill()
    raise RuntimeError(f"gunicorn did not start (exit status {server.poll()})")


def _client(port: int, path: str, body: bytes, stop: float, out: list[tuple[int, float]]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while time.monotonic() < stop and len(out) < MAX_REQUESTS:
        start = time.perf_counter()
        try:
            connection.request("POST", path, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0  # a dropped connection is an error
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        out.append((status, time.perf_counter() - start))
    connection.close()


def _phase(
    port: int, path: str, body: bytes, seconds: float, clients: int
) -> list[tuple[int, float]]:
    results: list[list[tuple[int, float]]] = [[] for _ in range(clients)]
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, path, body, stop, results[i]))
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [r for rs in results for r in rs]


def run(seconds: float = 60, fmt: str = "docx", clients: int = 8) -> dict[str, Any]:
    """Warm up, then `seconds` at saturation; figures for the report."""
    body = EXAMPLE.read_bytes()
    path = f"/api/v1/documents?format={fmt}"
    with tempfile.TemporaryDirectory() as workdir:
        port = _free_port()
        server = _start_server(port, Path(workdir))
        try:
            _phase(port, path, body, min(10.0, seconds / 4), clients)
            warm_kib = _tree_rss_kib(server.pid)
            results = _phase(port, path, body, seconds, clients)
            end_kib = _tree_rss_kib(server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    statuses = Counter(status for status, _ in results)
    latencies = sorted(t for status, t in results if status == 200)
    errors = sum(
        n for status, n in statuses.items() if status != 200 and status not in BACK_PRESSURE
    )
    return {
        "format": fmt,
        "seconds": seconds,
        "clients": clients,
        "requests": len(results),
        "statuses": dict(statuses),
        "errors": errors,
        "throughput": statuses[200] / seconds,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else None,
        "p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000 if latencies else None,
        "rss_warm_mib": warm_kib / 1024,
        "rss_end_mib": end_kib / 1024,
        "rss_growth_pct": 100 * (end_kib - warm_kib) / warm_kib if warm_kib else None,
    }


def report(figures: dict[str, Any]) -> str:
    """Human-readable lines."""
    return (
        f"Load, {figures['format'].upper()}, {figures['seconds']:.0f} s, {figures['clients']} "
        f"clients on 127.0.0.1 (gunicorn 2 workers x 4 threads)\n"
        f"  requests {figures['requests']}, statuses {figures['statuses']}, "
        f"errors (not 429/503) {figures['errors']}\n"
        f"  throughput {figures['throughput']:.1f}/s, p50 {figures['p50_ms']:.0f} ms, "
        f"p99 {figures['p99_ms']:.0f} ms\n"
        f"  memory after warm-up {figures['rss_warm_mib']:.0f} MiB, at the end "
        f"{figures['rss_end_mib']:.0f} MiB ({figures['rss_growth_pct']:+.1f} %, goal within 10 %)"
    )


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    for fmt in sys.argv[2:] or ["docx"]:
        print(report(run(seconds, fmt)), flush=True)
    print(json.dumps({"done": True}))
