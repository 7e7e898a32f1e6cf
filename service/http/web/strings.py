"""The messages the pages' scripts show, translated on the server (gettext) and embedded."""

from __future__ import annotations

from flask_babel import gettext as _

from service.http.web.editor_strings import editor_messages


def client_messages() -> dict[str, str]:
    """Every script message in the page's language; `{name}` placeholders are filled in JS."""
    return {
        **_sections(),
        **_header(),
        **_parts(),
        **_lists(),
        **_signature(),
        **_actions(),
        **_typing(),
        **editor_messages(),
    }


def _sections() -> dict[str, str]:
    return {
        "app.name": _("Plans and official letters"),
        "sec.header": _("Issuing body, number, place and date, title"),
        "sec.lower": _("Your issuing body, place and date"),
        "sec.addressees": _("Addressees (Kính gửi)"),
        "sec.preamble": _("Opening: legal basis and preamble"),
        "sec.purpose": _("Purposes and requirements"),
        "sec.targets": _("Targets"),
        "sec.tasks": _("Tasks and solutions"),
        "sec.funding": _("Funding"),
        "sec.organization": _("Organisation: assignments to agencies"),
        "sec.reporting": _("Reporting"),
        "sec.extra": _("Other parts"),
        "sec.body": _("Content of the letter"),
        "sec.closing": _("Closing paragraph"),
        "sec.signature": _("Recipients and signature"),
        "sec.appendices": _("Appendices"),
    }


def _header() -> dict[str, str]:
    return {
        "type": _("Document type"),
        "type.ke_hoach": _("Plan (KẾ HOẠCH)"),
        "type.cong_van": _("Official letter (công văn)"),
        "issuer": _("Issuing body"),
        "issuer.parent": _("Governing body (if any)"),
        "issuer.parent.hint": _("Printed above the issuing body, e.g. UBND TỈNH BẮC KẠN."),
        "issuer.name": _("Name of the issuing body"),
        "issuer.name.hint": _(
            "e.g. ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN. It is set in capitals "
            "and broken over lines for you; press Shift+Enter to force a break."
        ),
        "issuer.abbreviation": _("Abbreviation"),
        "issuer.abbreviation.hint": _("Used in the symbol, e.g. UBND gives KH-UBND."),
        "issuer.name_in_text": _("Name in running text (optional)"),
        "issuer.name_in_text.hint": _(
            "e.g. Ủy ban nhân dân thành phố Bắc Kạn; derived from the name when empty."
        ),
        "drafting_unit": _("Drafting office (abbreviation)"),
        "drafting_unit.hint": _("e.g. LĐTBXH: printed in “Lưu: VT, LĐTBXH.”"),
        "number": _("Number"),
        "number.hint": _("Leave empty for the records office to fill in."),
        "symbol": _("Symbol (optional)"),
        "symbol.hint": _("Derived when empty, e.g. KH-UBND."),
        "place": _("Place"),
        "place.hint": _("The place name of the date line, e.g. TP. Bắc Kạn."),
        "date": _("Date"),
        "date.hint": _(
            "30/11/2024; or 11/2024 or 2024 to leave the day (and month) blank for the signing day."
            " 📅 opens a calendar."
        ),
        "printed": _("Will print:"),
        "title.ke_hoach": _("Title of the plan (trích yếu)"),
        "title.cong_van": _("Subject (printed after “V/v”)"),
        "title.quyet_dinh": _("Subject of the decision (printed under QUYẾT ĐỊNH, as typed)"),
        "multiline.hint": _("Shift+Enter starts a new line."),
        "addressees": _("Addressees"),
        "addressees.hint": _("One body per entry; dashes and punctuation are added for you."),
        "preamble": _("Opening paragraphs"),
        "preamble.hint": _(
            "Lines starting with “Căn cứ” are set in italics with “;” and “.” added for you."
        ),
    }


