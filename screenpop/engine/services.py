"""The agent-services room: what a front end may ask (``frontend.AgentCore``).

Reads that touch the journal or the sources wait and are called off the GUI
thread by the front end; requests that start work (refill a card, call back)
hand it to a worker and return at once.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from screenpop.bridges.base import Dialer
from screenpop.card import Card, Match
from screenpop.cases.request import CaseForm, CaseRequest, CaseState, CaseTicket, case_id_for
from screenpop.engine.callflow import CallFlow
from screenpop.engine.runtime import Runtime
from screenpop.frontend import CallInfo, CallRecord, Saved
from screenpop.health import Health
from screenpop.journal.case_outbox import CaseEntry
from screenpop.phone import PhoneNumber, normalise
from screenpop.sources.base import SourceError

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

    # -------------------------------------------------------------- cases --

    def case_form(self, call_id: str) -> CaseForm | None:
        """Categories, the customer's products and the call's cases (None: nowhere to write).

        Products: those on the card's purchases, then everything the customer
        ever bought by the sales source's ``history`` (most recent first), when
        it has one. The agent may still type a product that is in neither.
        """
        if self.runtime.config.case_writer() is None:
            return None
        card = self.flow.card(call_id)
        customer_id = self._customer_of(call_id, card)
        products: dict[str, str] = {}
        purchases = card.sections.get("purchases") if card is not None else None
        if purchases is not None and purchases.ok:
            for row in purchases.data or ():
                product = str(row.get("product") or "").strip()
                if product:
                    products.setdefault(product, str(row.get("description") or ""))
        if customer_id:
            for product, description in self._bought(customer_id):
                products.setdefault(product, description)
        journal = self.runtime.journal
        tickets = tuple(_ticket(e) for e in journal.call_cases(call_id)) if journal else ()
        cases = self.runtime.config.cases
        return CaseForm(
            cases.fault_categories, tuple(products.items()), tickets, cases.max_description
        )

    def open_case(self, call_id: str, product: str, category: str, description: str) -> CaseTicket:
        runtime = self.runtime
        target = runtime.config.case_writer()
        writer = runtime.writer
        if target is None or writer is None:
            raise ValueError("no service desk to open cases in (no source has open_case)")
        cases = runtime.config.cases
        product, description = product.strip(), description.strip()
        if category not in cases.fault_categories:
            raise ValueError(f"unknown fault category {category!r}")
        if not product or len(product) > 256:
            raise ValueError("a case needs a product (at most 256 characters)")
        if len(description) > cases.max_description:
            raise ValueError(f"the description is longer than {cases.max_description} characters")
        customer_id = self._customer_of(call_id, self.flow.card(call_id))
        if not customer_id:
            raise ValueError("this call has no customer: find the customer first")
        request = CaseRequest(
            case_id=case_id_for(call_id, product),
            call_id=call_id,
            customer_id=customer_id,
            product=product,
            category=category,
            description=description,
            opened=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            agent=runtime.config.agent.extension,
        )
        future = writer.submit(lambda j: j.enqueue_case(request, target.name), "open_case")
        if not writer.wait_queued_or_done(future):
            # The journal cannot write just now: the writer keeps it and retries.
            return CaseTicket(
                request.case_id, call_id, customer_id, product, CaseState.QUEUED,
                "the journal cannot write right now; kept and retried",
            )  # fmt: skip
        if runtime.case_writer is not None:
            runtime.case_writer.wake()
        if future.result():
            return CaseTicket(request.case_id, call_id, customer_id, product, CaseState.QUEUED)
        journal = runtime.journal
        entry = journal.case(request.case_id) if journal is not None else None
        if entry is None:  # pragma: no cover - the outbox just said it holds it
            raise ValueError("the case could not be kept")
        return _ticket(entry, new=False)

    def _customer_of(self, call_id: str, card: Card | None) -> str:
        if card is not None and card.customer is not None:
            return card.customer.customer_id
        journal = self.runtime.journal
        rec = journal.get(call_id) if journal is not None else None
        return rec.customer_id or "" if rec is not None else ""

    def _bought(self, customer_id: str) -> list[tuple[str, str]]:
        """Every product the customer bought, by the sales source's history (if any)."""
        lookup = self.runtime.open_lookup()
        sales = lookup.plan.sections.get("purchases")
        history = getattr(sales, "product_history", None)
        if sales is None or history is None or getattr(sales.cfg, "history", None) is None:  # type: ignore[attr-defined]
            return []
        try:
            rows = history({"customer_id": customer_id}, None, PRODUCTS_OFFERED)
        except SourceError as exc:
            log.info("products for the case form not read: %s", exc)
            return []
        return [(str(r[0]), str(r[1] or "")) for r in rows]


#: Products the case form offers from the sales history.
PRODUCTS_OFFERED = 500


def _ticket(entry: CaseEntry, *, new: bool = True) -> CaseTicket:
    r = entry.request
    state = CaseState.LANDED if entry.landed_at is not None else CaseState.QUEUED
    return CaseTicket(
        r.case_id, r.call_id, r.customer_id, r.product, state, entry.last_error or "", new
    )
