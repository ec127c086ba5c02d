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
            self._report.failed.emit(str(exc) or type(exc).__name__)
        else:
            self._report.done.emit(result)


class _Closed:
    """A plain flag (not a QObject): still readable after the Qt side is gone."""

    def __init__(self) -> None:
        self.value = False

    def set(self, *_args: object) -> None:
        self.value = True


class Jobs(QObject):
    """Starts jobs and delivers their results unless closed meanwhile.

    A result arrives as a queued event, possibly after the window that asked
    for it was closed and deleted. So the report objects belong to no widget
    (a widget's deletion cannot free one under a running worker), and
    delivery goes through a plain-Python flag that ``close()`` or this
    object's destruction sets: late results are dropped, never delivered to
    freed objects.
    """

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._live: set[_Report] = set()
        self._closed = _Closed()
        self.destroyed.connect(self._closed.set)

    def start(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        closed, live = self._closed, self._live
        if closed.value:
            return
        report = _Report()
        live.add(report)

        def done(result: Any) -> None:
            live.discard(report)
            if not closed.value:
                on_done(result)

        def failed(message: str) -> None:
            live.discard(report)
            if not closed.value and on_error is not None:
                on_error(message)

        report.done.connect(done)
        report.failed.connect(failed)
        self._pool.start(_Runnable(fn, report))

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running jobs end (tests)."""
        return bool(self._pool.waitForDone(msecs))

    def close(self, msecs: int = 5000) -> bool:
        """Quitting: drop every result still to come, then let workers finish."""
        self._closed.set()
        return self.wait(msecs)
