"""Reading the pages' HTML in tests: paragraphs of the preview, labels and scripts of a page."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """Collects the preview's paragraphs (`<p>`, and a table's header cells `<th>`), form
    controls, labels and script tags. A footnote mark `<sup>n</sup>` reads `[n]`, as
    `tests/readback.py` reads a DOCX's."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []
        self._open: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("p", "th"):
            self._open = []
        elif tag == "sup" and self._open is not None:
            self._open.append("[")
        elif tag in ("input", "select", "textarea"):
            self.controls.append({"tag": tag, **attributes})
        elif tag == "label" and attributes.get("for"):
            self.labelled.add(str(attributes["for"]))
        elif tag == "script":
            self.scripts.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self._open is not None:
            self._open.append("]")
        elif tag in ("p", "th") and self._open is not None:
            self.paragraphs.append("".join(self._open))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def unlabelled(self) -> list[dict[str, str | None]]:
        """Visible controls that no `<label for>` names."""
        visible = [c for c in self.controls if c.get("type") != "hidden"]
        return [c for c in visible if c.get("id") not in self.labelled]
