"""Word 97-2003 (.doc) and RTF files, converted to DOCX by a one-shot LibreOffice.

Rare enough that a fresh `soffice --headless --convert-to docx` per file (3-5 s, its own
profile in a temporary folder, its own process group killed on overrun) beats keeping a
converter warm for them. The report says the file was converted: what is checked is
LibreOffice's reading of the original.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from service.errors import UnreadableDocumentError, UploadTooComplex

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SOFFICE = ("soffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")
# An OLE file holding these streams is a password-protected OOXML file, not a .doc.
_ENCRYPTED = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


def legacy_format(data: bytes) -> str | None:
    """ "doc" or "rtf" when `data` is one of the formats converted first, else None."""
    if data.startswith(_OLE):
        return "doc"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    return None


def soffice() -> str | None:
    """The LibreOffice launcher, or None when it is not installed."""
    for name in _SOFFICE:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_docx(data: bytes, timeout: float = 30.0) -> bytes:
    """The DOCX LibreOffice makes of `data` (a .doc or RTF); UnreadableDocumentError when it
    cannot, UploadTooComplex when it takes longer than `timeout` seconds."""
    fmt = legacy_format(data) or "doc"
    if fmt == "doc" and any(marker in data for marker in _ENCRYPTED):
        raise UnreadableDocumentError("a password-protected file", "encrypted")
    launcher = soffice()
    if launcher is None:
        raise UnreadableDocumentError("LibreOffice is not installed", "no_converter")
    with tempfile.TemporaryDirectory(prefix="plandoc-doc-") as folder:
        root = Path(folder)
        source = root / f"upload.{fmt}"
        source.write_bytes(data)
        command = [
            launcher,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(root / "out"),
            str(source),
        ]
        _run(command, timeout)
        result = root / "out" / "upload.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise UnreadableDocumentError(f"LibreOffice could not read the {fmt}", "conversion")
        return result.read_bytes()


def _run(command: list[str], timeout: float) -> None:
    # A session of its own, so that killing the group reaches soffice.bin as well.
    with subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "HOME": os.environ.get("HOME", "/tmp")},
    ) as process:
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise UploadTooComplex(f"LibreOffice took longer than {timeout:g} s") from None
