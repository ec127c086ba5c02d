"""The cross-sell model's values: what it was built from, one suggestion, its reasons.

Kept apart from the scoring (``model.py``) so that the file format
(``modelfile.py``), the build and the engine can name them without the
scorer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from screenpop.reasons import Reason, define

EPOCH = date(1970, 1, 1)

BOUGHT_WITH = define("crosssell.bought_with", "bought with {with} by {customers} customers")
BOUGHT_WITH_ONE = define("crosssell.bought_with_one", "bought with {with} by 1 customer")
POPULAR = define(
    "crosssell.popular", "popular with {customers} customers in the last {days} days"
)
POPULAR_ONE = define("crosssell.popular_one", "popular with 1 customer in the last {days} days")
BOUGHT_BY = define("crosssell.bought_by", "bought by {customers} customers")
BOUGHT_BY_ONE = define("crosssell.bought_by_one", "bought by 1 customer")


class ModelError(Exception):
    """The model file is missing, unreadable, corrupt or of another version."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One product to offer, with a reason the agent can say aloud."""

    product: str
    description: str
    score: float
    reason: Reason

    def to_json(self) -> dict[str, object]:
        return {
            "product": self.product,
            "description": self.description,
            "score": self.score,
            **self.reason.to_json(),
        }


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What a model was built from and its scoring settings (``doctor``, the build)."""

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
    train_half_life_days: float | None
    new_days: int
    new_boost: float
    diverse_penalty: float
    diverse_pool: int
    #: At most this many of a customer's products (the most recent) are scored.
    owned_cap: int = 250

    @property
    def today(self) -> int:
        """The day after the history ends (days since 1970): "now" for the build."""
        if self.history_end is None:
            return 0
        return (date.fromisoformat(self.history_end) - EPOCH).days + 1


def csr_ok(
    indptr: npt.NDArray[Any], indices: npt.NDArray[Any], n: int, *values: npt.NDArray[Any]
) -> bool:
    """A CSR triple over ``n`` rows and columns whose values are finite."""
    nnz = indices.shape[0]
    return bool(
        indptr.shape == (n + 1,)
        and all(v.shape == (nnz,) for v in values)
        and (n == 0 or (indptr[0] == 0 and indptr[-1] == nnz))
        and np.all(np.diff(indptr) >= 0)
        and (nnz == 0 or (int(indices.min()) >= 0 and int(indices.max()) < n))
        and all(np.all(np.isfinite(v)) for v in values)
    )


def to_day(value: str | int | None) -> float:
    """Days since 1970 of an ISO date/datetime (or the number itself); NaN if unreadable."""
    if isinstance(value, int):
        return float(value)
    if not value:
        return float("nan")
    try:
        return float((date.fromisoformat(value[:10]) - EPOCH).days)
    except ValueError:
        return float("nan")
