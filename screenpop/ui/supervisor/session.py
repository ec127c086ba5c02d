"""The window's one door to the central journal: the supervisor's login, off the GUI thread.

Check, run, report: every read runs on this session's own small thread pool
(``Jobs``), on a connection of one engine whose sessions carry statement and
lock timeouts, and comes back as a queued signal; a failure comes back as a
sentence (``central.describe``: what happened and what to do, never the
password). The live floor's watcher runs on its own thread and hands its
snapshots over the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal
from sqlalchemy import Connection
from sqlalchemy.engine import URL

from screenpop.config.schema import Config, JournalConfig
from screenpop.health import Health
from screenpop.journal.central import CentralError, central_url, create_central_engine, describe
from screenpop.journal.floor import FloorSnapshot, FloorWatcher
from screenpop.ui.jobs import Jobs

T = TypeVar("T")
#: A page or the figures that take longer than this fail with the reason.
STATEMENT_TIMEOUT_S = 10.0


def supervisor_login(config: Config) -> JournalConfig:
    """``[supervisor]`` when it names a login, else ``[journal] central`` (as in export)."""
    if config.supervisor.central:
        return JournalConfig(central=config.supervisor.central, password=config.supervisor.password)
    if config.journal.central:
        return JournalConfig(central=config.journal.central, password=config.journal.password)
    raise CentralError(
        "supervisor.central is not set: the supervisor's own login to the central journal, "
        '[supervisor] central = "postgresql+psycopg://LOGIN@HOST/DATABASE"'
    )


def login_url(config: Config, secret: Callable[[str], str]) -> URL:
    """The supervisor's URL with the password from the keyring (``SecretError`` says which)."""
    return central_url(supervisor_login(config), secret)


class _FloorBridge(QObject):
    """Carries the watcher thread's values to the GUI thread (queued: cross-thread emit)."""

    snapshot = Signal(object)
    health = Signal(object)


class SupervisorSession(QObject):
    """Reads for one window as one login; ``close()`` drops late results and the connection."""

    def __init__(self, url: URL, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self._password = url.password if isinstance(url.password, str) else None
        self.engine = create_central_engine(
            url, statement_timeout_s=STATEMENT_TIMEOUT_S, application_name="screenpop supervisor"
        )
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(3)
        self.jobs = Jobs(self, self._pool)
        self.floor = _FloorBridge(self)
        self._watcher: FloorWatcher | None = None

    @property
    def where(self) -> str:
        from screenpop.journal.central import where

        return where(self.url)

    def run(
        self,
        fn: Callable[[Connection], T],
        on_done: Callable[[T], None],
        on_error: Callable[[str], None],
        *,
        snapshot: bool = False,
    ) -> None:
        """``fn(connection)`` on a worker; its value or the reason comes back on the GUI thread.

        ``snapshot``: one read-only REPEATABLE READ transaction (the figures).
        """

        def work() -> T:
            try:
                with self.engine.connect() as conn:
                    if snapshot:
                        conn = conn.execution_options(
                            isolation_level="REPEATABLE READ", postgresql_readonly=True
                        )
                    return fn(conn)
            except CentralError:
                raise
            except Exception as exc:
                if isinstance(exc, (ValueError, KeyError, TypeError)):
                    raise
                raise CentralError(describe(exc, self._password)) from None

        def failed(message: str) -> None:
            on_error(message.removeprefix("CentralError: "))

        self.jobs.start(work, on_done, failed)

    def watch_floor(self) -> None:
        """Start the live floor's LISTEN thread (snapshots arrive on ``floor.snapshot``)."""
        if self._watcher is not None:
            return
        bridge = self.floor

        def deliver(snapshot: FloorSnapshot) -> None:
            bridge.snapshot.emit(snapshot)

        def health(value: Health) -> None:
            bridge.health.emit(value)

        self._watcher = FloorWatcher(self.url, deliver, health)
        self._watcher.start()

    def refresh_floor(self) -> None:
        if self._watcher is not None:
            self._watcher.refresh()

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        self.jobs.close()
        self.engine.dispose()
