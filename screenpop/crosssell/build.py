"""``screenpop crosssell build``: the sales history in, one model file out.

``build_model`` streams the sales source's purchase lines into index arrays
(8 bytes a line and column, not a Python object per line), then fits the
cross-sell model (``fit.py``: EASE, co-purchase similarity, launch days) and
the reorder model (``reorder_fit.py``) on the same arrays. ``build`` does it
for a configuration: the first sales source with a ``history`` query, the
configured exclusions, progress, and an atomic write where the desks read.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from screenpop.crosssell.history import day_of
from screenpop.crosssell.model import CrossSellModel
from screenpop.crosssell.modelfile import SalesModel
from screenpop.crosssell.values import EPOCH, ModelInfo
from screenpop.sources.base import HistoryRow

if TYPE_CHECKING:  # the fit (scipy) is only needed to build, never to score
    from screenpop.config.schema import Config
    from screenpop.crosssell.fit import FitParams

PROGRESS_EVERY = 100_000


class BuildError(Exception):
    """The configuration cannot build a model (says which key to fix)."""


def build_model(
    rows: Iterable[HistoryRow],
    *,
    exclude: Collection[str] = (),
    progress: Callable[[int], None] | None = None,
    params: FitParams | None = None,
    phase: Callable[[str], None] | None = None,
) -> SalesModel:
    """Fit both models on purchase lines, streaming (rows are not kept).

    Products in ``exclude`` (postage, manual lines...) are dropped before
    fitting; a line without a readable date is dropped too (it cannot say
    when anything was bought). ``progress`` is called with the number of
    lines read, every 100,000 lines and once at the end; ``phase`` with a
    sentence as each later step starts. Memory: three int64
    arrays of the lines plus the per-customer and per-product dictionaries,
    then the dense products² matrices of ``fit.py``.
    """
    excluded = frozenset(exclude)
    cust_ix: dict[str, int] = {}
    prod_ix: dict[str, int] = {}
    day_ix: dict[str, int | None] = {}
    spellings: dict[tuple[int, str], int] = {}
    # array('q') keeps 8 bytes a line (a list of ints costs ~36).
    cust_a = array("q")
    prod_a = array("q")
    day_a = array("q")
    lines = 0
    for row in rows:
        lines += 1
        if progress is not None and lines % PROGRESS_EVERY == 0:
            progress(lines)
        if row.product in excluded:
            continue
        ds = row.date[:10]
        if ds in day_ix:
            d = day_ix[ds]
        else:
            d = day_ix[ds] = day_of(ds)
        if d is None:
            continue
        c = cust_ix.setdefault(row.customer_id, len(cust_ix))
        p = prod_ix.setdefault(row.product, len(prod_ix))
        key = (p, row.description)
        spellings[key] = spellings.get(key, 0) + 1
        cust_a.append(c)
        prod_a.append(p)
        day_a.append(d)
    if progress is not None:
        progress(lines)
    cust = np.frombuffer(cust_a, dtype=np.int64) if cust_a else np.zeros(0, np.int64)
    prod = np.frombuffer(prod_a, dtype=np.int64) if cust_a else np.zeros(0, np.int64)
    day = np.frombuffer(day_a, dtype=np.int64) if cust_a else np.zeros(0, np.int64)
    return model_from_arrays(
        cust, prod, day,
        n_customers=len(cust_ix),
        products=list(prod_ix),
        descriptions=_best_spellings(spellings, len(prod_ix)),
        lines=lines,
        exclude=excluded,
        params=params,
        phase=phase,
    )


def model_from_arrays(
    cust: npt.NDArray[np.int64],
    prod: npt.NDArray[np.int64],
    day: npt.NDArray[np.int64],
    *,
    n_customers: int,
    products: Sequence[str],
    descriptions: Sequence[str],
    lines: int,
    exclude: Collection[str] = (),
    params: FitParams | None = None,
    phase: Callable[[str], None] | None = None,
) -> SalesModel:
    """Fit on lines already turned into indices (day = days since 1970)."""
    from screenpop.crosssell.fit import FitParams, fit
    from screenpop.crosssell.reorder_fit import fit_reorders

    say = phase or (lambda _text: None)
    params = params or FitParams()
    say(f"fitting cross-sells: {n_customers:,} customers x {len(products):,} products")
    res = fit(cust, prod, day, n_customers, len(products), params)
    say("fitting reorders")
    weights, repeaters = fit_reorders(
        cust, prod, day, len(products), season_days=params.season_days
    )
    end_s = None
    if day.size:
        end_s = date.fromordinal(EPOCH.toordinal() + int(day.max())).isoformat()
    info = ModelInfo(
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        lines=lines,
        customers=res.n_customers,
        products=len(products),
        history_end=end_s,
        exclude=tuple(sorted(exclude)),
        l2=res.l2,
        neighbours=params.neighbours,
        season_days=params.season_days,
        season_customers=res.season_customers,
        half_life_days=params.half_life_days,
        rank_decay=params.rank_decay,
        train_half_life_days=params.train_half_life_days,
        new_days=params.new_days,
        new_boost=params.new_boost,
        diverse_penalty=params.diverse_penalty,
        diverse_pool=params.diverse_pool,
        owned_cap=params.owned_cap,
    )
    n = len(products)
    cross = CrossSellModel(
        info=info,
        products=np.array(products, dtype=np.str_).reshape(n),
        descriptions=np.array(descriptions, dtype=np.str_).reshape(n),
        indptr=res.indptr,
        indices=res.indices,
        weights=res.weights,
        cocounts=res.cocounts,
        customers=res.customers,
        season=res.season,
        first_day=res.first_day,
        sim_indptr=res.sim_indptr,
        sim_indices=res.sim_indices,
        sim_values=res.sim_values,
    )
    return SalesModel(cross, weights, repeaters.astype(np.int32))


def _best_spellings(spellings: Mapping[tuple[int, str], int], n: int) -> list[str]:
    """Most frequent description per product (ties: alphabetically first)."""
    best: list[tuple[int, str] | None] = [None] * n
    for (p, text), count in spellings.items():
        cur = best[p]
        if cur is None or count > cur[0] or (count == cur[0] and text < cur[1]):
            best[p] = (count, text)
    return [b[1] if b is not None else "" for b in best]


def build(
    config: Config,
    progress: Callable[[int], None] | None = None,
    phase: Callable[[str], None] | None = None,
) -> SalesModel:
    """Build the model of ``config`` from its sales source and write it to ``crosssell.model``.

    Raises ``BuildError`` for a configuration that cannot build (no model
    path, no sales source with ``history``) and ``SourceError`` when the
    source fails; nothing is written then.
    """
    from screenpop.sources.registry import build_all as build_sources

    if config.crosssell.model is None:
        raise BuildError("crosssell.model: set where the model is written")
    sales = [s for s in config.source if s.section == "purchases" and getattr(s, "history", None)]
    if not sales:
        raise BuildError("source: no sales source (section = 'purchases') with a 'history' query")
    sources = build_sources(config.model_copy(update={"source": (sales[0],)}))
    try:
        model = build_model(
            sources[0].history(), exclude=config.crosssell.exclude, progress=progress,
            phase=phase,
        )
        if phase is not None:
            phase(f"writing {config.crosssell.model}")
        model.save(Path(config.crosssell.model))
    finally:
        sources[0].close()
    return model
