"""The baseline without any server: one `soffice --convert-to pdf` process per file."""

from __future__ import annotations

import queue
import shutil
import subprocess
import tempfile
from pathlib import Path


class ColdSoffice:
    """A fresh LibreOffice per document; `parallel` profiles, as LibreOffice locks each."""

    def __init__(self, parallel: int = 4) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="cold-soffice-"))
        self._profiles: queue.Queue[Path] = queue.Queue()
        for i in range(parallel):
            self._profiles.put(self._dir / f"profile-{i}")

    def convert(self, docx: bytes) -> bytes:
        """One DOCX to PDF by a LibreOffice started for it (the first on a profile creates it)."""
        profile = self._profiles.get()
        try:
            work = Path(tempfile.mkdtemp(dir=self._dir))
            source = work / "plan.docx"
            source.write_bytes(docx)
            command = ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}"]
            command += ["--convert-to", "pdf", "--outdir", str(work), str(source)]
            subprocess.run(command, check=True, capture_output=True, timeout=120)
            pdf = (work / "plan.pdf").read_bytes()
            shutil.rmtree(work)
        finally:
            self._profiles.put(profile)
        return pdf

    def close(self) -> None:
        """Remove the profiles."""
        shutil.rmtree(self._dir, ignore_errors=True)
