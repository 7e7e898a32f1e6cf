"""The pure rendering core: domain model in, DOCX bytes out. No Flask, no queue, no schemas."""

from __future__ import annotations

import threading
from pathlib import Path

from service.documents.registry import kind_of
from service.model import Document
from service.rendering.context import build_context
from service.rendering.docx import CompiledTemplate
from service.rendering.wordml import docx_context

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


class Renderer:
    """Renders documents from the templates in one folder; compiles each template once."""

    def __init__(self, templates: Path = DEFAULT_TEMPLATES) -> None:
        self.templates = templates
        self._compiled: dict[str, CompiledTemplate] = {}
        self._lock = threading.Lock()

    def template_path(self, name: str) -> Path:
        """The DOCX template file of that name (`ke_hoach.docx`)."""
        return self.templates / name

    def template(self, name: str) -> CompiledTemplate:
        """The compiled template (immutable, shared by all threads)."""
        compiled = self._compiled.get(name)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(name)
                if compiled is None:
                    compiled = CompiledTemplate(self.template_path(name))
                    self._compiled[name] = compiled
        return compiled

    def render_docx(self, document: Document) -> bytes:
        """The finished DOCX of a document."""
        template = self.template(kind_of(document).template)
        return template.render(docx_context(build_context(document)))


__all__ = ["Renderer", "build_context", "docx_context"]
