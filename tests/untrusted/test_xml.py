"""XML parts: DTDs and entities refused before they can expand, markup counted."""

from __future__ import annotations

import gzip

import pytest

from service.errors import MalformedUpload, UploadTooComplex, UploadTooLarge
from service.untrusted import Limits, parse_xml

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    "<lolz>&lol3;</lolz>"
)


def test_plain_xml_is_parsed() -> None:
    root = parse_xml(b'<a xmlns="urn:x"><b c="1"/>text</a>')
    assert root.tag == "{urn:x}a" and root[0].get("c") == "1"


@pytest.mark.parametrize(
    "text",
    [
        LAUGHS,
        '<?xml version="1.0"?><!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
        '<!DOCTYPE a [<!ENTITY x SYSTEM "http://127.0.0.1:9/">]><a>&x;</a>',
        "<!-- a comment first -->" + " " * 70_000 + "<!DOCTYPE a><a/>",
    ],
    ids=["billion-laughs", "external-dtd", "external-entity", "late-doctype"],
)
def test_dtds_and_entities_are_refused(text: str) -> None:
    with pytest.raises(MalformedUpload, match=r"DTD|document type"):
        parse_xml(text.encode())


def test_a_utf16_doctype_is_refused_too() -> None:
    with pytest.raises(MalformedUpload):
        parse_xml(LAUGHS.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16"))


def test_compressed_data_is_never_unpacked() -> None:
    with pytest.raises(MalformedUpload, match="compressed"):
        parse_xml(gzip.compress(b"<a>" + b"<b/>" * 1000 + b"</a>"))


def test_markup_is_counted_against_the_limit() -> None:
    with pytest.raises(UploadTooComplex, match="tags"):
        parse_xml(b"<a>" + b"<b/>" * 2000 + b"</a>", Limits(max_markup=1000, chunk=256))


def test_xml_given_whole_is_bounded_too() -> None:
    with pytest.raises(UploadTooLarge):
        parse_xml(b"<a>" + b" " * 2048 + b"</a>", Limits(max_part=1024))


@pytest.mark.parametrize("text", [b"<a>", b"<a></b>", b"\xff\xfe<", b"", b"<a>&undefined;</a>"])
def test_damaged_xml_is_malformed(text: bytes) -> None:
    with pytest.raises(MalformedUpload):
        parse_xml(text)


def test_nesting_beyond_libxml2s_cap_is_too_complex() -> None:
    with pytest.raises(UploadTooComplex):
        parse_xml(b"<a>" * 5000 + b"</a>" * 5000)
