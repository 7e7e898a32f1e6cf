"""A district's merged PDF: every commune's PDF and the merged PDF with a bookmark each.

`python -m bench batch_pdf`. 100 communes of one plan (bench.batch_bench's table),
rendered beforehand. Ours: the pool of 2 converts groups of GROUP communes, each joined
into one DOCX (grouped.py), two groups at a time, and cuts each joint PDF into the
communes' PDFs while appending them to the merged PDF. The peer: unoserver with 2
instances converting each commune from 4 threads, then the same streaming merge. Also
our pool one commune at a time, for reference. Rounds interleaved, best of ROUNDS.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bench.batch_bench import request
from bench.unoserver_peer import UnoserverPool
from service.batch.validation import check
from service.rendering import Renderer
from service.rendering.pdf import LibreOfficePool, PoolConfig, merge_to
from service.rendering.pdf.grouped import SECONDS_PER_DOCUMENT, group, split
from service.rendering.pdf.streaming import StreamingMerger

COMMUNES = 100
GROUP = 10
ROUNDS = 2


def communes(count: int) -> list[tuple[str, bytes]]:
    """(commune, DOCX) for `count` communes of the bench's district."""
    expander, prepared = check(request(count))
    renderer = Renderer()
    return [(row.label, renderer.render_docx(expander.document(row.row))) for row in prepared]


def per_file(convert: Callable[[bytes], bytes], items: list[tuple[str, bytes]]) -> int:
    """Each commune converted on its own from 4 threads, then merged; the merged size."""
    with ThreadPoolExecutor(4) as pool:
        pdfs = list(pool.map(convert, [docx for _, docx in items]))
    with tempfile.TemporaryFile() as out:
        merge_to(zip([title for title, _ in items], pdfs, strict=True), out)
        return out.tell()


def grouped(pool: LibreOfficePool, items: list[tuple[str, bytes]]) -> int:
    """Joint conversions two at a time; each joint PDF cut in order while the next converts."""
    groups = [items[i : i + GROUP] for i in range(0, len(items), GROUP)]

    def convert(chunk: list[tuple[str, bytes]]) -> bytes:
        joined = group([docx for _, docx in chunk])
        assert joined is not None, "the bench's communes share one template"
        timeout = pool.config.timeout + SECONDS_PER_DOCUMENT * len(chunk)
        return pool.convert_counted(joined.docx, timeout=timeout, destinations=True).pdf

    with tempfile.TemporaryFile() as out, ThreadPoolExecutor(pool.config.instances) as threads:
        merged = StreamingMerger(out)
        for chunk, pdf in zip(groups, threads.map(convert, groups), strict=True):
            split(pdf, [docx for _, docx in chunk], merged, [title for title, _ in chunk])
        merged.finish()
        return out.tell()


def run(count: int = COMMUNES, rounds: int = ROUNDS) -> dict[str, Any]:
    """Interleaved rounds: ours grouped, unoserver per commune, ours per commune."""
    count = int(os.environ.get("BATCH_PDF_COMMUNES", count))
    items = communes(count)
    seconds: dict[str, list[float]] = {"grouped": [], "unoserver": [], "pool": []}
    config = PoolConfig(instances=2, max_conversions=10_000, timeout=60)
    with LibreOfficePool(config) as pool, UnoserverPool(2) as peer:
        pool.start()
        warm = communes(4)
        per_file(peer.convert, warm)
        per_file(pool.convert, warm)
        for _ in range(rounds):
            for name, way in (
                ("grouped", lambda: grouped(pool, items)),
                ("unoserver", lambda: per_file(peer.convert, items)),
                ("pool", lambda: per_file(pool.convert, items)),
            ):
                began = time.perf_counter()
                way()
                seconds[name].append(time.perf_counter() - began)
    return {"communes": count, "seconds": seconds}


def report(figures: dict[str, Any]) -> str:
    """Communes a second to the merged PDF, best round, and the ratios."""
    n, seconds = figures["communes"], figures["seconds"]
    rate = {name: n / min(values) for name, values in seconds.items()}
    lines = [f"Merged PDF of {n} communes (every commune's PDF too), 2 instances each,"
             f" best of {len(seconds['grouped'])} interleaved rounds"]  # fmt: skip
    labels = {"grouped": f"ours, groups of {GROUP} joined", "unoserver": "unoserver per commune",
              "pool": "ours per commune"}  # fmt: skip
    for name, values in seconds.items():
        lines.append(f"  {labels[name]:28s} {rate[name]:5.1f} communes/s"
                     f" (rounds {' '.join(f'{v:.1f}' for v in values)} s)")  # fmt: skip
    versus = rate["grouped"] / rate["unoserver"]
    lines.append(f"  grouped vs unoserver: {versus:.2f}x (goal >= 1.5x);"
                 f" vs ours per commune: {rate['grouped'] / rate['pool']:.2f}x")  # fmt: skip
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
