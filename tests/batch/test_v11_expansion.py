"""A contract v1.1 plan expands per commune like a v1 plan: named fields inside spans,
footnotes and table cells, target values by path, and every commune's DOCX renders."""

from __future__ import annotations

from typing import Any

from service.batch.request import parse_request
from service.batch.validation import check
from service.documents.plan import Plan
from service.model import Footnote, Span, Table
from service.rendering import Renderer
from tests.batch.communes import commune_rows
from tests.readback import printed_lines


def test_named_fields_fill_spans_footnotes_and_cells(plan: dict[str, Any]) -> None:
    plan["tasks"] = {
        "content": [
            {
                "paragraph": [
                    {"text": "Tại {ten_xa}: ", "bold": True},
                    "triển khai",
                    {"footnote": "Ở {ten_xa}."},
                ]
            },
            {
                "table": {
                    "columns": [{"title": "Đơn vị"}, {"title": "Chỉ tiêu"}],
                    "rows": [["{ten_xa}", "100%"]],
                }
            },
        ]
    }
    rows = commune_rows(2)
    expander, _ = check(
        parse_request({"plan": plan, "rows": rows, "fields": ["ten_xa"]}, max_rows=10)
    )
    document = expander.document(rows[1])
    assert isinstance(document, Plan) and document.tasks is not None
    paragraph, table = document.tasks.content
    spans = paragraph.text.parts  # type: ignore[union-attr]
    assert spans[0] == Span("Tại xã Đồng Phúc: ", bold=True)
    assert isinstance(spans[2], Footnote) and spans[2].content.text == "Ở xã Đồng Phúc."
    assert isinstance(table, Table) and table.rows[0][0].text.text == "xã Đồng Phúc"  # type: ignore[index]
    lines = printed_lines(Renderer().render_docx(document))
    assert "Tại xã Đồng Phúc: triển khai[1]" in lines and "xã Đồng Phúc" in lines
