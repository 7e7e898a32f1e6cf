"""A zip (an OOXML package) opened for reading parts, every byte inflated counted."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from types import TracebackType

from service.errors import MalformedUpload, UploadTooComplex, UploadTooLarge

from .limits import Limits, Usage
from .xml import Element, iterparse_chunks, parse_chunks

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ALLOWED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
# zipfile raises many kinds of errors on a damaged archive; each means "not a valid zip".
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    UnicodeDecodeError,
)


def _directory(data: bytes, limits: Limits) -> None:
    """Refuse before zipfile reads it a central directory with too many entries or bytes."""
    end = data.rfind(_EOCD, max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 > len(data):
        raise MalformedUpload("not a zip archive (no end of central directory)")
    entries, size = struct.unpack("<xxxxxxxxxxHI", data[end : end + 16])
    locator = data.rfind(_ZIP64_LOCATOR, max(0, end - 20), end)
    if locator >= 0:  # a zip64 archive: its own record holds the real counts
        (offset,) = struct.unpack("<Q", data[locator + 8 : locator + 16])
        record = data[offset : offset + 56]
        if len(record) < 56 or not record.startswith(b"PK\x06\x06"):
            raise MalformedUpload("a zip64 archive whose directory record cannot be found")
        entries, size = struct.unpack("<QQ", record[32:48])
    if entries > limits.max_entries:
        raise UploadTooComplex(f"the zip declares {entries} entries (at most {limits.max_entries})")
    if size > limits.max_directory:
        raise UploadTooComplex(f"the zip directory has {size} bytes")


class Archive:
    """The parts of one uploaded zip, read within `limits` (see Limits for the defaults)."""

    def __init__(self, data: bytes, limits: Limits | None = None) -> None:
        """Open `data`; MalformedUpload, UploadTooLarge or UploadTooComplex if it cannot be."""
        self.usage = Usage(limits or Limits())
        limits = self.usage.limits
        if len(data) > limits.max_upload:
            raise UploadTooLarge(f"an upload of {len(data)} bytes", limits.max_upload)
        _directory(data, limits)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except _ZIP_ERRORS as error:
            raise MalformedUpload(f"not a valid zip archive ({error})") from None
        if len(infos) > limits.max_entries:
            raise UploadTooComplex(f"the zip has {len(infos)} entries")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            folded = info.filename.casefold()
            if folded in self._infos:  # OPC part names are unique, case-insensitively
                raise MalformedUpload(f"two entries named {info.filename!r}")
            self._infos[folded] = info

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the zip."""
        self._zip.close()

    def names(self) -> list[str]:
        """The names of the entries, as stored."""
        return [info.filename for info in self._infos.values()]

    def has(self, name: str) -> bool:
        """True when an entry `name` exists (OPC names compare case-insensitively)."""
        return name.lstrip("/").casefold() in self._infos

    def chunks(self, name: str) -> Iterator[bytes]:
        """The inflated bytes of entry `name`, a chunk at a time, counted against the limits."""
        info = self._infos.get(name.lstrip("/").casefold())
        if info is None:
            raise MalformedUpload(f"no part {name!r} in the archive")
        if info.flag_bits & 0x1:
            raise MalformedUpload(f"{name}: encrypted")
        if info.compress_type not in _ALLOWED_METHODS:
            raise MalformedUpload(f"{name}: compression method {info.compress_type} (refused)")
        usage, limits = self.usage, self.usage.limits
        if info.file_size > limits.max_part:  # honest about being too big: stop at once
            raise UploadTooLarge(f"{name} declares {info.file_size} bytes", limits.max_part)
        inflated, crc = 0, 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(limits.chunk):
                    inflated += len(chunk)
                    usage.inflated += len(chunk)
                    if inflated > limits.max_part:
                        raise UploadTooLarge(f"{name} inflates past the limit", limits.max_part)
                    if usage.inflated > limits.max_total:
                        raise UploadTooLarge("the parts inflate past the limit", limits.max_total)
                    crc = zlib.crc32(chunk, crc)
                    yield chunk
        except _ZIP_ERRORS as error:
            raise MalformedUpload(f"{name}: damaged ({error})") from None
        # zipfile stops at the declared size without checking the checksum of what it
        # read: a part that inflates further than it declares is caught here.
        if crc != info.CRC:
            raise MalformedUpload(f"{name}: checksum mismatch (sizes or data altered)")

    def read(self, name: str) -> bytes:
        """The whole inflated entry `name` (bounded by Limits.max_part)."""
        return b"".join(self.chunks(name))

    def xml(self, name: str) -> Element:
        """The root element of XML part `name`, parsed safely and within the limits."""
        return parse_chunks(self.chunks(name), self.usage, name)

    def iterparse(
        self, name: str, events: tuple[str, ...] = ("end",), tag: str | None = None
    ) -> Iterator[tuple[str, Element]]:
        """(event, element) pairs of XML part `name` as it is inflated (for large sheets)."""
        return iterparse_chunks(self.chunks(name), self.usage, name, events, tag)
