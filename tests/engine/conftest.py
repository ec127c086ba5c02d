"""A real engine on the small sample databases, with a listener that records
what the front end is told (as the values it was handed)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from screenpop.card import Card, Section
from screenpop.config.loader import load_config
from screenpop.engine import Engine
from screenpop.events import CallEvent, CallState
from screenpop.frontend import CallInfo
from screenpop.health import Health
from tests import sampledb


@dataclass
class Recorder:
    """Implements ``PopListener``; keeps everything it was told, in order."""

    rung: list[CallInfo] = field(default_factory=list)
    identified_cards: dict[str, Card] = field(default_factory=dict)
    sections: list[tuple[str, str, Section]] = field(default_factory=list)
    complete: dict[str, Card] = field(default_factory=dict)
    states: list[tuple[str, CallState, bool]] = field(default_factory=list)
    journal: list[tuple[str, Health]] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def _note(self) -> None:
        with self.changed:
            self.changed.notify_all()

    def call_ringing(self, call: CallInfo) -> None:
        self.rung.append(call)
        self._note()

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        self.identified_cards[call_id] = card
        self._note()

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        self.sections.append((call_id, name, section))
        self._note()

    def card_complete(self, call_id: str, card: Card) -> None:
        self.complete[call_id] = card
        self._note()

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        self.states.append((call_id, state, answered_elsewhere))
        self._note()

    def bridge_health(self, name: str, health: Health) -> None:
        pass

    def journal_health(self, name: str, health: Health) -> None:
        self.journal.append((name, health))
        self._note()

    def case_changed(self, ticket: Any) -> None:
        self._note()

    def wait(self, what: Callable[[], Any], timeout: float = 20.0) -> Any:
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                value = what()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out waiting for {what}")
                self.changed.wait(min(left, 0.2))


def ring(engine: Engine, call_id: str, number: str = "+358401234567") -> None:
    engine._on_event(
        CallEvent(call_id, CallState.RINGING, number, "Caller", "agent", time.time(), bridge="test")
    )


def end(engine: Engine, call_id: str, number: str = "+358401234567") -> None:
    engine._on_event(
        CallEvent(call_id, CallState.ENDED, number, "Caller", "agent", time.time(), bridge="test")
    )


@pytest.fixture
def sample_config(tmp_path: Path) -> Path:
    paths = sampledb.build(tmp_path / "db")
    cfg = tmp_path / "agent.toml"
    cfg.write_text(sampledb.config_text(paths), encoding="utf-8")
    return cfg


@pytest.fixture
def engine_factory(tmp_path: Path) -> Iterator[Callable[..., tuple[Engine, Recorder]]]:
    made: list[Engine] = []

    def make(config_path: Path, **kw: Any) -> tuple[Engine, Recorder]:
        config = load_config(config_path, environ={})
        kw.setdefault("journal_path", tmp_path / f"journal-{len(made)}.db")
        kw.setdefault("runtime_dir", tmp_path / f"run-{len(made)}")
        engine = Engine(config, **kw)
        recorder = Recorder()
        engine.start(recorder)
        made.append(engine)
        return engine, recorder

    yield make
    for engine in made:
        engine.stop()
