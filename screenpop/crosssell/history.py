"""A customer's purchases per product, as the pop reads them for reorders and cross-sells.

The sales source answers one row per product (``SqlSource.product_history``:
product, description, times bought, first and last day bought as days since
1970, counted by the database). The feed turns that into five columns, read
back as ``Purchases``, so that scoring at pop time parses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from screenpop.card import FrozenList

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


def feed_rows(
    rows: Iterable[Sequence[Any]], lookup: Callable[[Sequence[str]], list[int]] | None = None
) -> FrozenList:
    """``SqlSource.product_history`` rows as columns: products, descriptions,
    times bought, first days, last days, and (with ``lookup``) each
    product's index in the model, so that both sections reading the feed
    look each product up once per pop, not once each.

    Built as ``FrozenList``s of ``str`` and ``int`` only, so the card takes
    them as they are: freezing 1,000 products one value at a time would cost
    the pop milliseconds for nothing.
    """
    columns = list(zip(*rows, strict=True)) or [(), (), (), (), ()]
    if len(columns) != 5:
        raise ValueError(f"purchase history rows have {len(columns)} columns, not 5")
    convert = (str, str, int, int, int)
    out = [FrozenList(map(kind, column)) for kind, column in zip(convert, columns, strict=True)]
    if lookup is not None:
        out.append(FrozenList(int(i) for i in lookup(out[0])))
    return FrozenList(out)


@dataclass(frozen=True, slots=True)
class Purchases:
    """One customer's products with how often and when (days since 1970)."""

    products: Sequence[str]
    descriptions: Sequence[str]
    times: Sequence[int]
    first: Sequence[int]
    last: Sequence[int]
    #: Each product's index in the model (-1: unknown), when the feed looked them up.
    index: Sequence[int] | None = None

    @classmethod
    def of(cls, data: Any) -> Purchases:
        """From a feed section's data (``feed_rows`` columns); empty for anything else."""
        if isinstance(data, Sequence) and len(data) in (5, 6) and not isinstance(data, str):
            cols = [c if isinstance(c, Sequence) and not isinstance(c, str) else () for c in data]
            n = len(cols[0])
            if all(len(c) == n for c in cols):
                return cls(*cols)
        return cls((), (), (), (), ())

    def __len__(self) -> int:
        return len(self.products)
