"""A fake converter that joins documents as the pool does, for the worker's unit tests: a
joint DOCX's bookmarks (grouped.MARK) become named destinations over blank pages."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from pypdf import PdfWriter

from service.rendering.pdf import Converted, FakeConverter, PoolConfig
from service.rendering.pdf.grouped import BODY, MARK
from service.rendering.pdf.port import A4_POINTS


@dataclass
class JoiningConverter(FakeConverter):
    """`pages` blank pages a document; joint conversions are counted in `joint` (documents
    in each), may run `hook` first and fail with `joint_failure`; `cut=False` leaves out
    the destinations, so the joint PDF cannot be cut."""

    exports_destinations: bool = True
    config: PoolConfig = field(default_factory=lambda: PoolConfig(instances=1, timeout=5))
    joint: list[int] = field(default_factory=list)
    joint_failure: Exception | None = None
    hook: Callable[[], None] | None = None
    cut: bool = True

    def convert_counted(
        self,
        docx: bytes,
        *,
        pdfa: bool = False,
        timeout: float | None = None,
        destinations: bool = False,
    ) -> Converted:
        """One document as the fake does; with `destinations`, a joint one."""
        if not destinations:
            return Converted(self.convert(docx, pdfa=pdfa, timeout=timeout), self.pages)
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            count = len(re.findall(rf'w:name="{MARK}\d+"', package.read(BODY).decode()))
        self.joint.append(count)
        if self.hook is not None:
            self.hook()
        if self.joint_failure is not None:
            raise self.joint_failure
        writer = PdfWriter()
        for index in range(count):
            for _ in range(self.pages):
                writer.add_blank_page(*A4_POINTS)
            if self.cut:
                writer.add_named_destination(f"{MARK}{index}", index * self.pages)
        out = io.BytesIO()
        writer.write(out)
        return Converted(out.getvalue(), count * self.pages)
