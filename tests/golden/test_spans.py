"""Contract v1.1 §1 read back from the golden DOCX: marked spans on their own runs, and real
Word footnotes numbered in document order, their text in Times New Roman 12 pt."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import pytest
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from tests.conftest import GOLDEN, plan_json
from tests.formatting import run_font
from tests.golden.fixture_json import MARKS, footnotes, marked_spans
from tests.readback import FOOTNOTES_PART, footnote_texts, open_docx, paragraphs

MARKED = [name for name in GOLDEN if marked_spans(plan_json(name))]
NOTED = [name for name in GOLDEN if footnotes(plan_json(name))]
LABEL = r"(?:[IVXL]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|Điều \d+\.) "
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _runs(document: DocxDocument) -> list[tuple[Paragraph, Run]]:
    return [(p, r) for p in paragraphs(document) for r in p.runs if r.text]


def _marks(document: DocxDocument, paragraph: Paragraph, run: Run) -> dict[str, bool]:
    font = run_font(document, paragraph, run)
    underline = run.font.underline
    if underline is None:
        underline = next(
            (s.font.underline for s in (run.style, paragraph.style) if s and s.font.underline),
            None,
        )
    return {"bold": font["bold"], "italic": font["italic"], "underline": bool(underline)}


def test_fixtures_exercise_spans_and_footnotes() -> None:
    assert len(MARKED) >= 4 and NOTED


@pytest.mark.parametrize("name", MARKED)
def test_each_marked_span_is_a_run_with_its_marks(name: str, golden_docx: dict[str, bytes]) -> None:
    """A span prints as its own run carrying the marks it sets; a heading's generated number
    joins its first span's run and so takes its marks (`3.1.` italic)."""
    document = open_docx(golden_docx[name])
    runs = _runs(document)
    asked = Counter(
        (span["text"].strip(), tuple((m, span[m]) for m in MARKS if m in span))
        for span in marked_spans(plan_json(name))
    )
    printed: dict[str, list[dict[str, bool]]] = defaultdict(list)
    for paragraph, run in runs:
        text = run.text.strip()
        for key in {text, re.sub(f"^{LABEL}", "", text)} & {text for text, _ in asked}:
            printed[key].append(_marks(document, paragraph, run))
    for (text, marks), count in asked.items():
        assert sum(all(m[k] == v for k, v in marks) for m in printed[text]) >= count, (text, marks)


@pytest.mark.parametrize("name", MARKED)
def test_unmarked_words_beside_a_span_stay_plain(name: str, golden_docx: dict[str, bytes]) -> None:
    """In a body paragraph holding a marked span, the author's other words are regular."""
    document = open_docx(golden_docx[name])
    spans = {span["text"].strip() for span in marked_spans(plan_json(name))}
    for paragraph in paragraphs(document):
        if paragraph.style.name not in ("Body Text", "List Dash", "List Plus"):
            continue
        runs = [r for r in paragraph.runs if r.text.strip()]
        if not any(r.text.strip() in spans for r in runs):
            continue
        for run in runs:
            if run.text.strip() not in spans and (
                run.style is None or run.style.name != "Run-in Heading"
            ):
                assert not any(_marks(document, paragraph, run).values()), run.text


@pytest.mark.parametrize("name", NOTED)
def test_footnotes_are_word_footnotes_in_document_order(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    document = open_docx(golden_docx[name])
    part = next(p for p in document.part.package.iter_parts() if p.partname == FOOTNOTES_PART)
    assert part.content_type == FOOTNOTES_TYPE
    assert any(rel.target_part is part for rel in document.part.rels.values())
    refs = [
        (p, r)
        for p in paragraphs(document)
        for r in p._p.iter(qn("w:r"))
        if r.find(qn("w:footnoteReference")) is not None
    ]
    ids = [r.find(qn("w:footnoteReference")).get(qn("w:id")) for _, r in refs]
    # Word numbers the marks by their order; the ids we write follow that order too.
    assert ids == [str(n) for n in range(1, len(ids) + 1)]
    texts = footnote_texts(document)
    assert [texts[i] for i in ids] == [" ".join(t.split()) for t in footnotes(plan_json(name))]
    for paragraph, run in refs:
        mark = Run(run, paragraph)
        assert mark.style is not None and mark.style.name == "footnote reference"
        assert mark.style.font.superscript
        assert run_font(document, paragraph, mark)["ascii"] == "Times New Roman"


@pytest.mark.parametrize("name", NOTED)
def test_footnote_text_is_times_new_roman_12(name: str, golden_docx: dict[str, bytes]) -> None:
    document = open_docx(golden_docx[name])
    part = next(p for p in document.part.package.iter_parts() if p.partname == FOOTNOTES_PART)
    root = parse_xml(part.blob)
    notes = [n for n in root.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]
    assert len(notes) == len(footnotes(plan_json(name)))
    body = document._body
    for note in notes:
        for element in note.iter(qn("w:p")):
            paragraph = Paragraph(element, body)
            assert paragraph.style.name == "footnote text"
            assert element.find(f".//{qn('w:footnoteRef')}") is not None
            for run in paragraph.runs:
                font = run_font(document, paragraph, run)
                if run.text.strip():
                    assert (font["ascii"], font["hAnsi"], font["size"]) == (
                        "Times New Roman",
                        "Times New Roman",
                        12,
                    )


def test_footnote_ids_follow_the_marks_through_tables() -> None:
    """Footnotes in a table's header, cells and group row keep the document's order in their
    ids and in footnotes.xml, as Word and LibreOffice number them by position."""
    from schemas import load_document
    from service.rendering import Renderer
    from tests.builders import minimal_plan

    def note(text: str) -> list[Any]:
        return [text, {"footnote": f"chú thích {text}"}]

    table = {
        "columns": [{"title": note("cột"), "width": 1}, {"title": "B", "width": 1}],
        "rows": [{"group": note("nhóm")}, [note("ô"), "x"]],
    }
    content = [{"paragraph": note("trước")}, {"table": table}, {"paragraph": note("sau")}]
    docx = Renderer().render_docx(load_document(minimal_plan(tasks={"content": content})))
    document = open_docx(docx)
    refs = [r.get(qn("w:id")) for r in document.element.body.iter(qn("w:footnoteReference"))]
    assert refs == ["1", "2", "3", "4", "5"]
    texts = footnote_texts(document)
    assert [texts[i] for i in refs] == [
        f"chú thích {t}" for t in ("trước", "cột", "nhóm", "ô", "sau")
    ]
    assert list(texts) == refs  # footnotes.xml lists them in that order too
