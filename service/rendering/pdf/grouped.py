"""Many communes' DOCX as one: one LibreOffice load for a district's nearly identical plans.

Documents rendered from one template differ only in word/document.xml and
docProps/core.xml. Their bodies are joined in order: each document's final section
properties (page numbers restarting at 1, none on the first page: `w:titlePg`) move into
its last paragraph, which ends the section, so every commune starts on a new page with
its own numbering, exactly as when converted alone. A bookmark in each document's first
paragraph lets LibreOffice report the page each commune starts on. Documents that do
not share every other part, or whose body does not end as the templates' bodies do, are
not grouped (`group` returns None) and are converted one by one.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from service.errors import ConversionError

from .config import PoolConfig
from .port import Converted
from .streaming import StreamingMerger

BODY = "word/document.xml"
CORE = "docProps/core.xml"
# Bookmark names, MARK + index: letters and digits only, which LibreOffice exports as
# they are (it hides names starting with `_` and rewrites other characters).
MARK = "plandocpart"
_FIRST_PARAGRAPH = re.compile(r"<w:p>(<w:pPr>(?:(?!</w:pPr>).)*</w:pPr>)?", re.S)
# The body's last paragraph (no runs) and the final section properties after it.
_TAIL = re.compile(
    r"<w:p>(?:<w:pPr>((?:(?!</w:pPr>|<w:p[ >]).)*)</w:pPr>)?</w:p>"
    r"(<w:sectPr>(?:(?!<w:sectPr).)*</w:sectPr>)</w:body>\s*</w:document>\s*$",
    re.S,
)
_BODY_SPLIT = re.compile(r"^(.*?<w:body>)(.*)$", re.S)
_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_CORE_FIELDS = {  # docProps/core.xml element -> the PDF's Info key, as LibreOffice maps them
    f"{_DC}title": "/Title",
    f"{_DC}creator": "/Author",
    f"{_DC}subject": "/Subject",
    f"{_CP}keywords": "/Keywords",
}
_FROM_CONVERSION = ("/Creator", "/Producer", "/CreationDate")
SECONDS_PER_DOCUMENT = 2.0  # added to the pool's timeout for each joined document


@dataclass(frozen=True)
class Grouped:
    """The joined DOCX and how many documents it holds."""

    docx: bytes
    count: int


def group(documents: Sequence[bytes]) -> Grouped | None:
    """One DOCX holding every document in order, or None if they cannot be joined safely."""
    if not documents:
        return None
    packages: list[zipfile.ZipFile] = []
    try:
        packages += (zipfile.ZipFile(io.BytesIO(d)) for d in documents)
        first = packages[0]
        shared = {i.filename: first.read(i) for i in first.infolist() if i.filename != BODY}
        shared.pop(CORE, None)
        bodies = []
        for index, package in enumerate(packages):
            names = {i.filename for i in package.infolist()} - {BODY, CORE}
            if names != set(shared) or any(package.read(n) != shared[n] for n in names):
                return None  # another template, or headers rendered per commune
            body = _marked(package.read(BODY).decode("utf-8"), index)
            if body is None:
                return None
            bodies.append(body)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        return None
    finally:
        for package in packages:
            package.close()
    joined = _join(bodies)
    if joined is None:
        return None
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package,
        zipfile.ZipFile(io.BytesIO(documents[0])) as source,
    ):
        for info in source.infolist():
            data = joined if info.filename == BODY else source.read(info)
            package.writestr(info.filename, data)
    return Grouped(out.getvalue(), len(documents))


def _marked(xml: str, index: int) -> str | None:
    """The document XML with a bookmark at the start of its first paragraph."""
    match = _FIRST_PARAGRAPH.search(xml)
    if match is None:
        return None
    mark = (
        f'<w:bookmarkStart w:id="{900000 + index}" w:name="{MARK}{index}"/>'
        f'<w:bookmarkEnd w:id="{900000 + index}"/>'
    )
    return xml[: match.end()] + mark + xml[match.end() :]


def _join(documents: list[str]) -> bytes | None:
    """The first document's XML with every body in it, each ending its own section."""
    head = _BODY_SPLIT.match(documents[0])
    if head is None:
        return None
    parts: list[str] = []
    last = len(documents) - 1
    for index, xml in enumerate(documents):
        split = _BODY_SPLIT.match(xml)
        tail = _TAIL.search(xml)
        if split is None or tail is None:
            return None
        body = split.group(2)[: tail.start() - len(split.group(1))]
        properties, section = tail.group(1) or "", tail.group(2)
        if index < last:  # the section ends with this paragraph, on this document's last page
            parts.append(f"{body}<w:p><w:pPr>{properties}{section}</w:pPr></w:p>")
        else:
            parts.append(f"{body}{tail.group(0)}")
    return (head.group(1) + "".join(parts)).encode("utf-8")


