"""A journal of seven known calls, built through the real ``Journal`` API, for search and stats.

The expected figures in ``test_stats.py`` are worked out by hand from the
table below, not recomputed with the code under test.

| call | rang (UTC)        | outcome                         | answer / talk s | pop ms | failed             | customer        | disposition |
|------|-------------------|---------------------------------|-----------------|--------|--------------------|-----------------|-------------|
| c1   | 03-02 09:00:00    | answered here, ended, wrapped   | 4 / 60          | 10     | purchases, credit  | 17850 Acme Ltd  | sale        |
| c2   | 03-02 09:10:00    | answered here, ended, wrapped   | 10 / 120        | 20     | -                  | 20001 Brown     | resolved    |
| c3   | 03-02 09:20:00    | answered here, ended            | 2 / 30          | 30     | -                  | unknown (0)     | -           |
| c4   | 03-02 10:00:00    | missed                          | -               | 40     | purchases          | 2 matches       | -           |
| c5   | 03-02 10:01:40    | answered elsewhere (1018)       | -               | 50     | -                  | 17850 Acme Ltd  | -           |
| c6   | 03-03 09:00:00    | answered here, ended, wrapped   | 6 / 90          | 60     | credit             | 30003 Zoë Café  | sale        |
| c7   | 03-03 09:01:40    | missed, never popped            | -               | -      | -                  | unknown (0)     | -           |
"""

from __future__ import annotations

from datetime import UTC, datetime

from screenpop.card import Card, Match, Section, Status
from screenpop.events import CallState
from screenpop.journal import Journal
from screenpop.phone import normalise
from tests.journal.conftest import ev

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp()
DAY = 86400.0

#: Each call's number as the bridge delivered it (national, international, spaced).
NUMBERS = {
    "c1": "+44 20 7946 0958",
    "c2": "020 7946 0001",
    "c3": "020 7946 0003",
    "c4": "020 7946 0004",
    "c5": "+44 20 7946 0958",
    "c6": "020 7946 0006",
    "c7": "020 7946 0007",
}
NAMES = {
    "c1": "Alice Example",
    "c2": "Bob Brown",
    "c3": "ABC Trading",
    "c4": "Carol",
    "c5": "Alice Example",
    "c6": "ZOË client",
    "c7": "",
}


def card(
    call: str,
    *,
    customer: tuple[str, str] | None = None,
    matches: int | None = None,
    failed: tuple[str, ...] = (),
) -> Card:
    """A card as the lookup would hand it over: ``failed`` sections timed out."""
    match = Match(customer_id=customer[0], name=customer[1]) if customer else None
    if matches is not None and matches > 1:
        found = [Match(customer_id=f"4000{i}", name=f"Duplicate {i}") for i in range(matches)]
    else:
        found = [match] if match else []
    sections = {
        name: Section(Status.TIMEOUT, source=name, error="no answer in 800 ms")
        if name in failed
        else Section(Status.OK, data={"x": 1}, source=name)
        for name in ("balance", "purchases", "credit")
    }
    return Card(
        number=normalise(NUMBERS[call], "GB"), customer=match, matches=found, sections=sections
    )


def _answered_here(j: Journal, call: str, ring: float, answer: float, end: float) -> None:
    number, name = NUMBERS[call], NAMES[call]
    j.record_event(*ev(call, CallState.RINGING, ring, number=number, name=name))
    j.record_event(*ev(call, CallState.ANSWERED, answer, number=number, name=name, agent="agent"))
    j.record_event(*ev(call, CallState.ENDED, end, number=number, name=name))


def fill(j: Journal) -> None:
    """The seven calls of the module docstring, as the engine would journal them."""
    _answered_here(j, "c1", T0, T0 + 4, T0 + 64)
    j.record_card(
        "c1", card("c1", customer=("17850", "Acme Ltd"), failed=("purchases", "credit")), 10
    )
    j.save_wrapup("c1", "sale", "Ordered 6 mugs with the 50% discount")

    _answered_here(j, "c2", T0 + 600, T0 + 610, T0 + 730)
    j.record_card("c2", card("c2", customer=("20001", "Brown & Sons")), 20)
    j.save_wrapup("c2", "resolved", "refund of 500 GBP agreed")

    _answered_here(j, "c3", T0 + 1200, T0 + 1202, T0 + 1232)
    j.record_card("c3", card("c3"), 30)

    j.record_event(*ev("c4", CallState.RINGING, T0 + 3600, number=NUMBERS["c4"], name="Carol"))
    j.record_card("c4", card("c4", matches=2, failed=("purchases",)), 40)
    j.record_event(*ev("c4", CallState.MISSED, T0 + 3630, number=NUMBERS["c4"], name="Carol"))
    j.record_outcome("c4", CallState.MISSED, at=T0 + 3630)

    ring5 = T0 + 3700
    j.record_event(*ev("c5", CallState.RINGING, ring5, number=NUMBERS["c5"], name=NAMES["c5"]))
    j.record_card("c5", card("c5", customer=("17850", "Acme Ltd")), 50)
    j.record_event(
        *ev(
            "c5",
            CallState.ANSWERED,
            ring5 + 5,
            number=NUMBERS["c5"],
            name=NAMES["c5"],
            agent="1018",
        )
    )
    j.record_outcome(
        "c5", CallState.ANSWERED, answered_by="1018", answered_elsewhere=True, at=ring5 + 5
    )
    j.record_event(*ev("c5", CallState.ENDED, ring5 + 100, number=NUMBERS["c5"], name=NAMES["c5"]))

    _answered_here(j, "c6", T0 + DAY, T0 + DAY + 6, T0 + DAY + 96)
    j.record_card("c6", card("c6", customer=("30003", "Zoë Café"), failed=("credit",)), 60)
    j.save_wrapup("c6", "sale", "Asked about item_code ABC-1")

    ring7 = T0 + DAY + 100
    j.record_event(*ev("c7", CallState.RINGING, ring7, number=NUMBERS["c7"], name=""))
    j.record_event(*ev("c7", CallState.MISSED, ring7 + 20, number=NUMBERS["c7"], name=""))
    j.record_outcome("c7", CallState.MISSED, at=ring7 + 20)
