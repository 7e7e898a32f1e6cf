"""How much one upload may make us inflate, parse and keep: documented in SECURITY.md."""

from __future__ import annotations

from dataclasses import dataclass, field

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The bounds of one upload. The defaults fit a 300-page Word document with room to
    spare (our largest real file, 35 pages, inflates to 1.7 MB of XML with 61,000 tags)
    while an lxml tree of the largest allowed input stays near 200 MiB."""

    max_upload: int = 32 * MIB  # bytes of the zip itself
    max_entries: int = 5000  # files in the zip (a DOCX has 10-60; images add one each)
    max_directory: int = 2 * MIB  # bytes of the zip's central directory
    max_part: int = 16 * MIB  # bytes one part may inflate to
    max_total: int = 32 * MIB  # bytes all the parts read from one upload may inflate to
    max_markup: int = 700_000  # tags ('<') in all the XML parsed from one upload
    chunk: int = 64 * 1024  # inflate and parse this many bytes at a time

    def __post_init__(self) -> None:
        sizes = (self.max_upload, self.max_entries, self.max_part, self.max_total, self.chunk)
        if min(sizes) < 1 or self.max_markup < 1 or self.max_directory < 22:
            raise ValueError(f"limits must be positive: {self}")


@dataclass
class Usage:
    """What one upload has consumed so far, shared by every part read from it."""

    limits: Limits = field(default_factory=Limits)
    inflated: int = 0
    markup: int = 0
