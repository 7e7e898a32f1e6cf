"""How the LibreOffice pool is sized and timed: defaults, overridden by PDF_POOL_* variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Debian's interpreter: the only one with LibreOffice's `uno` module (package python3-uno).
UNO_PYTHON = "/usr/bin/python3"
SOFFICE_BIN = "/usr/lib/libreoffice/program/soffice.bin"


def _cpu_count() -> int:
    return len(os.sched_getaffinity(0)) or 1


@dataclass(frozen=True)
class PoolConfig:
    """Pool settings: sizes are counts, times are seconds."""

    instances: int = field(default_factory=_cpu_count)
    queue_size: int = 0  # 0: four waiting jobs per instance
    # Worst case for a caller: two attempts, each a start and a conversion, 100 s by default,
    # under gunicorn's 120 s (scripts/run.sh); an 11-page plan takes about 0.1 s warm.
    timeout: float = 30.0  # one conversion attempt
    start_timeout: float = 20.0  # one LibreOffice start
    max_conversions: int = 200  # then the instance is replaced by a fresh one
    python: str = UNO_PYTHON
    soffice: str = SOFFICE_BIN
    workdir: Path | None = None  # profiles and scratch files; None: the system's temp dir
    # The zone of the PDF's creation date: the documents' own (TZ syntax; "" keeps the host's).
    timezone: str = "Asia/Ho_Chi_Minh"

    def __post_init__(self) -> None:
        if self.instances < 1 or self.queue_size < 0 or self.max_conversions < 1:
            raise ValueError(f"invalid pool sizes: {self}")
        if self.timeout <= 0 or self.start_timeout <= 0:
            raise ValueError(f"invalid pool timeouts: {self}")
        if self.queue_size == 0:
            object.__setattr__(self, "queue_size", 4 * self.instances)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PoolConfig:
        """The defaults, overridden by any PDF_POOL_* variable set (see docs/pdf.md)."""
        # PDF_POOL_SIZE, _QUEUE, _TIMEOUT, _START_TIMEOUT, _MAX_CONVERSIONS, _PYTHON,
        # _SOFFICE, _WORKDIR and _TZ.
        env = os.environ if environ is None else environ
        default = cls()

        def number(name: str, fallback: float) -> float:
            raw = env.get(f"PDF_POOL_{name}", "").strip()
            try:
                return float(raw) if raw else fallback
            except ValueError:
                raise ValueError(f"PDF_POOL_{name} must be a number, not {raw!r}") from None

        workdir = env.get("PDF_POOL_WORKDIR", "").strip()
        return cls(
            instances=int(number("SIZE", default.instances)),
            queue_size=int(number("QUEUE", 0)),
            timeout=number("TIMEOUT", default.timeout),
            start_timeout=number("START_TIMEOUT", default.start_timeout),
            max_conversions=int(number("MAX_CONVERSIONS", default.max_conversions)),
            python=env.get("PDF_POOL_PYTHON", default.python),
            soffice=env.get("PDF_POOL_SOFFICE", default.soffice),
            workdir=Path(workdir) if workdir else None,
            timezone=env.get("PDF_POOL_TZ", default.timezone).strip(),
        )
