"""A journaled call as readers see it: the agent's recent calls, exports, the
supervisor's log. A plain value, shared by the journal and every front end.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One journal row, for the agent's recent calls and the supervisor's log."""

    call_id: str
    number: str
    e164: str | None
    caller_name: str
    customer_id: str | None
    customer_name: str | None
    state: str
    ringing_at: float
    answered_at: float | None
    ended_at: float | None
    answered_by: str | None
    disposition: str | None
    notes: str | None
    pop_latency_ms: float | None
    failed_sections: tuple[str, ...]
    bridge: str
    #: Line or agent the call was offered to.
    called: str = ""
    #: Another agent picked the call up (the journal's ``answered_elsewhere``).
    answered_elsewhere: bool = False
    #: How many customers the number matched (0 unknown caller, >1 picker shown).
    matches: int = 0
    wrapped_up_at: float | None = None
    #: Unsaved notes kept while the agent types (``save_notes_draft``).
    notes_draft: str | None = None
