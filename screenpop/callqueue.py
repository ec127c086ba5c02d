"""The line of ringing calls behind the one the pop shows, kept as data.

A burst of rings (a hunt group, a queue flushing, a misrouted trunk) must not
flip the card under the agent's eyes nor build a window's worth of widgets per
call: while the shown call still rings, later rings wait here, with what the
core said about each (card, sections, whether it is complete) kept as values.
This module holds the rules of that line, without Qt, so they are tested like
the dispatcher:

* a new ring waits when the shown call is another one, still ringing on
  screen, or when a waiting call is about to come forward (``must_wait``);
* a waiting call that ends, is missed or is answered elsewhere leaves the
  line; one the agent picks up comes forward at once (``moved``);
* when the shown caller hangs up, the longest-waiting caller comes forward
  (``take_next``); a shown call still ringing that is pushed aside goes back
  to the head of the line (``put_back``);
* the line is bounded (``MAX_WAITING``): a burst beyond it drops the oldest
  from the line; the journal and the recent-calls list keep every call.

Only the front end's GUI thread uses a ``CallQueue``; what it stores (call,
card, sections) are immutable values the core handed over.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from screenpop.card import Card, FrozenMap, Section
from screenpop.events import CallState
from screenpop.frontend import CallInfo

__all__ = ["MAX_WAITING", "CallQueue", "Front", "Move", "Waiting"]

#: Ringing calls kept waiting behind the shown one.
MAX_WAITING = 500

_NO_SECTIONS: FrozenMap[str, Section] = FrozenMap()


@dataclass(frozen=True, slots=True)
class Waiting:
    """A ringing call not shown yet: what the core said about it so far."""

    call: CallInfo
    card: Card | None = None
    #: Sections the core is still fetching (its ``identified`` plan).
    pending: tuple[str, ...] = ()
    sections: Mapping[str, Section] = field(default=_NO_SECTIONS)
    complete: bool = False

    @property
    def call_id(self) -> str:
        return self.call.call_id


@dataclass(frozen=True, slots=True)
class Front:
    """What the pop shows now, as far as the line's rules care."""

    #: The shown call, or None when the pop shows nothing.
    call_id: str | None
    #: The shown call still rings.
    ringing: bool = False
    #: The pop is on screen (a dismissed pop holds nobody back).
    visible: bool = False
    #: A waiting call is about to come forward (the shown caller just hung up).
    advancing: bool = False


class Move(StrEnum):
    """What a call's new state means for the line."""

    NOT_WAITING = "not_waiting"  # not in the line: the pop's business
    STILL_WAITING = "still_waiting"  # rings again (a repeat): stays where it is
    LEFT = "left"  # ended, missed or answered elsewhere: gone from the line
    FORWARD = "forward"  # the agent picked it up: show it now


class CallQueue:
    """Ringing calls waiting behind the shown one, oldest first."""

    def __init__(self, limit: int = MAX_WAITING) -> None:
        if limit < 1:
            raise ValueError("a call queue holds at least one call")
        self.limit = limit
        self._line: OrderedDict[str, Waiting] = OrderedDict()
        #: Calls dropped because the line was full (for the log and tests).
        self.dropped = 0

    # -------------------------------------------------------------- reading --

    def __len__(self) -> int:
        return len(self._line)

    def __bool__(self) -> bool:
        return bool(self._line)

    def __contains__(self, call_id: object) -> bool:
        return call_id in self._line

    def __iter__(self) -> Iterator[str]:
        """Call ids, longest waiting first."""
        return iter(list(self._line))

    def get(self, call_id: str) -> Waiting | None:
        return self._line.get(call_id)

    # ---------------------------------------------------------------- rules --

    @staticmethod
    def must_wait(call_id: str, front: Front) -> bool:
        """Whether a new ring waits in line rather than replacing the shown call."""
        if front.call_id is None or call_id == front.call_id:
            return False
        if front.advancing:
            return True
        return front.ringing and front.visible

    def add(self, call: CallInfo) -> None:
        """A ring joins the back of the line (a repeated ring keeps its place and data)."""
        known = self._line.get(call.call_id)
        if known is not None:
            self._line[call.call_id] = replace(known, call=call)
            return
        self._line[call.call_id] = Waiting(call)
        while len(self._line) > self.limit:
            self._line.popitem(last=False)
            self.dropped += 1

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> bool:
        """Keep a waiting call's first card; False when the call is not waiting."""
        known = self._line.get(call_id)
        if known is None:
            return False
        sections = FrozenMap({**known.sections, **card.sections})
        self._line[call_id] = replace(known, card=card, pending=tuple(pending), sections=sections)
        return True

    def section(self, call_id: str, name: str, section: Section) -> bool:
        """Keep a section that arrived for a waiting call; False when not waiting."""
        known = self._line.get(call_id)
        if known is None:
            return False
        card = known.card.with_section(name, section) if known.card is not None else None
        sections = FrozenMap({**known.sections, name: section})
        self._line[call_id] = replace(known, card=card, sections=sections)
        return True

    def complete(self, call_id: str, card: Card) -> bool:
        """Keep a waiting call's final card; False when not waiting."""
        known = self._line.get(call_id)
        if known is None:
            return False
        sections = FrozenMap({**known.sections, **card.sections})
        self._line[call_id] = replace(known, card=card, sections=sections, complete=True)
        return True

    def moved(self, call_id: str, state: CallState, elsewhere: bool) -> tuple[Move, Waiting | None]:
        """A call's state changed: what it means for the line (and the call, when it
        left the line or comes forward)."""
        known = self._line.get(call_id)
        if known is None:
            return Move.NOT_WAITING, None
        if state is CallState.ANSWERED and not elsewhere:
            del self._line[call_id]
            return Move.FORWARD, known
        if state is CallState.RINGING:
            return Move.STILL_WAITING, known
        del self._line[call_id]
        return Move.LEFT, known

    def take_next(self) -> Waiting | None:
        """The longest-waiting call, out of the line; None when nobody waits."""
        if not self._line:
            return None
        return self._line.popitem(last=False)[1]

    def remove(self, call_id: str) -> Waiting | None:
        return self._line.pop(call_id, None)

    def put_back(self, waiting: Waiting) -> None:
        """A shown call that still rings, pushed aside: first in line again."""
        self._line[waiting.call_id] = waiting
        self._line.move_to_end(waiting.call_id, last=False)
        while len(self._line) > self.limit:
            self._line.popitem(last=True)
            self.dropped += 1

    def clear(self) -> None:
        self._line.clear()
