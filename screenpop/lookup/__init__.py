"""Lookup: identify the caller, then ask every department at once.

``search.Lookup`` does the work; ``plan`` works out once what a card of this
configuration holds, ``outcome`` waits for each source up to its deadline and
turns what it said into a section.
"""

from screenpop.lookup.plan import Plan, make_plan
from screenpop.lookup.search import (
    CHOICES_KEPT,
    NEVER_STALE,
    Identification,
    IdentifiedCallback,
    LastKnownReader,
    Lookup,
    SectionCallback,
)

__all__ = [
    "CHOICES_KEPT",
    "NEVER_STALE",
    "Identification",
    "IdentifiedCallback",
    "LastKnownReader",
    "Lookup",
    "Plan",
    "SectionCallback",
    "make_plan",
]
