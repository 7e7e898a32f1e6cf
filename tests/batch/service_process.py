"""The real service for fault tests: `scripts/run.sh` (gunicorn, its hooks, LibreOffice)
on a free loopback port, in a session of its own so that it can be signalled whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.batch.faults import ROOT, free_port


class Service:
    """`bash scripts/run.sh` with the given environment; its URL once a worker answers."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                ["bash", "scripts/run.sh"],
                cwd=ROOT,
                env={**os.environ, **env, "BIND": f"127.0.0.1:{self.port}"},
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # the master, its workers: one process group
            )
        deadline = time.monotonic() + 90
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"the service did not start, see {log}")
            time.sleep(0.2)

    def _answers(self) -> bool:
        try:
            return self.get("/api/v1/openapi.json")[0] == 200
        except OSError:
            return False

    def get(self, path: str) -> tuple[int, bytes]:
        """GET; the status and body."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post_json(self, path: str, body: Any) -> tuple[int, Any]:
        """POST a JSON body; the status and the JSON answer."""
        request = urllib.request.Request(
            self.url + path, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def status(self, batch_id: str) -> dict[str, Any]:
        """The batch's status document."""
        code, body = self.get(f"/api/v1/batches/{batch_id}")
        assert code == 200, body
        answer: dict[str, Any] = json.loads(body)
        return answer

    def finished(self, batch_id: str, timeout: float) -> dict[str, Any]:
        """The status once the batch has finished."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.status(batch_id)
            if status["finished_at"]:
                return status
            time.sleep(0.5)
        raise AssertionError(f"batch {batch_id} not finished within {timeout} s: {status}")

    def worker_pids(self) -> list[int]:
        """The gunicorn workers (children of the master)."""
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return [int(pid) for pid in children]

    def terminate(self, timeout: float = 90) -> float:
        """SIGTERM to the master, as `systemctl stop` or `docker stop` send it; seconds taken."""
        began = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout)
        return time.monotonic() - began

    def kill(self) -> None:
        """kill -9 of the master and every worker at once."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(30)
