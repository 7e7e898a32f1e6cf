"""DOCX from a docxtpl template: patched and compiled once, rendered straight into the zip.

docxtpl's own `render()` re-reads the package, re-patches the XML with dozens of regular
expressions and re-compiles the Jinja template for every document, and a `DocxTemplate`
keeps state between renders (docxtpl issue #394). `CompiledTemplate` does the patching and
compiling once and keeps only immutable data (the compiled template and the other parts'
bytes), so one instance is safely shared by every request and thread.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from service.errors import RenderError, TemplateNotFound
from service.rendering.package import Entry, Package

DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
FOOTNOTES_PART = "word/footnotes.xml"
_RULE_PARAGRAPH = re.compile(
    r"<w:p[ >](?:(?!<w:p[ >]).)*?\{%\s*rule\s+([\w.]+)\s*%\}(?:(?!<w:p[ >]).)*?</w:p>", re.DOTALL
)
_PAGE_PARAGRAPH = re.compile(
    r"(<w:p[ >](?:(?!<w:p[ >]).)*?)<w:r[ >](?:(?!<w:r[ >]).)*?\{%\s*page\s+([\w.]+)\s*%\}.*?</w:r>"
    r"((?:(?!<w:p[ >]).)*?</w:p>(?:\s*<w:sectPr\b)?)",
    re.DOTALL,
)
_PAGE_SIZE = re.compile(r"<w:pgSz\b[^>]*/>")
# docxtpl's `{{r ...}}` leaves the run it opened and the one it closed around the tag empty.
_EMPTY_RUN = re.compile(r"<w:r>(?:<w:rPr>(?:(?!</w:r>).)*?</w:rPr>)?<w:t(?: [^>]*)?></w:t></w:r>")


def _patch_rules(xml: str) -> str:
    """`{% rule name %}` in a paragraph: its indents come from `name.left`/`name.right`.

    Like docxtpl's own `{% cellbg %}`, a tag typed in Word that sets XML attributes: the
    paragraph's border draws the short rule, its indents set the rule's length.
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        head = re.match(r"<w:p[^>]*>", match.group(0))
        props = re.search(r"<w:pPr>.*?</w:pPr>", match.group(0), re.DOTALL)
        assert head is not None
        ppr = props.group(0) if props else "<w:pPr></w:pPr>"
        indent = f'<w:ind w:left="{{{{ {name}.left }}}}" w:right="{{{{ {name}.right }}}}"/>'
        if re.search(r"<w:ind\b[^>]*/>", ppr):
            ppr = re.sub(r"<w:ind\b[^>]*/>", indent, ppr)
        else:
            ppr = re.sub(r"(<w:jc\b|</w:pPr>)", indent + r"\1", ppr, count=1)
        return head.group(0) + ppr + "</w:p>"

    return _RULE_PARAGRAPH.sub(replace, xml)


def _patch_pages(xml: str) -> str:
    """`{% page name %}` in a paragraph: the paper of the section that paragraph ends (its
    own `w:sectPr`, or the body's when it is the last paragraph) comes from `name.width`,
    `name.height` and `name.landscape`, so an appendix can turn landscape."""

    def size(name: str) -> str:
        return (
            f'<w:pgSz w:w="{{{{ {name}.width }}}}" w:h="{{{{ {name}.height }}}}"'
            f'{{% if {name}.landscape %}} w:orient="landscape"{{% endif %}}/>'
        )

    out, position = [], 0
    for match in _PAGE_PARAGRAPH.finditer(xml):
        head, name, tail = match.group(1), match.group(2), match.group(3)
        out.append(xml[position : match.start()])
        if "<w:sectPr" in head:
            out.append(_PAGE_SIZE.sub(size(name), head, count=1) + tail)
            position = match.end()
        else:  # the body's own section properties follow this paragraph
            body_end = xml.index("</w:sectPr>", match.end())
            out.append(
                head + tail + _PAGE_SIZE.sub(size(name), xml[match.end() : body_end], count=1)
            )
            position = body_end
    out.append(xml[position:])
    return "".join(out)


class PlanTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template with our `{% rule %}` tag; also the naive baseline of the bench."""

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's clean-up, then our rule tags."""
        return _EMPTY_RUN.sub("", _patch_pages(_patch_rules(super().patch_xml(src_xml))))


def jinja_environment() -> jinja2.Environment:
    """Autoescaping (user text is data, `&` and `<` stay characters) and strict variables."""
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


class CompiledTemplate:
    """A DOCX template ready to render many documents; immutable once built."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise TemplateNotFound(str(path))
        self.path = path
        environment = jinja_environment()
        self._compiled: dict[str, jinja2.Template] = {}
        self._footnotes: str | None = None  # the footnotes part: separators, then ours
        patcher = PlanTemplate(str(path))
        static: list[Entry] = []
        with zipfile.ZipFile(path) as package:
            for info in package.infolist():
                data = package.read(info.filename)
                if info.filename == DOCUMENT_PART or _has_tags(info.filename, data):
                    source = patcher.patch_xml(_without_declaration(data))
                    self._compiled[info.filename] = environment.from_string(source)
                elif info.filename == FOOTNOTES_PART:
                    self._footnotes = data.decode("utf-8")  # ours go in at render time
                elif info.filename != CORE_PART:
                    static.append(Entry.of(info.filename, data, zlib.Z_DEFAULT_COMPRESSION))
        # The parts that never change are compressed once; each document appends its own.
        self._package = Package(static)

    def render(self, context: dict[str, Any]) -> bytes:
        """The finished DOCX; raises RenderError if the template does not fit the context."""
        parts = [Entry.fast(name, self._render_part(name, context)) for name in self._compiled]
        parts.append(Entry.of(CORE_PART, core_properties(context.get("properties", {})), None))
        if self._footnotes is not None:
            ours = str(context.get("footnotes", ""))
            notes = self._footnotes.replace("</w:footnotes>", ours + "</w:footnotes>")
            data = notes.encode("utf-8")
            parts.append(
                Entry.fast(FOOTNOTES_PART, data) if ours else Entry.of(FOOTNOTES_PART, data, None)
            )
        return self._package.write(parts)

    def _render_part(self, name: str, context: dict[str, Any]) -> bytes:
        try:
            xml = self._compiled[name].render(context)
        except jinja2.TemplateError as error:
            raise RenderError(f"{self.path.name}: {error}") from error
        return (XML_DECLARATION + xml).encode("utf-8")


def core_properties(properties: dict[str, str]) -> bytes:
    """docProps/core.xml: title (trích yếu), author (issuing body), subject, dates."""
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = "".join(
        f"<{tag}>{escape(properties[key])}</{tag}>"
        for key, tag in (
            ("title", "dc:title"),
            ("author", "dc:creator"),
            ("subject", "dc:subject"),
            ("keywords", "cp:keywords"),
        )
        if properties.get(key)
    )
    return (
        XML_DECLARATION
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'{fields}<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def _has_tags(name: str, data: bytes) -> bool:
    """Headers and footers are rendered only when an administrator put tags in them."""
    is_story = re.fullmatch(r"word/(header|footer)\d*\.xml", name) is not None
    return is_story and (b"{{" in data or b"{%" in data)


def _without_declaration(data: bytes) -> str:
    """A part's XML as text, re-serialised the way docxtpl sees it."""
    root = etree.fromstring(data)
    return str(etree.tostring(root, encoding="unicode"))


def render_naive(path: Path, context: dict[str, Any]) -> bytes:
    """The baseline: a fresh docxtpl template loaded, rendered and saved per document (the
    footnotes put into their part as `CompiledTemplate` does, so both make the same file)."""
    template = PlanTemplate(str(path))
    template.render(context, jinja_environment(), autoescape=True)
    for part in template.docx.part.package.parts:
        if str(part.partname) == "/" + FOOTNOTES_PART:
            notes = part.blob.decode("utf-8")
            tail = str(context.get("footnotes", "")) + "</w:footnotes>"
            part._blob = notes.replace("</w:footnotes>", tail).encode("utf-8")
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()
