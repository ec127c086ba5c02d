"""A log page with a text filter: recent rows first, the trigram index for the rest.

Why it is shaped like this: under row-level security PostgreSQL may not apply
ILIKE (not leakproof) to its statistics, so it estimates every text filter at
0.5% and picks the trigram index even for a word in half the calls ("promised":
1.4 s to gather and sort 56,000 rows for a page of 100). Neither plan is right
for every word, and the planner cannot tell which is which, so per partition
(each team, or each named agent):

1. **Window.** The first ``WINDOW`` rows in the page's order (an index range,
   all other filters applied) are read and the text is matched in them. If
   the page fills from them, or the range holds no more, that partition is
   done: a common word costs a few hundred rows.
2. **Trigram.** Otherwise the word is rare there, and the rest of the range
   (after the window's last key) is searched with the trigram index
   (``calls_text_trgm``). Under RLS PostgreSQL never uses an index for ILIKE
   (it is not a leakproof operator), so the keys come from the DBA's
   ``screenpop.supervisor_text_search(term)``, which runs as the owner and
   applies the supervisor policy's own rule (the login's teams); the rows are
   then read, filtered and ordered through RLS as any other.

The partitions' matches are merged and cut to the page. The result is exact:
each partition contributes its first ``size`` matches in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, literal, or_, select, tuple_

from screenpop.journal.calllog import (
    LogQuery,
    conditions,
    my_teams_query,
    order_keys,
)
from screenpop.journal.central import CALLS
from screenpop.journal.search import text_match

#: Rows read in order before switching to the trigram index (per partition).
WINDOW = 3000

c = CALLS.c


def _after_condition(
    keys: Sequence[ColumnElement[Any]], after: Sequence[Any], descending: bool
) -> list[ColumnElement[bool]]:
    row, start = tuple_(*keys), tuple_(*(literal(v) for v in after))
    return [
        row < start if descending else row > start,
        keys[0] <= after[0] if descending else keys[0] >= after[0],
    ]


def text_page_candidates(
    conn: Connection, query: LogQuery, after: Sequence[Any] | None, size: int
) -> list[tuple[str, str]]:
    """(agent, call_id) of every partition's first ``size`` matches: the page is among them."""
    assert query.search.text is not None
    keys = order_keys(query)
    if query.agents:
        partitions = [(c.agent, agent) for agent in query.agents]
    else:
        teams = conn.execute(my_teams_query(query)).scalars().all()
        partitions = [(c.team, team) for team in teams]
    others = conditions(replace(query, search=replace(query.search, text=None)))
    matcher = text_match(CALLS, query.search.text)

    def direction(e: ColumnElement[Any]) -> ColumnElement[Any]:
        return e.desc() if query.descending else e.asc()

    found: list[tuple[str, str]] = []
    rare: list[tuple[Any, tuple[Any, ...], int]] = []
    for column, value in partitions:
        where = [column == value, *others]
        if after is not None:
            where += _after_condition(keys, after, query.descending)
        window = conn.execute(
            select(c.agent, c.call_id, matcher.label("hit"), *keys)
            .where(*where)
            .order_by(*(direction(k) for k in keys))
            .limit(WINDOW)
        ).all()
        hits = [(str(r[0]), str(r[1])) for r in window if r[2]]
        found += hits[:size]
        if len(hits) < size and len(window) == WINDOW:
            rare.append((column == value, tuple(window[-1][3:]), size - len(hits)))
    if rare:
        # Rare there: the rest of those ranges through the trigram index, which
        # only the owner's search function can use (ILIKE under RLS never uses
        # an index); the rows are then read through RLS as usual.
        door = _door(query, [last for _, last, _ in rare])
        ranges = [
            and_(cond, *_after_condition(keys, last, query.descending)) for cond, last, _ in rare
        ]
        rest = conn.execute(
            select(c.agent, c.call_id)
            .where(or_(*ranges), *others, matcher, tuple_(c.agent, c.call_id).in_(door))
            .order_by(*(direction(k) for k in keys))
            .limit(size)
        ).all()
        found += [(str(r[0]), str(r[1])) for r in rest]
    return found


def _door(query: LogQuery, lasts: Sequence[tuple[Any, ...]]) -> Any:
    """``supervisor_text_search`` narrowed by the filters it understands."""
    from datetime import UTC, datetime

    from sqlalchemy import ARRAY, Text, cast
    from sqlalchemy.dialects.postgresql import TIMESTAMP

    search = query.search
    states: set[str] | None = set(search.states) if search.states else None
    simple = {"missed": {"missed"}, "in_progress": {"ringing", "answered"}}
    if query.outcomes and all(o in simple for o in query.outcomes):
        wanted: set[str] = set().union(*(simple[o] for o in query.outcomes))
        states = wanted if states is None else states & wanted
    until = search.until
    if query.sort == "time" and query.descending and lasts:
        # Nothing newer than the windows' last rows is wanted from the door.
        latest = max(last[0] for last in lasts).timestamp() + 1e-6
        until = latest if until is None else min(until, latest)

    def stamp(ts: float | None) -> Any:
        value = None if ts is None else datetime.fromtimestamp(ts, UTC)
        return cast(literal(value, TIMESTAMP(timezone=True)), TIMESTAMP(timezone=True))

    def names(values: Sequence[str] | set[str] | None) -> Any:
        listed = sorted(values) if values is not None else None
        return cast(literal(listed, ARRAY(Text)), ARRAY(Text))

    return select(
        func.screenpop.supervisor_text_search(
            search.text,
            names(query.teams or None),
            names(query.agents or None),
            stamp(search.since),
            stamp(until),
            names(states),
        )
        .table_valued("agent", "call_id")
        .render_derived()
    )
