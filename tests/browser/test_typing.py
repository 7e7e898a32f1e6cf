"""Typing and pasting in real Chromium, in every kind of entry a "+" button adds: Enter starts
the next entry, a three-line paste (as text and as Word's HTML) makes three entries, nothing
is ever merged or dropped, and one Ctrl+Z takes a paste back."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.driving import field, form_json, new_draft, paste

pytestmark = pytest.mark.browser
CARET = """(() => {
  const s = getSelection(), r = document.createRange();
  r.setStart(document.activeElement, 0);
  r.setEnd(s.anchorNode, s.anchorOffset);
  return r.toString().length;
})()"""

WORD_HTML = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">'
    "<style>p.MsoListParagraph {mso-style-priority:34;}</style></head><body lang=VI>"
    "<!--StartFragment-->"
    "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
    "<![if !supportLists]><span>-<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; "
    "</span></span><![endif]>{0}</p>"
    "<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span>-<span>&nbsp;&nbsp; </span></span><![endif]>{1}</p>"
    "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span>-<span>&nbsp;&nbsp; </span></span><![endif]>{2}</p>"
    "<!--EndFragment--></body></html>"
)


def add_buttons(page: Page) -> list[dict[str, str]]:
    """Every "+" button on the page: the list it adds to and its label."""
    found: list[dict[str, str]] = page.evaluate(
        "[...document.querySelectorAll('#plan-form [data-add]')]"
        ".map(b => ({path: b.dataset.add, block: b.dataset.block ?? '',"
        " label: b.textContent.trim()}))"
    )
    return found


def selector(button: dict[str, str]) -> str:
    """The one button: blocks share their list's path, so their kind tells them apart."""
    block = f'[data-block="{button["block"]}"]' if button["block"] else ":not([data-block])"
    return f'[data-add="{button["path"]}"]' + block


def kind_of(button: dict[str, str]) -> str:
    """A kind of entry: the part it is in, the list's name and the button's label (the same at
    any depth, so nested sub-headings end the search)."""
    part, name = button["path"].split(".")[0], re.sub(r"^.*\.", "", button["path"])
    inside = "blocks" if re.search(r"\.content\.\d+\.", button["path"]) else "part"
    if name == "content":  # blocks are the same in every part: once at a part, once nested
        return f"{inside} · {name} · {button['label']}"
    return f"{part} · {name} · {button['label']}"


def entry_texts(page: Page, list_path: str) -> list[str]:
    """The lead text of each entry of a list, as the form holds it."""
    texts: list[str] = page.evaluate(
        """(path) => {
          const list = path.split('.').reduce((n, k) => n?.[k], window.plandoc.form.state) ?? [];
          return list.map((e) => typeof e === 'string' ? e
            : e.text ?? e.heading ?? e.agency ?? e.report ?? e.title ?? e.paragraph ?? e.dash
              ?? e.plus ?? e.numbered?.text ?? e.lettered?.text ?? e.section?.heading
              ?? e.assignment?.agency ?? '');
        }""",
        list_path,
    )
    return texts


def values_holding(page: Page, *marks: str) -> list[str]:
    """The paths of the fields whose value holds every mark."""
    paths: list[str] = page.evaluate(
        """(marks) => [...document.querySelectorAll('#plan-form [data-path]')]
          .filter((f) => marks.every((m) => (f.value ?? '').includes(m)))
          .map((f) => f.dataset.path)""",
        list(marks),
    )
    return paths


def every_kind(page: Page, check: Any, table_check: Any) -> set[str]:
    """Click one "+" button of each kind not yet seen, on a plan, a letter, a decision; run
    `check` (`table_check` for a table, whose entries are its cells)."""
    seen: set[str] = set()
    new_draft(page)
    for document_type in ("ke_hoach", "cong_van", "quyet_dinh"):
        field(page, "type").select_option(document_type)
        while True:
            todo = [b for b in add_buttons(page) if kind_of(b) not in seen]
            if not todo:
                break
            button = todo[0]
            seen.add(kind_of(button))
            target = page.locator(selector(button))
            if not target.is_visible():  # the "+" of blocks nested in an entry are folded
                target.locator("xpath=../..").locator(".unfold").click()
            target.click()
            if button["block"] == "table":
                table_check(f"k{len(seen)}z")
                continue
            focused = str(page.evaluate("document.activeElement.dataset.path ?? ''"))
            assert focused.startswith(f"{button['path']}."), (kind_of(button), focused)
            at = int(focused[len(button["path"]) + 1 :].split(".")[0])  # the entry just added
            check(button["path"], at, f"k{len(seen)}z")
    return seen


def test_enter_starts_the_next_entry_in_every_kind(page: Page) -> None:
    def check(list_path: str, before: int, mark: str) -> None:
        page.keyboard.type(f"AAA{mark}")
        page.keyboard.press("Enter")
        page.keyboard.type(f"BBB{mark}")
        assert values_holding(page, f"AAA{mark}", f"BBB{mark}") == [], list_path
        texts = entry_texts(page, list_path)
        assert texts[before : before + 2] == [f"AAA{mark}", f"BBB{mark}"], list_path
        focused = page.evaluate("document.activeElement.dataset.path")
        assert focused.startswith(f"{list_path}.{before + 1}"), (list_path, focused)

    def table_check(mark: str) -> None:  # Enter goes to the cell below
        page.keyboard.type(f"AAA{mark}")
        page.keyboard.press("Enter")
        page.keyboard.type(f"BBB{mark}")
        assert values_holding(page, f"AAA{mark}", f"BBB{mark}") == []
        assert (
            len(values_holding(page, f"AAA{mark}")) == len(values_holding(page, f"BBB{mark}")) == 1
        )

    kinds = every_kind(page, check, table_check)
    assert len(kinds) >= 33, sorted(kinds)  # every "+" of the plan and the letter, nested too


