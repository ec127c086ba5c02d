"""The front end as the core talks to it: every call guarded.

A front end that raises (a bug in a window, a closed stdout) must never stop
the call path that told it: each method here calls the real listener and
logs what it raised. Typed like ``PopListener`` itself, so a misspelt
notification is a type error, not a silent no-op at run time.
"""

from __future__ import annotations

import logging

from screenpop.card import Card, Section
from screenpop.cases.request import CaseTicket
from screenpop.events import CallState
from screenpop.frontend import CallInfo, PopListener
from screenpop.health import Health

log = logging.getLogger(__name__)


class GuardedListener:
    """Implements ``PopListener`` by forwarding to another one, containing its failures."""

    def __init__(self, inner: PopListener | None = None) -> None:
        self.inner = inner

    def call_ringing(self, call: CallInfo) -> None:
        if self.inner is not None:
            try:
                self.inner.call_ringing(call)
            except Exception:
                log.exception("front end failed in call_ringing")

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        if self.inner is not None:
            try:
                self.inner.identified(call_id, card, pending)
            except Exception:
                log.exception("front end failed in identified")

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        if self.inner is not None:
            try:
                self.inner.section_ready(call_id, name, section)
            except Exception:
                log.exception("front end failed in section_ready")

    def card_complete(self, call_id: str, card: Card) -> None:
        if self.inner is not None:
            try:
                self.inner.card_complete(call_id, card)
            except Exception:
                log.exception("front end failed in card_complete")

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        if self.inner is not None:
            try:
                self.inner.call_state(call_id, state, answered_elsewhere)
            except Exception:
                log.exception("front end failed in call_state")

    def bridge_health(self, name: str, health: Health) -> None:
        if self.inner is not None:
            try:
                self.inner.bridge_health(name, health)
            except Exception:
                log.exception("front end failed in bridge_health")

    def journal_health(self, name: str, health: Health) -> None:
        if self.inner is not None:
            try:
                self.inner.journal_health(name, health)
            except Exception:
                log.exception("front end failed in journal_health")

    def case_changed(self, ticket: CaseTicket) -> None:
        if self.inner is not None:
            try:
                self.inner.case_changed(ticket)
            except Exception:
                log.exception("front end failed in case_changed")
