"""The journal's one writer: every accepted event reaches the journal, in order,
even when the disk is full for a while.

DESIGN's promise is that a call event accepted by a bridge ends up in the
journal. A write that fails for a reason that may pass (a full disk, an I/O
error, a lock held too long) is therefore not dropped: it stays at the head of
the line and is retried with the bridges' back-off (0.2 s doubling to 5 s),
and every later write waits behind it, so the journal sees events in the
order they happened. Meanwhile the writer reports itself as failing (the
tray, the window and ``doctor`` show it) with how many writes it holds.

What it holds is in memory, bounded by ``capacity``: a disk that is full is
usually the disk a spill file would go to. A write beyond the bound, or one
that is wrong in itself (``JournalError.transient`` false), fails its future
and is logged; nothing else is ever dropped. Stopping waits up to
``drain_s`` for the backlog to land.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from screenpop.health import Backoff, Health, HealthState
from screenpop.journal.store import Journal, JournalError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Writes kept while the journal cannot write (about a full day of a busy
#: desk's events, cards and notes).
CAPACITY = 20_000
HealthCallback = Callable[[Health], None]


@dataclass
class _Write(Generic[T]):
    fn: Callable[[Journal], T]
    what: str
    future: Future[T]
    #: A transient failure happened: the caller was told it is queued.
    attempts: int = 0


class JournalWriter:
    """Applies writes to a ``Journal`` one at a time, in order, on its own thread."""

    def __init__(
        self,
        journal: Journal,
        *,
        capacity: int = CAPACITY,
        on_health: HealthCallback | None = None,
        on_written: Callable[[], None] | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self.journal = journal
        self.capacity = capacity
        self.on_health = on_health
        self.on_written = on_written
        self._backoff = backoff or Backoff()
        self._queue: deque[_Write[Any]] = deque()
        self._cond = threading.Condition()
        self._stopping = False
        self._health = Health(HealthState.CONNECTED, str(journal.path))
        self._refused = 0
        self._drain_until = 0.0
        self._thread = threading.Thread(target=self._run, name="journal", daemon=True)
        self._thread.start()

    # ---------------------------------------------------------------- API --

    def submit(self, fn: Callable[[Journal], T], what: str = "") -> Future[T]:
        """Queue ``fn(journal)``; its future ends when the write is durable."""
        future: Future[T] = Future()
        write = _Write(fn, what or getattr(fn, "__name__", "write"), future)
        with self._cond:
            if self._stopping:
                future.set_exception(JournalError("the journal writer has stopped"))
                return future
            if len(self._queue) >= self.capacity:
                self._refused += 1
                if self._refused == 1 or self._refused % 1000 == 0:
                    log.error(
                        "journal: %d writes waiting, refusing %s (%d refused so far)",
                        len(self._queue),
                        write.what,
                        self._refused,
                    )
                future.set_exception(
                    JournalError(f"the journal cannot write and already holds {self.capacity}")
                )
                return future
            self._queue.append(write)
            self._cond.notify()
        return future

    def backlog(self) -> int:
        """Writes accepted and not yet in the journal."""
        with self._cond:
            return len(self._queue)

    def failing(self) -> bool:
        with self._cond:
            return not self._health.good

    def health(self) -> Health:
        with self._cond:
            return self._health

    def damaged(self, reason: str) -> None:
        """The journal's own check found damage: show it as failing now, before a
        write finds it (writes are still tried, kept and retried as usual)."""
        with self._cond:
            self._health = Health(HealthState.FAILED, _short(JournalError(reason)))
            health = self._health
        log.error("journal: %s", reason)
        self._report(health)

    def wait_queued_or_done(self, future: Future[Any], timeout: float | None = None) -> bool:
        """Wait until ``future`` is done (True) or the journal is failing and the
        write is held for retrying (False). Raises what the write raised."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            step = 0.05 if deadline is None else max(0.0, min(0.05, deadline - time.monotonic()))
            try:
                future.result(step)
                return True
            except TimeoutError:
                pass
            if self.failing():
                return False
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("the journal did not answer in time")

    def stop(self, drain_s: float = 5.0) -> int:
        """Write what is queued (for at most ``drain_s`` while failing); returns
        how many writes could not be written (and are lost with the process)."""
        with self._cond:
            self._stopping = True
            self._drain_until = time.monotonic() + drain_s
            self._cond.notify_all()
        self._thread.join(drain_s + 1.0)
        with self._cond:
            left = len(self._queue)
            for write in self._queue:
                write.future.set_exception(JournalError("stopped before the journal could write"))
            self._queue.clear()
        if left:
            log.error("journal: %d write(s) could not be written before stopping", left)
        return left

    # ------------------------------------------------------------- thread --

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._stopping:
                    self._cond.wait()
                if not self._queue:
                    return
                write = self._queue[0]
            try:
                result = write.fn(self.journal)
            except JournalError as exc:
                if not exc.transient:
                    self._finish(write)
                    log.error("journal write %s refused: %s", write.what, exc)
                    write.future.set_exception(exc)
                    continue
                self._failed(write, exc)
                if not self._pause():
                    return
                continue
            except Exception as exc:  # a bug in a write: fail it, keep the others
                self._finish(write)
                log.exception("journal write %s failed", write.what)
                write.future.set_exception(exc)
                continue
            self._finish(write)
            write.future.set_result(result)
            if self.on_written is not None:
                try:
                    self.on_written()
                except Exception:
                    log.exception("after-write hook failed")

    def _finish(self, write: _Write[Any]) -> None:
        """``write`` leaves the line; the journal is healthy again if it had failed."""
        with self._cond:
            if self._queue and self._queue[0] is write:
                self._queue.popleft()
            recovered = not self._health.good
            if recovered:
                self._health = Health(HealthState.CONNECTED, str(self.journal.path))
                self._backoff.reset()
            health = self._health
        if recovered:
            log.info("journal: writing again; %d write(s) still to catch up", self.backlog())
            self._report(health)

    def _failed(self, write: _Write[Any], exc: JournalError) -> None:
        write.attempts += 1
        with self._cond:
            held = len(self._queue)
            first = self._health.good
            self._health = Health(
                HealthState.FAILED,
                f"cannot write: {_short(exc)}; {held} write(s) kept, retrying",
            )
            health = self._health
        if first or write.attempts == 1:
            log.error("journal write %s failed (kept, retrying): %s", write.what, exc)
        self._report(health)

    def _pause(self) -> bool:
        """Wait before retrying; False once stopping and out of time."""
        delay = self._backoff.next()
        with self._cond:
            if self._stopping and time.monotonic() >= self._drain_until:
                return False
            self._cond.wait(delay)
            return not (self._stopping and time.monotonic() >= self._drain_until)

    def _report(self, health: Health) -> None:
        if self.on_health is not None:
            try:
                self.on_health(health)
            except Exception:
                log.exception("journal health hook failed")


def _short(exc: BaseException) -> str:
    """The driver's words without the statement SQLAlchemy appends."""
    text = str(exc).split("\n[SQL:", 1)[0]
    # Long enough for a damaged journal's advice (its mv command) to stay whole.
    return text.removeprefix("journal write failed: ")[:400]
