"""Why a file could not be checked, in plain words (English message ids, Vietnamese in the
catalogue): never a Python repr."""

from __future__ import annotations

from typing import Final

from service.errors import UnreadableDocumentError, UnsafeUpload, UploadTooComplex, UploadTooLarge
from service.i18n import pmsg

REFUSALS: Final = {
    "file.unreadable": pmsg(
        "checker", "The file cannot be read: upload a Word file (.docx or .doc)."
    ),
    "file.not_word": pmsg("checker", "This is not a Word document: upload a .docx (or .doc) file."),
    "file.damaged": pmsg(
        "checker",
        "The Word file is damaged: open it in Word, save it again and upload it once more.",
    ),
    "file.strict": pmsg(
        "checker",
        "The file is saved as Strict Open XML: open it in Word and save it as a Word "
        "Document (.docx).",
    ),
    "file.encrypted": pmsg(
        "checker", "The file is password-protected: remove the password and upload it again."
    ),
    "file.ole": pmsg(
        "checker", "A Word 97-2003 (.doc) file that was not converted: save it as .docx."
    ),
    "file.conversion": pmsg(
        "checker", "The .doc file could not be converted: open it in Word and save it as .docx."
    ),
    "file.no_converter": pmsg(
        "checker", "This server has no LibreOffice to read .doc files: save the file as .docx."
    ),
    "file.too_large": pmsg(
        "checker",
        "The file is too large or too complex to check: its content inflates past "
        "{limit} MB. Remove some images or split the document.",
    ),
    "file.too_complex": pmsg(
        "checker",
        "The file is too large or too complex to check (too many paragraphs, tables or "
        "parts, or the check took too long). Split the document.",
    ),
}


def refusal_key(error: UnsafeUpload) -> str:
    """The message key that explains `error` to the person who uploaded the file."""
    if isinstance(error, UnreadableDocumentError):
        key = f"file.{error.code}"
        return key if key in REFUSALS else "file.unreadable"
    if isinstance(error, UploadTooLarge):
        return "file.too_large"
    return "file.too_complex" if isinstance(error, UploadTooComplex) else "file.damaged"
