"""What every card of a configuration holds, worked out once from the sources
and the derived sections it declares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from screenpop.card import SECTION_NAMES
from screenpop.derived import Derived, Feed
from screenpop.sources.base import Source


@dataclass(frozen=True, slots=True)
class Plan:
    """What every card of this configuration holds, worked out once."""

    #: section -> the source that answers it (the first configured for it).
    sections: Mapping[str, Source]
    feeds: Mapping[str, tuple[Feed, Source]]
    derived: tuple[Derived, ...]
    #: Source sections that are inputs only: a derived section stands in for them.
    held: frozenset[str]
    #: Every section on a card with a customer, in display order.
    names: tuple[str, ...]


def make_plan(sources: Sequence[Source], derived: Sequence[Derived]) -> Plan:
    by_section: dict[str, Source] = {}
    for s in sources:
        by_section.setdefault(s.section, s)
    planned = tuple(d for d in derived if all(n in by_section for n in d.needs))
    feeds = {
        f.name: (f, by_section[f.section])
        for d in planned
        for f in d.feeds
        if f.section in by_section
    }
    held = frozenset(d.name for d in planned if d.replaces and d.name in by_section)
    names = set(by_section) | {d.name for d in planned}
    order = {name: i for i, name in enumerate(SECTION_NAMES)}
    ordered = tuple(sorted(names, key=lambda n: (order.get(n, len(order)), n)))
    return Plan(by_section, feeds, planned, held, ordered)
