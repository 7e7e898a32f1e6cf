"""The short lines drawn under the issuer, the motto and the title: paragraph borders or
line shapes, found where Word users put them (under the text, or anchored further down
the same column and positioned up to it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Doc, Para

_REACH = 4  # paragraphs further down the same column that may carry the line


@dataclass(frozen=True)
class Stroke:
    """A drawn line under a line of text: a paragraph border or a line shape."""

    length: int  # twips
    para: Para  # the paragraph that carries it
    border: bool  # True for a paragraph border (its indents then centre it)


def same_column(a: Para, b: Para) -> bool:
    """True when `b` prints in the column `a` prints in (any row of the same table)."""
    if a.cell is None or b.cell is None:
        return a.cell is None and b.cell is None
    return (a.cell.nest, a.cell.col) == (b.cell.nest, b.cell.col)


def below(doc: Doc, para: Para, stop: Para | None = None) -> list[Para]:
    """The next few paragraphs under `para` in its column, down to `stop` (included)."""
    found: list[Para] = []
    for candidate in doc.paragraphs[para.index + 1 : para.index + 1 + 40]:
        if not same_column(para, candidate):
            if para.cell is None:
                break
            continue
        found.append(candidate)
        if candidate is stop or (stop is not None and candidate.index >= stop.index):
            break
        if len(found) == _REACH:
            break
    return found


def stroke_under(doc: Doc, para: Para, target: float, reach: Iterable[Para] = ()) -> Stroke | None:
    """The line drawn under `para`: its own bottom border or shape, else a top border, an
    empty paragraph's bottom border or a shape on the paragraphs `reach` below it (the
    column's next lines by default). Of several shapes, the one nearest `target` twips."""
    if para.fmt.border_bottom:
        return Stroke(_between_indents(para), para, border=True)
    if para.shapes:
        return Stroke(_nearest(para.shapes, target), para, border=False)
    for next_para in list(reach) or below(doc, para):
        if next_para.fmt.border_top or (next_para.empty and next_para.fmt.border_bottom):
            return Stroke(_between_indents(next_para), next_para, border=True)
        if next_para.shapes:
            return Stroke(_nearest(next_para.shapes, target), next_para, border=False)
        if not next_para.empty and not next_para.shapes:
            continue
    return None


def shaped_anchor(anchors: Iterable[Para], target: float) -> Stroke | None:
    """A line shape anchored in one of `anchors` (Word anchors a drawn line to any nearby
    paragraph and positions it freely)."""
    shaped = [p for p in anchors if p.shapes]
    if not shaped:
        return None
    return Stroke(_nearest(shaped[-1].shapes, target), shaped[-1], border=False)


def _nearest(lengths: tuple[int, ...], target: float) -> int:
    return min(lengths, key=lambda length: abs(length - target))


def _between_indents(para: Para) -> int:
    return max(para.width - para.fmt.left - para.fmt.right, 0)
