"""Checker speed on real documents (11 and 47 pages), in process and in its own bounded
process as the API runs it, and how fast `python -m service check` starts."""

from __future__ import annotations

import copy
import io
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from service.checker import check
from service.checker.bounded import check_upload

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests/fixtures/real-docx"
TEN = REAL / "vbai08_kh_tuyen_truyen_cchc.docx"  # 11 pages as Word counted them
LONG = REAL / "vbai10_bc_cchc_2025.docx"  # 35 pages; lengthened to 47 (LibreOffice's count)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def longer(data: bytes, share: float = 0.55) -> bytes:
    """`data` with the first `share` of the report's own part (before its first section
    break) printed twice: a longer real document, every paragraph as the office wrote it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    body = root.find(f"{W}body")
    assert body is not None
    blocks = list(body)
    end = next(i for i, b in enumerate(blocks) if b.find(f"{W}pPr/{W}sectPr") is not None)
    start = next(i for i, b in enumerate(blocks) if b.tag == f"{W}p" and i > 10)
    closing = next(i for i in range(end, 0, -1) if blocks[i].tag == f"{W}tbl")
    stop = start + round((closing - start) * share)
    for block in blocks[start:stop]:
        blocks[closing].addprevious(copy.deepcopy(block))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = etree.tostring(root) if info.filename == "word/document.xml" else None
            target.writestr(info, part if part is not None else source.read(info))
    return out.getvalue()


def _median_ms(action: Callable[[], Any], n: int) -> float:
    action()
    times = []
    for _ in range(n):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _cli(*argv: str) -> float:
    """Wall-clock milliseconds of a fresh `python -m service ...` (best of three)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "service", *argv], capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _modules(code: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(len(sys.modules))"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return int(result.stdout.split()[-1])


def run(n: int = 20) -> dict[str, float]:
    """Check both documents n times each way; time the command line; return the figures."""
    figures: dict[str, float] = {}
    long_data = longer(LONG.read_bytes())
    for name, data in (("ten", TEN.read_bytes()), ("long", long_data)):
        report = check(data)
        figures[f"{name}_pages"] = report.pages
        figures[f"{name}_in_process_ms"] = _median_ms(lambda d=data: check(d), n)
        figures[f"{name}_isolated_ms"] = _median_ms(lambda d=data: check_upload(d), n)
    with tempfile.NamedTemporaryFile(suffix=".docx") as file:
        file.write(TEN.read_bytes())
        file.flush()
        figures["cli_one_file_ms"] = _cli("check", file.name)
    figures["cli_help_ms"] = _cli("check", "--help")
    figures["cli_modules"] = _modules(
        "from service.__main__ import main\ntry:\n    main(['check', '--help'])\n"
        "except SystemExit:\n    pass"
    )
    # The baseline: what `check --help` loaded before, every command's module at once.
    figures["eager_modules"] = _modules(
        "import service.batch.cli, service.accounts.cli, service.checker.cli"
    )
    figures["eager_import_ms"] = _import_ms(
        "import service.batch.cli, service.accounts.cli, service.checker.cli"
    )
    return figures


def _import_ms(code: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, check=True)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def report(figures: dict[str, float]) -> str:
    """Human-readable lines."""
    lines = ["Checker on real documents (median of repeated checks)"]
    for name, label in (("ten", "vbai08, a plan"), ("long", "vbai10 lengthened, a report")):
        inside = figures[f"{name}_in_process_ms"]
        isolated = figures[f"{name}_isolated_ms"]
        lines.append(
            f"  {figures[f'{name}_pages']:.0f} pages ({label}): {inside:6.1f} ms in process, "
            f"{isolated:6.1f} ms in its own bounded process as the API runs it "
            f"(+{isolated - inside:.1f} ms, {isolated / inside:.2f}x)"
        )
    lines.append(
        f"  python -m service check FILE: {figures['cli_one_file_ms']:.0f} ms; check --help "
        f"{figures['cli_help_ms']:.0f} ms, {figures['cli_modules']:.0f} modules loaded"
    )
    lines.append(
        f"  baseline, every command imported up front: {figures['eager_import_ms']:.0f} ms "
        f"and {figures['eager_modules']:.0f} modules "
        f"({figures['eager_modules'] / figures['cli_modules']:.1f}x the modules)"
    )
    lines.append("  goal: a file checked well under a second from the command line")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
