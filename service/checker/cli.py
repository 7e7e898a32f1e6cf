"""`python -m service check file.docx`: the report on the terminal, an exit status for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from service.checker import KINDS, LOCALES, check
from service.errors import UnreadableDocumentError

OK, FOUND_ERRORS, UNREADABLE = 0, 1, 2


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the `check` command."""
    parser = commands.add_parser("check", help="check a DOCX against Decree 30")
    parser.add_argument("files", nargs="+", type=Path, help="DOCX files to check")
    parser.add_argument("--kind", choices=KINDS, help="document type (detected if omitted)")
    parser.add_argument("--lang", choices=LOCALES, default="vi", help="language of the report")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """0 when every file is free of errors, 1 when some has errors, 2 when one is unreadable."""
    status = OK
    for path in args.files:
        try:
            report = check(path.read_bytes(), kind=args.kind, locale=args.lang)
        except (OSError, UnreadableDocumentError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            status = UNREADABLE
            continue
        if args.json:
            print(json.dumps({"file": str(path), **report.to_dict()}, ensure_ascii=False))
        else:
            print(
                f"{path}: {report.errors} lỗi, {report.warnings} cảnh báo"
                if args.lang == "vi"
                else f"{path}: {report.errors} errors, {report.warnings} warnings"
            )
            for finding in report.findings:
                where = finding.where
                place = f"§{where.paragraph}" if where.paragraph is not None else where.part
                print(
                    f"  [{finding.severity}] {finding.rule} {place} “{where.text}”: "
                    f"{finding.found} → {finding.expected}. {finding.hint}"
                )
        if report.errors and status == OK:
            status = FOUND_ERRORS
    return status
