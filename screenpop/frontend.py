"""The seam between the core and a front end (Qt window or headless log).

The core calls a ``PopListener`` from its worker threads; a front end must
hand each call over to its own thread (the Qt adapter does so with queued
signals) and return at once. In the other direction a front end asks the core
for things through ``AgentCore``; its blocking methods must be called off the
GUI thread or be fast (they are: local SQLite and in-memory state).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from screenpop.bridges.base import Health
from screenpop.card import Card, Match, Section
from screenpop.events import CallState
from screenpop.phone import PhoneNumber


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


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One journal row, for the agent's recent calls and the supervisor's log."""

    call_id: str
    number: str
    e164: str | None
    caller_name: str
    customer_id: str | None
    customer_name: str | None
    state: str
    ringing_at: float
    answered_at: float | None
    ended_at: float | None
    answered_by: str | None
    disposition: str | None
    notes: str | None
    pop_latency_ms: float | None
    failed_sections: tuple[str, ...]
    bridge: str
    #: Line or agent the call was offered to.
    called: str = ""
    #: Another agent picked the call up (the journal's ``answered_elsewhere``).
    answered_elsewhere: bool = False
    #: How many customers the number matched (0 unknown caller, >1 picker shown).
    matches: int = 0
    wrapped_up_at: float | None = None
    #: Unsaved notes kept while the agent types (``save_notes_draft``).
    notes_draft: str | None = None


class PopListener(Protocol):
    """What a front end is told, in this order per call:

    ``call_ringing`` → ``identified`` → ``section_ready``×N → ``card_complete``,
    and ``call_state`` whenever the call moves on (possibly before the card is
    complete). ``bridge_health`` at any time.
    """

    def call_ringing(self, call: CallInfo) -> None: ...

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None: ...

    def section_ready(self, call_id: str, name: str, section: Section) -> None: ...

    def card_complete(self, call_id: str, card: Card) -> None: ...

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None: ...

    def bridge_health(self, name: str, health: Health) -> None: ...


class AgentCore(Protocol):
    """What a front end may ask of the running core."""

    def recent_calls(self, limit: int = 50) -> list[CallRecord]: ...

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> None:
        """Record the agent's disposition and notes; durable on return."""

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        """Keep in-progress notes so a crash or closed window loses nothing."""

    def card(self, call_id: str) -> Card | None:
        """The last card of a call (re-looked-up from its number if needed)."""

    def choose_customer(self, call_id: str, customer_id: str) -> None:
        """The agent picked one of several matches: remember it, refill sections."""

    def search(self, text: str) -> list[Match]:
        """Manual search (withheld/unknown callers) by number, account or name."""

    def open_customer(self, call_id: str, customer_id: str) -> None:
        """Attach a manually found customer to a call and fill its card."""

    def dial(self, number: str) -> str | None:
        """Call back through a bridge that can dial; None if none can."""

    def bridge_healths(self) -> dict[str, Health]: ...

    def source_healths(self) -> dict[str, Health]:
        """Each source's circuit breaker: connected (closed), retrying (half-open),
        failed (open, with the last error). In memory: fast on the GUI thread."""

    def dispositions(self) -> tuple[str, ...]: ...


class Core(AgentCore, Protocol):
    """An ``AgentCore`` whose life a front end controls."""

    def start(self, listener: PopListener) -> None:
        """Start bridges and workers; events flow to ``listener`` from now on."""

    def stop(self) -> None:
        """Stop bridges, finish journal writes, release sources (idempotent)."""
