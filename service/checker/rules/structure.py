"""One paragraph per printed line: no manual line breaks in the lines officers edit alone."""

from __future__ import annotations

from collections.abc import Iterator

from ..anatomy import Anatomy
from ..messages import t
from ..report import Issue, Where
from .common import at
from .header import one_line


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """structure.line_break, structure.value."""
    for anomaly in anatomy.doc.anomalies:
        found = t("bad_value", element=anomaly.tag, name=anomaly.name, text=anomaly.text)
        expected = t("value_range", low=anomaly.low, high=anomaly.high)
        yield Issue("structure.value", Where(part="document"), found, expected, basis="file")
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
