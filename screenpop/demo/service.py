"""The demo's service desk: complaint and warranty cases derived from real purchases.

A call centre's service side is only believable when a case is about
something the caller really bought. So every case here starts from one line
of the customer's real purchase history (``sales.db``): that product, that
invoice, opened some days after the purchase, with the warranty its kind of
product carries from the day it was bought. Which customers complain, about
which purchase, what went wrong and how it ended are chosen by SHA-256 of the
customer number (never Python's salted ``hash``), so every machine builds the
same service desk; "today" is the demo's ``AS_OF`` like everywhere else.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from screenpop.demo.accounts import AS_OF
from screenpop.demo.faults import (
    CLOSED,
    DOES_NOT_WORK,
    IN_PROGRESS,
    OPEN,
    OTHER,
    OUT_OF_WARRANTY,
    RESOLUTIONS,
    WAITING,
    kind_of,
)

#: Per mille of the customers who have had a case with the service desk.
COMPLAINERS_PER_MILLE = 60


def _h(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256(":".join(map(str, parts)).encode()).digest()[:8], "big")


def _pick(options: tuple[str, ...], *key: object) -> str:
    return options[_h(*key) % len(options)]


def _last_sunday(year: int, month: int) -> date:
    last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def uk_to_utc(local: datetime) -> datetime:
    """UK local office hours to UTC (British Summer Time: last Sunday of March to October).

    Cases are opened between 09:00 and 17:00, far from the 01:00 switch, so
    the day decides. Hand-written so the build needs no time-zone database
    (Windows has none without the ``tzdata`` package).
    """
    day = local.date()
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return local - timedelta(hours=1 if summer else 0)


@dataclass(frozen=True, slots=True)
class Purchase:
    """One product on one of the customer's real invoices (the first line of it)."""

    customer_id: str
    invoice: str
    product: str
    description: str
    day: date


@dataclass(frozen=True, slots=True)
class Case:
    """A row of the service desk's ``cases`` table (``databases.write_service``)."""

    case_id: str
    customer_id: str
    product: str
    description: str
    fault: str
    status: str
    opened: str
    warranty_until: str | None
    invoice: str
    purchased: str
    closed: str | None
    resolution: str | None


def complains(customer_id: str) -> bool:
    """Whether this customer has had cases with the service desk at all."""
    return _h("complains", customer_id) % 1000 < COMPLAINERS_PER_MILLE


def _case(p: Purchase, n: int) -> Case | None:
    """Case ``n`` of a customer about purchase ``p``, or None if it cannot be before ``AS_OF``."""
    kind = kind_of(p.description)
    key = (p.customer_id, p.invoice, p.product, n)
    weighted = [(cat, texts) for cat, weight, texts in kind.faults for _ in range(weight)]
    fault, texts = weighted[_h("fault", *key) % len(weighted)]
    if fault == DOES_NOT_WORK and kind.warranty_days:
        # Some fail after the warranty ran out: the desk sees those too.
        delay = 7 + _h("delay", *key) % int(kind.warranty_days * 1.25)
    elif fault in (DOES_NOT_WORK, OTHER):
        delay = 3 + _h("delay", *key) % 60
    else:  # noticed when unpacking
        delay = 1 + _h("delay", *key) % 10
    latest = (AS_OF - p.day).days - 1  # opened before "today"
    if latest < 1:
        return None
    if delay > latest:
        delay = 1 + _h("recent", *key) % latest
    minutes = _h("minute", *key) % (8 * 60)
    local = datetime.combine(p.day + timedelta(days=delay), datetime.min.time())
    opened = uk_to_utc(local + timedelta(hours=9, minutes=minutes))
    until = p.day + timedelta(days=kind.warranty_days) if kind.warranty_days else None
    age = (AS_OF - opened.date()).days
    roll = _h("status", *key) % 100
    if age <= 21:
        status = OPEN if roll < 70 else IN_PROGRESS
    elif age <= 60:
        status = (OPEN, IN_PROGRESS, WAITING)[roll % 3] if roll < 50 else CLOSED
    else:
        status = WAITING if roll < 8 else CLOSED
    closed = resolution = None
    if status == CLOSED:
        done = opened.date() + timedelta(days=2 + _h("closed", *key) % 28)
        closed = min(done, AS_OF - timedelta(days=1)).isoformat()
        if until is not None and opened.date() > until and fault == DOES_NOT_WORK:
            resolution = OUT_OF_WARRANTY
        else:
            resolution = _pick(RESOLUTIONS[fault], "resolution", *key)
    return Case(
        case_id="",
        customer_id=p.customer_id,
        product=p.product,
        description=_pick(texts, "text", *key),
        fault=fault,
        status=status,
        opened=opened.isoformat(timespec="seconds") + "Z",
        warranty_until=until.isoformat() if until else None,
        invoice=p.invoice,
        purchased=p.day.isoformat(),
        closed=closed,
        resolution=resolution,
    )


def customer_cases(purchases: list[Purchase]) -> list[Case]:
    """One to three cases of one customer, each about a different real purchase."""
    if not purchases:
        return []
    cid = purchases[0].customer_id
    wanted = 1 + int(_h("more", cid) % 4 == 0) + int(_h("more", cid) % 12 == 0)
    # Goods with a warranty come back far more often than paper napkins.
    guaranteed = [p for p in purchases if kind_of(p.description).warranty_days]
    out: list[Case] = []
    tried: set[Purchase] = set()
    for n in range(wanted * 4):  # a few tries: a purchase of the last day yields none
        if len(out) == wanted or len(tried) == len(purchases):
            break
        pool = guaranteed if guaranteed and _h("kind", cid, n) % 5 else purchases
        p = pool[_h("purchase", cid, n) % len(pool)]
        if p in tried:
            continue
        tried.add(p)
        case = _case(p, len(out))
        if case is not None:
            out.append(case)
    return out


def read_purchases(con: sqlite3.Connection, customer_id: str) -> list[Purchase]:
    """The customer's purchases, one per invoice and product, in a stable order."""
    rows = con.execute(
        "SELECT invoice, product, min(description), substr(min(date), 1, 10) FROM lines "
        "WHERE customer_id = ? GROUP BY invoice, product ORDER BY invoice, product",
        (customer_id,),
    ).fetchall()
    return [Purchase(customer_id, r[0], r[1], r[2], date.fromisoformat(r[3])) for r in rows]


def derive_cases(sales: Path, customer_ids: list[str]) -> list[Case]:
    """Every case of the demo's service desk, numbered in the order they were opened."""
    con = sqlite3.connect(f"file:{sales}?mode=ro", uri=True)
    try:
        cases = [
            case
            for cid in sorted(customer_ids)
            if complains(cid)
            for case in customer_cases(read_purchases(con, cid))
        ]
    finally:
        con.close()
    cases.sort(key=lambda c: (c.opened, c.customer_id, c.product))
    return [replace(c, case_id=f"CS-{10001 + i}") for i, c in enumerate(cases)]
