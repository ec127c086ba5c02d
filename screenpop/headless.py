"""The headless front end: each pop as one JSON line on stdout.

Used by ``screenpop run --headless`` (servers, kiosks, scripts that feed pops
elsewhere) and by the end-to-end tests, which read the lines back.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
from typing import TextIO

from screenpop.card import Card, Section
from screenpop.cases.request import CaseTicket
from screenpop.events import CallState
from screenpop.frontend import CallInfo, Core
from screenpop.health import Health
from screenpop.memory import settle_memory

log = logging.getLogger(__name__)


class HeadlessListener:
    """Prints one line per completed card; counts calls for ``--calls N``."""

    def __init__(self, out: TextIO, done_after: int | None = None) -> None:
        self.out = out
        self.done_after = done_after
        self.done = threading.Event()
        self._lock = threading.Lock()
        self._calls: dict[str, CallInfo] = {}
        self._ended: set[str] = set()
        self._carded: set[str] = set()

    def call_ringing(self, call: CallInfo) -> None:
        with self._lock:
            self._calls[call.call_id] = call

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        pass

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        pass

    def card_complete(self, call_id: str, card: Card) -> None:
        with self._lock:
            call = self._calls.get(call_id)
            line = {"call_id": call_id}
            if call is not None:
                line.update(caller_name=call.caller_name, called=call.called, bridge=call.bridge)
            line.update(card.to_json())
            self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
            self.out.flush()
            self._carded.add(call_id)
            self._check_done()

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        log.info("call %s: %s%s", call_id[:40], state, " elsewhere" if answered_elsewhere else "")
        if state in (CallState.ENDED, CallState.MISSED) or answered_elsewhere:
            with self._lock:
                self._ended.add(call_id)
                self._check_done()

    def bridge_health(self, name: str, health: Health) -> None:
        """The engine logs health changes itself; headless has nothing to add."""

    def journal_health(self, name: str, health: Health) -> None:
        """Logged by the engine as well."""

    def case_changed(self, ticket: CaseTicket) -> None:
        """Logged by the case writer."""

    def _check_done(self) -> None:
        if self.done_after is None:
            return
        finished = [c for c in self._ended if c in self._carded or c not in self._calls]
        if len(finished) >= self.done_after:
            self.done.set()


def run_headless(core: Core, out: TextIO, done_after: int | None = None) -> int:
    """Run until SIGINT/SIGTERM/SIGBREAK (or ``done_after`` calls have ended)."""
    listener = HeadlessListener(out, done_after)

    def stop(_signum: int, _frame: object) -> None:
        listener.done.set()

    signals = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGBREAK"):  # Windows: Ctrl+Break, or its console window closed
        signals.append(signal.SIGBREAK)
    previous = {sig: signal.signal(sig, stop) for sig in signals}
    try:
        core.start(listener)
        settle_memory()
        while not listener.done.wait(0.5):
            pass
    finally:
        core.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
