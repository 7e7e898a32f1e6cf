"""A claimed block of rows to their files: each row's DOCX, then the PDFs, joined in groups.

The block is taken in chunks of `size` rows (the batch's PDF group; one row when the
batch asks no PDF, asks PDF/A or its converter cannot join documents). Each row of a
chunk is rendered and its DOCX stored; then the chunk's PDFs come from one LibreOffice
load (`pdf_batch.joint_pdfs`) and each is stored with its page count. A joint conversion
that does not apply or fails is not the rows' failure: they are converted one by one and
each failure is classified for its own row. A full PDF queue, or a retryable failure
while the worker is stopping (its PDF pool closing under it), hands the rest of the
block back without spending an attempt. A chunk once started finishes; a stopping
worker starts no other.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from schemas import InvalidDocument
from schemas.messages import code
from service.batch import pdf_batch
from service.batch.archive import item_key
from service.batch.expand import Expander, RowInvalid
from service.batch.records import Batch, Claimed, Outcome
from service.batch.settings import BatchSettings
from service.batch.storage import Storage
from service.errors import (
    ConversionError,
    ConverterBusy,
    ConverterUnavailable,
    PlanError,
    RenderError,
)
from service.rendering import Renderer
from service.rendering.pdf import Converted, Converter

log = logging.getLogger(__name__)
T = TypeVar("T")
Outputs = list[dict[str, object]]


def stopping(stop: threading.Event) -> bool:
    """Whether this worker must stop: told so, or the process is exiting (main thread over)."""
    return stop.is_set() or not threading.main_thread().is_alive()


@dataclass(frozen=True)
class HandBack:
    """Rows given back without spending an attempt, `wait` seconds before the next claim:
    the process is stopping, or the PDF converter is busy with other requests."""

    wait: float = 0.0


@dataclass(frozen=True)
class Rendered:
    """A row whose DOCX is stored: the PDF comes next."""

    item: Claimed
    docx: bytes
    outputs: Outputs


def group_size(batch: Batch, settings: BatchSettings, converter: Callable[[], Converter]) -> int:
    """How many of the batch's rows are converted in one LibreOffice load (1: one by one)."""
    if "pdf" not in batch.formats or settings.pdf_group < 2:
        return 1
    try:
        joiner = pdf_batch.joiner(converter(), pdfa=bool(batch.settings.get("pdfa")))
    except ConverterUnavailable:  # PDF disabled here: each row fails as it would alone
        return 1
    return 1 if joiner is None else settings.pdf_group


@dataclass
class Block:
    """One claimed block's work; `outcomes` and `handed_back` are what the worker records."""

    batch: Batch
    expander: Expander
    renderer: Renderer
    storage: Storage
    converter: Callable[[], Converter]
    settings: BatchSettings
    stop: threading.Event
    size: int = 1
    outcomes: list[Outcome] = field(default_factory=list)
    handed_back: HandBack | None = None

    def run(self, claimed: Sequence[Claimed]) -> None:
        """Every row in order, chunk by chunk, until done, handed back or stopping."""
        for start in range(0, len(claimed), self.size):
            if stopping(self.stop):
                return
            chunk = claimed[start : start + self.size]
            rendered: list[Rendered] = []
            for item in chunk:
                if (row := self._attempt(item, partial(self._docx, item))) is not None:
                    rendered.append(row)
                if self.handed_back is not None:
                    return
            if "pdf" in self.batch.formats:
                self._pdfs(rendered)
            else:
                self.outcomes += [Outcome(r.item.id, "done", r.outputs) for r in rendered]
            if self.handed_back is not None:
                return
            if self.settings.row_pause:
                self.stop.wait(self.settings.row_pause * len(chunk))

    def _docx(self, item: Claimed) -> Rendered:
        docx = self.renderer.render_docx(self.expander.document(item.row))
        key = item_key(self.batch.id, item.position, item.label, "docx")
        self.storage.write(key, docx)
        return Rendered(item, docx, [{"format": "docx", "key": key, "bytes": len(docx)}])

    def _pdfs(self, rendered: list[Rendered]) -> None:
        """The chunk's PDFs: joined when it can, else (or on failure) one by one."""
        pdfa = bool(self.batch.settings.get("pdfa"))
        parts = self._joint(rendered, pdfa) if len(rendered) > 1 else None
        for index, row in enumerate(rendered):
            if self.handed_back is not None:
                return
            if parts is not None:
                part: Converted | None = parts[index]
            elif index and stopping(self.stop):
                return  # no new conversion: the rest goes back
            else:
                part = self._attempt(row.item, partial(self._commune_pdf, row.docx, pdfa))
            if part is not None:
                done = self._attempt(row.item, partial(self._store_pdf, row, part))
                if done is not None:
                    self.outcomes.append(Outcome(row.item.id, "done", done))

    def _joint(self, rendered: list[Rendered], pdfa: bool) -> list[Converted] | None:
        """The rows' PDFs from one joint conversion, or None to convert them one by one."""
        try:
            joiner = pdf_batch.joiner(self.converter(), pdfa=pdfa)
            if joiner is None:
                return None
            return pdf_batch.joint_pdfs(joiner, [row.docx for row in rendered])
        except ConverterBusy as error:  # web requests fill the PDF queue: not the rows' failure
            self.handed_back = HandBack(error.retry_after)
        except ConverterUnavailable as error:
            if stopping(self.stop):
                log.info("%d rows handed back, the worker is stopping: %s", len(rendered), error)
                self.handed_back = HandBack()
            else:
                log.warning("%d rows converted one by one: %s", len(rendered), error)
        return None

    def _commune_pdf(self, docx: bytes, pdfa: bool) -> Converted:
        return pdf_batch.commune_pdf(self.converter(), docx, pdfa=pdfa)

    def _store_pdf(self, row: Rendered, part: Converted) -> Outputs:
        key = item_key(self.batch.id, row.item.position, row.item.label, "pdf")
        self.storage.write(key, part.pdf)
        return [*row.outputs, {"format": "pdf", "key": key, "bytes": len(part.pdf),
                               "pages": part.pages}]  # fmt: skip

    def _attempt(self, item: Claimed, step: Callable[[], T]) -> T | None:
        """One step of a row; a failure is classified, never reported as success: it becomes
        the row's outcome, or hands the block back."""
        try:
            return step()
        except (RowInvalid, InvalidDocument, PlanError, RenderError) as error:
            self._failed(item, code("render_failed"), error, retry=False)
        except ConverterBusy as error:  # web requests fill the PDF queue: not the row's failure
            self.handed_back = HandBack(error.retry_after)
        except ConversionError as error:
            self._failed(item, code("conversion_failed"), error, retry=True)
        except OSError as error:
            self._failed(item, code("storage_failed"), error, retry=True)
        except Exception as error:  # a bug: logged, and the row counts a failed attempt
            log.exception("batch %s row %d failed unexpectedly", self.batch.id, item.position)
            self._failed(item, code("internal_error"), error, retry=True)
        return None

    def _failed(self, item: Claimed, message: str, error: Exception, *, retry: bool) -> None:
        if retry and stopping(self.stop):
            log.info("row %d handed back, the worker is stopping: %s", item.position, error)
            self.handed_back = HandBack()
            return
        again = retry and item.attempts < self.settings.max_attempts
        log.warning("row %d %s: %s", item.position, "will be retried" if again else "failed", error)
        detail = error.errors if isinstance(error, RowInvalid | InvalidDocument) else str(error)
        self.outcomes.append(
            Outcome(item.id, "pending" if again else "failed", [],
                    {"code": message, "detail": detail})
        )  # fmt: skip
