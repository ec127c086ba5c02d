"""The runtime room: threads, pools, start and stop, and health.

Threads, as DESIGN.md lays them out:

* one asyncio loop in its own thread runs every bridge (network I/O);
* a bounded pool runs lookups, a second one the sources' blocking calls (kept
  apart so a burst of rings can never starve the sources it waits on);
* one journal writer thread keeps writes ordered and off everyone's path,
  and keeps them while the journal cannot write (``JournalWriter``);
* the central journal's replicator, when configured, on its own thread.

A failure in one part is contained there: a bridge that crashes is restarted
and reported in health; a journal that cannot write is retried and reported.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from screenpop.bridges import registry as bridge_registry
from screenpop.bridges.base import Bridge, EventSink
from screenpop.bridges.notify import Claim, NotifyBridge, claim
from screenpop.bridges.plugins.notify import NotifyConfig
from screenpop.card import LastKnown
from screenpop.cases.rows import queued_row
from screenpop.cases.writer import SERVICE_DESK, CaseWriter, LazyTarget
from screenpop.config.schema import Config
from screenpop.config.secrets import resolve
from screenpop.engine.assembly import derived_sections
from screenpop.engine.history import HistorySource, history_source
from screenpop.engine.listener import GuardedListener
from screenpop.health import Health, HealthState
from screenpop.journal import Journal, JournalError
from screenpop.journal.replicate import Replicator
from screenpop.journal.writer import JournalWriter
from screenpop.lookup import Lookup
from screenpop.notify_client import default_runtime_dir
from screenpop.paths import default_journal_path
from screenpop.sources.base import Source
from screenpop.sources.case_write import case_target
from screenpop.sources.registry import build_all

log = logging.getLogger(__name__)

#: Worker threads. A lookup holds its thread until its slowest section's
#: deadline, and a hanging source holds a source thread until its own, so the
#: pools are sized for a source that hangs while calls keep ringing
#: (``benchmarks/hanging_source.py``, a call every 100 ms, one source silent
#: for its 800 ms: with 8 + 16 the other sections reach the pop 11 ms over the
#: floor at p99, within the 20 ms budget; 4 + 8 and 2 + 4 let them queue behind
#: the hung calls, 320 ms and 1,050 ms over). On a 2-core desk the workers
#: also contend for the CPU and the GIL the GUI thread needs during a burst of
#: rings (``benchmarks/burst.py``): they run at a lower priority.
LOOKUP_WORKERS = 8
SOURCE_WORKERS = 16
#: Added to the workers' nice value (POSIX): 0 = the GUI thread's priority;
#: 10 and more is worse (a worker holding the GIL then waits long for a CPU).
WORKER_NICE = 4


class Runtime:
    """Owns every thread and long-lived resource of a running core."""

    def __init__(
        self,
        config: Config,
        *,
        journal_path: Path | None = None,
        runtime_dir: Path | None = None,
        demo_calls: tuple[Any, ...] = (),
        lookup_workers: int = LOOKUP_WORKERS,
        source_workers: int = SOURCE_WORKERS,
        worker_nice: int = WORKER_NICE,
    ) -> None:
        self.config = config
        self.journal_path = journal_path or (
            Path(config.journal.local) if config.journal.local else default_journal_path()
        )
        self.runtime_dir = runtime_dir or default_runtime_dir()
        self.demo_calls = demo_calls
        self.lookup_pool = ThreadPoolExecutor(
            lookup_workers, thread_name_prefix="lookup", initializer=_nice, initargs=(worker_nice,)
        )
        self.source_pool = ThreadPoolExecutor(
            source_workers, thread_name_prefix="source", initializer=_nice, initargs=(worker_nice,)
        )
        self.sources: list[Source] = []
        self.lookup: Lookup | None = None
        self.journal: Journal | None = None
        self.writer: JournalWriter | None = None
        #: Pushes the journal's outbox to ``[journal] central`` (None: local only).
        self.replicator: Replicator | None = None
        #: Sends cases opened from calls to the service desk (None: no ``open_case``).
        self.case_writer: CaseWriter | None = None
        self.listener = GuardedListener()
        self.bridges: list[Bridge] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: threading.Thread | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._health: dict[str, Health] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    # --------------------------------------------------------------- open --

    def open_journal(self) -> None:
        """The local journal and its writer (raises ``JournalError`` when unusable)."""
        if self.journal is None:
            self.journal = Journal(self.journal_path, on_damage=self._journal_damaged)
            self.writer = JournalWriter(
                self.journal, on_health=self._journal_health, on_written=self._wake_replicator
            )

    def open_journal_for_reading(self) -> None:
        """The local journal without a writer, if there is one (``screenpop lookup``
        reads the customer's history and last known data from it, writes nothing)."""
        if self.journal is None and self.journal_path.exists():
            try:
                self.journal = Journal(self.journal_path, check="none")
            except JournalError as exc:
                log.warning("journal not readable, so no local history: %s", exc)

    def open_lookup(self) -> Lookup:
        """Sources, the history, derived sections and the lookup (once)."""
        if self.lookup is None:
            self.sources = build_all(self.config)
            history = history_source(self.config, lambda: self.journal, resolve)
            if history is not None:
                self.sources.append(history)
            self.lookup = Lookup(
                self.sources,
                self.source_pool,
                # Queued cases only where a source can write them (else no
                # outbox read on every pop).
                derived=derived_sections(
                    self.config,
                    self._queued_cases if self.config.case_writer() is not None else None,
                ),
                last_known=self.last_known if self.config.last_known.max_age_h > 0 else None,
            )
        return self.lookup

    def last_known(self, customer_id: str, section: str) -> LastKnown | None:
        """``section`` from the customer's newest earlier card within ``[last_known]
        max_age_h`` (the lookup's ``LastKnownReader``; None without a journal)."""
        journal = self.journal
        if journal is None:
            return None
        since = time.time() - self.config.last_known.max_age_h * 3600
        return journal.last_known(customer_id, section, since)

    def start_replication(self) -> None:
        if self.config.journal.central and self.journal is not None:
            self.replicator = Replicator(
                self.journal, self.config.journal, self.config.agent.extension, resolve
            )
            self.replicator.start()

    def start_case_writer(self) -> None:
        """The service desk's case writer, when a source declares ``open_case``."""
        cfg = self.config.case_writer()
        if cfg is None or self.journal is None or self.case_writer is not None:
            return
        self.case_writer = CaseWriter(
            self.journal,
            LazyTarget(cfg.name, lambda: case_target(cfg, resolve)),
            on_change=self.listener.case_changed,
            on_health=self._service_desk_health,
        )
        self.case_writer.start()

    def _queued_cases(self, customer_id: str) -> list[dict[str, Any]]:
        """The customer's cases opened here and not at the service desk yet (for the card)."""
        if self.journal is None or not customer_id:
            return []
        if self.case_writer is not None and not self.case_writer.has_pending():
            return []  # every case opened here is at the service desk: no outbox read
        return [
            queued_row(r.case_id, r.opened, r.product, r.description, r.category)
            for r in (e.request for e in self.journal.queued_cases(customer_id))
        ]

    def claim_instance(self) -> Claim:
        """The single-instance lock (the notify socket); ``AlreadyRunning`` when
        another instance of this user runs."""
        return claim(self.runtime_dir)

    def start_bridges(self, on_event: EventSink, notify_sock: Claim) -> None:
        """Build the bridges (the notify bridge on the claimed socket), run their loop."""
        ctx = bridge_registry.BridgeContext(
            extension=self.config.agent.extension,
            secret=resolve,
            runtime_dir=str(self.runtime_dir),
            demo_calls=self.demo_calls,
            replay=JournalReplayGuard(self.journal) if self.journal is not None else None,
        )
        notify_cfg = next((b for b in self.config.bridge if isinstance(b, NotifyConfig)), None)
        self.bridges = [NotifyBridge(notify_cfg or NotifyConfig(kind="notify"), ctx, notify_sock)]
        for cfg in self.config.bridge:
            if cfg.kind == "notify":
                continue
            try:
                self.bridges.append(bridge_registry.create(cfg, ctx))
            except Exception as exc:
                log.error("bridge %s unusable: %s", cfg.label, exc)
                self.set_bridge_health(cfg.label, Health(HealthState.FAILED, str(exc)))
        ready = threading.Event()
        self._loop_thread = threading.Thread(
            target=self._run_loop, args=(ready, on_event), name="bridges", daemon=True
        )
        self._loop_thread.start()
        ready.wait(5.0)

    def _run_loop(self, ready: threading.Event, on_event: EventSink) -> None:
        loop = asyncio.new_event_loop()
        self.loop = loop
        asyncio.set_event_loop(loop)
        for bridge in self.bridges:
            self._tasks.append(loop.create_task(self._supervise(bridge, on_event)))
        loop.call_soon(ready.set)
        try:
            loop.run_forever()
        finally:
            for task in self._tasks:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*self._tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _supervise(self, bridge: Bridge, on_event: EventSink) -> None:
        """Restart a bridge that crashed (a bug, not I/O: those it handles itself)."""
        while True:
            try:
                self.set_bridge_health(bridge.name, Health(HealthState.CONNECTING))
                await bridge.run(on_event, self.set_bridge_health)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("bridge %s crashed; restarting", bridge.name)
                self.set_bridge_health(bridge.name, Health(HealthState.FAILED, f"crashed: {exc!r}"))
                await asyncio.sleep(5.0)

    def run_coroutine(self, make: Callable[[], Coroutine[Any, Any, Any]]) -> bool:
        """Schedule a coroutine on the bridges' loop; False when it is not running."""
        loop = self.loop
        if loop is None or not loop.is_running():
            return False
        asyncio.run_coroutine_threadsafe(make(), loop)
        return True

    # ------------------------------------------------------------- health --

    def set_bridge_health(self, name: str, health: Health) -> None:
        # Logged here, not by a front end, so the GUI's log tells IT the same
        # story as headless: every change of state, with its reason.
        with self._lock:
            before = self._health.get(name)
            self._health[name] = health
        if before is None or (before.state, before.detail) != (health.state, health.detail):
            log.info("bridge %s: %s %s", name, health.state, health.detail)
        self.listener.bridge_health(name, health)

    def bridge_healths(self) -> dict[str, Health]:
        with self._lock:
            return dict(self._health)

    def source_healths(self) -> dict[str, Health]:
        if self.lookup is None:
            return {}
        # The history is the journal's (its health is the journal's), not a department.
        breakers = self.lookup.breakers.items()
        return {name: b.health() for name, b in breakers if name != HistorySource.name}

    def journal_healths(self) -> dict[str, Health]:
        out: dict[str, Health] = {}
        if self.writer is not None:
            out["journal"] = self.writer.health()
        if self.replicator is not None:
            out["central journal"] = self.replicator.status().health
        if self.case_writer is not None:
            out[SERVICE_DESK] = self.case_writer.health()
        return out

    def _service_desk_health(self, health: Health) -> None:
        self.listener.journal_health(SERVICE_DESK, health)

    def _journal_health(self, health: Health) -> None:
        log.info("journal: %s %s", health.state, health.detail)
        self.listener.journal_health("journal", health)

    def _journal_damaged(self, reason: str) -> None:
        """The check after start found damage (on the check's thread)."""
        if self.writer is not None:
            self.writer.damaged(reason)

    def _wake_replicator(self) -> None:
        if self.replicator is not None:
            self.replicator.wake()
        writer = self.case_writer
        if writer is not None and writer.has_pending():  # a case held while the journal
            writer.wake()  # could not write has just been written

    # --------------------------------------------------------------- stop --

    def stop(self) -> None:
        """Stop bridges, write what was accepted, release sources (idempotent)."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self.loop is not None and self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        if self._loop_thread is not None:
            self._loop_thread.join(5.0)
        self.lookup_pool.shutdown(wait=False, cancel_futures=True)
        self.source_pool.shutdown(wait=False, cancel_futures=True)
        if self.writer is not None:
            self.writer.stop()  # every accepted event reaches the journal, if it can
        if self.replicator is not None:
            self.replicator.stop()  # pushes what it can in 2 s; the rest waits in the outbox
        if self.case_writer is not None:
            self.case_writer.stop()  # what is not sent waits in the case outbox
        for source in self.sources:
            with contextlib.suppress(Exception):
                source.close()
        if self.journal is not None:
            self.journal.close()


class JournalReplayGuard:
    """The bridges' ``ReplayGuard`` kept in the journal, so a signed request
    replayed after a restart is still refused (webhook, tcp-json auth frames).

    ``Journal.remember_event`` is a durable write: bridges call this off their
    event loop. A journal that cannot write raises ``JournalError`` and the
    bridge answers "try again" (its in-memory guard still holds this run).
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def first_seen(self, key: str, ts: float) -> bool:
        return self.journal.remember_event(key, ts)


def _nice(increment: int) -> None:
    """Let a worker thread yield the CPU to the GUI thread on a busy desk.

    Linux keeps a nice value per thread (its TID); elsewhere this is a no-op.
    """
    if increment and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), increment)
