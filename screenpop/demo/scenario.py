"""The demo's scripted calls: which numbers ring, written how, and why.

A demo should walk an agent (or a reviewer) through every kind of call the
pop window must handle, in a fixed order so a screenshot or a bug report can
say "the fifth call": known customers of several countries and scripts
(Hebrew and Arabic right to left), the same number written the ways real
bridges deliver it (E.164, national with spaces, ``00`` prefix, ``tel:`` and
``sip:`` URIs), a valid number nobody has, a withheld one, the number two
customers share, and a customer with an overdue balance on credit hold.

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
                   a.overdue, k.hold, k.risk_grade
              FROM customers c
              JOIN ar a ON a.customer_id = c.customer_id
              JOIN cr.credit k ON k.customer_id = c.customer_id
             ORDER BY c.customer_id
            """
        ).fetchall()
    finally:
        con.close()
    return [
        _Customer(r[0], r[1], r[2], r[3], int(r[4]), float(r[5]), bool(r[6]), str(r[7]))
        for r in rows
    ]


def _best(customers: list[_Customer], keep: Callable[[_Customer], bool]) -> _Customer | None:
    """The matching customer with the most invoices (ties: lowest number)."""
    found = [c for c in customers if keep(c)]
    if not found:
        return None
    return max(found, key=lambda c: (c.invoices, -int(c.customer_id)))


def make_calls(accounting: Path, sales: Path, credit: Path) -> tuple[DemoCall, ...]:
    """The demo's call cycle, from the built databases."""
    customers = _load(accounting, credit, sales)
    by_phone: dict[str, list[_Customer]] = {}
    for c in customers:
        by_phone.setdefault(c.phone_e164, []).append(c)
    sharing = sorted(
        (group for group in by_phone.values() if len(group) > 1),
        key=lambda g: g[0].customer_id,
    )
    calls: list[DemoCall] = []
    used: set[str] = set()

    def known(
        keep: Callable[[_Customer], bool], write: Writer, note: str, *, answer: bool, cnam: bool
    ) -> None:
        pick = _best(
            customers,
            lambda c: c.customer_id not in used and len(by_phone[c.phone_e164]) == 1 and keep(c),
        )
        if pick is None:
            return  # that kind of customer is not in this data: skip the call
        used.add(pick.customer_id)
        calls.append(
            DemoCall(
                number=write(pick.phone_e164),
                name=pick.name if cnam else "",
                note=note.format(country=pick.country),
                customer_ids=(pick.customer_id,),
                answer=answer,
            )
        )

    def country(name: str) -> Callable[[_Customer], bool]:
        return lambda c: c.country == name

    known(
        lambda c: c.country == "United Kingdom" and not c.hold and c.risk_grade == "A",
        _e164,
        "UK customer in good standing, E.164",
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
