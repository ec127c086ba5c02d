"""The running core, in three rooms (see the README's architecture section):

* ``runtime.Runtime``: threads, pools, the journal writer, start and stop, health;
* ``callflow.CallFlow``: event → dispatcher → journal, lookup → front end;
* ``services.AgentServices``: what a front end may ask (``frontend.AgentCore``).

``Engine`` puts them together and is what the command line and front ends
use (``frontend.Core``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from screenpop.bridges.notify import Claim
from screenpop.card import Card
from screenpop.config.schema import Config
from screenpop.engine.callflow import CallFlow
from screenpop.engine.runtime import LOOKUP_WORKERS, SOURCE_WORKERS, WORKER_NICE, Runtime
from screenpop.engine.services import AgentServices
from screenpop.events import CallEvent
from screenpop.frontend import PopListener
from screenpop.health import Health
from screenpop.journal import Journal
from screenpop.journal.replicate import ReplicationStatus
from screenpop.lookup import Lookup
from screenpop.memory import tune_collector
from screenpop.phone import normalise
from screenpop.sources.base import Source

log = logging.getLogger(__name__)

__all__ = ["Engine"]


class Engine(AgentServices):
    """Implements ``frontend.Core``: start, stop, and what agents ask."""

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
        runtime = Runtime(
            config,
            journal_path=journal_path,
            runtime_dir=runtime_dir,
            demo_calls=demo_calls,
            lookup_workers=lookup_workers,
            source_workers=source_workers,
            worker_nice=worker_nice,
        )
        super().__init__(runtime, CallFlow(runtime))
        self.config = config
        self._started = False
        self._notify_sock: Claim | None = None

    # ------------------------------------------------------------ lifecycle --

    def prepare(self) -> None:
        """Claim the instance and open the journal (once; ``start`` does it too).

        Raises ``AlreadyRunning`` when another instance of this user runs and
        ``JournalError`` when the journal cannot be used; nothing is left
        open then. A front end calls it before it builds any window.
        """
        if self._notify_sock is not None:
            return
        runtime = self.runtime
        sock = runtime.claim_instance()
        try:
            runtime.open_journal()
        except BaseException:
            sock.close()
            runtime.stop()
            raise
        self._notify_sock = sock

    def start(self, listener: PopListener) -> None:
        """Claim the instance, open the journal and sources, start the bridges.

        Raises as ``prepare`` does; nothing is left running then.
        """
        if self._started:
            raise RuntimeError("engine already started")
        self.prepare()
        sock = self._notify_sock
        assert sock is not None
        self._started = True
        runtime = self.runtime
        runtime.listener.inner = listener
        try:
            runtime.open_lookup()
        except BaseException:
            sock.close()
            runtime.stop()
            raise
        runtime.start_replication()
        runtime.start_case_writer()
        runtime.start_bridges(self.flow.on_event, sock)
        tune_collector()

    def stop(self) -> None:
        self.runtime.stop()

    def open_core(self, *, with_journal: bool = True) -> None:
        """Journal, sources, model and lookup; no bridges (for one-shot commands)."""
        if with_journal:
            self.runtime.open_journal()
        self.runtime.open_lookup()

    # ----------------------------------------------- what tests look into --

    @property
    def journal(self) -> Journal | None:
        return self.runtime.journal

    @property
    def lookup(self) -> Lookup | None:
        return self.runtime.lookup

    @property
    def sources(self) -> list[Source]:
        return self.runtime.sources

    @property
    def loop(self) -> Any:
        return self.runtime.loop

    def _on_event(self, event: CallEvent) -> None:
        self.flow.on_event(event)

    def source_health(self) -> dict[str, Health]:
        return self.runtime.source_healths()

    def journal_health(self) -> dict[str, Health]:
        """The central journal's replication as health (empty when there is none)."""
        if self.runtime.replicator is None:
            return {}
        return {"central journal": self.runtime.replicator.status().health}

    def replication_status(self) -> ReplicationStatus | None:
        """Health plus backlog and counters, or None without a central journal."""
        replicator = self.runtime.replicator
        return None if replicator is None else replicator.status()

    # ---------------------------------------------------------- one-shots --

    def lookup_once(self, received: str, attached: Mapping[str, str] | None = None) -> Card:
        """``screenpop lookup``: one card, no bridges, nothing journaled (the journal,
        when there is one, is read for the history and last known data)."""
        self.runtime.open_journal_for_reading()
        lookup = self.runtime.open_lookup()
        number = normalise(received, self.config.agent.region)
        return lookup.lookup(number, attached, use_cache=False)

    def close_sources(self) -> None:
        """Release the sources of a one-shot command (``lookup``)."""
        for source in self.runtime.sources:
            try:
                source.close()
            except Exception:
                log.exception("closing source %s failed", source.name)
        if self.runtime.writer is None and self.runtime.journal is not None:
            self.runtime.journal.close()  # opened for reading only
