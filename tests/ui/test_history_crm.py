"""The pop's earlier calls, its stale-marked sections and its CRM link (issue 13),
driven through the real widgets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel

from screenpop.card import Card, LastKnown, Match, Section, Status
from screenpop.config.schema import Config
from screenpop.crm import CrmLinks
from screenpop.events import CallState
from screenpop.phone import normalise
from screenpop.reasons import SOURCE_ERROR, Reason
from screenpop.ui.formatting import Formats
from screenpop.ui.i18n import install_translations
from screenpop.ui.pop import PopWindow
from tests.ui.conftest import FakeCore, call_info, customer_card

T = dt.datetime(2026, 5, 12, 9, 30, tzinfo=dt.UTC)
CALLS = [
    {
        "time": T.isoformat(),
        "agent": "1002",
        "state": "ended",
        "disposition": "complaint",
        "notes": "box damaged; refund agreed",
    },
    {"time": (T - dt.timedelta(days=1)).isoformat(), "agent": "1001", "state": "missed",
     "disposition": None, "notes": None},
    {"time": (T - dt.timedelta(days=2)).isoformat(), "agent": "1003",
     "state": "answered_elsewhere", "disposition": None, "notes": None},
]  # fmt: skip


def shown(widget: Any) -> list[str]:
    return [lb.text() for lb in widget.findChildren(QLabel) if lb.isVisibleTo(widget)]


def painted(pop: Any, call_id: str, name: str) -> bool:
    """The listener's signals for ``call_id`` have reached the pop and ``name`` is painted."""
    box = pop.boxes.get(name)
    return bool(
        pop.call_id == call_id and box is not None and box.section and not pop.render_pending()
    )


def _history(pop: Any, listener: Any, qtbot: Any, source: str) -> Any:
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("history",))
    listener.section_ready("c1", "history", Section(Status.OK, CALLS, source))
    qtbot.waitUntil(lambda: painted(pop, "c1", "history"))
    return pop.boxes["history"]


