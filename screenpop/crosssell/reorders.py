"""Reorders: the products this customer is likely to order again soon.

Most of the customers in our data are wholesalers who reorder the same lines
again and again, so "what will they buy next" is mostly a reorder that is
due. Each product the customer has bought gets the probability that they buy
it again within ``horizon_days`` (90), from a logistic model over five
numbers (``reorder_fit.py`` fits it at build time on the history itself):

* how many times they bought it (distinct days, log) and how long ago the last
  time was (days, log): the customer's own habit;
* how often the product's buyers buy it more than once (smoothed), how many
  customers ever bought it and how many in the last 30 days (log): whether
  it is a staple that is still selling.

The five best are shown, due ones first, each with when it was last bought,
how often, the usual interval (two orders or more), whether it is due now,
overdue or later, and a sentence an agent can say ("orders about every 3
weeks; last on 2011-12-01, due now") as a translatable ``Reason``.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from screenpop.crosssell.history import Purchases, iso_day
from screenpop.reasons import Reason, define

#: How close to the expected next order counts as due: a quarter of the
#: interval either side, at least this many days.
MIN_SLACK_DAYS = 3

DUE = "due"
OVERDUE = "overdue"
LATER = "later"

ONCE = define("reorders.once", "bought once, on {last}")
_WORDS = {
    DUE: "due now",
    OVERDUE: "overdue",
    LATER: "next around {next}",
}
_EVERY = {
    "daily": "orders about daily",
    "days": "orders about every {days} days",
    "weeks": "orders about every {weeks} weeks",
    "months": "orders about every {months} months",
}
#: ``reorders.<unit>.<state>``: e.g. ``reorders.weeks.due``.
CODES = {
    (unit, state): define(f"reorders.{unit}.{state}", f"{every}; last on {{last}}, {words}")
    for unit, every in _EVERY.items()
    for state, words in _WORDS.items()
}


@dataclass(frozen=True, slots=True)
class ReorderWeights:
    """The fitted logistic model (raw feature scale) and how it was fitted."""

    times: float
    age: float
    repeat: float
    buyers: float
    season: float
    intercept: float
    horizon_days: int = 90
    season_days: int = 30
    #: True when fitted on this history; False: the defaults below (too
    #: little history to learn from).
    fitted: bool = False
    examples: int = 0
    positives: int = 0

    def as_json(self) -> dict[str, float | int | bool]:
        return {
            "times": self.times, "age": self.age, "repeat": self.repeat,
            "buyers": self.buyers, "season": self.season, "intercept": self.intercept,
            "horizon_days": self.horizon_days, "season_days": self.season_days,
            "fitted": self.fitted, "examples": self.examples, "positives": self.positives,
        }


#: Fitted on the whole real retail history (2010-12-01..2011-12-09, cut at
#: 2011-09-10): used only when a history is too short to fit its own.
DEFAULT_WEIGHTS = ReorderWeights(
    times=1.813, age=-0.116, repeat=0.652, buyers=-0.244, season=0.61, intercept=-3.064
)


def repeat_rate(
    repeaters: npt.NDArray[np.integer[Any]], buyers: npt.NDArray[np.integer[Any]]
) -> npt.NDArray[np.float64]:
    """Share of a product's buyers who bought it on two days or more, shrunk towards 1/4."""
    return (repeaters.astype(np.float64) + 1.0) / (buyers.astype(np.float64) + 4.0)


@dataclass(frozen=True, slots=True)
class Reorder:
    """One product the customer is likely to order again, and why."""

    product: str
    description: str
    last_bought: str
    times_bought: int
    interval_days: int | None
    due: str | None
    next_due: str | None
    score: float
    reason: Reason

    def to_json(self) -> dict[str, object]:
        return {
            "product": self.product,
            "description": self.description,
            "last_bought": self.last_bought,
            "times_bought": self.times_bought,
            "interval_days": self.interval_days,
            "due": self.due,
            "next_due": self.next_due,
            "score": self.score,
            **self.reason.to_json(),
        }


