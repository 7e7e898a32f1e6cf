"""The JSON the API answers with, as marshmallow schemas: the OpenAPI description of every
response body is generated from them (requests are described by the schemas that load them).
"""

from __future__ import annotations

from marshmallow import RAISE, Schema, fields


class Shape(Schema):
    """An answer's shape: exactly these fields (`additionalProperties: false`), so that a
    field added to an answer without its description fails the contract tests."""

    class Meta:
        unknown = RAISE


class Problem(Shape):
    """An error (RFC 9457), with our `errors` by dotted path and our `code`."""

    type = fields.String(required=True, metadata={"example": "urn:plandoc:problem:invalid"})
    title = fields.String(required=True, metadata={"description": "The kind of problem"})
    status = fields.Integer(required=True, metadata={"example": 422})
    detail = fields.String(required=True, metadata={"description": "The first error, in words"})
    instance = fields.String(required=True, metadata={"description": "The request's path"})
    code = fields.Integer(required=True, metadata={"description": "The status again (v1)"})
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        required=True,
        metadata={
            "description": "Messages keyed by the dotted path of the field "
            "(`organization.assignments.3.agency`); `_schema` for the request as a whole."
        },
    )


class Valid(Shape):
    """A request that passed every check."""

    valid = fields.Boolean(required=True)


class DocumentType(Shape):
    """A document type the service renders (`service/documents/`)."""

    type = fields.String(required=True, metadata={"example": "ke_hoach"})
    name = fields.String(required=True, metadata={"example": "Kế hoạch"})
    cascades = fields.Boolean(
        required=True, metadata={"description": "A lower level can start its own from it"}
    )


class DocumentTypes(Shape):
    """Every type, for forms that list them."""

    types = fields.List(fields.Nested(DocumentType), required=True)


class DraftSummary(Shape):
    """A draft without its data."""

    id = fields.String(required=True, metadata={"pattern": "^[0-9a-f]{32}$"})
    name = fields.String(required=True)
    type = fields.String(required=True, allow_none=True, metadata={"description": "or null"})
    title = fields.String(required=True, metadata={"description": "The title on one line"})
    revision = fields.Integer(required=True, metadata={"description": "Counts the data's saves"})
    parent_id = fields.String(required=True, allow_none=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class Draft(DraftSummary):
    """A draft with its plan JSON exactly as typed (valid or not)."""

    data = fields.Dict(required=True)


class DraftPage(Shape):
    """One page of a unit's drafts, newest first."""

    drafts = fields.List(fields.Nested(DraftSummary), required=True)
    next_cursor = fields.String(
        required=True, allow_none=True, metadata={"description": "null on the last page"}
    )


class BatchLinks(Shape):
    """Where to follow and fetch a batch."""

    self_ = fields.String(data_key="self", required=True)
    archive = fields.String(required=True)
    merged_pdf = fields.String(metadata={"description": "Only when PDF was asked for"})


class BatchSummary(Shape):
    """A batch as submitted."""

    id = fields.String(required=True)
    status = fields.String(
        required=True,
        metadata={
            "description": "queued, running, then done (every commune has its files), "
            "partial (some failed: see failures) or failed (none done)"
        },
    )
    total = fields.Integer(required=True)
    formats = fields.List(fields.String(), required=True)
    urls = fields.Nested(BatchLinks, required=True)


class BatchFailure(Shape):
    """A commune whose documents could not be made."""

    row = fields.Integer(required=True)
    label = fields.String(required=True)
    attempts = fields.Integer(required=True)
    message = fields.String(required=True)
    detail = fields.Raw(allow_none=True, metadata={"description": "Field errors, if any"})


class BatchStatus(BatchSummary):
    """A batch's progress, failures and times."""

    done = fields.Integer(required=True)
    failed = fields.Integer(required=True)
    pending = fields.Integer(required=True)
    running = fields.Integer(required=True)
    progress = fields.Float(required=True, metadata={"minimum": 0, "maximum": 1})
    eta_seconds = fields.Float(required=True, allow_none=True)
    created_at = fields.DateTime(required=True)
    started_at = fields.DateTime(required=True, allow_none=True)
    finished_at = fields.DateTime(required=True, allow_none=True)
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), required=True)
    failures = fields.List(fields.Nested(BatchFailure), required=True)


class BatchRow(Shape):
    """A valid row: its position, its line in a CSV or Excel table, the commune's name."""

    row = fields.Integer(required=True)
    line = fields.Integer(metadata={"description": "The row's line in a CSV or Excel sheet"})
    label = fields.String(required=True)


class BatchValidation(Valid):
    """Every row of a batch request passed."""

    total = fields.Integer(required=True)
    rows = fields.List(fields.Nested(BatchRow), required=True)


class Where(Shape):
    """Where a finding is."""

    part = fields.String(required=True, metadata={"description": "body, header, footer…"})
    paragraph = fields.Integer(required=True, allow_none=True)
    text = fields.String(required=True)
    page = fields.Integer(required=True, allow_none=True)
    section = fields.Integer(required=True, allow_none=True)


class Finding(Shape):
    """One departure from Decree 30, explained."""

    rule = fields.String(required=True, metadata={"example": "date.leading_zero"})
    severity = fields.String(required=True, metadata={"enum": ["error", "warning"]})
    basis = fields.String(
        required=True,
        metadata={
            "enum": ["decree", "house", "file"],
            "description": "decree: a departure from Decree 30 (an error); house: our own "
            "chosen value (profile house); file: the file itself cannot be read as printed",
        },
    )
    message = fields.String(required=True)
    where = fields.Nested(Where, required=True)
    found = fields.String(required=True)
    expected = fields.String(required=True)
    hint = fields.String(required=True)


class Report(Shape):
    """Every finding of one check."""

    errors = fields.Integer(required=True)
    warnings = fields.Integer(required=True)
    kind = fields.String(required=True, allow_none=True)
    pages = fields.Integer(required=True)
    pages_known = fields.Boolean(required=True)
    pages_source = fields.String(
        required=True, metadata={"enum": ["layout", "word", "breaks", "estimate"]}
    )
    profile = fields.String(required=True, metadata={"enum": ["decree", "house"]})
    locale = fields.String(required=True)
    converted_from = fields.String(
        required=True, allow_none=True, metadata={"description": "`doc` or `rtf` when converted"}
    )
    truncated = fields.Boolean(
        required=True, metadata={"description": "More findings than the 1,000 listed"}
    )
    findings = fields.List(fields.Nested(Finding), required=True)
    paragraphs = fields.List(fields.String(), metadata={"description": "With `text=true`"})


class Health(Shape):
    """The process answers."""

    status = fields.String(required=True, metadata={"example": "ok"})


class PdfPool(Shape):
    """The PDF converter's state."""

    enabled = fields.Boolean(required=True)
    state = fields.String(
        required=True,
        metadata={"description": "ready, idle (starts on first use), closed, disabled"},
    )
    instances = fields.Integer(metadata={"description": "Running LibreOffice instances"})
    busy = fields.Integer(metadata={"description": "Instances converting now"})
    queued = fields.Integer(metadata={"description": "Conversions waiting"})


class Readiness(Health):
    """Whether the service can serve: its database and its PDF converters."""

    database = fields.String(required=True, metadata={"example": "ok"})
    pdf = fields.Nested(PdfPool, required=True)
