"""`python -m bench`: every benchmark in one run, each against its baseline."""

from __future__ import annotations

import importlib
import sys

SUITES = [
    "bench.docx_bench",
    "bench.table_bench",
    "bench.pdf_bench",
    "bench.checker_bench",
    "bench.batch_bench",
    "bench.batch_pdf_bench",
]


def main(names: list[str]) -> None:
    """Run the named suites (all by default) and print their figures."""
    for name in names or SUITES:
        module = importlib.import_module(name)
        figures = module.run()
        print(module.report(figures) if hasattr(module, "report") else figures, flush=True)
        print()


if __name__ == "__main__":
    main([f"bench.{n}_bench" if "." not in n else n for n in sys.argv[1:]])
