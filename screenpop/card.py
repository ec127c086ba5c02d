"""The card: what one lookup found, section by section, as an immutable value.

A card crosses threads (lookup pool → front end, cache, the journal writer),
so it is a snapshot nobody can change: ``card.with_section(name, section)``
returns a new card, the old one stays as it was for whoever holds it. Section
data is frozen too (mappings read-only, lists as tuples) and checked on the
way in: a source's non-finite number or raw bytes can never reach a card, so
the card's JSON is always strict JSON.

Its JSON form (``Card.to_json``) is a contract: ``screenpop lookup --json``
prints it and headless mode logs it, and users' scripts parse both.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, TypeVar

from screenpop.phone import PhoneNumber
from screenpop.reasons import Reason

#: Card sections in display order. ``profile`` carries customer value. Open
#: cases and the last calls come right after the balance: "what happened last
#: time" is what the agent must know before saying hello.
SECTION_NAMES = (
    "balance",
    "cases",
    "history",
    "purchases",
    "reorders",
    "cross_sells",
    "credit",
    "profile",
)

K = TypeVar("K")
V = TypeVar("V")


class CardDataError(ValueError):
    """A value a card cannot hold (non-finite number, bytes, an object); says where."""


class FrozenMap(Mapping[K, V]):
    """A read-only mapping: what a card's sections and section data are made of."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._items: dict[K, V] = dict(items) if items else {}

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def set(self, key: K, value: V) -> FrozenMap[K, V]:
        """A copy with ``key`` set."""
        items = dict(self._items)
        items[key] = value
        return FrozenMap(items)


class FrozenList(tuple[Any, ...]):
    """A read-only list: a tuple that also equals a list with the same items.

    Section data is read by scripts and tests that compare with plain lists;
    freezing it must not change what equals what.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, list):
            return list(self) == other
        return tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__


def freeze(value: Any, where: str = "data") -> Any:
    """Source data as an immutable JSON-shaped value, refusing what JSON cannot say.

    Mappings become ``FrozenMap`` (string keys), lists and tuples ``FrozenList``;
    ``Decimal`` and finite floats stay numbers, dates become ISO text. Raises
    ``CardDataError`` naming the place (``data.overdue``, ``data[3].amount``)
    for a non-finite number, bytes (a BLOB) or any other object.
    """
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CardDataError(f"{where} is not a finite number ({value})")
        return value
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise CardDataError(f"{where} is not a finite number ({value})")
        number = float(value)
        if not math.isfinite(number):
            raise CardDataError(f"{where} is out of range ({value})")
        return number
    if isinstance(value, FrozenMap):
        return value
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise CardDataError(f"{where} has a key that is not text ({key!r})")
            out[key] = freeze(item, f"{where}.{key}")
        return FrozenMap(out)
    if isinstance(value, FrozenList):
        return value
    if isinstance(value, list | tuple):
        return FrozenList(freeze(item, f"{where}[{i}]") for i, item in enumerate(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        raise CardDataError(f"{where} is binary data (a BLOB), not text")
    raise CardDataError(f"{where} is a {type(value).__name__}, not a number or text")


def thaw(value: Any) -> Any:
    """A frozen value as plain dicts and lists (for JSON and scripts)."""
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value


def _codes(reason: Reason) -> dict[str, Any]:
    """``reason_code``/``reason_args`` of a reason whose English is said elsewhere."""
    out = reason.to_json()
    del out["reason"]
    return out


class Status(StrEnum):
    OK = "ok"
    EMPTY = "empty"
    TIMEOUT = "timeout"
    UNAVAILABLE = "unavailable"


FAILED = (Status.TIMEOUT, Status.UNAVAILABLE)


@dataclass(frozen=True, slots=True)
class LastKnown:
    """A failed section's data from an earlier card of the same customer."""

    as_of: str
    data: Any

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", freeze(self.data, "last_known.data"))

    def to_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "data": thaw(self.data)}


@dataclass(frozen=True, slots=True)
class Section:
    """One department's answer, or why there is none.

    ``reason`` says the error as a code for the front end to translate;
    ``error`` is the same in English (filled from ``reason`` when not given).
    """

    status: Status
    data: Any = None
    source: str | None = None
    error: str | None = None
    latency_ms: float = 0.0
    reason: Reason | None = None
    last_known: LastKnown | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", freeze(self.data))
        if self.error is None and self.reason is not None:
            object.__setattr__(self, "error", self.reason.text)

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    @property
    def failed(self) -> bool:
        return self.status in FAILED

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status.value}
        if self.source is not None:
            out["source"] = self.source
        if self.data is not None:
            out["data"] = thaw(self.data)
        if self.error is not None:
            out["error"] = self.error
        if self.reason is not None:
            out.update(_codes(self.reason))
        if self.last_known is not None:
            out["last_known"] = self.last_known.to_json()
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


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """An identifying source that could not answer: the caller may be on file there."""

    source: str
    error: str
    reason: Reason | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "error": self.error}
        if self.reason is not None:
            out.update(_codes(self.reason))
        return out


def _set(mapping: Mapping[K, V], key: K, value: V) -> FrozenMap[K, V]:
    items = dict(mapping)
    items[key] = value
    return FrozenMap(items)


_NO_SECTIONS: FrozenMap[str, Section] = FrozenMap()
_NO_LATENCY: FrozenMap[str, float] = FrozenMap()


@dataclass(frozen=True, slots=True)
class Card:
    """A lookup result at one moment; each change makes a new card."""

    number: PhoneNumber
    customer: Match | None = None
    matches: tuple[Match, ...] = ()
    sections: Mapping[str, Section] = field(default=_NO_SECTIONS)
    latency_ms: Mapping[str, float] = field(default=_NO_LATENCY)
    #: Identifying sources that failed: ``customer`` None then means "could
    #: not tell", never "unknown caller".
    identify_failed: tuple[SourceFailure, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.matches, tuple):
            object.__setattr__(self, "matches", tuple(self.matches))
        if not isinstance(self.sections, FrozenMap):
            object.__setattr__(self, "sections", FrozenMap(self.sections))
        if not isinstance(self.latency_ms, FrozenMap):
            object.__setattr__(self, "latency_ms", FrozenMap(self.latency_ms))

    def with_section(self, name: str, section: Section, latency_ms: float | None = None) -> Card:
        """This card with ``name`` set (and its latency, when given)."""
        latency = self.latency_ms if latency_ms is None else _set(self.latency_ms, name, latency_ms)
        return replace(self, sections=_set(self.sections, name, section), latency_ms=latency)

    def with_latency(self, name: str, ms: float) -> Card:
        return replace(self, latency_ms=_set(self.latency_ms, name, ms))

    def with_customer(self, customer: Match | None) -> Card:
        return replace(self, customer=customer)

    @property
    def identification_failed(self) -> bool:
        """No customer, and an identifying source could not answer."""
        return self.customer is None and bool(self.identify_failed)

    @property
    def failed_sections(self) -> list[str]:
        """Sections that timed out or were unavailable; ``identify`` when it failed."""
        failed = [name for name, sec in self.sections.items() if sec.failed]
        if self.identify_failed:
            failed.insert(0, "identify")
        return failed

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "number": self.number.to_json(),
            "customer": self.customer.to_json() if self.customer else None,
            "matches": [m.to_json() for m in self.matches],
            "sections": {name: sec.to_json() for name, sec in self.sections.items()},
            "latency_ms": {k: round(v, 2) for k, v in self.latency_ms.items()},
        }
        if self.identify_failed:
            out["identify_failed"] = [f.to_json() for f in self.identify_failed]
        return out
