"""The body of a KẾ HOẠCH: preamble and typed parts, shared by a plan and a decision's
attached plan."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from service.model.content import Part, Section
from service.model.text import Rich
from service.vietnamese import PartialDate

PLAN_PARTS = ("purpose", "targets", "tasks", "funding", "organization", "reporting")
SECTION_ANCHORS = ("start", *PLAN_PARTS)  # where an extra top-level section may follow

# `closing`: None prints the default closing, False none at all (contract v1.1 §6).
Closing = Rich | Literal[False] | None


@dataclass(frozen=True, kw_only=True)
class Target:
    """A target (chỉ tiêu); `{value}` in the text is replaced by the formatted value."""

    text: Rich
    value: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class Purpose:
    """Part I of most plans: purposes (mục đích) and requirements (yêu cầu)."""

    heading: Rich | None = None
    purposes: tuple[Rich, ...] = ()
    requirements: tuple[Rich, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Targets:
    """Targets (mục tiêu): general paragraphs and specific targets."""

    heading: Rich | None = None
    general: tuple[Rich, ...] = ()
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
class PlanBody:
    """Preamble, then the typed parts numbered I, II, III..., then the closing paragraph."""

    preamble: tuple[Rich, ...] = ()
    purpose: Purpose | None = None
    targets: Targets | None = None
    tasks: Part | None = None
    funding: Part | None = None
    organization: Part | None = None
    reporting: Reporting | None = None
    sections: tuple[Section, ...] = ()
    closing: Closing = None
