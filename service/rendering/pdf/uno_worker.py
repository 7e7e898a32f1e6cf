"""One LibreOffice driven over UNO; run by Debian's python3, talking JSON lines on stdin/stdout."""

# A script for the interpreter that has LibreOffice's `uno` module (Debian's
# /usr/bin/python3 with python3-uno), not for the service's venv: it imports nothing
# from the service. It starts soffice.bin with its own profile, listening on a named
# pipe, prints {"event": "ready", "pid": <soffice pid>}, then answers one request a line:
# {"op": "convert", "src": path, "dst": path, "pdfa": bool, "destinations": bool} with
# {"ok": true}
# or {"ok": false, "error": str, "fatal": bool}. EOF or {"op": "quit"} ends it; so does
# the death of its parent.

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.uno import Exception as UnoException
from com.sun.star.uno import RuntimeException as UnoRuntimeException

RESTART_REQUESTED = 81  # soffice.bin's exit code after it has created a fresh profile
PR_SET_PDEATHSIG = 1
# Looked up before any fork: between fork and exec (UNO has threads by then) the child
# must not load libraries, only call what is already there.
_prctl = ctypes.CDLL(None, use_errno=True).prctl


def _die_with_parent() -> None:
    """Ask the kernel to SIGKILL soffice when this worker dies, however it dies."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _props(**values: Any) -> tuple[Any, ...]:
    return tuple(PropertyValue(Name=k, Value=v) for k, v in values.items())


def soffice_command(soffice: str, profile: Path, pipe: str) -> list[str]:
    """The command line of a headless soffice.bin with its own profile, listening on a pipe."""
    return [
        soffice,
        "--headless",
        "--invisible",
        "--nocrashreport",
        "--nodefault",
        "--nologo",
        "--nofirststartwizard",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={profile.as_uri()}",
        f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
    ]


def launch(cmd: list[str], timezone: str) -> subprocess.Popen[bytes]:
    """Start soffice.bin so that it dies with this worker."""
    # LibreOffice stamps the PDF's creation date in its zone; in UTC it writes `D:...Z'`,
    # which some readers (pypdf) cannot parse, so it is given a zone with an offset.
    env = {**os.environ, "TZ": timezone} if timezone else None
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent, env=env)


def connect(
    cmd: list[str], pipe: str, timeout: float, timezone: str = ""
) -> tuple[subprocess.Popen[bytes], Any]:
    """Start soffice and return it with its component context once it accepts connections."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + timeout
    proc = launch(cmd, timezone)
    restarts = 2
    while True:
        try:
            url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
            return proc, resolver.resolve(url)
        except NoConnectException:
            code = proc.poll()
            # oosplash's job, done here: on a fresh profile soffice.bin exits asking for a restart.
            if code == RESTART_REQUESTED and restarts > 0:
                restarts -= 1
                proc = launch(cmd, timezone)
            elif code is not None:
                raise RuntimeError(f"soffice exited with code {code}") from None
            if time.monotonic() > deadline:
                proc.kill()
                raise TimeoutError(f"soffice did not listen within {timeout} s") from None
            time.sleep(0.05)


def convert(desktop: Any, src: str, dst: str, pdfa: bool, destinations: bool = False) -> None:
    """Load a DOCX hidden and read-only, export it as PDF (PDF/A-2b on demand), close it.

    With `destinations`, the document's bookmarks become named destinations in the PDF.
    """
    doc = desktop.loadComponentFromURL(
        Path(src).as_uri(),
        "_blank",
        0,
        # The DOCX filter, never type detection: anything else would come out as a text file.
        _props(
            FilterName="MS Word 2007 XML",
            Hidden=True,
            ReadOnly=True,
            MacroExecutionMode=0,
            UpdateDocMode=0,
        ),
    )
    if doc is None:
        raise ValueError("not a DOCX that LibreOffice can open")
    try:
        # SelectPdfVersion 2 is PDF/A-2b; 0 is plain PDF 1.6.
        filter_data = uno.Any(
            "[]com.sun.star.beans.PropertyValue",
            _props(
                SelectPdfVersion=2 if pdfa else 0,
                UseTaggedPDF=pdfa,
                ExportBookmarksToPDFDestination=destinations,
            ),
        )
        doc.storeToURL(
            Path(dst).as_uri(),
            _props(FilterName="writer_pdf_Export", FilterData=filter_data, Overwrite=True),
        )
    finally:
        doc.close(True)


def _watch_parent(proc: subprocess.Popen[bytes]) -> None:
    """Kill soffice and exit when the service that started this worker has gone."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(0.5)
    proc.kill()
    os._exit(3)


def serve(desktop: Any, proc: subprocess.Popen[bytes], requests: TextIO, replies: TextIO) -> None:
    """Answer requests until EOF, quit, or a broken LibreOffice."""
    for line in requests:
        request = json.loads(line)
        if request.get("op") == "quit":
            return
        try:
            convert(
                desktop,
                request["src"],
                request["dst"],
                bool(request.get("pdfa")),
                bool(request.get("destinations")),
            )
        except (UnoException, ValueError) as exc:
            message = f"{type(exc).__name__}: {getattr(exc, 'Message', '') or exc}"
            # A RuntimeException (DisposedException, "illegal object given!"...) is what the
            # bridge raises when soffice dies under it: this instance is finished.
            fatal = isinstance(exc, UnoRuntimeException) or proc.poll() is not None
            _reply(replies, ok=False, error=message, fatal=fatal)
            if fatal:
                return
        else:
            _reply(replies, ok=True)


def _reply(stream: TextIO, **fields: Any) -> None:
    stream.write(json.dumps(fields) + "\n")
    stream.flush()


def main() -> int:
    """Start soffice, report ready, serve, then stop soffice."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--profile", required=True, type=Path)
    parser.add_argument("--pipe", required=True)
    parser.add_argument("--start-timeout", type=float, default=60.0)
    parser.add_argument("--timezone", default="")
    args = parser.parse_args()
    # The protocol keeps the real stdout; whatever else writes to fd 1 (LibreOffice) goes to stderr.
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    cmd = soffice_command(args.soffice, args.profile, args.pipe)
    try:
        proc, context = connect(cmd, args.pipe, args.start_timeout, args.timezone)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
    except (RuntimeError, TimeoutError, UnoException) as exc:
        _reply(replies, event="failed", error=str(exc))
        return 2
    threading.Thread(target=_watch_parent, args=(proc,), daemon=True).start()
    _reply(replies, event="ready", pid=proc.pid)
    try:
        serve(desktop, proc, sys.stdin, replies)
    finally:
        # A LibreOffice that is already gone cannot terminate; the kill below makes sure.
        with contextlib.suppress(UnoException):
            desktop.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