def test_history_lists_earlier_calls_and_says_this_desk_only(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    box = _history(pop, listener, qtbot, "local")
    assert box.title.text() == "EARLIER CALLS"
    assert box.caption.isVisibleTo(box)
    assert box.caption.text() == "This desk only"
    words = shown(box)
    when = Formats("en_GB").when(T.timestamp())
    assert when in words  # the agent's locale and time zone
    for text in ("Answered", "Missed", "Answered elsewhere", "Agent 1002", "complaint"):
        assert text in words
    assert "box damaged; refund agreed" in words
    missed = next(lb for lb in box.findChildren(QLabel) if lb.text() == "Missed")
    assert missed.property("tone") == "bad"

    # The organisation's history (central): no caption.
    listener.call_state("c1", CallState.ANSWERED, True)
    listener.call_ringing(call_info("c2"))
    listener.identified("c2", customer_card(), ("history",))
    listener.section_ready("c2", "history", Section(Status.OK, CALLS[:1], "central"))
    qtbot.waitUntil(lambda: painted(pop, "c2", "history"))
    assert not box.caption.isVisibleTo(box)
    assert "Missed" not in shown(box)  # the entries are refilled, not kept


def test_history_in_finnish_and_hebrew(qtbot: Any, core: FakeCore) -> None:
    from screenpop.ui.controller import UiController
    from screenpop.ui.signals import QtPopListener

    expected = {
        "fi_FI": ("AIEMMAT PUHELUT", "Vain tämä työpiste", "Vastaamaton", "valitus"),
        "he_IL": ("שיחות קודמות", "עמדה זו בלבד", "לא נענתה", "תלונה"),
    }
    for locale, (title, caption, missed, complaint) in expected.items():
        config = Config.model_validate({"agent": {"locale": locale}})
        install_translations(locale)
        listener = QtPopListener()
        controller = UiController(core, config, listener, tray_available=False)
        qtbot.addWidget(controller.pop)
        qtbot.addWidget(controller.window)
        try:
            box = _history(controller.pop, listener, qtbot, "local")
            assert box.title.text() == title
            assert box.caption.text() == caption
            words = shown(box)
            assert missed in words
            assert complaint in words
            assert Formats(locale).when(T.timestamp()) in words
        finally:
            controller.close_all()


def test_a_failed_section_shows_earlier_data_marked_and_the_failure(
    qtbot: Any, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance", "history"))
    as_of = "2026-05-12T07:15:00+00:00"
    earlier = LastKnown(as_of, {"balance": 99.5, "overdue": 0, "currency": "GBP"})
    failed = Section(
        Status.UNAVAILABLE,
        source="accounting",
        reason=Reason.of(SOURCE_ERROR, error="connection refused"),
        last_known=earlier,
    )
    listener.section_ready("c1", "balance", failed)
    history = LastKnown(as_of, CALLS[:1])
    listener.section_ready(
        "c1", "history", Section(Status.TIMEOUT, error="no answer", last_known=history)
    )
    qtbot.waitUntil(lambda: painted(pop, "c1", "balance") and painted(pop, "c1", "history"))
    box = pop.boxes["balance"]
    assert box.status.isVisibleTo(box)
    assert "connection refused" in box.status.text()  # the failure is still shown
    when = Formats("en_GB").when(dt.datetime.fromisoformat(as_of).timestamp())
    assert box.stale.text() == f"Last known, as of {when}"
    assert box.stale.isVisibleTo(box)
    assert "£99.50" in shown(box)  # through the balance's own view
    assert box.content is not None
    assert box.content.property("stale") is True
    # Any section's view shows its earlier data the same way.
    assert "box damaged; refund agreed" in shown(pop.boxes["history"])
    assert pop.boxes["history"].stale.isVisibleTo(pop.boxes["history"])

    # Today's data again: no mark, nothing greyed.
    fresh = Section(Status.OK, {"balance": 10, "overdue": 0, "currency": "GBP"}, "accounting")
    listener.section_ready("c1", "balance", fresh)
    qtbot.waitUntil(lambda: "£10.00" in shown(box))
    assert not box.stale.isVisibleTo(box)
    assert not box.status.isVisibleTo(box)
    assert box.content.property("stale") is False


# ---------------------------------------------------------------------- CRM --


def crm_config(**crm: Any) -> Config:
    return Config.model_validate(
        {
            "agent": {"extension": "1017", "locale": "en_GB"},
            "crm": {"open_url": "https://erp.example/customers/{customer_id}?from={number}", **crm},
            "source": [
                {
                    "name": "service",
                    "kind": "sql",
                    "url": "sqlite:///service.db",
                    "section": "balance",
                    "query": "SELECT 1 WHERE :customer_id IS NOT NULL",
                    "open_url": "http://service.example/c/{customer_id}/{extension}",
                }
            ],
        }
    )


def make_pop(qtbot: Any, config: Config) -> tuple[PopWindow, list[str]]:
    opened: list[str] = []

    def opener(url: QUrl) -> bool:
        opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True

    pop = PopWindow(
        FakeCore(), Formats("en_GB"), 5.0, crm=CrmLinks.from_config(config), opener=opener
    )
    qtbot.addWidget(pop)
    return pop, opened


def odd_card() -> Card:
    """A customer id that would break out of the path if it were not encoded."""
    who = Match("17/850 &x=1#y", "Chloë Baker")
    return Card(normalise("+442920180015", "GB"), who, (who,))


ERP = "https://erp.example/customers/17%2F850%20%26x%3D1%23y?from=%2B442920180015"
SERVICE = "http://service.example/c/17%2F850%20%26x%3D1%23y/1017"


def test_the_crm_button_opens_the_customers_page_encoded(qtbot: Any) -> None:
    pop, opened = make_pop(qtbot, crm_config())
    pop.on_ringing(call_info())
    assert not pop.crm_button.isVisibleTo(pop)  # no customer yet
    pop.on_identified("c1", odd_card(), ())
    assert pop.crm_button.isVisibleTo(pop)
    assert pop.crm_button.text() == "Open in CRM"
    assert pop.crm_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(pop.crm_button, Qt.MouseButton.LeftButton)
    assert opened == [ERP]
    # Each configured page is in the button's menu, by name.
    menu = pop.crm_button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Customer page", "service"]
    menu.actions()[1].trigger()
    assert opened == [ERP, SERVICE]
    assert not pop.isActiveWindow()  # the pop took no focus
    # Unknown caller: nothing to open.
    pop.on_state("c1", CallState.ANSWERED, True)
    pop.on_ringing(call_info("c2"))
    pop.on_identified("c2", Card(normalise("+442920180015", "GB")), ())
    assert not pop.crm_button.isVisibleTo(pop)


def test_open_on_answer_opens_once_when_the_customer_is_known(qtbot: Any) -> None:
    pop, opened = make_pop(qtbot, crm_config(open_on_answer=True))
    pop.on_ringing(call_info())
    pop.on_identified("c1", odd_card(), ())
    assert opened == []  # ringing: nothing opens by itself
    pop.on_state("c1", CallState.ANSWERED, False)
    assert opened == [ERP]
    pop.on_state("c1", CallState.ANSWERED, False)  # a repeated event
    pop.on_complete("c1", odd_card())
    assert opened == [ERP]

    # Answered before the lookup named the customer: opens when it does.
    pop.on_state("c1", CallState.ENDED, False)
    pop.on_ringing(call_info("c2"))
    pop.on_state("c2", CallState.ANSWERED, False)
    assert opened == [ERP]
    pop.on_identified("c2", odd_card(), ())
    assert opened == [ERP, ERP]

    # Answered elsewhere: not this agent's call.
    pop.on_state("c2", CallState.ENDED, False)
    pop.on_ringing(call_info("c3"))
    pop.on_identified("c3", odd_card(), ())
    pop.on_state("c3", CallState.ANSWERED, True)
    assert opened == [ERP, ERP]


def test_without_open_on_answer_nothing_opens_by_itself(qtbot: Any) -> None:
    pop, opened = make_pop(qtbot, crm_config())
    pop.on_ringing(call_info())
    pop.on_identified("c1", odd_card(), ())
    pop.on_state("c1", CallState.ANSWERED, False)
    assert opened == []
