"""Batch settings: Flask config keys, or the same `PLANDOC_*` variables read by a worker."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service.rendering import DEFAULT_TEMPLATES

ROOT = Path(__file__).resolve().parent.parent.parent
PREFIX = "PLANDOC_"

# Config key -> default; each is overridden by the environment variable PLANDOC_<key>.
DEFAULTS: dict[str, Any] = {
    "BATCH_BACKEND": "embedded",  # or "celery"
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # Celery's broker
    "STORAGE_DIR": str(ROOT / "var" / "batches"),  # shared by every worker (NFS for several)
    "BATCH_WORKERS": 2,  # threads of the embedded pool
    "BATCH_LEASE_SECONDS": 60.0,  # a claimed row returns to the pool if not renewed in time
    "BATCH_MAX_ATTEMPTS": 3,  # per row, crashes of its worker included
    "BATCH_MAX_ROWS": 5000,
    "BATCH_MAX_CONTENT_LENGTH": 32 * 1024 * 1024,  # a batch request or its uploaded table
    "BATCH_ROW_PAUSE": 0.0,  # seconds between rows, to leave CPU to the web service
    # How often idle embedded workers look for unfinished batches: another gunicorn worker
    # joins a batch within this (a 100-commune PDF batch takes about 5 s).
    "BATCH_POLL_SECONDS": 1.0,
    "BATCH_PDF_GROUP": 10,  # communes converted in one LibreOffice load (1: one by one)
    "BATCH_CELERY_TASKS": 8,  # drain tasks sent per batch: at least the workers' total
    "BATCH_CELERY_QUEUE": "plandoc-batches",
}


@dataclass(frozen=True)
class BatchSettings:
    """Everything the batch machinery needs to know, from one config mapping."""

    backend: str = DEFAULTS["BATCH_BACKEND"]
    redis_url: str = DEFAULTS["REDIS_URL"]
    storage_dir: Path = Path(DEFAULTS["STORAGE_DIR"])
    workers: int = DEFAULTS["BATCH_WORKERS"]
    lease_seconds: float = DEFAULTS["BATCH_LEASE_SECONDS"]
    max_attempts: int = DEFAULTS["BATCH_MAX_ATTEMPTS"]
    max_rows: int = DEFAULTS["BATCH_MAX_ROWS"]
    max_content_length: int = DEFAULTS["BATCH_MAX_CONTENT_LENGTH"]
    row_pause: float = DEFAULTS["BATCH_ROW_PAUSE"]
    poll_seconds: float = DEFAULTS["BATCH_POLL_SECONDS"]
    pdf_group: int = DEFAULTS["BATCH_PDF_GROUP"]
    celery_tasks: int = DEFAULTS["BATCH_CELERY_TASKS"]
    celery_queue: str = DEFAULTS["BATCH_CELERY_QUEUE"]
    database_url: str | None = None
    templates_dir: Path = field(default=DEFAULT_TEMPLATES)

    def __post_init__(self) -> None:
        if self.backend not in ("embedded", "celery"):
            raise ValueError(f"BATCH_BACKEND must be embedded or celery, not {self.backend!r}")
        counts = (self.workers, self.max_attempts, self.max_rows, self.celery_tasks, self.pdf_group)
        if min(counts) < 1:
            raise ValueError(f"batch counts must be at least 1: {self}")
        if self.lease_seconds <= 0 or self.poll_seconds <= 0 or self.row_pause < 0:
            raise ValueError(f"invalid batch timings: {self}")

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> BatchSettings:
        """From a Flask config (or any mapping with the same keys); missing keys take DEFAULTS."""

        def get(key: str) -> Any:
            value = config.get(key)
            return DEFAULTS.get(key) if value is None else value

        templates = config.get("TEMPLATES_DIR")
        return cls(
            backend=str(get("BATCH_BACKEND")),
            redis_url=str(get("REDIS_URL")),
            storage_dir=Path(str(get("STORAGE_DIR"))).expanduser(),
            workers=int(get("BATCH_WORKERS")),
            lease_seconds=float(get("BATCH_LEASE_SECONDS")),
            max_attempts=int(get("BATCH_MAX_ATTEMPTS")),
            max_rows=int(get("BATCH_MAX_ROWS")),
            max_content_length=int(get("BATCH_MAX_CONTENT_LENGTH")),
            row_pause=float(get("BATCH_ROW_PAUSE")),
            poll_seconds=float(get("BATCH_POLL_SECONDS")),
            pdf_group=int(get("BATCH_PDF_GROUP")),
            celery_tasks=int(get("BATCH_CELERY_TASKS")),
            celery_queue=str(get("BATCH_CELERY_QUEUE")),
            database_url=config.get("DATABASE_URL") or None,
            templates_dir=Path(str(templates)).expanduser() if templates else DEFAULT_TEMPLATES,
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> BatchSettings:
        """From `PLANDOC_*` variables, parsed as Flask's `from_prefixed_env` parses them."""
        return cls.from_config(env_config(os.environ if environ is None else environ))


def env_config(environ: Mapping[str, str]) -> dict[str, Any]:
    """`PLANDOC_BATCH_WORKERS=4` -> {"BATCH_WORKERS": 4}: JSON when it parses, else the text."""
    config: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(PREFIX):
            continue
        try:
            config[name.removeprefix(PREFIX)] = json.loads(raw)
        except ValueError:
            config[name.removeprefix(PREFIX)] = raw
    return config
