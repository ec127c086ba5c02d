"""What crosses between the agent app and its engine process.

Messages are tuples whose first item says what they are, holding only the
front-end seam's immutable values (``CallInfo``, ``Card``, ``Section``,
``Health``, ``CallRecord``, ``CaseTicket``...), pickled by
``multiprocessing``'s ``Connection`` over the private pipe the app made
when it started the engine (a socketpair on Linux; on Windows a named pipe
of a single instance, connected by the app in the same call that makes it):
nothing listens, so no other process or user reaches the engine this way.
Pickle is safe here for that reason alone: both ends are the same program,
started by the same user, joined by a pipe nobody else holds.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from screenpop.config.schema import Config

# The app asks (app → engine):
#: ("spec", EngineSpec): always first; the engine process imports the engine
#: before it, so that it can be started before the app has read its configuration.
SPEC: Final = "spec"
#: ("prepare",): claim the instance, open the journal.
PREPARE: Final = "prepare"
#: ("start",): start the bridges; events flow from now on.
START: Final = "start"
#: ("call", request id, method, args): an ``AgentCore`` method; one ``REPLY``.
CALL: Final = "call"
#: ("cast", method, args): an ``AgentCore`` method that returns nothing.
CAST: Final = "cast"
#: ("stop",): stop the engine, finish journal writes, exit (the pipe closes).
STOP: Final = "stop"

# The engine tells (engine → app):
#: ("ready", step, error or None, payload): ``PREPARE`` or ``START`` done.
READY: Final = "ready"
#: ("event", PopListener method, args).
EVENT: Final = "event"
#: ("reply", request id, error or None, result).
REPLY: Final = "reply"
#: ("healths", bridges, sources, journals): sent when any of them changes.
HEALTHS: Final = "healths"
#: ("log", record attributes): the engine's log, written by the app's handlers.
LOG: Final = "log"

#: ``AgentCore`` methods the app may ``CALL`` (they answer) or ``CAST``.
CALLS: Final = frozenset(
    {"recent_calls", "save_wrapup", "card", "search", "dial", "case_form", "open_case"}
)
CASTS: Final = frozenset({"save_notes_draft", "choose_customer", "open_customer"})


@dataclass(frozen=True)
class EngineSpec:
    """How to build the engine in its process (what ``Engine(...)`` takes)."""

    config: Config
    journal_path: Path | None = None
    runtime_dir: Path | None = None
    demo_calls: tuple[Any, ...] = ()
    #: The app's log level: the engine logs no more than the app would.
    log_level: int = logging.WARNING
    #: The engine's pools (None: its defaults); set by benchmarks/burst.py only.
    workers: tuple[int, int, int] | None = None


class Outbox:
    """One end of the pipe, sent to from any thread (``Connection`` is not thread-safe)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._lock = threading.Lock()
        self.broken = False

    def send(self, message: tuple[Any, ...]) -> bool:
        """Send; False once the other end is gone (never raises for that)."""
        with self._lock:
            if self.broken:
                return False
            try:
                self.conn.send(message)
            except (OSError, EOFError, ValueError):
                self.broken = True
                return False
            return True


def safe_error(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling as itself, else a ``RuntimeError`` with its text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301  (our own bytes, just made)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


class LogForwarder(logging.handlers.QueueHandler):
    """The engine process's log handler: each record, formatted there (with its
    traceback), goes to the app, which writes it with its own handlers; one
    log, one file, whatever the platform (a windowed Windows app has no stderr)."""

    def __init__(self, outbox: Outbox) -> None:
        super().__init__(queue=None)  # type: ignore[arg-type]  # enqueue is ours
        self.outbox = outbox

    def enqueue(self, record: logging.LogRecord) -> None:
        self.outbox.send((LOG, dict(record.__dict__)))


def replay_log(attributes: dict[str, Any]) -> None:
    """Write a forwarded record with the app's handlers, as if logged here."""
    record = logging.makeLogRecord(attributes)
    logger = logging.getLogger(record.name)
    if logger.isEnabledFor(record.levelno):
        logger.handle(record)
