"""Fitting the reorder model on the sales history itself, at build time.

The question is the one the pop asks: of the products a customer has
bought, which will they buy again within ``horizon_days``? The history
answers it for its own past: cut it ``horizon_days`` before its end, compute
each (customer, product) pair's five numbers from the lines before the cut
(``reorders.py``) and label whether the customer bought the product again
after it. Only customers who bought anything after the cut are kept: the pop
ranks products for a customer who is calling, so the model should rank among
the products of active customers, not learn who stops buying.

A logistic regression (Newton's method, a little L2 on standardised
features, six weights) is small enough to fit on millions of pairs in
seconds, and its weights are stored in the model file. On the real retail
data the five numbers beat 2-3 more (time-decayed counts, the usual interval
and how overdue it is, interactions) on every validation window: the
product's own repeat rate and how it sells now carry what the customer's
history cannot.

Choosing this per history means the settings were never tuned on the period
being predicted: each build learns from its own past.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt

from screenpop.crosssell.reorders import DEFAULT_WEIGHTS, ReorderWeights, repeat_rate

IntArray = npt.NDArray[np.int64]

#: Fewer labelled pairs than this (or no positives and negatives): keep defaults.
MIN_EXAMPLES = 200
L2 = 1.0


def pair_days(
    cust: IntArray, prod: IntArray, day: IntArray, n_products: int
) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray]:
    """Per (customer, product): customer, product, distinct days bought, first, last day."""
    if cust.size == 0:
        z = np.zeros(0, dtype=np.int64)
        return z, z, z, z, z
    lo = int(day.min())
    span = int(day.max()) - lo + 1
    key = (cust * n_products + prod) * span + (day - lo)
    key = np.unique(key)  # distinct (customer, product, day), sorted
    pair = key // span
    d = key % span + lo
    starts = np.r_[0, np.flatnonzero(pair[1:] != pair[:-1]) + 1]
    ends = np.r_[starts[1:], pair.size]
    pk = pair[starts]
    return pk // n_products, pk % n_products, ends - starts, d[starts], d[ends - 1]


def product_stats(
    prod: IntArray, times: IntArray, last: IntArray, n_products: int, cut: int, season_days: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Per product: buyers, buyers on two days or more, buyers in ``season_days`` before ``cut``."""
    buyers = np.bincount(prod, minlength=n_products)
    repeaters = np.bincount(prod[times >= 2], minlength=n_products)
    season = np.bincount(prod[last >= cut - season_days], minlength=n_products)
    return buyers, repeaters, season


def features(
    times: IntArray, last: IntArray, prod: IntArray, cut: int,
    buyers: IntArray, repeaters: IntArray, season: IntArray,
) -> npt.NDArray[np.float64]:
    """The five numbers of ``reorders.py``, one row per pair, as of day ``cut``."""
    return np.column_stack(
        [
            np.log1p(times.astype(np.float64)),
            np.log1p(np.maximum(cut - last, 0).astype(np.float64)),
            repeat_rate(repeaters[prod], buyers[prod]),
            np.log1p(buyers[prod].astype(np.float64)),
            np.log1p(season[prod].astype(np.float64)),
        ]
    )


def fit_reorders(
    cust: IntArray,
    prod: IntArray,
    day: IntArray,
    n_products: int,
    *,
    horizon_days: int = 90,
    season_days: int = 30,
) -> tuple[ReorderWeights, IntArray]:
    """Weights fitted on the history cut ``horizon_days`` before its end, and per-product
    repeat buyers over the whole history (for scoring).

    Falls back to ``DEFAULT_WEIGHTS`` (``fitted=False``) when the history is
    too short or too small to learn from.
    """
    defaults = replace(DEFAULT_WEIGHTS, horizon_days=horizon_days, season_days=season_days)
    if cust.size == 0:
        return defaults, np.zeros(n_products, dtype=np.int64)
    _, p_all, t_all, _, _ = pair_days(cust, prod, day, n_products)
    repeaters_all = np.bincount(p_all[t_all >= 2], minlength=n_products)
    end = int(day.max()) + 1
    cut = end - horizon_days
    before = day < cut
    if not before.any() or before.all():
        return defaults, repeaters_all
    c0, p0, t0, _, l0 = pair_days(cust[before], prod[before], day[before], n_products)
    # Product numbers come from every customer before the cut, not only the active ones.
    buyers, repeaters, season = product_stats(p0, t0, l0, n_products, cut, season_days)
    after = ~before
    # Who bought what after the cut, as sorted keys.
    bought_after = np.unique(cust[after] * n_products + prod[after])
    active = np.unique(cust[after])
    keep = np.isin(c0, active, assume_unique=False)
    if int(keep.sum()) < MIN_EXAMPLES:
        return defaults, repeaters_all
    c0, p0, t0, l0 = c0[keep], p0[keep], t0[keep], l0[keep]
    y = np.isin(c0 * n_products + p0, bought_after).astype(np.float64)
    positives = int(y.sum())
    if positives == 0 or positives == y.size:
        return defaults, repeaters_all
    x = features(t0, l0, p0, cut, buyers, repeaters, season)
    w = _logistic(x, y)
    fitted = ReorderWeights(
        times=w[0], age=w[1], repeat=w[2], buyers=w[3], season=w[4], intercept=w[5],
        horizon_days=horizon_days, season_days=season_days,
        fitted=True, examples=int(y.size), positives=positives,
    )
    return fitted, repeaters_all


def _logistic(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> list[float]:
    """L2-regularised logistic regression; weights on the raw scale, intercept last."""
    mu = x.mean(axis=0)
    sd = x.std(axis=0)
    sd[sd == 0] = 1.0
    xs = np.column_stack([(x - mu) / sd, np.ones(x.shape[0])])
    w = np.zeros(xs.shape[1])
    ridge = np.full(xs.shape[1], L2)
    ridge[-1] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(xs @ w)))
        grad = xs.T @ (p - y) + ridge * w
        hess = (xs * (p * (1.0 - p))[:, None]).T @ xs + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    raw = w[:-1] / sd
    intercept = float(w[-1] - (w[:-1] * mu / sd).sum())
    return [float(v) for v in raw] + [intercept]
