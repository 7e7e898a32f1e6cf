"""Open a DOCX and hand out the XML parts the checker reads; nothing else touches the zip."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part
from lxml import etree

from service.errors import UnreadableDocumentError

from .ooxml import Element, ns

_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
# An upload whose parts inflate beyond this is refused before any XML is parsed.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class ThemeFonts:
    """The latin, east-Asian and complex-script typefaces of a theme's major and minor fonts."""

    major: tuple[str, str, str] = ("", "", "")
    minor: tuple[str, str, str] = ("", "", "")

    def resolve(self, theme_name: str) -> str:
        """The typeface a w:asciiTheme-style value (minorHAnsi, majorBidi...) stands for."""
        latin, east_asia, bidi = self.major if theme_name.startswith("major") else self.minor
        if theme_name.endswith("EastAsia"):
            return east_asia
        return bidi if theme_name.endswith("Bidi") else latin


@dataclass(frozen=True)
class Package:
    """The parsed parts of one DOCX: body, styles, numbering, theme fonts, headers, footers."""

    body: Element
    styles: Element | None
    numbering: Element | None
    theme: ThemeFonts
    parts: dict[str, Element]  # relationship id -> root of a header or footer part


def open_package(source: bytes | BinaryIO) -> Package:
    """Parse `source` (bytes or a binary stream); raise UnreadableDocumentError if it is no DOCX."""
    data = source if isinstance(source, bytes) else source.read()
    _refuse_bombs(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocumentError(f"not a DOCX document: {exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise UnreadableDocumentError(f"damaged XML in the document: {exc}") from exc
    main = document.part
    body = main.element.find(ns("w", "body"))
    if body is None:
        if main.element.tag.startswith(f"{{{_STRICT}"):
            raise UnreadableDocumentError("saved as Strict Open XML: save it as a Word Document")
        raise UnreadableDocumentError("the document has no body")
    parts: dict[str, Element] = {}
    for rel_id, rel in main.rels.items():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        element = getattr(rel.target_part, "element", None)
        if element is not None:
            parts[rel_id] = element
    return Package(
        body=body,
        styles=_element(main, RT.STYLES),
        numbering=_element(main, RT.NUMBERING),
        theme=_theme_fonts(main),
        parts=parts,
    )


def _refuse_bombs(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise UnreadableDocumentError("not a DOCX document (not a zip archive)") from exc
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UnreadableDocumentError(f"the document inflates to {total} bytes, over the limit")


def _related(main: Part, reltype: str) -> Part | None:
    try:
        return main.part_related_by(reltype)
    except KeyError:
        return None


def _element(main: Part, reltype: str) -> Element | None:
    part = _related(main, reltype)
    return getattr(part, "element", None) if part is not None else None


def _theme_fonts(main: Part) -> ThemeFonts:
    part = _related(main, RT.THEME)
    if part is None:
        return ThemeFonts()
    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return ThemeFonts()
    scheme = root.find(f".//{ns('a', 'fontScheme')}")
    if scheme is None:
        return ThemeFonts()
    return ThemeFonts(major=_faces(scheme, "majorFont"), minor=_faces(scheme, "minorFont"))


def _faces(scheme: Element, which: str) -> tuple[str, str, str]:
    font = scheme.find(ns("a", which))
    faces = []
    for tag in ("latin", "ea", "cs"):
        face = None if font is None else font.find(ns("a", tag))
        faces.append("" if face is None else face.get("typeface", ""))
    return faces[0], faces[1], faces[2]
