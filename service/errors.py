"""The service's exceptions, with no HTTP in them; the HTTP layer maps them once.

ServiceError
├── PlanError            a plan breaks an invariant of the domain model
├── NotFound, Conflict, PreconditionFailed, IdempotencyMismatch, StorageError: stores refuse
├── RenderError          a template could not be rendered into a document
│   └── TemplateNotFound the named DOCX template does not exist
└── ConversionError      DOCX -> PDF failed (see service.rendering.pdf)
    ├── ConversionTimeout     a converter took longer than its timeout
    └── ConverterUnavailable  no converter could take the job (queue full, pool down)
        └── ConverterBusy     the queue is full: try again after `retry_after` seconds
"""


class ServiceError(Exception):
    """Base of every error the service raises on purpose."""


class PlanError(ServiceError):
    """A plan breaks an invariant of the domain model."""


class RenderError(ServiceError):
    """A document could not be rendered."""


class TemplateNotFound(RenderError):
    """The named DOCX template does not exist."""


class NotFound(ServiceError):
    """No such draft or batch in the caller's unit (another unit's records do not exist)."""


class Conflict(ServiceError):
    """A save based on a stale revision: someone saved the same draft in between."""


class PreconditionFailed(ServiceError):
    """A write whose `If-Match` names a version that is no longer the current one."""


class IdempotencyMismatch(ServiceError):
    """An Idempotency-Key sent again with another request than the first time."""


class StorageError(ServiceError):
    """The database refused a write (locked, disk full); the caller's input is kept."""


class AccountError(ServiceError):
    """An account or key could not be created (name taken, password too short)."""


class UnreadableDocumentError(ServiceError):
    """The upload is not a DOCX the checker can open (not a zip, a .doc, damaged XML)."""


class ConversionError(ServiceError):
    """DOCX to PDF conversion failed."""


class ConversionTimeout(ConversionError):
    """A converter took longer than its timeout."""


class ConverterUnavailable(ConversionError):
    """No converter could take the job: the queue is full or the pool is down."""


class ConverterBusy(ConverterUnavailable):
    """Every converter is busy and the queue is full; `retry_after` is a hint in whole seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
