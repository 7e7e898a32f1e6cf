"""Contract v1.1 §5 read back from the golden DOCX: a QUYẾT ĐỊNH's authority, legal bases,
`QUYẾT ĐỊNH:`, `Điều n.` bold run-in, and the attached plan on a section of its own."""

from __future__ import annotations

import re

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from tests.conftest import GOLDEN, plan_json
from tests.formatting import paragraph_format, run_font
from tests.readback import open_docx, paragraphs, printed_lines

DECISIONS = [name for name in GOLDEN if plan_json(name)["type"] == "quyet_dinh"]


def test_fixtures_exercise_decisions() -> None:
    attachments = [plan_json(name)["attachment"] for name in DECISIONS]
    assert len(attachments) >= 2
    assert any("signoff" in a for a in attachments) and any("reference" in a for a in attachments)
    assert any(plan_json(name).get("appendices") for name in DECISIONS)


@pytest.mark.parametrize("name", DECISIONS)
def test_articles_start_with_a_bold_run_in_number(name: str, golden_docx: dict[str, bytes]) -> None:
    document = open_docx(golden_docx[name])
    found = []
    for paragraph in paragraphs(document):
        match = re.match(r"Điều (\d+)\. ", paragraph.text)
        if not match:
            continue
        found.append(int(match.group(1)))
        first = next(r for r in paragraph.runs if r.text.strip())
        assert first.text == f"Điều {match.group(1)}."
        assert first.style is not None and first.style.name == "Run-in Heading"
        assert run_font(document, paragraph, first)["bold"]
        assert paragraph_format(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert found == list(range(1, len(plan_json(name)["articles"]) + 1))


@pytest.mark.parametrize("name", DECISIONS)
def test_authority_bases_and_decides_line(name: str, golden_docx: dict[str, bytes]) -> None:
    plan = plan_json(name)
    document = open_docx(golden_docx[name])
    styled = {p.text: p for p in paragraphs(document)}
    authority = styled[plan["authority"]]
    assert authority.style.name == "Authority"
    decides = styled["QUYẾT ĐỊNH:"]
    assert decides.style.name == "Decides"
    for paragraph in (authority, decides):
        assert paragraph_format(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run_font(document, paragraph, r)["bold"] for r in paragraph.runs if r.text)
    bases = [p for p in paragraphs(document) if p.style.name == "Legal Basis"]
    proposal = plan["proposal"]  # one fixture types its final `.`, one leaves it to the service
    proposal += "" if proposal.endswith(".") else "."
    assert [p.text for p in bases] == [*plan["legal_basis"], proposal]
    assert all(run_font(document, p, r)["italic"] for p in bases for r in p.runs if r.text)


@pytest.mark.parametrize("name", DECISIONS)
def test_attached_plan_starts_a_section_and_ends_with_the_end_mark(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    plan = plan_json(name)
    document = open_docx(golden_docx[name])
    body = list(paragraphs(document))
    types = [i for i, p in enumerate(body) if p.style.name == "Document Type"]
    assert [body[i].text for i in types] == ["QUYẾT ĐỊNH", "KẾ HOẠCH"]
    # The paragraph before the plan's `KẾ HOẠCH` ends the decision's section.
    assert body[types[1] - 1]._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    lines = printed_lines(golden_docx[name])
    last_article = lines.index("Nơi nhận:") - 1
    assert lines[last_article].endswith("./.")
    end = len(lines)
    if plan.get("appendices"):
        end = lines.index(plan["appendices"][0]["label"])
    signoff = plan["attachment"].get("signoff")
    if signoff:
        assert lines[end - 1] == signoff
        end -= 1
    assert lines[end - 1].endswith("./.")
    assert sum(line.endswith("./.") for line in lines) == 2
    # One header and one signature block: the attached plan has neither of its own.
    assert lines.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1
    assert lines.count("Nơi nhận:") == 1


@pytest.mark.parametrize(
    "name", [n for n in DECISIONS if plan_json(n)["attachment"].get("signoff")]
)
def test_signoff_is_bold_in_the_signature_column(name: str, golden_docx: dict[str, bytes]) -> None:
    document = open_docx(golden_docx[name])
    signoff = plan_json(name)["attachment"]["signoff"]
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == signoff)
    left, right = table.rows[0].cells[0], table.rows[0].cells[-1]
    assert left.text == "" and right.paragraphs[0].style.name == "Signoff"
    paragraph = right.paragraphs[0]
    assert paragraph_format(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run_font(document, paragraph, r)["bold"] for r in paragraph.runs if r.text)
    closing = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert table.columns[-1].width == closing.columns[-1].width  # the same column
