"""Cross-sells for one customer: what goes with what they have, scored per pop.

``CrossSellModel.suggest`` scores one customer in well under a millisecond:
it sums the EASE neighbour lists (``fit.py``) of the products they own,
weighting recent purchases more, doubles the score of products launched in
the last weeks (a new line has few co-purchases yet, so EASE under-rates
it), then picks five that are not all the same kind of goods (each pick's
score lowered by its co-purchase similarity to the ones already picked). Every
suggestion says which of the customer's products it came from and how many
customers bought the two together, as a ``Reason``. Customers with nothing
known get the season's most popular products, and are told so.

The arrays come from ``build.py`` and go to disk through ``modelfile.py``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from screenpop.crosssell.values import (
    BOUGHT_BY,
    BOUGHT_BY_ONE,
    BOUGHT_WITH,
    BOUGHT_WITH_ONE,
    POPULAR,
    POPULAR_ONE,
    ModelError,
    ModelInfo,
    Suggestion,
    csr_ok,
    to_day,
)
from screenpop.reasons import Reason


class CrossSellModel:
    """A fitted model: per product, its neighbours with weight and co-count."""

    def __init__(
        self,
        *,
        info: ModelInfo,
        products: npt.NDArray[np.str_],
        descriptions: npt.NDArray[np.str_],
        indptr: npt.NDArray[np.int64],
        indices: npt.NDArray[np.int32],
        weights: npt.NDArray[np.float32],
        cocounts: npt.NDArray[np.int32],
        customers: npt.NDArray[np.int32],
        season: npt.NDArray[np.int32],
        first_day: npt.NDArray[np.int32],
        sim_indptr: npt.NDArray[np.int64],
        sim_indices: npt.NDArray[np.int32],
        sim_values: npt.NDArray[np.float32],
    ) -> None:
        n = products.shape[0]
        if not (
            descriptions.shape == (n,)
            and customers.shape == (n,)
            and season.shape == (n,)
            and first_day.shape == (n,)
            and csr_ok(indptr, indices, n, weights, cocounts)
            and csr_ok(sim_indptr, sim_indices, n, sim_values)
            and info.half_life_days > 0
            and 0 < info.rank_decay <= 1
            and info.new_boost >= 0
            and info.diverse_penalty >= 0
            and info.diverse_pool >= 1
            and info.owned_cap >= 1
        ):
            raise ModelError("inconsistent cross-sell model arrays")
        self.info = info
        self.arrays: dict[str, npt.NDArray[Any]] = {
            "products": products,
            "descriptions": descriptions,
            "indptr": indptr,
            "indices": indices,
            "weights": weights,
            "cocounts": cocounts,
            "customers": customers,
            "season": season,
            "first_day": first_day,
            "sim_indptr": sim_indptr,
            "sim_indices": sim_indices,
            "sim_values": sim_values,
        }
        self._indptr = indptr.astype(np.int64, copy=False)
        self._indices = indices.astype(np.int64)
        self._weights = weights.astype(np.float64)
        self._cocounts = cocounts
        self._customers = customers
        self._season = season
        self._first_day = first_day.astype(np.int64)
        self._sim_indptr = sim_indptr.astype(np.int64, copy=False)
        self._sim_indices = sim_indices.astype(np.int64)
        self._sim_values = sim_values.astype(np.float64)
        self.codes: list[str] = [str(p) for p in products.tolist()]
        self.texts: list[str] = [str(d) for d in descriptions.tolist()]
        self.index = {p: i for i, p in enumerate(self.codes)}
        # Backoff order: this season's favourites, then all-time, then code.
        excluded = set(info.exclude)
        order = np.lexsort((np.arange(n), -customers, -season)).tolist()
        self._popular = [i for i in order if self.codes[i] not in excluded]

    def description(self, product: str) -> str | None:
        i = self.index.get(product)
        return None if i is None else self.texts[i]

    # -- scoring -----------------------------------------------------------
    def suggest(
        self,
        owned: Collection[str],
        top: int = 5,
        exclude: Collection[str] = (),
        *,
        last_bought: Mapping[str, str | int] | None = None,
        today: int | None = None,
    ) -> list[Suggestion]:
        """Up to ``top`` products the customer does not have, best first.

        ``owned``: product codes the customer bought. Recency matters: give
        ``last_bought`` (product → ISO date, or days since 1970, of its last
        purchase) and owned products are weighted by age (half-life
        ``info.half_life_days`` before the newest); else a ``Sequence`` is
        read as most-recent-first (weight ``info.rank_decay ** rank``); any
        other collection is weighted evenly (and read in sorted order).
        ``today`` (days since 1970; default the day after the model's
        history) says which products are new. Unknown codes are ignored.
        Products in ``exclude`` or in the build's exclusion list are never
        suggested. With nothing to go on (or too few neighbours) the rest is
        filled with the season's popular products. Same input, same output:
        ties are broken by product order.
        """
        codes = list(owned) if isinstance(owned, Sequence) else sorted(owned)
        days = None
        if last_bought is not None:
            days = np.array([to_day(last_bought.get(c)) for c in codes], dtype=np.float64)
        return self._suggest(codes, days, top, exclude, today, ranked=isinstance(owned, Sequence))

    def suggest_days(
        self,
        products: Sequence[str],
        last: Sequence[int],
        top: int = 5,
        exclude: Collection[str] = (),
        today: int | None = None,
        *,
        index: Sequence[int] | None = None,
    ) -> list[Suggestion]:
        """``suggest`` for the pop: each product once, with its last day (days since 1970).

        ``index``: the products' model indices (``lookup``), when the caller has them.
        """
        days = np.asarray(last, dtype=np.float64)
        idx = None if index is None else np.asarray(index, dtype=np.int64)
        return self._suggest(products, days, top, exclude, today, ranked=False, idx=idx)

    def lookup(self, products: Sequence[str]) -> list[int]:
        """Each product's model index, -1 for a product the model does not know."""
        get = self.index.get
        return [get(p, -1) for p in products]

    def _suggest(
        self,
        codes: Sequence[str],
        days: npt.NDArray[np.float64] | None,
        top: int,
        exclude: Collection[str],
        today: int | None,
        *,
        ranked: bool,
        idx: npt.NDArray[np.int64] | None = None,
    ) -> list[Suggestion]:
        if top <= 0:
            return []
        n = len(self.codes)
        index = self.index
        if idx is None:
            idx = np.array(self.lookup(codes), dtype=np.int64).reshape(len(codes))
        known = np.flatnonzero(idx >= 0)
        # Each product once, its first mention counting (a most-recent-first
        # list), in product order: the same products and weights then give the
        # same sums, bit for bit, however the source ordered its rows.
        rows, first = np.unique(idx[known], return_index=True)
        at = known[first]
        blocked = np.zeros(n, dtype=bool)
        blocked[rows] = True
        for code in exclude:
            i = index.get(code)
            if i is not None:
                blocked[i] = True
        w = self._owned_weights(at, days, ranked)
        if rows.size > self.info.owned_cap:
            # A customer with thousands of products: their strongest (most
            # recent) ones carry the score; the rest weigh next to nothing.
            strong = np.sort(np.argpartition(-w, self.info.owned_cap - 1)[: self.info.owned_cap])
            rows, w = rows[strong], w[strong]
        if w.size:
            w = w / w.sum()
        out: list[Suggestion] = []
        if rows.size:
            when = self.info.today if today is None else today
            out = self._neighbour_suggestions(rows, w, blocked, top, when)
            for s in out:
                blocked[index[s.product]] = True
        if len(out) < top:
            out.extend(self._popular_suggestions(blocked, top - len(out)))
        return out

    def _owned_weights(
        self, at: npt.NDArray[np.int64], days: npt.NDArray[np.float64] | None, ranked: bool
    ) -> npt.NDArray[np.float64]:
        """Weights of the owned products at positions ``at`` of the caller's list."""
        if days is not None and at.size:
            d = days[at]
            known = ~np.isnan(d)
            newest = float(d[known].max()) if known.any() else 0.0
            age = np.where(known, newest - d, 0.0)
            return np.power(0.5, age / self.info.half_life_days)
        if ranked:
            return np.power(self.info.rank_decay, at.astype(np.float64))
        return np.ones(at.size, dtype=np.float64)

    def _neighbour_suggestions(
        self,
        rows: npt.NDArray[np.int64],
        w: npt.NDArray[np.float64],
        blocked: npt.NDArray[np.bool_],
        top: int,
        today: int,
    ) -> list[Suggestion]:
        starts = self._indptr[rows]
        lengths = self._indptr[rows + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return []
        # Gather every owned product's neighbour slice in one go.
        pos = np.arange(total, dtype=np.int64)
        pos += np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        cols = self._indices[pos]
        contrib = self._weights[pos]
        contrib *= np.repeat(w, lengths)
        scores: npt.NDArray[np.float64] = np.bincount(
            cols, weights=contrib, minlength=blocked.size
        ).astype(np.float64, copy=False)
        scores[blocked] = 0.0
        cand = np.flatnonzero(scores > 0)
        if cand.size == 0:
            return []
        info = self.info
        if info.new_boost:
            age = today - self._first_day[cand]
            new = (self._first_day[cand] >= 0) & (age >= 0) & (age < info.new_days)
            scores[cand[new]] *= 1.0 + info.new_boost
        pool = max(top, info.diverse_pool)
        if cand.size > pool:
            part = np.argpartition(-scores[cand], pool - 1)[:pool]
            cutoff = scores[cand[part]].min()
            cand = cand[scores[cand] >= cutoff]  # keep ties, order below
        cand = cand[np.lexsort((cand, -scores[cand]))][:pool]
        cand = self._diverse(cand, scores[cand], top)
        return self._with_reasons(cand, scores, rows, cols, pos, contrib, lengths)

    def _diverse(
        self, cand: npt.NDArray[np.int64], scores: npt.NDArray[np.float64], top: int
    ) -> npt.NDArray[np.int64]:
        """Greedy picks from ``cand`` (best first): score minus penalty x similarity.

        Five colours of one lantern hedge worse than five different goods:
        each pick lowers the rest by their similarity to it (1 = the picked
        product's most co-bought neighbour, 0 = never bought together).
        """
        penalty = self.info.diverse_penalty
        if penalty == 0 or cand.size <= 1:
            return cand[:top]
        value = scores / scores[0]
        near = np.zeros(cand.size)
        free = np.ones(cand.size, dtype=bool)
        slot = np.full(len(self.codes), -1, dtype=np.int64)
        slot[cand] = np.arange(cand.size)
        picked: list[int] = []
        for _ in range(min(top, cand.size)):
            k = int(np.argmax(np.where(free, value - penalty * near, -np.inf)))
            j = int(cand[k])
            picked.append(j)
            free[k] = False
            a, b = self._sim_indptr[j], self._sim_indptr[j + 1]
            at = slot[self._sim_indices[a:b]]
            mine = at >= 0
            np.maximum.at(near, at[mine], self._sim_values[a:b][mine])
        return np.array(picked, dtype=np.int64)

    def _with_reasons(
        self,
        cand: npt.NDArray[np.int64],
        scores: npt.NDArray[np.float64],
        rows: npt.NDArray[np.int64],
        cols: npt.NDArray[np.int64],
        pos: npt.NDArray[np.int64],
        contrib: npt.NDArray[np.float64],
        lengths: npt.NDArray[np.int64],
    ) -> list[Suggestion]:
        """Each pick with the owned product contributing most to it (ties: lower index)."""
        slot = np.full(scores.size, -1, dtype=np.int64)
        slot[cand] = np.arange(cand.size)
        hit = np.flatnonzero(slot[cols] >= 0)
        owner = np.repeat(rows, lengths)[hit]
        order = np.lexsort((owner, -contrib[hit], slot[cols[hit]]))
        hit_sorted = hit[order]
        first = np.r_[0, np.flatnonzero(np.diff(slot[cols[hit_sorted]])) + 1]
        best = hit_sorted[first]  # one per pick, in ``cand`` order
        owners = owner[order][first]
        out: list[Suggestion] = []
        for j, b, k in zip(cand.tolist(), best.tolist(), owners.tolist(), strict=True):
            n_co = int(self._cocounts[pos[b]])
            reason = (
                Reason.of(BOUGHT_WITH_ONE, with_product=self.codes[k], **{"with": self.texts[k]})
                if n_co == 1
                else Reason.of(
                    BOUGHT_WITH, with_product=self.codes[k], customers=n_co,
                    **{"with": self.texts[k]},
                )
            )
            out.append(
                Suggestion(self.codes[j], self.texts[j], round(float(scores[j]), 6), reason)
            )
        return out

    def _popular_suggestions(self, blocked: npt.NDArray[np.bool_], top: int) -> list[Suggestion]:
        out: list[Suggestion] = []
        season_total = max(self.info.season_customers, 1)
        days = self.info.season_days
        for i in self._popular:
            if len(out) == top:
                break
            if blocked[i] or self._customers[i] == 0:
                continue
            n_season = int(self._season[i])
            if n_season:
                reason = (
                    Reason.of(POPULAR_ONE, days=days)
                    if n_season == 1
                    else Reason.of(POPULAR, customers=n_season, days=days)
                )
                score = n_season / season_total
            else:
                n_all = int(self._customers[i])
                reason = (
                    Reason.of(BOUGHT_BY_ONE)
                    if n_all == 1
                    else Reason.of(BOUGHT_BY, customers=n_all)
                )
                score = 0.0
            out.append(Suggestion(self.codes[i], self.texts[i], round(score, 6), reason))
        return out
