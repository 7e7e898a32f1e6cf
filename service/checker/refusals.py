"""Why a file could not be checked, in plain Vietnamese (or English): never a Python repr."""

from __future__ import annotations

from typing import Final

from service.errors import UnreadableDocumentError, UnsafeUpload, UploadTooComplex, UploadTooLarge

REFUSALS: Final = {
    "file.unreadable": (
        "Không đọc được tệp: hãy tải lên tệp Word (.docx hoặc .doc).",
        "The file cannot be read: upload a Word file (.docx or .doc).",
    ),
    "file.not_word": (
        "Tệp này không phải văn bản Word: hãy tải lên tệp .docx (hoặc .doc).",
        "This is not a Word document: upload a .docx (or .doc) file.",
    ),
    "file.damaged": (
        "Tệp Word bị hỏng, không đọc được: hãy mở bằng Word, lưu lại rồi tải lên lần nữa.",
        "The Word file is damaged: open it in Word, save it again and upload it once more.",
    ),
    "file.strict": (
        "Tệp được lưu dạng “Strict Open XML”: hãy mở bằng Word và lưu lại dạng "
        "“Word Document (.docx)”.",
        "The file is saved as Strict Open XML: open it in Word and save it as a Word "
        "Document (.docx).",
    ),
    "file.encrypted": (
        "Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.",
        "The file is password-protected: remove the password and upload it again.",
    ),
    "file.ole": (
        "Tệp Word 97–2003 (.doc) chưa được chuyển đổi: hãy lưu lại dạng .docx.",
        "A Word 97-2003 (.doc) file that was not converted: save it as .docx.",
    ),
    "file.conversion": (
        "Không chuyển được tệp .doc sang .docx: hãy mở bằng Word và lưu lại dạng .docx.",
        "The .doc file could not be converted: open it in Word and save it as .docx.",
    ),
    "file.no_converter": (
        "Máy chủ chưa cài LibreOffice nên không đọc được tệp .doc: hãy lưu lại dạng .docx.",
        "This server has no LibreOffice to read .doc files: save the file as .docx.",
    ),
    "file.too_large": (
        "Tệp quá lớn hoặc quá phức tạp để kiểm tra: nội dung giải nén vượt quá {limit} MB. "
        "Hãy bỏ bớt hình ảnh hoặc tách văn bản thành nhiều tệp.",
        "The file is too large or too complex to check: its content inflates past "
        "{limit} MB. Remove some images or split the document.",
    ),
    "file.too_complex": (
        "Tệp quá lớn hoặc quá phức tạp để kiểm tra (quá nhiều đoạn văn, bảng hoặc thành "
        "phần, hoặc kiểm tra quá lâu). Hãy tách văn bản thành nhiều tệp.",
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
