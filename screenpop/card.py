"""The card: what one lookup found, section by section.

Its JSON form (``Card.to_json``) is a contract: ``screenpop lookup --json``
prints it and headless mode logs it, and users' scripts parse both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from screenpop.phone import PhoneNumber

#: Card sections in display order. ``profile`` carries customer value.
SECTION_NAMES = ("balance", "purchases", "cross_sells", "credit", "profile")


class Status(StrEnum):
    OK = "ok"
    EMPTY = "empty"
    TIMEOUT = "timeout"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class Section:
    """One department's answer, or why there is none."""

    status: Status
    data: Any = None
    source: str | None = None
    error: str | None = None
    latency_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status.value}
        if self.source is not None:
            out["source"] = self.source
        if self.data is not None:
            out["data"] = self.data
        if self.error is not None:
            out["error"] = self.error
        return out


@dataclass(frozen=True, slots=True)
class Match:
    """A customer a number (or account) identified."""

    customer_id: str
    name: str
    sources: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"customer_id": self.customer_id, "name": self.name}
        out.update(dict(self.extra))
        return out


@dataclass(slots=True)
class Card:
    """A lookup result; mutable while sections arrive, then handed out."""

    number: PhoneNumber
    customer: Match | None = None
    matches: list[Match] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)

    @property
    def failed_sections(self) -> list[str]:
        return [
            name
            for name, sec in self.sections.items()
            if sec.status in (Status.TIMEOUT, Status.UNAVAILABLE)
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number.to_json(),
            "customer": self.customer.to_json() if self.customer else None,
            "matches": [m.to_json() for m in self.matches],
            "sections": {name: sec.to_json() for name, sec in self.sections.items()},
            "latency_ms": {k: round(v, 2) for k, v in self.latency_ms.items()},
        }