@pytest.mark.parametrize("as_word", [False, True], ids=["text", "word-html"])
def test_three_pasted_lines_make_three_entries_in_every_kind(page: Page, as_word: bool) -> None:
    def check(list_path: str, before: int, mark: str) -> None:
        lines = [f"Một {mark}", f"Hai {mark} & <b>", f"Ba {mark} {{{{ x }}}}"]
        if as_word:
            html = WORD_HTML
            for n, line in enumerate(lines):  # escaped as Word escapes what it copies
                html = html.replace(f"{{{n}}}", line.replace("&", "&amp;").replace("<", "&lt;"))
            paste(page, "".join(f"-\t{line}\r\n" for line in lines), html)
        else:
            paste(page, f"1. {lines[0]}\n2.1. {lines[1]}\n\n  a) {lines[2]}\n")
        assert entry_texts(page, list_path)[before : before + 3] == lines, list_path
        for line in lines:
            assert len(values_holding(page, line)) == 1, (list_path, line)
        page.keyboard.press("Control+Z")  # one undo takes the whole paste back
        assert entry_texts(page, list_path)[before : before + 2] in ([""], []), list_path
        assert values_holding(page, mark) == [], list_path

    def table_check(mark: str) -> None:  # the lines fill the title and the cells below it
        lines = [f"Một {mark}", f"Hai {mark}", f"Ba {mark}"]
        if as_word:
            paste(page, "\r\n".join(lines) + "\r\n", "".join(f"<p>{line}</p>" for line in lines))
        else:
            paste(page, "\n".join(lines))
        for line in lines:
            assert len(values_holding(page, line)) == 1, line
        page.keyboard.press("Control+Z")
        assert values_holding(page, mark) == []

    kinds = every_kind(page, check, table_check)
    assert len(kinds) >= 33


def test_enter_splits_at_the_caret_and_shift_enter_breaks_a_title(page: Page) -> None:
    new_draft(page)
    page.click('[data-add="purpose.purposes"]')
    page.keyboard.type("Nâng cao nhận thức. Bảo đảm quyền trẻ em.")
    for _ in range(len("Bảo đảm quyền trẻ em.")):
        page.keyboard.press("ArrowLeft")
    page.keyboard.press("Enter")
    assert form_json(page)["purpose"]["purposes"] == [
        "Nâng cao nhận thức. ",
        "Bảo đảm quyền trẻ em.",
    ]
    assert page.evaluate(CARET) == 0  # the cursor at the start of the new entry
    page.keyboard.press("Control+Z")
    assert form_json(page)["purpose"]["purposes"] == ["Nâng cao nhận thức. Bảo đảm quyền trẻ em."]
    page.click('[data-add="appendices"]')
    page.keyboard.type("ĐỀ CƯƠNG")
    page.keyboard.press("Shift+Enter")  # a title may hold several lines
    page.keyboard.type("BÁO CÁO")
    assert form_json(page)["appendices"] == [{"title": "ĐỀ CƯƠNG\nBÁO CÁO"}]
    page.keyboard.press("Shift+Enter")
    field(page, "purpose.purposes.0").press("Shift+Enter")  # a paragraph holds no line break
    assert len(form_json(page)["purpose"]["purposes"]) == 2


def test_what_a_field_cannot_hold_is_refused_with_a_message(page: Page) -> None:
    new_draft(page)
    field(page, "place").click()
    paste(page, "Dĩnh Kế\nBắc Giang")
    assert field(page, "place").input_value() == ""
    expect(page.locator("#f-place-note")).to_contain_text("2 dòng")
    field(page, "place").type("Dĩnh Kế")
    expect(page.locator("#f-place-note")).to_have_count(0)
    field(page, "closing").click()
    page.keyboard.type("Trên đây là Kế hoạch")
    page.keyboard.press("Enter")
    expect(page.locator("#f-closing-note")).to_contain_text("một đoạn văn")
    assert form_json(page)["closing"] == "Trên đây là Kế hoạch"
    page.click('[data-add="preamble"]')
    paste(page, "Căn cứ Luật Trẻ em\x01")
    expect(page.locator("#f-preamble-0-note")).to_contain_text("U+0001")
    assert form_json(page).get("preamble") in (None, [""])
    paste(page, "- Căn cứ Luật Trẻ em năm 2016;")  # one line: the dash is left out, and said so
    assert form_json(page)["preamble"] == ["Căn cứ Luật Trẻ em năm 2016;"]
    expect(page.locator("#form-toast")).to_contain_text("tự đánh số")


def test_a_paste_into_text_keeps_the_text_around_it(page: Page) -> None:
    new_draft(page)
    page.click('[data-add="recipients"]')
    page.keyboard.type("Sở Y tế; UBND")
    for _ in range(len("; UBND")):
        page.keyboard.press("ArrowLeft")
    paste(page, " (để b/c)\nPhòng Tư pháp\nCác xã")
    assert form_json(page)["recipients"] == ["Sở Y tế (để b/c)", "Phòng Tư pháp", "Các xã; UBND"]
    field(page, "recipients.0").press("End")
    paste(page, "Lưu: VT\nBáo cáo")  # at an entry's end: the lines follow it, never glued
    assert form_json(page)["recipients"] == [
        "Sở Y tế (để b/c)",
        "Lưu: VT",
        "Báo cáo",
        "Phòng Tư pháp",
        "Các xã; UBND",
    ]
    page.click("#form-toast button")  # Hoàn tác
    assert form_json(page)["recipients"] == ["Sở Y tế (để b/c)", "Phòng Tư pháp", "Các xã; UBND"]
