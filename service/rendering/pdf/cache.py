"""Each distinct DOCX converted once: an LRU of PDFs bounded in bytes, shared by threads.

An officer previews the pages, downloads the DOCX, then the PDF of an unchanged draft:
the DOCX is rendered anew each time, but its content is the same, so the PDF is too.
The key is a SHA-256 of the DOCX's parts (names and contents), leaving out what changes
on every render (each entry's timestamp, docProps/core.xml's created and modified
dates), plus the PDF/A flag. At most MAX_CONTENT bytes are decompressed for it: a larger
package (a hostile upload) is converted without the cache. Concurrent requests for the
same key wait for one conversion rather than start their own.
"""

from __future__ import annotations

import hashlib
import re
import struct
import threading
import zipfile
import zlib
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass
from io import BytesIO

from .port import Converted, Converter, convert_counted

CORE = "docProps/core.xml"
_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
MAX_CONTENT = 32 * 1024 * 1024  # a rendered plan is about 100 kB
MAX_PARTS = 1000


def docx_key(docx: bytes, pdfa: bool) -> bytes | None:
    """The cache key of a DOCX, or None when it is not a ZIP this module can read safely."""
    digest = hashlib.sha256(b"pdfa" if pdfa else b"pdf")
    try:
        with zipfile.ZipFile(BytesIO(docx)) as package:
            infos = package.infolist()
            if len(infos) > MAX_PARTS:
                return None
            budget = MAX_CONTENT
            for info in sorted(infos, key=lambda i: i.filename):
                with package.open(info) as part:
                    data = part.read(budget + 1)  # the declared size may lie: read is bounded
                budget -= len(data)
                if budget < 0:
                    return None
                if info.filename == CORE:
                    data = _DATES.sub(b"", data)
                digest.update(struct.pack("<II", len(info.filename), len(data)))
                digest.update(info.filename.encode() + data)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
        return None
    return digest.digest()


@dataclass(frozen=True)
class CacheStats:
    """Hits, misses, and what the cache holds."""

    hits: int
    misses: int
    entries: int
    bytes: int


class CachingConverter:
    """A Converter that remembers PDFs by DOCX content; safe to share between threads."""

    def __init__(self, inner: Converter, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.inner = inner
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[bytes, Converted] = OrderedDict()
        self._pending: dict[bytes, Future[Converted]] = {}
        self._bytes = self._hits = self._misses = 0

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        """The PDF of `docx`: from the cache, or converted by the inner converter once."""
        return self.convert_counted(docx, pdfa=pdfa, timeout=timeout).pdf

    def convert_counted(
        self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None
    ) -> Converted:
        """The PDF and its page count, cached as `convert`."""
        key = docx_key(docx, pdfa)
        if key is None:  # not a readable ZIP: the converter says what is wrong with it
            return convert_counted(self.inner, docx, pdfa=pdfa, timeout=timeout)
        with self._lock:
            if (hit := self._entries.get(key)) is not None:
                self._entries.move_to_end(key)
                self._hits += 1
                return hit
            waiting = self._pending.get(key)
            if waiting is None:
                self._misses += 1
                mine: Future[Converted] = Future()
                self._pending[key] = mine
        if waiting is not None:
            return waiting.result()  # another thread converts the same document
        try:
            result = convert_counted(self.inner, docx, pdfa=pdfa, timeout=timeout)
        except BaseException as error:
            with self._lock:
                del self._pending[key]
            mine.set_exception(error)  # failures are not cached: the next request tries again
            raise
        with self._lock:
            del self._pending[key]
            self._store(key, result)
        mine.set_result(result)
        return result

    def _store(self, key: bytes, result: Converted) -> None:
        size = len(result.pdf)
        if size > self.max_bytes // 4:
            return  # one huge PDF would push out everything else
        self._entries[key] = result
        self._bytes += size
        while self._bytes > self.max_bytes:
            _, old = self._entries.popitem(last=False)
            self._bytes -= len(old.pdf)

    def stats(self) -> CacheStats:
        """A snapshot of the counters."""
        with self._lock:
            return CacheStats(self._hits, self._misses, len(self._entries), self._bytes)

    def close(self) -> None:
        """Forget every PDF and close the inner converter."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0
        self.inner.close()


def uncached(converter: Converter) -> Converter:
    """The converter behind a cache (a batch's documents are each converted once anyway)."""
    return converter.inner if isinstance(converter, CachingConverter) else converter
