"""The garbage collector, tuned for a process that pops cards for hours.

Why: a pop for a big wholesaler builds tens of thousands of short-lived
objects (its purchase history, the card). With the interpreter's defaults
(a young collection every 700 allocations, an older one every 10 of those)
that set off full collections that walked everything the app holds — the
engine, the sources, the cross-sell model, the windows — while holding the
GIL: the heaviest customer's ring → card p99 went from ~33 ms to ~80 ms
(benchmarks/reorders_pop.py), and a collection triggered on the GUI thread
froze it. Cards and rows are freed by reference counting anyway; the
collector is only for cycles, which a pop makes few of.
"""

from __future__ import annotations

import gc

#: (young, middle, old): collections start after 20,000 net allocations, not
#: 700, and each older generation after 20 of the younger, not 10.
THRESHOLDS = (20_000, 20, 20)


def tune_collector() -> None:
    """Collect less often (process-wide: the core's and the GUI's threads alike)."""
    gc.set_threshold(*THRESHOLDS)


def settle_memory() -> None:
    """Take what start-up built out of the collector's sight, once the app runs.

    The engine, sources, cross-sell model and windows live until the app
    quits; frozen, a full collection never walks them again (it froze the GUI
    thread ~100 ms in the middle of a burst of rings: benchmarks/burst.py).
    Everything made later is collected as usual. Only for the app's process:
    in a test run, frozen engines would never be collected.
    """
    gc.collect()
    gc.freeze()
    tune_collector()