class JointConverter(Protocol):
    """A converter that exports a DOCX's bookmarks as named destinations (our pool)."""

    exports_destinations: bool
    config: PoolConfig

    def convert_counted(
        self,
        docx: bytes,
        *,
        pdfa: bool = False,
        timeout: float | None = None,
        destinations: bool = False,
    ) -> Converted:
        """The PDF of `docx` and its page count; bookmarks as destinations if asked."""
        ...


def convert_joint(
    pool: JointConverter,
    documents: Sequence[bytes],
    merged: StreamingMerger | None = None,
    titles: Sequence[str] = (),
) -> list[Converted] | None:
    """Each document's PDF from one conversion of them all; None if they cannot be joined.

    With `merged`, each document's pages are also appended to it, bookmarked with its
    title, from the same read of the joint PDF. A joint conversion that fails, or a joint
    PDF that cannot be cut, raises ConversionError (or its subclasses): the caller converts
    the documents one by one, so that an error names the document at fault.
    """
    joined = group(documents)
    if joined is None:
        return None
    timeout = pool.config.timeout + SECONDS_PER_DOCUMENT * len(documents)
    whole = pool.convert_counted(joined.docx, timeout=timeout, destinations=True)
    return split(whole.pdf, documents, merged, titles)


def split(
    pdf: bytes,
    documents: Sequence[bytes],
    merged: StreamingMerger | None = None,
    titles: Sequence[str] = (),
) -> list[Converted]:
    """The joint PDF cut where each document's bookmark points, with its own properties."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        destinations = {str(k).lstrip("/"): v for k, v in reader.named_destinations.items()}
        found = [
            reader.get_destination_page_number(destinations[f"{MARK}{i}"])
            for i in range(len(documents))
        ]
        total = len(reader.pages)
        stamp = {k: str(v) for k, v in (reader.metadata or {}).items() if k in _FROM_CONVERSION}
    except (PyPdfError, KeyError) as error:
        raise ConversionError(f"the joint PDF cannot be split: {error}") from error
    starts = [-1 if start is None else start for start in found]
    ends = [*starts[1:], total]
    if starts[0] != 0 or any(end <= start for start, end in zip(starts, ends, strict=True)):
        raise ConversionError(f"the joint PDF's parts are out of order: {starts}")
    parts = []
    for index, document in enumerate(documents):
        pages = range(starts[index], ends[index])
        out = io.BytesIO()
        writer = StreamingMerger(out)
        writer.add("", reader, pages)
        writer.finish({**properties(document), **stamp}, outline=False)
        parts.append(Converted(out.getvalue(), len(pages)))
        if merged is not None:
            merged.add(titles[index], reader, pages)
    return parts


def properties(docx: bytes) -> dict[str, str]:
    """The PDF Info entries LibreOffice would write from the DOCX's core properties."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = ElementTree.fromstring(package.read(CORE))
    return {_CORE_FIELDS[e.tag]: e.text for e in root if e.tag in _CORE_FIELDS and e.text}
