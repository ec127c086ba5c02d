"""Exports off the GUI thread with a progress bar and Cancel.

The export itself is ``journal.supervisor_export`` (same rows as ``journal
export --central``, formula-safe, written to a part file and renamed). It
runs on a plain thread with its own connection; progress and the result come
back as queued signals; Cancel sets a flag the export checks between rows,
and the part file is removed, leaving any earlier export untouched.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from screenpop.journal.calllog import LogQuery
from screenpop.journal.central import describe
from screenpop.journal.supervisor_export import ExportCancelled, Exported, Format, export_log
from screenpop.ui.supervisor.session import SupervisorSession
from screenpop.ui.supervisor.texts import tx


class ExportRunner(QObject):
    """One export of the log; ``finished(Exported)``, ``failed(str)`` or ``cancelled()``."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, session: SupervisorSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, query: LogQuery, path: Path, fmt: Format) -> None:
        self._cancel.clear()
        self._thread = threading.Thread(
            target=self._run, args=(query, path, fmt), name="supervisor-export", daemon=True
        )
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, seconds: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(seconds)

    def _run(self, query: LogQuery, path: Path, fmt: Format) -> None:
        password = self.session.url.password
        try:
            with self.session.engine.connect() as conn:
                done = export_log(
                    conn,
                    query,
                    path,
                    fmt,
                    progress=lambda n, total: self.progress.emit(n, total),
                    cancelled=self._cancel.is_set,
                )
        except ExportCancelled:
            self.cancelled.emit()
        except OSError as exc:
            self.failed.emit(
                tx("cannot write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or type(exc).__name__)
            )
        except Exception as exc:
            self.failed.emit(describe(exc, password if isinstance(password, str) else None))
        else:
            self.finished.emit(done)


def progress_dialog(parent: QWidget, runner: ExportRunner) -> QProgressDialog:
    """A window-modal progress bar whose Cancel stops the export."""
    dialog = QProgressDialog(tx("Exporting calls…"), tx("Cancel"), 0, 0, parent)
    dialog.setObjectName("export-progress")
    dialog.setWindowTitle(tx("Export"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def moved(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(
            tx("Exporting calls… %1 of %2").replace("%1", str(done)).replace("%2", str(total))
        )

    def over(*_args: Any) -> None:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    runner.progress.connect(moved)
    dialog.canceled.connect(runner.cancel)
    for signal in (runner.finished, runner.failed, runner.cancelled):
        signal.connect(over)
    return dialog


__all__ = ["ExportRunner", "Exported", "progress_dialog"]
