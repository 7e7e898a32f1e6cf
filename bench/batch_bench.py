"""Batch throughput and memory: 1,000 commune DOCX through the batch path against a naive
loop (a new DocxTemplate per commune), on the same data; peak RSS for 100 and 1,000."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from schemas import load_document
from service.batch import services
from service.batch.request import BatchRequest, parse_request
from service.batch.runtime import build_runtime
from service.batch.settings import BatchSettings
from service.batch.validation import check
from service.documents.registry import kind_of
from service.rendering import Renderer, build_context, docx_context
from service.rendering.docx import render_naive
from service.store import Database

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests/fixtures/plans/ke-hoach-bac-kan-2023.json"
FIRST = ["An", "Bình", "Cẩm", "Đồng", "Hà", "Hòa", "Kim", "Lạc", "Minh", "Nam", "Phú", "Quang",
         "Tân", "Thanh", "Trung", "Vĩnh", "Xuân", "Yên", "Đại", "Hưng", "Long", "Mỹ", "Ngọc",
         "Phúc", "Sơn", "Thái", "Thịnh", "Tiến", "Văn", "Việt", "Hải", "Lâm"]  # fmt: skip
SECOND = ["Thuận", "Phong", "Lợi", "Hòa", "Lộc", "Thành", "Giang", "Tiến", "Xuyên", "Khê",
          "Thượng", "Hạ", "Trạch", "Linh", "Dương", "Hưng", "Bằng", "Lãng", "Viên", "Sơn",
          "Phát", "Mỹ", "Quý", "Trung", "Tân", "An", "Bình", "Đức", "Nghĩa", "Minh", "Cường",
          "Vượng"]  # fmt: skip


def batch_body(count: int, salt: int = 0) -> dict[str, Any]:
    """The batch request's JSON: the district's plan and `count` communes, each with its
    header, signer and a target (`salt` in the signers' names makes another batch)."""
    rows = []
    for n in range(count):
        name = f"{FIRST[n % len(FIRST)]} {SECOND[n // len(FIRST) % len(SECOND)]}"
        rows.append({"issuer.name": f"ỦY BAN NHÂN DÂN XÃ {name.upper()}", "place": name,
                     "signer.name": f"Nguyễn Văn {n + 10_000 * salt}", "ten_xa": f"xã {name}",
                     "targets.specific.1.value": 1 + n % 20 / 10})  # fmt: skip
    plan = json.loads(PLAN.read_text("utf-8"))
    plan["title"] = "Thực hiện công tác trẻ em năm 2023 trên địa bàn {ten_xa}"
    return {"plan": plan, "rows": rows, "fields": ["ten_xa"]}


def request(count: int) -> BatchRequest:
    """The district's plan and `count` communes, parsed as the service parses them."""
    return parse_request(batch_body(count), max_rows=count)


def batch_path(count: int, workdir: Path) -> dict[str, float]:
    """Submit (every row validated), drain on the embedded pool, wait; then the ZIP."""
    database = Database(f"sqlite:///{workdir / 'bench.db'}")
    database.migrate()
    settings = BatchSettings(storage_dir=workdir / "storage", workers=2, poll_seconds=0.2)
    runtime = build_runtime(settings, database, renderer=Renderer())
    batch_request = request(count)
    began = time.perf_counter()
    batch, _ = services.submit(
        batch_request, "bench", None, batches=runtime.batches, queue=runtime.queue
    )
    while not runtime.batches.load(batch.id).finished:
        time.sleep(0.05)
    seconds = time.perf_counter() - began
    zip_began = time.perf_counter()
    services.archive_key("bench", batch.id, runtime.batches, runtime.storage)
    zip_seconds = time.perf_counter() - zip_began
    done = runtime.batches.progress(batch.id).count("done")
    runtime.close()
    database.dispose()
    assert done == count, f"{done} of {count} done"
    return {"seconds": seconds, "docs_per_s": count / seconds, "zip_seconds": zip_seconds}


def naive_loop(count: int, workdir: Path) -> dict[str, float]:
    """The same communes, expanded and validated the same way, rendered by a new docxtpl
    template each (load, render, save), written to files."""
    batch_request = request(count)
    expander, _ = check(batch_request)
    template = Renderer().template_path(kind_of(expander.parent).template)
    out = workdir / "naive"
    out.mkdir()
    began = time.perf_counter()
    for n, row in enumerate(batch_request.rows):
        document = load_document(expander.expand(row))
        context = docx_context(build_context(document))
        (out / f"{n:05d}.docx").write_bytes(render_naive(template, context))
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "docs_per_s": count / seconds}


def peak_rss_mib(count: int) -> dict[str, float]:
    """The batch path in a fresh interpreter: its peak RSS, and the RSS before the batch."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.batch_bench", "--memory", str(count)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _peak_mib() -> float:
    """VmHWM, the peak RSS of this process image (ru_maxrss would also count the parent's
    pages copied by the fork that started this process, before its exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux


def _memory(count: int) -> None:
    """Child process: import, warm up on 2 communes, note the peak, run the batch, print both."""
    with tempfile.TemporaryDirectory() as workdir:
        Path(workdir, "warm").mkdir()
        batch_path(2, Path(workdir, "warm"))
        before = _peak_mib()
        Path(workdir, "run").mkdir()
        batch_path(count, Path(workdir, "run"))
        peak = _peak_mib()
    print(json.dumps({"before_mib": before, "peak_mib": peak}))


def run(count: int = 1000) -> dict[str, Any]:
    """Both paths on `count` communes, then peak memory for 100 and for 1,000."""
    with tempfile.TemporaryDirectory() as workdir:
        Path(workdir, "batch").mkdir()
        batch = batch_path(count, Path(workdir, "batch"))
        naive = naive_loop(count, Path(workdir))
    small, large = peak_rss_mib(100), peak_rss_mib(1000)
    return {
        "count": count,
        "batch_docs_per_s": batch["docs_per_s"],
        "batch_seconds": batch["seconds"],
        "zip_seconds": batch["zip_seconds"],
        "naive_docs_per_s": naive["docs_per_s"],
        "naive_seconds": naive["seconds"],
        "ratio": batch["docs_per_s"] / naive["docs_per_s"],
        "peak_mib_100": small["peak_mib"],
        "peak_mib_1000": large["peak_mib"],
        "baseline_mib": large["before_mib"],
        "memory_growth": large["peak_mib"] / small["peak_mib"] - 1,
    }


def report(figures: dict[str, Any]) -> str:
    """Human-readable lines."""
    return (
        f"Batch: {figures['count']} commune DOCX from the TP. Bắc Kạn plan (cascade, named field, "
        "one target per commune)\n"
        f"  batch path (validate all, embedded pool, storage): {figures['batch_docs_per_s']:6.1f}"
        f" docs/s  ({figures['batch_seconds']:.1f} s; then the ZIP: "
        f"{figures['zip_seconds']:.1f} s)\n"
        f"  naive loop (new DocxTemplate per commune):          {figures['naive_docs_per_s']:6.1f}"
        f" docs/s  ({figures['naive_seconds']:.1f} s)\n"
        f"  ratio: {figures['ratio']:.2f}x (goal >= 2.5x)\n"
        f"  peak RSS, fresh process: 100 communes {figures['peak_mib_100']:.0f} MiB, 1,000 "
        f"communes {figures['peak_mib_1000']:.0f} MiB ({figures['memory_growth']:+.1%}; goal "
        f"within 10 %; {figures['baseline_mib']:.0f} MiB after a 2-commune warm-up)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--memory"]:
        _memory(int(sys.argv[2]))
    else:
        print(report(run()))
