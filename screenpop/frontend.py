"""The seam between the core and a front end (Qt window or headless log).

The core calls a ``PopListener`` from its worker threads; a front end must
hand each call over to its own thread (the Qt adapter does so with queued
signals) and return at once. Everything it is handed is an immutable value
(``CallInfo``, a ``Card`` snapshot, a ``Section``, a ``Health``). In the other
direction a front end asks the core for things through ``AgentCore``; its
methods that read or write the journal may wait and are called off the GUI
thread (the Qt front end runs them as jobs); the others are in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from screenpop.card import Card, Match, Section
from screenpop.cases.request import CaseForm, CaseTicket
from screenpop.events import CallState
from screenpop.health import Health
from screenpop.journal.records import CallRecord
from screenpop.phone import PhoneNumber

__all__ = [
    "AgentCore",
    "CaseForm",
    "CaseTicket",
    "CallInfo",
    "CallRecord",
    "Core",
    "PopListener",
    "Saved",
]


@dataclass(frozen=True, slots=True)
class CallInfo:
    """A call as the front end shows it."""

    call_id: str
    number: PhoneNumber
    caller_name: str
    called: str
    bridge: str
    started_at: float
    attached: tuple[tuple[str, str], ...] = ()


class Saved(StrEnum):
    """What became of something the agent saved."""

    #: In the journal, durably.
    SAVED = "saved"
    #: The journal cannot write just now: kept and retried; it lands when it can.
    QUEUED = "queued"


class PopListener(Protocol):
    """What a front end is told, in this order per call:

    ``call_ringing`` → ``identified`` → ``section_ready``×N → ``card_complete``,
    and ``call_state`` whenever the call moves on (possibly before the card is
    complete). ``bridge_health`` and ``journal_health`` at any time.
    """

    def call_ringing(self, call: CallInfo) -> None: ...

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None: ...

    def section_ready(self, call_id: str, name: str, section: Section) -> None: ...

    def card_complete(self, call_id: str, card: Card) -> None: ...

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None: ...

    def bridge_health(self, name: str, health: Health) -> None: ...

    def journal_health(self, name: str, health: Health) -> None:
        """The local journal ("journal"), its replication ("central journal") or the
        case writer ("service desk")."""

    def case_changed(self, ticket: CaseTicket) -> None:
        """A case opened from a call landed at the service desk, or failed to (again)."""


class AgentCore(Protocol):
    """What a front end may ask of the running core."""

    def recent_calls(self, limit: int = 50) -> list[CallRecord]:
        """Reads the journal: call off the GUI thread."""

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> Saved:
        """Record the agent's disposition and notes; returns once the journal has
        them (``SAVED``) or, while it cannot write, once they are kept for
        retrying (``QUEUED``). Waits for the journal: call off the GUI thread."""

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        """Keep in-progress notes so a crash or closed window loses nothing (queued)."""

    def card(self, call_id: str) -> Card | None:
        """The last card of a call if in memory; else None and a fresh lookup
        whose result reaches the listener as for a ringing call. May read the
        journal: call off the GUI thread."""

    def choose_customer(self, call_id: str, customer_id: str) -> None:
        """The agent picked one of several matches: remember it, refill sections."""

    def search(self, text: str) -> list[Match]:
        """Manual search (withheld/unknown callers) by number, account or name.
        Asks the sources: call off the GUI thread."""

    def open_customer(self, call_id: str, customer_id: str) -> None:
        """Attach a manually found customer to a call and fill its card."""

    def dial(self, number: str) -> str | None:
        """Call back through a bridge that can dial; None if none can."""

    def bridge_healths(self) -> dict[str, Health]: ...

    def source_healths(self) -> dict[str, Health]:
        """Each source's circuit breaker: connected (closed), retrying (half-open),
        failed (open, with the last error). In memory: fast on the GUI thread."""

    def journal_healths(self) -> dict[str, Health]:
        """The local journal and, when configured, its replication. In memory."""

    def dispositions(self) -> tuple[str, ...]: ...

    def case_form(self, call_id: str) -> CaseForm | None:
        """What opening a case on this call offers (None: no service desk to write to).
        May ask the sales source: call off the GUI thread."""

    def open_case(self, call_id: str, product: str, category: str, description: str) -> CaseTicket:
        """Open a case for the call's customer: kept in the journal's case outbox and
        sent to the service desk by the case writer. Returns once the journal has it
        (``QUEUED``; ``LANDED`` when the same call and product already had one that
        landed). Raises ``ValueError`` for a request that cannot be a case. Waits for
        the journal: call off the GUI thread."""


class Core(AgentCore, Protocol):
    """An ``AgentCore`` whose life a front end controls."""

    def start(self, listener: PopListener) -> None:
        """Start bridges and workers; events flow to ``listener`` from now on."""

    def stop(self) -> None:
        """Stop bridges, finish journal writes, release sources (idempotent)."""
