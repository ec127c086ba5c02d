"""Is the journal file sound? Checked at open, within the cold-start budget, and after.

A damaged page (a disk error, a file copied while written, bytes written
into it by something else) is otherwise found by the first write that
touches it, and from then on every write fails. If the damaged page is one
every write passes through (a table's root, the outbox), the app would pop
calls and journal none of them. So the journal is checked before it is used,
and a journal that fails is refused with a message that names the file and
what to do (``damaged``).

What the check costs decided its shape (``benchmarks/journal_open.py``, a
loaded 2-core machine): on a journal of 100,000 calls (446 MB: every call
keeps its card) SQLite's ``PRAGMA quick_check`` took 0.8–1.7 s with the file
in the page cache and 4.7–7.2 s from disk; ``integrity_check`` 1.2–2.9 s and
5.5–6.9 s. On 5,000 calls (22 MB) ``quick_check`` took 68 ms warm, 340 ms
cold. The whole app's cold start budget is 1.5 s (it measured 0.93 s p50), so
a full check at open is out of the question for a journal of any age. At open:

1. **Roots** (always; 1 ms warm, 9–14 ms cold on 100,000 calls): every table
   and index is read at its first and last entry, which passes through its
   root and interior pages and the right edge where new rows go: the pages
   every write uses. Random bytes at offset 40960 (the break-it finding: the
   outbox's root) are refused here, in 2 ms, whatever the journal's size.
2. **``quick_check`` within a budget** (``OPEN_BUDGET_S``, 50 ms): a young
   journal (about 3,500 calls in the page cache, 700 from disk) is checked
   completely before anything is accepted.
3. **The rest after start** (``BackgroundCheck``): if the budget ran out, the
   full ``quick_check`` runs again on its own read-only connection and thread
   (0.7–1.6 s warm, 4.9–8 s cold on 100,000 calls); a failure there stops
   further writes (each fails as a transient ``JournalError`` carrying the
   message, which the writer keeps, retries and reports as the journal
   failing), is logged, and is told to ``on_damage``.

Opening a 100,000-call journal thus costs 75–96 ms p50 against 1.2–1.4 ms
with no check at all.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from screenpop.journal.errors import JournalError

log = logging.getLogger(__name__)

#: How long the check at open may take before the rest continues after start.
OPEN_BUDGET_S = 0.05
#: How many problems ``quick_check`` lists (the first says enough).
_MAX_ERRORS = 5
_SQLITE_INTERRUPT = 9
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_BUSY_TIMEOUT_S = 5.0
#: How often the watcher looks at the clock and the stop flag.
_WATCH_S = 0.01


def damaged(path: Path, detail: str) -> str:
    """The message for a journal that failed its check: what, where, what to do."""
    return (
        f"the journal {path} is damaged ({detail}); screenpop will not write to it. "
        f"Move it aside (e.g. `mv {path} {path}.damaged`, with its -wal and -shm files): "
        "screenpop then starts a new journal, and the old file can be kept for recovery "
        "(sqlite3's .recover)"
    )


def _connect(path: Path) -> sqlite3.Connection:
    try:
        # Read-only: a check never changes the file (and never creates one).
        return sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=_BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as exc:
        raise JournalError(f"cannot open journal {path}: {exc}") from exc


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _quoted(name: object) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def check_roots(path: Path) -> None:
    """Read every table and index at both ends: the pages every write passes through.

    ``min``/``max`` of a rowid or of an index's first column is a seek to the
    tree's left and right edge: a few pages per tree, however large it is.
    """
    con = _connect(path)
    try:
        probes: list[str] = []
        for kind, name, table in con.execute(
            "SELECT type, name, tbl_name FROM sqlite_master "
            "WHERE type IN ('table', 'index') AND rootpage > 0"
        ).fetchall():
            # One aggregate per statement: SQLite seeks for a lone min() or
            # max() but scans the whole tree for both together.
            if kind == "table":
                for edge in ("min", "max"):
                    probes.append(f"SELECT {edge}(rowid) FROM {_quoted(table)}")
                continue
            columns = [row[2] for row in con.execute(f"PRAGMA index_info({_quoted(name)})")]
            if columns and columns[0]:
                for edge in ("min", "max"):
                    probes.append(
                        f"SELECT {edge}({_quoted(columns[0])}) "
                        f"FROM {_quoted(table)} INDEXED BY {_quoted(name)}"
                    )
        for sql in probes:
            try:
                con.execute(sql).fetchall()
            except sqlite3.Error as exc:
                if _is_damage(exc):
                    raise
                log.debug("journal %s: probe %r skipped: %s", path, sql, exc)
    except sqlite3.Error as exc:
        if _is_damage(exc):
            raise JournalError(damaged(path, str(exc))) from exc
        raise JournalError(f"cannot check journal {path}: {exc}") from exc
    finally:
        con.close()


def quick_check(path: Path, *, budget_s: float | None, stop: threading.Event | None = None) -> bool:
    """``PRAGMA quick_check`` of the whole file; False if ``budget_s`` ran out first.

    Raises ``JournalError`` (the ``damaged`` message) when SQLite finds a
    problem or cannot read a page. Setting ``stop`` interrupts it (the
    journal closed). The check is one SQLite opcode, so a progress handler
    never runs during it; ``sqlite3_interrupt`` from a watcher thread does
    stop it.
    """
    con = _connect(path)
    deadline = None if budget_s is None else time.monotonic() + budget_s
    interrupted = threading.Event()
    finished = threading.Event()

    def watch() -> None:
        # Again and again until the check ends: an interrupt that lands
        # before the statement has started is forgotten by SQLite.
        while not finished.wait(_WATCH_S):
            if (stop is not None and stop.is_set()) or (
                deadline is not None and time.monotonic() >= deadline
            ):
                interrupted.set()
                con.interrupt()

    watcher = threading.Thread(target=watch, name="journal-check-watch", daemon=True)
    watcher.start()
    try:
        rows = [str(row[0]) for row in con.execute(f"PRAGMA quick_check({_MAX_ERRORS})")]
    except sqlite3.Error as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if interrupted.is_set() and code == _SQLITE_INTERRUPT:
            return False
        raise JournalError(damaged(path, str(exc))) from exc
    finally:
        finished.set()
        watcher.join()
        con.close()
    if rows != ["ok"]:
        raise JournalError(damaged(path, "; ".join(rows)[:300]))
    return True


def check_at_open(path: Path, *, budget_s: float | None = OPEN_BUDGET_S) -> bool:
    """Roots, then ``quick_check`` within ``budget_s`` (None: to the end).

    True when the whole file was checked; False when the rest is left for
    ``BackgroundCheck``. Raises ``JournalError`` for a damaged journal.
    """
    check_roots(path)
    if budget_s is not None and budget_s <= 0:
        return False
    return quick_check(path, budget_s=budget_s)


class BackgroundCheck:
    """The rest of the check, after start: ``quick_check`` to the end on its own thread.

    ``damage`` is the message once it failed (None while sound or running).
    ``stop()`` interrupts it (the journal is closing).
    """

    def __init__(self, path: Path, on_damage: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.damage: str | None = None
        self.done = threading.Event()
        self._on_damage = on_damage
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journal-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            finished = quick_check(self.path, budget_s=None, stop=self._stop)
        except JournalError as exc:
            self.damage = str(exc)
            log.error("journal check after start: %s", exc)
            if self._on_damage is not None:
                try:
                    self._on_damage(self.damage)
                except Exception:
                    log.exception("journal damage hook failed")
        except Exception:
            log.exception("journal check after start could not run")
        else:
            if finished:
                log.info(
                    "journal %s: checked in %.1f s after start, sound",
                    self.path,
                    time.perf_counter() - started,
                )
        finally:
            self.done.set()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5.0)
