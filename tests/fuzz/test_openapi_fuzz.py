"""Fuzzing every endpoint against our own OpenAPI description with schemathesis.

CI runs a bounded number of examples per operation; the long local run is
`FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/fuzz -p no:cacheprovider` (see SECURITY.md).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from service.http import create_app

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
_DATABASE = Path(tempfile.mkdtemp(prefix="fuzz-")) / "fuzz.db"
APP = create_app(
    {
        "TESTING": True,
        "AUTH_REQUIRED": True,
        "DATABASE_URL": f"sqlite:///{_DATABASE}",
        "RATE_LIMIT_PER_MINUTE": 0,
    }
)
_, KEY = APP.extensions["accounts"].create_key("fuzz", "schemathesis")
AUTH = {"X-API-Key": KEY}  # schemathesis also checks that requests without it are refused
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CALLS = {"count": 0}


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_no_server_error_and_no_response_contradicts_the_spec(operation: Any) -> None:
    @settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(operation.as_strategy())
    def check(case: schemathesis.Case) -> None:
        CALLS["count"] += 1
        # A schema-valid body may still break a business rule (a control character, KT.
        # without its head, TCVN3 text): that is the documented 422, not a contradiction.
        case.call_and_validate(headers=AUTH, excluded_checks=[positive_data_acceptance])

    check()


def test_fuzzing_covered_every_operation() -> None:
    documented = {
        (method.upper(), path)
        for path, item in SCHEMA.raw_schema["paths"].items()
        for method in item
        if path != "/api/v1/openapi.json"  # schemathesis skips the description it reads
    }
    assert {(op.method.upper(), op.path) for op in OPERATIONS} == documented
    assert CALLS["count"] >= len(OPERATIONS)
