"""What a source is: the protocol the lookup speaks to every back-office.

Sources are blocking (database drivers, ``requests``) and run in the lookup's
bounded thread pool. Each honours its own deadline and, where the back-end can,
stops the work on the server when the deadline passes (``cancel``), so a
hanging query does not keep a pool thread or a server connection busy.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from screenpop.card import Match


class SourceError(Exception):
    """A source could not answer; the message is shown to agents and IT."""


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
class CheckResult:
    """What ``doctor`` reports for one source."""

    ok: bool
    detail: str
    timings_ms: Mapping[str, float]


Params = Mapping[str, str]


@runtime_checkable
class Source(Protocol):
    name: str
    section: str
    timeout_s: float

    @property
    def can_identify(self) -> bool: ...

    def identify(self, params: Params) -> list[Match]:
        """Customers whose phone (or ``account``) matches; raise SourceError."""

    def fetch(self, params: Params) -> Any:
        """This source's section data for ``params['customer_id']``.

        ``None`` or an empty list/dict means the source knows nothing (status
        ``empty``); raise ``SourceTimeout``/``SourceError`` otherwise.
        """

    def owned(self, params: Params) -> list[str]:
        """Products the customer already has (sales sources; else empty)."""

    def history(self) -> Iterator[HistoryRow]:
        """Every purchase line (sales sources; for the cross-sell model)."""

    def check(self, sample: Params) -> CheckResult:
        """Connect and run each configured query once with ``sample``."""

    def close(self) -> None: ...