class ReorderModel:
    """Per product the part of the score that is the product's; per pop the customer's."""

    def __init__(
        self,
        weights: ReorderWeights,
        index: dict[str, int],
        customers: npt.NDArray[np.int32],
        repeaters: npt.NDArray[np.int32],
        season: npt.NDArray[np.int32],
    ) -> None:
        self.weights = weights
        self._index = index
        w = weights
        term = (
            w.repeat * repeat_rate(repeaters, customers)
            + w.buyers * np.log1p(customers.astype(np.float64))
            + w.season * np.log1p(season.astype(np.float64))
        )
        #: The last entry: a product the model has never seen (no buyers, the
        #: prior repeat rate of 1/4).
        self._term = np.append(term, w.repeat * 0.25)
        self._unknown = term.size

    def rank(
        self, bought: Purchases, today: int, top: int = 5, exclude: Collection[str] = ()
    ) -> list[Reorder]:
        """Up to ``top`` of ``bought``, the due and overdue ones first, each by score."""
        if top <= 0 or not len(bought):
            return []
        w = self.weights
        products = bought.products
        unknown = self._unknown
        if bought.index is not None:
            idx = np.asarray(bought.index, dtype=np.int64)
            idx = np.where(idx >= 0, idx, unknown)
        else:
            idx = np.array([self._index.get(p, unknown) for p in products], dtype=np.int64)
        term = self._term[idx]
        times = np.asarray(bought.times, dtype=np.float64)
        age = np.maximum(today - np.asarray(bought.last, dtype=np.float64), 0.0)
        z = w.times * np.log1p(times) + w.age * np.log1p(age) + term + w.intercept
        if exclude:
            present = set(products)
            for code in exclude:
                if code in present:
                    z[list(products).index(code)] = -np.inf
        finite = np.flatnonzero(np.isfinite(z))
        if finite.size > top:
            # The best ``top`` and everything tied with the last of them ...
            cutoff = np.partition(z[finite], finite.size - top)[finite.size - top]
            finite = finite[z[finite] >= cutoff]
        # ... best first, ties by product code: the same input, the same list.
        order = sorted(finite.tolist(), key=lambda i: (-z[i], products[i]))[:top]
        items = [self._item(bought, i, float(z[i]), today) for i in order]
        return sorted(items, key=lambda r: r.due not in (DUE, OVERDUE))

    def _item(self, bought: Purchases, i: int, z: float, today: int) -> Reorder:
        times = int(bought.times[i])
        last = int(bought.last[i])
        interval: int | None = None
        state: str | None = None
        next_due: str | None = None
        if times >= 2 and bought.last[i] > bought.first[i]:
            mean = (last - int(bought.first[i])) / (times - 1)
            interval = max(1, round(mean))
            expected = last + interval
            slack = max(MIN_SLACK_DAYS, round(interval / 4))
            if today < expected - slack:
                state = LATER
            elif today > expected + slack:
                state = OVERDUE
            else:
                state = DUE
            next_due = iso_day(expected)
        return Reorder(
            product=bought.products[i],
            description=bought.descriptions[i],
            last_bought=iso_day(last),
            times_bought=times,
            interval_days=interval,
            due=state,
            next_due=next_due,
            score=round(1.0 / (1.0 + math.exp(-z)), 4),
            reason=reason(last, interval, state, next_due),
        )


def reason(last: int, interval: int | None, state: str | None, next_due: str | None) -> Reason:
    """"orders about every 3 weeks; last on 2011-12-01, due now" as a code and arguments."""
    last_iso = iso_day(last)
    if interval is None or state is None:
        return Reason.of(ONCE, last=last_iso)
    unit, count = _unit(interval)
    args: dict[str, object] = {"last": last_iso}
    if unit != "daily":
        args[unit] = count
    if state == LATER:
        args["next"] = next_due
    return Reason.of(CODES[(unit, state)], **args)


def _unit(days: int) -> tuple[str, int]:
    """An interval the way a person says it: daily, 2-13 days, 2-8 weeks, 2+ months."""
    if days <= 1:
        return "daily", 1
    if days < 14:
        return "days", days
    if days < 60:
        return "weeks", round(days / 7)
    return "months", max(2, round(days / 30.44))
