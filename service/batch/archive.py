"""File names, and the batch's ZIP and merged PDF written incrementally from stored outputs.

Each is written once to storage (temp file, then rename) and served from there: the
ZIP copies one stored file at a time into its entry, and the merged PDF reads one
commune's PDF at a time. Entries keep the Vietnamese name (ZIP's UTF-8 flag, set by
`zipfile` for any non-ASCII name); DOCX and PDF are already compressed, so stored as is.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from service.batch.records import Batch, DoneItem
from service.batch.storage import Storage
from service.rendering.pdf import merge_to

CHUNK = 1 << 16
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')  # what Windows, macOS or Linux refuse
MAX_NAME = 120


def ascii_slug(text: str, limit: int = 60) -> str:
    """`Xã Quang Thuận` -> `xa-quang-thuan`: no diacritics, đ as d, lower case, dashes."""
    flat = text.replace("đ", "d").replace("Đ", "D")
    flat = unicodedata.normalize("NFKD", flat).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", flat.lower()).strip("-")[:limit].strip("-")
    return slug or "x"


def item_key(batch_id: str, position: int, label: str, extension: str) -> str:
    """`<batch>/0007-xa-quang-thuan.docx`: one fixed key per row and format, so a row
    rendered twice (a retry, a duplicated task) overwrites its own file, never adds one."""
    return f"{batch_id}/{position:05d}-{ascii_slug(label)}.{extension}"


def archive_key(batch_id: str) -> str:
    """The batch's ZIP."""
    return f"{batch_id}/archive.zip"


def merged_key(batch_id: str) -> str:
    """The batch's merged PDF."""
    return f"{batch_id}/merged.pdf"


def entry_name(position: int, total: int, label: str, extension: str) -> str:
    """`07 Xã Quang Thuận.docx`: the table's line number (1-based, padded so names sort in
    table order) and the commune, safe on every file system; UTF-8 in the ZIP."""
    safe = _UNSAFE.sub("-", unicodedata.normalize("NFC", label)).strip(" .-")[:MAX_NAME]
    width = max(2, len(str(total)))
    return f"{position + 1:0{width}d} {safe or 'x'}.{extension}"


def write_zip(items: Sequence[DoneItem], total: int, storage: Storage, out: BinaryIO) -> int:
    """Every output of every finished row into a ZIP on `out`; returns the number of entries."""
    moment = dt.datetime.now(dt.UTC).timetuple()[:6]
    entries = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for item in items:
            for output in item.outputs:
                info = zipfile.ZipInfo(
                    entry_name(item.position, total, item.label, output["format"]), moment
                )
                info.external_attr = 0o644 << 16  # rw-r--r-- when unzipped on Unix
                info.file_size = int(output.get("bytes", 0))
                with storage.open(output["key"]) as source, archive.open(info, "w") as entry:
                    shutil.copyfileobj(source, entry, CHUNK)
                entries += 1
    return entries


def pdf_parts(items: Sequence[DoneItem], storage: Storage) -> Iterator[tuple[str, bytes]]:
    """(bookmark title, PDF) per commune, read one at a time."""
    for item in items:
        output = item.output("pdf")
        if output is not None:
            with storage.open(output["key"]) as source:
                yield item.label, source.read()


def ensure_zip(batch: Batch, items: Sequence[DoneItem], storage: Storage) -> str:
    """The key of the batch's ZIP, written now if it does not exist yet."""
    key = archive_key(batch.id)
    if not storage.exists(key):
        with storage.writer(key) as out:
            write_zip(items, batch.total, storage, out)
    return key


def ensure_merged(batch: Batch, items: Sequence[DoneItem], storage: Storage) -> str | None:
    """The key of the merged PDF with a bookmark per commune; None when no row has a PDF."""
    if not any(item.output("pdf") for item in items):
        return None
    key = merged_key(batch.id)
    if not storage.exists(key):
        with storage.writer(key) as out:
            merge_to(pdf_parts(items, storage), out)
    return key
