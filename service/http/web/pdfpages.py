"""Page images of the PDF for the preview: the converter's PDF through poppler's pdftoppm."""

from __future__ import annotations

import base64
import re
import subprocess
import tempfile
from pathlib import Path

from service.errors import ConversionError
from service.model import Document
from service.produce import produce
from service.rendering import Renderer
from service.rendering.pdf import Converter

DPI = 60  # an A4 page is 496 x 702 px: readable in the preview, light to send
MAX_PAGES = 40
TIMEOUT = 60


def page_images(pdf: bytes, *, dpi: int = DPI, limit: int = MAX_PAGES) -> list[bytes]:
    """PNG images of the first `limit` pages."""
    with tempfile.TemporaryDirectory(prefix="plandoc-pages-") as work:
        source = Path(work) / "document.pdf"
        source.write_bytes(pdf)
        command = ["pdftoppm", "-png", "-r", str(dpi), "-l", str(limit), str(source)]
        try:
            subprocess.run(
                [*command, str(Path(work) / "page")],
                check=True,
                capture_output=True,
                timeout=TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise ConversionError(f"pdftoppm failed: {error}") from error
        pages = sorted(Path(work).glob("page-*.png"), key=_page_number)
        return [page.read_bytes() for page in pages]


def pdf_pages(document: Document, renderer: Renderer, converter: Converter) -> list[str]:
    """The document's PDF pages as `data:` URIs, ready for `<img src>`."""
    pdf = produce(document, "pdf", renderer, converter)
    return [data_uri(png) for png in page_images(pdf)]


def data_uri(png: bytes) -> str:
    """A PNG as a `data:image/png;base64,...` URI."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _page_number(path: Path) -> int:
    match = re.search(r"(\d+)$", path.stem)
    return int(match.group(1)) if match else 0
