"""Search filters for the supervisor's export (``journal export --until/--state/--text ...``).

Why it is shaped like this:

- **One validation, two databases.** The command line's values are checked
  and normalised once (``build_filters``) into a ``SearchFilters``; the same
  filters then become SQLAlchemy Core conditions on the local SQLite table or
  on the central PostgreSQL table (``conditions``), so the two exports can
  never disagree about what ``--text`` or ``--number`` means.
- **In SQL, bound, indexed.** Every filter is a WHERE condition with bound
  parameters (nothing the user types is spliced into SQL); ``--text`` escapes
  ``%``/``_`` so they match literally; equality filters hit the existing
  indexes (local: ``number_e164``, ``customer_id``, ``ringing_at``; central:
  ``(team, state, ringing_at)`` and ``(agent, ringing_at)``).
- **Numbers as the journal stores them.** ``--number`` is normalised to E.164
  with the agent's region, exactly as the engine normalised the caller when it
  journaled the call, so ``020 7946 0958``, ``0044 20 7946 0958`` and
  ``+442079460958`` find the same calls.
- **Security is the database's.** Centrally these filters only narrow what
  row-level security already allows the login to read; nothing here filters
  by team.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, or_

from screenpop.journal.models import Base
from screenpop.journal.times import parse_since
from screenpop.phone import normalise

#: The call states a journal row can be in (``--state``).
STATES = ("ringing", "answered", "ended", "missed")
#: Text columns ``--text`` searches (case-insensitive substring).
TEXT_COLUMNS = ("caller_name", "customer_name", "notes")
#: Longest ``--text`` accepted: a search term, not a document.
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What a supervisor asked for; every field None/empty means "no filter".

    ``since`` is inclusive, ``until`` exclusive (epoch seconds, on
    ``ringing_at``); ``e164`` is the normalised ``--number``; ``text`` is
    matched literally (no wildcards); ``limit`` caps the rows in export order.
    """

    since: float | None = None
    until: float | None = None
    states: tuple[str, ...] = ()
    customer_id: str | None = None
    e164: str | None = None
    disposition: str | None = None
    text: str | None = None
    limit: int | None = None


def build_filters(
    *,
    since: str | None = None,
    until: str | None = None,
    states: Sequence[str] | None = None,
    customer: str | None = None,
    number: str | None = None,
    disposition: str | None = None,
    text: str | None = None,
    limit: int | None = None,
    region: str = "GB",
    now: datetime | None = None,
) -> SearchFilters:
    """Check and normalise the command line's filters; ``ValueError`` says what is wrong.

    Everything is checked before anything is read, so a bad value exits 2
    with nothing on stdout.
    """
    now = now or datetime.now(UTC)
    since_ts = parse_since(since, now=now) if since else None
    until_ts = parse_since(until, now=now, flag="--until") if until else None
    if since_ts is not None and until_ts is not None and until_ts <= since_ts:
        raise ValueError(f"--until {until!r} is not after --since {since!r}")
    wanted: list[str] = []
    for state in states or ():
        if state not in STATES:
            raise ValueError(f"--state {state!r}: use one of {', '.join(STATES)}")
        if state not in wanted:
            wanted.append(state)
    e164 = None
    if number is not None:
        parsed = normalise(number, region)
        if parsed.e164 is None:
            raise ValueError(
                f"--number {number!r} is not a phone number (with region {region}); "
                "give it as the caller's number, e.g. +442079460958 or 020 7946 0958"
            )
        e164 = parsed.e164
    if text is not None:
        text = text.strip()
        if not text:
            raise ValueError("--text needs some text to search for")
        if len(text) > MAX_TEXT:
            raise ValueError(f"--text is longer than {MAX_TEXT} characters")
    if customer is not None and not customer.strip():
        raise ValueError("--customer needs a customer id")
    if disposition is not None and not disposition.strip():
        raise ValueError("--disposition needs a disposition")
    if limit is not None and limit < 0:
        raise ValueError(f"--limit {limit}: must be 0 or more")
    return SearchFilters(
        since=since_ts,
        until=until_ts,
        states=tuple(wanted),
        customer_id=customer.strip() if customer is not None else None,
        e164=e164,
        disposition=disposition.strip() if disposition is not None else None,
        text=text,
        limit=limit,
    )


def _epoch_to_utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def conditions(
    filters: SearchFilters,
    table: Table,
    *,
    time: Callable[[float], Any] = float,
) -> list[ColumnElement[bool]]:
    """The filters as WHERE conditions on ``table`` (the local or the central ``calls``).

    ``time`` turns epoch seconds into what ``ringing_at`` holds (a float
    locally, a ``timestamptz`` centrally). Combined with AND by the caller.
    """
    c = table.c
    where: list[ColumnElement[bool]] = []
    if filters.since is not None:
        where.append(c.ringing_at >= time(filters.since))
    if filters.until is not None:
        where.append(c.ringing_at < time(filters.until))
    if len(filters.states) == 1:
        where.append(c.state == filters.states[0])
    elif filters.states:
        where.append(c.state.in_(filters.states))
    if filters.customer_id is not None:
        where.append(c.customer_id == filters.customer_id)
    if filters.e164 is not None:
        where.append(c.number_e164 == filters.e164)
    if filters.disposition is not None:
        where.append(c.disposition == filters.disposition)
    if filters.text is not None:
        where.append(text_match(table, filters.text))
    return where


def text_match(table: Table, text: str) -> ColumnElement[bool]:
    """``text`` as a literal, case-insensitive substring of any ``TEXT_COLUMNS`` value.

    ``icontains(..., autoescape=True)`` binds the text as a parameter and
    escapes ``%``, ``_`` and the escape character itself, so ``50%`` finds
    "50%" and not "500". PostgreSQL renders ILIKE; SQLite lower() … LIKE
    (SQLite folds ASCII letters only).
    """
    return or_(*(table.c[name].icontains(text, autoescape=True) for name in TEXT_COLUMNS))


def local_conditions(filters: SearchFilters) -> list[ColumnElement[bool]]:
    """The filters on this workstation's SQLite ``calls`` (times are epoch floats)."""
    return conditions(filters, Base.metadata.tables["calls"])


def central_conditions(filters: SearchFilters) -> list[ColumnElement[bool]]:
    """The filters on the central ``screenpop.calls`` (times are ``timestamptz``)."""
    from screenpop.journal.central import CALLS

    return conditions(filters, CALLS, time=_epoch_to_utc)
