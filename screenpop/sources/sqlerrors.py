"""Database driver errors in words: what happened, never the statement or its values.

Drivers put everything in their messages: MySQL/MariaDB quote the statement
with the bound values spliced in, PostgreSQL quotes the value it could not
take (``value "+442079460958" is out of range for type integer``), and
SQLAlchemy appends the SQL and its parameters. Every error a source or the
central journal shows (on a card, in ``doctor``, in a log line) goes through
``describe_driver_error``: the driver's own first line, the quoted statement
cut out, bound values and anything that looks like a phone number masked as
``screenpop.phone.mask`` does (all but the last four digits).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy.exc import DBAPIError

from screenpop.phone import mask_numbers

_NEAR = re.compile(r" near '.*' at line \d+", re.DOTALL)

#: Words in driver errors that mean "the server stopped it at our deadline".
TIMEOUT_MARKERS = (
    "interrupted",
    "statement timeout",
    "canceling statement",
    "max_statement_time",
    "maximum statement execution time",
    "query execution was interrupted",
)

#: SQLite's words for "another connection holds the lock" (SQLITE_BUSY/LOCKED).
LOCKED_MARKERS = ("database is locked", "database table is locked")


def describe_driver_error(exc: BaseException, values: Iterable[str] = ()) -> str:
    """A driver error in words: its type and first line, without the SQL or values.

    ``values`` are the statement's bound values; they are masked wherever the
    message repeats them, and so is any other long run of digits.
    """
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        said = str(exc.orig).strip()
        text = said.splitlines()[0] if said else ""
        # MySQL/MariaDB quote the statement, bound values spliced in by the
        # driver (a caller's number, a customer id): never pass that on.
        text = _NEAR.sub(" near the quoted part of the query", text)
        described = f"{type(exc.orig).__name__}: {text}"
    else:
        said = str(exc)
        described = f"{type(exc).__name__}: {said.splitlines()[0] if said else ''}"
    return mask_numbers(described, values)[:300]


#: Driver wording -> what IT should do about it (checked in order, lower case).
_ADVICE = (
    (
        ("access denied", "password authentication failed", "authentication failed"),
        "the database refused the user name or password: check the user in the URL and "
        "the keyring entry named by 'password'",
    ),
    (
        (
            "connection refused",
            "can't connect",
            "could not connect",
            "connection timed out",
            "timeout expired",
            "name or service not known",
            "could not translate host",
            "no route to host",
        ),
        "cannot reach the database server: check host and port in the URL, that the "
        "server runs, and the firewall",
    ),
    (
        (
            "does not exist",
            "unknown database",
            "doesn't exist",
            "no such table",
            "unknown column",
            "no such column",
            "syntax",
            "undefined",
        ),
        "the query does not fit this database (table, column or syntax): fix the query "
        "in the configuration",
    ),
)


def advice(described: str) -> str:
    """A hint for IT to go with a driver error (empty if none applies)."""
    low = described.lower()
    for markers, hint in _ADVICE:
        if any(m in low for m in markers):
            return hint
    return ""


def says_timeout(described: str) -> bool:
    """Whether the driver's words say the server stopped the statement at a deadline."""
    low = described.lower()
    return any(m in low for m in TIMEOUT_MARKERS)


def says_locked(described: str) -> bool:
    """Whether SQLite's words say another connection holds the lock."""
    low = described.lower()
    return any(m in low for m in LOCKED_MARKERS)
