"""The plan (kế hoạch) and official letter (công văn) as frozen dataclasses, with invariants."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from service.errors import PlanError
from service.vietnamese import PartialDate


class DocumentType(enum.StrEnum):
    """The document types the service renders."""

    PLAN = "ke_hoach"  # KẾ HOẠCH
    LETTER = "cong_van"  # công văn


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


class Numbering(enum.StrEnum):
    """How a section numbers its children."""

    DEFAULT = "default"  # by depth: 1., then a), b)
    DECIMAL = "decimal"  # 2.1., 2.2.


PLAN_PARTS = ("purpose", "targets", "tasks", "funding", "organization", "reporting")
SECTION_ANCHORS = ("start", *PLAN_PARTS)  # where an extra top-level section may follow


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
class Entry:
    """A numbered or lettered paragraph (regular, not a heading), with optional sub-lists."""

    text: str
    items: tuple[str, ...] = ()
    lettered: tuple[Entry, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Part:
    """Content printed in the contract's order: text, items, numbered, lettered, sections."""

    heading: str | None = None
    text: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    numbered: tuple[Entry, ...] = ()
    lettered: tuple[Entry, ...] = ()
    sections: tuple[Section, ...] = ()
    assignments: tuple[Assignment, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Section(Part):
    """A numbered sub-heading with its own content."""

    run_in: bool = False  # heading and first text paragraph share one line
    numbering: Numbering = Numbering.DEFAULT
    after: str | None = None  # for extra top-level sections of a plan: the part it follows

    def __post_init__(self) -> None:
        if not self.heading:
            raise PlanError("a section needs a heading")
        if self.after is not None and self.after not in SECTION_ANCHORS:
            raise PlanError(f"unknown anchor {self.after!r}")


@dataclass(frozen=True, kw_only=True)
class Assignment(Part):
    """A task given to an agency (phân công); `request` marks a body outside our authority."""

    agency: str
    request: bool = False
    run_in: bool = False
    numbering: Numbering = Numbering.DEFAULT


@dataclass(frozen=True, kw_only=True)
class Target:
    """A target (chỉ tiêu); `{value}` in the text is replaced by the formatted value."""

    text: str
    value: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class Purpose:
    """Part I of most plans: purposes (mục đích) and requirements (yêu cầu)."""

    heading: str | None = None
    purposes: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Targets:
    """Targets (mục tiêu): general paragraphs and specific targets."""

    heading: str | None = None
    general: tuple[str, ...] = ()
    specific: tuple[Target, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Deadline:
    """A reporting deadline the service can act on (calendar, commune offsets)."""

    report: str
    due: PartialDate
    submit_to: str | None = None


@dataclass(frozen=True, kw_only=True)
class Reporting(Part):
    """The reporting regime (chế độ thông tin, báo cáo)."""

    deadlines: tuple[Deadline, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Appendix(Part):
    """An appendix (phụ lục): its own page numbering and a reference line to the parent."""

    title: str
    subtitle: str | None = None


@dataclass(frozen=True, kw_only=True)
class Document:
    """What both document types share: header, closing block, appendices."""

    type: DocumentType
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
    closing: str | None = None


@dataclass(frozen=True, kw_only=True)
class Plan(Document):
    """A KẾ HOẠCH: preamble, then typed parts numbered I, II, III..."""

    type: DocumentType = DocumentType.PLAN
    preamble: tuple[str, ...] = ()
    purpose: Purpose | None = None
    targets: Targets | None = None
    tasks: Part | None = None
    funding: Part | None = None
    organization: Part | None = None
    reporting: Reporting | None = None
    sections: tuple[Section, ...] = field(default=())


@dataclass(frozen=True, kw_only=True)
class Letter(Document):
    """A công văn: `Kính gửi:` addressees and a body; its title prints as `V/v ...`."""

    type: DocumentType = DocumentType.LETTER
    addressees: tuple[str, ...] = ()
    body: Part = field(default_factory=Part)

    def __post_init__(self) -> None:
        if not self.addressees:
            raise PlanError("a công văn needs at least one addressee")
