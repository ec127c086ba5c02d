"""Lookup: identify the caller, then ask every department at once.

Each source runs in the bounded pool under its own deadline; the card is
handed out after identification and each section is handed out the moment it
arrives, so one slow department never holds back the others. A source that
keeps failing is short-circuited by its breaker instead of being hammered on
every ring, and a short cache makes transfers and call-backs instant.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from screenpop import credit, value
from screenpop.card import Card, Match, Section, Status
from screenpop.phone import PhoneNumber
from screenpop.sources.base import Source, SourceError, SourceTimeout

if TYPE_CHECKING:
    from screenpop.config.schema import ValueConfig

log = logging.getLogger(__name__)

#: Extra wait past a source's deadline for its own server-side stop to report
#: in (a confirmed "stopped on the server" beats a bare "abandoned").
GRACE_S = 0.15

SectionCallback = Callable[[str, Section], None]
IdentifiedCallback = Callable[[Card, tuple[str, ...]], None]


class Suggester(Protocol):
    """The cross-sell model as the lookup needs it."""

    def suggest(
        self, owned: Collection[str], top: int = 5, exclude: Collection[str] = ()
    ) -> Sequence[Any]: ...


@dataclass
class Breaker:
    """Per-source circuit breaker: closed → open after N failures → half-open."""

    threshold: int = 3
    cool_off_s: float = 30.0
    failures: int = 0
    opened_at: float | None = None
    last_error: str = ""
    trial_running: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, now: float) -> bool:
        with self.lock:
            if self.opened_at is None:
                return True
            if now - self.opened_at >= self.cool_off_s and not self.trial_running:
                self.trial_running = True  # half-open: one trial call
                return True
            return False

    def record(self, ok: bool, error: str, now: float) -> None:
        with self.lock:
            self.trial_running = False
            if ok:
                self.failures = 0
                self.opened_at = None
                return
            self.failures += 1
            self.last_error = error
            if self.failures >= self.threshold:
                self.opened_at = now

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        return "half-open" if self.trial_running else "open"


class TtlCache:
    """A small LRU with expiry; keys are (number or account, customer)."""

    def __init__(self, ttl_s: float, size: int = 256) -> None:
        self.ttl_s = ttl_s
        self.size = size
        self._items: OrderedDict[tuple[str, ...], tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], now: float) -> Any:
        with self._lock:
            item = self._items.get(key)
            if item is None or now - item[0] > self.ttl_s:
                self._items.pop(key, None)
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: tuple[str, ...], value: Any, now: float) -> None:
        with self._lock:
            self._items[key] = (now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class Lookup:
    """Identify a number and fill a card, section by section."""

    def __init__(
        self,
        sources: Sequence[Source],
        pool: Executor,
        *,
        suggester: Suggester | None = None,
        suggester_error: str = "no cross-sell model; run `screenpop crosssell build`",
        crosssell_top: int = 5,
        crosssell_exclude: Collection[str] = (),
        cache_ttl_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        credit_policy: credit.Policy | None = None,
        value_config: ValueConfig | None = None,
    ) -> None:
        self.sources = list(sources)
        self.pool = pool
        self.suggester = suggester
        self.suggester_error = suggester_error
        self.crosssell_top = crosssell_top
        self.crosssell_exclude = tuple(crosssell_exclude)
        self.clock = clock
        #: ``[credit]``: the credit section waits for the balance and offers
        #: only what the policy permits. None: the credit record as it is.
        self.credit_policy = credit_policy
        #: ``[value]``: the profile section gets its value tier.
        self.value_config = value_config
        self.breakers = {s.name: Breaker() for s in self.sources}
        self.cache = TtlCache(cache_ttl_s)
        #: number (E.164) → customer the agent picked among several matches.
        self.choices: dict[str, str] = {}

    # ---------------------------------------------------------- helpers --

    def _call(self, source: Source, fn: Callable[[], Any]) -> Future[Any]:
        """Submit ``fn`` for ``source`` unless its breaker is open."""
        breaker = self.breakers[source.name]
        fut: Future[Any] = Future()
        if not breaker.allow(self.clock()):
            fut.set_exception(
                SourceError(
                    f"{source.name} is failing ({breaker.failures} errors in a row: "
                    f"{breaker.last_error}); retrying in {breaker.cool_off_s:.0f} s"
                )
            )
            return fut

        def run() -> Any:
            try:
                value = fn()
            except SourceError as exc:
                breaker.record(False, str(exc), self.clock())
                raise
            except Exception as exc:  # a bug or driver surprise: contained here
                log.exception("source %s failed unexpectedly", source.name)
                breaker.record(False, type(exc).__name__, self.clock())
                raise SourceError(f"{source.name}: internal error ({type(exc).__name__})") from None
            breaker.record(True, "", self.clock())
            return value

        return self.pool.submit(run)

    def _gather(
        self,
        jobs: Mapping[str, tuple[Future[Any], float, str | None]],
        on_done: Callable[[str, Future[Any] | None, float, str | None], None],
        started: float,
    ) -> None:
        """Wait for each job up to its own deadline; report each as it ends.

        ``on_done`` gets ``None`` for a job whose deadline passed first.
        """
        pending = dict(jobs)
        while pending:
            now = self.clock()
            for key, (fut, deadline, src) in list(pending.items()):
                if fut.done():
                    continue
                if now >= deadline:
                    del pending[key]
                    on_done(key, None, (now - started) * 1000, src)
            if not pending:
                break
            waiting = {fut for fut, _, _ in pending.values() if not fut.done()}
            # Wait only when nothing is ready: a job that finished while others
            # were being reported must not sit behind a slow one's deadline.
            if waiting and len(waiting) == len(pending):
                timeout = max(0.0, min(d for _, d, _ in pending.values()) - self.clock())
                wait(waiting, timeout=timeout, return_when=FIRST_COMPLETED)
            for key, (fut, _, src) in list(pending.items()):
                if fut.done():
                    del pending[key]
                    on_done(key, fut, (self.clock() - started) * 1000, src)

    # --------------------------------------------------------- identify --

    def identify(
        self, number: PhoneNumber, attached: Mapping[str, str] | None = None
    ) -> tuple[list[Match], float, list[str]]:
        """All customers the number (or an IVR account) matches, merged by id.

        Returns the matches, the time taken in ms, and the sources that failed.
        """
        started = self.clock()
        params = self._params(number, attached)
        if not params.get("e164") and not params.get("account") and not params.get("digits"):
            return [], 0.0, []
        found: dict[str, Match] = {}
        failed: list[str] = []
        jobs = {
            s.name: (
                self._call(s, lambda s=s: s.identify(params)),  # type: ignore[misc]
                started + s.timeout_s + GRACE_S,
                s.name,
            )
            for s in self.sources
            if s.can_identify
        }

        def done(name: str, fut: Future[Any] | None, _ms: float, _src: str | None) -> None:
            if fut is None or fut.exception() is not None:
                failed.append(name)
                if fut is not None:
                    log.warning("identify via %s failed: %s", name, fut.exception())
                return
            for m in fut.result():
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

        self._gather(jobs, done, started)
        # Order stable across runs: by name, then id.
        matches = sorted(found.values(), key=lambda m: (m.name.casefold(), m.customer_id))
        return matches, (self.clock() - started) * 1000, failed

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
    ) -> Card:
        """Identify (unless ``customer_id`` is given) and fill every section."""
        started = self.clock()
        card = Card(number=number)
        params = self._params(number, attached)
        cache_key = (params["e164"] or params["digits"], params["account"], customer_id or "")
        if use_cache and (cache_key[0] or cache_key[1]):
            cached: Card | None = self.cache.get(cache_key, started)
            if cached is not None:
                hit = Card(number, cached.customer, list(cached.matches), dict(cached.sections))
                hit.latency_ms = {"cache": 0.0, "total": (self.clock() - started) * 1000}
                if on_identified:
                    on_identified(hit, ())
                if on_section:
                    for name, sec in hit.sections.items():
                        on_section(name, sec)
                return hit

        if customer_id is not None:
            card.customer = Match(customer_id, "")
            card.matches = [card.customer]
            matches, ms, _ = (
                self.identify(number, attached)
                if (params["e164"] or params["account"])
                else ([], 0.0, [])
            )
            for m in matches:
                if m.customer_id == customer_id:
                    card.customer = m
            card.matches = matches or card.matches
            card.latency_ms["identify"] = ms
        else:
            matches, ms, _failed = self.identify(number, attached)
            card.matches = matches
            card.latency_ms["identify"] = ms
            if len(matches) == 1:
                card.customer = matches[0]
            elif len(matches) > 1 and number.e164 in self.choices:
                chosen = self.choices[number.e164]
                card.customer = next((m for m in matches if m.customer_id == chosen), None)

        pending = self._plan(card)
        if on_identified:
            on_identified(card, tuple(pending))
        if card.customer is not None:
            self._fill(card, started, on_section)
        card.latency_ms["total"] = (self.clock() - started) * 1000
        # A card with a failed source is not cached: the next ring retries it.
        if card.customer is not None and not any(
            sec.source is not None and sec.status in (Status.TIMEOUT, Status.UNAVAILABLE)
            for sec in card.sections.values()
        ):
            self.cache.put(cache_key, card, self.clock())
        return card

    def _plan(self, card: Card) -> list[str]:
        """Sections this card will get: one per configured section, plus cross-sells."""
        if card.customer is None:
            return []
        names = list(dict.fromkeys(s.section for s in self.sources))
        if "purchases" in names:
            names.append("cross_sells")
        return names

    def _fill(self, card: Card, started: float, on_section: SectionCallback | None) -> None:
        assert card.customer is not None
        params = self._params(card.number, None)
        params["customer_id"] = card.customer.customer_id
        jobs: dict[str, tuple[Future[Any], float, str | None]] = {}
        for s in self.sources:
            if s.section in jobs:
                continue  # first source configured for a section wins
            jobs[s.section] = (
                self._call(s, lambda s=s: s.fetch(params)),  # type: ignore[misc]
                started + s.timeout_s + GRACE_S,
                s.name,
            )
        sales = next((s for s in self.sources if s.section == "purchases"), None)
        if sales is not None and self.suggester is None:
            section = Section(Status.UNAVAILABLE, error=self.suggester_error)
            card.sections["cross_sells"] = section
            if on_section:
                on_section("cross_sells", section)
        elif sales is not None:
            jobs["cross_sells"] = (
                self._call(sales, lambda: self._cross_sells(sales, params)),
                started + sales.timeout_s + GRACE_S,
                None,
            )

        def publish(name: str, section: Section, ms: float) -> None:
            card.sections[name] = section
            card.latency_ms[name] = ms
            if on_section:
                on_section(name, section)

        # The credit section needs the balance to apply the policy: it is held
        # until both have answered (either order); the balance never waits.
        policy = self.credit_policy if "credit" in jobs else None
        held: dict[str, Section] = {}

        def done(name: str, fut: Future[Any] | None, ms: float, src: str | None) -> None:
            section = self._section(name, fut, ms, src)
            if name == "profile" and self.value_config is not None:
                section = value.profile_section(section, self.value_config)
            if policy is not None and name in ("credit", "balance"):
                held[name] = section
                if name == "balance":
                    publish(name, section, ms)
                if "credit" in held and ("balance" in held or "balance" not in jobs):
                    final = credit.credit_section(policy, held["credit"], held.get("balance"))
                    publish("credit", final, ms)
                return
            publish(name, section, ms)

        self._gather(jobs, done, started)

    def _cross_sells(self, sales: Source, params: Mapping[str, str]) -> Any:
        assert self.suggester is not None
        owned = sales.owned(params)
        suggestions = self.suggester.suggest(owned, self.crosssell_top, self.crosssell_exclude)
        return [s.to_json() if hasattr(s, "to_json") else s for s in suggestions]

    @staticmethod
    def _section(name: str, fut: Future[Any] | None, ms: float, src: str | None) -> Section:
        if fut is None:
            return Section(
                Status.TIMEOUT,
                source=src,
                error=f"no answer within {ms:.0f} ms (abandoned; could not be stopped)",
                latency_ms=ms,
            )
        exc = fut.exception()
        if isinstance(exc, SourceTimeout):
            return Section(Status.TIMEOUT, source=src, error=str(exc), latency_ms=ms)
        if exc is not None:
            return Section(Status.UNAVAILABLE, source=src, error=str(exc), latency_ms=ms)
        data = fut.result()
        if data is None or data == [] or data == {}:
            return Section(Status.EMPTY, source=src, latency_ms=ms)
        return Section(Status.OK, data=data, source=src, latency_ms=ms)
