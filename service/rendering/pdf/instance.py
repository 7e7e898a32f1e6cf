"""One warm LibreOffice: a UNO worker process and its soffice, in a process group of their own."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from service.errors import ConversionError, ConversionTimeout, ConverterUnavailable

from .config import PoolConfig
from .port import Converted

WORKER_SCRIPT = Path(__file__).with_name("uno_worker.py")
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_names = itertools.count(1)


class InstanceLost(Exception):
    """The instance died or broke its protocol; its owner replaces it (never leaves the package)."""


class LibreOfficeInstance:
    """A started LibreOffice with a private profile; one conversion at a time, not thread-safe."""

    def __init__(self, config: PoolConfig, root: Path) -> None:
        self.name = f"lo-{os.getpid()}-{next(_names)}"
        self.dir = Path(tempfile.mkdtemp(prefix=f"{self.name}-", dir=root))
        self.conversions = 0
        self.soffice_pid = 0
        self._buffer = b""
        self._log = (self.dir / "worker.log").open("wb")
        command = [
            config.python,
            str(WORKER_SCRIPT),
            *("--soffice", config.soffice, "--profile", str(self.dir / "profile")),
            *("--pipe", self.name, "--start-timeout", str(config.start_timeout)),
            *("--timezone", config.timezone),
        ]
        try:
            # A session of its own, so that one killpg reaches the worker, soffice and any child.
            self._proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._log,
                start_new_session=True,
                bufsize=0,
            )
        except OSError as exc:  # no such interpreter: python3-uno's Python is missing
            self._log.close()
            shutil.rmtree(self.dir, ignore_errors=True)
            raise ConverterUnavailable(f"cannot run {config.python}: {exc}") from exc
        try:
            reply = self._read(config.start_timeout + 5)
        except (ConversionTimeout, InstanceLost) as exc:
            self.kill()
            raise ConverterUnavailable(f"LibreOffice did not start: {exc}") from exc
        if reply.get("event") != "ready":
            self.kill()
            raise ConverterUnavailable(f"LibreOffice did not start: {reply.get('error')}")
        self.soffice_pid = int(reply["pid"])

    @property
    def pid(self) -> int:
        """The worker's pid, which is also the id of the instance's process group."""
        return self._proc.pid

    def convert(
        self, docx: bytes, *, pdfa: bool, timeout: float, destinations: bool = False
    ) -> Converted:
        """Convert one document; on ConversionTimeout or InstanceLost the caller must kill()."""
        src, dst = self.dir / "in.docx", self.dir / "out.pdf"
        try:
            src.write_bytes(docx)
            dst.unlink(missing_ok=True)
        except OSError as exc:
            raise ConversionError(f"cannot write the scratch file {src}: {exc}") from exc
        request = {"op": "convert", "src": str(src), "dst": str(dst), "pdfa": pdfa,
                   "destinations": destinations}  # fmt: skip
        try:
            assert self._proc.stdin is not None
            self._proc.stdin.write(json.dumps(request).encode() + b"\n")
        except OSError as exc:  # a broken pipe: the worker is gone
            raise InstanceLost(f"cannot reach the worker: {exc}") from exc
        reply = self._read(timeout)
        if reply.get("fatal"):
            raise InstanceLost(str(reply.get("error")))
        if not reply.get("ok"):
            raise ConversionError(f"LibreOffice could not convert the document: {reply['error']}")
        self.conversions += 1
        try:
            pdf = dst.read_bytes()
        except OSError as exc:
            raise ConversionError(f"LibreOffice wrote no PDF: {exc}") from exc
        if not pdf.startswith(b"%PDF-"):
            raise ConversionError("LibreOffice wrote something that is not a PDF")
        # LibreOffice writes every page object uncompressed: counted without parsing the PDF
        # (its layout's page count would include the blank pages it inserts but never exports).
        return Converted(pdf, len(PAGE_OBJECT.findall(pdf)))

    def _read(self, timeout: float) -> dict[str, Any]:
        """The worker's next reply line, or ConversionTimeout after `timeout` seconds."""
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise ConversionTimeout(f"LibreOffice gave no answer within {timeout:g} s")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise InstanceLost(f"the worker exited: {self._log_tail()}")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        try:
            reply: dict[str, Any] = json.loads(line)
        except ValueError as exc:
            raise InstanceLost(f"the worker broke its protocol: {line[:200]!r}") from exc
        return reply

    def _log_tail(self) -> str:
        with contextlib.suppress(OSError):  # the log is a courtesy; its absence changes nothing
            return (self.dir / "worker.log").read_text(errors="replace")[-500:].strip()
        return ""

    def stop(self, grace: float = 3.0) -> None:
        """Ask LibreOffice to quit, and kill the group if it has not within `grace` seconds."""
        if self._proc.poll() is None:
            with contextlib.suppress(OSError):  # already gone: kill() below tidies up
                assert self._proc.stdin is not None
                self._proc.stdin.write(b'{"op": "quit"}\n')
                self._proc.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                # A clean worker exit means soffice has exited too: the worker waits for it.
                self._proc.wait(grace)
        self.kill()

    def interrupt(self) -> None:
        """SIGKILL the group from any thread; the owning thread then sees InstanceLost."""
        if self._proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._proc.pid, signal.SIGKILL)

    def kill(self) -> None:
        """SIGKILL the whole process group (works on a stopped or hung soffice), then tidy up."""
        if self._proc.poll() is None:
            # The worker is not reaped yet, so the group id cannot have been reused.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._proc.pid, signal.SIGKILL)
            self._proc.wait()
        for stream in (self._proc.stdin, self._proc.stdout, self._log):
            if stream is not None:
                stream.close()
        shutil.rmtree(self.dir, ignore_errors=True)
