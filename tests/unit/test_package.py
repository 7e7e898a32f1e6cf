"""The DOCX package writer: a valid ZIP every reader opens, the same bytes for the same parts."""

from __future__ import annotations

import io
import zipfile

from service.rendering.package import Entry, Package


def test_a_package_reads_back_part_for_part_and_is_reproducible() -> None:
    static = [Entry.of("[Content_Types].xml", b"<Types/>", 6), Entry.of("a/b.xml", b"x" * 5000, 6)]
    package = Package(static)
    parts = [Entry.of("word/document.xml", "Tiếng Việt & <b>".encode() * 300, 3)]
    parts.append(Entry.of("docProps/core.xml", b"<core/>", None))
    data = package.write(parts)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [
            "[Content_Types].xml",
            "a/b.xml",
            "word/document.xml",
            "docProps/core.xml",
        ]
        assert archive.read("word/document.xml") == "Tiếng Việt & <b>".encode() * 300
        assert archive.getinfo("docProps/core.xml").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("a/b.xml").date_time == (1980, 1, 1, 0, 0, 0)
    assert package.write(parts) == data
