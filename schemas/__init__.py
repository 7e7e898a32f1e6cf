"""marshmallow schemas: the single source of validation for the API, the form and OpenAPI."""

from schemas.common import DocumentSchema
from schemas.document import (
    SCHEMAS,
    InvalidDocument,
    LetterSchema,
    PlanSchema,
    flatten,
    load_document,
)
from schemas.messages import localize

__all__ = [
    "SCHEMAS",
    "DocumentSchema",
    "InvalidDocument",
    "LetterSchema",
    "PlanSchema",
    "flatten",
    "load_document",
    "localize",
]
