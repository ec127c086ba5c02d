"""``RemoteCore``: the ``frontend.Core`` the agent's window runs on, with the
engine in a process of its own (see the package's docstring for why).

The window calls it as it would call the engine: the methods that wait
(journal, sources) are called from its job threads and wait here for the
engine's answer; the ones it calls on the GUI thread answer from memory
(healths mirrored as the engine sends them, dispositions known at start) or
only send (notes drafts, a chosen customer). Nothing here waits on the GUI
thread for the other process.

When the engine process dies (a crash, a kill, the OOM killer) the window
stays: its bridges are shown as failed, waiting requests fail with
``EngineGone``, and the engine is started again (after 1 s, then up to
every 30 s while it keeps failing). What the engine had accepted is in the
journal, whose outbox it replays on start.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any

from screenpop.frontend import PopListener
from screenpop.health import Health, HealthState
from screenpop.remote.asks import AgentAsks, Healths
from screenpop.remote.spawn import Spawned, spawn
from screenpop.remote.wire import (
    CALL,
    CAST,
    EVENT,
    HEALTHS,
    LOG,
    PREPARE,
    READY,
    REPLY,
    SPEC,
    START,
    STOP,
    EngineSpec,
    Outbox,
    replay_log,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

log = logging.getLogger(__name__)

#: Longest wait for the engine to claim the instance and open the journal,
#: and then to open its sources and start its bridges.
STEP_TIMEOUT_S = 120.0
#: Longest wait for one answer (each is bounded by the engine's own deadlines).
REQUEST_TIMEOUT_S = 60.0
#: Longest wait for the engine to finish its journal writes when the app quits.
STOP_TIMEOUT_S = 30.0
FIRST_RESTART_S = 1.0
MAX_RESTART_S = 30.0


class EngineGone(ConnectionError):
    """The engine process is not running (it ended, or is being started again)."""


#: Events that arrive before the window's listener is there (a call ringing
#: while the windows are built) are kept, in order, up to this many.
EARLY_EVENTS = 10_000
#: Messages for the engine waiting to be written (a hung engine reads none).
UNSENT = 10_000


class RemoteCore(AgentAsks):
    """Implements ``frontend.Core``: the engine in its own process."""

    def __init__(self, spec: EngineSpec, *, spawned: Spawned | None = None) -> None:
        self.spec = spec
        self._spawned = spawned
        self._early: list[tuple[Any, ...]] = []
        self._start_future: Future[Any] | None = None
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, Future[Any]] = {}
        self._steps: dict[str, Future[Any]] = {}
        self._listener: PopListener | None = None
        self._process: BaseProcess | None = None
        self._outbox: Outbox | None = None
        self._reader: threading.Thread | None = None
        self._prepared = False
        self._started = False
        self._stopping = False
        self._restarting = False
        self._healths: Healths = ({}, {}, {})
        self._dispositions: tuple[str, ...] = ()
        #: Times the engine was started again after its process died.
        self.restarts = 0
        self._stop_event = threading.Event()
        # Every message to the engine is written by one thread, in order: a
        # hung engine that reads nothing fills the pipe, and then only that
        # thread waits, never the GUI thread casting a notes draft.
        self._unsent: queue.Queue[tuple[Outbox, tuple[Any, ...]] | None] = queue.Queue(UNSENT)
        self._writer = threading.Thread(target=self._write, name="engine-writer", daemon=True)
        self._writer.start()

    # ------------------------------------------------------------ lifecycle --

    @property
    def pid(self) -> int | None:
        """The engine process's id while it runs."""
        process = self._process
        return None if process is None else process.pid

    def launch(self) -> None:
        """Start the engine process (once) and give it its spec; returns at
        once, so the app loads Qt while the engine opens its parts."""
        with self._lock:
            if self._process is not None:
                return
            spawned, self._spawned = self._spawned or spawn(), None
            self._process = spawned.process
            self._outbox = Outbox(spawned.conn)
            self._send(self._outbox, (SPEC, self.spec))
            self._prepared = False
            self._reader = threading.Thread(
                target=self._read,
                args=(spawned.conn, spawned.process),
                name="engine-reader",
                daemon=True,
            )
            self._reader.start()

    def prepare(self) -> None:
        """Claim the instance and open the journal, in the engine process;
        then have it start right away, while the app builds its windows
        (what it tells before ``start`` hands over a listener is kept).

        Raises what ``Engine.prepare`` raised there (``AlreadyRunning``,
        ``JournalError``); the engine process is stopped then.
        """
        self.launch()
        if self._prepared:
            return
        try:
            self._step(PREPARE)
        except BaseException:
            self.stop()
            raise
        self._prepared = True
        self._start_future = self._ask_step(START)

    def start(self, listener: PopListener) -> None:
        if self._started:
            raise RuntimeError("engine already started")
        with self._lock:  # what came early first, in order, then the rest
            for message in self._early:
                _deliver(listener, message)
            self._early.clear()
            self._listener = listener
        self.prepare()
        try:
            future, self._start_future = self._start_future, None
            dispositions, first = self._wait_step(START, future or self._ask_step(START))
        except BaseException:
            self.stop()
            raise
        self._dispositions = tuple(dispositions)
        self._healths = first
        self._started = True

    def stop(self) -> None:
        """Stop the engine (it finishes its journal writes) and wait for it (idempotent)."""
        self._stopping = True
        self._stop_event.set()
        with self._lock:
            process, outbox, reader = self._process, self._outbox, self._reader
        if process is None:
            return
        # The reader alone joins the process (two joiners race for its exit
        # status): it ends once the engine, stopped, closed its end of the pipe.
        if outbox is not None:
            self._send(outbox, (STOP,))
        if reader is not None and reader is not threading.current_thread():
            reader.join(STOP_TIMEOUT_S)
            if reader.is_alive():
                log.error("the engine did not stop within %.0f s: ending it", STOP_TIMEOUT_S)
                process.kill()
                reader.join(10)
        if outbox is not None:
            outbox.conn.close()
        with self._lock:
            if self._process is process:
                self._process = None
                self._outbox = None
        self._unsent.put(None)

    # ------------------------------------------------------ what arrives --

    def _read(self, conn: Connection, process: BaseProcess) -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            except Exception:  # a message that does not unpickle: skip it, keep the rest
                log.exception("a message from the engine could not be read")
                continue
            try:
                self._handle(message)
            except Exception:
                log.exception("handling %s from the engine failed", message[0])
        self._gone(process)

    def _handle(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == EVENT:
            with self._lock:
                listener = self._listener
                if listener is None:
                    if len(self._early) < EARLY_EVENTS:
                        self._early.append(message)
                    else:
                        log.error("no window yet after %d events: %s dropped", EARLY_EVENTS,
                                  message[1])  # fmt: skip
                    return
            _deliver(listener, message)
        elif kind == LOG:
            replay_log(message[1])
        elif kind == REPLY:
            with self._lock:
                future = self._pending.pop(message[1], None)
            _settle(future, message[2], message[3])
        elif kind == HEALTHS:
            self._healths = (message[1], message[2], message[3])
        elif kind == READY:
            with self._lock:
                future = self._steps.pop(message[1], None)
            _settle(future, message[2], message[3])

    def _gone(self, process: BaseProcess) -> None:
        """The engine's end of the pipe closed: fail what waits; start it again
        unless the app is stopping it."""
        process.join(5)
        gone = EngineGone(f"the engine process ended (exit code {process.exitcode})")
        with self._lock:
            waiting = [*self._pending.values(), *self._steps.values()]
            self._pending.clear()
            self._steps.clear()
            if self._process is process:
                self._process = None
                self._outbox = None
            restart = self._started and not self._stopping and not self._restarting
            if restart:
                self._restarting = True
        for future in waiting:
            if not future.done():
                future.set_exception(gone)
        if not restart:
            return
        log.error("%s unexpectedly: starting it again", gone)
        listener = self._listener
        if listener is not None:
            failed = Health(HealthState.FAILED, "the engine stopped; starting it again")
            for name in self._healths[0]:
                listener.bridge_health(name, failed)
        threading.Thread(target=self._restart, name="engine-restart", daemon=True).start()

    def _restart(self) -> None:
        delay = FIRST_RESTART_S
        try:
            while not self._stop_event.wait(delay):
                try:
                    self.launch()
                    self._step(PREPARE)
                    self._prepared = True
                    dispositions, first = self._step(START)
                except Exception as exc:
                    log.error("starting the engine again failed: %s", exc)
                    self._kill_current()
                    delay = min(MAX_RESTART_S, delay * 2)
                    continue
                if self._stopping:  # the app quit while the engine was starting
                    self._kill_current()
                    return
                self._dispositions = tuple(dispositions)
                self._healths = first
                self.restarts += 1
                log.warning("the engine runs again (restart %d)", self.restarts)
                self._tell_healths(first)
                return
        finally:
            self._restarting = False

    def _kill_current(self) -> None:
        """End a half-started engine process and wait until its reader saw it go."""
        with self._lock:
            process, reader = self._process, self._reader
        if process is not None and process.is_alive():
            process.kill()
        if reader is not None and reader is not threading.current_thread():
            reader.join(10)

    def _tell_healths(self, healths: Healths) -> None:
        listener = self._listener
        if listener is None:
            return
        for name, health in healths[0].items():
            listener.bridge_health(name, health)
        for name, health in healths[2].items():
            listener.journal_health(name, health)

    # ---------------------------------------------------- what is asked --

    def _step(self, step: str) -> Any:
        return self._wait_step(step, self._ask_step(step))

    def _ask_step(self, step: str) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            outbox = self._outbox
            self._steps[step] = future
        if outbox is None or not self._send(outbox, (step,)):
            with self._lock:
                self._steps.pop(step, None)
            future.set_exception(EngineGone("the engine process is not running"))
        return future

    def _wait_step(self, step: str, future: Future[Any]) -> Any:
        try:
            return future.result(STEP_TIMEOUT_S)
        except FutureTimeout:
            raise TimeoutError(f"the engine did not {step} within {STEP_TIMEOUT_S:.0f} s") from None

    def _call(self, method: str, *args: Any) -> Any:
        future: Future[Any] = Future()
        with self._lock:
            outbox = self._outbox
            request = next(self._ids)
            self._pending[request] = future
        if outbox is None or not self._send(outbox, (CALL, request, method, args)):
            with self._lock:
                self._pending.pop(request, None)
            raise EngineGone("the engine is not running or not reading just now")
        try:
            return future.result(REQUEST_TIMEOUT_S)
        except FutureTimeout:
            with self._lock:
                self._pending.pop(request, None)
            raise TimeoutError(f"the engine did not answer {method} in time") from None

    def _cast(self, method: str, *args: Any) -> None:
        outbox = self._outbox
        if outbox is None or not self._send(outbox, (CAST, method, args)):
            log.warning("%s not passed on: the engine is not running or not reading", method)

    def _send(self, outbox: Outbox, message: tuple[Any, ...]) -> bool:
        """Queue ``message`` for ``outbox``; returns at once. False when that
        pipe is broken or ``UNSENT`` messages already wait (a hung engine)."""
        if outbox.broken:
            return False
        try:
            self._unsent.put_nowait((outbox, message))
        except queue.Full:
            return False
        return True

    def _write(self) -> None:
        while (item := self._unsent.get()) is not None:  # None: stopped for good
            outbox, message = item
            outbox.send(message)  # to a broken pipe: dropped, as its engine is gone


def _deliver(listener: PopListener, message: tuple[Any, ...]) -> None:
    """One ``EVENT`` to the listener; what it raises is logged, never lets the rest go."""
    try:
        getattr(listener, message[1])(*message[2])
    except Exception:
        log.exception("the front end failed in %s", message[1])


def _settle(future: Future[Any] | None, error: BaseException | None, result: Any) -> None:
    if future is None or future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
