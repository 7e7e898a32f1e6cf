"""Download file names from type, number and date, set through werkzeug's header encoding
(RFC 6266 `filename` with an ASCII fallback, RFC 5987 `filename*` in UTF-8)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from werkzeug.datastructures import Headers

from service.documents.registry import kind_of
from service.model import Document
from service.rendering.context import symbol
from service.vietnamese import document_number

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')  # what no file system or header takes


def download_name(document: Document, extension: str) -> str:
    """`Kế hoạch số 231-KH-UBND ngày 2023-04-03.docx`; an unknown number is left out."""
    reference = symbol(document)
    if document.number:
        reference = f"số {document_number(document.number)}-{reference}"
    kind = kind_of(document).name
    return file_name(f"{kind} {reference} ngày {document.date.isoformat()}", extension)


def file_name(stem: str, extension: str) -> str:
    """A name every file system takes: separators (`/`) and control characters become `-`."""
    cleaned = _UNSAFE.sub("-", stem).strip(" .-") or "document"
    return f"{cleaned}.{extension}"


def ascii_fallback(name: str) -> str:
    """`Ke-hoach-so-231-ngay-2023-04-03.docx`: diacritics dropped, đ → d, safe characters."""
    flat = name.replace("đ", "d").replace("Đ", "D")
    flat = unicodedata.normalize("NFKD", flat).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9.\-]+", "-", flat).strip("-")


def attach(headers: Headers, name: str) -> None:
    """`Content-Disposition: attachment` naming the file, quoted by werkzeug."""
    headers.set(
        "Content-Disposition",
        "attachment",
        filename=ascii_fallback(name),
        **{"filename*": "UTF-8''" + quote(name, safe="!#$&+-.^_`|~")},
    )
