"""Fixtures for the Qt front end: a recording core double and a config.

``FakeCore`` implements ``screenpop.frontend.Core`` in memory and records what
the UI asked of it; ``from_thread`` runs listener calls on a plain
``threading.Thread`` to prove the adapter hands them to the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from screenpop.card import Card, Match, Section, Status
from screenpop.config.schema import Config
from screenpop.frontend import CallInfo, CallRecord, PopListener, Saved
from screenpop.health import Health, HealthState
from screenpop.phone import normalise

# The offscreen platform cannot raise windows or pass size hints to a window
# manager and says so as warnings; our code does nothing wrong there.
OFFSCREEN_NOISE = r"This plugin does not support (raise|propagateSizeHints)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@dataclass
class FakeCore:
    """An in-memory ``Core`` that records every request."""

    records: list[CallRecord] = field(default_factory=list)
    cards: dict[str, Card] = field(default_factory=dict)
    search_results: list[Match] = field(default_factory=list)
    healths: dict[str, Health] = field(default_factory=dict)
    sources: dict[str, Health] = field(default_factory=dict)
    journals: dict[str, Health] = field(default_factory=dict)
    #: What ``save_wrapup`` answers (the journal wrote it, or keeps it to retry).
    saved: Saved = Saved.SAVED
    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    listener: PopListener | None = None
    stopped: bool = False
    on_start: Callable[[PopListener], None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Per request, whether each call came on the GUI (main) thread.
    on_gui: dict[str, list[bool]] = field(default_factory=dict)

    def _log(self, name: str, *args: Any) -> None:
        with self.lock:
            self.calls.append((name, args))
            gui = threading.current_thread() is threading.main_thread()
            self.on_gui.setdefault(name, []).append(gui)

    def called(self, name: str) -> list[tuple[Any, ...]]:
        with self.lock:
            return [args for n, args in self.calls if n == name]

    def start(self, listener: PopListener) -> None:
        self.listener = listener
        if self.on_start is not None:
            self.on_start(listener)

    def stop(self) -> None:
        self.stopped = True

    def recent_calls(self, limit: int = 50) -> list[CallRecord]:
        self._log("recent_calls", limit)
        return self.records[:limit]

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> Saved:
        self._log("save_wrapup", call_id, disposition, notes)
        return self.saved

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        self._log("save_notes_draft", call_id, notes)

    def card(self, call_id: str) -> Card | None:
        self._log("card", call_id)
        return self.cards.get(call_id)

    def choose_customer(self, call_id: str, customer_id: str) -> None:
        self._log("choose_customer", call_id, customer_id)

    def search(self, text: str) -> list[Match]:
        self._log("search", text)
        return list(self.search_results)

    def open_customer(self, call_id: str, customer_id: str) -> None:
        self._log("open_customer", call_id, customer_id)

    def dial(self, number: str) -> str | None:
        self._log("dial", number)
        return "softphone"

    def bridge_healths(self) -> dict[str, Health]:
        return dict(self.healths)

    def source_healths(self) -> dict[str, Health]:
        self._log("source_healths")
        return dict(self.sources)

    def journal_healths(self) -> dict[str, Health]:
        return dict(self.journals)

    def dispositions(self) -> tuple[str, ...]:
        return ("resolved", "follow-up", "sale")

    def case_form(self, call_id: str) -> None:
        """No service desk: the wrap-up offers no case."""
        self._log("case_form", call_id)

    def open_case(self, call_id: str, product: str, category: str, description: str) -> Any:
        self._log("open_case", call_id, product, category, description)
        raise ValueError("no service desk to open cases in")


def from_thread(fn: Callable[[], None]) -> None:
    """Run ``fn`` on a plain Python thread (as the core's workers do) and wait."""
    worker = threading.Thread(target=fn, name="core-worker")
    worker.start()
    worker.join(5)
    assert not worker.is_alive()


def call_info(call_id: str = "c1", number: str = "+442920180015", name: str = "Chloë") -> CallInfo:
    return CallInfo(call_id, normalise(number, "GB"), name, "agent", "test", time.time())


def customer_card(number: str = "+442920180015") -> Card:
    match = Match("17850", "Chloë Baker")
    return Card(normalise(number, "GB"), match, [match])


BALANCE = Section(
    Status.OK,
    {"balance": 120.5, "overdue": 40.0, "overdue_days": 45, "currency": "GBP"},
    "accounting",
)
PURCHASES = Section(
    Status.OK,
    [
        {
            "date": "2010-12-01T08:26:00",
            "product": "85123A",
            "description": "WHITE HANGING HEART T-LIGHT HOLDER",
            "quantity": 6,
            "amount": 15.3,
        },
        {
            "date": "2010-12-01T08:26:00",
            "product": "71053",
            "description": "WHITE METAL LANTERN",
            "quantity": 6,
            "amount": 20.34,
        },
    ],
    "sales",
)
CREDIT_HOLD = Section(
    Status.OK,
    {
        "limit": 2500,
        "available": -120,
        "terms": "Pro forma only",
        "hold": 1,
        "hold_reason": "overdue 137 days",
        "allowed": [{"term": "Prepay", "reason": "always"}],
        "refused": [{"term": "Net 30", "reason": "overdue > 60 days"}],
    },
    "credit",
)


@pytest.fixture(autouse=True)
def english_ui(qapp: Any) -> Iterator[None]:
    """Every test starts in English and leaves no other language behind."""
    from screenpop.ui.i18n import install_translations

    install_translations("en_GB")
    yield
    install_translations("en_GB")


@pytest.fixture
def core() -> FakeCore:
    return FakeCore(healths={"demo": Health(HealthState.LISTENING)})


@pytest.fixture
def config() -> Config:
    return Config.model_validate({"ui": {"linger_s": 0.2}, "agent": {"locale": "en_GB"}})


@pytest.fixture
def pop_parts(qtbot: Any, core: FakeCore, config: Config) -> Iterator[Any]:
    """A controller with its pop, fed by a real ``QtPopListener``."""
    from screenpop.ui.controller import UiController
    from screenpop.ui.i18n import install_translations
    from screenpop.ui.signals import QtPopListener

    install_translations(config.agent.locale)
    listener = QtPopListener()
    controller = UiController(core, config, listener, tray_available=False)
    qtbot.addWidget(controller.pop)
    qtbot.addWidget(controller.window)
    yield controller, listener
    controller.close_all()
