"""Honest, time-split evaluation of the cross-sell model on real retail data.

Protocol (``../shared/data/README.md``): train on invoices before the split
date; each test customer who bought both before and after it is given only
their pre-split purchases (with the date each product was last bought) and the
top-N suggestions are scored against the products they bought after it that
they had not bought before. Customers whose post-split purchases are all
repeats are left out (nothing to hit). Metrics, averaged over customers:

- hit-rate@N: share of customers with at least one of the N in their new products;
- recall@N: new products found in the N / all their new products.

Models side by side: popularity (distinct customers in training), plain
item-item cosine (customer-level binary co-purchase, owned items weighted
evenly), the previous version of ours (EASE on the 0/1 matrix, λ = 32 x mean
count) and ours (``screenpop.crosssell`` defaults: EASE on a time-weighted
matrix, 60-day half-life, λ = 16 x mean diagonal; recency-weighted scoring).

Settings were chosen on two validation windows carved out of the training
period only: train before 2011-06-01, validate 2011-06-01..2011-09-01
(VALIDATION) and train before 2011-04-01, validate 2011-04-01..2011-06-01
(VALIDATION 2, to check that a choice generalises). ``--tune`` reprints the
grid on both; the test period (from 2011-09-01) was not used to choose
anything. Neither window contains Christmas (the data start 2010-12-01), so
seasonal ideas could not be validated and are not in the model.

Run: ``.venv/bin/python benchmarks/crosssell_eval.py [DATA.csv.gz] [--tune] [--no-test]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._retail import DEFAULT_DATA, read_rows
from screenpop.crosssell import build_model
from screenpop.crosssell.fit import FitParams
from screenpop.sources.base import HistoryRow

EXCLUDE = ("POST", "M")
#: The model before the time-weighted training matrix (for comparison).
PREVIOUS = FitParams(l2_per_mean_count=32.0, train_half_life_days=None)
Recommender = Callable[["Customer", int], list[str]]


@dataclass(frozen=True, slots=True)
class Customer:
    customer_id: str
    owned: list[str]  # most recently bought first
    last_bought: dict[str, str]  # product -> ISO date of last purchase before the split
    new: frozenset[str]  # bought after the split, not before


@dataclass(frozen=True, slots=True)
class Scores:
    hit5: float
    recall5: float
    hit10: float
    recall10: float


def split_customers(
    rows: Sequence[HistoryRow], split: str, end: str | None
) -> tuple[list[HistoryRow], list[Customer], int]:
    """Training lines, evaluable test customers, and test customers with no history."""
    train = [r for r in rows if r.date < split]
    last: dict[str, dict[str, str]] = {}
    for r in train:
        d = last.setdefault(r.customer_id, {})
        if r.date > d.get(r.product, ""):
            d[r.product] = r.date
    after: dict[str, set[str]] = {}
    for r in rows:
        if r.date >= split and (end is None or r.date < end):
            after.setdefault(r.customer_id, set()).add(r.product)
    customers = []
    cold = 0
    for cid in sorted(after):
        if cid not in last:
            cold += 1
            continue
        own = last[cid]
        new = frozenset(after[cid] - own.keys())
        if new:
            order = sorted(own, key=lambda p: (own[p], p), reverse=True)
            customers.append(Customer(cid, order, dict(own), new))
    return train, customers, cold


def score(customers: Sequence[Customer], recommend: Recommender) -> Scores:
    h5 = r5 = h10 = r10 = 0.0
    for c in customers:
        got = recommend(c, 10)
        k5 = len(c.new.intersection(got[:5]))
        k10 = len(c.new.intersection(got[:10]))
        h5 += k5 > 0
        r5 += k5 / len(c.new)
        h10 += k10 > 0
        r10 += k10 / len(c.new)
    n = max(len(customers), 1)
    return Scores(h5 / n, r5 / n, h10 / n, r10 / n)


class Matrix:
    """Customer x product binary purchase matrix of the training lines."""

    def __init__(self, train: Sequence[HistoryRow]) -> None:
        cust: dict[str, int] = {}
        prod: dict[str, int] = {}
        pairs = {
            (cust.setdefault(r.customer_id, len(cust)), prod.setdefault(r.product, len(prod)))
            for r in train
            if r.product not in EXCLUDE
        }
        rows, cols = (np.array(a, dtype=np.int64) for a in zip(*sorted(pairs), strict=True))
        self.codes = list(prod)
        self.index = prod
        self.x = sp.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(len(cust), len(prod)))
        self.counts = np.asarray(self.x.sum(axis=0)).ravel()


def popularity(m: Matrix) -> Recommender:
    order = np.lexsort((np.arange(len(m.codes)), -m.counts))
    ranked = [m.codes[i] for i in order]

    def rec(c: Customer, n: int) -> list[str]:
        own = c.last_bought
        return [p for p in ranked if p not in own][:n]

    return rec


def cosine(m: Matrix) -> Recommender:
    co = (m.x.T @ m.x).toarray()
    np.fill_diagonal(co, 0.0)
    norm = np.sqrt(np.maximum(m.counts, 1.0))
    sim = co / norm[:, None] / norm[None, :]

    def rec(c: Customer, n: int) -> list[str]:
        idx = [m.index[p] for p in c.owned if p in m.index]
        s = sim[idx].sum(axis=0) if idx else np.zeros(len(m.codes))
        s[idx] = -np.inf
        top = np.lexsort((np.arange(s.size), -s))[:n]
        return [m.codes[i] for i in top if s[i] > 0]

    return rec


def ours(train: Sequence[HistoryRow], params: FitParams, timings: list[float]) -> Recommender:
    model = build_model(train, exclude=EXCLUDE, params=params)

    def rec(c: Customer, n: int) -> list[str]:
        t = time.perf_counter()
        got = model.suggest(c.owned, top=n, last_bought=c.last_bought)
        timings.append(time.perf_counter() - t)
        return [s.product for s in got]

    return rec


def table(title: str, results: dict[str, Scores], n: int) -> None:
    print(f"\n{title}  ({n} customers)")
    print(f"  {'model':<34} {'hit@5':>7} {'recall@5':>9} {'hit@10':>7} {'recall@10':>10}")
    for name, s in results.items():
        print(f"  {name:<34} {s.hit5:7.4f} {s.recall5:9.4f} {s.hit10:7.4f} {s.recall10:10.4f}")


def evaluate(
    rows: Sequence[HistoryRow], split: str, end: str | None, title: str, params: FitParams
) -> None:
    train, customers, cold = split_customers(rows, split, end)
    m = Matrix(train)
    timings: list[float] = []
    t = time.perf_counter()
    mine = ours(train, params, timings)
    built = time.perf_counter() - t
    results = {
        "popularity": score(customers, popularity(m)),
        "item-item cosine": score(customers, cosine(m)),
        "previous ours (EASE 0/1, lam 32)": score(customers, ours(train, PREVIOUS, [])),
        "ours (EASE time-weighted)": score(customers, mine),
    }
    table(f"{title}: train < {split}, test {split}..{end or 'end'}", results, len(customers))
    ms = np.array(timings) * 1000
    print(
        f"  ({len(train):,} training lines; {cold} test customers without history not scored; "
        f"our build {built:.1f} s, suggest p50 {np.percentile(ms, 50):.3f} ms, "
        f"p99 {np.percentile(ms, 99):.3f} ms)"
    )


def tune(rows: Sequence[HistoryRow], windows: Sequence[tuple[str, str]]) -> None:
    """The validation grid the defaults were chosen from (training period only)."""
    data = [split_customers(rows, split, end)[:2] for split, end in windows]
    names = "  ".join(f"{a}..{b} ({len(c)})" for (a, b), (_, c) in zip(windows, data, strict=True))
    print(f"\nvalidation grid, hit@5 per window and mean: {names}")
    print(f"  {'train half-life d':>17} {'lambda x mean':>13}   hit@5 ...   mean")
    for thl in (None, 30.0, 45.0, 60.0, 90.0):
        for l2 in (8.0, 16.0, 32.0, 64.0):
            p = replace(FitParams(), l2_per_mean_count=l2, train_half_life_days=thl)
            hits = [score(c, ours(train, p, [])).hit5 for train, c in data]
            thl_s = "none" if thl is None else f"{thl:.0f}"
            cells = " ".join(f"{h:7.4f}" for h in hits)
            print(f"  {thl_s:>17} {l2:13.0f} {cells} {sum(hits) / len(hits):7.4f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", default="2011-09-01", help="test period starts here")
    ap.add_argument("--val-start", default="2011-06-01", help="validation period starts here")
    ap.add_argument("--val2-start", default="2011-04-01", help="second validation window start")
    ap.add_argument("--tune", action="store_true", help="print the validation grid too")
    ap.add_argument("--no-test", action="store_true", help="validation windows only")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    rows = sorted(read_rows(args.data), key=lambda r: r.date)
    print(f"{len(rows):,} lines from {args.data} in {time.perf_counter() - t:.1f} s")
    params = FitParams()
    print(
        f"our settings (chosen on validation only): training half-life "
        f"{params.train_half_life_days:g} d, lambda = {params.l2_per_mean_count:g} x mean "
        f"diagonal, {params.neighbours} neighbours, scoring half-life {params.half_life_days:g} d"
    )
    windows = [(args.val_start, args.split), (args.val2_start, args.val_start)]
    if args.tune:
        tune(rows, windows)
    evaluate(rows, args.val_start, args.split, "VALIDATION", params)
    evaluate(rows, args.val2_start, args.val_start, "VALIDATION 2", params)
    if not args.no_test:
        evaluate(rows, args.split, None, "TEST", params)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