def _parts() -> dict[str, str]:
    return {
        "part.heading": _("Heading of this part (optional)"),
        "part.heading.hint": _("Empty: the standard heading “{heading}”."),
        "purposes": _("Purposes"),
        "requirements": _("Requirements"),
        "targets.general": _("General target"),
        "targets.specific": _("Specific targets"),
        "targets.specific.hint": _(
            "Write {value} where the number goes; it is printed the Vietnamese way (1,2%, 12.500)."
        ),
        "target.text": _("Target"),
        "target.text.hint": _("e.g. Tỷ lệ trẻ em được đăng ký khai sinh đạt {value}."),
        "target.value": _("Value"),
        "target.value.hint": _("A number, e.g. 98 or 1,2."),
        "target.unit": _("Unit"),
        "target.unit.hint": _("e.g. % or trẻ em."),
        "section.heading": _("Heading"),
        "section.run_in": _("Heading and first paragraph on one line"),
        "section.run_in.hint": _("Put a colon at the end of the heading if you want one."),
        "section.numbering": _("Numbering of its sub-items"),
        "section.after": _("Place after"),
        "numbering.auto": _("a), b), c) …"),
        "numbering.decimal": _("2.1., 2.2. …"),
        "after.start": _("Before the first part"),
        "assignment.agency": _("Agency"),
        "assignment.agency.hint": _("e.g. Phòng Lao động - Thương binh và Xã hội."),
        "assignment.request": _("Request (Đề nghị)"),
        "assignment.request.hint": _(
            "For a body outside your authority: printed “Đề nghị <agency>”."
        ),
        "assignment.run_in": _("Agency and first paragraph on one line"),
        "assignment.run_in.hint": _("As in “16. Đề nghị Ủy ban MTTQ … trong phạm vi …”."),
        "entry.text": _("Text"),
        "deadlines": _("Report deadlines"),
        "deadlines.hint": _("Printed as sentences only when this part has no text of its own."),
        "deadline.report": _("Report"),
        "deadline.due": _("Due"),
        "deadline.submit_to": _("Submitted to"),
        "extra": _("Other parts"),
        "extra.hint": _("Parts of your own, numbered with the others (I., II., …)."),
        "closing": _("Closing paragraph (optional)"),
        "closing.hint.ke_hoach": _(
            "Empty: “Trên đây là Kế hoạch …” is written for you. “./.” is added at the end."
        ),
        "closing.hint.cong_van": _("“./.” is added at the end."),
        "appendices": _("Appendices"),
        "appendices.hint": _(
            "Each starts on a new page as “Phụ lục 01”, with a line referring to this document."
        ),
        "appendix.title": _("Title of the appendix"),
        "appendix.subtitle": _("Subtitle (optional)"),
    }


def _lists() -> dict[str, str]:
    return {
        "list.text": _("Paragraphs"),
        "list.items": _("Dash items (-)"),
        "list.numbered": _("Numbered items (1., 2.)"),
        "list.lettered": _("Lettered items (a, b)"),
        "list.sections": _("Sub-headings"),
        "list.taskGroups": _("Task groups"),
        "list.assignments": _("Assignments"),
        "item.text": _("Paragraph {n}"),
        "item.paragraph": _("Paragraph {n}"),
        "item.items": _("Dash item {n}"),
        "item.numbered": _("Numbered item {n}"),
        "item.lettered": _("Lettered item {n}"),
        "item.section": _("Sub-heading {n}"),
        "item.taskGroup": _("Task group {n}"),
        "item.assignment": _("Assignment {n}"),
        "item.purpose": _("Purpose {n}"),
        "item.requirement": _("Requirement {n}"),
        "item.target": _("Target {n}"),
        "item.deadline": _("Deadline {n}"),
        "item.extra": _("Part {n}"),
        "item.addressee": _("Addressee {n}"),
        "item.recipient": _("Recipient {n}"),
        "item.appendix": _("Appendix {n}"),
        "add.bar": _("Add to this part"),
        "add.text": _("Paragraph"),
        "add.paragraph": _("Add a paragraph"),
        "add.items": _("Dash item (-)"),
        "add.numbered": _("Numbered item (1.)"),
        "add.lettered": _("Lettered item (a)"),
        "add.section": _("Sub-heading"),
        "add.taskGroup": _("Add a task group"),
        "add.assignment": _("Assignment to an agency"),
        "add.purpose": _("Add a purpose"),
        "add.requirement": _("Add a requirement"),
        "add.target": _("Add a target"),
        "add.deadline": _("Add a deadline"),
        "add.extra": _("Add a part"),
        "add.addressee": _("Add an addressee"),
        "add.recipient": _("Add a recipient"),
        "add.appendix": _("Add an appendix"),
        "move.up": _("Move {item} up"),
        "move.down": _("Move {item} down"),
        "remove": _("Remove {item}"),
        "moved": _("Moved to position {position} of {count}."),
        "removed": _("Entry removed."),
        "restored": _("Entry restored."),
        "undo": _("Undo"),
    }


