"""Ring event → card complete, through the real engine, on big SQLite sources.

DESIGN budget: 3 SQLite sources, 1M customers, 10M purchase lines:
p50 ≤ 15 ms, p99 ≤ 50 ms; resident memory after 1,000 pops ≤ 200 MB and flat.

The floor printed beside our figure is the same four queries (identify,
balance, purchases, credit) plus the cross-sell `owned` query run back to back
with the sqlite3 module on one connection: what a hand-written lookup with no
threads, deadlines or card would cost.

    .venv/bin/python benchmarks/pop_latency.py                # 1M / 10M (builds ~2 GB once)
    .venv/bin/python benchmarks/pop_latency.py --customers 100000 --lines 1000000

The generated databases are kept in benchmarks/.data/ between runs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screenpop.card import Card, Section  # noqa: E402
from screenpop.config.loader import load_config  # noqa: E402
from screenpop.engine import Engine  # noqa: E402
from screenpop.events import CallEvent, CallState  # noqa: E402
from screenpop.frontend import CallInfo  # noqa: E402
from screenpop.health import Health  # noqa: E402

DATA = ROOT / "benchmarks" / ".data"


def phone(i: int) -> str:
    """Distinct valid UK numbers: 020 7xxx xxxx."""
    return f"+44207{i:07d}"


def products() -> list[tuple[str, str]]:
    with gzip.open(ROOT / "screenpop/demo/data/products.csv.gz", "rt", encoding="utf-8") as fh:
        return [(r["product"], r["description"]) for r in csv.DictReader(fh)]


def build(target: Path, customers: int, lines: int) -> None:
    done = target / "complete"
    if done.exists():
        return
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(42)
    prods = products()
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(prods))]  # skewed popularity
    t0 = time.perf_counter()
    for name in ("acct", "sales", "credit"):
        (target / f"{name}.db").unlink(missing_ok=True)
    acct = sqlite3.connect(target / "acct.db")
    acct.executescript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
        "CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT, phone TEXT);"
        "CREATE TABLE ar (customer_id TEXT PRIMARY KEY, balance REAL, overdue REAL,"
        " overdue_days INT, currency TEXT);"
    )
    acct.executemany(
        "INSERT INTO customers VALUES (?, ?, ?)",
        ((f"{i}", f"Customer {i}", phone(i)) for i in range(customers)),
    )
    acct.executemany(
        "INSERT INTO ar VALUES (?, ?, ?, ?, 'GBP')",
        ((f"{i}", round(rng.uniform(0, 5000), 2), 0.0, 0) for i in range(customers)),
    )
    acct.execute("CREATE INDEX customers_phone ON customers (phone)")
    acct.commit()
    acct.close()
    credit = sqlite3.connect(target / "credit.db")
    credit.executescript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
        "CREATE TABLE credit (customer_id TEXT PRIMARY KEY, credit_limit REAL,"
        " risk_grade TEXT, terms TEXT, hold INT);"
    )
    credit.executemany(
        "INSERT INTO credit VALUES (?, ?, ?, 'Net 30', 0)",
        ((f"{i}", rng.choice((1000, 5000, 20000)), rng.choice("ABCD")) for i in range(customers)),
    )
    credit.commit()
    credit.close()
    sales = sqlite3.connect(target / "sales.db")
    sales.executescript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
        "CREATE TABLE lines (customer_id TEXT, date TEXT, product TEXT, description TEXT,"
        " quantity INT, amount REAL);"
    )

    def gen() -> Any:
        chunk = 100_000
        for start in range(0, lines, chunk):
            picks = rng.choices(range(len(prods)), weights=weights, k=min(chunk, lines - start))
            for k, p in enumerate(picks):
                cust = rng.randrange(customers)
                day = 1 + (start + k) % 28
                yield (
                    f"{cust}",
                    f"2011-{1 + cust % 12:02d}-{day:02d}",
                    prods[p][0],
                    prods[p][1],
                    6,
                    15.3,
                )

    sales.executemany("INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?)", gen())
    sales.execute("CREATE INDEX lines_customer ON lines (customer_id, date DESC)")
    sales.commit()
    sales.close()
    done.write_text("ok")
    print(f"built {customers:,} customers / {lines:,} lines in {time.perf_counter() - t0:.0f} s")


CONFIG = """
[agent]
extension = "agent"
region = "GB"
[[source]]
name = "accounting"
kind = "sql"
url = "sqlite:///{d}/acct.db"
section = "balance"
identify = "SELECT id AS customer_id, name FROM customers WHERE phone = :e164"
query = "SELECT balance, overdue, overdue_days, currency FROM ar WHERE customer_id = :customer_id"
[[source]]
name = "sales"
kind = "sql"
url = "sqlite:///{d}/sales.db"
section = "purchases"
query = "SELECT date, product, description, quantity, amount FROM lines WHERE customer_id = :customer_id ORDER BY date DESC LIMIT 10"
owned = "SELECT product FROM lines WHERE customer_id = :customer_id GROUP BY product ORDER BY max(date) DESC"
[[source]]
name = "credit"
kind = "sql"
url = "sqlite:///{d}/credit.db"
section = "credit"
query = "SELECT credit_limit AS \\"limit\\", risk_grade, terms, hold FROM credit WHERE customer_id = :customer_id"
[crosssell]
model = "{model}"
[journal]
local = "{journal}"
"""


class Timer:
    """A listener that notes when each call's card is complete."""

    def __init__(self) -> None:
        self.done: dict[str, float] = {}
        self.cards: dict[str, Card] = {}
        self.cv = threading.Condition()

    def call_ringing(self, call: CallInfo) -> None: ...
    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None: ...
    def section_ready(self, call_id: str, name: str, section: Section) -> None: ...
    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None: ...
    def bridge_health(self, name: str, health: Health) -> None: ...

    def card_complete(self, call_id: str, card: Card) -> None:
        with self.cv:
            self.done[call_id] = time.perf_counter()
            self.cards[call_id] = card
            self.cv.notify_all()


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--pops", type=int, default=1000)
    args = ap.parse_args()
    target = DATA / f"pop-{args.customers}-{args.lines}"
    build(target, args.customers, args.lines)

    from screenpop.demo.build import build_demo

    tmp = Path(tempfile.mkdtemp(prefix="screenpop-bench-"))
    demo = build_demo(DATA / "demo")
    model = demo.crosssell_model
    if not model.exists():
        from screenpop.cli import _build_crosssell

        _build_crosssell(
            load_config(demo.config, use_user_file=False, use_machine_file=False), quiet=True
        )
    cfg_path = tmp / "bench.toml"
    cfg_path.write_text(CONFIG.format(d=target, model=model, journal=tmp / "journal.db"))
    config = load_config(cfg_path, use_user_file=False, use_machine_file=False, environ={})
    engine = Engine(config, runtime_dir=tmp / "run")
    timer = Timer()
    engine.start(timer)
    assert engine.loop is not None
    rng = random.Random(7)
    latencies: list[float] = []
    rss_at: dict[int, float] = {}
    try:
        for n in range(args.pops):
            cust = rng.randrange(args.customers)
            call_id = f"bench-{n}"
            ev = CallEvent(
                call_id=call_id, state=CallState.RINGING, caller_number=phone(cust), bridge="bench"
            )
            sent = time.perf_counter()
            engine.loop.call_soon_threadsafe(engine._on_event, ev)
            with timer.cv:
                timer.cv.wait_for(lambda c=call_id: c in timer.done, timeout=10)  # type: ignore[misc]
            latencies.append((timer.done[call_id] - sent) * 1000)
            card = timer.cards.pop(call_id)
            assert card.customer is not None and card.customer.customer_id == str(cust), card
            assert all(s.ok or s.status == "empty" for s in card.sections.values()), card.sections
            engine.loop.call_soon_threadsafe(
                engine._on_event,
                CallEvent(
                    call_id=call_id,
                    state=CallState.ENDED,
                    caller_number=phone(cust),
                    bridge="bench",
                ),
            )
            if n + 1 in (100, 500, 1000, args.pops):
                rss_at[n + 1] = rss_mb()
    finally:
        engine.stop()

    # The floor: the same queries, back to back, on plain sqlite3 connections.
    conns = {n: sqlite3.connect(target / f"{n}.db") for n in ("acct", "sales", "credit")}
    floor: list[float] = []
    for _ in range(args.pops):
        cust = rng.randrange(args.customers)
        t0 = time.perf_counter()
        cid = (
            conns["acct"]
            .execute("SELECT id, name FROM customers WHERE phone = ?", (phone(cust),))
            .fetchall()[0][0]
        )
        conns["acct"].execute(
            "SELECT balance, overdue, overdue_days, currency FROM ar WHERE customer_id = ?", (cid,)
        ).fetchall()
        conns["sales"].execute(
            "SELECT date, product, description, quantity, amount FROM lines "
            "WHERE customer_id = ? ORDER BY date DESC LIMIT 10",
            (cid,),
        ).fetchall()
        conns["sales"].execute(
            "SELECT product FROM lines WHERE customer_id = ? GROUP BY product ORDER BY max(date) DESC",
            (cid,),
        ).fetchall()
        conns["credit"].execute(
            "SELECT credit_limit, risk_grade, terms, hold FROM credit WHERE customer_id = ?", (cid,)
        ).fetchall()
        floor.append((time.perf_counter() - t0) * 1000)

    print(
        f"\nring → card complete, {args.customers:,} customers, {args.lines:,} lines, "
        f"{args.pops} pops (3 SQLite sources + cross-sells)"
    )
    print(f"{'':24}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    print(
        f"{'screenpop engine':24}{statistics.median(latencies):10.2f}{pct(latencies, 99):10.2f}"
        f"{max(latencies):10.2f}"
    )
    print(
        f"{'floor (raw sqlite3)':24}{statistics.median(floor):10.2f}{pct(floor, 99):10.2f}"
        f"{max(floor):10.2f}"
    )
    print(f"{'budget':24}{15:10.2f}{50:10.2f}")
    print(
        "resident memory (MB) after pops: "
        + ", ".join(f"{k}: {v:.0f}" for k, v in sorted(rss_at.items()))
        + "  (budget ≤ 200, flat)"
    )


if __name__ == "__main__":
    main()
