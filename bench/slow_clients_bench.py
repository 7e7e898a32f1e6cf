"""Slow clients on loopback (issue 15): 50 connections send a request body a byte every
half second for 20 s while 16 ordinary requests are made, one every second; the service started by
`scripts/run.sh` alone (gunicorn, 2 workers x 4 threads), then with nginx in front
(`PROXY=nginx`). Figures: the ordinary requests answered, and how long they took.

`python -m bench slow_clients [seconds]`
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SLOW_HEAD = (
    b"POST /api/v1/documents/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"
)


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answer_seconds(port: int, timeout: float) -> float | None:
    """Seconds one ordinary request (the OpenAPI description) took; None if unanswered."""
    began = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/api/v1/openapi.json")
        response = connection.getresponse()
        response.read()
        return time.monotonic() - began if response.status == 200 else None
    except OSError:
        return None
    finally:
        connection.close()


def serve(proxy: str, workdir: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`scripts/run.sh` on a free port (nginx in front when `proxy`), once it answers."""
    port = free_port()
    env = os.environ | {
        "PLANDOC_DATABASE_URL": f"sqlite:///{workdir / 'slow.db'}",
        "PLANDOC_STORAGE_DIR": str(workdir / "storage"),
        "PLANDOC_RATE_LIMIT_PER_MINUTE": "0",
        "BIND": f"127.0.0.1:{port}",
        "PROXY": proxy,
        "UPSTREAM": f"127.0.0.1:{free_port()}",
        "NGINX_STATE": str(workdir / "nginx"),
    }
    with (workdir / f"{proxy or 'gunicorn'}.log").open("ab") as log:
        process = subprocess.Popen(
            ["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=log, stderr=log,
            start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + 90
    while answer_seconds(port, 5) is None:
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"the service did not start; see {workdir}")
        time.sleep(0.3)
    return process, port


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to run.sh (which stops nginx and gunicorn), then wait for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def slow_sender(port: int, until: float) -> None:
    """Headers, then a byte of the body every half second until `until`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(SLOW_HEAD)
            while time.monotonic() < until:
                connection.sendall(b" ")
                time.sleep(0.5)
    except OSError:
        return  # dropped by the server: it no longer holds anything


def measure(
    proxy: str, seconds: float = 20, senders: int = 50, ordinary: int = 16
) -> dict[str, Any]:
    """Ordinary requests answered while `senders` slow clients send for `seconds`."""
    with tempfile.TemporaryDirectory(prefix="slow-clients-") as work:
        process, port = serve(proxy, Path(work))
        try:
            until = time.monotonic() + seconds
            slow = [
                threading.Thread(target=slow_sender, args=(port, until), daemon=True)
                for _ in range(senders)
            ]
            for thread in slow:
                thread.start()
            time.sleep(2)  # every slow client connected and sending
            results: list[float | None] = [None] * ordinary

            def ask(index: int) -> None:
                results[index] = answer_seconds(port, max(until - time.monotonic(), 1))

            askers = [threading.Thread(target=ask, args=(n,)) for n in range(ordinary)]
            for thread in askers:  # spread over the slow clients' time
                thread.start()
                time.sleep((seconds - 4) / ordinary)
            for thread in askers:
                thread.join()
            for thread in slow:
                thread.join()
        finally:
            stop(process)
    answered = [r for r in results if r is not None]
    return {
        "server": "nginx + gunicorn" if proxy else "gunicorn",
        "senders": senders,
        "seconds": seconds,
        "answered": len(answered),
        "asked": ordinary,
        "slowest_s": round(max(answered), 3) if answered else None,
    }


def run(seconds: float = 20) -> dict[str, Any]:
    """Both ways of serving, one after the other."""
    return {"direct": measure("", seconds), "nginx": measure("nginx", seconds)}


def report(figures: dict[str, Any]) -> str:
    """One line per way of serving."""
    lines = ["slow clients (50 connections, a byte every 0.5 s) and 16 ordinary requests:"]
    for row in figures.values():
        lines.append(
            f"  {row['server']:<17} answered {row['answered']}/{row['asked']} within "
            f"{row['seconds']:g} s, slowest {row['slowest_s']} s"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run(float(sys.argv[1]) if len(sys.argv) > 1 else 20)))
