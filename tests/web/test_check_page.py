"""The check page is served with labels and without inline script."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_check_page_has_labelled_upload_and_no_inline_script(client: FlaskClient) -> None:
    page = client.get("/check").get_data(as_text=True)
    assert '<label for="check-file">Tệp Word (.docx)</label>' in page
    assert 'id="check-file"' in page and "web/js/check.js" in page
    assert "<script>" not in page and "onclick" not in page
