"""Cross-sell suggestions for the card: built once from sales history, scored per pop.

``build_model`` streams the sales source's purchase lines into index arrays
and fits an EASE item-to-item model (see ``fit.py`` for the maths and why).
``CrossSellModel.suggest`` scores one customer in well under a millisecond:
it sums the neighbour lists of the products they own, weighting recent
purchases more, and says for every suggestion which of their products it came
from and how many customers bought the two together. Customers with nothing
known get the season's most popular products, and are told so.

The file format is a numpy ``.npz`` (no pickle) with a JSON header carrying a
format version; ``load`` refuses anything else with ``ModelError``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import zipfile
from array import array
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from screenpop.sources.base import HistoryRow

if TYPE_CHECKING:  # the fit (scipy) is only needed to build, never to score
    from screenpop.crosssell.fit import FitParams

FORMAT = "screenpop-crosssell"
FORMAT_VERSION = 1

_PROGRESS_EVERY = 100_000
_EPOCH = date(1970, 1, 1)


class ModelError(Exception):
    """The model file is missing, unreadable, corrupt or of another version."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One product to offer, with a reason the agent can say aloud."""

    product: str
    description: str
    score: float
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "product": self.product,
            "description": self.description,
            "score": self.score,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What a model was built from (shown by ``doctor`` and the build command)."""

    built_at: str
    lines: int
    customers: int
    products: int
    history_end: str | None
    exclude: tuple[str, ...]
    l2: float
    neighbours: int
    season_days: int
    season_customers: int
    half_life_days: float
    rank_decay: float
    #: Time weighting of the training matrix (``None``: unweighted; files
    #: written before it existed read as ``None``).
    train_half_life_days: float | None = None


_ARRAYS = (
    "products",
    "descriptions",
    "indptr",
    "indices",
    "weights",
    "cocounts",
    "customers",
    "season",
)


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
    ) -> None:
        n = products.shape[0]
        nnz = indices.shape[0]
        if not (
            descriptions.shape == (n,)
            and indptr.shape == (n + 1,)
            and weights.shape == (nnz,)
            and cocounts.shape == (nnz,)
            and customers.shape == (n,)
            and season.shape == (n,)
            and (n == 0 or (indptr[0] == 0 and indptr[-1] == nnz))
            and bool(np.all(np.diff(indptr) >= 0))
            and (nnz == 0 or (int(indices.min()) >= 0 and int(indices.max()) < n))
            and bool(np.all(np.isfinite(weights)))
            and info.half_life_days > 0
            and 0 < info.rank_decay <= 1
        ):
            raise ModelError("inconsistent cross-sell model arrays")
        self.info = info
        self._products = products
        self._descriptions = descriptions
        self._indptr = indptr.astype(np.int64, copy=False)
        self._indices = indices.astype(np.int64)
        self._weights = weights.astype(np.float64)
        self._cocounts = cocounts
        self._customers = customers
        self._season = season
        self._codes: list[str] = [str(p) for p in products.tolist()]
        self._texts: list[str] = [str(d) for d in descriptions.tolist()]
        self._index = {p: i for i, p in enumerate(self._codes)}
        # Backoff order: this season's favourites, then all-time, then code.
        self._popular = np.lexsort((np.arange(n), -customers, -season))
        excluded = set(info.exclude)
        self._popular = np.array(
            [i for i in self._popular.tolist() if str(products[i]) not in excluded],
            dtype=np.int64,
        )

    # -- metadata (the interface's names) ---------------------------------
    @property
    def built_at(self) -> str:
        return self.info.built_at

    @property
    def lines(self) -> int:
        return self.info.lines

    @property
    def customers(self) -> int:
        return self.info.customers

    @property
    def products(self) -> int:
        return self.info.products

    def description(self, product: str) -> str | None:
        i = self._index.get(product)
        return None if i is None else self._texts[i]

    # -- scoring -----------------------------------------------------------
    def suggest(
        self,
        owned: Collection[str],
        top: int = 5,
        exclude: Collection[str] = (),
        *,
        last_bought: Mapping[str, str] | None = None,
    ) -> list[Suggestion]:
        """Up to ``top`` products the customer does not have, best first.

        ``owned``: product codes the customer bought. Recency matters: give
        ``last_bought`` (product → ISO date of its last purchase) and owned
        products are weighted by age (half-life ``info.half_life_days``
        before the newest); else a ``Sequence`` is read as most-recent-first
        (weight ``info.rank_decay ** rank``); any other collection is
        weighted evenly (and read in sorted order).
        Unknown codes are ignored. Products in ``exclude`` or in the build's
        exclusion list are never suggested. With nothing to go on (or too few
        neighbours) the rest is filled with the season's popular products.
        Same input, same output: ties are broken by product order.
        """
        if top <= 0:
            return []
        rows, w = self._owned_weights(owned, last_bought)
        n = self._products.shape[0]
        blocked = np.zeros(n, dtype=bool)
        blocked[rows] = True
        for code in exclude:
            i = self._index.get(code)
            if i is not None:
                blocked[i] = True
        out: list[Suggestion] = []
        if rows.size:
            out = self._neighbour_suggestions(rows, w, blocked, top)
            for s in out:
                blocked[self._index[s.product]] = True
        if len(out) < top:
            out.extend(self._popular_suggestions(blocked, top - len(out)))
        return out

    def _owned_weights(
        self, owned: Collection[str], last_bought: Mapping[str, str] | None
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        codes = list(owned) if isinstance(owned, Sequence) else sorted(owned)
        seen: set[int] = set()
        rows: list[int] = []
        ranks: list[int] = []
        kept: list[str] = []
        index = self._index
        for rank, code in enumerate(codes):
            i = index.get(code)
            if i is not None and i not in seen:
                seen.add(i)
                rows.append(i)
                ranks.append(rank)
                kept.append(code)
        idx = np.array(rows, dtype=np.int64)
        if last_bought is not None and rows:
            days = _days([last_bought.get(code, "") for code in kept])
            known = ~np.isnan(days)
            newest = float(days[known].max()) if known.any() else 0.0
            age = np.where(known, newest - days, 0.0)
            w = np.power(0.5, age / self.info.half_life_days)
        elif isinstance(owned, Sequence):
            w = np.power(self.info.rank_decay, np.array(ranks, dtype=np.float64))
        else:
            w = np.ones(len(rows), dtype=np.float64)
        if w.size:
            w /= w.sum()
        return idx, w

    def _neighbour_suggestions(
        self,
        rows: npt.NDArray[np.int64],
        w: npt.NDArray[np.float64],
        blocked: npt.NDArray[np.bool_],
        top: int,
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
        scores = np.bincount(cols, weights=contrib, minlength=blocked.size)
        scores[blocked] = 0.0
        cand = np.flatnonzero(scores > 0)
        if cand.size == 0:
            return []
        if cand.size > top:
            part = np.argpartition(-scores[cand], top - 1)[:top]
            cutoff = scores[cand[part]].min()
            cand = cand[scores[cand] >= cutoff]  # keep ties, order below
        cand = cand[np.lexsort((cand, -scores[cand]))][:top]
        # Reason: the owned product contributing most to each suggestion
        # (ties: the earlier product index).
        slot = np.full(blocked.size, -1, dtype=np.int64)
        slot[cand] = np.arange(cand.size)
        hit = np.flatnonzero(slot[cols] >= 0)
        owner = np.repeat(rows, lengths)[hit]
        order = np.lexsort((owner, -contrib[hit], slot[cols[hit]]))
        hit_sorted = hit[order]
        first = np.r_[0, np.flatnonzero(np.diff(slot[cols[hit_sorted]])) + 1]
        best = hit_sorted[first]  # one per suggestion, in ``cand`` order
        owners = owner[order][first]
        out: list[Suggestion] = []
        for j, b, k in zip(cand.tolist(), best.tolist(), owners.tolist(), strict=True):
            n_co = int(self._cocounts[pos[b]])
            out.append(
                Suggestion(
                    product=self._codes[j],
                    description=self._texts[j],
                    score=round(float(scores[j]), 6),
                    reason=f"bought with {self._texts[k]} by {_customers(n_co)}",
                )
            )
        return out

    def _popular_suggestions(self, blocked: npt.NDArray[np.bool_], top: int) -> list[Suggestion]:
        out: list[Suggestion] = []
        season_total = max(self.info.season_customers, 1)
        for i in self._popular.tolist():
            if len(out) == top:
                break
            if blocked[i] or self._customers[i] == 0:
                continue
            n_season = int(self._season[i])
            if n_season:
                reason = (
                    f"popular with {_customers(n_season)} in the last {self.info.season_days} days"
                )
                score = n_season / season_total
            else:
                reason = f"bought by {_customers(int(self._customers[i]))}"
                score = 0.0
            out.append(
                Suggestion(
                    product=self._codes[i],
                    description=self._texts[i],
                    score=round(score, 6),
                    reason=reason,
                )
            )
        return out

    # -- persistence -------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically: a temporary file in the same directory, then rename."""
        header = {"format": FORMAT, "version": FORMAT_VERSION, "info": _info_json(self.info)}
        arrays: dict[str, Any] = {
            "header": np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
            "products": self._products,
            "descriptions": self._descriptions,
            "indptr": self._indptr,
            "indices": self._indices.astype(np.int32),
            "weights": self._weights.astype(np.float32),
            "cocounts": self._cocounts,
            "customers": self._customers,
            "season": self._season,
        }
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez_compressed(fh, **arrays)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    @classmethod
    def load(cls, path: Path) -> CrossSellModel:
        """Read a model written by ``save``; ``ModelError`` says what is wrong."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ModelError(
                f"cross-sell model {path} not found (run `screenpop crosssell build`)"
            ) from None
        except OSError as exc:
            raise ModelError(f"cannot read cross-sell model {path}: {exc}") from exc
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                header = json.loads(bytes(npz["header"]).decode())
                if not isinstance(header, dict) or header.get("format") != FORMAT:
                    raise ModelError(f"{path} is not a screenpop cross-sell model")
                if header.get("version") != FORMAT_VERSION:
                    raise ModelError(
                        f"cross-sell model {path} has format version {header.get('version')!r}, "
                        f"this screenpop reads version {FORMAT_VERSION}; rebuild it"
                    )
                info = _info_from_json(header["info"])
                arrays = {name: npz[name] for name in _ARRAYS}
        except ModelError:
            raise
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, EOFError) as exc:
            raise ModelError(f"cross-sell model {path} is corrupt: {exc}") from exc
        return cls(info=info, **arrays)


def _customers(n: int) -> str:
    return f"{n} customer" if n == 1 else f"{n} customers"


def _days(isos: list[str]) -> npt.NDArray[np.float64]:
    """Days since 1970 of ISO dates/datetimes; NaN where unreadable."""
    try:
        d = np.array([s[:10] for s in isos], dtype="datetime64[D]")
        out = d.astype(np.int64).astype(np.float64)
        out[np.isnat(d)] = np.nan
        return out
    except ValueError:
        return np.array([_day(s) for s in isos], dtype=np.float64)


def _day(iso: str) -> float:
    """Days since 1970 of an ISO date/datetime; NaN when unreadable."""
    try:
        return float((date.fromisoformat(iso[:10]) - _EPOCH).days)
    except ValueError:
        return float("nan")


def _info_json(info: ModelInfo) -> dict[str, Any]:
    return {
        "built_at": info.built_at,
        "lines": info.lines,
        "customers": info.customers,
        "products": info.products,
        "history_end": info.history_end,
        "exclude": list(info.exclude),
        "l2": info.l2,
        "neighbours": info.neighbours,
        "season_days": info.season_days,
        "season_customers": info.season_customers,
        "half_life_days": info.half_life_days,
        "rank_decay": info.rank_decay,
        "train_half_life_days": info.train_half_life_days,
    }


def _info_from_json(obj: Any) -> ModelInfo:
    if not isinstance(obj, dict):
        raise TypeError("header info is not an object")
    return ModelInfo(
        built_at=str(obj["built_at"]),
        lines=int(obj["lines"]),
        customers=int(obj["customers"]),
        products=int(obj["products"]),
        history_end=None if obj["history_end"] is None else str(obj["history_end"]),
        exclude=tuple(str(x) for x in obj["exclude"]),
        l2=float(obj["l2"]),
        neighbours=int(obj["neighbours"]),
        season_days=int(obj["season_days"]),
        season_customers=int(obj["season_customers"]),
        half_life_days=float(obj["half_life_days"]),
        rank_decay=float(obj["rank_decay"]),
        train_half_life_days=(
            None if obj.get("train_half_life_days") is None else float(obj["train_half_life_days"])
        ),
    )


def build_model(
    rows: Iterable[HistoryRow],
    *,
    exclude: Collection[str] = (),
    progress: Callable[[int], None] | None = None,
    params: FitParams | None = None,
) -> CrossSellModel:
    """Fit a model on purchase lines, streaming (rows are not kept).

    Products in ``exclude`` (postage, manual lines...) are dropped before
    fitting. ``progress`` is called with the number of lines read, every
    100,000 lines and once at the end. Memory: three int32/int64 arrays of
    the lines plus the per-customer and per-product dictionaries, then the
    dense products² Gram matrix of ``fit.py``.
    """
    excluded = frozenset(exclude)
    cust_ix: dict[str, int] = {}
    prod_ix: dict[str, int] = {}
    day_ix: dict[str, int] = {}
    spellings: dict[tuple[int, str], int] = {}
    # array('q') keeps 8 bytes a line (a list of ints costs ~36).
    cust_a = array("q")
    prod_a = array("q")
    day_a = array("q")
    lines = 0
    for row in rows:
        lines += 1
        if progress is not None and lines % _PROGRESS_EVERY == 0:
            progress(lines)
        if row.product in excluded:
            continue
        c = cust_ix.setdefault(row.customer_id, len(cust_ix))
        p = prod_ix.setdefault(row.product, len(prod_ix))
        ds = row.date[:10]
        d = day_ix.get(ds)
        if d is None:
            d = day_ix[ds] = int(_day(ds)) if ds else 0
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
        cust,
        prod,
        day,
        n_customers=len(cust_ix),
        products=list(prod_ix),
        descriptions=_best_spellings(spellings, len(prod_ix)),
        lines=lines,
        exclude=excluded,
        params=params,
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
) -> CrossSellModel:
    """Fit on lines already turned into indices (day = days since 1970)."""
    from screenpop.crosssell.fit import FitParams, fit

    params = params or FitParams()
    res = fit(cust, prod, day, n_customers, len(products), params)
    end_s = None
    if day.size:
        end_s = date.fromordinal(_EPOCH.toordinal() + int(day.max())).isoformat()
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
    )
    return CrossSellModel(
        info=info,
        products=np.array(products, dtype=np.str_).reshape(len(products)),
        descriptions=np.array(descriptions, dtype=np.str_).reshape(len(products)),
        indptr=res.indptr,
        indices=res.indices,
        weights=res.weights,
        cocounts=res.cocounts,
        customers=res.customers,
        season=res.season,
    )


def _best_spellings(spellings: Mapping[tuple[int, str], int], n: int) -> list[str]:
    """Most frequent description per product (ties: alphabetically first)."""
    best: list[tuple[int, str] | None] = [None] * n
    for (p, text), count in spellings.items():
        cur = best[p]
        if cur is None or count > cur[0] or (count == cur[0] and text < cur[1]):
            best[p] = (count, text)
    return [b[1] if b is not None else "" for b in best]
