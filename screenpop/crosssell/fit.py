"""The cross-sell model's mathematics: purchase pairs in, neighbour lists out.

Pure numpy/scipy, no I/O and no product names, so the build benchmark can time
it apart from reading rows.

The model is EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse
Data", WWW 2019): a closed-form ridge regression that predicts each product's
column of the customer x product purchase matrix from all the other columns,

    B = I - P · diag(1 / diag(P)),   P = (XᵀX + λI)⁻¹,   diag(B) = 0.

On the time-split validation of ``benchmarks/crosssell_eval.py`` it beat
plain item-item cosine by about 5 points of hit-rate@5 (cosine² by 3).

X is not plain 0/1: a customer's product enters with weight
``0.5 ** (age / train_half_life_days)``, age = days from its last purchase to
the end of the history, so what goes together *now* counts more than last
year's baskets. (A common scale of all weights changes nothing: λ is a
multiple of the mean diagonal.) That gave about +2 points of hit-rate@5 on two
validation windows inside the training period (see the evaluation script).
The co-counts kept for the reasons are still exact 0/1 customer counts. Each
product keeps only its ``neighbours`` strongest positive weights towards
products it was actually bought with (co-count ≥ 1), so every suggestion has
a true "bought with X by N customers" reason and the model stays small
(products x neighbours entries, not products²).

Cost: one dense products x products Gram matrix and its inverse, float64:
about 2 x 8 x products² bytes (4k products: 256 MB) and O(products³) time
(4k: a few seconds). ``MAX_PRODUCTS`` caps the vocabulary; beyond it only the
most-bought products are modelled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.linalg import lapack

#: Beyond this many products the dense Gram matrix gets too big (8k: ~1 GB).
MAX_PRODUCTS = 8000

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class FitParams:
    """Settings chosen on the validation split (see the evaluation script)."""

    #: EASE ridge λ as a multiple of the mean diagonal of the (time-weighted)
    #: Gram matrix. With the 60-day weighting, 16 beat 8, 32 and 64 on both
    #: validation windows (unweighted, 32 was best).
    l2_per_mean_count: float = 16.0
    #: Time weighting of the training matrix: a purchase's weight halves every
    #: this many days before the end of the history (``None``: all weigh 1).
    #: 60 beat 30, 45 and 90 on the mean of two validation windows.
    train_half_life_days: float | None = 60.0
    #: Strongest neighbours kept per product (100 cost 0.003 hit@5 vs dense).
    neighbours: int = 100
    #: Recent-popularity window for the backoff ("popular this season").
    season_days: int = 30
    #: Scoring: an owned product's weight halves every this many days before
    #: the customer's latest purchase. 60 beat 30 on the monthly validation
    #: windows of March-May 2011 once the whole history reached the pop.
    half_life_days: float = 60.0
    #: Scoring without dates: weight per rank of a most-recent-first sequence
    #: (0.99 beat 0.97 and 0.9; dates do better still).
    rank_decay: float = 0.99
    #: Products first sold this many days before the pop count as new ...
    new_days: int = 45
    #: ... and their score is multiplied by ``1 + new_boost``: a new line has
    #: few co-purchases yet, so EASE under-rates it (45 days and 1.0 beat
    #: 30/60 days and 0.5/2.0 on the validation windows).
    new_boost: float = 1.0
    #: Strongest co-purchase neighbours (cosine of customer counts) kept per
    #: product to spread the five suggestions over different kinds of goods.
    similar: int = 100
    #: Diversity: the top ``diverse_pool`` candidates are picked greedily,
    #: each one's score lowered by ``diverse_penalty`` x its similarity to the
    #: closest already picked (0.3 and a pool of 15 beat 0, 0.5 and 1.0).
    diverse_penalty: float = 0.3
    diverse_pool: int = 15
    #: Scoring: at most this many of a customer's products, the most recent.
    #: Bounds the heaviest customer's scoring (the 250 most recent of 1,300
    #: products carry all but a sliver of the weight at a 60-day half-life).
    owned_cap: int = 250


@dataclass(frozen=True, slots=True)
class FitResult:
    """Arrays of a fitted model; row ``k`` of the CSR triple = neighbours of ``k``."""

    indptr: npt.NDArray[np.int64]
    indices: npt.NDArray[np.int32]
    weights: npt.NDArray[np.float32]
    cocounts: npt.NDArray[np.int32]
    customers: npt.NDArray[np.int32]  # distinct customers per product, all time
    season: npt.NDArray[np.int32]  # distinct customers per product, last season_days
    season_customers: int  # distinct customers in the season window
    n_customers: int
    l2: float
    first_day: npt.NDArray[np.int32]  # day each product was first sold (-1: never)
    #: Row ``k``: the products most often bought by the same customers as
    #: ``k`` (cosine of customer counts), as a share of ``k``'s strongest one.
    sim_indptr: npt.NDArray[np.int64]
    sim_indices: npt.NDArray[np.int32]
    sim_values: npt.NDArray[np.float32]


def dedupe_pairs(
    cust: IntArray, prod: IntArray, day: IntArray, n_products: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Distinct (customer, product) pairs with the last day each was bought."""
    if cust.size == 0:
        return cust, prod, day
    key = cust.astype(np.int64) * n_products + prod
    order = np.lexsort((day, key))
    key_sorted = key[order]
    last = np.r_[np.flatnonzero(key_sorted[1:] != key_sorted[:-1]), key_sorted.size - 1]
    keep = order[last]
    return cust[keep], prod[keep], day[keep]


