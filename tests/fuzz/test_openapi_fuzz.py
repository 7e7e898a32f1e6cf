"""Fuzzing every endpoint against our own OpenAPI description with schemathesis, strictly:
every check on (status codes, media types, headers and bodies against response schemas
that allow no undescribed field, negative data rejected, undocumented methods 405), and
schema-valid data accepted wherever the description states every rule the service applies.

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
from service.rendering.pdf import FakeConverter

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
_DATABASE = Path(tempfile.mkdtemp(prefix="fuzz-")) / "fuzz.db"
APP = create_app(
    {
        "TESTING": True,
        "AUTH_REQUIRED": True,
        "DATABASE_URL": f"sqlite:///{_DATABASE}",
        "RATE_LIMIT_PER_MINUTE": 0,
        # The HTTP contract is fuzzed here, not LibreOffice (tests/pdf drives the real pool):
        # an in-memory converter, so `format=pdf` answers 200 rather than 503 "no converter".
        "PDF_CONVERTER": FakeConverter(),
    }
)
_, KEY = APP.extensions["accounts"].create_key("fuzz", "schemathesis")
AUTH = {"X-API-Key": KEY}  # schemathesis also checks that requests without it are refused
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
# A valid request may still name a draft that is not there (404) or a stale version (412).
SCHEMA.config.checks.positive_data_acceptance.expected_statuses = [
    "2xx", "3xx", "401", "403", "404", "409", "412", "429"
]  # fmt: skip
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CALLS = {"count": 0}
# Where a schema-valid request may still break a rule JSON Schema cannot state (that is the
# documented 422, not a contradiction), schema-valid data is not required to be accepted.
RULES_BEYOND_THE_SCHEMA = {
    "POST /api/v1/documents": "KT. needs the head, {value} needs a value, real calendar dates",
    "POST /api/v1/documents/validate": "the same rules as rendering",
    "POST /api/v1/batches": "every row is checked against the plan contract",
    "POST /api/v1/batches/validate": "every row is checked against the plan contract",
    "POST /api/v1/batches/template": "the plan is checked against the plan contract",
    "POST /api/v1/check": "any bytes are `format: binary`; only a real DOCX can be read",
    "POST /api/v1/drafts/cascade": "the parent and the lower header must make a valid plan",
    "GET /api/v1/drafts": "a cursor is opaque: only one this service gave is valid",
    # Text typed in the legacy TCVN3/VNI encodings is refused (schemas/encoding.py): no
    # pattern can state it, and random Latin-1 text sometimes looks like it.
    "POST /api/v1/drafts": "legacy-encoded names",
    "PATCH /api/v1/drafts/{draft_id}": "legacy-encoded names",
    "POST /api/v1/drafts/{draft_id}/duplicate": "legacy-encoded names",
}


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_no_server_error_and_no_response_contradicts_the_spec(operation: Any) -> None:
    excluded = [positive_data_acceptance] if operation.label in RULES_BEYOND_THE_SCHEMA else []

    @settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(operation.as_strategy())
    def check(case: schemathesis.Case) -> None:
        CALLS["count"] += 1
        case.call_and_validate(headers=AUTH, excluded_checks=excluded)

    check()


def test_fuzzing_covered_every_operation() -> None:
    documented = {
        (method.upper(), path)
        for path, item in SCHEMA.raw_schema["paths"].items()
        for method in item
        if path != "/api/v1/openapi.json"  # schemathesis skips the description it reads
    }
    assert {(op.method.upper(), op.path) for op in OPERATIONS} == documented
    assert set(RULES_BEYOND_THE_SCHEMA) <= {op.label for op in OPERATIONS}
    assert CALLS["count"] >= len(OPERATIONS)


def test_response_shapes_allow_no_undescribed_field() -> None:
    schemas = SCHEMA.raw_schema["components"]["schemas"]
    for name in ("Problem", "DraftSummary", "BatchStatus", "BatchValidation", "Report"):
        assert schemas[name]["additionalProperties"] is False, name
