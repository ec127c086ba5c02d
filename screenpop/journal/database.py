"""The journal's database file: opening it safely, its connections, its schema.

Why it is shaped like this:

- **Durable on return.** Every write is its own ``BEGIN IMMEDIATE`` … ``COMMIT``
  in WAL mode with ``synchronous=FULL``, so once a write returns it survives
  the app being killed and, with FULL, a power cut too (the WAL is fsynced at
  each commit). ``NORMAL`` can be chosen for slow disks: it still survives a
  killed app, only the last commits may be lost on power loss.
- **One writer, many readers.** The engine writes from one thread while the
  GUI reads; WAL lets readers run beside the writer, each method checks out
  its own pooled connection, and ``busy_timeout`` absorbs the short moments
  when SQLite must lock (checkpoints, a second process opening the file).
- **Fast start.** Alembic owns the schema, but importing it costs tens of
  milliseconds: when the file already carries the head revision (the normal
  case) we read ``alembic_version`` with the stdlib and never import Alembic.
- **Nothing foreign is touched, nothing damaged is used.** A file that is not
  a SQLite database, a database that is not a journal, or a journal that
  fails its integrity check is refused with ``JournalError`` before anything
  is written to it; the message names the file and what to do. How much is
  checked at open and how much right after start: ``integrity.py``.
- **Private.** The journal holds callers' numbers, names and notes: its
  folder is created 0700 and the database 0600 whatever the umask (SQLite
  gives the ``-wal`` and ``-shm`` files the database's own mode), and an
  older journal's looser modes are tightened when it is opened.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

import screenpop.journal.integrity as integrity
from screenpop.journal.errors import JournalError, is_transient
from screenpop.journal.models import SCHEMA_HEAD

log = logging.getLogger(__name__)

#: How long opening a journal waits for another opener's migration.
MIGRATION_BUSY_TIMEOUT_MS = 60_000
#: How long a statement waits for a lock held by another connection or process.
BUSY_TIMEOUT_MS = 5000
#: Where the migration scripts live inside the installed package.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Execution option that makes the ``begin`` hook take the write lock up front.
_WRITE_OPTION = "screenpop_journal_write"
#: The journal's folder and files: the agent's alone.
DIR_MODE = 0o700
FILE_MODE = 0o600
#: What SQLite puts beside the database in WAL mode.
SIDE_FILES = ("-wal", "-shm")

Synchronous = Literal["FULL", "NORMAL"]
#: ``bounded``: what fits the cold-start budget at open, the rest right after
#: (the app; see ``integrity.py``); ``full``: all of it at open (``doctor``);
#: ``none``: trust the file (benchmarks, tools).
IntegrityCheck = Literal["bounded", "full", "none"]

#: Alembic keeps the running migration in module globals (``alembic.context``),
#: so two journals migrating in one process at once must take turns.
_ALEMBIC_LOCK = threading.Lock()


def private_dir(path: Path) -> None:
    """Create ``path`` (and parents) as folders only their owner can enter.

    Only folders created here are set to 0700 (the parents of a configured
    path may be shared on purpose); ``chmod`` after ``mkdir`` because the
    mode given to ``mkdir`` is cut by the umask.
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # made by another process meanwhile: it chose its mode
        os.chmod(folder, DIR_MODE)


def _create_private(path: Path) -> None:
    """Create the database file, empty and 0600, unless it exists.

    Created before SQLite opens it so that there is no moment at which the
    file exists with the umask's mode; ``chmod`` as well because ``os.open``'s
    mode is cut by the umask (on Windows it only clears "read-only"; the file
    inherits the folder's ACL, which under ``%LOCALAPPDATA%`` is the user's).
    """
    try:
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        os.close(os.open(path, flags, FILE_MODE))
    except FileExistsError:
        return
    os.chmod(path, FILE_MODE)


def _tighten(path: Path) -> None:
    """The journal and its side files to 0600 (an older screenpop left them 0644).

    Only called once the file is known to be a journal: a foreign file is
    refused untouched.
    """
    for file in (path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILES)):
        try:
            if stat.S_IMODE(file.stat().st_mode) != FILE_MODE:
                os.chmod(file, FILE_MODE)
        except FileNotFoundError:
            pass


def _room(path: Path) -> str:
    """`` (N bytes free on its disk)`` when the disk is (nearly) full, else nothing."""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return ""
    return f" (the disk is full: {free} bytes free)" if free < 1024 * 1024 else ""