def fit(
    cust: IntArray,
    prod: IntArray,
    day: IntArray,
    n_customers: int,
    n_products: int,
    params: FitParams | None = None,
) -> FitResult:
    """Fit on purchase lines given as parallel index arrays (day = days since epoch)."""
    params = params or FitParams()
    if params.train_half_life_days is not None and not params.train_half_life_days > 0:
        raise ValueError("train_half_life_days must be positive (or None)")
    pc, pp, pd = dedupe_pairs(cust, prod, day, n_products)
    customers = np.bincount(pp, minlength=n_products).astype(np.int32)
    season = np.zeros(n_products, dtype=np.int32)
    season_customers = 0
    if pd.size:
        recent = pd > pd.max() - params.season_days
        season = np.bincount(pp[recent], minlength=n_products).astype(np.int32)
        season_customers = int(np.unique(pc[recent]).size)
    active = int(np.unique(pc).size) if pc.size else 0

    # Model only the most-bought products when there are too many.
    modelled = np.arange(n_products)
    if n_products > MAX_PRODUCTS:
        modelled = np.sort(np.argsort(-customers, kind="stable")[:MAX_PRODUCTS])
    local = np.full(n_products, -1, dtype=np.int64)
    local[modelled] = np.arange(modelled.size)
    m = local[pp] >= 0
    shape = (max(n_customers, 1), modelled.size)
    binary = sp.csr_matrix(
        (np.ones(int(m.sum()), dtype=np.float32), (pc[m], local[pp[m]])), shape=shape
    )
    gram = _gram(binary)
    counts = np.rint(gram).astype(np.int32)  # exact: small integer sums in float64
    sim_indptr, sim_indices, sim_values = _similar(counts, params.similar)
    if params.train_half_life_days is not None and pd.size:
        age = (pd.max() - pd[m]).astype(np.float64)
        pair_w = np.power(0.5, age / params.train_half_life_days)
        weighted = sp.csr_matrix((pair_w, (pc[m], local[pp[m]])), shape=shape)
        gram = _gram(weighted, out=gram)
    mean_diag = float(np.diag(gram).mean()) if modelled.size else 0.0
    # The newest purchase weighs 1, so mean_diag >= 1 / products when not empty.
    l2 = params.l2_per_mean_count * mean_diag if mean_diag > 0 else 1.0
    weights = _ease(gram, l2)  # consumes gram
    del gram
    indptr, indices, w, co = _prune(weights, counts, params.neighbours)
    del counts
    first_day = np.full(n_products, np.iinfo(np.int32).max, dtype=np.int64)
    if day.size:
        np.minimum.at(first_day, prod, day)
    first_day[first_day == np.iinfo(np.int32).max] = -1
    return FitResult(
        indptr=_to_global(indptr, modelled, n_products),
        indices=modelled[indices].astype(np.int32),
        weights=w,
        cocounts=co,
        customers=customers,
        season=season,
        season_customers=season_customers,
        n_customers=active,
        l2=l2,
        first_day=first_day.astype(np.int32),
        sim_indptr=_to_global(sim_indptr, modelled, n_products),
        sim_indices=modelled[sim_indices].astype(np.int32),
        sim_values=sim_values,
    )


def _to_global(
    indptr: npt.NDArray[np.int64], modelled: npt.NDArray[np.int64], n_products: int
) -> npt.NDArray[np.int64]:
    """A CSR row pointer over the modelled products, spread over every product."""
    out = np.zeros(n_products + 1, dtype=np.int64)
    lengths = np.zeros(n_products, dtype=np.int64)
    lengths[modelled] = np.diff(indptr)
    np.cumsum(lengths, out=out[1:])
    return out


