"""The rendering core is pure: it imports no Flask, no schemas, no queue (a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "service.model",
    "service.documents.registry",
    "service.vietnamese",
    "service.rendering",
    "service.rendering.context",
    "service.rendering.html",
]
FORBIDDEN = ["flask", "werkzeug", "marshmallow", "schemas", "service.http", "celery", "redis"]


def test_rendering_core_imports_no_web_framework_or_schemas() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "import service.documents.registry as r\nr.all_kinds()\n"  # every type module too
        + f"bad = [m for m in {FORBIDDEN!r} if m in sys.modules]\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
