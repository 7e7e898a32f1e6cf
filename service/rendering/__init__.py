"""The pure rendering core: domain model in, DOCX bytes out. No Flask, no queue, no schemas."""

from __future__ import annotations

import threading
from pathlib import Path

from service.plan import Document, DocumentType
from service.rendering.context import build_context
from service.rendering.docx import CompiledTemplate

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
TEMPLATE_FILES = {DocumentType.PLAN: "ke_hoach.docx", DocumentType.LETTER: "cong_van.docx"}


class Renderer:
    """Renders documents from the templates in one folder; compiles each template once."""

    def __init__(self, templates: Path = DEFAULT_TEMPLATES) -> None:
        self.templates = templates
        self._compiled: dict[DocumentType, CompiledTemplate] = {}
        self._lock = threading.Lock()

    def template_path(self, kind: DocumentType) -> Path:
        """The DOCX template file of a document type."""
        return self.templates / TEMPLATE_FILES[kind]

    def template(self, kind: DocumentType) -> CompiledTemplate:
        """The compiled template of a document type (immutable, shared by all threads)."""
        compiled = self._compiled.get(kind)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(kind)
                if compiled is None:
                    compiled = CompiledTemplate(self.template_path(kind))
                    self._compiled[kind] = compiled
        return compiled

    def render_docx(self, document: Document) -> bytes:
        """The finished DOCX of a document."""
        return self.template(document.type).render(build_context(document))


__all__ = ["Renderer", "build_context"]
