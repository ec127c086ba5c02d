"""The supervisor's call log: server-side filters, sorting and keyset paging on the central journal.

Why it is shaped like this:

- **Row-level security decides, filters only narrow.** Every query runs as
  the supervisor's own login; teams and agents here are filters inside what
  the policies allow, never a grant. The date, state, customer, number,
  disposition and text filters are ``journal export``'s own
  (``search.conditions``), so the window and the command line cannot disagree.
- **One index range per team, merged.** PostgreSQL cannot read several
  teams' index ranges in time order, so "all my teams over a year" by RLS
  alone sorted every matching row (187–437 ms on 1M calls). The page asks per
  team in a ``LATERAL`` join over the login's own ``screenpop.supervisors``
  rows and merges the per-team pages: each is an index range that stops after
  one page (benchmarks/central_journal.py).
- **Keyset paging.** A page ends with the key of its last row; the next page
  is "after that key" in the same order, so page 1,000 costs what page 1
  does and rows arriving meanwhile neither repeat nor vanish. The order is
  always total: the sort column, then ``ringing_at``, ``agent``, ``call_id``.
  Sort columns are never NULL (coalesced), so the key compares as a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    Column,
    ColumnElement,
    Connection,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    tuple_,
)

from screenpop.journal.central import CALLS
from screenpop.journal.search import SearchFilters, central_conditions

_META = MetaData(schema="screenpop")
#: ``screenpop.supervisors`` (the login reads only its own rows).
SUPERVISORS = Table(
    "supervisors",
    _META,
    Column("login", Text, primary_key=True),
    Column("team", Text, primary_key=True),
)
#: ``screenpop.team_members`` (a supervisor reads its teams' rows).
TEAM_MEMBERS = Table(
    "team_members",
    _META,
    Column("login", Text, primary_key=True),
    Column("agent", Text),
    Column("team", Text),
)

c = CALLS.c
#: What the supervisor may sort by: name -> a never-NULL expression.
SORTS: dict[str, ColumnElement[Any]] = {
    "time": c.ringing_at,
    "agent": c.agent,
    "team": c.team,
    "state": c.state,
    "caller": c.caller_name,
    "number": func.coalesce(c.number_e164, c.number_received),
    "customer": func.coalesce(c.customer_name, ""),
    "disposition": func.coalesce(c.disposition, ""),
    "pop": func.coalesce(c.pop_latency_ms, -1.0),
}
#: The outcome filter, with ``journal stats``'s definitions (``stats._Figures``).
OUTCOMES: dict[str, ColumnElement[bool]] = {
    "answered": and_(
        c.answered_at.is_not(None), c.answered_elsewhere == false(), c.state != "missed"
    ),
    "missed": c.state == "missed",
    "elsewhere": c.answered_elsewhere == true(),
    "in_progress": and_(c.state.in_(("ringing", "answered")), c.answered_elsewhere == false()),
}
#: Rows per page: a screenful or two; keyset paging makes the next one as cheap.
PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
MAX_TEAMS = 200
#: The window searches text of 3 characters or more (a trigram index needs 3).
MIN_TEXT = 3
MAX_AGENTS = 500

#: The columns of a log row (everything but the card and the notes draft).
_COLUMNS = (
    "agent",
    "team",
    "call_id",
    "state",
    "ringing_at",
    "answered_at",
    "ended_at",
    "number_received",
    "number_e164",
    "caller_name",
    "called",
    "answered_by",
    "answered_elsewhere",
    "customer_id",
    "customer_name",
    "matches",
    "pop_latency_ms",
    "failed_sections",
    "disposition",
    "notes",
    "wrapped_up_at",
)


@dataclass(frozen=True, slots=True)
class LogQuery:
    """What the supervisor asked for: export's filters plus team, agent and outcome.

    ``search.limit`` is ignored (paging decides how much is read).
    """

    search: SearchFilters = field(default_factory=SearchFilters)
    teams: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    sort: str = "time"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"sort by {self.sort!r}: use one of {', '.join(SORTS)}")
        for outcome in self.outcomes:
            if outcome not in OUTCOMES:
                raise ValueError(f"outcome {outcome!r}: use one of {', '.join(OUTCOMES)}")
        text = self.search.text
        if text is not None and len(text.strip()) < MIN_TEXT:
            raise ValueError(f"search for at least {MIN_TEXT} characters")
        if len(self.teams) > MAX_TEAMS or len(self.agents) > MAX_AGENTS:
            raise ValueError("too many teams or agents in one filter")
        for name in (*self.teams, *self.agents):
            if not isinstance(name, str) or not name or len(name) > 256:
                raise ValueError("a team or agent filter needs a name of 1 to 256 characters")


@dataclass(frozen=True, slots=True)
class LogRow:
    """One call in the log (times are aware datetimes in UTC)."""

    agent: str
    team: str
    call_id: str
    state: str
    ringing_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    number: str
    e164: str | None
    caller_name: str
    called: str
    answered_by: str | None
    answered_elsewhere: bool
    customer_id: str | None
    customer_name: str | None
    matches: int
    pop_latency_ms: float | None
    failed_sections: tuple[str, ...]
    disposition: str | None
    notes: str | None
    wrapped_up_at: datetime | None
    #: The row's position in its page's order (for the next page).
    key: tuple[Any, ...] = ()

    @property
    def outcome(self) -> str:
        """``answered``, ``missed``, ``elsewhere`` or ``in_progress`` (stats' definitions)."""
        if self.answered_elsewhere:
            return "elsewhere"
        if self.state == "missed":
            return "missed"
        if self.state in ("ringing", "answered"):
            return "in_progress"
        return "answered" if self.answered_at is not None else "missed"

    @property
    def talk_s(self) -> float | None:
        if self.answered_at is None or self.ended_at is None or self.answered_elsewhere:
            return None
        return (self.ended_at - self.answered_at).total_seconds()


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the log and where the next one starts (None: this was the last)."""

    rows: tuple[LogRow, ...]
    after: tuple[Any, ...] | None


def conditions(query: LogQuery) -> list[ColumnElement[bool]]:
    """Every filter of ``query`` as WHERE conditions on ``screenpop.calls``."""
    where = central_conditions(query.search)
    if query.teams:
        where.append(c.team.in_(query.teams))
    if query.agents:
        where.append(c.agent.in_(query.agents))
    if query.outcomes:
        where.append(or_(*(OUTCOMES[name] for name in query.outcomes)))
    return where


def order_keys(query: LogQuery) -> list[ColumnElement[Any]]:
    """The page's total order: the sort column, then ringing_at, agent, call_id."""
    return _order_keys(query)


def _order_keys(query: LogQuery) -> list[ColumnElement[Any]]:
    keys = [SORTS[query.sort]] if query.sort != "time" else []
    return [*keys, c.ringing_at, c.agent, c.call_id]


def my_teams_query(query: LogQuery) -> Select[Any]:
    return _my_teams(query)


def _my_teams(query: LogQuery) -> Select[Any]:
    """The login's own teams (as ``screenpop.supervisors`` maps them), narrowed by the filter."""
    teams = select(SUPERVISORS.c.team).where(SUPERVISORS.c.login == literal_column("current_user"))
    if query.teams:
        teams = teams.where(SUPERVISORS.c.team.in_(query.teams))
    return teams.distinct()


def page_query(
    query: LogQuery, after: Sequence[Any] | None = None, size: int = PAGE_SIZE
) -> Select[Any]:
    """The SQL of one page.

    Per partition (each of the login's teams; each named agent when the
    filter names agents), an index range in the page's order that stops after
    ``size`` keys; the partitions' keys are merged and cut to ``size``; only
    then are those rows' other columns fetched by primary key (the key scan
    can then be an index-only scan of the covering time index).
    """
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValueError(f"page size {size}: 1 to {MAX_PAGE_SIZE}")
    keys = _order_keys(query)
    partitions: Any
    if query.agents:
        partitions = select(
            func.unnest(literal(list(query.agents), ARRAY(Text))).label("agent")
        ).subquery("agents")
        where = [c.agent == partitions.c.agent, *conditions(query)]
    else:
        partitions = _my_teams(query).subquery("my_teams")
        where = [c.team == partitions.c.team, *conditions(query)]
    if after is not None:
        if len(after) != len(keys):
            raise ValueError("a page key of another sort order")
        row, start = tuple_(*keys), tuple_(*(literal(value) for value in after))
        where.append(row < start if query.descending else row > start)
        # The leading key alone, so the planner gets an index bound from it.
        where.append(keys[0] <= after[0] if query.descending else keys[0] >= after[0])

    def direction(e: ColumnElement[Any]) -> ColumnElement[Any]:
        return e.desc() if query.descending else e.asc()

    key_columns = [c.agent.label("p_agent"), c.call_id.label("p_call_id")] + [
        key.label(f"k{i}") for i, key in enumerate(keys)
    ]
    per_partition = (
        select(*key_columns)
        .where(*where)
        .order_by(*(direction(key) for key in keys))
        .limit(size)
        .lateral("per_partition")
    )
    merged_keys = [per_partition.c[f"k{i}"] for i in range(len(keys))]
    page = (
        select(per_partition)
        .select_from(partitions.join(per_partition, true()))
        .order_by(*(direction(key) for key in merged_keys))
        .limit(size)
        .subquery("page")
    )
    page_keys = [page.c[f"k{i}"] for i in range(len(keys))]
    return (
        select(*(c[name] for name in _COLUMNS), *page_keys)
        .select_from(
            page.join(CALLS, and_(c.agent == page.c.p_agent, c.call_id == page.c.p_call_id))
        )
        .order_by(*(direction(key) for key in page_keys))
    )


def count(conn: Connection, query: LogQuery) -> int:
    """How many calls the filters match (for an export's progress bar)."""
    return int(
        conn.execute(select(func.count()).select_from(CALLS).where(*conditions(query))).scalar_one()
    )


# ---------------------------------------------------------------- the detail --


def roster(conn: Connection) -> list[tuple[str, str]]:
    """(team, agent) of every agent in the login's teams, as RLS shows the roster."""
    rows = conn.execute(
        select(TEAM_MEMBERS.c.team, TEAM_MEMBERS.c.agent).order_by(
            TEAM_MEMBERS.c.team, TEAM_MEMBERS.c.agent
        )
    ).all()
    return [(str(team), str(agent)) for team, agent in rows]


def my_teams(conn: Connection) -> list[str]:
    """The teams this login supervises."""
    return [
        str(t) for t in conn.execute(_my_teams(LogQuery()).order_by(SUPERVISORS.c.team)).scalars()
    ]