def probe_revision(path: Path) -> str | None:
    """The journal's Alembic revision, or None for a new/empty database.

    Uses the stdlib driver and only reads, so a foreign file is refused
    unchanged and the common case (already at head) needs neither Alembic
    nor a SQLAlchemy connection.
    """
    try:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise JournalError(f"cannot open journal {path}: {exc}") from exc
    try:
        # SQLite's own tables (sqlite_sequence, left behind by the outbox's
        # AUTOINCREMENT even after a downgrade) say nothing about the file.
        tables = {
            row[0]
            for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(row[0]).startswith("sqlite_")
        }
        versions: list[str] = []
        if "alembic_version" in tables:
            versions = [row[0] for row in con.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code == 11:  # SQLITE_CORRUPT
            raise JournalError(integrity.damaged(path, str(exc))) from exc
        if code != 26 and is_transient(exc):  # the disk or a lock, not the file's kind
            raise JournalError(
                f"cannot read journal {path}: {exc}{_room(path)}", transient=True
            ) from exc
        raise JournalError(f"{path} is not a screenpop journal: {exc}") from exc
    finally:
        con.close()
    if tables <= {"alembic_version"} and not versions:
        return None  # new, or migrated down to base: (re)create the schema
    if "alembic_version" not in tables or "calls" not in tables:
        shown = ", ".join(sorted(tables)[:5])
        raise JournalError(
            f"{path} is a SQLite database but not a screenpop journal (tables: {shown})"
        )
    if len(versions) != 1:
        raise JournalError(f"journal {path} has an unexpected schema version table {versions!r}")
    return str(versions[0])


class JournalDatabase:
    """The opened journal file: a pooled engine, a write path and a read path."""

    def __init__(
        self,
        path: Path,
        *,
        synchronous: Synchronous = "FULL",
        check: IntegrityCheck = "bounded",
        on_damage: Callable[[str], None] | None = None,
    ) -> None:
        if synchronous not in ("FULL", "NORMAL"):
            raise ValueError("synchronous must be 'FULL' or 'NORMAL'")
        if check not in ("bounded", "full", "none"):
            raise ValueError("check must be 'bounded', 'full' or 'none'")
        self.path = Path(path)
        self._synchronous = synchronous
        self._closed = False
        try:
            private_dir(self.path.parent)
        except OSError as exc:
            raise JournalError(f"cannot create the journal's folder: {exc}") from exc
        try:
            existed = self.path.exists() and self.path.stat().st_size > 0
            _create_private(self.path)
        except OSError as exc:
            raise JournalError(f"cannot create the journal {self.path}: {exc}") from exc
        revision = probe_revision(self.path)
        self._checking: integrity.BackgroundCheck | None = None
        complete = True
        if existed and check != "none":
            budget = integrity.OPEN_BUDGET_S if check == "bounded" else None
            complete = integrity.check_at_open(self.path, budget_s=budget)
        try:
            _tighten(self.path)
        except OSError as exc:
            raise JournalError(f"cannot make the journal {self.path} private: {exc}") from exc
        self._engine = self._create_engine()
        self._writer = self._engine.execution_options(**{_WRITE_OPTION: True})
        try:
            if revision != SCHEMA_HEAD:
                self._upgrade()
        except BaseException:
            self._engine.dispose()
            raise
        if not complete:
            self._checking = integrity.BackgroundCheck(self.path, on_damage)

    def damage(self) -> str | None:
        """Why the journal is refusing writes (found damaged after start), or None."""
        return None if self._checking is None else self._checking.damage

    # ------------------------------------------------------------ plumbing --

    def _create_engine(self) -> Engine:
        engine = create_engine(
            URL.create("sqlite", database=str(self.path)),
            # Pooled connections move between the writer and GUI threads; each
            # is used by one thread at a time, which is all sqlite3 needs.
            connect_args={"check_same_thread": False},
            pool_size=4,
            max_overflow=8,
        )
        synchronous = self._synchronous

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
            # We emit BEGIN ourselves (below): the legacy sqlite3 transaction
            # control would not start one before SELECTs or DDL.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            try:
                cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
                if not mode or str(mode[0]).lower() != "wal":
                    raise sqlite3.OperationalError(f"journal_mode is {mode!r}, WAL required")
                cur.execute(f"PRAGMA synchronous = {synchronous}")
                cur.execute("PRAGMA foreign_keys = ON")
            finally:
                cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the write lock at BEGIN so a read-then-write never
            # has to upgrade its lock (which would fail with SQLITE_BUSY at once).
            if conn.get_execution_options().get(_WRITE_OPTION):
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.exec_driver_sql("BEGIN")

        return engine

    def _upgrade(self) -> None:
        """Bring the schema to head with Alembic, under the write lock.

        Holding ``BEGIN IMMEDIATE`` across the check and the DDL means two
        processes opening a new journal at once migrate it exactly once.
        """
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        try:
            with self._writer.connect() as outer, self._migrating(outer), outer.begin():
                conn = outer
                current = MigrationContext.configure(conn).get_current_revision()
                if current == head:
                    return
                if current is not None and current not in {
                    rev.revision for rev in script.walk_revisions()
                }:
                    raise JournalError(
                        f"journal {self.path} has schema revision {current!r}, newer than this "
                        f"screenpop knows (up to {head!r}); update screenpop"
                    )
                config.attributes["connection"] = conn
                with _ALEMBIC_LOCK:
                    command.upgrade(config, "head")
        except SQLAlchemyError as exc:
            raise JournalError(f"cannot migrate journal {self.path}: {exc}") from exc

    @staticmethod
    @contextmanager
    def _migrating(conn: Connection) -> Iterator[None]:
        """Wait up to a minute for another opener's migration, not the usual 5 s.

        A migration runs once per upgrade and may take seconds on a busy
        desk; a second opener (``journal export`` beside the app) must wait
        for it rather than fail. Set on the raw connection: SQLAlchemy would
        begin the write transaction before a PRAGMA it runs.
        """
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"PRAGMA busy_timeout = {MIGRATION_BUSY_TIMEOUT_MS}")
        try:
            yield
        finally:
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _check_open(self) -> None:
        if self._closed:
            raise JournalError("the journal is closed")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One short write transaction; committed (and synced) when the block ends.

        A failure of the disk or the file (full, I/O error, locked, damaged)
        is a transient ``JournalError``: the same write may work later.
        """
        self._check_open()
        damage = self.damage()
        if damage is not None:
            raise JournalError(damage, transient=True)
        try:
            with self._writer.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise JournalError(f"journal write failed: {exc}", transient=is_transient(exc)) from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read snapshot on its own pooled connection."""
        self._check_open()
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise JournalError(f"journal read failed: {exc}", transient=is_transient(exc)) from exc

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints the WAL)."""
        if not self._closed:
            self._closed = True
            if self._checking is not None:
                self._checking.stop()
            self._engine.dispose()
