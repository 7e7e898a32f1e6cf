"""`python -m service check FILE|FOLDER ...`: reports on the terminal (or JSON lines), a
summary table for several files, and an exit status for scripts.

Imports stay light until a file is checked; LibreOffice starts only with --exact-pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .kinds import KIND_IDS
from .messages import LOCALES
from .spec import PROFILES

if TYPE_CHECKING:
    from .report import Report

OK, FOUND_ERRORS, UNREADABLE = 0, 1, 2
SUFFIXES = (".docx", ".doc", ".rtf", ".docm")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the `check` command."""
    parser = commands.add_parser(
        "check",
        help="check Word files against Decree 30",
        description="Check Word files (.docx; .doc and .rtf through LibreOffice) against "
        "Decree 30/2020. A folder is checked file by file, with a summary table.",
    )
    parser.add_argument("files", nargs="+", type=Path, help="Word files or folders")
    parser.add_argument("--kind", choices=KIND_IDS, help="document type (detected if omitted)")
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        default="decree",
        help="decree: the decree's ranges (default); house: our renderer's values too",
    )
    parser.add_argument("--lang", choices=LOCALES, default="vi", help="language of the report")
    parser.add_argument("--json", action="store_true", help="one JSON report per line")
    parser.add_argument(
        "--exact-pages",
        action="store_true",
        help="count pages through LibreOffice's layout (starts LibreOffice: slower)",
    )
    parser.set_defaults(run=run)


def files(paths: list[Path]) -> Iterator[Path]:
    """Each file named, and the Word files in each folder named (sorted, recursively)."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            yield from sorted(p for p in found if p.is_file() and not p.name.startswith("~$"))
        else:
            yield path


def run(args: argparse.Namespace) -> int:
    """0 when every file is free of errors, 1 when some has errors, 2 when one is unreadable."""
    from service.errors import UnsafeUpload  # imported here: `check --help` stays light

    from . import check
    from .legacy import legacy_format, to_docx
    from .messages import explain

    pages = _page_counter() if args.exact_pages else None
    status = OK
    rows: list[tuple[Path, Report | None, str]] = []
    try:
        for path in files(args.files):
            try:
                data, source = path.read_bytes(), None
                if legacy_format(data):  # converted once, for the layout and the check
                    data, source = to_docx(data), legacy_format(data)
                report = check(
                    data,
                    kind=args.kind,
                    locale=args.lang,
                    profile=args.profile,
                    pages=pages(data) if pages is not None else None,
                    source=source,
                )
            except OSError as error:
                status = UNREADABLE
                rows.append((path, None, error.strerror or str(error)))
                print(f"{path}: {error.strerror or error}", file=sys.stderr)
                continue
            except UnsafeUpload as error:
                status = UNREADABLE
                rows.append((path, None, explain(error, args.lang)))
                print(f"{path}: {explain(error, args.lang)}", file=sys.stderr)
                continue
            rows.append((path, report, ""))
            _print(path, report, args)
            if report.errors and status == OK:
                status = FOUND_ERRORS
    finally:
        if pages is not None:
            pages.close()
    if len(rows) > 1 and not args.json:
        _summary(rows, args.lang)
    return status


def _print(path: Path, report: Report, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps({"file": str(path), **report.to_dict()}, ensure_ascii=False))
        return
    vi = args.lang == "vi"
    converted = (
        f" ({'chuyển từ' if vi else 'converted from'} .{report.source})" if report.source else ""
    )
    counts = (
        f"{report.errors} lỗi, {report.warnings} cảnh báo"
        if vi
        else f"{report.errors} errors, {report.warnings} warnings"
    )
    print(f"{path}{converted}: {counts}")
    for finding in report.findings:
        where = finding.where
        place = f"§{where.paragraph}" if where.paragraph is not None else where.part
        if where.part == "header" and where.paragraph is not None:
            place = f"{'đầu trang' if vi else 'header'} §{where.paragraph}"
        print(
            f"  [{finding.severity}] {finding.rule} {place} “{where.text}”: "
            f"{finding.found} → {finding.expected}. {finding.hint}"
        )


def _summary(rows: list[tuple[Path, Report | None, str]], lang: str) -> None:
    vi = lang == "vi"
    heads = (
        ("tệp", "loại", "trang", "lỗi", "cảnh báo")
        if vi
        else ("file", "kind", "pages", "errors", "warnings")
    )
    table = [heads]
    for path, report, problem in rows:
        if report is None:
            table.append((path.name, problem[:60], "", "", ""))
        else:
            pages = f"{report.pages}{'' if report.pages_known else '~'}"
            table.append(
                (path.name, report.kind or "?", pages, str(report.errors), str(report.warnings))
            )
    widths = [max(len(row[col]) for row in table) for col in range(len(heads))]
    print()
    for number, row in enumerate(table):
        print("  ".join(cell.ljust(widths[col]) for col, cell in enumerate(row)).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


def _page_counter() -> Any:
    """Counts pages through LibreOffice's layout: a warm pool, closed when done."""
    from service.rendering.pdf import LibreOfficePool, PoolConfig, page_count

    class Pages:
        def __init__(self) -> None:
            self.pool = LibreOfficePool(PoolConfig.from_env())

        def __call__(self, docx: bytes) -> int:
            return page_count(self.pool.convert(docx))

        def close(self) -> None:
            self.pool.close()

    return Pages()
