"""A district's merged PDF through the product path, against unoserver per commune.

`python -m bench batch_pdf`. 100 communes of one plan (bench.batch_bench's district),
every commune's DOCX and PDF, and the merged PDF. Ours: the service as deployed
(gunicorn with gunicorn.conf.py, 2 workers, each with a LibreOffice instance and 2 batch
threads, SQLite, files); the batch is posted to /api/v1/batches as an officer's page
posts it and timed until merged.pdf is downloaded: validation, DOCX, PDF, the ZIP and the
merge included. Once with groups of BATCH_PDF_GROUP communes in one LibreOffice load, and
once one by one as before (the worker before it joined communes, its other gunicorn
worker looking for new batches every 5 s rather than every second). The peer: unoserver with 2
instances converting each commune's DOCX (rendered beforehand, not timed) from 4
threads, then the same streaming merge. Rounds interleaved, each a new batch, best of
ROUNDS; CPU of each side's processes a commune, and their peak resident memory.

BATCH_PDF_COMMUNES, BATCH_PDF_ROUNDS, and BATCH_PDF_GROUPS (e.g. "5,10,20": a service per
group size, side by side) override the defaults.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import resource
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from bench.batch_bench import batch_body
from bench.load_bench import _free_port, _start_server
from bench.unoserver_peer import UnoserverPool
from service.batch.request import parse_request
from service.batch.validation import check
from service.rendering import Renderer
from service.rendering.pdf import merge_to

COMMUNES = 100
ROUNDS = 3
GROUPS = "10"
POLL = 0.1


@dataclass
class Series:
    """One way's rounds: wall seconds, CPU seconds a commune, peak RSS in MiB (all of its
    processes, and its LibreOffice processes alone)."""

    label: str
    rounds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    soffice_mib: list[float] = field(default_factory=list)


class Service:
    """The service under gunicorn, its batches joined by `group` communes (1: one by one)."""

    def __init__(self, group: int, workdir: Path) -> None:
        workdir.mkdir()
        self.group, self.port = group, _free_port()
        env = {"PDF_POOL_SIZE": "1", "PDF_POOL_MAX_CONVERSIONS": "10000",
               "PLANDOC_PDF_PRESTART": "true", "PLANDOC_STORAGE_DIR": str(workdir / "storage"),
               "PLANDOC_BATCH_PDF_GROUP": str(group)}  # fmt: skip
        if group == 1:  # as before: the other gunicorn worker looked for batches every 5 s
            env["PLANDOC_BATCH_POLL_SECONDS"] = "5"
        self.server = _start_server(self.port, workdir, workers=2, extra_env=env)

    def merged_pdf(self, body: dict[str, Any]) -> bytes:
        """Post the batch, follow it, download its merged PDF."""
        status, answer = self._call("POST", "/api/v1/batches", json.dumps(body).encode())
        assert status == 202, answer[:300]
        urls = json.loads(answer)["urls"]
        while True:
            status, answer = self._call("GET", urls["self"])
            progress = json.loads(answer)
            if progress["finished_at"]:
                break
            time.sleep(POLL)
        assert progress["status"] == "done", progress
        status, pdf = self._call("GET", urls["merged_pdf"])
        assert status == 200, pdf[:300]
        return pdf

    def _call(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            connection.request(method, path, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def close(self) -> None:
        """SIGTERM, as systemd stops it: batch threads, then the pools."""
        os.killpg(self.server.pid, signal.SIGTERM)
        self.server.wait(timeout=60)


def tree(pid: int) -> list[int]:
    """A process and its live descendants (children of every thread: the pool's threads
    start the UNO workers)."""
    found, pids = [], [pid]
    while pids:
        current = pids.pop()
        try:
            children = [int(child) for task in Path(f"/proc/{current}/task").iterdir()
                        for child in (task / "children").read_text().split()]  # fmt: skip
        except (FileNotFoundError, ProcessLookupError):
            continue
        found.append(current)
        pids.extend(children)
    return found


def _proc(pid: int, what: str) -> float:
    """CPU seconds (`cpu`) or resident MiB (`rss`) of one process, 0 if it is gone."""
    try:
        if what == "cpu":
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


def _total(roots: list[int], what: str, name: str = "") -> float:
    """The sum over the processes under `roots` (those called `name` only, if given)."""
    return sum(_proc(pid, what) for root in roots for pid in tree(root)
               if not name or _name(pid) == name)  # fmt: skip


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except (FileNotFoundError, ProcessLookupError):
        return ""


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def measured(series: Series, roots: list[int], communes: int) -> Iterator[None]:
    """Wall time, CPU a commune (the processes' and this one's, which merges unoserver's
    PDFs) and the processes' peak RSS during a round."""
    peak, soffice, done = [0.0], [0.0], threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            peak[0] = max(peak[0], _total(roots, "rss"))
            soffice[0] = max(soffice[0], _total(roots, "rss", "soffice.bin"))

    sampler = threading.Thread(target=sample, daemon=True)
    cpu = _total(roots, "cpu") + _own_cpu()
    sampler.start()
    began = time.perf_counter()
    yield
    series.rounds.append(time.perf_counter() - began)
    series.cpu.append((_total(roots, "cpu") + _own_cpu() - cpu) / communes)
    done.set()
    sampler.join()
    series.peak_mib.append(peak[0])
    series.soffice_mib.append(soffice[0])


