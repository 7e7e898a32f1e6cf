"""One paragraph per printed line: no manual line breaks in the lines officers edit alone."""

from __future__ import annotations

from collections.abc import Iterator

from ..anatomy import Anatomy
from ..messages import t
from ..report import Issue
from .common import at
from .header import one_line


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """structure.line_break."""
    lines = [
        *anatomy.issuer,
        *(p for p in (anatomy.national, anatomy.motto, anatomy.recipients_label) if p),
        *anatomy.recipients,
        *anatomy.signature,
        *([anatomy.signer] if anatomy.signer else []),
    ]
    for para in sorted({p.index: p for p in lines}.values(), key=lambda p: p.index):
        if para.line_breaks:
            found = t("line_breaks", count=para.line_breaks)
            yield Issue("structure.line_break", at(para), found, t("one_paragraph_per_line"))
    for para in anatomy.issuer:
        yield from one_line("structure.line_break", para)
