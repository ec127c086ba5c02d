"""A customer's purchases per product, as the pop reads them for reorders and cross-sells.

The sales source answers one row per product (``SqlSource.product_history``:
product, description, times_bought, first_bought, last_bought). The feed
turns that into ``Purchases``: parallel columns with dates as days since
1970, so that scoring at pop time does no date parsing and the card's
``freeze`` handles plain numbers. A row without a product or a readable last
date is dropped (logged once per pop), not guessed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

log = logging.getLogger(__name__)

_EPOCH = date(1970, 1, 1).toordinal()


def day_of(value: Any) -> int | None:
    """Days since 1970 of an ISO date/datetime text (or a ``date``); None if unreadable."""
    if isinstance(value, date):
        return value.toordinal() - _EPOCH
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal() - _EPOCH
    except ValueError:
        return None


def iso_day(day: int) -> str:
    """``day`` (days since 1970) as ``YYYY-MM-DD``."""
    return date.fromordinal(day + _EPOCH).isoformat()


def feed_rows(rows: Iterable[Mapping[str, Any]]) -> list[list[Any]]:
    """Source rows as ``[products, descriptions, times, first days, last days]`` columns."""
    products: list[str] = []
    descriptions: list[str] = []
    times: list[int] = []
    first: list[int] = []
    last: list[int] = []
    dropped = 0
    for row in rows:
        product = row.get("product")
        last_day = day_of(row.get("last_bought"))
        if product is None or product == "" or last_day is None:
            dropped += 1
            continue
        first_day = day_of(row.get("first_bought"))
        try:
            n = max(int(row.get("times_bought") or 1), 1)
        except (TypeError, ValueError):
            n = 1
        products.append(str(product))
        descriptions.append(str(row.get("description") or ""))
        times.append(n)
        first.append(last_day if first_day is None or first_day > last_day else first_day)
        last.append(last_day)
    if dropped:
        log.warning("purchase history: %d rows without a product or a readable date", dropped)
    return [products, descriptions, times, first, last]


@dataclass(frozen=True, slots=True)
class Purchases:
    """One customer's products with how often and when (days since 1970)."""

    products: Sequence[str]
    descriptions: Sequence[str]
    times: Sequence[int]
    first: Sequence[int]
    last: Sequence[int]

    @classmethod
    def of(cls, data: Any) -> Purchases:
        """From a feed section's data (``feed_rows`` columns); empty for anything else."""
        if isinstance(data, Sequence) and len(data) == 5 and not isinstance(data, str):
            cols = [c if isinstance(c, Sequence) and not isinstance(c, str) else () for c in data]
            n = len(cols[0])
            if all(len(c) == n for c in cols):
                return cls(*cols)
        return cls((), (), (), (), ())

    def __len__(self) -> int:
        return len(self.products)

    @property
    def newest(self) -> int | None:
        return max(self.last) if self.last else None
