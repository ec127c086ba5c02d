"""Reorders and cross-sells on the real retail data, through the product's own path.

For every split: the purchase lines before it go into a SQLite sales
database; the configuration is the contract's (a sales source with ``query``
and ``history``, no ``owned``; ``[crosssell] as_of`` = the split day);
``screenpop crosssell build`` builds the model; each test customer is looked
up through the engine (``Engine.lookup_once``, what ``screenpop lookup
--json`` does) and scored on what the card's ``reorders`` and
``cross_sells`` sections say. Nothing calls the model directly.

Protocols (``benchmarks/_protocol.py``): reorders, hit-rate@5 against every
product bought in the 90 days after the split (issue 14); cross-sells,
hit-rate@5 against the products bought after the split that the customer had
never bought (``../shared/data/README.md``). Splits: the README's (2011-09-01;
cross-sells to the end of the data) and rolling monthly splits on the first
of each month 2011-06..2011-10 (cross-sells: that month; reorders: 90 days,
cut at the end of the data for October). Baselines beside ours, each with
its standard error; over the rolling splits, the mean ± standard error of
the split means.

Settings were chosen before any of these splits was scored: the cross-sell
ones on monthly windows 2011-03, 2011-04 and 2011-05 (``--tune`` prints the
grid, on the model directly because it is fast); the reorder model fits its
own weights at each build on the 90 days before the split.

Run: ``.venv/bin/python benchmarks/crosssell_eval.py [DATA.csv.gz] [--workdir D] [--owned] [--tune]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._protocol import (
    History,
    Recs,
    Score,
    crosssell_baselines,
    crosssell_targets,
    hit_rate,
    mean_se,
    paired,
    reorder_baselines,
    reorder_targets,
)
from benchmarks._retail import DEFAULT_DATA, read_rows
from benchmarks._salesdb import ConfiguredShop
from screenpop.sources.base import HistoryRow

README_SPLIT = "2011-09-01"
ROLLING = ("2011-06-01", "2011-07-01", "2011-08-01", "2011-09-01", "2011-10-01")
HORIZON = 90
OURS = "screenpop (engine, configured source)"


def next_month(iso: str) -> str:
    y, m = int(iso[:4]), int(iso[5:7])
    return f"{y + m // 12}-{m % 12 + 1:02d}-01"


class SplitResult:
    """Every model's score on one split, for both protocols, and ours against the best
    baseline on the same customers (paired difference and its standard error)."""

    def __init__(
        self,
        split: str,
        reorders: dict[str, Score],
        cross: dict[str, Score],
        lead: dict[str, tuple[str, float, float]],
    ) -> None:
        self.split = split
        self.reorders = reorders
        self.cross = cross
        self.lead = lead


def run_split(
    rows: Sequence[HistoryRow],
    split: str,
    cross_end: str | None,
    workdir: Path,
    *,
    owned: bool = False,
) -> SplitResult:
    hist = History(rows, split)
    rt = reorder_targets(rows, hist, HORIZON)
    ct = crosssell_targets(rows, hist, cross_end)
    customers = sorted(set(rt) | set(ct))
    name = f"{split}{'-owned' if owned else ''}"
    shop = ConfiguredShop(
        workdir / name, (r for r in rows if r.date < split), as_of=split, owned=owned
    )
    t = time.perf_counter()
    pops = shop.pops(customers)
    lookups_s = time.perf_counter() - t
    ours_r: Recs = {c: p.reorders for c, p in pops.items()}
    ours_x: Recs = {c: p.cross_sells for c, p in pops.items()}
    base_r = reorder_baselines(hist, sorted(rt))
    base_x = crosssell_baselines(hist, sorted(ct))
    reorders = {k: hit_rate(rt, v) for k, v in base_r.items()}
    cross = {k: hit_rate(ct, v) for k, v in base_x.items()}
    lead: dict[str, tuple[str, float, float]] = {}
    shown = {p.statuses[0] for p in pops.values()} != {"absent"}
    if shown:
        reorders[OURS] = hit_rate(rt, ours_r)
        best = max(base_r, key=lambda k: reorders[k].hit)
        lead["reorders"] = (best, *paired(rt, ours_r, base_r[best]))
    cross[OURS] = hit_rate(ct, ours_x)
    best = max(base_x, key=lambda k: cross[k].hit)
    lead["cross-sells"] = (best, *paired(ct, ours_x, base_x[best]))
    ms = np.array([p.total_ms for p in pops.values()])
    bad = sum(1 for p in pops.values() if "unavailable" in p.statuses or "timeout" in p.statuses)
    print(
        f"\n== split {split}{' (per_pop = owned)' if owned else ''}: train before {split}; "
        f"reorders {split}..+{HORIZON} d ({len(rt):,} customers), cross-sells "
        f"{split}..{cross_end or 'end'} ({len(ct):,} customers)\n"
        f"   build {shop.build_s:.1f} s; {len(customers):,} lookups in {lookups_s:.1f} s "
        f"(card p50 {np.percentile(ms, 50):.1f} ms, p99 {np.percentile(ms, 99):.1f} ms); "
        f"failed sections: {bad}"
    )
    table("reorders, hit-rate@5", reorders)
    if not shown:
        print(f"     {OURS:<42} no reorders section (products only, no dates)")
    table("cross-sells, hit-rate@5", cross)
    for what, (best, diff, se) in lead.items():
        print(f"   {what}: ours - {best} = {diff:+.3f} ± {se:.3f} (paired, same customers)")
    return SplitResult(split, reorders, cross, lead)


def table(title: str, scores: Mapping[str, Score]) -> None:
    print(f"   {title}")
    for name, s in scores.items():
        mark = "  <- ours" if name == OURS else ""
        print(f"     {name:<42} {s}{mark}")


def rolling_summary(results: Sequence[SplitResult]) -> None:
    print(f"\n== rolling monthly splits {', '.join(r.split for r in results)}")
    for title, pick in (("reorders", lambda r: r.reorders), ("cross-sells", lambda r: r.cross)):
        print(f"   {title}, hit-rate@5: mean ± standard error over the splits (each split)")
        for name in pick(results[0]):
            vals = [pick(r)[name].hit for r in results]
            m, se = mean_se(vals)
            each = " ".join(f"{v:.3f}" for v in vals)
            print(f"     {name:<42} {m:.3f} ± {se:.3f}   ({each})")
    beats = [r.cross[OURS].hit > r.cross["item-item cosine"].hit for r in results]
    print(
        f"   cross-sells above item-item cosine on {sum(beats)} of {len(beats)} splits"
        + ("" if all(beats) else "  (NOT on every split)")
    )
    best = [
        r.reorders[OURS].hit > max(v.hit for k, v in r.reorders.items() if k != OURS)
        for r in results
    ]
    print(f"   reorders above every baseline on {sum(best)} of {len(best)} splits")
    for what in ("reorders", "cross-sells"):
        diffs = [r.lead[what][1] for r in results]
        m, se = mean_se(diffs)
        print(f"   {what}: ours - best baseline, mean over the splits {m:+.3f} ± {se:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workdir", type=Path, help="keep databases and models here (reused)")
    ap.add_argument("--owned", action="store_true", help="also the README split with owned")
    ap.add_argument("--no-rolling", action="store_true", help="the README split only")
    ap.add_argument("--tune", action="store_true", help="print the validation grid first")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    rows = sorted(read_rows(args.data), key=lambda r: r.date)
    print(f"{len(rows):,} lines from {args.data} in {time.perf_counter() - t:.1f} s")
    if args.tune:
        from benchmarks.crosssell_tune import tune

        tune(rows)
    with tempfile.TemporaryDirectory(prefix="screenpop-eval-") as tmp:
        workdir = args.workdir or Path(tmp)
        readme = run_split(rows, README_SPLIT, None, workdir)
        if args.owned:
            run_split(rows, README_SPLIT, None, workdir, owned=True)
        if not args.no_rolling:
            results = [
                run_split(rows, s, next_month(s), workdir / "rolling") for s in ROLLING
            ]
            rolling_summary(results)
    print(
        f"\nREADME split: reorders {readme.reorders[OURS]} (target >= 0.72), "
        f"cross-sells {readme.cross[OURS]} (target >= 0.42)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
