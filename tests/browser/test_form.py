"""The form in real Chromium: the example plan typed from scratch, lossless round trips,
errors by their fields, the live signature lines, keyboard editing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from schemas import load_document
from service.rendering.context import signer_lines
from service.vietnamese import PartialDate, long_date
from tests.browser.driving import (
    download,
    export_json,
    field,
    fill_document,
    form_json,
    import_json,
    new_draft,
    wait_saved,
)
from tests.conftest import GOLDEN, expected_lines, plan_json
from tests.readback import printed_lines

pytestmark = pytest.mark.browser
EXAMPLE = "ke-hoach-bac-kan-2023"
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def test_example_plan_typed_from_scratch_gives_the_expected_docx(page: Page) -> None:
    new_draft(page)
    fill_document(page, plan_json(EXAMPLE))
    assert form_json(page) == plan_json(EXAMPLE)
    name, docx = download(page, "#download-docx")
    assert name == "Kế hoạch KH-UBND ngày 2023-04.docx"
    assert printed_lines(docx) == expected_lines(EXAMPLE)
    wait_saved(page)
    if os.environ.get("PLANDOC_SCREENSHOTS"):  # refresh the README's pictures
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(IMAGES / "form.png"))
        page.click("#show-preview")
        page.wait_for_selector("#preview-panel .paper")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(IMAGES / "preview.png"))


def test_every_fixture_round_trips_through_the_form(page: Page, tmp_path: Path) -> None:
    new_draft(page)
    for name in GOLDEN:
        import_json(page, plan_json(name), tmp_path, f"{name}.json")
        assert export_json(page) == plan_json(name), name


def test_validation_error_sits_by_its_field_and_nothing_is_lost(page: Page, tmp_path: Path) -> None:
    new_draft(page)
    import_json(page, plan_json(EXAMPLE), tmp_path)
    controls = "#plan-form :is(input, textarea, select):not(.date-native)"  # the calendar is hidden
    assert page.locator(controls).count() > 100
    assert (
        page.evaluate(
            f"[...document.querySelectorAll('{controls}')]"
            ".filter(e => e.labels.length !== 1).length"
        )
        == 0
    )
    agency = field(page, "organization.assignments.3.agency")
    agency.fill("")
    field(page, "date").fill("2023-13")
    page.click("#check")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("Cơ quan, đơn vị: Trường này là bắt buộc.")
    for path, message in [
        ("organization.assignments.3.agency", "Trường này là bắt buộc."),
        ("date", "Ngày không hợp lệ"),
    ]:
        box = field(page, path)
        expect(box).to_have_attribute("aria-invalid", "true")
        error_id = box.evaluate("e => e.nextElementSibling.id")
        assert error_id in (box.get_attribute("aria-describedby") or "").split()
        expect(page.locator(f"#{error_id}")).to_contain_text(message)
    in_the_form = page.evaluate(  # the summary lists the errors as the fields come
        "[...document.querySelectorAll('#plan-form [aria-invalid=true]')]"
        ".map(e => document.querySelector(`label[for='${e.id}']`).textContent)"
        ".map(t => t.replace(/\\s*\\*$/, ''))"
    )
    listed = summary.locator("li").all_inner_texts()
    assert len(listed) == len(in_the_form) == 2
    assert [line.split(":")[0] for line in listed] == in_the_form
    typed = plan_json(EXAMPLE)
    del typed["organization"]["assignments"][3]["agency"]
    typed["date"] = "2023-13"
    assert form_json(page) == typed  # nothing typed was lost
    wait_saved(page)
    page.reload()
    assert (
        field(page, "organization.assignments.4.agency").input_value()
        == (typed["organization"]["assignments"][4]["agency"])
    )
    assert field(page, "date").input_value() == "2023-13" and form_json(page) == typed


def test_signature_and_date_lines_are_those_the_server_prints(page: Page) -> None:
    new_draft(page)
    signers = [
        {"collective": "ỦY BAN NHÂN DÂN", "mode": "KT", "head": "chủ tịch", "title": "PHÓ CT"},
        {"mode": "TL", "head": "CHỦ TỊCH", "title": "CHÁNH VĂN PHÒNG"},
        {"mode": "Q", "title": "GIÁM ĐỐC"},
        {"collective": "BAN CHỈ ĐẠO", "mode": "TUQ", "head": "TRƯỞNG BAN", "title": "THÀNH VIÊN"},
        {"title": "CHỦ TỊCH"},
    ]
    for signer in signers:
        field(page, "signer.mode").select_option(signer.get("mode", ""))  # shows the head's field
        for key in ("collective", "head", "title"):
            if key != "head" or "head" in signer:
                field(page, f"signer.{key}").fill(signer.get(key, ""))
        expected = signer_lines(load_document_signer(signer))
        expect(page.locator("#signer-lines .printed-lines span")).to_have_text(expected)
    field(page, "place").fill("Dĩnh Kế")
    for date in ("2024-03-05", "2024-02", "2024", "2024-11-20"):
        field(page, "date").fill(date)
        line = f"Dĩnh Kế, {long_date(PartialDate.parse(date))}"
        expect(page.locator("#date-line .printed-lines")).to_have_text(line)


def load_document_signer(signer: dict[str, str]) -> object:
    plan = plan_json(EXAMPLE) | {"signer": {**signer, "name": "A"}}
    return load_document(plan).signer


def test_keyboard_adds_moves_removes_and_undoes(page: Page) -> None:
    new_draft(page)
    page.click('[data-add="recipients"]')
    page.keyboard.type("Sở Y tế")
    page.keyboard.press("Enter")  # Enter in a list entry starts the next one
    page.keyboard.type("UBND huyện")
    page.keyboard.press("Enter")
    page.keyboard.type("Lưu: VT")
    page.keyboard.press("Alt+ArrowUp")  # the entry being typed moves up, focus follows
    page.keyboard.press("Alt+ArrowUp")
    assert form_json(page)["recipients"] == ["Lưu: VT", "Sở Y tế", "UBND huyện"]
    assert page.evaluate("document.activeElement.dataset.path") == "recipients.0"
    expect(page.locator("#form-toast")).to_contain_text("vị trí 1/3")
    page.click('[data-action="remove"][data-target="recipients.1"]')
    assert form_json(page)["recipients"] == ["Lưu: VT", "UBND huyện"]
    page.click("#form-toast button")
    assert form_json(page)["recipients"] == ["Lưu: VT", "Sở Y tế", "UBND huyện"]
    page.focus('[data-action="down"][data-target="recipients.0"]')
    page.keyboard.press("Enter")  # the move buttons work from the keyboard, focus stays
    assert form_json(page)["recipients"] == ["Sở Y tế", "Lưu: VT", "UBND huyện"]
    assert page.evaluate("document.activeElement.dataset.target") == "recipients.1"
