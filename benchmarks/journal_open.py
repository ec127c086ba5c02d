"""What opening the local journal costs, with its integrity check, on a large journal.

DESIGN budget: cold start of the app to ready ≤ 1.5 s, the journal's open
included. The journal refuses a damaged file (``screenpop/journal/integrity.py``);
this measures each way of checking on a journal of ``--calls`` calls (100,000
by default: a busy desk's year, every call with its card, ~450 MB) so that the
check at open is chosen by these figures:

- ``Journal(check=...)``: ``none`` (the floor: open and schema probe only),
  ``bounded`` (what the app does: roots + ``quick_check`` within
  ``OPEN_BUDGET_S``), ``full`` (``doctor``: all of ``quick_check``);
- the raw SQLite checks: roots only, ``PRAGMA quick_check``, ``PRAGMA integrity_check``;
- the background check after start (``bounded``'s rest): how long until it is done;
- a copy with random bytes at offset 40960 (the break-it finding): how fast it is refused;
- ``Journal.remember_event`` (the replay guard, once per webhook request):
  per call, beside the floor of a bare ``INSERT OR IGNORE`` with ``synchronous=FULL``.

"warm": the file is in the OS page cache. "cold": the file's pages are
dropped from the cache first (``posix_fadvise(DONTNEED)`` on the journal's
files only), as after a reboot.

    .venv/bin/python benchmarks/journal_open.py                 # 100,000 calls
    .venv/bin/python benchmarks/journal_open.py --calls 20000 --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screenpop.journal import Journal, JournalError  # noqa: E402
from screenpop.journal.integrity import BackgroundCheck, check_roots  # noqa: E402

CARD = {
    "number": {"received": "+44 20 7946 0958", "e164": "+442079460958", "valid": True},
    "customer": {"customer_id": "17850", "name": "Acme Trading Ltd"},
    "matches": [{"customer_id": "17850", "name": "Acme Trading Ltd"}],
    "sections": {
        "balance": {
            "status": "ok",
            "source": "accounting",
            "data": {"balance": 120.5, "currency": "GBP", "overdue": 0},
        },
        "purchases": {
            "status": "ok",
            "source": "sales",
            "data": [
                {
                    "date": f"2011-05-0{i}",
                    "product": f"2272{i}",
                    "description": "JUMBO BAG RED RETROSPOT",
                    "quantity": 6,
                    "amount": 15.3,
                }
                for i in range(10)
            ],
        },
        "cross_sells": {
            "status": "ok",
            "data": [
                {
                    "product": f"2038{i}",
                    "description": "LUNCH BAG BLACK SKULL",
                    "score": 0.41,
                    "reason": "bought with JUMBO BAG RED RETROSPOT by 38 customers",
                }
                for i in range(5)
            ],
        },
        "credit": {
            "status": "ok",
            "source": "credit",
            "data": {"limit": 5000, "available": 4879.5, "terms": ["Net 30"], "hold": False},
        },
    },
    "latency_ms": {"identify": 1.2, "balance": 0.8, "total": 4.1},
}
COLUMNS = (
    "call_id, bridge, number_received, number_e164, caller_name, called, state, ringing_at, "
    "answered_at, ended_at, answered_by, answered_elsewhere, customer_id, customer_name, "
    "matches, pop_latency_ms, failed_sections, card_json, disposition, notes, notes_draft, "
    "wrapped_up_at, updated_at"
)


def build(path: Path, calls: int) -> None:
    """A journal of ``calls`` answered calls, created by screenpop, filled in bulk."""
    Journal(path).close()
    card = json.dumps(CARD, separators=(",", ":"))
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous = OFF")
    t0 = 1.7e9
    for start in range(0, calls, 10_000):
        rows, events = [], []
        for i in range(start, min(calls, start + 10_000)):
            ts = t0 + i * 30
            rows.append(
                (
                    f"call-{i}@pbx",
                    "demo",
                    f"+44 20 7946 {i % 10000:04d}",
                    f"+4420794{i % 100000:05d}",
                    f"Caller {i}",
                    "agent",
                    "ended",
                    ts,
                    ts + 5,
                    ts + 120,
                    "agent",
                    0,
                    str(i % 5000),
                    f"Customer {i}",
                    1,
                    4.2,
                    "[]",
                    card,
                    "sale",
                    f"notes about call {i}",
                    None,
                    ts + 130,
                    ts + 130,
                )
            )
            for state, after in (("ringing", 0), ("answered", 5), ("ended", 120)):
                events.append((f"call-{i}@pbx", state, ts + after, "demo", "agent", ts + after))
        con.executemany(f"INSERT INTO calls ({COLUMNS}) VALUES ({', '.join('?' * 23)})", rows)
        con.executemany(
            "INSERT INTO call_events (call_id, state, ts, bridge, agent, received_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            events,
        )
        con.commit()
    con.execute("DELETE FROM outbox")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def evict(path: Path) -> None:
    """Drop the journal's pages from the OS page cache (this file only)."""
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            fd = os.open(file, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def timed(fn: Callable[[], object], path: Path, runs: int, cold: bool) -> list[float]:
    out = []
    for _ in range(runs):
        if cold:
            evict(path)
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def show(label: str, ms: list[float]) -> None:
    print(f"  {label:<46} p50 {statistics.median(ms):8.1f} ms   max {max(ms):8.1f} ms")


def pragma(path: Path, sql: str) -> Callable[[], object]:
    def run() -> object:
        con = sqlite3.connect(path)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    return run


def open_close(path: Path, check: str) -> Callable[[], object]:
    def run() -> object:
        Journal(path, check=check).close()  # type: ignore[arg-type]
        return None

    return run


def background(path: Path) -> Callable[[], object]:
    def run() -> object:
        checker = BackgroundCheck(path)
        checker.done.wait()
        assert checker.damage is None, checker.damage
        return None

    return run


def remember(path: Path, runs: int) -> None:
    with Journal(path, check="none") as journal:
        now = time.time()
        for i in range(200):  # the table as it is after a busy quarter hour
            journal.remember_event(f"warm-{i}", now)
        ms = []
        for i in range(runs):
            started = time.perf_counter()
            assert journal.remember_event(f"bench-{i}", time.time())
            ms.append((time.perf_counter() - started) * 1000)
        replay = []
        for i in range(runs):
            started = time.perf_counter()
            assert not journal.remember_event(f"bench-{i}", time.time())
            replay.append((time.perf_counter() - started) * 1000)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    floor = []
    for i in range(runs):
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT OR IGNORE INTO seen_events VALUES (?, ?)", (f"floor-{i}", 0.0))
        con.execute("COMMIT")
        floor.append((time.perf_counter() - started) * 1000)
    con.close()
    print("remember_event (durable, synchronous=FULL):")
    show("Journal.remember_event, new key", ms)
    show("Journal.remember_event, replayed key", replay)
    show("floor: bare INSERT OR IGNORE + COMMIT", floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="journal-open-"))
    try:
        path = work / "journal.db"
        started = time.perf_counter()
        build(path, args.calls)
        size = path.stat().st_size / 1e6
        print(
            f"journal of {args.calls:,} calls: {size:.0f} MB "
            f"(built in {time.perf_counter() - started:.0f} s)"
        )
        for cold in (False, True):
            print("cold (file dropped from the page cache):" if cold else "warm (in page cache):")
            rows = [
                ("floor: Journal(check='none')", open_close(path, "none")),
                ("Journal(check='bounded')  [the app]", open_close(path, "bounded")),
                ("Journal(check='full')  [doctor]", open_close(path, "full")),
                ("roots only (check_roots)", lambda: check_roots(path)),
                ("PRAGMA quick_check", pragma(path, "PRAGMA quick_check")),
                ("PRAGMA integrity_check", pragma(path, "PRAGMA integrity_check")),
                ("background check after start, to done", background(path)),
            ]
            for label, fn in rows:
                pragma(path, "SELECT count(*) FROM calls")()  # warm what "warm" means
                show(label, timed(fn, path, args.runs, cold))
        damaged = work / "damaged.db"
        shutil.copyfile(path, damaged)
        with damaged.open("r+b") as f:
            f.seek(40960)
            f.write(os.urandom(4096))
        started = time.perf_counter()
        try:
            Journal(damaged).close()
            print("random bytes at offset 40960: NOT refused")
        except JournalError as exc:
            print(
                f"random bytes at offset 40960: refused in "
                f"{(time.perf_counter() - started) * 1000:.0f} ms: {str(exc)[:90]}..."
            )
        remember(path, 200)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
