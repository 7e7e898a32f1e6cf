"""The README's curl examples, run as written (only the port differs) against the running
service with real LibreOffice, after the README's own command made the key."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.http import create_app
from service.rendering.pdf import LibreOfficePool, PoolConfig
from tests.serving import serve

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
BLOCKS = re.compile(r"```bash\n(.*?)```", re.S)
EXAMPLE = "http://127.0.0.1:8000"


def _blocks() -> list[str]:
    return BLOCKS.findall((ROOT / "README.md").read_text("utf-8"))


@pytest.fixture()
def service(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The service on a free port, and its database URL (the CLI's too)."""
    database = f"sqlite:///{tmp_path / 'readme.db'}"
    converter = LibreOfficePool(PoolConfig(instances=1, queue_size=8, timeout=60))
    app = create_app({"DATABASE_URL": database, "PDF_CONVERTER": converter,
                      "STORAGE_DIR": str(tmp_path / "batches"),
                      "BATCH_POLL_SECONDS": 0.2})  # fmt: skip
    try:
        with serve(app) as url:
            yield url, database
    finally:
        app.extensions["batches"].close()
        converter.close()
        app.extensions["database"].dispose()


def _bash(script: str, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, f"{script}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_curl_examples_work_as_written(service: tuple[str, str], tmp_path: Path) -> None:
    url, database = service
    env = {**os.environ, "PLANDOC_DATABASE_URL": database}
    make_key = next(line for b in _blocks() for line in b.splitlines() if "keys create" in line)
    assert make_key.startswith("export KEY=")
    env["KEY"] = _bash(f'{make_key}\necho "$KEY"', ROOT, env).strip()
    work = tmp_path / "work"
    work.mkdir()
    (work / "tests").symlink_to(ROOT / "tests")  # the README runs from the repository
    examples = [b for b in _blocks() if "curl " in b]
    outputs = [_bash(b.replace(EXAMPLE, url), work, env) for b in examples]
    assert len(examples) >= 5 and all(EXAMPLE in b for b in examples)
    files = {p.suffix: p for p in work.iterdir()}
    assert files[".docx"].read_bytes().startswith(b"PK")
    pdfs = sorted(work.glob("*.pdf"))  # the plan's PDF/A and the batch's merged PDF
    assert len(pdfs) == 2 and any(b"pdfaid:part" in p.read_bytes() for p in pdfs)
    everything = "\n".join(outputs)
    assert '"valid":true' in everything.replace(" ", "")
    assert '"status":422' in everything.replace(" ", "") and "signer.head" in everything
    assert '"errors":0' in everything.replace(" ", "")  # the rendered plan checks clean
    assert '"revision":2' in everything.replace(" ", "")  # the draft saved with If-Match
    assert '"quyet_dinh"' in everything.replace(" ", "")  # the document types listed
    with zipfile.ZipFile(work / "quyet-dinh.docx") as decision:
        xml = decision.read("word/document.xml").decode("utf-8")
    assert "QUYẾT ĐỊNH" in xml and "Kèm theo Quyết định" in xml  # the plan attached
    with zipfile.ZipFile(files[".zip"]) as archive:
        assert sum(n.endswith(".docx") for n in archive.namelist()) == 3
