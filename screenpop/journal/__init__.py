"""The call journal: every call this workstation saw, kept locally in SQLite.

``Journal`` is the store (``store.py``, over ``database.py``, ``writes.py``,
``outbox.py`` and ``reads.py``); ``export``, ``search`` and ``stats`` read it
out for supervisors. The schema is in ``models.py`` and is created and evolved
only by the Alembic migrations shipped in ``migrations/``.
"""

from screenpop.journal.errors import JournalError
from screenpop.journal.store import Journal, JournalEvent, PendingCall

__all__ = ["Journal", "JournalError", "JournalEvent", "PendingCall"]
