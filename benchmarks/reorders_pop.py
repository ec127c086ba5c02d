"""Reorders and cross-sells at pop time, on the real data, through the real engine.

1. **Ring → card complete** for the heaviest real customer (the most lines:
   7,570 lines, 1,319 products) and for customers drawn at random, through
   the running engine (bridge loop, lookup, every section) with the demo's
   configuration: four SQLite sources, credit terms, value tier, and the
   cross-sell and reorder sections reading the customer's whole history per
   pop. The card cache is off, so every ring does all the work. Beside it
   the floor: the same SQL run back to back on plain sqlite3 connections.
2. **Scoring per pop**: the reorders and cross-sells sections' own work (the
   feed's rows to the two finished sections) for every customer, timed
   apart from the database; the DESIGN budget is 2 ms for both together.
3. **Without numpy**: the same scoring written in plain Python (dicts,
   ``math``), checked to give the same products, and timed the same way:
   whether the agent bundle could drop numpy (it aborts under Wine 8).

Run: ``.venv/bin/python benchmarks/reorders_pop.py [--pops N]``
(builds the demo in benchmarks/.data/demo-reorders once).
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screenpop.card import Card, Section, Status  # noqa: E402
from screenpop.config.loader import load_config  # noqa: E402
from screenpop.crosssell.history import Purchases, day_of, feed_rows  # noqa: E402
from screenpop.crosssell.modelfile import SalesModel  # noqa: E402
from screenpop.crosssell.sections import HISTORY, cross_sells, reorders  # noqa: E402
from screenpop.engine import Engine  # noqa: E402
from screenpop.events import CallEvent, CallState  # noqa: E402
from screenpop.frontend import CallInfo  # noqa: E402
from screenpop.health import Health  # noqa: E402

DATA = ROOT / "benchmarks" / ".data"


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
    def journal_health(self, name: str, health: Health) -> None: ...

    def card_complete(self, call_id: str, card: Card) -> None:
        with self.cv:
            self.done[call_id] = time.perf_counter()
            self.cards[call_id] = card
            self.cv.notify_all()


def pct(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(name: str, ms: Sequence[float], extra: str = "") -> str:
    return (
        f"  {name:<44}{statistics.median(ms):8.2f}{pct(ms, 99):8.2f}{max(ms):8.2f}  {extra}"
    )


def demo() -> Any:
    from screenpop.cli import main as cli
    from screenpop.demo.build import build_demo

    d = build_demo(DATA / "demo-reorders")
    if not d.crosssell_model.exists():
        cli(["crosssell", "build", "--config", str(d.config)])
    return d


def customers(sales: Path) -> tuple[str, list[str]]:
    con = sqlite3.connect(sales)
    try:
        heaviest = con.execute(
            "SELECT customer_id FROM lines GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        everyone = [r[0] for r in con.execute("SELECT DISTINCT customer_id FROM lines")]
    finally:
        con.close()
    return heaviest, sorted(everyone)


def phones(accounting: Path) -> dict[str, str]:
    con = sqlite3.connect(accounting)
    try:
        return dict(con.execute("SELECT customer_id, phone_e164 FROM customers"))
    finally:
        con.close()


# ------------------------------------------------------------ 1. ring → card --


def ring(config_path: Path, numbers: list[str], runtime: Path) -> list[tuple[float, Card]]:
    config = load_config(config_path, use_user_file=False, use_machine_file=False, environ={})
    config = config.model_copy(update={"bridge": ()})
    engine = Engine(config, journal_path=runtime / "journal.db", runtime_dir=runtime / "run")
    timer = Timer()
    engine.start(timer)
    assert engine.loop is not None and engine.lookup is not None
    engine.lookup.cache.size = 0  # every ring does the whole lookup
    out: list[tuple[float, Card]] = []
    try:
        for n, number in enumerate(numbers):
            call_id = f"bench-{n}"
            event = CallEvent(
                call_id=call_id, state=CallState.RINGING, caller_number=number, bridge="bench"
            )
            sent = time.perf_counter()
            engine.loop.call_soon_threadsafe(engine._on_event, event)
            with timer.cv:
                timer.cv.wait_for(lambda c=call_id: c in timer.done, timeout=10)  # type: ignore[misc]
            out.append(((timer.done[call_id] - sent) * 1000, timer.cards.pop(call_id)))
            engine.loop.call_soon_threadsafe(
                engine._on_event,
                CallEvent(call_id=call_id, state=CallState.ENDED, caller_number=number,
                          bridge="bench"),
            )
    finally:
        engine.stop()
    return out


def floor(d: Any, ids: list[str], phone: dict[str, str], history_sql: str) -> list[float]:
    """The pop's SQL, back to back, on plain sqlite3 connections (no threads, no card)."""
    acct = sqlite3.connect(d.accounting)
    sales = sqlite3.connect(d.sales)
    credit = sqlite3.connect(d.credit)
    out = []
    for cid in ids:
        t = time.perf_counter()
        acct.execute(
            "SELECT customer_id, name FROM customers WHERE phone_e164 = ?", (phone[cid],)
        ).fetchall()
        acct.execute("SELECT balance, overdue, overdue_days, currency FROM ar "
                     "WHERE customer_id = ?", (cid,)).fetchall()
        sales.execute("SELECT date, product, description, quantity, amount FROM lines "
                      "WHERE customer_id = ? ORDER BY date DESC LIMIT 10", (cid,)).fetchall()
        sales.execute("SELECT round(sum(amount), 2), count(DISTINCT invoice), min(date), "
                      "max(date) FROM lines WHERE customer_id = ?", (cid,)).fetchall()
        sales.execute(history_sql.replace(":customer_id", "?"), (cid,)).fetchall()
        credit.execute("SELECT credit_limit, risk_grade, terms, hold, hold_reason FROM credit "
                       "WHERE customer_id = ?", (cid,)).fetchall()
        out.append((time.perf_counter() - t) * 1000)
    return out


