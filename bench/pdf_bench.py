"""PDF of real plans: the service over HTTP against unoserver and cold `soffice --convert-to`.

`python -m bench pdf`. Every request is a distinct real plan (the fixtures, each with its
own number and date, so no cache can help), 9 a round, from 4 client threads. The
service is measured twice, its figures including HTTP, validation and the DOCX render:
under gunicorn (1 worker, 4 threads, a pool of 2 LibreOffice instances), a separate
process as deployed; and on werkzeug's threaded server inside the bench's process (as the
tests serve it), where the client threads share the service's interpreter. unoserver runs 2
instances and is given DOCX rendered beforehand; cold soffice runs 4 at a time, a
profile each. Rounds are interleaved (each converter in turn, three times) and the best
round counts for each.
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import signal
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.cold_soffice import ColdSoffice
from bench.load_bench import _free_port, _start_server
from bench.real_plans import distinct, render
from bench.unoserver_peer import UnoserverPool
from service.rendering.pdf import page_count

INSTANCES = 2
THREADS = 4
PER_ROUND = 9
ROUNDS = 3


@dataclass
class Series:
    """One converter's rounds: wall seconds per round, every request's latency, CPU seconds."""

    name: str
    rounds: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        """Documents a second in the best round."""
        return PER_ROUND / min(self.rounds)

    def percentile(self, q: float) -> float:
        """Latency of one document at quantile q, in seconds."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class ServiceClient:
    """POST /api/v1/documents?format=pdf over loopback HTTP, a connection per request."""

    def __init__(self, port: int) -> None:
        self.port = port

    def convert(self, plan: dict[str, Any]) -> bytes:
        """The PDF of one plan JSON, DOCX render included."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        body = json.dumps(plan, ensure_ascii=False).encode()
        connection.request("POST", "/api/v1/documents?format=pdf", body,
                           {"Content-Type": "application/json"})  # fmt: skip
        response = connection.getresponse()
        data = response.read()
        connection.close()
        if response.status != 200:
            raise RuntimeError(f"the service answered {response.status}: {data[:300]!r}")
        return data


class Gunicorn(ServiceClient):
    """The app as deployed: gunicorn, 1 worker of 4 threads, its pool of INSTANCES."""

    def __init__(self, workdir: Path) -> None:
        super().__init__(_free_port())
        env = {"PDF_POOL_SIZE": str(INSTANCES), "PDF_POOL_MAX_CONVERSIONS": "10000",
               "PLANDOC_PDF_PRESTART": "true"}  # fmt: skip
        self.server = _start_server(self.port, workdir, workers=1, extra_env=env)

    def cpu_seconds(self) -> float:
        """CPU time of gunicorn's processes, the UNO workers and soffice so far."""
        return _tree_cpu(self.server.pid)

    def close(self) -> None:
        """Stop gunicorn; its workers close their pools."""
        os.killpg(self.server.pid, signal.SIGTERM)
        self.server.wait(timeout=60)


class InProcess(ServiceClient):
    """The app on werkzeug's threaded server inside this process (as tests serve it)."""

    def __init__(self, workdir: Path) -> None:
        from service.http import create_app
        from service.rendering.pdf import LibreOfficePool, PoolConfig
        from tests.serving import serve

        config = PoolConfig(instances=INSTANCES, max_conversions=10_000)
        self.pool = LibreOfficePool(config)
        self.app = create_app({"DATABASE_URL": f"sqlite:///{workdir / 'inprocess.db'}",
                               "PDF_CONVERTER": self.pool, "AUTH_REQUIRED": False,
                               "RATE_LIMIT_PER_MINUTE": 0})  # fmt: skip
        self._serving = serve(self.app)
        super().__init__(int(self._serving.__enter__().rsplit(":", 1)[1]))

    def cpu_seconds(self) -> float:
        """CPU time of this process (server and clients), the UNO workers and soffice."""
        return _tree_cpu(os.getpid())

    def close(self) -> None:
        """Stop the server, then the pool."""
        self._serving.__exit__(None, None, None)
        self.pool.close()
        self.app.extensions["database"].dispose()


def _tree_cpu(pid: int) -> float:
    """utime + stime of a process and all its live descendants, in seconds."""
    ticks, pids = 0, [pid]
    while pids:
        current = pids.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            # Each thread lists the children it started (the pool's threads start the workers).
            children = [
                int(child)
                for task in Path(f"/proc/{current}/task").iterdir()
                for child in (task / "children").read_text().split()
            ]
        except (FileNotFoundError, ProcessLookupError):
            continue
        ticks += int(stat[11]) + int(stat[12])
        pids.extend(children)
    return ticks / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _round(series: Series, convert: Callable[[Any], bytes], items: list[Any],
           cpu: Callable[[], float]) -> None:  # fmt: skip
    """Convert `items` from THREADS threads; record the wall time, latencies and pages."""

    def timed(item: Any) -> tuple[float, bytes]:
        began = time.perf_counter()
        pdf = convert(item)
        return time.perf_counter() - began, pdf

    cpu_before = cpu()
    began = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(timed, items))
    series.rounds.append(time.perf_counter() - began)
    series.cpu.append((cpu() - cpu_before) / len(items))
    series.latencies += [seconds for seconds, _ in results]
    series.pages += [page_count(pdf) for _, pdf in results]


