"""SQLite as a source: a file someone else writes, opened so that we never change it.

Two things SQLite does by default are wrong for a source:

* **Opening a missing file creates it.** ``sqlite:///sales.db`` with a typo
  (or a share not mounted yet) made an empty database, and the error then
  blamed the query ("no such table"). Sources open the file read-only and
  must-exist (``file:...?mode=ro``), and a missing file is said as such.
* **Waiting for a lock ignores our deadline.** While another program holds
  the file's lock (``BEGIN EXCLUSIVE``, a long write), a reader waits in
  SQLite's busy handler, where the progress handler that enforces our
  deadline never runs. Each statement's busy timeout is therefore set from
  what is left of the answer's budget, and running out says "locked".
"""

from __future__ import annotations

import sqlite3
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

#: Virtual-machine steps between deadline checks: about half a millisecond of
#: SQLite's work each. Every check runs Python, so takes the GIL: at 2,000 steps
#: (50 µs) a heavy query took it 20,000 times a second and fought the GUI
#: thread for it during a burst of rings (benchmarks/burst.py).
_PROGRESS_STEPS = 20_000
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


@contextmanager
def within(raw: Any, seconds: float) -> Iterator[None]:
    """Stop this connection's statement after ``seconds``, waiting for locks included.

    The progress handler aborts a long statement ("interrupted"); the busy
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
    raw.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)
