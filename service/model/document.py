"""What every document type shares: issuer, signer, header fields, appendices."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import ClassVar

from service.errors import PlanError
from service.model.content import Part
from service.vietnamese import PartialDate


class SigningMode(enum.StrEnum):
    """How the signer signs (thẩm quyền ký): printed before the head's title."""

    KT = "KT"  # ký thay: a deputy signs for the head
    TL = "TL"  # thừa lệnh: by order of the head
    TUQ = "TUQ"  # thừa ủy quyền: by the head's written authorisation
    Q = "Q"  # quyền: acting head

    @property
    def needs_head(self) -> bool:
        """KT, TL and TUQ name the head they sign for; Q prefixes the signer's own title."""
        return self is not SigningMode.Q


class Orientation(enum.StrEnum):
    """Which way an appendix's pages turn."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True, kw_only=True)
class Issuer:
    """The issuing body (cơ quan ban hành) and its governing body (cơ quan chủ quản)."""

    name: str
    abbreviation: str
    parent: str | None = None
    name_in_text: str | None = None  # sentence case for running text; derived when absent


@dataclass(frozen=True, kw_only=True)
class Signer:
    """The signature block: authority lines, title and name."""

    title: str
    name: str
    collective: str | None = None  # TM. <collective>
    mode: SigningMode | None = None
    head: str | None = None

    def __post_init__(self) -> None:
        needs_head = self.mode is not None and self.mode.needs_head
        if needs_head and not self.head:
            raise PlanError(f"{self.mode}. needs the head's title")
        if self.head and not needs_head:
            raise PlanError("a head is only printed after KT., TL. or TUQ.")


@dataclass(frozen=True, kw_only=True)
class Appendix(Part):
    """An appendix (phụ lục): new section, own page numbers, a reference line to the parent."""

    title: str
    subtitle: str | None = None
    label: str | None = None  # printed exactly as given: `PHỤ LỤC I`; default `Phụ lục 01`
    reference: str | None = None  # printed exactly as given; default `(Kèm theo ...)`
    orientation: Orientation = Orientation.PORTRAIT


@dataclass(frozen=True, kw_only=True)
class Document:
    """What every document type shares: header, closing block, appendices.

    Each type (`service.documents`) subclasses it and names its contract code in `type`.
    """

    type: ClassVar[str]
    issuer: Issuer
    place: str
    date: PartialDate
    title: str
    recipients: tuple[str, ...]
    signer: Signer
    drafting_unit: str | None = None
    number: str | None = None
    symbol: str | None = None
    recipients_label: str | None = None
    appendices: tuple[Appendix, ...] = ()