def run(rounds: int = ROUNDS, with_cold: bool = True) -> dict[str, Any]:
    """Interleaved rounds of the four converters on distinct real plans."""
    rounds = int(os.environ.get("PDF_BENCH_ROUNDS", rounds))  # more rounds: steadier figures
    with_cold = with_cold and os.environ.get("PDF_BENCH_COLD", "1") != "0"  # 0: skip, faster
    gunicorn, inprocess = Series("gunicorn"), Series("werkzeug")
    peer, cold = Series("unoserver"), Series("cold")
    salt = iter(range(1, 1000))
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        served, local = Gunicorn(Path(tmp)), InProcess(Path(tmp))
        unoserver = UnoserverPool(INSTANCES)
        soffice = ColdSoffice()
        try:
            # Warm-up, not counted: each instance's first conversions fill its caches.
            warm = Series("warm-up")
            for client in (served, local):
                _round(warm, client.convert, distinct(PER_ROUND, next(salt)), _no_cpu)
            _round(warm, unoserver.convert, render(distinct(PER_ROUND, next(salt))), _no_cpu)
            if with_cold:
                _round(warm, soffice.convert, render(distinct(THREADS, next(salt))), _no_cpu)
            for _ in range(rounds):
                for series, client in ((gunicorn, served), (inprocess, local)):
                    plans = distinct(PER_ROUND, next(salt))
                    _round(series, client.convert, plans, client.cpu_seconds)
                docx = render(distinct(PER_ROUND, next(salt)))
                _round(peer, unoserver.convert, docx, lambda: _tree_cpu_all(unoserver))
                if with_cold:
                    docx = render(distinct(PER_ROUND, next(salt)))
                    _round(cold, soffice.convert, docx, _children_cpu)
            cache = _cache_figures(local, distinct(PER_ROUND, next(salt)))
        finally:
            served.close()
            local.close()
            unoserver.close()
            soffice.close()
    return {"series": [gunicorn, inprocess, peer, cold], "cache": cache}


def _cache_figures(client: ServiceClient, plans: list[dict[str, Any]]) -> dict[str, float]:
    """An unchanged draft downloaded twice: the second answer comes from the PDF cache."""
    misses, hits = [], []
    for plan in plans:
        for seconds in (misses, hits):
            began = time.perf_counter()
            client.convert(plan)
            seconds.append(time.perf_counter() - began)
    return {"miss_ms": statistics.median(misses) * 1000, "hit_ms": statistics.median(hits) * 1000}


def _no_cpu() -> float:
    return 0.0


def _tree_cpu_all(pool: UnoserverPool) -> float:
    return sum(_tree_cpu(proc.pid) for proc in pool._procs)


def report(figures: dict[str, Any]) -> str:
    """Throughput, ratios and latency, one line per converter."""
    gunicorn, inprocess, peer, cold = figures["series"]
    pages = statistics.mean(gunicorn.pages)
    lines = [
        f"PDF of real plans ({PER_ROUND} distinct a round, {pages:.1f} pages on average),"
        f" {THREADS} client threads, {INSTANCES} instances, best of {len(peer.rounds)}"
        " interleaved rounds; the service through HTTP, DOCX render included",
    ]
    for s in (gunicorn, inprocess, peer, cold):
        if not s.rounds:
            continue
        lines.append(
            f"  {s.name:9s} {s.throughput:5.2f} docs/s ({1 / s.throughput:.3f} s/doc),"
            f" latency p50 {s.percentile(0.5) * 1000:.0f} ms p95 {s.percentile(0.95) * 1000:.0f}"
            f" ms, CPU {statistics.median(s.cpu) * 1000:.0f} ms/doc,"
            f" rounds {' '.join(f'{r:.2f}' for r in s.rounds)} s"
        )
    for s in (gunicorn, inprocess):
        versus_cold = f"{s.throughput / cold.throughput:.1f}x" if cold.rounds else "not run"
        lines.append(
            f"  {s.name} vs unoserver: {s.throughput / peer.throughput:.2f}x (goal >= 1.1x);"
            f" vs cold soffice: {versus_cold} (goal >= 6x)"
        )
    cache = figures["cache"]
    lines.append(
        f"  PDF cache (unchanged draft again, one client): hit {cache['hit_ms']:.1f} ms,"
        f" miss {cache['miss_ms']:.0f} ms (p50 of {PER_ROUND}, DOCX render and HTTP included)"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
