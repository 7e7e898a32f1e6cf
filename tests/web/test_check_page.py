"""The check page is served with labels and without inline script."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_check_page_has_labelled_upload_and_no_inline_script(client: FlaskClient) -> None:
    page = client.get("/check").get_data(as_text=True)
    assert '<label for="check-file">Tệp Word (.docx)</label>' in page
    assert 'id="check-file"' in page and "web/js/check.js" in page
    assert "<script>" not in page and "onclick" not in page


def test_profile_and_exact_pages_are_labelled_choices(client: FlaskClient) -> None:
    page = client.get("/check").get_data(as_text=True)
    assert '<label for="check-profile">Kiểm tra theo</label>' in page
    assert '<option value="decree" selected>' in page and '<option value="house">' in page
    assert '<label for="check-pages">Đếm chính xác số trang' in page
    # No PDF converter in this app: LibreOffice cannot count, so the box is off and says why.
    assert 'value="exact" aria-describedby="check-pages-hint" disabled>' in page
    assert "Máy chủ chưa cài LibreOffice" in page