# ---------------------------------------------------------- 2. scoring --


def history_rows(d: Any, ids: list[str]) -> dict[str, list[tuple[str, str, int, int, int]]]:
    from screenpop.sources.registry import build_all

    config = load_config(d.config, use_user_file=False, use_machine_file=False, environ={})
    sales = next(s for s in build_all(config) if s.name == "sales")
    try:
        return {cid: sales.product_history({"customer_id": cid}) for cid in ids}  # type: ignore[attr-defined]
    finally:
        sales.close()


def time_scoring(
    model: SalesModel, feeds: dict[str, Section], as_of: str
) -> tuple[dict[str, float], dict[str, float], dict[str, tuple[list[str], list[str]]]]:
    """Wall and thread-CPU ms of both sections' compute, per customer; their products."""
    re_ = reorders(model, 5, ("POST", "M", "DOT", "C2", "BANK CHARGES"), as_of)
    cs = cross_sells(model, 5, ("POST", "M", "DOT", "C2", "BANK CHARGES"), "history", as_of)
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    got: dict[str, tuple[list[str], list[str]]] = {}
    for cid, feed in feeds.items():
        inputs = {HISTORY: feed}
        c0 = time.thread_time()
        t0 = time.perf_counter()
        r = re_.compute(inputs)
        x = cs.compute(inputs)
        wall[cid] = (time.perf_counter() - t0) * 1000
        cpu[cid] = (time.thread_time() - c0) * 1000
        got[cid] = (
            [i["product"] for i in r.data or ()],
            [i["product"] for i in x.data or ()],
        )
    return wall, cpu, got


# ---------------------------------------------------- 3. without numpy --


