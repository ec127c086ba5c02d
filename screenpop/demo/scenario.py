"""The demo's scripted calls: which numbers ring, written how, and why.

A demo should walk an agent (or a reviewer) through every kind of call the
pop window must handle, in a fixed order so a screenshot or a bug report can
say "the fifth call": known customers of several countries and scripts
(Hebrew and Arabic right to left), the same number written the ways real
bridges deliver it (E.164, national with spaces, ``00`` prefix, ``tel:`` and
``sip:`` URIs), a valid number nobody has, a withheld one, the number two
customers share, and a customer with an overdue balance on credit hold.

The service side too: a customer with an open case still under warranty
calls twice (first missed, then answered: the pop's contact history shows the
missed call), and a customer who called earlier calls back while accounting is
down. That outage is real: the demo bridge holds an exclusive lock on
``accounting.db`` while the call rings (``screenpop.demo.outage``), so the
accounting source fails the way it would behind a month-end batch job, and
the pop can only offer the balance journaled on the earlier call. The
call-back carries the account number the caller keyed into the IVR, as many
call-backs do; it also keeps the lookup from answering out of the short card
cache, which would otherwise still hold the earlier call's card when the
demo rings fast.

Calls are chosen from the built databases, not hard-coded, so they always
match the customers actually in the demo.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat

from screenpop.demo.accounts import AS_OF
from screenpop.demo.people import make_number


@dataclass(frozen=True, slots=True)
class DemoCall:
    """One scripted call.

    ``number`` is written as the bridge would receive it; ``name`` is the
    caller name the network sends (often empty); ``customer_ids`` are the
    customers the number should identify (none, one, or the shared pair);
    ``answer`` says whether the agent picks up or the call is missed.
    """

    number: str
    name: str
    note: str
    customer_ids: tuple[str, ...]
    answer: bool
    #: The account number the caller keyed into the IVR (``attached.account``).
    account: str = ""
    #: A database file the demo bridge holds an exclusive lock on while this
    #: call rings: that department is down for the call.
    outage: str = ""


@dataclass(frozen=True, slots=True)
class _Customer:
    customer_id: str
    name: str
    country: str
    phone_e164: str
    invoices: int
    overdue: float
    hold: bool
    risk_grade: str
    balance: float


Writer = Callable[[str], str]


def _e164(e164: str) -> str:
    return e164


def _international(e164: str) -> str:
    """``+358 13 1230597``: how a number is printed on a foreign letterhead."""
    return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.INTERNATIONAL)


def _national(e164: str) -> str:
    """``0116 496 0396``: only meaningful for the agent's own region (GB)."""
    return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.NATIONAL)


def _double_zero(e164: str) -> str:
    """``0049 151 ...``: the international prefix dialled from Europe."""
    return "00" + _international(e164)[1:]


def _tel(e164: str) -> str:
    """``tel:+44-116-496-0396`` (RFC 3966)."""
    return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.RFC3966)


def _sip(e164: str) -> str:
    return f"sip:{e164}@pbx.demo.invalid;user=phone"


def _load(accounting: Path, credit: Path, sales: Path) -> list[_Customer]:
    con = sqlite3.connect(f"file:{accounting}?mode=ro", uri=True)
    try:
        con.execute("ATTACH DATABASE ? AS cr", (f"file:{credit}?mode=ro",))
        con.execute("ATTACH DATABASE ? AS sa", (f"file:{sales}?mode=ro",))
        rows = con.execute(
            """
            SELECT c.customer_id, c.name, c.country, c.phone_e164,
                   (SELECT COUNT(DISTINCT invoice) FROM sa.lines l
                     WHERE l.customer_id = c.customer_id),
                   a.overdue, k.hold, k.risk_grade, a.balance
              FROM customers c
              JOIN ar a ON a.customer_id = c.customer_id
              JOIN cr.credit k ON k.customer_id = c.customer_id
             ORDER BY c.customer_id
            """
        ).fetchall()
    finally:
        con.close()
    return [
        _Customer(
            r[0], r[1], r[2], r[3], int(r[4]), float(r[5]), bool(r[6]), str(r[7]), float(r[8])
        )
        for r in rows
    ]


def _under_warranty(service: Path) -> set[str]:
    """Customers with an open case about a product still under warranty on ``AS_OF``."""
    con = sqlite3.connect(f"file:{service}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT DISTINCT customer_id FROM cases WHERE status <> 'closed' "
            "AND warranty_until >= ?",
            (AS_OF.isoformat(),),
        ).fetchall()
    finally:
        con.close()
    return {r[0] for r in rows}


def _best(customers: list[_Customer], keep: Callable[[_Customer], bool]) -> _Customer | None:
    """The matching customer with the most invoices (ties: lowest number)."""
    found = [c for c in customers if keep(c)]
    if not found:
        return None
    return max(found, key=lambda c: (c.invoices, -int(c.customer_id)))


