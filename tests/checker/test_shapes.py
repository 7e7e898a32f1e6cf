"""Lines drawn as shapes, as hand-made documents draw them, are read as rules."""

from __future__ import annotations

from lxml import etree

from service.checker.shapes import line_shapes

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def _drawing(preset: str, cx: int, cy: int) -> str:
    return (
        f'<w:drawing><wp:anchor><wp:extent cx="{cx}" cy="{cy}"/><a:graphic><a:graphicData>'
        f'<a:prstGeom prst="{preset}"/></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    )


def _lines(inner: str) -> list[int]:
    return line_shapes(etree.fromstring(f"<w:r {NS}>{inner}</w:r>"))


def test_drawingml_lines_connectors_and_flat_rectangles():
    assert _lines(_drawing("line", 635 * 1440, 0)) == [1440]
    assert _lines(_drawing("straightConnector1", 635 * 720, 0)) == [720]
    assert _lines(_drawing("rect", 635 * 1440, 635 * 20)) == [1440]
    assert _lines(_drawing("rect", 635 * 1440, 635 * 700)) == []  # a text box, not a line


def test_vml_lines_and_straight_connectors():
    assert _lines('<w:pict><v:line from="10pt,5pt" to="82pt,5pt"/></w:pict>') == [1440]
    shape = '<v:shape o:connectortype="straight" style="position:absolute;width:1in;height:0"/>'
    assert _lines(f"<w:pict>{shape}</w:pict>") == [1440]


def test_a_shape_with_its_vml_fallback_counts_once():
    fallback = '<w:pict><v:line from="0,0" to="72pt,0"/></w:pict>'
    alternate = (
        f"<mc:AlternateContent><mc:Choice>{_drawing('line', 635 * 1440, 0)}</mc:Choice>"
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )
    assert _lines(alternate) == [1440]
