"""Merging PDFs object by object: memory stays flat however many communes a batch has.

pypdf's PdfWriter keeps every page until it writes (8,000 pages: 354 MiB). This writer
copies each part's pages and everything they reference straight to the output,
renumbering objects as it goes, and keeps only the offsets, the page numbers and the
bookmarks: a few bytes a page.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
    create_string_object,
)

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
PAGES, OUTLINES, CATALOG = 1, 2, 3  # reserved object numbers, written at the end


class StreamingMerger:
    """Appends parts to `out`; `finish()` writes the page tree, outline and cross-reference."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.start = out.tell()
        self.offsets = array("q", [0] * (CATALOG + 1))  # 8 bytes an object, by number
        self.next_id = CATALOG + 1
        self.pages = array("q")
        self.bookmarks: list[tuple[str, int]] = []
        out.write(HEADER)

    def add(self, title: str, reader: PdfReader, pages: Iterable[int] | None = None) -> int:
        """Copy the pages of `reader` (all, or the given indexes), bookmarked `title`; the
        number of pages copied. Objects they share are copied once per call."""
        numbers: dict[int, int] = {}
        queue: deque[tuple[int, int]] = deque()

        def renumber(ref: IndirectObject) -> IndirectObject:
            if ref.idnum not in numbers:
                numbers[ref.idnum] = self._reserve()
                queue.append((ref.idnum, ref.generation))
            return _ref(numbers[ref.idnum])

        first = len(self.pages)
        chosen = reader.pages if pages is None else [reader.pages[i] for i in pages]
        for page in chosen:
            reference = page.indirect_reference
            assert reference is not None
            self.pages.append(renumber(reference).idnum)
        self.bookmarks.append((title, self.pages[first]))
        while queue:
            idnum, generation = queue.popleft()
            source = reader.get_object(IndirectObject(idnum, generation, reader))
            copy = _copy(source, renumber)
            if isinstance(copy, DictionaryObject) and copy.get("/Type") == "/Page":
                copy[NameObject("/Parent")] = _ref(PAGES)
            self._write(numbers[idnum], copy)
        return len(self.pages) - first

    def finish(self, info: Mapping[str, str] | None = None, *, outline: bool = True) -> int:
        """Write the page tree, the outline (unless not wanted), the catalogue, the document
        information `info` (`/Title`: ...) if given, and the cross-reference table."""
        kids = ArrayObject(_ref(n) for n in self.pages)
        self._write(PAGES, DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"), NameObject("/Kids"): kids,
            NameObject("/Count"): _number(len(self.pages))}))  # fmt: skip
        items = [self._reserve() for _ in self.bookmarks]
        for i, (title, page) in enumerate(self.bookmarks):
            item = DictionaryObject({
                NameObject("/Title"): create_string_object(title),
                NameObject("/Parent"): _ref(OUTLINES),
                NameObject("/Dest"): ArrayObject([_ref(page),
                                                  NameObject("/Fit")]),
            })  # fmt: skip
            if i > 0:
                item[NameObject("/Prev")] = _ref(items[i - 1])
            if i + 1 < len(items):
                item[NameObject("/Next")] = _ref(items[i + 1])
            self._write(items[i], item)
        tree = DictionaryObject({NameObject("/Type"): NameObject("/Outlines"),
                                 NameObject("/Count"): _number(len(items))})  # fmt: skip
        if items:
            tree[NameObject("/First")] = _ref(items[0])
            tree[NameObject("/Last")] = _ref(items[-1])
        self._write(OUTLINES, tree)
        catalog = DictionaryObject({NameObject("/Type"): NameObject("/Catalog"),
                                    NameObject("/Pages"): _ref(PAGES)})  # fmt: skip
        if outline:
            catalog[NameObject("/Outlines")] = _ref(OUTLINES)
            catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
        self._write(CATALOG, catalog)
        extra = ""
        if info is not None:
            number = self._reserve()
            self._write(number, DictionaryObject({NameObject(k): create_string_object(v)
                                                  for k, v in info.items()}))  # fmt: skip
            extra = f" /Info {number} 0 R"
        xref = self.out.tell() - self.start
        size = self.next_id
        lines = [b"xref\n", f"0 {size}\n".encode(), b"0000000000 65535 f \n"]
        lines += [f"{self.offsets[n]:010d} 00000 n \n".encode() for n in range(1, size)]
        self.out.write(b"".join(lines))
        self.out.write(f"trailer\n<< /Size {size} /Root {CATALOG} 0 R{extra} >>\n".encode())
        self.out.write(f"startxref\n{xref}\n%%EOF\n".encode())
        return len(self.pages)

    def _reserve(self) -> int:
        self.next_id += 1
        self.offsets.append(0)
        return self.next_id - 1

    def _write(self, number: int, obj: PdfObject) -> None:
        self.offsets[number] = self.out.tell() - self.start
        self.out.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(self.out)
        self.out.write(b"\nendobj\n")


def _copy(obj: Any, renumber: Any) -> Any:
    """The object with every reference renumbered into the output (streams keep their data)."""
    if isinstance(obj, IndirectObject):
        return renumber(obj)
    if isinstance(obj, StreamObject):
        copy = obj.__class__()
        setattr(copy, "_data", obj._data)  # the encoded bytes, copied as they are  # noqa: B010
        for key, value in obj.items():
            if key != "/Length":
                copy[NameObject(key)] = _copy(value, renumber)
        return copy
    if isinstance(obj, DictionaryObject):
        page = obj.get("/Type") == "/Page"
        result = DictionaryObject()
        for key, value in obj.items():
            if not (page and key == "/Parent"):  # a page's parent is the merged page tree
                result[NameObject(key)] = _copy(value, renumber)
        return result
    if isinstance(obj, ArrayObject):
        return ArrayObject(_copy(value, renumber) for value in obj)
    return obj


def _ref(number: int) -> IndirectObject:
    """A reference to an object of the output."""
    return IndirectObject(number, 0, None)


def _number(value: int) -> Any:
    from pypdf.generic import NumberObject

    return NumberObject(value)
