"""The journal's tables, declared once for the store and checked against the migration.

The schema itself is created and evolved only by the Alembic migrations in
``migrations/versions``; these declarations are what the code reads and writes
through, and ``tests/journal`` compares the two so they cannot drift apart.

Times are REAL seconds since the epoch (UTC): SQLite has no time type, floats
sort and compare in SQL, and the bridges already deliver ``CallEvent.ts`` so.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: The Alembic revision these models correspond to. Opening a journal that is
#: already at this revision skips Alembic entirely (start-up time); a test
#: checks it equals the migration scripts' head.
SCHEMA_HEAD = "0006"


class Base(DeclarativeBase):
    """Declarative base of the journal (its own metadata, nothing shared)."""


class Call(Base):
    """One call as this workstation saw it: one row, updated as the call moves on."""

    __tablename__ = "calls"

    call_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    bridge: Mapped[str] = mapped_column(String(256), default="")
    #: The caller number exactly as the bridge received it (journal is protected data).
    number_received: Mapped[str] = mapped_column(String(64), default="")
    number_e164: Mapped[str | None] = mapped_column(String(32))
    caller_name: Mapped[str] = mapped_column(String(256), default="")
    called: Mapped[str] = mapped_column(String(256), default="")
    state: Mapped[str] = mapped_column(String(16))
    #: Earliest time seen for the call (the ring, or the first event that arrived).
    ringing_at: Mapped[float] = mapped_column(Float)
    answered_at: Mapped[float | None] = mapped_column(Float)
    ended_at: Mapped[float | None] = mapped_column(Float)
    answered_by: Mapped[str | None] = mapped_column(String(256))
    answered_elsewhere: Mapped[bool] = mapped_column(Boolean, default=False)
    customer_id: Mapped[str | None] = mapped_column(String(256))
    customer_name: Mapped[str | None] = mapped_column(String(512))
    matches: Mapped[int] = mapped_column(Integer, default=0)
    pop_latency_ms: Mapped[float | None] = mapped_column(Float)
    #: JSON list of section names that timed out or were unavailable.
    failed_sections: Mapped[str] = mapped_column(Text, default="[]")
    #: The card as shown (``Card.to_json``), so a supervisor sees what the agent saw.
    card_json: Mapped[str | None] = mapped_column(Text)
    disposition: Mapped[str | None] = mapped_column(String(256))
    notes: Mapped[str | None] = mapped_column(Text)
    notes_draft: Mapped[str | None] = mapped_column(Text)
    wrapped_up_at: Mapped[float | None] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)

    __table_args__ = (
        Index("ix_calls_ringing_at", "ringing_at"),
        Index("ix_calls_number_e164", "number_e164"),
        Index("ix_calls_customer_ringing", "customer_id", "ringing_at"),
    )


class CallEventRow(Base):
    """Every event a bridge delivered, in arrival order: the raw history behind ``calls``."""

    __tablename__ = "call_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(
        String(256), ForeignKey("calls.call_id", ondelete="CASCADE")
    )
    state: Mapped[str] = mapped_column(String(16))
    #: When the telephony side says it happened.
    ts: Mapped[float] = mapped_column(Float)
    bridge: Mapped[str] = mapped_column(String(256), default="")
    agent: Mapped[str] = mapped_column(String(256), default="")
    #: When this workstation journaled it (clock skew and delays show up here).
    received_at: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_call_events_call_id", "call_id"),)


class OutboxEntry(Base):
    """A call changed since it last reached the central journal: one entry per call.

    Filled only by SQLite triggers on ``calls`` (migration 0002), inside the
    very transaction that changes the call, so no code path can forget it and
    a killed app cannot commit a change without its entry. A new change to a
    call that is already waiting replaces its entry (``INSERT OR REPLACE``)
    and so gets a new, higher ``id``: the replicator deletes the ids it pushed,
    and a change made while a push was in flight keeps its entry.
    ``AUTOINCREMENT`` guarantees an id is never reused, which that relies on.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(String(256))

    __table_args__ = (
        Index("ix_outbox_call_id", "call_id", unique=True),
        {"sqlite_autoincrement": True},
    )


class SeenEvent(Base):
    """A bridge request already accepted (a webhook's signed id): replays are refused.

    Kept in the journal so that the guard survives a restart: a signed
    request replayed within its validity window after the app restarted is
    still recognised. Rows older than the retention are pruned on each insert
    (``Journal.remember_event``), so the table holds minutes of traffic.
    """

    __tablename__ = "seen_events"

    key: Mapped[str] = mapped_column(String(512), primary_key=True)
    #: When the key stops needing to be remembered from (epoch seconds).
    seen_at: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_seen_events_seen_at", "seen_at"),)


class CaseOutboxEntry(Base):
    """A case opened from a call, kept here until the service desk has it.

    Written in one durable transaction when the agent opens the case, so a
    service desk that is down, or an app that is killed, loses nothing; the
    case writer (``screenpop/cases/writer.py``) sends it and sets
    ``landed_at``. ``case_id`` is unique: the same call and product asked for
    twice is one case. ``last_error`` is what the service desk said last, so
    ``doctor`` (another process) can say why a backlog is not draining.
    """

    __tablename__ = "case_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(64))
    call_id: Mapped[str] = mapped_column(String(256))
    customer_id: Mapped[str] = mapped_column(String(256))
    #: The service source it goes to (``[[source]] name``).
    source: Mapped[str] = mapped_column(String(256))
    product: Mapped[str] = mapped_column(String(256))
    category: Mapped[str] = mapped_column(String(256))
    description: Mapped[str] = mapped_column(Text)
    #: ISO 8601 UTC, when the agent opened it (bound as ``:opened``).
    opened: Mapped[str] = mapped_column(String(40))
    agent: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[float] = mapped_column(Float)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_try_at: Mapped[float | None] = mapped_column(Float)
    last_error: Mapped[str | None] = mapped_column(Text)
    landed_at: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (
        Index("ix_case_outbox_case_id", "case_id", unique=True),
        Index("ix_case_outbox_customer_id", "customer_id"),
        Index("ix_case_outbox_landed_at", "landed_at"),
        {"sqlite_autoincrement": True},
    )