def _signature() -> dict[str, str]:
    return {
        "recipients_label": _("Line under “Nơi nhận:” (optional)"),
        "recipients_label.hint": _("e.g. Gửi bản điện tử:"),
        "recipients": _("Recipients (Nơi nhận)"),
        "recipients.hint": _(
            "One per entry, without dash or “;”. “Lưu: VT, …” is added when you give none."
        ),
        "signer": _("Signature"),
        "signer.collective": _("On behalf of a collective body (TM.)"),
        "signer.collective.hint": _(
            "e.g. ỦY BAN NHÂN DÂN, printed “TM. ỦY BAN NHÂN DÂN”; "
            "empty for a body headed by one person."
        ),
        "signer.mode": _("Signing authority"),
        "mode.none": _("The head signs (no prefix)"),
        "mode.KT": _("KT. – signs for the head"),
        "mode.TL": _("TL. – by order of the head"),
        "mode.TUQ": _("TUQ. – by the head's authorisation"),
        "mode.Q": _("Q. – acting head"),
        "signer.head": _("Title of the head"),
        "signer.head.hint": _("e.g. CHỦ TỊCH, printed “KT. CHỦ TỊCH”."),
        "signer.title": _("Title of the signer"),
        "signer.title.hint": _("e.g. PHÓ CHỦ TỊCH."),
        "signer.name": _("Full name of the signer"),
        "signer.lines": _("The signature block will read:"),
    }


def _actions() -> dict[str, str]:
    return {
        "status.unsaved": _("Changes not saved yet…"),
        "status.saving": _("Saving…"),
        "status.saved": _("All changes saved at {time}."),
        "status.kept": _("Your text is kept in this browser; trying again shortly."),
        "check.ok": _("No errors: the document is ready to download."),
        "errors.title": _("{count} thing(s) to fix before the document can be made"),
        "error.network": _("The server cannot be reached; your text is kept in this browser."),
        "error.server": _("The server answered with an error."),
        "preview.fix": _("Fix the errors shown in the form to see the preview."),
        "preview.page": _("Page {n}"),
        "download.working": _("Making the document…"),
        "download.done": _("The document was downloaded."),
        "import.invalid": _("This file is not a plan in JSON."),
        "import.replace": _("Replace everything in this form with the file's content?"),
        "import.done": _("{name} was loaded into the form."),
        "rename.done": _("The draft was renamed."),
        "name.newPlan": _("New plan"),
        "name.newLetter": _("New official letter"),
        "name.copy": _("{name} (copy)"),
        "duplicate.done": _("Copy created: {name}."),
        "delete.confirm": _("Delete the draft “{name}”? This cannot be undone."),
        "delete.done": _("Draft “{name}” deleted."),
        "cascade.loaded": _("{name} loaded."),
        "cascade.noFile": _("Choose the JSON file of the plan of the level above."),
        "cascade.prefilled": _("From the plan above: {values}. Change them if yours differ."),
        "cascade.days": _("Type a whole number of days, 0 to 366."),
        "cascade.noDeadlines": _("The plan above has no report deadlines."),
        "cascade.deadlinesKept": _(
            "The plan was made, but its report deadlines could not be moved earlier: "
            "check them under Reporting."
        ),
    }


def _typing() -> dict[str, str]:
    return {
        "enter.oneParagraph": _(
            "This field is one paragraph: Enter does not start a new one here. "
            "Continue typing, or move to the next field with Tab."
        ),
        "versions.saved": _("Saved on the server ({time})"),
        "versions.mine": _("In this browser, not sent ({time})"),
        "versions.savedNewer": _(
            "The saved version is newer and is shown. This browser also holds a version that was "
            "never sent: compare them and choose which to keep."
        ),
        "versions.mineNewer": _(
            "This browser's version is newer and is shown. The draft was also saved elsewhere "
            "with other changes: compare them and choose which to keep."
        ),
        "versions.more": _("… and {n} more differences."),
        "versions.keptSaved": _("The saved version was kept."),
        "versions.keptMine": _("This browser's version was kept and is being saved."),
        "date.pick": _("Choose on a calendar"),
        "date.invalid": _(
            "“{text}” is not a date. Type it as 30/11/2024, 11/2024 (day left blank) or 2024."
        ),
        "paste.entries": _("{n} entries pasted, one per line."),
        "paste.labels": _(
            "The dashes and numbers at the start of the lines were left out: "
            "the document numbers its entries itself."
        ),
        "paste.tabs": _("Tabs were replaced by spaces."),
        "paste.oneLine": _(
            "Not pasted: this field holds one line and the text has {n} lines. "
            "Paste them into a list, or one line at a time."
        ),
        "paste.unprintable": _(
            "Not pasted: the text holds a character that cannot be printed ({code})."
        ),
    }
