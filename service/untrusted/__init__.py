"""Reading files that strangers upload: bounded by construction, never by what they declare.

An OOXML package (DOCX, XLSX) is a zip of XML parts. Every part is inflated in chunks and
the bytes *actually* produced are counted against a per-part and a per-upload limit; the
XML is parsed with DTDs and entities refused and its markup counted; numbers read from
attributes or cells are checked against the range the format allows; and the whole job
can run in a separate process with a wall-clock and a memory budget, killed when it
overruns (which also hands its memory back).

    with Archive(data) as archive:                 # MalformedUpload, UploadTooLarge, ...
        root = archive.xml("word/document.xml")    # an lxml element, bounded
        for event, row in archive.iterparse("xl/worksheets/sheet1.xml", tag=ROW): ...
    size = parse_int("1e300", 1, 3276)             # NumberOutOfRange, never OverflowError
    report = run_bounded(check, data, seconds=8)   # UploadTooComplex when it overruns

The exceptions live in service.errors (UnsafeUpload and its subclasses). Limits and why
they are what they are: SECURITY.md, "Uploaded files".
"""

from __future__ import annotations

from .archive import Archive
from .isolation import Budget, preload, run_bounded
from .limits import Limits
from .numbers import NumberOutOfRange, parse_decimal, parse_int
from .xml import parse_xml

__all__ = [
    "Archive",
    "Budget",
    "Limits",
    "NumberOutOfRange",
    "parse_decimal",
    "parse_int",
    "parse_xml",
    "preload",
    "run_bounded",
]
