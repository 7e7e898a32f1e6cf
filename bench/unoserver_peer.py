"""The converter a user would install instead: unoserver from PyPI, N warm instances.

unoserver needs LibreOffice's `uno` module, which only Debian's /usr/bin/python3 has
(python3-uno), so it lives in its own virtualenv made with --system-site-packages under
var/bench/ (ignored by git), created on first use. The bench calls each server's XML-RPC
`convert` directly, as unoserver's client does but without its per-call `info()` round
trip, with the PDF filter given and no index update: unoserver at its fastest.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import socket
import subprocess
import tempfile
import time
import xmlrpc.client
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION = "3.7"
ENV = ROOT / "var/bench" / f"unoserver-{VERSION}"
START_TIMEOUT = 60.0


def ensure_env() -> Path:
    """unoserver's entry point, installing it into its own virtualenv if needed."""
    entry = ENV / "bin/unoserver"
    if not entry.exists():
        ENV.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(ENV)], check=True
        )
        pip = [str(ENV / "bin/pip"), "install", "--quiet", f"unoserver=={VERSION}"]
        subprocess.run(pip, check=True)
    return entry


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class UnoserverPool:
    """N unoserver processes; a caller takes a free one per conversion, as our pool's queue does."""

    def __init__(self, instances: int) -> None:
        entry = ensure_env()
        self._dir = Path(tempfile.mkdtemp(prefix="unoserver-bench-"))
        self._procs: list[subprocess.Popen[bytes]] = []
        self._free: queue.Queue[int] = queue.Queue()
        ports = []
        for i in range(instances):
            port, uno_port = _free_port(), _free_port()
            profile = str(self._dir / f"profile-{i}")  # unoserver makes it a URI
            command = [str(entry), "--port", str(port), "--uno-port", str(uno_port)]
            command += ["--user-installation", profile, "--executable", "soffice"]
            log = (self._dir / f"server-{i}.log").open("wb")
            self._procs.append(
                subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)
            )
            ports.append(port)
        self.started_in = self._wait(ports)
        for port in ports:
            self._free.put(port)

    def _wait(self, ports: list[int]) -> float:
        began = time.monotonic()
        for port in ports:
            proxy = xmlrpc.client.ServerProxy(f"http://127.0.0.1:{port}", allow_none=True)
            while True:
                try:
                    proxy.info()
                    break
                except OSError:
                    if time.monotonic() - began > START_TIMEOUT:
                        log = (self._dir / "server-0.log").read_text(errors="replace")[-800:]
                        self.close()
                        raise RuntimeError(f"unoserver did not start: {log}") from None
                    time.sleep(0.2)
        return time.monotonic() - began

    def convert(self, docx: bytes) -> bytes:
        """One DOCX to PDF on whichever instance is free."""
        port = self._free.get()
        try:
            proxy = xmlrpc.client.ServerProxy(f"http://127.0.0.1:{port}", allow_none=True)
            args = (None, xmlrpc.client.Binary(docx), None, "pdf", "writer_pdf_Export")
            result = proxy.convert(*args, [], False, None, None)
        finally:
            self._free.put(port)
        data: bytes = result.data
        return data

    def close(self) -> None:
        """Stop every server and its LibreOffice (each runs in a session of its own)."""
        for proc in self._procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        subprocess.run(["rm", "-rf", str(self._dir)], check=False)

    def __enter__(self) -> UnoserverPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