def make_calls(accounting: Path, sales: Path, credit: Path, service: Path) -> tuple[DemoCall, ...]:
    """The demo's call cycle, from the built databases."""
    customers = _load(accounting, credit, sales)
    warranty = _under_warranty(service)
    by_phone: dict[str, list[_Customer]] = {}
    for c in customers:
        by_phone.setdefault(c.phone_e164, []).append(c)
    sharing = sorted(
        (group for group in by_phone.values() if len(group) > 1),
        key=lambda g: g[0].customer_id,
    )
    calls: list[DemoCall] = []
    used: set[str] = set()

    def again(
        pick: _Customer | None,
        write: Writer,
        note: str,
        *,
        answer: bool,
        cnam: bool,
        account: str = "",
        outage: str = "",
    ) -> None:
        if pick is None:
            return  # that kind of customer is not in this data: skip the call
        calls.append(
            DemoCall(
                number=write(pick.phone_e164),
                name=pick.name if cnam else "",
                note=note.format(country=pick.country),
                customer_ids=(pick.customer_id,),
                answer=answer,
                account=account,
                outage=outage,
            )
        )

    def known(
        keep: Callable[[_Customer], bool], write: Writer, note: str, *, answer: bool, cnam: bool
    ) -> _Customer | None:
        pick = _best(
            customers,
            lambda c: c.customer_id not in used and len(by_phone[c.phone_e164]) == 1 and keep(c),
        )
        if pick is not None:
            used.add(pick.customer_id)
        again(pick, write, note, answer=answer, cnam=cnam)
        return pick

    def country(name: str) -> Callable[[_Customer], bool]:
        return lambda c: c.country == name

    known(
        lambda c: c.country == "United Kingdom" and not c.hold and c.risk_grade == "A",
        _e164,
        "UK customer in good standing, E.164",
        answer=True,
        cnam=True,
    )
    owing = known(
        lambda c: c.country == "United Kingdom" and not c.hold and c.balance > 0 and not c.overdue,
        _e164,
        "UK customer with an open balance, accounting up: this pop is journaled",
        answer=True,
        cnam=True,
    )
    known(
        country("Finland"),
        _international,
        "{country}: international format",
        answer=True,
        cnam=True,
    )
    taken = {c.phone_e164 for c in customers}
    unknown = make_number("demo-unknown-caller", "GB", taken)
    calls.append(
        DemoCall(_national(unknown), "", "valid UK number nobody has: unknown caller", (), False)
    )
    complainer = known(
        lambda c: c.country == "United Kingdom" and c.customer_id in warranty,
        _international,
        "{country}: open case under warranty; missed (contact history for the call-back)",
        answer=False,
        cnam=True,
    )
    if sharing:
        pair = sharing[0]
        family = pair[0].name.rsplit(" ", 1)[-1]
        calls.append(
            DemoCall(
                _tel(pair[0].phone_e164),
                family.upper(),
                "one line shared by two customers (household): pick one",
                tuple(c.customer_id for c in pair),
                True,
            )
        )
    again(
        owing,
        _national,
        "the customer with a balance calls back, account keyed in the IVR; accounting is down "
        "(its database locked): last known balance, and the earlier call in the history",
        answer=True,
        cnam=False,
        account=owing.customer_id if owing else "",
        outage=str(accounting),
    )
    known(country("Germany"), _double_zero, "{country}: 00 prefix", answer=True, cnam=False)
    calls.append(DemoCall("anonymous", "", "withheld number: manual search", (), False))
    known(
        lambda c: c.country == "United Kingdom" and c.hold and c.overdue > 0,
        _national,
        "UK customer with an overdue balance on credit hold, national format",
        answer=True,
        cnam=False,
    )
    known(
        country("Israel"),
        _sip,
        "{country}: Hebrew name (right to left), SIP URI",
        answer=True,
        cnam=True,
    )
    again(
        complainer,
        _e164,
        "{country}: calls back about the open warranty case; answered",
        answer=True,
        cnam=True,
    )
    known(country("Sweden"), _tel, "{country}: tel: URI", answer=False, cnam=True)
    known(country("France"), _sip, "{country}: SIP URI", answer=True, cnam=False)
    known(country("Lithuania"), _double_zero, "{country}: 00 prefix", answer=True, cnam=True)
    known(
        country("Estonia"),
        _international,
        "{country}: international format",
        answer=True,
        cnam=True,
    )
    known(country("Japan"), _e164, "{country}: Japanese name, E.164", answer=True, cnam=False)
    known(
        country("United Arab Emirates"),
        _international,
        "{country}: Arabic name (right to left), international format",
        answer=False,
        cnam=True,
    )
    return tuple(calls)
