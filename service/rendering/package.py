"""Writing a DOCX package (a ZIP) fast: the template's static parts are compressed and laid
out once, and each document appends only its own parts and the central directory.

`zipfile` re-reads the whole central directory of the static prefix for every document
opened in append mode; this writer keeps the prefix's records instead (measured: 0.4 ms of
zipfile bookkeeping a document, against a few microseconds here).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from types import ModuleType

try:  # Intel ISA-L's deflate: measured on a v1.1 plan's document.xml (85 KB), 0.06 ms at
    # its level 2 against zlib's 0.25 ms at level 1 and 0.33 ms at 3, as small as zlib's 3
    from isal import isal_zlib

    FAST: ModuleType = isal_zlib
    FAST_LEVEL = 2
except ImportError:  # pragma: no cover - a platform without its wheel: zlib, a little slower
    FAST, FAST_LEVEL = zlib, 1

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_TIME, _DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00: the same input, the same bytes
_UTF8 = 0x800  # file names in UTF-8


@dataclass(frozen=True)
class Entry:
    """One part as it lies in the package: its local header and data, and how the central
    directory names it (without its offset, which depends on where it lands)."""

    name: bytes
    method: int
    crc: int
    size: int
    data: bytes  # compressed (or stored) bytes

    @classmethod
    def of(cls, name: str, content: bytes, level: int | None) -> Entry:
        """A part deflated at `level` (zlib's 0–9), or stored when `level` is None."""
        if level is None:
            return cls(name.encode("utf-8"), 0, zlib.crc32(content), len(content), content)
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = packer.compress(content) + packer.flush()
        return cls(name.encode("utf-8"), 8, zlib.crc32(content), len(content), data)

    @classmethod
    def fast(cls, name: str, content: bytes) -> Entry:
        """A document's own part, deflated by the fastest deflate at hand (ISA-L)."""
        packer = FAST.compressobj(FAST_LEVEL, FAST.DEFLATED, -15)
        data = packer.compress(content) + packer.flush()
        return cls(name.encode("utf-8"), 8, FAST.crc32(content), len(content), data)

    def local(self) -> bytes:
        """Its local file header followed by its data."""
        header = _LOCAL.pack(
            0x04034B50, 20, _UTF8, self.method, _TIME, _DATE, self.crc,
            len(self.data), self.size, len(self.name), 0,
        )  # fmt: skip
        return header + self.name + self.data

    def central(self, offset: int) -> bytes:
        """Its record in the central directory, its local header being at `offset`."""
        record = _CENTRAL.pack(
            0x02014B50, 20, 20, _UTF8, self.method, _TIME, _DATE, self.crc,
            len(self.data), self.size, len(self.name), 0, 0, 0, 0, 0o644 << 16, offset,
        )  # fmt: skip
        return record + self.name


class Package:
    """The static parts of a template, laid out once; `write` adds a document's own."""

    def __init__(self, static: list[Entry]) -> None:
        self._prefix = b"".join(entry.local() for entry in static)
        offset, records = 0, []
        for entry in static:
            records.append(entry.central(offset))
            offset += len(_LOCAL.pack(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) + len(entry.name)
            offset += len(entry.data)
        self._records = b"".join(records)
        self._count = len(static)

    def write(self, parts: list[Entry]) -> bytes:
        """The whole package: the static parts, then `parts`, then the directory."""
        chunks, records, offset = [self._prefix], [self._records], len(self._prefix)
        for entry in parts:
            local = entry.local()
            chunks.append(local)
            records.append(entry.central(offset))
            offset += len(local)
        directory = b"".join(records)
        count = self._count + len(parts)
        end = _END.pack(0x06054B50, 0, 0, count, count, len(directory), offset, 0)
        return b"".join(chunks) + directory + end
