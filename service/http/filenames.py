"""Download file names from type, number and date, with an ASCII fallback (RFC 6266/5987)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from service.documents.registry import kind_of
from service.model import Document
from service.rendering.context import symbol
from service.vietnamese import document_number


def download_name(document: Document, extension: str) -> str:
    """`Kế hoạch số 231-KH-UBND ngày 2023-04-03.docx`; an unknown number is left out."""
    reference = symbol(document).replace("/", "-")
    if document.number:
        reference = f"số {document_number(document.number)}-{reference}"
    name = f"{kind_of(document).name} {reference} ngày {document.date.isoformat()}"
    return f"{name}.{extension}"


def ascii_fallback(name: str) -> str:
    """`Ke-hoach-so-231-ngay-2023-04-03.docx`: diacritics dropped, đ → d, safe characters."""
    flat = name.replace("đ", "d").replace("Đ", "D")
    flat = unicodedata.normalize("NFKD", flat).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9.\-]+", "-", flat).strip("-")


def content_disposition(name: str) -> str:
    """`attachment; filename="..."; filename*=UTF-8''...` for every browser."""
    return f"attachment; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name)}"
