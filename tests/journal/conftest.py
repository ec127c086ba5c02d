"""Shared helpers for the journal tests: a fresh journal per test and event builders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.card import Card, Match, Section, Status
from screenpop.events import CallEvent, CallState
from screenpop.journal import Journal
from screenpop.phone import PhoneNumber, normalise
from tests.journal.central_support import PASSWORD, Central, central_database

NUMBER = "+44 20 7946 0958"


def ev(
    call_id: str,
    state: CallState,
    ts: float,
    *,
    number: str = NUMBER,
    name: str = "Alice Example",
    agent: str = "",
    called: str = "agent",
    bridge: str = "demo",
) -> tuple[CallEvent, PhoneNumber]:
    """An event and its normalised number, as the engine hands them to the journal."""
    event = CallEvent(
        call_id=call_id,
        state=state,
        caller_number=number,
        caller_name=name,
        called=called,
        ts=ts,
        bridge=bridge,
        agent=agent,
    )
    return event, normalise(number, "GB")


def make_card(
    number: str = NUMBER, *, customer: tuple[str, str] | None = ("17850", "Acme Ltd")
) -> Card:
    match = Match(customer_id=customer[0], name=customer[1]) if customer else None
    return Card(
        number=normalise(number, "GB"),
        customer=match,
        matches=[match] if match else [],
        sections={
            "balance": Section(
                Status.OK, data={"balance": 120.5, "currency": "GBP"}, source="accounting"
            ),
            "purchases": Section(Status.TIMEOUT, source="sales", error="no answer in 800 ms"),
            "credit": Section(Status.UNAVAILABLE, source="credit", error="circuit open"),
            "cross_sells": Section(Status.EMPTY),
        },
        latency_ms={"identify": 1.2, "total": 4.1},
    )


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    j = Journal(journal_path)
    try:
        yield j
    finally:
        j.close()


@pytest.fixture
def central() -> Iterator[Central]:
    """A throw-away central PostgreSQL journal set up with the shipped SQL."""
    with central_database() as db:
        yield db


@pytest.fixture
def central_secret(memory_keyring: dict[tuple[str, str], str]) -> str:
    """The central password in the (in-memory) keyring, as `secret set` would store it."""
    memory_keyring[("screenpop", "central-test")] = PASSWORD
    return PASSWORD
