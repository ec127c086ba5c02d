"""The call journal: every call this workstation saw, kept locally in SQLite.

``Journal`` is the store (``store.py``), ``export`` writes it out for
supervisors (``export.py``); the schema is in ``models.py`` and is created and
evolved only by the Alembic migrations shipped in ``migrations/``.
"""

from screenpop.journal.store import Journal, JournalError, JournalEvent, PendingCall

__all__ = ["Journal", "JournalError", "JournalEvent", "PendingCall"]
