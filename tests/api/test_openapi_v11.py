"""The OpenAPI description names every v1.1 block and span kind, generated from the schemas."""

from __future__ import annotations

from flask.testing import FlaskClient

from schemas.content import BLOCKS


def test_each_block_and_span_kind_is_a_described_component(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").json
    schemas = spec["components"]["schemas"]
    content = schemas["Part"]["properties"]["content"]
    refs = [item["$ref"].rsplit("/", 1)[1] for item in content["items"]["oneOf"]]
    assert refs == [schema.__name__ for schema in BLOCKS.values()]
    for kind, schema in BLOCKS.items():
        block = schemas[schema.__name__]
        assert block["required"] == [kind] and block["additionalProperties"] is False
    spans = schemas["Part"]["properties"]["text"]["items"]["oneOf"][1]["items"]["oneOf"]
    assert [s.get("$ref", s.get("type")) for s in spans] == [
        "string",
        "#/components/schemas/TextSpan",
        "#/components/schemas/FootnoteSpan",
    ]
    assert set(schemas["TextSpan"]["properties"]) == {"text", "bold", "italic", "underline"}
    note = schemas["FootnoteSpan"]["properties"]["footnote"]["oneOf"][1]["items"]["oneOf"]
    assert "#/components/schemas/FootnoteSpan" not in [s.get("$ref") for s in note]  # no nesting
    table = schemas["Table"]
    assert table["properties"]["columns"]["minItems"] == 1
    assert table["properties"]["columns"]["maxItems"] == 30
    assert table["properties"]["font_size"]["enum"] == [11, 12, 13, 14]
    assert {"authority", "legal_basis", "articles", "attachment"} <= set(
        schemas["Decision"]["properties"]
    )
