"""Open a DOCX through the bounded reader and hand out the XML parts the checker reads.

Only the parts that print are inflated (body, styles, numbering, theme, the headers and
footers, settings, footnotes, the document's statistics); images never are.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from service.errors import MalformedUpload, UnreadableDocumentError
from service.untrusted import Archive, Limits, NumberOutOfRange, parse_int

from .ooxml import Element, child, int_attr, local, ns, on_off, w

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_STRICT = "http://purl.oclc.org/ooxml/"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, and password-protected .docx


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
class Statistics:
    """What the application that saved the file recorded about it (docProps/app.xml)."""

    application: str = ""
    pages: int | None = None
    words: int = 0

    def pages_for(self, words: int) -> int | None:
        """Word's page count when Word saved the file as it is: Word updates its statistics
        on every save, but a file made by a program from a Word template carries the
        template's (python-docx's says one page and no words)."""
        if not self.application.startswith("Microsoft") or self.pages is None or words <= 0:
            return None
        return self.pages if 0.5 <= self.words / words <= 1.5 else None


@dataclass(frozen=True)
class Package:
    """The parsed parts of one DOCX: body, styles, numbering, theme fonts, headers, footers."""

    body: Element
    styles: Element | None
    numbering: Element | None
    theme: ThemeFonts
    parts: dict[str, Element]  # relationship id -> root of a header or footer part
    even_and_odd_headers: bool = False
    default_tab: int = 720  # twips between default tab stops
    statistics: Statistics = field(default_factory=Statistics)
    footnotes: Element | None = None


def open_package(data: bytes, limits: Limits | None = None) -> Package:
    """Parse DOCX `data`; UnreadableDocumentError if it is not one, UploadTooLarge or
    UploadTooComplex if it is beyond the reader's limits."""
    if data.startswith(_OLE):
        raise UnreadableDocumentError("an OLE compound file (.doc, or encrypted)", "ole")
    if not data.startswith(b"PK"):
        raise UnreadableDocumentError("not a zip archive", "not_word")
    try:
        with Archive(data, limits) as archive:
            return _read(archive)
    except UnreadableDocumentError:
        raise
    except MalformedUpload as error:
        raise UnreadableDocumentError(error.reason, "damaged") from None


def _read(archive: Archive) -> Package:
    package_rels = _relationships(archive, "")
    main_name = _target(package_rels, "officeDocument")
    if main_name is None:
        if any(kind.startswith(_STRICT) for kind, _ in package_rels.values()):
            raise UnreadableDocumentError("Strict Open XML", "strict")
        raise UnreadableDocumentError("no main document in the package", "not_word")
    root = archive.xml(main_name)
    body = root.find(w("body"))
    if local(root.tag) != "document" or body is None:
        if root.tag.startswith(f"{{{_STRICT}"):
            raise UnreadableDocumentError("Strict Open XML", "strict")
        raise UnreadableDocumentError(f"{main_name} is not a Word document", "not_word")
    rels = _relationships(archive, main_name)
    parts = {
        rel_id: archive.xml(target)
        for rel_id, (kind, target) in rels.items()
        if kind.rsplit("/", 1)[-1] in ("header", "footer") and archive.has(target)
    }
    settings = _part(archive, rels, "settings")
    return Package(
        body=body,
        styles=_part(archive, rels, "styles"),
        numbering=_part(archive, rels, "numbering"),
        theme=_theme_fonts(_part(archive, rels, "theme")),
        parts=parts,
        even_and_odd_headers=_flag(settings, "evenAndOddHeaders"),
        default_tab=int_attr(child(settings, "defaultTabStop"), "val", (1, 31680)) or 720,
        statistics=_statistics(archive, _target(package_rels, "extended-properties")),
        footnotes=_part(archive, rels, "footnotes"),
    )


def _relationships(archive: Archive, source: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part name) of `source` ("" for the package)."""
    folder, name = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if not archive.has(rels_name):
        return {}
    found: dict[str, tuple[str, str]] = {}
    for rel in archive.xml(rels_name).iterfind(f"{{{_RELS_NS}}}Relationship"):
        rel_id, kind, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target", "")
        if rel_id is None or rel.get("TargetMode") == "External" or not target:
            continue
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found[rel_id] = (kind, posixpath.normpath(path))
    return found


def _target(rels: dict[str, tuple[str, str]], kind: str) -> str | None:
    suffix = f"/officeDocument/2006/relationships/{kind}"
    return next((target for rel_kind, target in rels.values() if rel_kind.endswith(suffix)), None)


def _part(archive: Archive, rels: dict[str, tuple[str, str]], kind: str) -> Element | None:
    target = _target(rels, kind)
    return archive.xml(target) if target is not None and archive.has(target) else None


def _flag(settings: Element | None, name: str) -> bool:
    element = child(settings, name)
    return element is not None and on_off(element)


def _statistics(archive: Archive, name: str | None) -> Statistics:
    if name is None or not archive.has(name):
        return Statistics()
    try:
        root = archive.xml(name)
    except MalformedUpload:
        return Statistics()  # statistics are a hint; a damaged app.xml is ignored
    application = (root.findtext(f"{{{_APP_NS}}}Application") or "").strip()
    return Statistics(
        application=application,
        pages=_count(root.findtext(f"{{{_APP_NS}}}Pages")),
        words=_count(root.findtext(f"{{{_APP_NS}}}Words")) or 0,
    )


def _count(text: str | None) -> int | None:
    try:
        return parse_int(text or "", 1, 10_000_000)
    except NumberOutOfRange:
        return None


def _theme_fonts(root: Element | None) -> ThemeFonts:
    scheme = None if root is None else root.find(f".//{ns('a', 'fontScheme')}")
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
