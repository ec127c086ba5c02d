"""The demo's receivables and credit, derived from each customer's real invoices.

"Today" in the demo is ``AS_OF``, the day after the last invoice, so balances
and overdue days look the same whenever the demo is built.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

AS_OF = date(2011, 12, 10)

#: GBP -> invoicing currency, approximate 2011 averages. The data's prices
#: are pounds; these only make foreign balances look plausible.
GBP_RATES: dict[str, float] = {
    "GBP": 1.0,
    "EUR": 1.15,
    "USD": 1.60,
    "CHF": 1.42,
    "SEK": 10.4,
    "NOK": 9.0,
    "DKK": 8.6,
    "AUD": 1.55,
    "JPY": 128.0,
}
#: Currencies without minor units.
ZERO_DECIMALS = frozenset({"JPY"})


@dataclass(frozen=True, slots=True)
class Account:
    """One customer's receivables and credit, derived from their purchases."""

    balance: float
    overdue: float
    overdue_days: int
    currency: str
    credit_limit: float
    risk_grade: str
    terms: str
    hold: bool
    hold_reason: str


def _h(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256(":".join(parts).encode()).digest()[:8], "big")


def _nice_ceiling(value: float) -> float:
    """Round up to 1, 2, 2.5 or 5 times a power of ten: how limits are set."""
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _money(gbp: float, currency: str) -> float:
    value = gbp * GBP_RATES[currency]
    return float(round(value)) if currency in ZERO_DECIMALS else round(value, 2)


def derive_account(
    customer_id: str, currency: str, invoices: dict[str, tuple[date, float]]
) -> Account:
    """Balances and credit from the customer's real invoices.

    Every customer is given a payment habit by hash: most pay on time (their
    balance is what is not yet due), some pay late (invoices stay open some
    weeks past due), a few stopped paying (everything since is open and
    overdue). Grade and terms follow the habit and the customer's loyalty;
    the limit follows their busiest month.
    """
    habit = _h("habit", customer_id) % 100
    n_invoices = len(invoices)
    if habit < 72:
        grade = "A" if n_invoices >= 5 else "B"
    elif habit < 90:
        grade = "C"
    else:
        grade = "D"
    terms, due_days = {
        "A": ("Net 60", 60),
        "B": ("Net 30", 30),
        "C": ("Net 14", 14),
        "D": ("Pro forma only", 30),  # new orders prepaid; old ones were Net 30
    }[grade]
    if grade == "C":
        late_days = 10 + _h("late", customer_id) % 36
        stopped: date | None = None
    elif grade == "D":
        late_days = 0
        stopped = AS_OF - timedelta(days=due_days + 30 + _h("stopped", customer_id) % 121)
    else:
        late_days = 0
        stopped = None

    balance = overdue = 0.0
    oldest_due: date | None = None
    for when, total in invoices.values():
        due = when + timedelta(days=due_days)
        paid_on = due + timedelta(days=late_days)
        unpaid = paid_on >= AS_OF or (stopped is not None and when >= stopped)
        if not unpaid:
            continue
        balance += total
        if due < AS_OF:
            overdue += total
            oldest_due = due if oldest_due is None else min(oldest_due, due)
    overdue_days = (AS_OF - oldest_due).days if oldest_due else 0

    monthly: dict[str, float] = defaultdict(float)
    for when, total in invoices.values():
        monthly[when.strftime("%Y-%m")] += total
    factor = {"A": 3.0, "B": 2.0, "C": 1.0, "D": 0.5}[grade]
    limit_gbp = max(500.0, max(monthly.values(), default=0.0) * factor)
    credit_limit = _nice_ceiling(limit_gbp * GBP_RATES[currency])

    balance_c = _money(balance, currency)
    reasons = []
    if overdue_days > 60:
        reasons.append(f"overdue {overdue_days} days")
    if grade == "D" and overdue > 0:
        reasons.append("stopped paying")
    if balance_c > credit_limit:
        reasons.append("over credit limit")
    return Account(
        balance=balance_c,
        overdue=_money(overdue, currency),
        overdue_days=overdue_days,
        currency=currency,
        credit_limit=credit_limit,
        risk_grade=grade,
        terms=terms,
        hold=bool(reasons),
        hold_reason="; ".join(reasons),
    )


def invoice_totals(sales: Path) -> dict[str, dict[str, tuple[date, float]]]:
    """customer -> invoice -> (date, total in GBP), from the built sales.db."""
    out: dict[str, dict[str, tuple[date, float]]] = defaultdict(dict)
    con = sqlite3.connect(sales)
    try:
        rows = con.execute(
            "SELECT customer_id, invoice, substr(min(date), 1, 10), sum(amount) "
            "FROM lines GROUP BY customer_id, invoice ORDER BY customer_id, invoice"
        )
        for customer, invoice, day, total in rows:
            out[customer][invoice] = (date.fromisoformat(day), float(total))
    finally:
        con.close()
    return out
