"""Zip archives: sizes counted as inflated, never as declared; every odd archive refused."""

from __future__ import annotations

import io
import time
import zipfile
import zlib

import pytest

from service.errors import MalformedUpload, UploadTooComplex, UploadTooLarge
from service.untrusted import Archive, Limits
from tests import hostile

MIB = 1024 * 1024


def _zip(**parts: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name.replace("__", "/"), data)
    return out.getvalue()


def test_parts_are_read_and_parsed() -> None:
    with Archive(_zip(word__document_xml=b"<a><b/></a>", readme_txt=b"hi")) as archive:
        assert archive.has("word/document_xml") and archive.has("/WORD/Document_xml")
        assert archive.read("readme_txt") == b"hi"
        assert archive.xml("word/document_xml")[0].tag == "b"
        assert [e.tag for _, e in archive.iterparse("word/document_xml")] == ["b", "a"]
        assert archive.usage.inflated == len(b"<a><b/></a>") * 2 + 2


def test_a_part_that_lies_about_its_size_is_never_inflated_past_its_word() -> None:
    # Declared 1 MB, inflates to 1 GiB: zipfile stops at the declared size, and the
    # checksum of what was read (the whole gigabyte's) gives the lie away.
    data = hostile.lying_docx(inflated=1024 * MIB, declared=1_000_000, crc="real")
    started = time.perf_counter()
    with Archive(data) as archive, pytest.raises(MalformedUpload, match=r"checksum|CRC"):
        archive.read("word/document.xml")
    assert time.perf_counter() - started < 1
    assert archive.usage.inflated <= 1_000_000


def test_a_lying_part_with_a_fixed_checksum_is_one_declared_megabyte_of_junk() -> None:
    data = hostile.lying_docx(inflated=1024 * MIB, declared=1_000_000, crc="fixed", parts=4)
    with Archive(data) as archive:
        assert len(archive.read("word/header3.xml")) == 1_000_000
        with pytest.raises(MalformedUpload, match="damaged XML"):
            archive.xml("word/document.xml")
    assert archive.usage.inflated <= 1_000_000 + 64 * 1024  # the parser stopped at once


def test_a_part_that_declares_less_than_the_limit_is_still_counted() -> None:
    data = hostile.lying_docx(inflated=64 * MIB, declared=64 * MIB)
    with Archive(data, Limits(max_part=8 * MIB)) as archive, pytest.raises(UploadTooLarge):
        archive.read("word/document.xml")


def test_parts_add_up_to_the_upload_limit() -> None:
    parts = {f"p{n}": b"\0" * (3 * MIB) for n in range(4)}
    with Archive(_zip(**parts), Limits(max_part=4 * MIB, max_total=10 * MIB)) as archive:
        for name in ("p0", "p1", "p2"):
            archive.read(name)
        with pytest.raises(UploadTooLarge, match="parts"):
            archive.read("p3")


def test_an_honest_bomb_is_refused_before_inflating() -> None:
    data = hostile.honest_bomb(64 * MIB)
    started = time.perf_counter()
    with Archive(data) as archive, pytest.raises(UploadTooLarge, match="declares"):
        archive.read("word/document.xml")
    assert time.perf_counter() - started < 0.1


def test_too_many_entries_are_refused_before_zipfile_reads_them() -> None:
    entries = [hostile.stored(f"f{n}", b"") for n in range(6000)]
    with pytest.raises(UploadTooComplex, match="entries"):
        Archive(hostile.raw_zip(entries))


@pytest.mark.parametrize(
    ("method", "data"),
    [(zipfile.ZIP_BZIP2, b"BZh9"), (zipfile.ZIP_LZMA, b"\x09\x04"), (9, b"deflate64")],
    ids=["bzip2", "lzma", "deflate64"],
)
def test_odd_compression_is_refused(method: int, data: bytes) -> None:
    entry = ("word/document.xml", data, 0, 10 * MIB, method)
    archive = Archive(hostile.raw_zip([entry]))
    with pytest.raises(MalformedUpload, match="method"):
        archive.read("word/document.xml")


def test_a_zip_inside_a_part_is_not_opened() -> None:
    inner = _zip(word__document_xml=b"<a/>")
    with Archive(_zip(word__document_xml=inner)) as archive, pytest.raises(MalformedUpload):
        archive.xml("word/document.xml")


def test_encrypted_duplicate_and_damaged_archives_are_malformed() -> None:
    data = bytearray(_zip(secret=b"x"))
    data[6] |= 1  # local header flag
    directory = data.rfind(b"PK\x01\x02")
    data[directory + 8] |= 1
    with Archive(bytes(data)) as archive, pytest.raises(MalformedUpload, match="encrypted"):
        archive.read("secret")
    twice = hostile.raw_zip([hostile.stored("a.xml", b"<a/>"), hostile.stored("A.XML", b"<b/>")])
    with pytest.raises(MalformedUpload, match="two entries"):
        Archive(twice)
    whole = _zip(word__document_xml=b"<a>" + b"x" * 5000 + b"</a>")
    for broken in (b"", b"not a zip", whole[: len(whole) // 2], whole[:-30]):
        with pytest.raises(MalformedUpload):
            Archive(broken)


def test_a_damaged_deflate_stream_is_malformed() -> None:
    stream = zlib.compress(b"<a/>" * 1000)[2:-4]
    broken = stream[:20] + b"\xff" * 16 + stream[36:]
    entry = ("a.xml", broken, 0, 4000, zipfile.ZIP_DEFLATED)
    with Archive(hostile.raw_zip([entry])) as archive, pytest.raises(MalformedUpload):
        archive.read("a.xml")


def test_overlapping_entries_share_one_budget() -> None:
    # David Fifield's construction: many entries point at the same compressed bytes.
    stream = hostile.deflated_zeros(8 * MIB)
    crc = hostile.zeros_crc(8 * MIB)
    names = [f"part{n}.xml" for n in range(8)]
    data = hostile.raw_zip([(n, stream, crc, 8 * MIB, zipfile.ZIP_DEFLATED) for n in names])
    with Archive(data, Limits(max_total=32 * MIB)) as archive, pytest.raises(UploadTooLarge):
        for name in names:
            archive.read(name)


def test_an_upload_over_the_size_limit_is_refused_at_once() -> None:
    with pytest.raises(UploadTooLarge):
        Archive(b"PK" + b"\0" * 2048, Limits(max_upload=1024))


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Limits(max_part=0)
