"""The engine process: ``serve`` runs one ``Engine`` for the app that started it.

It lives exactly as long as its pipe: when the app stops it (``STOP``) or
goes away in any way (quit, crash, kill: the pipe reads end-of-file) it
stops the engine, which finishes the journal writes it accepted, and exits.
Ctrl-C in a terminal reaches the whole process group: the engine ignores it
and lets the app, which owns the decision, stop it.
"""

from __future__ import annotations

import logging
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from screenpop.card import Card, Section
from screenpop.cases.request import CaseTicket
from screenpop.engine import Engine
from screenpop.events import CallState
from screenpop.frontend import CallInfo
from screenpop.health import Health
from screenpop.memory import settle_memory
from screenpop.remote.wire import (
    CALL,
    CALLS,
    CAST,
    CASTS,
    EVENT,
    HEALTHS,
    PREPARE,
    READY,
    REPLY,
    SPEC,
    START,
    STOP,
    EngineSpec,
    LogForwarder,
    Outbox,
    safe_error,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

#: How often the healths the window reads are compared and, when changed, sent.
HEALTH_PERIOD_S = 0.25
#: Agent requests served at once (each may wait for the journal or a source).
REQUEST_WORKERS = 4


class ForwardingListener:
    """Implements ``PopListener``: every notification goes to the app as it is."""

    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox

    def call_ringing(self, call: CallInfo) -> None:
        self.outbox.send((EVENT, "call_ringing", (call,)))

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        self.outbox.send((EVENT, "identified", (call_id, card, pending)))

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        self.outbox.send((EVENT, "section_ready", (call_id, name, section)))

    def card_complete(self, call_id: str, card: Card) -> None:
        self.outbox.send((EVENT, "card_complete", (call_id, card)))

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        self.outbox.send((EVENT, "call_state", (call_id, state, answered_elsewhere)))

    def bridge_health(self, name: str, health: Health) -> None:
        self.outbox.send((EVENT, "bridge_health", (name, health)))

    def journal_health(self, name: str, health: Health) -> None:
        self.outbox.send((EVENT, "journal_health", (name, health)))

    def case_changed(self, ticket: CaseTicket) -> None:
        self.outbox.send((EVENT, "case_changed", (ticket,)))


Healths = tuple[dict[str, Health], dict[str, Health], dict[str, Health]]


def healths(engine: Engine) -> Healths:
    return engine.bridge_healths(), engine.source_healths(), engine.journal_healths()


class HealthMirror(threading.Thread):
    """Sends the engine's healths whenever they change: the window reads them
    from memory on its own thread and must never wait for this process."""

    def __init__(self, engine: Engine, outbox: Outbox, first: Healths) -> None:
        super().__init__(name="health-mirror", daemon=True)
        self.engine = engine
        self.outbox = outbox
        self.last = first
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(HEALTH_PERIOD_S):
            try:
                now = healths(self.engine)
            except Exception:
                log.exception("reading healths failed")
                continue
            if now != self.last:
                self.last = now
                self.outbox.send((HEALTHS, *now))


def _answer(
    outbox: Outbox, engine: Engine, request: int, method: str, args: tuple[Any, ...]
) -> None:
    try:
        result = getattr(engine, method)(*args)
    except Exception as exc:
        outbox.send((REPLY, request, safe_error(exc), None))
    else:
        outbox.send((REPLY, request, None, result))


def _perform(engine: Engine, method: str, args: tuple[Any, ...]) -> None:
    try:
        getattr(engine, method)(*args)
    except Exception:
        log.exception("%s failed", method)


def _step(engine: Engine, outbox: Outbox, step: str) -> HealthMirror | None:
    """Prepare or start; tells the app how it went. The mirror once started."""
    try:
        if step == PREPARE:
            engine.prepare()
            outbox.send((READY, PREPARE, None, None))
            return None
        engine.start(ForwardingListener(outbox))
        first = healths(engine)
        outbox.send((READY, START, None, (engine.dispositions(), first)))
    except Exception as exc:
        outbox.send((READY, step, safe_error(exc), None))
        return None
    settle_memory()
    mirror = HealthMirror(engine, outbox, first)
    mirror.start()
    return mirror


def serve(conn: Connection) -> None:
    """The engine process's main: first the spec, then what the app asks."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        pass
    outbox = Outbox(conn)
    root = logging.getLogger()
    root.handlers[:] = [LogForwarder(outbox)]
    try:
        first = conn.recv()
    except (EOFError, OSError):
        return  # started early by an app that then did not run (a bad configuration)
    if not (isinstance(first, tuple) and first[0] == SPEC and isinstance(first[1], EngineSpec)):
        log.error("the app sent no engine spec first: %.80r", first)
        return
    spec: EngineSpec = first[1]
    root.setLevel(spec.log_level)
    pools: dict[str, Any] = {}
    if spec.workers is not None:
        lookup_workers, source_workers, worker_nice = spec.workers
        pools = dict(
            lookup_workers=lookup_workers, source_workers=source_workers, worker_nice=worker_nice
        )
    engine = Engine(
        spec.config,
        journal_path=spec.journal_path,
        runtime_dir=spec.runtime_dir,
        demo_calls=spec.demo_calls,
        **pools,
    )
    requests = ThreadPoolExecutor(REQUEST_WORKERS, thread_name_prefix="agent-request")
    mirror: HealthMirror | None = None
    try:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                log.info("the app is gone: stopping the engine")
                break
            kind = message[0]
            if kind == STOP:
                break
            if kind in (PREPARE, START):
                mirror = _step(engine, outbox, kind) or mirror
            elif kind == CALL and message[2] in CALLS:
                requests.submit(_answer, outbox, engine, *message[1:])
            elif kind == CAST and message[1] in CASTS:
                requests.submit(_perform, engine, *message[1:])
            else:
                log.error("the app sent what the engine does not take: %.80r", message)
    finally:
        if mirror is not None:
            mirror.stopping.set()
        # What the agent asked for (a wrap-up being saved) ends first, then the engine.
        requests.shutdown(wait=True, cancel_futures=True)
        engine.stop()
        conn.close()
