"""What a source is: the protocol the lookup speaks to every back-office.

Sources are blocking (database drivers, ``requests``) and run in the lookup's
bounded thread pool. Each honours its own deadline and, where the back-end can,
stops the work on the server when the deadline passes (``cancel``), so a
hanging query does not keep a pool thread or a server connection busy.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, Self, runtime_checkable

from screenpop.card import Match
from screenpop.reasons import Reason


class SourceError(Exception):
    """A source could not answer; the message is shown to agents and IT.

    ``reason`` is the same said as a code (``SourceError.because``) so that the
    pop can word it in the agent's language; without one the message is shown
    as it is (a driver's own words).
    """

    reason: Reason | None = None

    @classmethod
    def because(cls, reason: Reason) -> Self:
        error = cls(reason.text)
        error.reason = reason
        return error


class SourceTimeout(SourceError):
    """The source's deadline passed (and the server-side work was stopped)."""


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One purchase line, as the cross-sell model and customer value read it."""

    customer_id: str
    product: str
    description: str
    date: str
    quantity: float
    amount: float


@dataclass(frozen=True, slots=True)
class Answer:
    """A source's data and where it came from, for a source that answers from
    one of several places (the history: the central journal or this desk's).

    The section's ``source`` is then ``where``, not the source's name.
    """

    data: Any
    where: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What ``doctor`` reports for one source."""

    ok: bool
    detail: str
    timings_ms: Mapping[str, float]


Params = Mapping[str, str]

#: Sections whose data is a list of rows (every row kept), not one record.
LIST_SECTIONS = frozenset({"purchases", "cases"})


def deadline_after(timeout_s: float, now: float | None = None) -> float:
    """The monotonic time a call started now must be answered by."""
    return (time.monotonic() if now is None else now) + timeout_s


def stop_margin(timeout_s: float) -> float:
    """How long before the lookup's deadline a source stops its own work.

    The lookup stops waiting exactly at the deadline; a source that stops
    its server-side work this much earlier reports its own, precise reason
    ("stopped on the server") in time for the card, instead of being
    abandoned. 10 % of the budget, at most 50 ms.
    """
    return min(0.05, timeout_s * 0.1)


@runtime_checkable
class Source(Protocol):
    name: str
    section: str
    timeout_s: float

    @property
    def can_identify(self) -> bool: ...

    def identify(self, params: Params, deadline: float | None = None) -> list[Match]:
        """Customers whose phone (or ``account``) matches; raise SourceError.

        ``deadline`` (``time.monotonic()``; None: ``timeout_s`` from now) is
        for the whole answer, every statement or request included.
        """

    def fetch(self, params: Params, deadline: float | None = None) -> Any:
        """This source's section data for ``params['customer_id']``.

        ``None`` or an empty list/dict means the source knows nothing (status
        ``empty``); raise ``SourceTimeout``/``SourceError`` otherwise.
        """

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        """Products the customer already has (sales sources; else empty)."""

    def history(self) -> Iterator[HistoryRow]:
        """Every purchase line (sales sources; for the cross-sell model)."""

    def check(self, sample: Params) -> CheckResult:
        """Connect and run each configured query once with ``sample``."""

    def close(self) -> None: ...
