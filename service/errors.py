"""The service's exceptions, with no HTTP in them; the HTTP layer maps them once.

ServiceError
├── PlanError            a plan breaks an invariant of the domain model
├── NotFound, Conflict, PreconditionFailed, IdempotencyMismatch, StorageError: stores refuse
├── UnsafeUpload         an uploaded file the bounded reader refused (see service.untrusted)
│   ├── MalformedUpload       not the format it claims: not a zip, damaged XML, a DTD
│   │   └── UnreadableDocumentError  not a Word document the checker can open
│   ├── UploadTooLarge        it decompresses past a limit (per part or per upload)
│   └── UploadTooComplex      too many parts, elements or paragraphs, a number out of
│                             range, or longer than its time budget
├── JobCrashed           a job on an upload, run in its own process, raised a bug
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


class UnsafeUpload(ServiceError):
    """An uploaded file the bounded reader refused; `reason` says why, in English, for logs."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in a separate process and pickled back: rebuild from every field.
        return type(self), tuple(vars(self).values())


class MalformedUpload(UnsafeUpload):
    """Not the format it claims: not a zip, damaged or truncated XML, a DTD or entities."""


class UnreadableDocumentError(MalformedUpload):
    """The upload is not a Word document the checker can open; `code` names the case."""

    def __init__(self, reason: str, code: str = "unreadable") -> None:
        super().__init__(reason)
        self.code = code  # a key of the checker's messages: unreadable, strict, encrypted...


class UploadTooLarge(UnsafeUpload):
    """It decompresses past a limit, per part or per upload (sizes actually inflated)."""

    def __init__(self, reason: str, limit: int) -> None:
        super().__init__(reason)
        self.limit = limit  # the limit crossed, in bytes


class UploadTooComplex(UnsafeUpload):
    """Too many parts, elements or paragraphs, a number Word never writes, or too slow."""


class JobCrashed(ServiceError):
    """A job on an upload, run in its own process, raised an unexpected error (a bug)."""


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
