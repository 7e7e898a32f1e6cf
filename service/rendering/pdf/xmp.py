"""The XMP metadata packet of a PDF/A, written whole so that it agrees with the Info dictionary."""

# Why not pypdf's XmpInformation setters: in pypdf 7 they put new properties into the
# first rdf:Description without declaring their namespaces, and leave LibreOffice's old
# values beside them, which yields invalid XML. A PDF/A needs Info and XMP to say the
# same, so the packet is written here from the same values as the Info dictionary.

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

_NAMESPACES = {
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
# Room to edit the packet in place later, as the XMP specification recommends.
_PADDING = (" " * 99 + "\n") * 20


@dataclass(frozen=True)
class XmpFields:
    """The document properties a PDF/A keeps in both places."""

    title: str
    author: str
    subject: str
    keywords: str
    producer: str
    creator_tool: str
    created: datetime | None
    pdfa_part: str
    pdfa_conformance: str


def _lang_alt(name: str, value: str) -> str:
    item = f'<rdf:li xml:lang="x-default">{escape(value)}</rdf:li>'
    return f"<{name}><rdf:Alt>{item}</rdf:Alt></{name}>"


def xmp_packet(fields: XmpFields) -> bytes:
    """A complete XMP packet with one rdf:Description holding every property."""
    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NAMESPACES.items())
    props = [
        f"<pdfaid:part>{escape(fields.pdfa_part)}</pdfaid:part>",
        f"<pdfaid:conformance>{escape(fields.pdfa_conformance)}</pdfaid:conformance>",
        _lang_alt("dc:title", fields.title),
        f"<dc:creator><rdf:Seq><rdf:li>{escape(fields.author)}</rdf:li></rdf:Seq></dc:creator>",
    ]
    if fields.subject:
        props.append(_lang_alt("dc:description", fields.subject))
    if fields.keywords:
        props.append(f"<pdf:Keywords>{escape(fields.keywords)}</pdf:Keywords>")
    if fields.producer:
        props.append(f"<pdf:Producer>{escape(fields.producer)}</pdf:Producer>")
    if fields.creator_tool:
        props.append(f"<xmp:CreatorTool>{escape(fields.creator_tool)}</xmp:CreatorTool>")
    if fields.created is not None:
        props.append(f"<xmp:CreateDate>{fields.created.isoformat()}</xmp:CreateDate>")
    body = "\n   ".join(props)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'  <rdf:Description rdf:about="" {declarations}>\n   {body}\n  </rdf:Description>\n'
        " </rdf:RDF>\n</x:xmpmeta>\n"
        f'{_PADDING}<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")
