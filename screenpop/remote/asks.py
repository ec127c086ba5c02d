"""What the window asks of the engine (``frontend.AgentCore``), as ``RemoteCore`` asks it.

The methods that wait (journal, sources) are calls that the engine answers;
the ones the window calls on its GUI thread answer from what the engine sent
(healths, dispositions) or only send (a notes draft, a chosen customer).
"""

from __future__ import annotations

from typing import Any

from screenpop.card import Card, Match
from screenpop.cases.request import CaseForm, CaseTicket
from screenpop.frontend import Saved
from screenpop.health import Health
from screenpop.journal.records import CallRecord

Healths = tuple[dict[str, Health], dict[str, Health], dict[str, Health]]


class AgentAsks:
    """Implements ``frontend.AgentCore`` over ``_call`` (answered) and ``_cast`` (sent)."""

    _healths: Healths
    _dispositions: tuple[str, ...]

    def _call(self, method: str, *args: Any) -> Any:
        raise NotImplementedError

    def _cast(self, method: str, *args: Any) -> None:
        raise NotImplementedError

    def recent_calls(self, limit: int = 50) -> list[CallRecord]:
        result: list[CallRecord] = self._call("recent_calls", limit)
        return result

    def save_wrapup(self, call_id: str, disposition: str, notes: str) -> Saved:
        result: Saved = self._call("save_wrapup", call_id, disposition, notes)
        return result

    def save_notes_draft(self, call_id: str, notes: str) -> None:
        self._cast("save_notes_draft", call_id, notes)

    def card(self, call_id: str) -> Card | None:
        result: Card | None = self._call("card", call_id)
        return result

    def choose_customer(self, call_id: str, customer_id: str) -> None:
        self._cast("choose_customer", call_id, customer_id)

    def search(self, text: str) -> list[Match]:
        result: list[Match] = self._call("search", text)
        return result

    def open_customer(self, call_id: str, customer_id: str) -> None:
        self._cast("open_customer", call_id, customer_id)

    def dial(self, number: str) -> str | None:
        result: str | None = self._call("dial", number)
        return result

    def bridge_healths(self) -> dict[str, Health]:
        return dict(self._healths[0])

    def source_healths(self) -> dict[str, Health]:
        return dict(self._healths[1])

    def journal_healths(self) -> dict[str, Health]:
        return dict(self._healths[2])

    def dispositions(self) -> tuple[str, ...]:
        return self._dispositions

    def case_form(self, call_id: str) -> CaseForm | None:
        result: CaseForm | None = self._call("case_form", call_id)
        return result

    def open_case(self, call_id: str, product: str, category: str, description: str) -> CaseTicket:
        result: CaseTicket = self._call("open_case", call_id, product, category, description)
        return result
