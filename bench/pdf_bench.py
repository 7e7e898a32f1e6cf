"""PDF throughput: a warm pool of 2 LibreOffice instances against cold `soffice --convert-to`."""

from __future__ import annotations

import resource
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from service.rendering.pdf import LibreOfficePool, PoolConfig
from service.rendering.pdf.postprocess import page_count
from tests.pdf.samples import build_docx

TOTAL_CONVERSIONS = 200


def _rss_kib(pid: int) -> int:
    """Resident memory of one process, 0 if it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return 0
    return next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0
    )


def _pool_rss_mib(pool: LibreOfficePool) -> float:
    """Resident memory of every process of the pool: UNO workers and soffice."""
    pids = [pid for i in pool.stats().instances for pid in (i.pid, i.soffice_pid)]
    return sum(_rss_kib(pid) for pid in pids) / 1024


def cold(files: list[Path], workdir: Path) -> float:
    """Seconds per file for one `soffice --headless --convert-to pdf` process per file."""
    profile = (workdir / "cold-profile").as_uri()
    command = ["soffice", "--headless", f"-env:UserInstallation={profile}"]
    command += ["--convert-to", "pdf", "--outdir", str(workdir / "cold")]
    # One untimed run creates the profile, as a real deployment would have one already.
    subprocess.run([*command, str(files[0])], check=True, capture_output=True)
    began = time.perf_counter()
    for file in files:
        subprocess.run([*command, str(file)], check=True, capture_output=True)
    return (time.perf_counter() - began) / len(files)


def warm(documents: list[bytes], threads: int = 4) -> dict[str, float]:
    """Pool of 2: start time, seconds per file for the first round and overall, and memory."""
    peak = 0.0
    done = threading.Event()
    config = PoolConfig(instances=2, max_conversions=10 * TOTAL_CONVERSIONS)
    with LibreOfficePool(config) as pool, ThreadPoolExecutor(threads) as submit:

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.05):
                peak = max(peak, _pool_rss_mib(pool))

        began = time.perf_counter()
        pool.start()
        started = time.perf_counter() - began
        rss_started = _pool_rss_mib(pool)
        threading.Thread(target=sample, daemon=True).start()
        rounds: list[list[bytes]] = []
        per_round: list[float] = []
        while len(rounds) * len(documents) < TOTAL_CONVERSIONS:
            began = time.perf_counter()
            pdfs = list(submit.map(pool.convert, documents))
            per_round.append((time.perf_counter() - began) / len(documents))
            rounds.append(pdfs)
        rss_after = _pool_rss_mib(pool)
        done.set()
        conversions = pool.stats().converted
    return {
        "pool_start_s": started,
        "pool_s_per_file": per_round[0],
        "pool_steady_s_per_file": sum(per_round[1:]) / max(1, len(per_round) - 1),
        "pool_rss_started_mib": rss_started,
        "pool_peak_rss_mib": max(peak, rss_after),
        "pool_rss_after_200_mib": rss_after,
        "pool_conversions": conversions,
        "pages_per_file": sum(page_count(pdf) for pdf in rounds[0]) / len(documents),
    }


def run(n_files: int = 20, documents: list[bytes] | None = None) -> dict[str, Any]:
    """Both ways on the same files (plan-like samples unless `documents` is given), one run."""
    documents = documents or [build_docx(80 + 2 * i, title=f"Kế hoạch {i}") for i in range(n_files)]
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        workdir = Path(tmp)
        files = []
        for i, docx in enumerate(documents):
            files.append(workdir / f"plan-{i:02d}.docx")
            files[-1].write_bytes(docx)
        cold_s = cold(files, workdir)
        # Children's peak RSS so far: the largest soffice.bin among the cold runs.
        cold_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        figures: dict[str, Any] = {"files": len(files), "cold_s_per_file": cold_s}
        figures["cold_peak_rss_mib"] = cold_peak
        figures.update(warm(documents))
    figures["ratio"] = figures["cold_s_per_file"] / figures["pool_s_per_file"]
    figures["steady_ratio"] = figures["cold_s_per_file"] / figures["pool_steady_s_per_file"]
    return figures


def report(f: dict[str, Any]) -> str:
    """The figures as lines for a terminal."""
    return "\n".join(
        [
            f"PDF: {f['files']} DOCX files of {f['pages_per_file']:.1f} pages on average",
            f"  cold soffice --convert-to, one by one: {f['cold_s_per_file']:.3f} s/file"
            f" (peak RSS {f['cold_peak_rss_mib']:.0f} MiB)",
            f"  pool of 2, started in {f['pool_start_s']:.2f} s, first round:"
            f" {f['pool_s_per_file']:.3f} s/file -> {f['ratio']:.1f}x (goal >= 4x)",
            f"  pool of 2 over {f['pool_conversions']} conversions:"
            f" {f['pool_steady_s_per_file']:.3f} s/file -> {f['steady_ratio']:.1f}x",
            f"  pool memory: {f['pool_rss_started_mib']:.0f} MiB started,"
            f" peak {f['pool_peak_rss_mib']:.0f} MiB,"
            f" {f['pool_rss_after_200_mib']:.0f} MiB after {f['pool_conversions']} conversions",
        ]
    )


if __name__ == "__main__":
    print(report(run()))
