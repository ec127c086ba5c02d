"""The running core: bridges → dispatcher → lookup → journal → a front end.

Threads, as DESIGN.md lays them out:

* one asyncio loop in its own thread runs every bridge (network I/O);
* a bounded pool runs lookups, a second one the sources' blocking calls (kept
  apart so a burst of rings can never starve the sources it waits on);
* one journal writer thread keeps writes ordered and off everyone's path;
* the front end is told everything through ``PopListener`` and must hand it
  to its own thread (Qt: queued signals).

A failure in one part is contained there: a source that cannot even be built
answers "unavailable" with the reason, a bridge that crashes is restarted and
reported in health, a listener that raises is logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import platformdirs

from screenpop import credit
from screenpop.bridges import registry as bridge_registry
from screenpop.bridges.base import Bridge, Dialer, Health, HealthState
from screenpop.bridges.notify import NotifyBridge, claim
from screenpop.card import Card, Match
from screenpop.config.schema import Config
from screenpop.config.schema import NotifyBridge as NotifyConfig
from screenpop.config.secrets import SecretError, resolve
from screenpop.dispatcher import Action, Dispatcher
from screenpop.events import CallEvent, CallState
from screenpop.frontend import CallInfo, CallRecord, PopListener
from screenpop.journal import Journal
from screenpop.journal.replicate import ReplicationStatus, Replicator
from screenpop.lookup import Lookup, Suggester
from screenpop.notify_client import default_runtime_dir
from screenpop.phone import PhoneNumber, mask, normalise
from screenpop.sources import registry as source_registry
from screenpop.sources.base import CheckResult, HistoryRow, Params, Source, SourceError

log = logging.getLogger(__name__)

#: Cards kept in memory for reopening from the recent-calls list.
CARD_MEMORY = 200


def default_journal_path() -> Path:
    return Path(platformdirs.user_data_dir("screenpop")) / "journal.db"


class BrokenSource:
    """Stands in for a source that could not be built, saying why on every call.

    Keeps a bad password in one department from taking down the others: the
    card still pops, and that section reads "unavailable: <reason>".
    """

    def __init__(self, name: str, section: str, reason: str) -> None:
        self.name = name
        self.section = section
        self.timeout_s = 0.1
        self.reason = reason

    @property
    def can_identify(self) -> bool:
        return False

    def identify(self, params: Params) -> list[Match]:
        raise SourceError(self.reason)

    def fetch(self, params: Params) -> Any:
        raise SourceError(self.reason)

    def owned(self, params: Params) -> list[str]:
        raise SourceError(self.reason)

    def history(self) -> Iterator[HistoryRow]:
        raise SourceError(self.reason)

    def check(self, sample: Params) -> CheckResult:
        return CheckResult(False, self.reason, {})

    def close(self) -> None:
        pass


def build_sources(config: Config) -> list[Source]:
    out: list[Source] = []
    for cfg in config.source:
        try:
            out.append(source_registry.create(cfg))
        except (SourceError, SecretError, ValueError) as exc:
            log.error("source %s unusable: %s", cfg.name, exc)
            out.append(BrokenSource(cfg.name, cfg.section, str(exc)))
    return out


def load_suggester(config: Config) -> tuple[Suggester | None, str]:
    """The cross-sell model, or None and the reason an agent will see."""
    path = config.crosssell.model
    if path is None:
        return None, "no cross-sell model configured ([crosssell] model)"
    try:
        from screenpop.crosssell.model import CrossSellModel, ModelError
    except ImportError as exc:  # pragma: no cover - packaging error
        return None, f"cross-sell unavailable: {exc}"
    try:
        return CrossSellModel.load(Path(path)), ""
    except ModelError as exc:
        return None, f"cross-sell model unusable: {exc}"


class Engine:
    """Implements ``frontend.Core``: start, stop, and what agents ask."""

    def __init__(
        self,
        config: Config,
        *,
        journal_path: Path | None = None,
        runtime_dir: Path | None = None,
        demo_calls: tuple[Any, ...] = (),
        lookup_workers: int = 8,
        source_workers: int = 16,
    ) -> None:
        self.config = config
        self.region = config.agent.region
        self.journal_path = journal_path or (
            Path(config.journal.local) if config.journal.local else default_journal_path()
        )
        self.runtime_dir = runtime_dir or default_runtime_dir()
        self.demo_calls = demo_calls
        self.dispatcher = Dispatcher(config.agent.extension)
        self.lookup_pool = ThreadPoolExecutor(lookup_workers, thread_name_prefix="lookup")
        self.source_pool = ThreadPoolExecutor(source_workers, thread_name_prefix="source")
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="journal")
        self.sources: list[Source] = []
        self.lookup: Lookup | None = None
        self.journal: Journal | None = None
        #: Pushes the journal's outbox to ``[journal] central`` (None: local only).
        self.replicator: Replicator | None = None
        self.listener: PopListener | None = None
        self.bridges: list[Bridge] = []
        self.health: dict[str, Health] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: threading.Thread | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._cards: OrderedDict[str, Card] = OrderedDict()
        self._calls: dict[str, CallInfo] = {}
        self._received: dict[str, float] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._started = False

    # ------------------------------------------------------------ lifecycle --

    def open_core(self, *, with_journal: bool = True) -> None:
        """Journal, sources, model and lookup; no bridges (for one-shot commands)."""
        if with_journal and self.journal is None:
            self.journal = Journal(self.journal_path)
        if self.lookup is not None:
            return
        self.sources = build_sources(self.config)
        suggester, why = load_suggester(self.config)
        self.lookup = Lookup(
            self.sources,
            self.source_pool,
            suggester=suggester,
            suggester_error=why,
            crosssell_top=self.config.crosssell.top,
            crosssell_exclude=self.config.crosssell.exclude,
            credit_policy=(
                credit.Policy.from_config(self.config.credit) if self.config.credit else None
            ),
            value_config=self.config.value,
        )

    def start(self, listener: PopListener) -> None:
        """Claim the instance, open everything, start the bridges' loop."""
        if self._started:
            raise RuntimeError("engine already started")
        notify_sock = claim(self.runtime_dir)  # AlreadyRunning if another instance
        self._started = True
        self.listener = listener
        try:
            self.open_core()
        except Exception:
            notify_sock.close()
            raise
        if self.config.journal.central and self.journal is not None:
            self.replicator = Replicator(
                self.journal, self.config.journal, self.config.agent.extension, resolve
            )
            self.replicator.start()
        ctx = bridge_registry.BridgeContext(
            extension=self.config.agent.extension,
            secret=resolve,
            runtime_dir=str(self.runtime_dir),
            demo_calls=self.demo_calls,
        )
        notify_cfg = next((b for b in self.config.bridge if b.kind == "notify"), None)
        self.bridges = [NotifyBridge(notify_cfg or NotifyConfig(kind="notify"), ctx, notify_sock)]
        for cfg in self.config.bridge:
            if cfg.kind == "notify":
                continue
            try:
                self.bridges.append(bridge_registry.create(cfg, ctx))
            except Exception as exc:
                log.error("bridge %s unusable: %s", cfg.label, exc)
                self._set_health(cfg.label, Health(HealthState.FAILED, str(exc)))
        ready = threading.Event()
        self._loop_thread = threading.Thread(
            target=self._run_loop, args=(ready,), name="bridges", daemon=True
        )
        self._loop_thread.start()
        ready.wait(5.0)

    def _run_loop(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self.loop = loop
        asyncio.set_event_loop(loop)
        for bridge in self.bridges:
            self._tasks.append(loop.create_task(self._supervise(bridge)))
        loop.call_soon(ready.set)
        try:
            loop.run_forever()
        finally:
            for task in self._tasks:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*self._tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _supervise(self, bridge: Bridge) -> None:
        """Restart a bridge that crashed (a bug, not I/O: those it handles itself)."""
        while True:
            try:
                self._set_health(bridge.name, Health(HealthState.CONNECTING))
                await bridge.run(self._on_event, self._set_health)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("bridge %s crashed; restarting", bridge.name)
                self._set_health(bridge.name, Health(HealthState.FAILED, f"crashed: {exc!r}"))
                await asyncio.sleep(5.0)

    def stop(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self.loop is not None and self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        if self._loop_thread is not None:
            self._loop_thread.join(5.0)
        self.lookup_pool.shutdown(wait=False, cancel_futures=True)
        self.source_pool.shutdown(wait=False, cancel_futures=True)
        self.writer.shutdown(wait=True)  # every accepted event reaches the journal
        if self.replicator is not None:
            self.replicator.stop()  # pushes what it can in 2 s; the rest waits in the outbox
        for source in self.sources:
            with contextlib.suppress(Exception):
                source.close()
        if self.journal is not None:
            self.journal.close()

    # --------------------------------------------------------- the call path --

    def _tell(self, method: str, *args: Any) -> None:
        listener = self.listener
        if listener is None:
            return
        try:
            getattr(listener, method)(*args)
        except Exception:
            log.exception("front end failed in %s", method)

    def _write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        def run() -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception:
                log.exception("journal write %s failed", getattr(fn, "__name__", fn))
                raise

        future = self.writer.submit(run)
        if self.replicator is not None:
            future.add_done_callback(lambda _done: self._wake_replicator())
        return future

    def _wake_replicator(self) -> None:
        if self.replicator is not None:
            self.replicator.wake()

    def _set_health(self, name: str, health: Health) -> None:
        # Logged here, not by a front end, so the GUI's log tells IT the same
        # story as headless: every change of state, with its reason.
        with self._lock:
            before = self.health.get(name)
            self.health[name] = health
        if before is None or (before.state, before.detail) != (health.state, health.detail):
            log.info("bridge %s: %s %s", name, health.state, health.detail)
        self._tell("bridge_health", name, health)

    def _on_event(self, event: CallEvent) -> None:
        """Every bridge's events end here (on the loop thread): decide, journal, pop."""
        received = time.perf_counter()
        number = normalise(event.caller_number, self.region)
        action = self.dispatcher.handle(event)
        log.info(
            "call %s %s from %s via %s -> %s",
            event.call_id[:40],
            event.state,
            mask(event.caller_number),
            event.bridge,
            action,
        )
        if action is Action.IGNORE:
            return
        assert self.journal is not None
        self._write(self.journal.record_event, event, number)
        if action is Action.POP:
            info = CallInfo(
                call_id=event.call_id,
                number=number,
                caller_name=event.caller_name,
                called=event.called,
                bridge=event.bridge,
                started_at=event.ts,
                attached=tuple(event.attached.items()),
            )
            with self._lock:
                self._calls[event.call_id] = info
                self._received[event.call_id] = received
            self._tell("call_ringing", info)
            self.lookup_pool.submit(self._pop, info, dict(event.attached), None)
        elif action is Action.ANSWERED:
            self._tell("call_state", event.call_id, CallState.ANSWERED, False)
        elif action is Action.ANSWERED_ELSEWHERE:
            self._write(
                self.journal.record_outcome,
                event.call_id,
                CallState.ANSWERED,
                answered_by=event.agent or None,
                answered_elsewhere=True,
                at=event.ts,
            )
            self._tell("call_state", event.call_id, CallState.ANSWERED, True)
        elif action is Action.MISSED:
            self._write(self.journal.record_outcome, event.call_id, CallState.MISSED, at=event.ts)
            self._tell("call_state", event.call_id, CallState.MISSED, False)
        elif action is Action.ENDED:
            self._tell("call_state", event.call_id, CallState.ENDED, False)

    def _pop(self, info: CallInfo, attached: Mapping[str, str], customer_id: str | None) -> None:
        assert self.lookup is not None
        assert self.journal is not None
        call_id = info.call_id
        try:
            card = self.lookup.lookup(
                info.number,
                attached,
                customer_id=customer_id,
                on_identified=lambda card, pending: self._tell(
                    "identified", call_id, card, pending
                ),
                on_section=lambda name, sec: self._tell("section_ready", call_id, name, sec),
            )
        except Exception:
            log.exception("lookup for call %s failed", call_id)
            return
        with self._lock:
            received = self._received.get(call_id, time.perf_counter())
            self._cards[call_id] = card
            self._cards.move_to_end(call_id)
            while len(self._cards) > CARD_MEMORY:
                self._cards.popitem(last=False)
        latency = (time.perf_counter() - received) * 1000
        self._write(self.journal.record_card, call_id, card, latency)
        self._tell("card_complete", call_id, card)

    # ------------------------------------------------------ what agents ask --

    def recent_calls(self, limit: int = 50) -> list[CallRecord]:
        assert self.journal is not None
        return self.journal.recent(limit)

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> None:
        assert self.journal is not None
        self._write(self.journal.save_wrapup, call_id, disposition, notes).result(10.0)

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        assert self.journal is not None
        self._write(self.journal.save_notes_draft, call_id, notes)

    def _info_for(self, call_id: str) -> CallInfo | None:
        with self._lock:
            info = self._calls.get(call_id)
        if info is not None:
            return info
        assert self.journal is not None
        rec = self.journal.get(call_id)
        if rec is None:
            return None
        return CallInfo(
            call_id=rec.call_id,
            number=normalise(rec.number, self.region),
            caller_name=rec.caller_name,
            called="",
            bridge=rec.bridge,
            started_at=rec.ringing_at,
        )

    def card(self, call_id: str) -> Card | None:
        """The call's card if in memory; else None, and a fresh lookup starts
        whose result reaches the listener as for a ringing call."""
        with self._lock:
            card = self._cards.get(call_id)
        if card is not None:
            return card
        info = self._info_for(call_id)
        if info is not None:
            rec = self.journal.get(call_id) if self.journal else None
            self.lookup_pool.submit(self._pop, info, {}, rec.customer_id if rec else None)
        return None

    def choose_customer(self, call_id: str, customer_id: str) -> None:
        info = self._info_for(call_id)
        if info is None or self.lookup is None:
            return
        self.lookup.remember_choice(info.number, customer_id)
        self.lookup_pool.submit(self._pop, info, dict(info.attached), customer_id)

    def open_customer(self, call_id: str, customer_id: str) -> None:
        info = self._info_for(call_id)
        if info is None:
            return
        self.lookup_pool.submit(self._pop, info, dict(info.attached), customer_id)

    def search(self, text: str) -> list[Match]:
        """By phone number (any format) or account number, across identify sources."""
        assert self.lookup is not None
        text = text.strip()[:64]
        if not text:
            return []
        found: dict[str, Match] = {}
        number = normalise(text, self.region)
        if number.e164:
            for m in self.lookup.identify(number)[0]:
                found.setdefault(m.customer_id, m)
        blank = PhoneNumber(text, None, None, "", valid=False, withheld=False)
        for m in self.lookup.identify(blank, {"account": text})[0]:
            found.setdefault(m.customer_id, m)
        return list(found.values())

    def dial(self, number: str) -> str | None:
        if self.loop is None:
            return None
        for bridge in self.bridges:
            if isinstance(bridge, Dialer):
                asyncio.run_coroutine_threadsafe(bridge.dial(number), self.loop)
                return bridge.name
        return None

    def bridge_healths(self) -> dict[str, Health]:
        with self._lock:
            return dict(self.health)

    def source_health(self) -> dict[str, Health]:
        """Each source's circuit breaker as health: closed = connected, open =
        failed (with the last error), half-open = retrying."""
        if self.lookup is None:
            return {}
        states = {
            "closed": HealthState.CONNECTED,
            "open": HealthState.FAILED,
            "half-open": HealthState.RETRYING,
        }
        return {
            name: Health(states[state], error)
            for name, (state, error) in self.lookup.source_states().items()
        }

    #: The name ``frontend.AgentCore`` asks for (beside ``bridge_healths``).
    source_healths = source_health

    def journal_health(self) -> dict[str, Health]:
        """The central journal's replication as health (empty when there is none):
        connected (with the backlog), or retrying with the reason and the
        calls kept locally meanwhile."""
        if self.replicator is None:
            return {}
        return {"central journal": self.replicator.status().health}

    def replication_status(self) -> ReplicationStatus | None:
        """Health plus backlog and counters, or None without a central journal."""
        return None if self.replicator is None else self.replicator.status()

    def dispositions(self) -> tuple[str, ...]:
        return self.config.agent.dispositions

    # ---------------------------------------------------------- one-shots --

    def lookup_once(self, received: str, attached: Mapping[str, str] | None = None) -> Card:
        """``screenpop lookup``: one card, no bridges, nothing journaled."""
        self.open_core(with_journal=False)
        assert self.lookup is not None
        return self.lookup.lookup(normalise(received, self.region), attached, use_cache=False)
