"""What a new agent frowned at, pinned: column widths, plural forms, sections
that are not configured, the pop's body when there is nothing to show."""

from __future__ import annotations

import time
from typing import Any

import pytest

from screenpop.card import Card, Match, Section, Status
from screenpop.frontend import CallRecord
from screenpop.phone import normalise
from screenpop.ui.i18n import install_translations
from screenpop.ui.recent import CUSTOMER_MIN_WIDTH, FITTED_COLUMNS, RecentCallsModel
from tests.ui.conftest import BALANCE, call_info, customer_card
from tests.ui.test_i18n import parts


def record(call_id: str, **over: Any) -> CallRecord:
    base: dict[str, Any] = {
        "call_id": call_id,
        "number": "+442920180015",
        "e164": "+442920180015",
        "caller_name": "Bartholomew Featherstonehaugh-Smythe",
        "customer_id": "17850",
        "customer_name": "Chloë Baker",
        "state": "answered",
        "ringing_at": time.time() - 86400 * 3,  # before today: date and time
        "answered_at": None,
        "ended_at": None,
        "answered_by": "agent-1742",
        "disposition": "follow-up required",
        "notes": None,
        "pop_latency_ms": 4.0,
        "failed_sections": (),
        "bridge": "test",
    }
    base.update(over)
    return CallRecord(**base)


def test_recent_columns_are_as_wide_as_their_texts(qtbot: Any, pop_parts: Any) -> None:
    controller, _ = pop_parts
    window = controller.window
    window.show()
    view = window.recent
    rows = [record(f"r{i}") for i in range(30)]
    rows.append(record("w", number="anonymous", e164=None, caller_name="", state="missed"))
    view.set_rows(rows)
    model, table = view.model, view.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    for column in FITTED_COLUMNS:
        widest = max(
            metrics.horizontalAdvance(model.item(r, column).text()) for r in range(model.rowCount())
        )
        assert header.sectionSize(column) > widest, model.headerData(column, 1)
    # The rows out of view count too, not only those the viewport shows.
    assert model.item(30, RecentCallsModel.CALLER).text() == "withheld"
    # The window widened to show every column and leave the customer room
    # (as far as the screen allows).
    screen = window.screen().availableGeometry().width()
    assert window.width() >= min(view.wanted_width(), screen)
    # However long the rest, the customer keeps room (the list scrolls sideways).
    assert header.sectionSize(RecentCallsModel.CUSTOMER) >= CUSTOMER_MIN_WIDTH
    view.set_rows([record("short", caller_name="Ann", disposition="", answered_by=None)])
    taken = sum(header.sectionSize(c) for c in FITTED_COLUMNS)
    customer = header.sectionSize(RecentCallsModel.CUSTOMER)
    assert customer == max(CUSTOMER_MIN_WIDTH, table.viewport().width() - taken)


@pytest.mark.parametrize(
    ("locale", "count", "share", "choose"),
    [
        ("en_GB", 2, "2 customers share this number", "Choose a customer (2 matches)…"),
        ("fi_FI", 2, "Numerolla on 2 asiakasta", "Valitse asiakas (2 osumaa)…"),
        ("lt_LT", 2, "Šiuo numeriu naudojasi 2 klientai", "Pasirinkite klientą (2 atitikmenys)…"),
        ("lt_LT", 10, "Šiuo numeriu naudojasi 10 klientų", "Pasirinkite klientą (10 atitikmenų)…"),
        ("lt_LT", 21, "Šiuo numeriu naudojasi 21 klientas", "Pasirinkite klientą (21 atitikmuo)…"),
        ("he_IL", 2, "2 לקוחות משתמשים במספר זה", "בחירת לקוח (2 התאמות)…"),
    ],
)
def test_several_matches_use_the_languages_plural_forms(
    qtbot: Any, locale: str, count: int, share: str, choose: str
) -> None:
    controller, listener = parts(qtbot, locale)
    try:
        number = normalise("+441164960396", "GB")
        matches = [Match(str(13450 + i), f"Davis {i}") for i in range(count)]
        listener.call_ringing(call_info(number="+441164960396"))
        listener.identified("c1", Card(number, None, matches), ())
        header = controller.pop.header
        qtbot.waitUntil(header.picker.isVisible)
        assert header.customer.text() == share
        assert header.picker.itemText(0) == choose
        assert "(s)" not in share
        # Nothing to show until the agent chooses: no empty body under the header.
        qtbot.waitUntil(lambda: not controller.pop.render_pending())
        assert not controller.pop.card_view.isVisibleTo(controller.pop)
    finally:
        controller.close_all()
        install_translations("en_GB")


