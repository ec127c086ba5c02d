"""What goes wrong with the journal, and whether trying again can help.

``JournalError`` is the one exception the journal raises. Its ``transient``
flag is what the journal writer (``writer.py``) acts on: a transient failure
is kept and retried in order, anything else fails its write at once. The
classification reads SQLite's own result code (``sqlite_errorcode``, Python
3.11+), not the English message, so it holds whatever the message says.
"""

from __future__ import annotations

import sqlite3


class JournalError(Exception):
    """The journal cannot be opened or written; the message says why and where.

    ``transient`` is true when the same write may succeed later (a full disk,
    an I/O error, a lock held too long, a damaged file being repaired): the
    writer keeps such writes and retries them. False means the write itself
    is wrong (an unknown call) and retrying cannot help.
    """

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


#: SQLite primary result codes (``code & 0xff``) that describe the disk, the
#: file or another process, not the statement: the same write may work later.
_TRANSIENT_CODES = frozenset(
    {
        5,  # SQLITE_BUSY: another connection holds the lock past busy_timeout
        6,  # SQLITE_LOCKED
        7,  # SQLITE_NOMEM
        8,  # SQLITE_READONLY: the file or its folder lost write permission
        10,  # SQLITE_IOERR (and every SQLITE_IOERR_* extended code)
        11,  # SQLITE_CORRUPT: a damaged page (the file is being repaired or replaced)
        13,  # SQLITE_FULL: the disk is full
        14,  # SQLITE_CANTOPEN: the folder went away or is unreachable
        15,  # SQLITE_PROTOCOL: a locking race on a network filesystem
        26,  # SQLITE_NOTADB: the file was overwritten under us
    }
)


def is_transient(exc: BaseException) -> bool:
    """Whether a failed journal statement may succeed later: the disk or the file, not the write.

    Constraint violations, misuse, wrong SQL (``no such table``) and bad
    parameters are the write's own fault and fail the same way every time.
    A pool that has no free connection is a moment of contention: transient.
    """
    # Here, not at the top: the agent app's window process names JournalError
    # and never loads SQLAlchemy (screenpop.remote); the engine has it loaded.
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, PoolTimeout):
        return True
    orig = getattr(exc, "orig", None) if isinstance(exc, SQLAlchemyError) else exc
    if not isinstance(orig, sqlite3.Error):
        return orig is None  # SQLAlchemy's own I/O-level failures carry no driver error
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in _TRANSIENT_CODES
    # No result code: raised by our own connect hook (e.g. WAL could not be
    # switched on because the disk is full) or by the sqlite3 module itself.
    return isinstance(orig, sqlite3.OperationalError) and not isinstance(
        orig, sqlite3.IntegrityError | sqlite3.ProgrammingError
    )
