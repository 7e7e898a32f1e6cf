"""Hostile uploads, generated in memory (never committed): zip bombs, zips that lie about
their sizes, DTD and entity bombs, numbers Word never writes, paragraphs by the million.

Each maker returns the bytes of a file; `docx()` wraps any document.xml (and optional
extra parts) into the smallest package Word would open.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from functools import lru_cache

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_STYLES_REL = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)


def document(body: str, sect: str = "") -> str:
    """A document.xml around `body` (paragraphs and tables) with section properties `sect`."""
    sect_pr = sect or (
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="851"/>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" '
        f'xmlns:r="{R}"><w:body>{body}<w:sectPr>{sect_pr}</w:sectPr></w:body></w:document>'
    )


def paragraph(text: str, ppr: str = "", rpr: str = "") -> str:
    """One w:p with one run."""
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


def docx(document_xml: str | bytes, styles: str | bytes | None = None) -> bytes:
    """The smallest DOCX holding `document_xml` (and `styles`, when given)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/document.xml", document_xml)
        if styles is not None:
            archive.writestr("word/_rels/document.xml.rels", _STYLES_REL)
            archive.writestr("word/styles.xml", styles)
    return out.getvalue()


@lru_cache(maxsize=4)
def deflated_zeros(size: int) -> bytes:
    """A raw deflate stream of `size` zero bytes, made without holding them in memory."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"\0" * (1 << 20)
    pieces = [compressor.compress(block) for _ in range(size >> 20)]
    pieces += [compressor.compress(b"\0" * (size & ((1 << 20) - 1))), compressor.flush()]
    return b"".join(pieces)


@lru_cache(maxsize=4)
def zeros_crc(size: int) -> int:
    """The CRC-32 of `size` zero bytes, a megabyte at a time."""
    block, crc = b"\0" * (1 << 20), 0
    for _ in range(size >> 20):
        crc = zlib.crc32(block, crc)
    return zlib.crc32(b"\0" * (size & ((1 << 20) - 1)), crc) & 0xFFFFFFFF


Entry = tuple[str, bytes, int, int, int]  # name, data as stored, crc, declared size, method


def raw_zip(entries: list[Entry]) -> bytes:
    """A zip written by hand, so that sizes, checksums and methods can lie."""
    out = io.BytesIO()
    central = []
    for name, data, crc, declared, method in entries:
        offset = out.tell()
        encoded = name.encode()
        fields = (method, 0, 0x21, crc, len(data), declared, len(encoded))
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, *fields, 0) + encoded + data)
        central.append((encoded, fields, offset))
    start = out.tell()
    for encoded, fields, offset in central:
        record = struct.pack(
            "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, *fields, 0, 0, 0, 0, 0, offset
        )
        out.write(record + encoded)
    size = out.tell() - start
    count = len(central)
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, size, start, 0))
    return out.getvalue()


def stored(name: str, data: bytes) -> Entry:
    """An honest uncompressed entry."""
    return name, data, zlib.crc32(data) & 0xFFFFFFFF, len(data), zipfile.ZIP_STORED


def lying_docx(
    inflated: int, declared: int = 1_000_000, parts: int = 1, crc: str = "real"
) -> bytes:
    """A DOCX whose document.xml (and `parts - 1` more parts) inflate to `inflated` bytes
    while the zip declares `declared`; `crc` "real" (of all the bytes) or "fixed" (of the
    declared prefix, so a reader that stops there sees no damage)."""
    stream = deflated_zeros(inflated)
    checksum = zeros_crc(declared if crc == "fixed" else inflated)
    names = ["word/document.xml"] + [f"word/header{n}.xml" for n in range(1, parts)]
    return raw_zip(
        [
            stored("[Content_Types].xml", _CONTENT_TYPES.encode()),
            stored("_rels/.rels", _ROOT_RELS.encode()),
            *((name, stream, checksum, declared, zipfile.ZIP_DEFLATED) for name in names),
        ]
    )


def honest_bomb(size: int) -> bytes:
    """A DOCX whose document.xml truly is `size` bytes (mostly spaces inside the body)."""
    head = document("").encode().split(b"<w:body>")[0] + b"<w:body>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            block = b" " * (1 << 20)
            for _ in range(size >> 20):
                part.write(block)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def empty_paragraphs(count: int) -> bytes:
    """A DOCX of `count` empty paragraphs (37 kB of zip for three million)."""
    return docx(document("<w:p/>" * count))


def huge_styles(size: int) -> bytes:
    """A DOCX whose styles.xml inflates to about `size` bytes of distinct styles."""
    style = '<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="Style {n}"/></w:style>'
    count = size // len(style.format(n=1000000))
    styles = f'<w:styles xmlns:w="{W}">' + "".join(style.format(n=n) for n in range(count))
    return docx(document(paragraph("Nội dung")), styles + "</w:styles>")


def billion_laughs() -> bytes:
    """A DOCX whose document.xml declares the classic exponential entities."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    body = document(paragraph("&lol9;"))
    head, _, rest = body.partition("?>")
    return docx(f"{head}?><!DOCTYPE w:document [{entities}]>{rest}")


def external_entity() -> bytes:
    """A DOCX whose document.xml reads /etc/passwd through an external entity."""
    body = document(paragraph("&xxe;"))
    head, _, rest = body.partition("?>")
    return docx(f'{head}?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>{rest}')


def with_numbers(**values: str) -> bytes:
    """A DOCX one of whose attributes carries a number Word never writes: `spacing`
    (w:before), `height` (w:pgSz/@w:h), `size` (w:sz), `indent`, `span`, `margin`."""
    spacing = values.get("spacing", "120")
    size = values.get("size", "28")
    indent = values.get("indent", "720")
    span = values.get("span", "1")
    margin = values.get("margin", "1134")
    height = values.get("height", "16838")
    sect = (
        f'<w:pgSz w:w="11906" w:h="{height}"/>'
        f'<w:pgMar w:top="{margin}" w:bottom="1134" w:left="1701" w:right="851"/>'
    )
    cell = (
        f'<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr>'
        f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>{paragraph("Ô")}</w:tc>'
        f"<w:tc>{paragraph('Ô')}</w:tc></w:tr></w:tbl>"
    )
    body = "".join(
        paragraph(
            f"Đoạn {n}",
            ppr=f'<w:spacing w:before="{spacing}"/><w:ind w:firstLine="{indent}"/>',
            rpr=f'<w:sz w:val="{size}"/>',
        )
        for n in range(40)
    )
    return docx(document(body + cell, sect))


def rss_mib(pid: int | str = "self") -> float:
    """The resident memory of process `pid` in MiB, from /proc."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc")
