"""The supervisor window's figures: ``journal stats`` for the log's filters, overall and over time.

The definitions are ``journal stats``'s own: this module only calls
``stats.compute`` with the log's filters (team, agent and outcome as extra
conditions) twice in one read-only REPEATABLE READ snapshot, once for the
whole period and once per day or hour, so the totals and the chart agree
with each other and with the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from screenpop.journal.calllog import LogQuery, conditions, my_teams
from screenpop.journal.search import SearchFilters
from screenpop.journal.stats import GroupStats, compute

#: How the chart groups the period.
BUCKETS = ("day", "hour")


@dataclass(frozen=True, slots=True)
class Figures:
    """The period's figures and the same figures per day or hour (``bucket``)."""

    total: GroupStats
    series: tuple[GroupStats, ...]
    bucket: str


def compute_figures(conn: Connection, query: LogQuery, bucket: str = "day") -> Figures:
    """The figures of the calls ``query`` matches, as this login may read them.

    ``conn`` should be one read-only REPEATABLE READ snapshot
    (``Connection.execution_options``) so both passes count the same calls.
    """
    if bucket not in BUCKETS:
        raise ValueError(f"figures per {bucket!r}: use day or hour")
    # The search filters go through stats' own path; team, agent and outcome on top.
    # Without a team filter the login's own teams are named anyway: they narrow
    # nothing (RLS allows no other), but the planner then knows which range
    # it reads instead of guessing at RLS's array (about a third faster).
    filters: SearchFilters = query.search
    teams = query.teams or tuple(my_teams(conn))
    extra = conditions(LogQuery(teams=teams, agents=query.agents, outcomes=query.outcomes))
    [total] = compute(conn, dialect="postgresql", by="none", filters=filters, where=extra)
    series = compute(conn, dialect="postgresql", by=bucket, filters=filters, where=extra)
    return Figures(total=total, series=tuple(series), bucket=bucket)
