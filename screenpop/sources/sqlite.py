"""SQLite as a source: a file someone else writes, opened so that we never change it.

Two things SQLite does by default are wrong for a source:

* **Opening a missing file creates it.** ``sqlite:///sales.db`` with a typo
  (or a share not mounted yet) made an empty database, and the error then
  blamed the query ("no such table"). Sources open the file read-only and
  must-exist (``file:...?mode=ro``), and a missing file is said as such.
* **Waiting for a lock ignores our deadline.** While another program holds
  the file's lock (``BEGIN EXCLUSIVE``, a long write), a reader waits in
  SQLite's busy handler, out of our deadline's reach. Each statement's
  busy timeout is therefore set from what is left of the answer's budget,
  and running out says "locked".
"""

from __future__ import annotations

import heapq
import itertools
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from screenpop.reasons import Reason, define
from screenpop.sources.base import SourceError

MISSING_FILE = define("sql.missing_file", "{source}: the database file {path} does not exist")
CANNOT_OPEN = define("sql.cannot_open", "{source}: cannot open the database file {path} ({error})")

#: Share of a statement's budget it may spend waiting for another program's lock.
_LOCK_SHARE = 0.9


def is_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:")


def own_uri(url: URL) -> bool:
    """Whether the URL is IT's own SQLite URI (``?uri=true``): opened as written."""
    return str(url.query.get("uri", "")).lower() in ("1", "true")


def read_only_opener(url: URL, source: str, timeout_s: float) -> Callable[[], Any]:
    """A DBAPI ``creator`` that opens the URL's file read-only, never creating it."""
    assert url.database is not None
    path = Path(url.database).expanduser().absolute()
    uri = f"{path.as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        try:
            return sqlite3.connect(uri, uri=True, timeout=timeout_s, check_same_thread=False)
        except sqlite3.OperationalError as exc:
            if not path.exists():
                raise SourceError.because(
                    Reason.of(MISSING_FILE, source=source, path=str(path))
                ) from None
            raise SourceError.because(
                Reason.of(CANNOT_OPEN, source=source, path=str(path), error=str(exc))
            ) from None

    return connect


def on_connect(dbapi_conn: Any) -> None:
    """Every new connection: reads only, whatever the file's permissions allow."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only = 1")
    cur.close()


class _Running:
    """One statement under a deadline: interrupted only while it still runs."""

    __slots__ = ("conn", "lock", "running")

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        #: Taken by the statement's thread and the interrupter only: never
        #: waited for by the other workers.
        self.lock = threading.Lock()
        self.running = True


class _Interrupter:
    """One thread that stops every SQLite statement whose deadline has passed.

    Why not SQLite's progress handler: it runs Python every N virtual-machine
    steps, so a heavy query took the GIL thousands of times a second and each
    time made the GUI thread queue for it behind the other workers during a
    burst of rings (benchmarks/burst.py). ``sqlite3_interrupt`` from another
    thread stops the statement the same way ("interrupted") while the query
    itself never leaves C. New deadlines reach the thread through a
    ``SimpleQueue`` (no lock the workers would queue for); each statement's
    own lock makes "still running" and the interrupt one step, so a
    connection already handed to the next statement is never interrupted by
    an old deadline.
    """

    def __init__(self) -> None:
        self._new: queue.SimpleQueue[tuple[float, int, _Running]] = queue.SimpleQueue()
        self._seq = itertools.count()
        self._start = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, conn: Any, deadline: float) -> _Running:
        entry = _Running(conn)
        self._new.put((deadline, next(self._seq), entry))
        if self._thread is None:
            with self._start:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._run, name="sqlite-deadlines", daemon=True
                    )
                    self._thread.start()
        return entry

    @staticmethod
    def done(entry: _Running) -> None:
        with entry.lock:
            entry.running = False

    def _run(self) -> None:
        heap: list[tuple[float, int, _Running]] = []
        while True:
            while heap and not heap[0][2].running:
                heapq.heappop(heap)
            timeout = max(0.0, heap[0][0] - time.monotonic()) if heap else None
            try:
                heapq.heappush(heap, self._new.get(timeout=timeout))
                while True:
                    heapq.heappush(heap, self._new.get_nowait())
            except queue.Empty:
                pass
            now = time.monotonic()
            while heap and heap[0][0] <= now:
                _, _, entry = heapq.heappop(heap)
                with entry.lock:
                    if entry.running:
                        entry.running = False
                        try:
                            entry.conn.interrupt()
                        except sqlite3.Error:  # closed meanwhile: nothing to stop
                            pass


_INTERRUPTER = _Interrupter()


@contextmanager
def within(raw: Any, seconds: float) -> Iterator[None]:
    """Stop this connection's statement after ``seconds``, waiting for locks included.

    A deadline thread interrupts a long statement ("interrupted"); the busy
    timeout bounds the wait for another program's lock ("database is
    locked"). Both come from the same budget, so the statement ends within it
    however it is held up.
    """
    deadline = time.monotonic() + seconds
    cur = raw.cursor()
    # The lock wait ends a little early, so that "locked" (not "no answer")
    # still reaches the card when the machine is busy.
    cur.execute(f"PRAGMA busy_timeout = {max(1, int(seconds * 1000 * _LOCK_SHARE))}")
    cur.close()
    entry = _INTERRUPTER.watch(raw, deadline)
    try:
        yield
    finally:
        _INTERRUPTER.done(entry)
