"""check(): inputs, kinds, errors, the report's JSON shape, locations, purity and speed."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile

import pytest
from docx.oxml import OxmlElement

from service.checker import UnreadableDocumentError, check
from service.errors import ServiceError

from . import corpus
from .defects import DEFECTS, find


@pytest.fixture(scope="module")
def plan_bytes() -> bytes:
    return corpus.to_bytes(corpus.plan())


def test_bytes_and_streams_are_both_accepted(plan_bytes):
    assert check(io.BytesIO(plan_bytes)).to_dict() == check(plan_bytes).to_dict()


def test_the_kind_is_detected_or_given(plan_bytes):
    assert check(plan_bytes).kind == "ke_hoach"
    assert check(corpus.to_bytes(corpus.letter())).kind == "cong_van"
    forced = check(plan_bytes, kind="cong_van")
    assert forced.kind == "cong_van"
    assert {"title.type_name", "subject.format", "addressee.format"} <= set(forced.rules())
    with pytest.raises(ValueError, match="kind"):
        check(plan_bytes, kind="no_such_kind")


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.7", b"\xd0\xcf\x11\xe0 an old .doc", "zip-without-document"],
    ids=["empty", "pdf", "doc", "zip"],
)
def test_what_is_not_a_docx_is_refused(data):
    if data == "zip-without-document":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("hello.txt", "hi")
        data = out.getvalue()
    with pytest.raises(UnreadableDocumentError) as raised:
        check(data)
    assert isinstance(raised.value, ServiceError)


def test_the_report_has_the_documented_json_shape(plan_bytes):
    defect = next(d for d in DEFECTS if d.name == "number-no-zero")
    report = check(corpus.to_bytes(defect.build())).to_dict()
    assert json.loads(json.dumps(report)) == report
    assert set(report) == {
        "errors",
        "warnings",
        "kind",
        "pages",
        "pages_known",
        "pages_source",
        "profile",
        "locale",
        "converted_from",
        "truncated",
        "findings",
    }
    (finding,) = report["findings"]
    assert finding == {
        "rule": "number.format",
        "severity": "error",
        "basis": "decree",
        "message": "Số văn bản",
        "where": {"part": "body", "paragraph": 6, "text": "Số: 5/KH-UBND", "page": 1, "section": 1},
        "found": "“5”",
        "expected": "“05”",
        "hint": finding["hint"],
    }
    assert (report["errors"], report["warnings"]) == (1, 0)


def test_the_paragraphs_can_come_along_to_highlight_the_findings():
    defect = next(d for d in DEFECTS if d.name == "number-no-zero")
    report = check(corpus.to_bytes(defect.build()))
    shape = report.to_dict(with_text=True)
    (finding,) = report.findings
    # Paragraphs count from 1, as people count them; the list counts from 0.
    assert shape["paragraphs"][finding.where.paragraph - 1] == "Số: 5/KH-UBND"


def test_findings_point_at_the_paragraph_and_come_in_document_order():
    document = corpus.plan()
    for prefix in ("b) ", "Trên đây"):
        find(document, prefix).paragraph_format.alignment = 0
    report = check(corpus.to_bytes(document))
    texts = [f.where.text for f in report.findings]
    assert [f.rule for f in report.findings] == ["body.align", "body.align"]
    assert texts[0].startswith("b) Rà soát") and texts[1].startswith("Trên đây là Kế hoạch")
    assert report.findings[0].where.paragraph < report.findings[1].where.paragraph
    assert report.findings[1].where.page == 2 and not report.pages_known


def test_header_findings_name_the_header_part():
    defect = next(d for d in DEFECTS if d.name == "arial-page-number")
    (finding,) = check(corpus.to_bytes(defect.build())).findings
    assert (finding.where.part, finding.where.paragraph, finding.where.text) == ("header", 1, "2")


def test_pages_come_from_word_when_it_recorded_them():
    document = corpus.plan()
    run = find(document, "II. NHIỆM VỤ").runs[0]
    run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    report = check(corpus.to_bytes(document))
    assert (report.pages, report.pages_known) == (2, True)


def test_a_ten_page_plan_is_estimated_at_about_ten_pages():
    report = check(corpus.to_bytes(corpus.plan(repeat=9)))
    assert report.findings == ()
    assert 9 <= report.pages <= 11


def test_a_ten_page_document_is_checked_well_under_a_second():
    data = corpus.to_bytes(corpus.plan(repeat=9))
    check(data)
    started = time.perf_counter()
    check(data)
    assert time.perf_counter() - started < 0.5


def test_the_checker_imports_no_web_framework_or_schemas():
    code = (
        "import sys, service.checker; "
        "bad = [m for m in sys.modules if m.split('.')[0] in {'flask', 'marshmallow', 'schemas'}]; "
        "print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=corpus.ROOT
    )
    assert result.stdout.strip() == "[]"
