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
import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from screenpop.demo.accounts import AS_OF

#: The fault categories of the demo's config (``[cases] fault_categories``):
#: generated cases use the same words as the ones an agent opens.
FAULT_CATEGORIES = ("Does not work", "Damaged on arrival", "Missing parts", "Wrong item", "Other")
DOES_NOT_WORK, DAMAGED, MISSING, WRONG, OTHER = FAULT_CATEGORIES
#: Per mille of the customers who have had a case with the service desk.
COMPLAINERS_PER_MILLE = 60
OPEN, IN_PROGRESS, WAITING, CLOSED = "open", "in progress", "waiting for parts", "closed"


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of product: how it is recognised, its warranty, and how it fails.

    ``faults`` maps a fault category to the descriptions a service agent
    writes for it; a category repeats its weight times (how often it is the
    complaint for this kind).
    """

    name: str
    words: frozenset[str]
    phrases: tuple[str, ...]
    #: Warranty from the purchase date; None: sold without a stated warranty.
    warranty_days: int | None
    faults: tuple[tuple[str, int, tuple[str, ...]], ...]


KINDS: tuple[Kind, ...] = (
    Kind(
        "clocks, radios and scales",
        frozenset({"CLOCK", "RADIO", "SCALES"}),
        (),
        730,
        (
            (
                DOES_NOT_WORK,
                5,
                (
                    "Stopped keeping time after a few weeks; a new battery did not help.",
                    "Alarm does not ring at the set time.",
                    "Hands catch on each other and the clock stops at twenty past.",
                    "Display stays blank with fresh batteries.",
                ),
            ),
            (
                DAMAGED,
                2,
                (
                    "Glass front cracked when unpacked.",
                    "Case dented in transit; the box was crushed.",
                ),
            ),
            (MISSING, 1, ("Battery cover missing from the box.", "No wall fixing in the pack.")),
            (WRONG, 1, ("Received a different colour from the one ordered.",)),
            (OTHER, 1, ("Ticks much louder than described; customer asks for an exchange.",)),
        ),
    ),
    Kind(
        "electric lights",
        frozenset({"LIGHTS", "LAMP", "LED", "TORCH", "LIGHT"}),
        (),
        365,
        (
            (
                DOES_NOT_WORK,
                5,
                (
                    "Half of the string stays dark.",
                    "Switch is broken: the light will not turn on.",
                    "Flickers and goes out after a few minutes.",
                ),
            ),
            (DAMAGED, 2, ("Shade cracked in the box.", "Two bulbs broken on arrival.")),
            (MISSING, 1, ("Adaptor missing from the box.",)),
            (WRONG, 1, ("Warm white ordered, cool white delivered.",)),
        ),
    ),
    Kind(
        "furniture",
        frozenset({"CABINET", "SHELF", "STOOL", "TABLE", "CHAIR", "TROLLEY", "DRAWERS"}),
        (),
        365,
        (
            (
                DOES_NOT_WORK,
                2,
                (
                    "Door hinge came loose; the door no longer closes.",
                    "Drawer runner broke; the drawer drops out.",
                ),
            ),
            (
                DAMAGED,
                3,
                ("Glass door cracked in transit.", "Leg bent and top scratched on arrival."),
            ),
            (MISSING, 3, ("Screws and fixings missing.", "One shelf missing from the pack.")),
            (WRONG, 1, ("Delivered in cream; customer ordered red.",)),
        ),
    ),
    Kind(
        "tableware and kitchen",
        frozenset(
            {
                "MUG",
                "TEAPOT",
                "BOWL",
                "JAR",
                "PLATE",
                "PLATES",
                "CUP",
                "CUPS",
                "TEACUP",
                "JUG",
                "DISH",
                "CAKESTAND",
                "TUMBLER",
                "BEAKER",
            }
        ),
        ("CAKE STAND",),
        183,
        (
            (
                DOES_NOT_WORK,
                1,
                ("Lid does not seal; the jar lets air in.", "Handle came off in use."),
            ),
            (
                DAMAGED,
                4,
                (
                    "Arrived chipped.",
                    "Two of the set arrived broken.",
                    "Hairline crack found when unpacked.",
                ),
            ),
            (WRONG, 1, ("Different pattern from the one ordered.",)),
            (OTHER, 1, ("Glaze crazed after a few washes.",)),
        ),
    ),
    Kind(
        "bags and textiles",
        frozenset({"CUSHION", "APRON", "PURSE", "SHOPPER", "TOTE", "UMBRELLA", "DOORMAT"}),
        ("LUNCH BAG", "JUMBO BAG", "HOT WATER BOTTLE", "SHOPPING BAG"),
        183,
        (
            (
                DOES_NOT_WORK,
                2,
                (
                    "Zip broke after a week.",
                    "Handle stitching came apart.",
                    "Leaks at the stopper.",
                ),
            ),
            (DAMAGED, 1, ("Stained when unpacked.",)),
            (WRONG, 2, ("Wrong design delivered.", "Received the small size; ordered the large.")),
            (OTHER, 1, ("Colour ran in the first wash.",)),
        ),
    ),
    Kind(
        "jewellery",
        frozenset({"NECKLACE", "BRACELET", "EARRINGS", "BROOCH"}),
        (),
        183,
        (
            (DOES_NOT_WORK, 2, ("Clasp does not close.", "Stones fall out of the setting.")),
            (DAMAGED, 2, ("Chain snapped in the packaging.",)),
            (MISSING, 1, ("Only one earring in the pack.",)),
            (WRONG, 1, ("Gold ordered, silver delivered.",)),
        ),
    ),
    Kind(
        "gifts and decorations",
        frozenset(),
        (),
        None,
        (
            (DAMAGED, 3, ("Several pieces broken in the box.", "Box crushed; contents bent.")),
            (MISSING, 1, ("Pack short: fewer pieces than on the label.",)),
            (WRONG, 2, ("Wrong design delivered.", "Different item from the one ordered.")),
            (OTHER, 1, ("Not as pictured in the catalogue.",)),
        ),
    ),
)
#: Resolution of a closed case, by fault category (in warranty or without one).
RESOLUTIONS = {
    DOES_NOT_WORK: ("Replaced", "Repaired", "Refunded"),
    DAMAGED: ("Replaced", "Refunded"),
    MISSING: ("Missing parts sent",),
    WRONG: ("Exchanged", "Refunded"),
    OTHER: ("Refunded", "Goodwill voucher"),
}
OUT_OF_WARRANTY = "Declined: outside warranty"

_WORD = re.compile(r"[^A-Z0-9-]+")


def kind_of(description: str) -> Kind:
    """The kind of a product from its catalogue description (the last kind catches all)."""
    upper = description.upper()
    words = set(_WORD.split(upper))
    spaced = " " + " ".join(upper.split()) + " "
    for kind in KINDS[:-1]:
        if words & kind.words or any(f" {p} " in spaced for p in kind.phrases):
            return kind
    return KINDS[-1]


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
    elif fault == DOES_NOT_WORK or fault == OTHER:
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
