"""A broken ``identify`` is a failure, never an unknown caller.

With the identify query on a table that is not there, ``lookup --json`` said
``customer: null`` and nothing else, and the journal counted an unknown
caller. The card now names the source that could not answer and why, and the
journal counts the call's identification as failed.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from screenpop.card import Card, Section
from screenpop.cli import main
from screenpop.config.loader import load_config
from screenpop.engine import Engine
from screenpop.frontend import CallInfo, CallState
from screenpop.health import Health
from tests import sampledb

AINO = "+358401234567"
BROKEN = "SELECT id AS customer_id, name FROM no_such_table WHERE phone = :e164"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    paths = sampledb.build(tmp_path / "db")
    text = sampledb.config_text(paths, extra=f'\n[journal]\nlocal = "{tmp_path / "journal.db"}"\n')
    text = text.replace(
        'identify = "SELECT id AS customer_id, name FROM customers WHERE phone = :e164"',
        f'identify = "{BROKEN}"',
    )
    assert BROKEN in text
    path = tmp_path / "agent.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lookup_json_names_the_source_and_why(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["lookup", AINO, "--config", str(config), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["customer"] is None
    assert card["matches"] == []
    assert card["sections"] == {}
    [failed] = card["identify_failed"]
    assert failed["source"] == "accounting"
    assert "no such table: no_such_table" in failed["error"]
    assert failed["reason_code"] == "sql.driver"
    assert failed["reason_args"]["source"] == "accounting"


class Recorder:
    """A front end that only notes completed cards."""

    def __init__(self) -> None:
        self.cards: dict[str, Card] = {}
        self.done = threading.Event()

    def call_ringing(self, call: CallInfo) -> None:
        pass

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        pass

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        pass

    def card_complete(self, call_id: str, card: Card) -> None:
        self.cards[call_id] = card
        self.done.set()

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        pass

    def bridge_health(self, name: str, health: Health) -> None:
        pass

    def journal_health(self, name: str, health: Health) -> None:
        pass


def test_the_journal_counts_it_as_failed_not_unknown(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = Engine(load_config(config, environ={}), journal_path=tmp_path / "journal.db")
    front = Recorder()
    engine.start(front)
    try:
        assert main(["notify", AINO, "--call-id", "call-1"]) == 0
        assert front.done.wait(30), "the card never completed"
    finally:
        engine.stop()
    capsys.readouterr()
    assert main(["journal", "export", "--config", str(config), "--format", "json"]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    [row] = [r for r in rows if r["call_id"] == "call-1"]
    assert row["customer_id"] is None
    assert row["failed_sections"] == ["identify"]
    card = front.cards["call-1"]
    assert card.customer is None
    assert card.identification_failed
    assert card.failed_sections == ["identify"]
