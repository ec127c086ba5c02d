"""Figures from sources as exact decimals: the one place that reads money.

Sources deliver amounts as int, float, Decimal or text, and sometimes as
nonsense (``NaN``, ``1e999``, ``"n/a"``). Credit rules, customer value and the
UI all read them through ``to_decimal`` so that every part agrees on what is
a number and none of them ever computes with a non-finite one.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any


def to_decimal(value: Any) -> Decimal | None:
    """A source's number (int, float, Decimal or numeric text) as Decimal, else None.

    Booleans, non-finite values and text that is not a number are None.
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def to_float(value: Decimal | None) -> float | None:
    """A decimal as the card's JSON number (None stays None)."""
    return None if value is None else float(value)
