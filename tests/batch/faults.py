"""Processes for the fault tests: a Redis server, Celery workers, waiting on a batch."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import select

from service.batch.repository import SqlBatches
from service.store.tables import BatchItemRow

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.05)


def stop(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds; always reaped."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A throw-away redis-server on a free loopback port, no persistence; its URL."""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(lambda: _answers(port), 10, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def celery_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`celery -A service.batch.celery_worker worker`, solo pool, one task at a time."""
    command = [
        sys.executable, "-m", "celery", "-A", "service.batch.celery_worker", "worker",
        "--pool", "solo", "--concurrency", "1", "-n", f"{name}@%h", "-Q", "plandoc-batches",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "INFO",
    ]  # fmt: skip
    with log.open("ab") as output:
        return subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **env}, stdout=output, stderr=subprocess.STDOUT
        )


def holder_pids(batches: SqlBatches, batch_id: str) -> set[int]:
    """Pids of the processes holding rows of the batch (claims read `host:pid/token`)."""
    with batches.database.engine.connect() as conn:
        owners = conn.scalars(
            select(BatchItemRow.claimed_by).where(
                BatchItemRow.batch_id == batch_id, BatchItemRow.status == "running"
            )
        ).all()
    return {int(owner.split("/")[0].rsplit(":", 1)[1]) for owner in owners if owner}


def kill(pid: int) -> None:
    """kill -9."""
    os.kill(pid, signal.SIGKILL)


def stored_files(storage: Path, batch_id: str) -> list[str]:
    """The batch's files in storage, temporary ones included (they start with a dot)."""
    return sorted(p.name for p in (storage / batch_id).iterdir())


def attempts(batches: SqlBatches, batch_id: str) -> list[int]:
    """Each row's number of claims."""
    with batches.database.engine.connect() as conn:
        query = select(BatchItemRow.attempts).where(BatchItemRow.batch_id == batch_id)
        return list(conn.scalars(query))
