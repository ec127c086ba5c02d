"""A case opened from a call: its values, its id, and what became of it.

The id is the idempotency key: derived from the call and the product, so
the same case asked for twice (a double click, a retried job, the writer
replaying after a crash between the service desk's commit and ours) is the
same row at the service desk, never a second one.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from enum import StrEnum

#: ``SP-`` + 16 hex digits of SHA-256: short enough to read out on the phone,
#: 64 bits so that two calls' cases never share one.
CASE_ID_PREFIX = "SP-"


def case_id_for(call_id: str, product: str) -> str:
    """The case's id: the same call and product always give the same one."""
    digest = hashlib.sha256(f"{call_id}\x1f{product}".encode()).hexdigest()
    return CASE_ID_PREFIX + digest[:16].upper()


@dataclass(frozen=True, slots=True)
class CaseRequest:
    """A case as the service desk's ``open_case`` statement binds it."""

    case_id: str
    call_id: str
    customer_id: str
    product: str
    category: str
    description: str
    #: ISO 8601 UTC, when the agent opened it (not when it landed).
    opened: str
    agent: str

    def params(self) -> dict[str, str]:
        """The bound parameters (``:case_id`` … ``:agent``)."""
        return {k: str(v) for k, v in asdict(self).items()}


class CaseState(StrEnum):
    """Where an opened case is."""

    #: Kept in the local journal's outbox; not yet at the service desk.
    QUEUED = "queued"
    #: The service desk has it.
    LANDED = "landed"


@dataclass(frozen=True, slots=True)
class CaseTicket:
    """What the front end is told about an opened case (a value: crosses threads)."""

    case_id: str
    call_id: str
    customer_id: str
    product: str
    state: CaseState
    #: Why the last try to write it failed (empty: none failed, or it landed).
    error: str = ""
    #: False when the same call and product already had a case (the first one stands).
    new: bool = True


@dataclass(frozen=True, slots=True)
class CaseForm:
    """What the wrap-up offers for opening a case on one call."""

    #: The service desk's fault categories (config: its own words).
    categories: tuple[str, ...]
    #: (product, description) the customer bought, most relevant first.
    products: tuple[tuple[str, str], ...]
    #: Cases already opened from this call.
    tickets: tuple[CaseTicket, ...]
    #: Longest description accepted.
    max_description: int
