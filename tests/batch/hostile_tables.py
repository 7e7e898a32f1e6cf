"""Hostile communes' tables, made in memory by the tests (never committed): malformed,
truncated and entity-laden workbooks, XLSX bombs (a gigabyte of shared strings, a huge
declared dimension, a million empty rows), numbers and cells out of range, CSV and JSON
that cost more than their size."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable

from tests.hostile import raw_zip, stored

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    "</Types>"
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
    '<sheets><sheet name="Danh sách xã" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
GIB = 1 << 30


def sheet(rows: str, head: str = "") -> str:
    """A worksheet around `rows` (`<row>` elements), with `head` before its sheetData."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{head}'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def inline_row(line: int, *values: str) -> str:
    """A row of inline strings, from column A."""
    cells = "".join(
        f'<c r="{chr(65 + n)}{line}" t="inlineStr"><is><t>{v}</t></is></c>'
        for n, v in enumerate(values)
    )
    return f'<row r="{line}">{cells}</row>'


HEADER = inline_row(1, "Tên xã", "Địa danh", "Người ký")
ROW = inline_row(2, "ỦY BAN NHÂN DÂN XÃ QUANG THUẬN", "Quang Thuận", "Lê Văn An")


def workbook(sheet_xml: str | bytes, **parts: str | bytes) -> bytes:
    """The smallest .xlsx holding `sheet_xml` (and more parts, `xl/<name>.xml`)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in parts.items():
            archive.writestr(f"xl/{name}.xml", data)
    return out.getvalue()


def repeated(head: bytes, block: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """A raw deflate stream of `head + block * times + tail` made without holding it: each
    block is compressed once and repeated after a full flush. (stream, crc, size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert again == piece  # a full flush forgets the history: the same block, the same bytes
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return (
        first + piece * times + last,
        crc & 0xFFFFFFFF,
        len(head) + len(block) * times + len(tail),
    )


def with_big_part(name: str, head: bytes, block: bytes, times: int, tail: bytes, *,
                  lie: bool) -> bytes:  # fmt: skip
    """A workbook whose part `name` inflates to `len(block) * times` bytes or so; `lie`: the
    zip says it holds 1 MB."""
    stream, crc, size = repeated(head, block, times, tail)
    small = sheet(HEADER + ROW).encode()
    entries = [
        stored("[Content_Types].xml", _TYPES.encode()),
        stored("xl/workbook.xml", _WORKBOOK.encode()),
        stored("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.encode()),
    ]
    if name != "xl/worksheets/sheet1.xml":
        entries.append(stored("xl/worksheets/sheet1.xml", small))
    entries.append((name, stream, crc, 1_000_000 if lie else size, zipfile.ZIP_DEFLATED))
    return raw_zip(entries)


def shared_strings_bomb(lie: bool) -> bytes:
    """A gigabyte of shared strings in about a megabyte."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode()
    block = b"<si><t>ch\xe1\xbb\x89 ti\xc3\xaau</t></si>" * ((1 << 20) // 32)
    times = GIB // len(block)
    return with_big_part("xl/sharedStrings.xml", head, block, times, b"</sst>", lie=lie)


def empty_rows(count: int) -> bytes:
    """A sheet of a header, then `count` empty rows (`<row r="n"/>`)."""
    rows = "".join(f'<row r="{n}"/>' for n in range(2, count + 2))
    return workbook(sheet(HEADER + rows))


def huge_dimension() -> bytes:
    """A 5 kB workbook that declares 1,048,576 rows by 16,384 columns."""
    return workbook(sheet(HEADER + ROW, '<dimension ref="A1:XFD1048576"/>'))


def far_cell() -> bytes:
    """A value in the sheet's last column."""
    return workbook(sheet(HEADER + ROW.replace("</row>", '<c r="XFD2"><v>1</v></c></row>')))


def billion_laughs() -> bytes:
    """Exponential entities in the worksheet."""
    entities = '<!ENTITY a0 "hahaha">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    xml = sheet(HEADER + inline_row(2, "&a9;", "x", "y"))
    head, _, rest = xml.partition("?>")
    return workbook(f"{head}?><!DOCTYPE worksheet [{entities}]>{rest}")


def external_entity() -> bytes:
    """The shared strings read /etc/passwd."""
    strings = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<sst xmlns="{MAIN}"><si><t>&x;</t></si></sst>'
    )
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return workbook(sheet(HEADER + row), sharedStrings=strings)


def malformed() -> bytes:
    """A worksheet whose XML stops in the middle of a tag."""
    return workbook(sheet(HEADER + ROW)[:-40])


def truncated() -> bytes:
    """A real workbook cut in half."""
    whole = workbook(sheet(HEADER + ROW * 50))
    return whole[: len(whole) // 2]


def not_a_number() -> bytes:
    """A number cell past what a double holds."""
    return workbook(sheet(HEADER + ROW.replace("</row>", '<c r="D2"><v>1e309</v></c></row>')))


def long_cell() -> bytes:
    """A cell of 40,000 characters (Excel's own limit is 32,767)."""
    return workbook(sheet(HEADER + inline_row(2, "x" * 40_000, "Quang Thuận", "Lê Văn An")))


def bad_shared_index() -> bytes:
    """A cell that refers to a shared string that does not exist."""
    row = '<row r="2"><c r="A2" t="s"><v>99999999</v></c></row>'
    return workbook(sheet(HEADER + row), sharedStrings=f'<sst xmlns="{MAIN}"/>')


def json_of_empty_objects(size: int) -> bytes:
    """`[{},{},...]`: a few bytes per object in the file, about a hundred in memory."""
    return b"[" + b"{}," * (size // 3 - 1) + b"{}]"


def csv_of_lines(count: int) -> bytes:
    """A header and `count` one-cell lines."""
    return b"place\n" + b"A\n" * count


# name: (file name, maker, the answers it may get)
HOSTILE: dict[str, tuple[str, Callable[[], bytes], set[int]]] = {
    "shared strings, 1 GiB, honest": ("t.xlsx", lambda: shared_strings_bomb(lie=False), {413}),
    "shared strings, 1 GiB, lying": ("t.xlsx", lambda: shared_strings_bomb(lie=True), {413, 422}),
    "a million empty rows": ("t.xlsx", lambda: empty_rows(1_000_000), {413}),
    "huge declared dimension": ("t.xlsx", huge_dimension, {200, 202}),
    "a value in column XFD": ("t.xlsx", far_cell, {422}),
    "billion laughs": ("t.xlsx", billion_laughs, {422}),
    "external entity": ("t.xlsx", external_entity, {422}),
    "malformed XML": ("t.xlsx", malformed, {422}),
    "truncated zip": ("t.xlsx", truncated, {422}),
    "not a zip": ("t.xlsx", lambda: b"PK\x03\x04 not a workbook", {422}),
    "1e309": ("t.xlsx", not_a_number, {422}),
    "a 40,000-character cell": ("t.xlsx", long_cell, {422}),
    "a missing shared string": ("t.xlsx", bad_shared_index, {422}),
    "JSON of 10 million objects": ("t.json", lambda: json_of_empty_objects(30_000_000), {413}),
    "CSV of a million lines": ("t.csv", lambda: csv_of_lines(1_000_000), {413, 422}),
}
