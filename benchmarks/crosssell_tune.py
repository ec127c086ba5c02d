"""How the cross-sell scoring settings were chosen: a grid on validation windows only.

Windows: monthly splits 2011-03-01, 2011-04-01 and 2011-05-01 (train before
the first of the month, test that month), all before the first rolling test
split (2011-06-01) and the README split (2011-09-01). For speed the model is
called directly here (the settings under test only change scoring, not the
fit); ``crosssell_eval.py`` then measures the chosen settings through the
product's path. Printed: hit-rate@5 per window and their mean, best first.

Run: ``.venv/bin/python benchmarks/crosssell_tune.py [DATA.csv.gz]``
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._protocol import EXCLUDE, History, crosssell_targets, hit_rate, plus_days
from benchmarks._retail import DEFAULT_DATA, read_rows
from screenpop.crosssell import CrossSellModel, build_model
from screenpop.crosssell.history import day_of
from screenpop.sources.base import HistoryRow

WINDOWS = ("2011-03-01", "2011-04-01", "2011-05-01")
GRID = {
    "half_life_days": (30.0, 60.0),
    "new_boost": (0.0, 0.5, 1.0, 2.0),
    "new_days": (30, 45, 60),
    "diverse_penalty": (0.0, 0.3, 0.5, 1.0),
}


def tune(rows: Sequence[HistoryRow]) -> None:
    data = []
    for split in WINDOWS:
        hist = History(rows, split)
        end = plus_days(split, 31)[:8] + "01"
        targets = crosssell_targets(rows, hist, end)
        model = build_model((r for r in rows if r.date < split), exclude=EXCLUDE).cross_sells
        today = day_of(split)
        assert today is not None
        inputs = {
            c: (list(hist.days[c]), [day_of(d[-1]) or 0 for d in hist.days[c].values()])
            for c in targets
        }
        data.append((split, targets, model, inputs, today))
    print(
        f"\ncross-sell scoring grid, hit-rate@5 on {', '.join(WINDOWS)} (one month each; "
        f"{', '.join(str(len(t)) for _, t, *_ in data)} customers)"
    )
    results = []
    names = list(GRID)
    for values in itertools.product(*GRID.values()):
        setting = dict(zip(names, values, strict=True))
        if setting["new_boost"] == 0.0 and setting["new_days"] != 45:
            continue  # new_days means nothing without a boost
        hits = []
        for _, targets, model, inputs, today in data:
            variant = CrossSellModel(info=replace(model.info, **setting), **model.arrays)
            recs = {
                c: [s.product for s in variant.suggest_days(p, d, 5, EXCLUDE, today)]
                for c, (p, d) in inputs.items()
            }
            hits.append(hit_rate(targets, recs).hit)
        results.append((sum(hits) / len(hits), hits, setting))
    results.sort(key=lambda r: -r[0])
    print(f"  {'half-life':>9} {'boost':>5} {'new d':>5} {'penalty':>7}   per window       mean")
    for mean, hits, s in results[:15]:
        cells = " ".join(f"{h:.3f}" for h in hits)
        print(
            f"  {s['half_life_days']:9.0f} {s['new_boost']:5.1f} {s['new_days']:5d} "
            f"{s['diverse_penalty']:7.1f}   {cells}  {mean:.3f}"
        )
    base = next(r for r in results if r[2]["new_boost"] == 0 and r[2]["diverse_penalty"] == 0
                and r[2]["half_life_days"] == 30.0)
    print(f"  (the earlier scoring, 30-day half-life, no boost, no diversity: {base[0]:.3f})")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    tune(sorted(read_rows(args.data), key=lambda r: r.date))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