class PurePython:
    """The same scoring as ``screenpop.crosssell`` in plain Python, for the measurement."""

    def __init__(self, model: SalesModel) -> None:
        cs = model.cross_sells
        a = cs.arrays
        self.info = cs.info
        self.codes = cs.codes
        self.index = cs.index
        ptr = a["indptr"].tolist()
        idx = a["indices"].tolist()
        w = a["weights"].astype(float).tolist()
        self.neigh = [list(zip(idx[ptr[i]:ptr[i + 1]], w[ptr[i]:ptr[i + 1]], strict=True))
                      for i in range(len(self.codes))]
        sptr = a["sim_indptr"].tolist()
        sidx = a["sim_indices"].tolist()
        sval = a["sim_values"].astype(float).tolist()
        self.sim = [dict(zip(sidx[sptr[i]:sptr[i + 1]], sval[sptr[i]:sptr[i + 1]], strict=True))
                    for i in range(len(self.codes))]
        self.first = a["first_day"].tolist()
        self.term = model.reorders._term.tolist()
        self.weights = model.reorders.weights

    def reorders(self, p: Purchases, today: int, exclude: frozenset[str]) -> list[str]:
        w = self.weights
        unknown = len(self.term) - 1
        scored = []
        for k, code in enumerate(p.products):
            if code in exclude:
                continue
            z = (w.times * math.log1p(p.times[k]) + w.age * math.log1p(max(today - p.last[k], 0))
                 + self.term[self.index.get(code, unknown)] + w.intercept)
            scored.append((-z, code))
        return [c for _, c in heapq.nsmallest(5, scored)]

    def cross_sells(self, p: Purchases, today: int, exclude: frozenset[str]) -> list[str]:
        info = self.info
        owned = []
        blocked = set()
        for k, code in enumerate(p.products):
            i = self.index.get(code)
            if i is not None:
                owned.append((i, p.last[k]))
                blocked.add(i)
        for code in exclude:
            i = self.index.get(code)
            if i is not None:
                blocked.add(i)
        if not owned:
            return []
        newest = max(d for _, d in owned)
        weights = [(i, 0.5 ** ((newest - d) / info.half_life_days)) for i, d in owned]
        if len(weights) > info.owned_cap:
            weights = heapq.nlargest(info.owned_cap, weights, key=lambda iw: (iw[1], -iw[0]))
        total = sum(x for _, x in weights)
        scores: dict[int, float] = {}
        for i, x in sorted(weights):
            x /= total
            for j, wj in self.neigh[i]:
                scores[j] = scores.get(j, 0.0) + wj * x
        for j in list(scores):
            if j in blocked or scores[j] <= 0:
                del scores[j]
            elif 0 <= today - self.first[j] < info.new_days and self.first[j] >= 0:
                scores[j] *= 1.0 + info.new_boost
        pool = heapq.nsmallest(info.diverse_pool, scores, key=lambda j: (-scores[j], j))
        if not pool:
            return []
        top = scores[pool[0]]
        near = dict.fromkeys(pool, 0.0)
        picked: list[int] = []
        while pool and len(picked) < 5:
            best = max(pool, key=lambda j: (scores[j] / top - info.diverse_penalty * near[j], -j))
            picked.append(best)
            pool.remove(best)
            for j, s in self.sim[best].items():
                if j in near and s > near[j]:
                    near[j] = s
        return [self.codes[j] for j in picked]


