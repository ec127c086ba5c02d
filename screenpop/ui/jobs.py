"""Run a blocking core call on Qt's thread pool; get its result on the GUI thread.

Check, run, report (Vorta's borg jobs): the call runs in a worker, its result
or error comes back as a queued signal, so a slow search or re-lookup never
freezes the pop. Results of jobs whose purpose is gone (another call rang)
are the caller's to ignore; ``Jobs`` only keeps jobs alive until they report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Report(QObject):
    """Lives in the GUI thread; its signals cross back from the worker queued."""

    done = Signal(object)
    failed = Signal(str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], report: _Report) -> None:
        super().__init__()
        self._fn = fn
        self._report = report

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # a worker must report, never die silently
            log.exception("background call failed")
            self._report.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self._report.done.emit(result)


class Jobs(QObject):
    """Starts jobs and holds their report objects until they have reported."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._live: set[_Report] = set()

    def start(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        report = _Report(self)
        self._live.add(report)

        def finish() -> None:
            self._live.discard(report)
            report.deleteLater()

        report.done.connect(on_done)
        if on_error is not None:
            report.failed.connect(on_error)
        report.done.connect(finish)
        report.failed.connect(finish)
        self._pool.start(_Runnable(fn, report))

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running jobs end (shutdown and tests)."""
        return bool(self._pool.waitForDone(msecs))
