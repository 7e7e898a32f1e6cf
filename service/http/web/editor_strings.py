"""The messages of the content editor's scripts (contract v1.1: blocks, tables, the
QUYẾT ĐỊNH form), translated on the server and embedded with the form's (strings.py)."""

from __future__ import annotations

from flask_babel import gettext as _


def editor_messages() -> dict[str, str]:
    """The editor's script messages in the page's language."""
    return {**_decision(), **_blocks(), **_tables()}


def _decision() -> dict[str, str]:
    return {
        "sec.decision": _("The deciding authority, legal basis and proposal"),
        "authority": _("Deciding authority"),
        "authority.hint": _(
            "Printed bold, in capitals, centred, e.g. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP."
        ),
        "legal_basis": _("Legal basis (Căn cứ …)"),
        "legal_basis.hint": _("One “Căn cứ …” line per entry, printed in italics."),
        "item.legalBasis": _("Legal basis {n}"),
        "add.legalBasis": _("Add a legal basis"),
        "proposal": _("Proposal (Theo đề nghị của …, optional)"),
        "proposal.hint": _("The last line before “QUYẾT ĐỊNH:”, printed in italics."),
        "sec.articles": _("Articles"),
        "articles": _("Articles (Điều 1, Điều 2 …)"),
        "articles.hint": _("Numbered “Điều 1.” … for you; the first is usually the issuing."),
        "item.article": _("Article {n}"),
        "add.article": _("Add an article"),
        "article.text": _("Text of the article"),
        "sec.attachment": _("The plan attached to the decision"),
        "attachment.title": _("Title of the attached plan"),
        "attachment.title.hint": _("Printed under KẾ HOẠCH on the attachment's first page."),
        "attachment.reference": _("Reference line (optional)"),
        "attachment.reference.hint": _(
            "Empty: “(Kèm theo Quyết định số …/QĐ-… ngày … của …)” is written for you."
        ),
        "attachment.signoff": _("Line under the plan's last paragraph (optional)"),
        "attachment.signoff.hint": _("Printed bold in the signature column, e.g. the issuer."),
        "closing.none": _("No closing paragraph"),
        "closing.none.hint": _("“./.” then ends the last paragraph of the content."),
        "appendix.label": _("Label (optional)"),
        "appendix.label.hint": _("Exactly as printed: PHỤ LỤC, PHỤ LỤC I, Phụ lục 01."),
        "appendix.orientation": _("Page orientation"),
        "orientation.portrait": _("Portrait"),
        "orientation.landscape": _("Landscape (a wide table)"),
        "appendix.reference": _("Reference line (optional)"),
        "appendix.reference.hint": _(
            "Exactly as printed; empty: “(Kèm theo … số … ngày … của …)” is written for you."
        ),
    }


def _blocks() -> dict[str, str]:
    return {
        "list.blocks": _("Content, in the order it prints"),
        "item.block": _("Block {n}: {kind}"),
        "block.paragraph": _("Paragraph"),
        "block.dash": _("Dash item (-)"),
        "block.plus": _("Plus item (+)"),
        "block.numbered": _("Numbered item (1.)"),
        "block.lettered": _("Lettered item (a)"),
        "block.section": _("Sub-heading"),
        "block.assignment": _("Assignment to an agency"),
        "block.table": _("Table"),
        "block.more": _("Add inside this entry…"),
        "block.freeOrder": _("Free order"),
        "block.converted": _(
            "This part now holds blocks in the order they print: add any kind anywhere, "
            "move them with ↑ ↓."
        ),
    }


def _tables() -> dict[str, str]:
    return {
        "table.tools": _("Table"),
        "table.rowAdd": _("+ Row"),
        "table.groupAdd": _("+ Group row"),
        "table.colAdd": _("+ Column"),
        "table.rowUp": _("Row ↑"),
        "table.rowDown": _("Row ↓"),
        "table.rowRemove": _("✕ Row"),
        "table.colLeft": _("Column ←"),
        "table.colRight": _("Column →"),
        "table.colRemove": _("✕ Column"),
        "table.mergeRight": _("Merge with the cell on the right"),
        "table.mergeDown": _("Merge with the cell below"),
        "table.unmerge": _("Split the cell"),
        "table.size": _("Font size"),
        "table.size.default": _("12 (usual)"),
        "table.title": _("Title of column {n}"),
        "table.width": _("Width of column {n} (relative)"),
        "table.align": _("Alignment of column {n}"),
        "table.group": _("Group over column {n}"),
        "table.widthShort": _("Width"),
        "table.groupShort": _("Column group"),
        "table.groupRow": _("Group row {r} (one cell across the table)"),
        "table.cell": _("Row {r}, column {c}"),
        "table.hint": _(
            "The buttons act on the cell the cursor is in. Copy cells in Excel or a table in "
            "Word and paste them into a cell: they fill the rows and columns from there "
            "(into a column title: the first row names the columns). Enter goes to the cell "
            "below (a new row after the last); Shift+Enter starts a new paragraph in the cell."
        ),
        "table.lastColumn": _("A table keeps at least one column."),
        "table.cannotMerge": _(
            "These cells cannot be merged: the neighbour is merged already or is missing."
        ),
        "table.pasted": _("{rows} rows of {cols} cells pasted."),
        "align.left": _("Left"),
        "align.center": _("Centre"),
        "align.right": _("Right"),
    }
