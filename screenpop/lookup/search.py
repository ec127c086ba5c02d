"""Lookup: identify the caller, then ask every department at once.

Each source runs in the bounded pool under one deadline for its whole answer;
the card is handed out after identification and each section the moment it
is final, so one slow department never holds back the others, and the card
never waits past the latest deadline. A source that keeps failing is
short-circuited by its breaker instead of being hammered on every ring, and a
short cache makes transfers and call-backs instant.

Every card handed out is a snapshot (``Card`` is immutable): the lookup
builds the next one with ``with_section`` and keeps nothing another thread
may be reading. Whatever goes wrong inside (a source, a derived section, a
bug here), the card completes: a section that could not be had says why.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from functools import partial
from typing import Any

from screenpop.breaker import Breaker, TtlCache
from screenpop.card import Card, LastKnown, Match, Section, SourceFailure, Status
from screenpop.derived import Derived
from screenpop.lookup.outcome import (
    Job,
    failed_section,
    fetch_call,
    gather,
    identify_call,
    run_derived,
    section_from,
    with_last_known,
)
from screenpop.lookup.plan import make_plan
from screenpop.phone import PhoneNumber
from screenpop.reasons import SOURCE_FAILING, SOURCE_INTERNAL, Reason
from screenpop.sources.base import Source, SourceError, stop_margin

log = logging.getLogger(__name__)

SectionCallback = Callable[[str, Section], None]
IdentifiedCallback = Callable[[Card, tuple[str, ...]], None]
#: (customer id, section) -> that section's data from an earlier card, if recent.
LastKnownReader = Callable[[str, str], LastKnown | None]

#: Numbers whose picked customer (several matched) is remembered.
CHOICES_KEPT = 1000
#: Sections never shown from an earlier card: credit terms are offered only
#: from today's figures.
NEVER_STALE = frozenset({"credit"})
#: Sections read anew for every call, never from the cache: a call-back a
#: minute later must show the call that just ended in the customer's history.
FRESH = frozenset({"history"})


@dataclass(frozen=True, slots=True)
class Identification:
    """Who a number (or account) is: matches merged by id, and who could not say."""

    matches: tuple[Match, ...]
    ms: float
    failed: tuple[SourceFailure, ...]


class Lookup:
    """Identify a number and fill a card, section by section."""

    def __init__(
        self,
        sources: Sequence[Source],
        pool: Executor,
        *,
        derived: Sequence[Derived] = (),
        cache_ttl_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        last_known: LastKnownReader | None = None,
    ) -> None:
        self.sources = list(sources)
        self.pool = pool
        self.clock = clock
        self.plan = make_plan(self.sources, derived)
        #: Earlier cards' data for a failed section (None: never stale data).
        self.last_known = last_known
        self.breakers: dict[str, Breaker] = {s.name: Breaker() for s in self.sources}
        #: Derived sections have their own: a model fault is not a source failure.
        self.derived_breakers: dict[str, Breaker] = {d.name: Breaker() for d in self.plan.derived}
        self.cache: TtlCache[Card] = TtlCache(cache_ttl_s)
        #: number (E.164) → customer the agent picked among several matches.
        self.choices: OrderedDict[str, str] = OrderedDict()

    # ---------------------------------------------------------- helpers --

    def _call(self, source: Source, fn: Callable[[float], Any], deadline: float) -> Future[Any]:
        """Submit ``fn(deadline for the source)`` unless ``source``'s breaker is open."""
        breaker = self.breakers[source.name]
        fut: Future[Any] = Future()
        if not breaker.allow(self.clock()):
            fut.set_exception(
                SourceError(
                    Reason.of(
                        SOURCE_FAILING,
                        source=source.name,
                        count=breaker.failures,
                        seconds=round(breaker.cool_off_s),
                    ).text
                    + f": {breaker.last_error}"
                )
            )
            return fut
        own_deadline = deadline - stop_margin(source.timeout_s)

        def run() -> Any:
            try:
                value = fn(own_deadline)
            except SourceError as exc:
                breaker.record(False, str(exc), self.clock())
                raise
            except Exception as exc:  # a bug or driver surprise: contained here
                log.exception("source %s failed unexpectedly", source.name)
                breaker.record(False, type(exc).__name__, self.clock())
                raise SourceError(
                    Reason.of(SOURCE_INTERNAL, source=source.name, error=type(exc).__name__).text
                ) from None
            breaker.record(True, "", self.clock())
            return value

        try:
            return self.pool.submit(run)
        except RuntimeError as exc:  # the pool is shut down: the app is stopping
            fut.set_exception(SourceError(f"{source.name}: {exc}"))
            return fut

    # --------------------------------------------------------- identify --

    def identify(
        self, number: PhoneNumber, attached: Mapping[str, str] | None = None
    ) -> Identification:
        """All customers the number (or an IVR account) matches, merged by id."""
        started = self.clock()
        params = self._params(number, attached)
        if not params.get("e164") and not params.get("account") and not params.get("digits"):
            return Identification((), 0.0, ())
        found: dict[str, Match] = {}
        failed: list[SourceFailure] = []
        jobs = {
            s.name: Job(
                self._call(s, partial(identify_call, s, params), started + s.timeout_s),
                started + s.timeout_s,
                s.name,
            )
            for s in self.sources
            if s.can_identify
        }

        def done(name: str, fut: Future[Any] | None, ms: float, _src: str | None) -> None:
            if fut is None or fut.exception() is not None:
                section = failed_section(fut, ms, name)
                failed.append(SourceFailure(name, section.error or "", section.reason))
                log.warning("identify via %s failed: %s", name, section.error)
                return
            result = fut.result()
            if not isinstance(result, list | tuple) or not all(
                isinstance(m, Match) for m in result
            ):
                reason = Reason.of(SOURCE_INTERNAL, source=name, error="not a list of matches")
                failed.append(SourceFailure(name, reason.text, reason))
                log.error("identify via %s answered %r, not matches", name, type(result))
                return
            for m in result:
                prev = found.get(m.customer_id)
                if prev is None:
                    found[m.customer_id] = m
                else:
                    found[m.customer_id] = Match(
                        m.customer_id,
                        prev.name or m.name,
                        prev.sources + m.sources,
                        prev.extra + tuple(e for e in m.extra if e not in prev.extra),
                    )

        gather(jobs, done, started, self.clock)
        # Order stable across runs: by name, then id.
        matches = sorted(found.values(), key=lambda m: (m.name.casefold(), m.customer_id))
        failed.sort(key=lambda f: f.source)
        return Identification(tuple(matches), (self.clock() - started) * 1000, tuple(failed))

    @staticmethod
    def _params(number: PhoneNumber, attached: Mapping[str, str] | None) -> dict[str, str]:
        params = number.params()
        account = (attached or {}).get("account", "")
        params["account"] = account.strip()[:64]
        return params

    def source_states(self) -> dict[str, tuple[str, str]]:
        """Each source's breaker for health displays: (closed|open|half-open, last error)."""
        return {name: (b.state, b.last_error) for name, b in self.breakers.items()}

    def remember_choice(self, number: PhoneNumber, customer_id: str) -> None:
        if number.e164:
            self.choices[number.e164] = customer_id
            self.choices.move_to_end(number.e164)
            while len(self.choices) > CHOICES_KEPT:
                self.choices.popitem(last=False)

    # ----------------------------------------------------------- lookup --

    def lookup(
        self,
        number: PhoneNumber,
        attached: Mapping[str, str] | None = None,
        *,
        customer_id: str | None = None,
        on_identified: IdentifiedCallback | None = None,
        on_section: SectionCallback | None = None,
        use_cache: bool = True,
        call_id: str | None = None,
    ) -> Card:
        """Identify (unless ``customer_id`` is given) and fill every section.

        ``call_id`` is the call being looked up (``:call_id`` for sources: the
        history leaves it out of the customer's earlier calls).

        Always returns a complete card: a failure anywhere becomes sections
        that say why, never an exception that leaves the front end waiting.
        """
        started = self.clock()
        params = self._params(number, attached)
        cache_key = (params["e164"] or params["digits"], params["account"], customer_id or "")
        if use_cache and (cache_key[0] or cache_key[1]):
            cached = self.cache.get(cache_key, started)
            if cached is not None:
                fresh = tuple(n for n in self.plan.names if n in FRESH)
                kept = {n: sec for n, sec in cached.sections.items() if n not in FRESH}
                hit = Card(number, cached.customer, cached.matches, kept, {"cache": 0.0})
                if on_identified:
                    on_identified(hit, fresh)
                if on_section:
                    for name, sec in hit.sections.items():
                        on_section(name, sec)
                if fresh and hit.customer is not None:
                    hit = self._fill(hit, started, on_section, call_id, only=fresh)
                return hit.with_latency("total", (self.clock() - started) * 1000)

        card = self._identified(number, attached, params, customer_id)
        pending = self.plan.names if card.customer is not None else ()
        if on_identified:
            on_identified(card, pending)
        if card.customer is not None:
            card = self._fill(card, started, on_section, call_id)
        card = card.with_latency("total", (self.clock() - started) * 1000)
        # A card with a failed section is not cached: the next ring retries it.
        if card.customer is not None and not any(sec.failed for sec in card.sections.values()):
            self.cache.put(cache_key, card, self.clock())
        return card

    def _identified(
        self,
        number: PhoneNumber,
        attached: Mapping[str, str] | None,
        params: Mapping[str, str],
        customer_id: str | None,
    ) -> Card:
        if customer_id is not None:
            found = (
                self.identify(number, attached)
                if (params["e164"] or params["account"])
                else Identification((), 0.0, ())
            )
            customer = next(
                (m for m in found.matches if m.customer_id == customer_id),
                Match(customer_id, ""),
            )
            return Card(
                number,
                customer,
                found.matches or (customer,),
                latency_ms={"identify": found.ms},
            )
        found = self.identify(number, attached)
        chosen: Match | None = None
        if len(found.matches) == 1:
            chosen = found.matches[0]
        elif len(found.matches) > 1 and number.e164 and number.e164 in self.choices:
            pick = self.choices[number.e164]
            chosen = next((m for m in found.matches if m.customer_id == pick), None)
        return Card(
            number,
            chosen,
            found.matches,
            latency_ms={"identify": found.ms},
            identify_failed=found.failed,
        )

    def _fill(
        self,
        card: Card,
        started: float,
        on_section: SectionCallback | None,
        call_id: str | None = None,
        only: Collection[str] | None = None,
    ) -> Card:
        """Every planned section of ``card``'s customer (``only`` these: no derived
        ones); the final card."""
        assert card.customer is not None
        customer_id = card.customer.customer_id
        params = self._params(card.number, None)
        params["customer_id"] = customer_id
        params["call_id"] = call_id or ""
        plan = self.plan
        results: dict[str, Section] = {}
        open_derived = list(plan.derived) if only is None else []
        shown: dict[str, Section] = {}

        def publish(name: str, section: Section, ms: float) -> None:
            nonlocal card
            if section.failed and self.last_known is not None and name not in NEVER_STALE:
                section = with_last_known(section, self.last_known, customer_id, name)
            shown[name] = section
            card = card.with_section(name, section, ms)
            if on_section:
                try:
                    on_section(name, section)
                except Exception:
                    log.exception("front end failed to take section %s", name)

        def settle(ms: float) -> None:
            """Run every derived section whose inputs are all in."""
            for d in list(open_derived):
                planned = [i for i in d.inputs if i in plan.sections or i in plan.feeds]
                if any(i not in results for i in planned):
                    continue
                open_derived.remove(d)
                publish(d.name, self._derive(d, results), ms)

        def done(name: str, fut: Future[Any] | None, ms: float, src: str | None) -> None:
            section = section_from(fut, ms, src)
            results[name] = section
            if name in plan.sections and name not in plan.held:
                publish(name, section, ms)
            settle(ms)

        try:
            jobs: dict[str, Job] = {}
            for name, source in plan.sections.items():
                if only is not None and name not in only:
                    continue
                deadline = started + source.timeout_s
                fut = self._call(source, partial(fetch_call, source, params), deadline)
                jobs[name] = Job(fut, deadline, source.name)
            for name, (feed, source) in plan.feeds.items() if only is None else ():
                deadline = started + source.timeout_s
                fut = self._call(source, partial(feed.call, source, params), deadline)
                jobs[name] = Job(fut, deadline, source.name)
            settle(0.0)  # derived sections that need no input
            gather(jobs, done, started, self.clock)
        except Exception:  # a bug here must not leave the pop spinning
            log.exception("lookup of %s failed", customer_id)
        ms = (self.clock() - started) * 1000
        for name in plan.names if only is None else only:
            if name not in shown:
                publish(
                    name,
                    Section(
                        Status.UNAVAILABLE,
                        reason=Reason.of(SOURCE_INTERNAL, source=name, error="lookup failed"),
                        latency_ms=ms,
                    ),
                    ms,
                )
        return card

    def _derive(self, d: Derived, results: Mapping[str, Section]) -> Section:
        """``d``'s section from its inputs, under its own breaker."""
        return run_derived(d, results, self.derived_breakers[d.name], self.clock)