def _similar(
    counts: npt.NDArray[np.int32], k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """Per row: the ``k`` highest co-purchase cosines, each over the row's highest."""
    n = counts.shape[0]
    indptr = np.zeros(n + 1, dtype=np.int64)
    if n == 0:
        return indptr, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    norm = np.sqrt(np.maximum(np.diag(counts).astype(np.float64), 1.0))
    cols: list[npt.NDArray[np.int64]] = []
    vals: list[npt.NDArray[np.float64]] = []
    step = 512
    kk = min(k, n)
    for start in range(0, n, step):
        c = counts[start : start + step].astype(np.float64)
        np.fill_diagonal(c[:, start:], 0.0)
        c /= norm[start : start + step, None]
        c /= norm[None, :]
        top = np.argpartition(-c, kk - 1, axis=1)[:, :kk] if kk < n else np.argsort(-c, axis=1)
        v = np.take_along_axis(c, top, axis=1)
        for r in range(top.shape[0]):
            keep = v[r] > 0
            row_v = v[r][keep]
            cols.append(top[r][keep])
            vals.append(row_v / row_v.max() if row_v.size else row_v)
            indptr[start + r + 1] = row_v.size
    np.cumsum(indptr, out=indptr)
    return (
        indptr,
        np.concatenate(cols).astype(np.int32),
        np.concatenate(vals).astype(np.float32),
    )


def _gram(x: sp.csr_matrix, out: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.float64]:
    """XᵀX as a dense float64 matrix, in customer chunks to bound the sparse temporaries.

    ``out``: a products x products buffer to reuse (zeroed first).
    """
    n = x.shape[1]
    if out is None:
        gram = np.zeros((n, n), dtype=np.float64)
    else:
        gram = out
        gram.fill(0.0)
    chunk = 200_000
    for start in range(0, x.shape[0], chunk):
        part = x[start : start + chunk]
        if part.nnz:
            prod = (part.T @ part).tocoo()
            gram[prod.row, prod.col] += prod.data
    return gram


def _ease(gram: npt.NDArray[np.float64], l2: float) -> npt.NDArray[np.float64]:
    """EASE weights (row k scores candidates from owned k); overwrites ``gram``."""
    n = gram.shape[0]
    if n == 0:
        return np.zeros((0, 0))
    gram[np.diag_indices(n)] += l2
    # Symmetric positive definite: Cholesky inverse in place (about 3x faster
    # than LU ``np.linalg.inv`` and no second n x n buffer).
    c, info = lapack.dpotrf(gram, lower=0, overwrite_a=1, clean=0)
    if info != 0:
        raise np.linalg.LinAlgError(f"Cholesky factorisation failed (info={info})")
    p, info = lapack.dpotri(c, lower=0, overwrite_c=1)
    if info != 0:
        raise np.linalg.LinAlgError(f"Cholesky inverse failed (info={info})")
    _mirror_upper(p)
    p /= -np.diag(p)[None, :]
    np.fill_diagonal(p, 0.0)
    return np.asarray(p, dtype=np.float64)


def _mirror_upper(a: npt.NDArray[np.float64], block: int = 512) -> None:
    """Copy the upper triangle onto the lower one, in place, block by block."""
    n = a.shape[0]
    for i in range(0, n, block):
        j = min(i + block, n)
        a[i:j, :i] = a[:i, i:j].T
        d = a[i:j, i:j]
        d[:] = np.triu(d) + np.triu(d, 1).T


def _prune(
    weights: npt.NDArray[np.float64], counts: npt.NDArray[np.int32], k: int
) -> tuple[
    npt.NDArray[np.int64], npt.NDArray[np.int32], npt.NDArray[np.float32], npt.NDArray[np.int32]
]:
    """Per row: the ``k`` largest positive weights among co-bought columns, as CSR."""
    n = weights.shape[0]
    indptr = np.zeros(n + 1, dtype=np.int64)
    cols: list[npt.NDArray[np.int64]] = []
    rows_chunk = 512
    for start in range(0, n, rows_chunk):
        w = weights[start : start + rows_chunk].copy()
        c = counts[start : start + rows_chunk]
        w[(c < 1) | (w <= 0)] = 0.0
        np.fill_diagonal(w[:, start:], 0.0)
        kk = min(k, n)
        if kk < n:
            top = np.argpartition(-w, kk - 1, axis=1)[:, :kk]
        else:
            top = np.broadcast_to(np.arange(n), w.shape).copy()
        vals = np.take_along_axis(w, top, axis=1)
        # Strongest first, ties by column for determinism.
        order = np.lexsort((top, -vals), axis=1)
        top = np.take_along_axis(top, order, axis=1)
        vals = np.take_along_axis(vals, order, axis=1)
        for r in range(top.shape[0]):
            keep = top[r][vals[r] > 0]
            cols.append(keep)
            indptr[start + r + 1] = keep.size
    np.cumsum(indptr, out=indptr)
    indices = np.concatenate(cols).astype(np.int64) if cols else np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(n), np.diff(indptr))
    return (
        indptr,
        indices.astype(np.int32),
        weights[rows, indices].astype(np.float32),
        counts[rows, indices].astype(np.int32),
    )
