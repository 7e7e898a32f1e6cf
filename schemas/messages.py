"""Validation messages: schemas emit a code (`too_long|200`), the edge shows vi or en text.

`MESSAGES` names each code's English text, which is also its message id in the gettext
catalogue (`translations/<lang>/LC_MESSAGES/messages.po`) where the other languages live.
A new code: add `"code": msg("English text.")` here and its Vietnamese to the catalogue
(`tests/unit/test_messages.py` fails until both exist). No Flask here: CLIs and workers
translate too.
"""

from __future__ import annotations

from service.i18n import DEFAULT_LOCALE, LOCALES, gettext


def msg(text: str) -> str:
    """Marks an English message id for extraction (`pybabel extract -k msg`)."""
    return text


MESSAGES: dict[str, str] = {
    "required": msg("This field is required."),
    "null": msg("This field may not be null."),
    "unknown_field": msg("Unknown field (check the spelling)."),
    "not_object": msg("Must be a JSON object."),
    "not_string": msg("Must be a string."),
    "not_list": msg("Must be a list."),
    "not_boolean": msg("Must be true or false."),
    "not_number": msg("Must be a number."),
    "not_file": msg("Must be a file."),
    "number_out_of_range": msg("The number is out of the allowed range."),
    "empty": msg("May not be empty."),
    "too_long": msg("Too long: at most {arg} characters."),
    "too_many": msg("Too many: at most {arg} entries."),
    "too_few": msg("At least {arg} entries are needed."),
    "control_character": msg("Contains a non-printable control character ({arg})."),
    "line_break": msg("Line breaks are not allowed here; split the text into separate entries."),
    "legacy_encoding": msg(
        "The text looks typed in the legacy {arg} encoding, not Unicode; convert it to "
        "Unicode (e.g. Unikey's converter) and paste it again."
    ),
    "one_of": msg("Invalid value; choose one of: {arg}."),
    "invalid_date": msg("Invalid date: use YYYY-MM-DD, YYYY-MM or YYYY."),
    "invalid_number": msg("The document number is digits only (or null)."),
    "invalid_abbreviation": msg("An abbreviation may not contain spaces or '/'."),
    "head_required": msg("KT., TL. and TUQ. need the head's title."),
    "head_not_allowed": msg("The head's title is only used with KT., TL. or TUQ."),
    "value_placeholder_missing": msg("A value is given but the text has no {value} placeholder."),
    "value_missing": msg("The text has a {value} placeholder but no value."),
    "too_deep": msg("Sections nested too deeply: at most {arg} levels."),
    "invalid_target": msg("A target is a string or an object {text, value, unit}."),
    "invalid_entry": msg("An entry is a string or an object {text, items, lettered}."),
    "too_many_letters": msg(
        "A lettered list has at most 23 entries (the alphabet has no f, j, w, z)."
    ),
    "invalid_json": msg("The request body is not valid JSON."),
    "unsupported_media_type": msg("Only application/json is accepted."),
    "unsupported_media_type_form": msg("Only multipart/form-data is accepted."),
    "body_too_large": msg("The request body is too large: at most {arg} bytes."),
    "invalid_format": msg("Unsupported format; choose one of: {arg}."),
    "not_found": msg("Not found."),
    "unreadable_docx": msg("Unreadable file: upload a Word .docx (not a .doc or a damaged file)."),
    "unauthenticated": msg("A login or a valid API key is required."),
    "csrf": msg("The session expired or the request is not genuine; reload the page."),
    "rate_limited": msg("Too many requests; please retry in {arg} seconds."),
    "conflict": msg(
        "The draft was saved elsewhere meanwhile; reload before saving (your input is kept)."
    ),
    "storage_busy": msg(
        "The database refused the save just now; your input is kept, please retry."
    ),
    "method_not_allowed": msg("Method not allowed."),
    "server_error": msg("Server error while producing the document; it has been logged."),
    "pdf_unavailable": msg("This server has no PDF converter yet; download the DOCX instead."),
    "unavailable": msg("The converter is busy; please retry in {arg} seconds."),
    "precondition_failed": msg(
        "The draft has changed since this version (ETag); fetch it again before writing."
    ),
    "precondition_required": msg(
        "Say which version you change: send If-Match with the draft's ETag (or revision)."
    ),
    "and_more": msg("and {arg} more"),
    "invalid_cursor": msg("Not a cursor this service gave; start again from the first page."),
    "problem_bad_request": msg("Bad request"),
    "problem_unauthenticated": msg("Authentication required"),
    "problem_forbidden": msg("Forbidden"),
    "problem_not_found": msg("Not found"),
    "problem_method_not_allowed": msg("Method not allowed"),
    "problem_conflict": msg("Conflict"),
    "problem_precondition_failed": msg("Precondition failed"),
    "problem_too_large": msg("Request too large"),
    "problem_unsupported_media_type": msg("Unsupported media type"),
    "problem_invalid": msg("The request breaks the contract"),
    "problem_precondition_required": msg("Precondition required"),
    "problem_rate_limited": msg("Too many requests"),
    "problem_server_error": msg("Server error"),
    "problem_unavailable": msg("Service unavailable"),
    "problem_timeout": msg("Timed out"),
    # Batch generation (issue 5)
    "undeclared_field": msg("Neither a path of the plan contract nor a field declared in fields."),
    "no_such_path": msg("The path does not exist in the base plan (list positions count from 0)."),
    "invalid_patch": msg("patch must be a JSON object (JSON Merge Patch, RFC 7396)."),
    "invalid_field_name": msg(
        "A field name has ASCII letters, digits and _ only, is unique, and is not a "
        "contract field (value, patch, place...)."
    ),
    "cascade_plan_only": msg(
        "Only a plan can be cascaded; for an official letter set cascade to false."
    ),
    "unsupported_table": msg("The table must be a {arg} file."),
    "unreadable_table": msg("The table file cannot be read (damaged, or not in its format)."),
    "duplicate_column": msg("Duplicate column: {arg}."),
    "empty_column_name": msg("Column {arg} has values but no name."),
    "too_many_columns": msg("Too many columns with values: at most {arg}."),
    "table_too_large": msg(
        "The table file is too large or too complex to read (at most {arg}); split it "
        "into smaller files or save it again as a new .xlsx."
    ),
    "too_complex_json": msg("The JSON holds too many objects and lists (at most {arg})."),
    "table_line": msg("Line {arg}"),
    "table_column": msg('column "{arg}"'),
    "more_errors": msg("{arg} more errors not shown; fix the ones above and check again."),
    "render_failed": msg("The document of this row could not be made."),
    "conversion_failed": msg("The conversion to PDF failed."),
    "storage_failed": msg("The output could not be written to storage."),
    "internal_error": msg("Server error while processing this row; it has been logged."),
    "abandoned": msg(
        "The worker processing this row stopped abruptly {arg} times; the row was given up."
    ),
    "batch_not_finished": msg("The batch has not finished yet; download it when it reaches 100%."),
    "pdf_not_requested": msg("This batch did not ask for PDF."),
    "idempotency_mismatch": msg("This Idempotency-Key was already used for a different request."),
    "queue_unavailable": msg(
        "The job queue cannot be reached just now; the batch is stored, resend it with "
        "the same Idempotency-Key."
    ),
    # Contract v1.1: rich text, content blocks, tables, decisions.
    "not_rich": msg("Must be a string or a list of spans."),
    "invalid_span": msg(
        "Each span is a string, a {text, bold, italic, underline} object or a {footnote}."
    ),
    "footnote_in_footnote": msg("A footnote cannot hold a footnote."),
    "closing_true": msg("Give the closing paragraph's text, or false for none."),
    "unknown_block": msg(
        "Unknown block: each block is an object with exactly one key among: {arg}."
    ),
    "one_block_key": msg("A block has exactly one key; this one has several: {arg}."),
    "content_conflict": msg(
        "content cannot be given together with {arg}: put those entries in content."
    ),
    "invalid_cell": msg(
        "A cell is a string, a list of spans, or a {text, colspan, rowspan} object."
    ),
    "invalid_row": msg('A row is a list of cells, or a group row {"group": ...}.'),
    "empty_row": msg("A row may not be empty."),
    "row_fill": msg(
        "The row's cells (with their colspan and the "
        "rowspans from above) do not fill the table's {arg} columns."
    ),
    "rowspan_past": msg("The rowspan runs past the table's last row or into a group row."),
    "width_range": msg("A column's width must be a number above 0 (at most 10000)."),
    "span_range": msg("Must be a whole number from 1 to {arg}."),
    "not_integer": msg("Must be a whole number."),
}

__all__ = ["DEFAULT_LOCALE", "LOCALES", "MESSAGES", "code", "localize", "msg"]


def code(key: str, arg: object | None = None) -> str:
    """A message code as schemas emit it: `too_long|200`."""
    return key if arg is None else f"{key}|{arg}"


def localize(message: str, locale: str = DEFAULT_LOCALE) -> str:
    """The text of a message code in `locale`; unknown codes pass through unchanged."""
    key, _, arg = message.partition("|")
    source = MESSAGES.get(key)
    if source is None:
        return message
    # Plain replacement, not str.format: messages quote braces (`{value}`, `{text, ...}`).
    return gettext(source, locale).replace("{arg}", arg)
