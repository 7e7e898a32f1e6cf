"""`python -m service batch plan.json communes.xlsx -o out/ [--pdf]`: a batch without a server.

The same use cases and worker as the web service, with a throw-away database and
storage in a temporary folder; the documents are then copied to `out/` under the
communes' names (and `merged.pdf`, `archive.zip` when asked).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from schemas import InvalidDocument, localize
from schemas.messages import code
from service.batch import archive, columns, services
from service.batch.located import located, table_error
from service.batch.records import Progress, utcnow
from service.batch.request import parse_request
from service.batch.runtime import BatchRuntime, build_runtime
from service.batch.settings import BatchSettings
from service.batch.tables import Table, TableError, read_table, table_limits
from service.errors import MalformedUpload, ServiceError, UnsafeUpload
from service.store import Database

UNIT = "cli"


def add_parser(commands: Any) -> None:
    """Add the `batch` command to `python -m service`."""
    parser = commands.add_parser(
        "batch",
        help="one plan per commune from a plan and a table",
        description="Render one document per row of TABLE from PLAN (a contract plan, or a "
        'batch request {"plan": ..., "fields": ..., "header": ..., "options": ...}).',
    )
    parser.add_argument("plan", type=Path, help="the base plan (JSON)")
    parser.add_argument("table", type=Path, help="the communes: .xlsx, .csv or .json")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder for the files")
    parser.add_argument("--pdf", action="store_true", help="PDF too, and merged.pdf")
    parser.add_argument("--pdfa", action="store_true", help="PDF/A-2b")
    parser.add_argument("--zip", action="store_true", help="also write archive.zip")
    parser.add_argument("--field", action="append", default=[], help="a declared {field}")
    parser.add_argument("--header", type=Path, help="JSON merged into every commune's plan")
    parser.add_argument("--days-before", type=int, help="report deadlines N days earlier")
    parser.add_argument("--no-cascade", action="store_true", help="no implementing line")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="messages")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate every row, render, copy out; 0 when every row is done, 1 if some failed,
    2 for invalid input."""
    settings = BatchSettings(workers=max(1, args.workers), poll_seconds=0.5, lease_seconds=30)
    try:
        envelope, table = _envelope(args, settings.max_rows)
        request = parse_request(envelope, settings.max_rows)
    except TableError as error:
        return _invalid(table_error(error, args.lang), args.lang)
    except InvalidDocument as error:
        return _invalid(error.errors, args.lang)
    except MalformedUpload:
        return _invalid({"table": [code("unreadable_table")]}, args.lang)
    except UnsafeUpload:
        return _invalid({"table": [code("table_too_large", table_limits())]}, args.lang)
    except (OSError, ValueError, ServiceError) as error:
        print(f"{error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="plandoc-batch-") as state:
        database = Database(f"sqlite:///{state}/batch.db")
        database.migrate()
        storage_dir = Path(state) / "storage"
        runtime = build_runtime(replace(settings, storage_dir=storage_dir), database)
        try:
            return _produce(runtime, request, args)
        except InvalidDocument as invalid:
            template = columns.key_headers(request.plan, request.fields)
            return _invalid(located(invalid.errors, table, template, args.lang), args.lang)
        finally:
            runtime.close()
            database.dispose()


def _envelope(args: argparse.Namespace, max_rows: int) -> tuple[dict[str, Any], Table]:
    data = json.loads(args.plan.read_text("utf-8"))
    envelope: dict[str, Any] = (
        dict(data) if isinstance(data, dict) and "plan" in data else {"plan": data}
    )
    if args.pdf or args.pdfa:
        envelope["formats"] = ["docx", "pdf"]
    envelope["fields"] = [*envelope.get("fields", []), *args.field]
    options = dict(envelope.get("options", {}))
    if args.no_cascade:
        options["cascade"] = False
    if args.days_before is not None:
        options["deadline_days_before"] = args.days_before
    if args.pdfa:
        options["pdfa"] = True
    envelope["options"] = options
    if args.header:
        envelope["header"] = json.loads(args.header.read_text("utf-8"))
    plan = envelope["plan"]
    headers = columns.header_keys(plan, envelope["fields"]) if isinstance(plan, dict) else {}
    table = read_table(args.table.name, args.table.read_bytes(), max_rows, headers)
    envelope["rows"] = table.rows
    return envelope, table


def _produce(runtime: BatchRuntime, request: Any, args: argparse.Namespace) -> int:
    batch, _ = services.submit(request, UNIT, None, batches=runtime.batches, queue=runtime.queue)
    bar = ProgressBar(batch.total, sys.stderr)
    while True:
        progress = runtime.batches.progress(batch.id)
        bar.show(progress)
        if progress.batch.finished:
            break
        time.sleep(0.2)
    bar.close()
    items = runtime.batches.done_items(batch.id)
    args.output.mkdir(parents=True, exist_ok=True)
    for item in items:
        for output in item.outputs:
            name = archive.entry_name(item.position, batch.total, item.label, output["format"])
            with (
                runtime.storage.open(output["key"]) as source,
                (args.output / name).open("wb") as out,
            ):
                shutil.copyfileobj(source, out)
    for key, name in _archives(runtime, batch.id, items, args):
        with runtime.storage.open(key) as source, (args.output / name).open("wb") as out:
            shutil.copyfileobj(source, out)
    for failure in progress.failures:
        message = localize(str(failure.error.get("code", "")), args.lang)
        print(f"rows.{failure.position} ({failure.label}): {message}", file=sys.stderr)
    print(f"{len(items)}/{batch.total} -> {args.output}", file=sys.stderr)
    return 1 if progress.failures else 0


def _archives(
    runtime: BatchRuntime, batch_id: str, items: Any, args: argparse.Namespace
) -> list[tuple[str, str]]:
    batch = runtime.batches.load(batch_id)
    wanted = []
    if args.zip and items:
        wanted.append((archive.ensure_zip(batch, items, runtime.storage), "archive.zip"))
    merged = (
        archive.ensure_merged(batch, items, runtime.storage) if "pdf" in batch.formats else None
    )
    if merged is not None:
        wanted.append((merged, "merged.pdf"))
    return wanted


def _invalid(errors: dict[str, list[str]], lang: str) -> int:
    for path, messages in errors.items():
        for message in messages:
            print(f"{path}: {localize(message, lang)}", file=sys.stderr)
    return 2


class ProgressBar:
    """`[##########----------]  15/30  50 %  ~3 s` on a terminal; a line per tenth elsewhere."""

    def __init__(self, total: int, stream: TextIO, width: int = 30) -> None:
        self.total, self.stream, self.width = total, stream, width
        self.tty = stream.isatty()
        self._tenth = -1

    def show(self, progress: Progress) -> None:
        """Draw the current state."""
        finished = progress.count("done") + progress.count("failed")
        share = finished / self.total if self.total else 1.0
        filled = int(share * self.width)
        eta = progress.eta_seconds(utcnow())
        line = (
            f"[{'#' * filled}{'-' * (self.width - filled)}] {finished:>{len(str(self.total))}}"
            f"/{self.total} {share:4.0%}" + (f"  ~{eta:.0f} s" if eta else "")
        )
        if self.tty:
            self.stream.write("\r" + line)
            self.stream.flush()
        elif int(share * 10) != self._tenth:
            self._tenth = int(share * 10)
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        """End the bar's line."""
        if self.tty:
            self.stream.write("\n")
