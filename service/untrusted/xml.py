"""XML from strangers: lxml with DTDs, entities and the network refused, markup counted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeAlias

from lxml import etree

from service.errors import MalformedUpload, UploadTooComplex, UploadTooLarge

from .limits import Limits, Usage

Element: TypeAlias = etree._Element

# A DTD is the door to entity expansion and external fetches; no OOXML part has one.
_FORBIDDEN = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(marker) for marker in _FORBIDDEN) - 1
# Another archive or a compressed stream where XML should be: never unpacked.
_PACKED = (b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"(\xb5/\xfd")
_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,  # libxml2's own caps on depth and text size stay on
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,
}


class _Feed:
    """Checks each chunk before the parser sees it: no DTD, no packed data, markup counted."""

    def __init__(self, usage: Usage, name: str) -> None:
        self.usage, self.name = usage, name
        self.tail = b""
        self.first = True

    def check(self, chunk: bytes) -> None:
        if self.first and chunk.lstrip().startswith(_PACKED):
            raise MalformedUpload(f"{self.name}: compressed data where XML should be")
        self.first = False
        window = self.tail + chunk
        if any(marker in window for marker in _FORBIDDEN):
            raise MalformedUpload(f"{self.name}: a DTD or an entity declaration (refused)")
        self.tail = window[-_OVERLAP:]
        usage = self.usage
        usage.markup += chunk.count(b"<")
        if usage.markup > usage.limits.max_markup:
            raise UploadTooComplex(f"{self.name}: more than {usage.limits.max_markup} tags")


def _syntax(name: str, error: Exception) -> MalformedUpload | UploadTooComplex:
    text = str(error)
    if "limit" in text.lower() or "huge" in text.lower() or "depth" in text.lower():
        return UploadTooComplex(f"{name}: {text}")  # libxml2's own caps
    return MalformedUpload(f"{name}: damaged XML ({text})")


def parse_chunks(chunks: Iterable[bytes], usage: Usage, name: str = "XML") -> Element:
    """The root of the XML document made of `chunks`; MalformedUpload or UploadTooComplex."""
    feed = _Feed(usage, name)
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        for chunk in chunks:
            feed.check(chunk)
            parser.feed(chunk)
        root = parser.close()
    except (etree.XMLSyntaxError, etree.ParserError) as error:
        raise _syntax(name, error) from None
    _refuse_doctype(root, name)
    return root


def iterparse_chunks(
    chunks: Iterable[bytes],
    usage: Usage,
    name: str = "XML",
    events: tuple[str, ...] = ("end",),
    tag: str | None = None,
) -> Iterator[tuple[str, Element]]:
    """lxml's (event, element) pairs as the chunks arrive; clear elements you are done with."""
    feed = _Feed(usage, name)
    parser = etree.XMLPullParser(events=events, tag=tag, **_PARSER_OPTIONS)
    try:
        for chunk in chunks:
            feed.check(chunk)
            parser.feed(chunk)
            yield from parser.read_events()
        parser.close()
        yield from parser.read_events()
    except (etree.XMLSyntaxError, etree.ParserError) as error:
        raise _syntax(name, error) from None


def _refuse_doctype(root: Element, name: str) -> None:
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise MalformedUpload(f"{name}: a document type declaration (refused)")


def parse_xml(data: bytes, limits: Limits | None = None) -> Element:
    """One XML document given whole (not from an archive), bounded like an archive's part."""
    limits = limits or Limits()
    if len(data) > limits.max_part:
        raise UploadTooLarge(f"XML of {len(data)} bytes", limits.max_part)
    size = limits.chunk
    chunks = (data[start : start + size] for start in range(0, len(data), size))
    return parse_chunks(chunks, Usage(limits), "XML")
