"""The agent-services room: what a front end may ask (``frontend.AgentCore``).

Reads that touch the journal or the sources wait and are called off the GUI
thread by the front end; requests that start work (refill a card, call back)
hand it to a worker and return at once.
"""

from __future__ import annotations

import logging

from screenpop.bridges.base import Dialer
from screenpop.card import Card, Match
from screenpop.engine.callflow import CallFlow
from screenpop.engine.runtime import Runtime
from screenpop.frontend import CallInfo, CallRecord, Saved
from screenpop.health import Health
from screenpop.phone import PhoneNumber, normalise

log = logging.getLogger(__name__)


class AgentServices:
    """Implements ``frontend.AgentCore`` on a runtime and its call flow."""

    def __init__(self, runtime: Runtime, flow: CallFlow) -> None:
        self.runtime = runtime
        self.flow = flow

    # ------------------------------------------------------------ journal --

    def recent_calls(self, limit: int = 50) -> list[CallRecord]:
        journal = self.runtime.journal
        assert journal is not None
        return journal.recent(limit)

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> Saved:
        writer = self.runtime.writer
        assert writer is not None
        future = writer.submit(lambda j: j.save_wrapup(call_id, disposition, notes), "save_wrapup")
        return Saved.SAVED if writer.wait_queued_or_done(future) else Saved.QUEUED

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        writer = self.runtime.writer
        assert writer is not None
        writer.submit(lambda j: j.save_notes_draft(call_id, notes), "save_notes_draft")

    # -------------------------------------------------------------- cards --

    def _info_for(self, call_id: str) -> CallInfo | None:
        """The call as the front end knew it; from the journal if no longer in memory."""
        info = self.flow.call(call_id)
        if info is not None:
            return info
        journal = self.runtime.journal
        rec = journal.get(call_id) if journal is not None else None
        if rec is None:
            return None
        return CallInfo(
            call_id=rec.call_id,
            number=normalise(rec.number, self.runtime.config.agent.region),
            caller_name=rec.caller_name,
            called=rec.called,
            bridge=rec.bridge,
            started_at=rec.ringing_at,
        )

    def card(self, call_id: str) -> Card | None:
        card = self.flow.card(call_id)
        if card is not None:
            return card
        info = self._info_for(call_id)
        if info is not None:
            journal = self.runtime.journal
            rec = journal.get(call_id) if journal is not None else None
            self.flow.start_pop(info, {}, rec.customer_id if rec else None)
        return None

    def choose_customer(self, call_id: str, customer_id: str) -> None:
        self._refill(call_id, customer_id, remember=True)

    def open_customer(self, call_id: str, customer_id: str) -> None:
        self._refill(call_id, customer_id, remember=False)

    def _refill(self, call_id: str, customer_id: str, *, remember: bool) -> None:
        """Look the call up again for ``customer_id``, on the lookup pool."""

        def run() -> None:
            info = self._info_for(call_id)
            if info is None:
                log.warning("no call %s to fill for customer %s", call_id[:40], customer_id)
                return
            if remember:
                self.runtime.open_lookup().remember_choice(info.number, customer_id)
            self.flow.pop(info, dict(info.attached), customer_id)

        try:
            self.runtime.lookup_pool.submit(run)
        except RuntimeError:
            log.info("not refilling call %s: stopping", call_id[:40])

    def search(self, text: str) -> list[Match]:
        """By phone number (any format) or account number, across identify sources."""
        lookup = self.runtime.open_lookup()
        text = text.strip()[:64]
        if not text:
            return []
        found: dict[str, Match] = {}
        number = normalise(text, self.runtime.config.agent.region)
        if number.e164:
            for m in lookup.identify(number).matches:
                found.setdefault(m.customer_id, m)
        blank = PhoneNumber(text, None, None, "", valid=False, withheld=False)
        for m in lookup.identify(blank, {"account": text}).matches:
            found.setdefault(m.customer_id, m)
        return list(found.values())

    # ------------------------------------------------------------- others --

    def dial(self, number: str) -> str | None:
        dialer = next((b for b in self.runtime.bridges if isinstance(b, Dialer)), None)
        if dialer is None or not self.runtime.run_coroutine(lambda: dialer.dial(number)):
            return None
        return str(getattr(dialer, "name", "bridge"))

    def bridge_healths(self) -> dict[str, Health]:
        return self.runtime.bridge_healths()

    def source_healths(self) -> dict[str, Health]:
        return self.runtime.source_healths()

    def journal_healths(self) -> dict[str, Health]:
        return self.runtime.journal_healths()

    def dispositions(self) -> tuple[str, ...]:
        return self.runtime.config.agent.dispositions
