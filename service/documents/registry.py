"""The document types as a registry: each type is one registered `DocumentKind`.

A type module in this package (`plan.py`, `letter.py`, `decision.py`) defines its model,
its body blocks, its symbol rule and whether it cascades, and calls `register`. Every
layer looks types up here (the renderer, file names, cascade, batch, the form's list);
the schemas keep the matching table of marshmallow schemas (`schemas.document.SCHEMAS`).
Adding a type is one module here, one template and one schema entry.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from service.model import Document

if TYPE_CHECKING:
    from service.rendering.blocks import Block


@dataclass(frozen=True)
class DocumentKind:
    """One document type: how it is named, built, numbered and printed."""

    code: str  # the contract's `type`: `ke_hoach`
    name: str  # as running text names it: `Kế hoạch` (`Kèm theo Kế hoạch số ...`)
    model: type[Document]
    template: str  # the DOCX template file in the templates folder
    body: Callable[[Any], list[Block]]  # everything after the header, closing block included
    symbol: Callable[[Any], str]  # the part after the slash: `KH-UBND`
    cascades: bool = False  # a lower level can start its own from this one
    issued_by: Callable[[Any], str] | None = None  # `của ...` in reference lines
    first_recipient: str | None = None  # `Như trên` heads a công văn's recipients
    extra: Callable[[Any], dict[str, Any]] = field(default=lambda _document: {})

    def describe(self) -> dict[str, Any]:
        """What the form and the API list: `{"type", "name", "cascades"}`."""
        return {"type": self.code, "name": self.name, "cascades": self.cascades}


_KINDS: dict[str, DocumentKind] = {}
_loaded = threading.Lock()
_done = False


def register(kind: DocumentKind) -> DocumentKind:
    """Add a type (called by each type module when it is imported)."""
    if kind.code in _KINDS and _KINDS[kind.code] != kind:
        raise ValueError(f"document type {kind.code!r} registered twice")
    _KINDS[kind.code] = kind
    return kind


def _load() -> None:
    """Import every type module of this package once, so each registers itself."""
    global _done
    if _done:
        return
    with _loaded:
        if not _done:
            package = importlib.import_module("service.documents")
            for module in pkgutil.iter_modules(package.__path__):
                if module.name != "registry":
                    importlib.import_module(f"service.documents.{module.name}")
            _done = True


def all_kinds() -> tuple[DocumentKind, ...]:
    """Every registered type, in a stable order (by code)."""
    _load()
    return tuple(_KINDS[code] for code in sorted(_KINDS))


def kind(code: str) -> DocumentKind:
    """The type with this contract code; KeyError when there is none."""
    _load()
    return _KINDS[code]


def kind_of(document: Document) -> DocumentKind:
    """The type of a document."""
    return kind(document.type)