def test_only_the_sections_of_the_cards_plan_show(qtbot: Any, pop_parts: Any) -> None:
    """No cross-sell model configured: the core plans no cross-sells, the pop shows none."""
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance", "credit"))
    listener.section_ready("c1", "balance", BALANCE)
    credit = Section(Status.OK, {"limit": 100, "available": 50})
    card = customer_card().with_section("balance", BALANCE).with_section("credit", credit)
    listener.card_complete("c1", card)
    qtbot.waitUntil(lambda: not pop.render_pending() and not pop.boxes["credit"].is_busy)
    assert pop.card_view.shown() == ("balance", "credit")
    for name in ("purchases", "cross_sells", "reorders", "history", "cases", "profile"):
        assert not pop.boxes[name].isVisibleTo(pop), name
    assert not any(
        "Unavailable" in box.status.text() for box in pop.boxes.values() if box.isVisibleTo(pop)
    )


def test_no_cases_and_no_earlier_calls_take_no_room(qtbot: Any, pop_parts: Any) -> None:
    """Empty ``cases`` and ``history`` are left out of the pop; with data they show,
    right after the balance; an empty balance still says so."""
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance", "cases", "history", "purchases"))
    listener.section_ready("c1", "balance", Section(Status.EMPTY))
    listener.section_ready("c1", "cases", Section(Status.EMPTY))
    listener.section_ready("c1", "history", Section(Status.EMPTY))
    qtbot.waitUntil(lambda: not pop.render_pending() and not pop.boxes["history"].is_busy)
    assert "cases" not in pop.card_view.shown()
    assert "history" not in pop.card_view.shown()
    assert "balance" in pop.card_view.shown()
    call = {"time": "2026-11-30T08:00:00+00:00", "agent": "1001", "state": "answered",
            "disposition": "sale", "notes": "wants the blue one"}  # fmt: skip
    # The complete card has an earlier call after all (central answered late).
    card = (
        customer_card()
        .with_section("balance", Section(Status.EMPTY))
        .with_section("cases", Section(Status.EMPTY))
        .with_section("history", Section(Status.OK, [call], "local"))
        .with_section("purchases", Section(Status.EMPTY))
    )
    listener.card_complete("c1", card)
    qtbot.waitUntil(lambda: "history" in pop.card_view.shown())
    shown = pop.card_view.shown()
    assert "history" in shown
    assert "cases" not in shown
    assert shown.index("history") < shown.index("purchases")


def test_a_section_the_ui_has_no_view_for_is_still_shown(qtbot: Any, pop_parts: Any) -> None:
    """A new kind of section (a newer core) shows with the generic view, after the others."""
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance", "warranty"))
    listener.section_ready("c1", "balance", BALANCE)
    rows = [{"serial": "SN-1", "until": "2026-01-01"}, {"serial": "SN-2", "until": "2027-01-01"}]
    listener.section_ready("c1", "warranty", Section(Status.OK, rows))
    qtbot.waitUntil(lambda: "warranty" in pop.boxes and not pop.boxes["warranty"].is_busy)
    assert pop.card_view.shown() == ("balance", "warranty")
    assert pop.boxes["warranty"].title.text() == "WARRANTY"
    content = pop.boxes["warranty"].content
    assert content is not None
    table = content.table  # type: ignore[attr-defined]
    assert table.rowCount() == 2
    assert table.item(1, 0).text() == "SN-2"


def test_the_wrapup_opens_over_its_pop_and_stays_on_the_screen(
    qtbot: Any, pop_parts: Any
) -> None:
    """Not wherever the window manager puts a new window: in front of the pop,
    wholly on the pop's screen, also after it grew (the case panel appears)."""
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    qtbot.waitUntil(pop.isVisible)
    screen = pop.screen().availableGeometry()
    pop.move(screen.right() - pop.width(), screen.bottom() - pop.height())  # bottom corner
    dialog = controller.open_wrapup("c1", "")
    qtbot.waitUntil(dialog.isVisible)
    assert screen.contains(dialog.frameGeometry())
    assert dialog.frameGeometry().intersects(pop.frameGeometry())
    dialog.resize(dialog.width(), screen.height() // 2 + 200)
    qtbot.waitUntil(lambda: screen.contains(dialog.frameGeometry()))
