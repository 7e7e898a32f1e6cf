"""The batch page: upload the plan and the communes' table, check the rows, start, follow."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _

from service.http.identity import current_unit
from service.http.web import i18n
from service.http.web.pages import page_globals
from service.store.drafts import Drafts

bp = Blueprint("batch_page", __name__, template_folder=str(i18n.ROOT / "templates"))
bp.context_processor(page_globals)  # the site's layout: language, its scripts' messages


def strings() -> dict[str, str]:
    """The page's texts in the page's language, from the site's catalogue (translations/)."""
    return {
        "title": _("Documents for many communes"),
        "lead": _(
            "One plan of the level above and the list of communes (Excel, CSV or JSON): one line "
            "per commune with its issuing body, place, signer and own targets. Each commune gets "
            "its DOCX (and PDF), opening with “Thực hiện Kế hoạch số … của …”."
        ),
        "plan": _("1. The base plan"),
        "from_draft": _("One of our drafts"),
        "draft": _("Draft"),
        "from_file": _("A JSON file"),
        "file": _("File"),
        "table": _("2. The communes"),
        "table_file": _("A .xlsx, .csv or .json file"),
        "table_hint": _(
            "The first line names the columns: the template's headers (Tên xã, Chủ tịch, "
            "Chỉ tiêu: …), contract paths (issuer.name, targets.specific.1.value…), declared "
            "fields ({ten_xa}) or patch."
        ),
        "template_hint": _(
            "No table yet? Download the Excel template of the chosen plan: a column for each "
            "thing a commune fills in, its targets prefilled, the named fields of section 3 "
            "too. List the communes to get a line for each."
        ),
        "template_communes": _("Communes to list in the template (one per line, optional)"),
        "template_button": _("Download the Excel template"),
        "options": _("3. Options"),
        "pdf": _("PDF too, and one merged PDF"),
        "cascade": _("Cascade from the level above (the “Thực hiện Kế hoạch số …” line)"),
        "days": _("Report deadlines earlier by (days)"),
        "fields": _("Named fields (comma-separated)"),
        "fields_hint": _(
            "E.g. ten_xa: each {ten_xa} in the base plan is replaced by the column ten_xa."
        ),
        "check": _("Check the list"),
        "start": _("Start"),
        "progress": _("Progress"),
        "download_zip": _("Download the ZIP"),
        "download_pdf": _("Download the merged PDF"),
        "js.row": _("Line"),
        "js.commune": _("Commune"),
        "js.valid": _("{n} valid lines. Ready to start."),
        "js.invalid": _("There are errors; fix them first:"),
        "js.need_files": _("Choose the plan and the table."),
        "js.bad_plan": _("The plan file is not valid JSON."),
        "js.counts": _("{done}/{total} done, {failed} failed"),
        "js.eta": _("about {s} s left"),
        "js.finished": _("Finished."),
        "js.partial": _("Finished, but {failed} communes have no documents (listed below):"),
        "js.failed_all": _("Failed: no commune has its documents."),
        "js.network": _("Connection lost; retrying…"),
        "js.need_plan": _("Choose the plan first."),
        "js.template_ready": _("The template is downloaded: fill it in, then choose it above."),
    }


@bp.get("/batches")
def page() -> str:
    """The page; the unit's drafts can be the base plan."""
    drafts: Drafts = current_app.extensions["drafts"]
    texts = strings()
    return render_template(
        "web/batch.html",
        plans=drafts.list(current_unit()),
        s=texts,
        script_strings={k.removeprefix("js."): v for k, v in texts.items() if k.startswith("js.")},
    )
