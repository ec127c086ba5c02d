"""The call journal: every call this workstation saw, kept locally in SQLite.

``Journal`` is the store (``store.py``, over ``database.py``, ``writes.py``,
``outbox.py`` and ``reads.py``); ``export``, ``search`` and ``stats`` read it
out for supervisors. The schema is in ``models.py`` and is created and evolved
only by the Alembic migrations shipped in ``migrations/``.

The store is imported when first named: the agent app's window process
(``screenpop.remote``) uses only ``records`` and ``errors`` and so never
loads SQLAlchemy; the engine process does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from screenpop.journal.errors import JournalError

if TYPE_CHECKING:
    from screenpop.journal.store import Journal, JournalEvent, PendingCall

__all__ = ["Journal", "JournalError", "JournalEvent", "PendingCall"]


def __getattr__(name: str) -> Any:
    if name in ("Journal", "JournalEvent", "PendingCall"):
        from screenpop.journal import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