def render(body: dict[str, Any]) -> list[tuple[str, bytes]]:
    """(commune, DOCX) for every row, as the worker renders them."""
    expander, prepared = check(parse_request(body, max_rows=len(body["rows"])))
    renderer = Renderer()
    return [(row.label, renderer.render_docx(expander.document(row.row))) for row in prepared]


def per_commune(convert: Callable[[bytes], bytes], items: list[tuple[str, bytes]]) -> bytes:
    """Each commune converted on its own from 4 threads, then merged."""
    with ThreadPoolExecutor(4) as pool:
        pdfs = list(pool.map(convert, [docx for _, docx in items]))
    with tempfile.TemporaryFile() as out:
        merge_to(zip([title for title, _ in items], pdfs, strict=True), out)
        out.seek(0)
        return out.read()


def _check(pdf: bytes, communes: int) -> None:
    assert len(PdfReader(io.BytesIO(pdf)).outline) == communes, "a bookmark per commune"


def run(count: int = COMMUNES, rounds: int = ROUNDS) -> dict[str, Any]:
    """Interleaved rounds: the service with each group size, one by one, and unoserver."""
    count = int(os.environ.get("BATCH_PDF_COMMUNES", count))
    rounds = int(os.environ.get("BATCH_PDF_ROUNDS", rounds))
    groups = [int(g) for g in os.environ.get("BATCH_PDF_GROUPS", GROUPS).split(",")]
    salt = iter(range(1, 1000))
    with tempfile.TemporaryDirectory(prefix="batch-pdf-bench-") as tmp:
        services = {g: Service(g, Path(tmp, f"group-{g}")) for g in [*groups, 1]}
        peer = UnoserverPool(2)
        series = {g: Series(f"ours, groups of {g}" if g > 1 else "ours, one by one (before)")
                  for g in services}  # fmt: skip
        unoserver = Series("unoserver, each + merge")
        try:
            for service in services.values():  # warm-up, not counted
                service.merged_pdf({**batch_body(4, next(salt)), "formats": ["docx", "pdf"]})
            per_commune(peer.convert, render(batch_body(4, next(salt))))
            for _ in range(rounds):
                for group, service in services.items():
                    body = {**batch_body(count, next(salt)), "formats": ["docx", "pdf"]}
                    with measured(series[group], [service.server.pid], count):
                        merged = service.merged_pdf(body)
                    _check(merged, count)
                items = render(batch_body(count, next(salt)))
                roots = [proc.pid for proc in peer._procs]
                with measured(unoserver, roots, count):
                    merged = per_commune(peer.convert, items)
                _check(merged, count)
        finally:
            for service in services.values():
                service.close()
            peer.close()
    return {"communes": count, "series": [*series.values(), unoserver]}


def report(figures: dict[str, Any]) -> str:
    """Communes a second to the merged PDF (best round), CPU, memory, and the ratios."""
    n, all_series = figures["communes"], figures["series"]
    rate = {s.label: n / min(s.rounds) for s in all_series}
    lines = [f"Merged PDF of {n} communes (and each commune's DOCX and PDF), 2 LibreOffice"
             f" instances a side, best of {len(all_series[0].rounds)} interleaved rounds;"
             " ours through HTTP as deployed (gunicorn, 2 workers), timed to the"
             " download"]  # fmt: skip
    for s in all_series:
        lines.append(f"  {s.label:27s} {rate[s.label]:5.2f} communes/s, CPU"
                     f" {min(s.cpu) * 1000:4.0f} ms/commune, peak RSS {max(s.peak_mib):4.0f} MiB"
                     f" (soffice {max(s.soffice_mib):3.0f})"
                     f" (rounds {' '.join(f'{v:.1f}' for v in s.rounds)} s)")  # fmt: skip
    peer, before = rate[all_series[-1].label], rate[all_series[-2].label]
    for s in all_series[:-2]:
        lines.append(f"  {s.label} vs unoserver: {rate[s.label] / peer:.2f}x (goal >= 1.5x);"
                     f" vs one by one: {rate[s.label] / before:.2f}x")  # fmt: skip
    lines.append(f"  one by one (before) vs unoserver: {before / peer:.2f}x")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
