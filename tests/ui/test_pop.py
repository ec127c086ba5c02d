"""The pop window driven through the real listener adapter, events from threads."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from screenpop.card import Card, Match, Section, Status
from screenpop.events import CallState
from screenpop.phone import normalise
from screenpop.ui.settings import load_pop_pos
from tests.ui.conftest import (
    BALANCE,
    CREDIT_HOLD,
    PURCHASES,
    FakeCore,
    call_info,
    customer_card,
    from_thread,
)


def texts(widget: Any) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def current_table(pop: Any) -> QTableWidget:
    content = pop.boxes["purchases"].content
    assert content is not None
    assert isinstance(content.table, QTableWidget)
    return content.table


def test_sections_fill_in_as_they_arrive_from_worker_threads(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    seen_threads: list[bool] = []
    listener.section_arrived.connect(
        lambda *_: seen_threads.append(threading.current_thread() is threading.main_thread())
    )
    from_thread(lambda: listener.call_ringing(call_info()))
    qtbot.waitUntil(pop.isVisible)
    card = customer_card()
    from_thread(lambda: listener.identified("c1", card, ("balance", "purchases", "credit")))
    qtbot.waitUntil(lambda: pop.boxes["balance"].isVisible())
    assert pop.header.customer.text() == "Chloë Baker"
    assert pop.header.customer_id.text() == "Customer 17850"
    assert all(pop.boxes[n].is_busy for n in ("balance", "purchases", "credit"))
    assert not pop.boxes["cross_sells"].isVisible()

    from_thread(lambda: listener.section_ready("c1", "purchases", PURCHASES))
    qtbot.waitUntil(lambda: not pop.boxes["purchases"].is_busy)
    assert pop.boxes["balance"].is_busy
    table = current_table(pop)
    assert table.rowCount() == 2
    assert table.item(0, 2).text() == "WHITE HANGING HEART T-LIGHT HOLDER"
    # No currency known yet: the amount is a plain figure.
    assert table.item(0, 4).text() == "15.30"

    from_thread(lambda: listener.section_ready("c1", "balance", BALANCE))
    qtbot.waitUntil(lambda: not pop.boxes["balance"].is_busy)
    balance = texts(pop.boxes["balance"])
    assert "£120.50" in balance
    assert "£40.00" in balance
    assert "45 days overdue" in balance
    overdue = next(lb for lb in pop.boxes["balance"].findChildren(QLabel) if lb.text() == "£40.00")
    assert overdue.property("tone") == "bad"
    # The currency arrived with the balance: purchases re-rendered in pounds.
    # (the section's current content: the old table waits for deletion)
    qtbot.waitUntil(lambda: current_table(pop).item(0, 4).text() == "£15.30")

    from_thread(lambda: listener.section_ready("c1", "credit", CREDIT_HOLD))
    qtbot.waitUntil(lambda: not pop.boxes["credit"].is_busy)
    credit = texts(pop.boxes["credit"])
    assert "On hold — overdue 137 days" in credit
    assert "Prepay" in credit
    assert "Net 30 — overdue > 60 days" in credit
    assert seen_threads
    assert all(seen_threads)


def test_timeout_and_unavailable_say_why(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance", "credit", "cross_sells"))
    listener.section_ready("c1", "balance", Section(Status.TIMEOUT, error="no answer in 800 ms"))
    listener.section_ready("c1", "credit", Section(Status.UNAVAILABLE, error="connection refused"))
    listener.section_ready("c1", "cross_sells", Section(Status.EMPTY))
    qtbot.waitUntil(lambda: not pop.boxes["credit"].is_busy)
    assert pop.boxes["balance"].status.text() == "Timed out — no answer in 800 ms"
    assert pop.boxes["credit"].status.text() == "Unavailable: connection refused"
    assert pop.boxes["cross_sells"].status.text() == "Nothing on file"
    assert pop.boxes["credit"].status.property("tone") == "warn"


def test_complete_card_ends_busy_sections_that_never_answered(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance", "credit"))
    card = customer_card().with_section("balance", BALANCE)
    listener.card_complete("c1", card)
    qtbot.waitUntil(lambda: not pop.boxes["credit"].is_busy)
    assert pop.boxes["credit"].status.text() == "Unavailable: no answer"
    assert "£120.50" in texts(pop.boxes["balance"])


def test_dragged_position_is_persisted_and_restored_clamped(
    qtbot: Any, core: FakeCore, config: Any, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    qtbot.waitUntil(pop.isVisible)
    start = pop.pos()
    grip = QPointF(30, 30)

    def send(kind: QEvent.Type, local: QPointF, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(
            kind,
            local,
            pop.mapToGlobal(local),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(pop, event)

    send(QEvent.Type.MouseButtonPress, grip, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseMove, grip + QPointF(-80, -60), Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, grip + QPointF(-80, -60), Qt.MouseButton.NoButton)
    assert pop.pos() == start + QPoint(-80, -60)
    assert load_pop_pos() == pop.pos()

    # A new pop (a restart) appears where the agent put it.
    from screenpop.ui.controller import UiController
    from screenpop.ui.signals import QtPopListener

    other_listener = QtPopListener()
    other = UiController(core, config, other_listener, tray_available=False)
    qtbot.addWidget(other.pop)
    other_listener.call_ringing(call_info("c2"))
    qtbot.waitUntil(other.pop.isVisible)
    assert other.pop.pos() == start + QPoint(-80, -60)

    # A saved place off the screen is pulled back inside it.
    from screenpop.ui.settings import save_pop_pos

    save_pop_pos(QPoint(-5000, 99999))
    other.pop.dismiss()
    other_listener.call_ringing(call_info("c3"))
    qtbot.waitUntil(lambda: other.pop.call_id == "c3" and other.pop.isVisible())
    area = other.pop.screen().availableGeometry()
    assert area.contains(other.pop.frameGeometry().topLeft())
    assert other.pop.geometry().bottom() <= area.bottom()
    other.close_all()


def test_call_end_shrinks_then_closes_after_linger(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance",))
    listener.section_ready("c1", "balance", BALANCE)
    qtbot.waitUntil(lambda: pop.boxes["balance"].isVisible() and not pop.boxes["balance"].is_busy)
    full = pop.height()
    listener.call_state("c1", CallState.ANSWERED, False)
    qtbot.waitUntil(lambda: pop.header.state.text() == "On call")
    assert pop.isVisible()
    assert not pop.shrunk

    from_thread(lambda: listener.call_state("c1", CallState.ENDED, False))
    qtbot.waitUntil(lambda: pop.shrunk)
    assert pop.height() < full
    assert pop.header.state.text() == "Ended"
    assert pop.wrapup_button.isVisible()
    qtbot.waitUntil(lambda: not pop.isVisible(), timeout=3000)


def test_answered_elsewhere_closes_and_new_call_replaces(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance",))
    listener.call_state("c1", CallState.ANSWERED, True)
    qtbot.waitUntil(lambda: pop.shrunk)
    assert pop.header.state.text() == "Answered elsewhere"
    listener.call_ringing(call_info("c2", "+441614960624", "Sarah"))
    qtbot.waitUntil(lambda: pop.call_id == "c2")
    assert not pop.shrunk
    assert pop.isVisible()
    assert "Sarah" in pop.header.caller.text()
    # Late news about the old call changes nothing.
    listener.section_ready("c1", "balance", BALANCE)
    qtbot.wait(50)
    assert not pop.boxes["balance"].isVisible()
    qtbot.wait(400)  # longer than linger: the new call's pop stays
    assert pop.isVisible()


def test_several_matches_offer_a_picker_that_asks_the_core(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    number = normalise("+441164960396", "GB")
    matches = [Match("13453", "Ann Davis"), Match("17738", "Tom Davis")]
    listener.call_ringing(call_info(number="+441164960396"))
    listener.identified("c1", Card(number, None, matches), ())
    qtbot.waitUntil(pop.header.picker.isVisible)
    assert pop.header.customer.text() == "2 customers share this number"
    picker = pop.header.picker
    assert picker.count() == 3
    picker.setCurrentIndex(2)
    picker.activated.emit(2)
    assert core.called("choose_customer") == [("c1", "17738")]


def test_unknown_caller_searches_off_the_gui_thread_and_opens(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    search_threads: list[bool] = []
    found = Match("12748", "Mia Martin")
    real_search = core.search

    def search(text: str) -> list[Match]:
        search_threads.append(threading.current_thread() is threading.main_thread())
        return real_search(text)

    core.search = search  # type: ignore[method-assign]
    core.search_results = [found]
    listener.call_ringing(call_info(number="anonymous", name=""))
    listener.identified("c1", Card(normalise("anonymous", "GB")), ())
    qtbot.waitUntil(pop.header.search.isVisible)
    assert pop.header.customer.text() == "Number withheld"
    qtbot.mouseClick(pop.header.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(pop.header.search, "Martin")
    qtbot.keyClick(pop.header.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pop.header.results.count() == 1)
    assert search_threads == [False]
    item = pop.header.results.item(0)
    assert item.text() == "Mia Martin  ·  12748"
    rect = pop.header.results.visualItemRect(item)
    qtbot.mouseClick(pop.header.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert core.called("open_customer")[:1] == [("c1", "12748")]


def test_unknown_number_says_unknown_caller(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    listener.call_ringing(call_info(number="+441614960532", name=""))
    listener.identified("c1", Card(normalise("+441614960532", "GB")), ())
    qtbot.waitUntil(lambda: controller.pop.header.customer.text() == "Unknown caller")
    assert controller.pop.header.search.isVisible()


def test_notes_drafts_are_saved_debounced(qtbot: Any, core: FakeCore, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    qtbot.waitUntil(pop.isVisible)
    qtbot.mouseClick(pop.notes.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(pop.notes, "wants a quote")
    assert core.called("save_notes_draft") == []  # not one save per key
    qtbot.waitUntil(lambda: core.called("save_notes_draft") == [("c1", "wants a quote")])
    # A new call replacing the one on the line flushes what was typed since.
    listener.call_state("c1", CallState.ANSWERED, False)
    qtbot.keyClicks(pop.notes, " for 48")
    listener.call_ringing(call_info("c2"))
    qtbot.waitUntil(lambda: ("c1", "wants a quote for 48") in core.called("save_notes_draft"))
    assert pop.notes.toPlainText() == ""


def test_notes_kept_for_wrapups_are_bounded_over_a_long_shift(
    qtbot: Any, core: FakeCore, pop_parts: Any
) -> None:
    from screenpop.ui.notes import MAX_NOTES

    controller, listener = pop_parts
    pop = controller.pop
    for i in range(MAX_NOTES + 50):
        listener.call_ringing(call_info(f"c{i}"))
        listener.call_state(f"c{i}", CallState.ANSWERED, False)
        qtbot.waitUntil(lambda i=i: pop.call_id == f"c{i}")
        pop.notes.setPlainText(f"note {i}")
        pop.notes.flush()
    assert len(pop._notes) == MAX_NOTES
    assert pop.notes_for(f"c{MAX_NOTES + 49}") == f"note {MAX_NOTES + 49}"
    assert pop.notes_for("c0") == ""  # the oldest went; the journal has its draft
    assert len(core.called("save_notes_draft")) == MAX_NOTES + 50


def test_section_widgets_are_made_once_and_filled_again(qtbot: Any, pop_parts: Any) -> None:
    """Making widgets is what costs under a burst (benchmarks/burst.py): the next
    card fills the widgets of the last one."""
    controller, listener = pop_parts
    pop = controller.pop
    sections = {"balance": BALANCE, "purchases": PURCHASES, "credit": CREDIT_HOLD}
    contents = []
    for call_id, amount in (("c1", "£120.50"), ("c2", "£7.00")):
        listener.call_ringing(call_info(call_id))
        listener.identified(call_id, customer_card(), tuple(sections))
        for name, section in sections.items():
            if call_id == "c2" and name == "balance":
                section = Section(Status.OK, {"balance": 7, "overdue": 0, "currency": "GBP"})
            listener.section_ready(call_id, name, section)
        qtbot.waitUntil(lambda call_id=call_id: pop.call_id == call_id)
        qtbot.waitUntil(lambda amount=amount: amount in texts(pop.boxes["balance"]))
        qtbot.waitUntil(lambda: not pop.render_pending() and not pop.boxes["credit"].is_busy)
        contents.append({n: pop.boxes[n].content for n in sections})
        listener.call_state(call_id, CallState.ANSWERED, True)  # the next ring replaces it
    assert contents[0] == contents[1]
    assert "Nothing overdue" in texts(pop.boxes["balance"])  # refilled, not stale


def test_a_failed_section_shows_its_last_known_data_marked_with_its_age(
    qtbot: Any, pop_parts: Any
) -> None:
    from screenpop.card import LastKnown
    from screenpop.reasons import SOURCE_TIMEOUT, Reason

    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance",))
    last = LastKnown("2026-11-29T16:20:00", {"balance": 99.5, "overdue": 0, "currency": "GBP"})
    failed = Section(Status.TIMEOUT, reason=Reason.of(SOURCE_TIMEOUT, ms=800), last_known=last)
    listener.section_ready("c1", "balance", failed)
    qtbot.waitUntil(lambda: not pop.boxes["balance"].is_busy and not pop.render_pending())
    box = pop.boxes["balance"]
    assert box.status.text() == "Timed out — no answer within 800 ms"  # still said
    assert box.stale.text().startswith("Last known, as of ")
    assert "£99.50" in texts(box)
    assert box.status.property("tone") == "warn"
