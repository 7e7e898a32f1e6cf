"""Reading the pages' HTML in tests: paragraphs of the preview, labels and scripts of a page."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """Collects the preview's `<p>` texts (footnote marks left out, as python-docx reads a
    DOCX; the footnotes' own texts apart), form controls, labels and script tags."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []
        self.footnotes: list[str] = []
        self._open: list[str] | None = None
        self._mark = 0  # inside a footnote mark's <sup>
        self._aside = False  # inside the footnotes' <aside>
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self._mark and tag == "sup":
            self._mark += 1
        elif tag == "sup" and attributes.get("class") == "footnote-mark":
            self._mark = 1
        elif tag == "aside" and attributes.get("class") == "footnotes":
            self._aside = True
        if tag == "p":
            self._open = []
        elif tag in ("input", "select", "textarea"):
            self.controls.append({"tag": tag, **attributes})
        elif tag == "label" and attributes.get("for"):
            self.labelled.add(str(attributes["for"]))
        elif tag == "script":
            self.scripts.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self._mark:
            self._mark -= 1
        elif tag == "aside":
            self._aside = False
        elif tag == "p" and self._open is not None:
            (self.footnotes if self._aside else self.paragraphs).append("".join(self._open))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None and not self._mark:
            self._open.append(data)

    def unlabelled(self) -> list[dict[str, str | None]]:
        """Visible controls that no `<label for>` names."""
        visible = [c for c in self.controls if c.get("type") != "hidden"]
        return [c for c in visible if c.get("id") not in self.labelled]
