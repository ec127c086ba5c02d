"""The figures a supervisor manages by: ``screenpop journal stats [--by day|hour|agent|none]``.

Per group (a UTC day, a UTC clock hour, an agent, or everything):

- **offered** every call journaled; **answered** answered here (an answer
  time, not by another agent, not missed); **answered elsewhere** picked up by
  another agent; **missed** never answered. Answer and missed rates are of
  offered calls.
- **time to answer** ``answered_at − ringing_at`` and **talk time**
  ``ended_at − answered_at`` of calls answered here: median and p90.
- **wrap-up completion** answered-here calls with a saved wrap-up / answered.
- **dispositions** the most frequent, with counts.
- **pop latency** p50/p95 of ``pop_latency_ms``.
- **failed sections** calls whose card had a section time out or be
  unavailable, or whose identification failed (``identify``), and which
  sections failed most often. A section that is not configured is not on
  the card, so it is never a failure.
- **unknown callers** no customer matched (0 matches) and identification
  worked: a call whose identifying source failed counts as failed, never as
  unknown (the caller may be on file). **multi-match** the number matched
  several customers (the agent was shown a picker).

Why it is computed like this:

- **In the database.** Counts, rates and groupings are SQL aggregates, never
  rows pulled into Python. PostgreSQL computes the percentiles too
  (``percentile_cont``). SQLite has no percentile aggregate: there one column
  is streamed in order per figure and only the values at the percentile's
  positions are kept, so memory stays flat however large the journal is;
  the interpolation is ``percentile_cont``'s, so both give the same figures.
- **One snapshot.** All queries of one report run on one read snapshot (one
  SQLite read transaction; one PostgreSQL REPEATABLE READ transaction), so the
  counts the percentile positions come from and the streamed values agree.
- **Row-level security decides.** Centrally every query runs as the
  configured login and reads only what RLS lets it read; nothing here filters
  by team. ``--by agent`` is therefore a supervisor's team (or an agent's own
  row); locally the journal is one agent's, so ``--by agent`` is refused.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    false,
    func,
    literal_column,
    select,
    true,
)

from screenpop.journal.search import SearchFilters, conditions
from screenpop.journal.stats_dialects import Shape, postgresql_shape, sqlite_shape
from screenpop.journal.stats_figures import COLUMNS, Format, GroupStats, to_json, write

__all__ = [
    "COLUMNS",
    "GROUPINGS",
    "Format",
    "GroupStats",
    "compute",
    "percentile_positions",
    "to_json",
    "write",
]

#: The name ``Card.failed_sections`` gives a failed identification.
IDENTIFY = "identify"
Grouping = Literal["none", "day", "hour", "agent"]
GROUPINGS: tuple[str, ...] = ("none", "day", "hour", "agent")
#: How many dispositions / failing sections are listed per group.
TOP = 5

#: (figure name, value, percentile) computed per group, in output order.
_PERCENTILES: tuple[tuple[str, str, float], ...] = (
    ("answer_p50_s", "answer", 0.5),
    ("answer_p90_s", "answer", 0.9),
    ("talk_p50_s", "talk", 0.5),
    ("talk_p90_s", "talk", 0.9),
    ("pop_p50_ms", "pop", 0.5),
    ("pop_p95_ms", "pop", 0.95),
)


# -------------------------------------------------------------- queries --


def _group_key(shape: Shape, by: str) -> ColumnElement[Any] | None:
    """The grouping expression, or None for one group of everything."""
    t = shape.table
    if by == "none":
        return None
    if by == "day":
        return shape.day(t)
    if by == "hour":
        return shape.hour(t)
    if by == "agent":
        if not shape.has_agent:
            raise ValueError(
                "--by agent needs --central: this workstation's journal is one agent's calls"
            )
        return t.c.agent
    raise ValueError(f"--by {by!r}: use one of {', '.join(GROUPINGS)}")


class _Figures:
    """The per-call expressions every figure is built from (one place for the definitions)."""

    def __init__(self, shape: Shape) -> None:
        c = shape.table.c
        self.answered_here = and_(
            c.answered_at.is_not(None),
            c.answered_elsewhere == false(),
            c.state != "missed",
        )
        self.elsewhere = c.answered_elsewhere == true()
        self.missed = c.state == "missed"
        self.wrapped = and_(self.answered_here, c.wrapped_up_at.is_not(None))
        failed = shape.failed(shape.table)
        #: Identification failed: the caller may well be on file (never "unknown").
        self.identify_failed = shape.failed_has(failed, IDENTIFY)
        self.unknown = and_(c.customer_id.is_(None), c.matches == 0, ~self.identify_failed)
        self.multi = c.matches > 1
        self.failed = shape.failed_count(failed) > 0
        #: The measured values; NULL where a call does not count for the figure.
        self.values: dict[str, ColumnElement[Any]] = {
            "answer": case((self.answered_here, shape.seconds(c.answered_at, c.ringing_at))),
            "talk": case(
                (
                    and_(self.answered_here, c.ended_at.is_not(None)),
                    shape.seconds(c.ended_at, c.answered_at),
                )
            ),
            "pop": c.pop_latency_ms,
        }


def _count(cond: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.count(case((cond, 1)))


def _grouped(query: Select[Any], key: ColumnElement[Any] | None) -> Select[Any]:
    return query if key is None else query.group_by(key).order_by(key)


def compute(
    conn: Connection,
    *,
    dialect: Literal["sqlite", "postgresql"],
    by: str = "none",
    filters: SearchFilters | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[GroupStats]:
    """Every group's figures, groups in order; ``ValueError`` for a grouping the journal lacks.

    ``where`` adds conditions on the same table (the supervisor window's team/agent).

    ``conn`` should hold one snapshot (``Journal.reader()``; a REPEATABLE READ
    transaction centrally) so that the queries of one report agree.
    """
    shape = sqlite_shape() if dialect == "sqlite" else postgresql_shape()
    key = _group_key(shape, by)
    where = [*conditions(filters or SearchFilters(), shape.table, time=shape.time), *where]
    fig = _Figures(shape)
    t = shape.table
    label = (key if key is not None else literal_column("'all'")).label("grp")

    columns: list[Any] = [
        label,
        func.count().label("offered"),
        _count(fig.answered_here).label("answered"),
        _count(fig.elsewhere).label("answered_elsewhere"),
        _count(fig.missed).label("missed"),
        _count(fig.wrapped).label("wrapped_up"),
        _count(fig.failed).label("failed_calls"),
        _count(fig.unknown).label("unknown_callers"),
        _count(fig.multi).label("multi_match"),
    ]
    for name, value in fig.values.items():
        columns.append(func.count(value).label(f"n_{name}"))
    if shape.sql_percentiles:
        for name, value_name, p in _PERCENTILES:
            columns.append(
                func.percentile_cont(literal_column(repr(p)))
                .within_group(fig.values[value_name])
                .label(name)
            )
    rows = conn.execute(_grouped(select(*columns).select_from(t).where(*where), key)).all()

    groups: dict[str, GroupStats] = {}
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        m = row._mapping
        stats = GroupStats(
            group=str(m["grp"]),
            offered=int(m["offered"]),
            answered=int(m["answered"]),
            answered_elsewhere=int(m["answered_elsewhere"]),
            missed=int(m["missed"]),
            wrapped_up=int(m["wrapped_up"]),
            failed_calls=int(m["failed_calls"]),
            unknown_callers=int(m["unknown_callers"]),
            multi_match=int(m["multi_match"]),
        )
        if shape.sql_percentiles:
            for name, _value, _p in _PERCENTILES:
                value = m[name]
                setattr(stats, name, None if value is None else float(value))
        groups[stats.group] = stats
        counts[stats.group] = {name: int(m[f"n_{name}"]) for name in fig.values}

    if not shape.sql_percentiles:
        for value_name in fig.values:
            _stream_percentiles(conn, shape, key, where, fig, value_name, groups, counts)

    # Dispositions and failing sections: a few rows per group, ranked here.
    key_or_all = label
    disp = conn.execute(
        select(key_or_all, t.c.disposition, func.count().label("n"))
        .select_from(t)
        .where(*where, t.c.disposition.is_not(None), t.c.disposition != "")
        .group_by(*([key] if key is not None else []), t.c.disposition)
    ).all()
    for group, name, n in _top(disp):
        groups[group].top_dispositions.append((name, n))
    elements = shape.failed_elements(shape.failed(t))
    failing = conn.execute(
        select(key_or_all, elements.c.value, func.count().label("n"))
        .select_from(t)
        .join(elements, true())
        .where(*where)
        .group_by(*([key] if key is not None else []), elements.c.value)
    ).all()
    for group, name, n in _top(failing):
        groups[group].top_failed_sections.append((name, n))
    return list(groups.values())


def _top(rows: Iterable[Any]) -> list[tuple[str, str, int]]:
    """(group, name, count) ranked per group: most first, then by name; at most ``TOP`` each."""
    by_group: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for group, name, n in rows:
        by_group[str(group)].append((str(name), int(n)))
    out = []
    for group, items in by_group.items():
        items.sort(key=lambda item: (-item[1], item[0]))
        out += [(group, name, n) for name, n in items[:TOP]]
    return out


def percentile_positions(n: int, p: float) -> tuple[int, int, float]:
    """Where ``percentile_cont(p)`` of ``n`` sorted values lies: (lower, upper, fraction)."""
    pos = p * (n - 1)
    lower = math.floor(pos)
    return lower, min(n - 1, lower + 1), pos - lower


def _stream_percentiles(
    conn: Connection,
    shape: Shape,
    key: ColumnElement[Any] | None,
    where: Sequence[ColumnElement[bool]],
    fig: _Figures,
    value_name: str,
    groups: dict[str, GroupStats],
    counts: dict[str, dict[str, int]],
) -> None:
    """Percentiles of one figure for SQLite: one sorted column streamed, O(1) memory.

    The aggregate query already counted each group's values (``counts``), so
    the positions are known before streaming and only the values there are
    kept.
    """
    value = fig.values[value_name].label("v")
    label = (key if key is not None else literal_column("'all'")).label("grp")
    order = [key, value] if key is not None else [value]
    wanted = [(name, p) for name, vname, p in _PERCENTILES if vname == value_name]
    query = (
        select(label, value)
        .select_from(shape.table)
        .where(*where, fig.values[value_name].is_not(None))
        .order_by(*order)
    )
    current: str | None = None
    index = 0
    picks: dict[int, float] = {}
    needed: set[int] = set()

    def finish(group: str | None) -> None:
        if group is None or group not in groups:
            return
        n = counts[group][value_name]
        for name, p in wanted:
            if n == 0:
                continue
            lower, upper, frac = percentile_positions(n, p)
            if lower in picks and upper in picks:
                setattr(groups[group], name, picks[lower] + (picks[upper] - picks[lower]) * frac)

    for group_value, v in conn.execution_options(yield_per=2000).execute(query):
        group = str(group_value)
        if group != current:
            finish(current)
            current, index, picks = group, 0, {}
            n = counts.get(group, {}).get(value_name, 0)
            needed = set()
            for _name, p in wanted:
                if n:
                    lower, upper, _frac = percentile_positions(n, p)
                    needed |= {lower, upper}
        if index in needed:
            picks[index] = float(v)
        index += 1
    finish(current)
