"""The ``cases`` section as a derived section: the service desk's rows plus what only
this desk knows (the day it is here, the cases it opened that have not landed yet).

It stands in for the source's own ``cases`` section (``Derived.replaces``), so
the card only ever shows cases with their warranty worked out, open first.
The queued cases come from the local journal's case outbox, asked on the
lookup's source pool like any feed; a journal that cannot be read costs
only those rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from screenpop.card import Section, Status
from screenpop.cases.rows import cases_data, today_in
from screenpop.derived import Derived, Feed
from screenpop.sources.base import Params, Source

#: customer id -> the cases opened here for them that the service desk does not have yet.
QueuedReader = Callable[[str], Sequence[Mapping[str, Any]]]


def cases_section(
    zone: dt.tzinfo,
    queued: QueuedReader | None = None,
    now: Callable[[], dt.datetime] | None = None,
    as_of: str = "",
) -> Derived:
    """``cases`` with warranty against today in ``zone`` (or the fixed ``as_of``
    date, for the demo's 2011 data); ``now`` for tests."""
    fixed = dt.date.fromisoformat(as_of) if as_of else None

    def compute(inputs: Mapping[str, Section]) -> Section:
        raw = inputs["cases"]
        if raw.failed:
            return raw
        waiting_section = inputs.get("queued_cases")
        waiting = (
            list(waiting_section.data or ())
            if waiting_section is not None and waiting_section.ok
            else []
        )
        today = fixed or today_in(zone, now() if now is not None else None)
        data = cases_data(raw.data or (), today, zone, waiting)
        if not data:
            return Section(Status.EMPTY, source=raw.source, latency_ms=raw.latency_ms)
        return Section(Status.OK, data, raw.source, latency_ms=raw.latency_ms)

    feeds: tuple[Feed, ...] = ()
    inputs: tuple[str, ...] = ("cases",)
    if queued is not None:
        reader = queued

        def read(_source: Source, params: Params, _deadline: float) -> Any:
            return list(reader(params.get("customer_id", "")))

        feeds = (Feed("queued_cases", "cases", read),)
        inputs = ("cases", "queued_cases")
    return Derived("cases", inputs, compute, needs=("cases",), feeds=feeds)