def time_pure(
    pure: PurePython, feeds: dict[str, Section], as_of: str
) -> tuple[dict[str, float], dict[str, tuple[list[str], list[str]]]]:
    today = day_of(as_of)
    assert today is not None
    skip = frozenset({"POST", "M", "DOT", "C2", "BANK CHARGES"})
    wall: dict[str, float] = {}
    got: dict[str, tuple[list[str], list[str]]] = {}
    for cid, feed in feeds.items():
        t0 = time.perf_counter()
        p = Purchases.of(feed.data)
        r = pure.reorders(p, today, skip)
        x = pure.cross_sells(p, today, skip)
        wall[cid] = (time.perf_counter() - t0) * 1000
        got[cid] = (r, x)
    return wall, got


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--pops", type=int, default=300, help="rings of the heaviest customer")
    ap.add_argument("--random", type=int, default=300, help="rings of random customers")
    args = ap.parse_args(argv)
    d = demo()
    config = load_config(d.config, use_user_file=False, use_machine_file=False, environ={})
    as_of = config.crosssell.as_of
    heaviest, everyone = customers(d.sales)
    phone = phones(d.accounting)
    rng = random.Random(5)
    sample = [rng.choice(everyone) for _ in range(args.random)]
    model = SalesModel.load(Path(str(config.crosssell.model)))

    # 1. ring -> card complete
    with tempfile.TemporaryDirectory(prefix="screenpop-reorders-") as tmp:
        heavy = ring(d.config, [phone[heaviest]] * args.pops, Path(tmp) / "a")
        rand = ring(d.config, [phone[c] for c in sample], Path(tmp) / "b")
    card = heavy[-1][1]
    for name in ("reorders", "cross_sells"):
        assert card.sections[name].ok, card.sections[name]
    from screenpop.sources.registry import build_all

    sales = next(s for s in build_all(config) if s.name == "sales")
    history_sql = sales.product_history_sql()  # type: ignore[attr-defined]
    sales.close()
    con = sqlite3.connect(d.sales)
    n_lines, n_products = con.execute(
        "SELECT count(*), count(DISTINCT product) FROM lines WHERE customer_id = ?", (heaviest,)
    ).fetchone()
    con.close()
    print("\n1. ring -> card complete (demo config: 4 SQLite sources, credit, value, "
          "reorders, cross-sells; card cache off)")
    print(f"  {'':44}{'p50':>8}{'p99':>8}{'max':>8}  ms")
    print(line(f"heaviest customer {heaviest} ({n_lines:,} lines, {n_products:,} products)",
               [m for m, _ in heavy], f"{len(heavy)} rings"))
    print(line("random customers", [m for m, _ in rand], f"{len(rand)} rings"))
    print(line("floor: the same SQL on plain sqlite3, heaviest",
               floor(d, [heaviest] * 50, phone, history_sql)))
    print(line("floor: random customers", floor(d, sample, phone, history_sql)))
    print(f"  {'budget':<44}{15:8.2f}{50:8.2f}")

    # 2. scoring per pop
    rows = history_rows(d, everyone)
    feed_ms: dict[str, float] = {}
    feeds: dict[str, Section] = {}
    for cid, r in rows.items():
        if r:
            t0 = time.perf_counter()
            feeds[cid] = Section(Status.OK, data=feed_rows(r, model.cross_sells.lookup))
            feed_ms[cid] = (time.perf_counter() - t0) * 1000
    for _ in range(2):  # warm up
        wall, cpu, ours = time_scoring(model, {heaviest: feeds[heaviest]}, as_of)
    wall, cpu, ours = time_scoring(model, feeds, as_of)
    heavy_wall = [time_scoring(model, {heaviest: feeds[heaviest]}, as_of)[0][heaviest]
                  for _ in range(200)]
    sizes = sorted(len(Purchases.of(f.data)) for f in feeds.values())
    print(f"\n2. scoring per pop: reorders + cross-sells sections from the feed's rows "
          f"({len(feeds):,} real customers, products each: median {sizes[len(sizes) // 2]}, "
          f"max {sizes[-1]:,})")
    print(f"  {'':44}{'p50':>8}{'p99':>8}{'max':>8}  ms")
    print(line("every customer, wall", list(wall.values())))
    print(line("every customer, thread CPU", list(cpu.values())))
    print(line(f"heaviest customer {heaviest}, 200 times, wall", heavy_wall))
    both = [wall[c] + feed_ms[c] for c in wall]
    print(line("every customer, with the feed's model look-ups", both))
    print(f"  {'budget (both sections)':<44}{2:8.2f}{2:8.2f}")

    # 3. without numpy
    pure = PurePython(model)
    pwall, pgot = time_pure(pure, feeds, as_of)
    heavy_pure = [time_pure(pure, {heaviest: feeds[heaviest]}, as_of)[0][heaviest]
                  for _ in range(50)]
    same_r = sum(sorted(pgot[c][0]) == sorted(ours[c][0]) for c in feeds)
    same_x = sum(pgot[c][1] == ours[c][1] for c in feeds)
    print("\n3. the same scoring in plain Python (no numpy)")
    print(f"  {'':44}{'p50':>8}{'p99':>8}{'max':>8}  ms")
    print(line("every customer, wall", list(pwall.values())))
    print(line(f"heaviest customer {heaviest}, 50 times, wall", heavy_pure))
    print(f"  same reorders for {same_r:,} / {len(feeds):,} customers, same cross-sells "
          f"for {same_x:,} / {len(feeds):,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
