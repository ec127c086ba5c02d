"""A burst of rings: the pop stays on the first ringing call, the rest wait in line.

benchmarks/burst.py measures the GUI thread's stall under 100 rings in 1 s;
these tests pin the behaviour that keeps it short (no widgets built for calls
the agent is not shown) and what the agent sees.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QLabel

from screenpop.card import Section, Status
from screenpop.events import CallState
from screenpop.ui.sections import SectionBox
from tests.ui.conftest import BALANCE, CREDIT_HOLD, PURCHASES, call_info, customer_card

CALLS = 30


def balance_of(amount: float) -> Section:
    return Section(Status.OK, {"balance": amount, "overdue": 0, "currency": "GBP"}, "accounting")


def shown(pop: Any) -> list[str]:
    box = pop.boxes["balance"]
    return [lb.text() for lb in box.findChildren(QLabel) if lb.isVisibleTo(box)]


def test_a_burst_keeps_the_first_ringing_call_and_queues_the_rest(
    qtbot: Any, pop_parts: Any, monkeypatch: Any
) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    pop.linger_s = 30
    built: list[str] = []
    real_set_section = SectionBox.set_section

    def counting(box: SectionBox, *args: Any) -> bool:
        changed = real_set_section(box, *args)
        if changed:
            built.append(box.name)
        return changed

    monkeypatch.setattr(SectionBox, "set_section", counting)

    def burst() -> None:
        # Every call rings, is identified and complete, as the engine reports
        # them from its worker threads, all before the GUI thread looks.
        for i in range(CALLS):
            call_id = f"c{i}"
            listener.call_ringing(call_info(call_id, name=f"Caller {i}"))
            card = customer_card().with_section("balance", balance_of(100 + i))
            listener.identified(call_id, card, ("balance",))
            listener.section_ready(call_id, "balance", card.sections["balance"])
            listener.card_complete(call_id, card)

    worker = threading.Thread(target=burst)
    worker.start()
    worker.join(5)
    qtbot.waitUntil(lambda: len(pop.waiting) == CALLS - 1)
    qtbot.waitUntil(lambda: not pop.render_pending() and not pop.boxes["balance"].is_busy)
    assert pop.call_id == "c0"
    assert "Caller 0" in pop.header.caller.text()
    assert "£100.00" in shown(pop)
    assert pop.header.waiting.isVisibleTo(pop)
    qtbot.waitUntil(lambda: pop.header.waiting.text() == f"{CALLS - 1} more ringing")
    # Widgets were built for the shown call only, once per change.
    assert built == ["balance"]
    assert list(pop.waiting)[:3] == ["c1", "c2", "c3"]

    # The shown caller hangs up: the longest-waiting caller still ringing is next,
    # from what the core had sent about it meanwhile.
    listener.call_state("c0", CallState.MISSED, False)
    qtbot.waitUntil(lambda: pop.call_id == "c1")
    qtbot.waitUntil(lambda: "£101.00" in shown(pop))
    assert not pop.shrunk
    assert pop.header.state.text() == "Ringing"
    qtbot.waitUntil(lambda: pop.header.waiting.text() == f"{CALLS - 2} more ringing")

    # Callers giving up behind it leave the line without touching the card.
    for i in range(2, 10):
        listener.call_state(f"c{i}", CallState.MISSED, False)
    qtbot.waitUntil(lambda: len(pop.waiting) == CALLS - 10)
    assert pop.call_id == "c1"

    # The agent picks up a call from the line (the softphone says so): it is shown,
    # on call; the one that was shown, still ringing, goes back to the head of the line.
    listener.call_state("c20", CallState.ANSWERED, False)
    qtbot.waitUntil(lambda: pop.call_id == "c20")
    assert pop.header.state.text() == "On call"
    qtbot.waitUntil(lambda: "£120.00" in shown(pop))
    assert next(iter(pop.waiting)) == "c1"
    qtbot.waitUntil(lambda: pop.header.waiting.text() == f"{CALLS - 10} more ringing")

    # On a call, a new ring replaces the card as before (and waits no more).
    built.clear()
    listener.call_ringing(call_info("late", name="Late"))
    qtbot.waitUntil(lambda: pop.call_id == "late")
    assert pop.header.state.text() == "Ringing"


def test_the_line_empties_when_every_waiting_call_ends(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    for i in range(4):
        listener.call_ringing(call_info(f"c{i}"))
    qtbot.waitUntil(lambda: len(pop.waiting) == 3)
    for i in (1, 2, 3):
        listener.call_state(f"c{i}", CallState.ANSWERED, True)  # another agent took them
    qtbot.waitUntil(lambda: not pop.waiting)
    assert not pop.header.waiting.isVisibleTo(pop)
    listener.call_state("c0", CallState.ENDED, False)
    qtbot.waitUntil(lambda: pop.shrunk)
    assert pop.call_id == "c0"
    assert pop.header.state.text() == "Ended"


def test_a_dismissed_ringing_pop_does_not_hold_the_next_call(qtbot: Any, pop_parts: Any) -> None:
    controller, listener = pop_parts
    pop = controller.pop
    listener.call_ringing(call_info("c1"))
    qtbot.waitUntil(pop.isVisible)
    pop.dismiss()
    listener.call_ringing(call_info("c2"))
    qtbot.waitUntil(lambda: pop.call_id == "c2" and pop.isVisible())
    assert not pop.waiting


def test_sections_repeated_by_the_core_are_not_rebuilt(
    qtbot: Any, pop_parts: Any, monkeypatch: Any
) -> None:
    """identified, section_ready and card_complete all carry the same section."""
    controller, listener = pop_parts
    pop = controller.pop
    built: list[str] = []
    real_set_section = SectionBox.set_section

    def counting(box: SectionBox, *args: Any) -> bool:
        changed = real_set_section(box, *args)
        if changed:
            built.append(box.name)
        return changed

    monkeypatch.setattr(SectionBox, "set_section", counting)
    card = customer_card().with_section("balance", BALANCE)

    def painted() -> bool:
        return not pop.boxes["balance"].is_busy and not pop.render_pending()

    listener.call_ringing(call_info())
    listener.identified("c1", card, ())
    qtbot.waitUntil(painted)
    listener.section_ready("c1", "balance", BALANCE)
    qtbot.wait(20)
    listener.card_complete("c1", card)
    qtbot.wait(20)
    assert painted()
    assert built == ["balance"]
    # A changed answer is painted, of course.
    listener.section_ready("c1", "balance", balance_of(7))
    qtbot.waitUntil(lambda: "£7.00" in shown(pop))
    assert built == ["balance", "balance"]


def test_the_listener_delivers_a_flood_in_order_in_few_passes(qtbot: Any) -> None:
    """Events from worker threads reach GUI-thread slots in order; a flood is drained
    in a handful of passes (one GIL take each), not one queued delivery per event."""
    from screenpop.ui.signals import QtPopListener

    listener = QtPopListener()
    seen: list[tuple[str, bool]] = []
    listener.state_changed.connect(
        lambda call_id, *_: seen.append(
            (call_id, threading.current_thread() is threading.main_thread())
        )
    )
    passes: list[int] = []
    real_drain = listener._drain

    def counting_drain() -> None:
        passes.append(listener.pending())
        real_drain()

    listener._wake.disconnect(listener._drain)
    listener._wake.connect(counting_drain)

    def flood() -> None:
        for i in range(2000):
            listener.call_state(f"c{i}", CallState.RINGING, False)

    worker = threading.Thread(target=flood)
    worker.start()
    worker.join(5)
    qtbot.waitUntil(lambda: len(seen) == 2000)
    assert [c for c, _ in seen] == [f"c{i}" for i in range(2000)]
    assert all(on_gui for _, on_gui in seen)
    assert listener.pending() == 0
    assert len(passes) < 200


def test_no_python_in_the_paint_path_of_the_recent_list_and_the_pop() -> None:
    """Python virtuals called by Qt while painting take the GIL once per call: the
    recent list's cells come from Qt's own model, the pop filters no events."""
    from PySide6.QtGui import QStandardItemModel

    from screenpop.ui.pop import PopWindow
    from screenpop.ui.recent import RecentCallsModel

    assert RecentCallsModel.data is QStandardItemModel.data
    assert RecentCallsModel.headerData is QStandardItemModel.headerData
    assert "eventFilter" not in vars(PopWindow)


def test_the_waiting_count_is_redrawn_a_few_times_per_burst_not_per_ring(
    qtbot: Any, pop_parts: Any, monkeypatch: Any
) -> None:
    from screenpop.ui.header import PopHeader

    controller, listener = pop_parts
    pop = controller.pop
    drawn: list[str] = []
    real = PopHeader.set_waiting

    def counting(header: PopHeader, text: str) -> None:
        drawn.append(text)
        real(header, text)

    monkeypatch.setattr(PopHeader, "set_waiting", counting)
    for i in range(CALLS):
        listener.call_ringing(call_info(f"c{i}"))
    qtbot.waitUntil(lambda: pop.header.waiting.text() == f"{CALLS - 1} more ringing")
    assert len(drawn) <= 4, drawn  # at once when the first waits, then coalesced
    for i in range(1, CALLS):
        listener.call_state(f"c{i}", CallState.MISSED, False)
    qtbot.waitUntil(lambda: not pop.header.waiting.isVisibleTo(pop))


def test_a_card_is_painted_once_it_is_in_not_after_every_slice(
    qtbot: Any, pop_parts: Any, monkeypatch: Any
) -> None:
    """Each slice's new texts would repaint the whole pop (3-8 ms a paint under a
    burst): the card view does not paint between its slices, and paints (updates
    back on) once the last section is in."""
    controller, listener = pop_parts
    pop = controller.pop
    view = pop.card_view
    during: list[bool] = []
    real_set_section = SectionBox.set_section

    def watching(box: SectionBox, *args: Any) -> bool:
        during.append(view.updatesEnabled())
        return real_set_section(box, *args)

    monkeypatch.setattr(SectionBox, "set_section", watching)
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card().with_section("balance", BALANCE), ())
    listener.section_ready("c1", "balance", balance_of(7))
    qtbot.waitUntil(lambda: "£7.00" in shown(pop) and not pop.render_pending())
    assert during
    assert not any(during)  # frozen while the sections were filled
    assert view.updatesEnabled()  # and painted once they were in
    listener.call_state("c1", CallState.ANSWERED, True)  # cut short by the next call
    listener.call_ringing(call_info("c2"))
    qtbot.waitUntil(lambda: pop.call_id == "c2")
    assert view.updatesEnabled()


def test_in_a_burst_the_pop_stays_whole_and_only_grows_then_fits_again(
    qtbot: Any, pop_parts: Any
) -> None:
    """Measuring, resizing and so painting the pop twice for every caller that
    comes forward cost 15-25 ms of the GUI thread each (burst.py --explain):
    while callers wait, the pop neither shrinks at a hang-up nor at a shorter
    card; once nobody waits it fits its card again."""
    controller, listener = pop_parts
    pop = controller.pop
    pop.linger_s = 30
    big = {"balance": BALANCE, "purchases": PURCHASES, "credit": CREDIT_HOLD}

    def ring(call_id: str, sections: dict[str, Section]) -> None:
        listener.call_ringing(call_info(call_id))
        card = customer_card()
        for name, section in sections.items():
            card = card.with_section(name, section)
        listener.identified(call_id, card, ())
        listener.card_complete(call_id, card)

    def settled(call_id: str) -> bool:
        return pop.call_id == call_id and not pop.render_pending()

    ring("c1", big)
    qtbot.waitUntil(lambda: settled("c1"))
    tall = pop.height()
    ring("c2", {"balance": BALANCE})  # waits behind c1
    ring("c3", {"balance": BALANCE})
    listener.call_state("c1", CallState.ENDED, False)
    qtbot.waitUntil(lambda: "Ended" in pop.header.state.text())
    assert not pop.shrunk  # the next caller comes forward in a whole pop
    assert pop.height() == tall
    qtbot.waitUntil(lambda: settled("c2"))
    assert pop.height() >= tall  # c3 still waits: a shorter card keeps the size
    listener.call_state("c2", CallState.ENDED, False)
    qtbot.waitUntil(lambda: settled("c3"))  # nobody waits behind c3
    qtbot.waitUntil(lambda: pop.height() < tall)  # fitted to its own, shorter card
    listener.call_state("c3", CallState.ENDED, False)
    qtbot.waitUntil(lambda: pop.shrunk)  # the last one shrinks as ever
