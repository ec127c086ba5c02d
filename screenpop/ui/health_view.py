"""How the app's health reads: one summary line, a tooltip, menu lines, an icon.

Three kinds of parts report health: call bridges (no bridge, no pops), data
sources (their circuit breakers: a failing one leaves sections empty) and
the journal (the local one, and its replication to the central journal when
configured). A journal that cannot write keeps every call and retries; the
agent is told so, because until it writes, wrap-ups and calls are only kept,
not yet saved. The tray and the fallback window show the same words.

Parts' names are the config's (bridge and source names) or, for the journal,
translated here; a part's ``detail`` is its own technical text (a driver's
error), shown as it came.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from screenpop.health import Health, HealthState
from screenpop.ui.reason_texts import fill
from screenpop.ui.resources import icon

#: What the core calls its journals (``AgentCore.journal_healths``).
LOCAL_JOURNAL = "journal"
CENTRAL_JOURNAL = "central journal"
# The case writer (``screenpop/cases/writer.py``).
SERVICE_DESK = "service desk"


def state_word(state: HealthState) -> str:
    """A bridge's, source's or journal's state in the agent's language."""
    words = {
        HealthState.CONNECTING: QCoreApplication.translate("Health", "connecting"),
        HealthState.CONNECTED: QCoreApplication.translate("Health", "connected"),
        HealthState.LISTENING: QCoreApplication.translate("Health", "listening"),
        HealthState.RETRYING: QCoreApplication.translate("Health", "retrying"),
        HealthState.FAILED: QCoreApplication.translate("Health", "failed"),
    }
    return words.get(state, str(state))


def journal_name(name: str) -> str:
    """The core's name of a journal in the agent's language."""
    names = {
        LOCAL_JOURNAL: QCoreApplication.translate("Health", "local journal"),
        CENTRAL_JOURNAL: QCoreApplication.translate("Health", "central journal"),
        SERVICE_DESK: QCoreApplication.translate("Health", "service desk"),
    }
    return names.get(name, name)


def _lines(healths: Mapping[str, Health], names: Mapping[str, str] | None = None) -> list[str]:
    lines = []
    for name in sorted(healths):
        health = healths[name]
        detail = f" ({health.detail})" if health.detail else ""
        shown = (names or {}).get(name, name)
        lines.append(f"{shown}: {state_word(health.state)}{detail}")
    return lines


def health_lines(healths: Mapping[str, Health]) -> list[str]:
    """One line per bridge, e.g. ``baresip: retrying (connection refused)``."""
    return _lines(healths) or [QCoreApplication.translate("Health", "no bridges configured")]


def source_lines(sources: Mapping[str, Health]) -> list[str]:
    """One line per source's circuit breaker, e.g. ``credit: failed (timed out)``."""
    return _lines(sources)


def journal_lines(journals: Mapping[str, Health]) -> list[str]:
    """One line per journal, e.g. ``local journal: failed (cannot write: disk full…)``."""
    return _lines(journals, {name: journal_name(name) for name in journals})


def all_good(healths: Mapping[str, Health]) -> bool:
    return all(h.good for h in healths.values())


@dataclass(frozen=True)
class Healths:
    """Everything the tray and the fallback window report, at one moment."""

    bridges: Mapping[str, Health] = field(default_factory=dict)
    sources: Mapping[str, Health] = field(default_factory=dict)
    journals: Mapping[str, Health] = field(default_factory=dict)

    @property
    def good(self) -> bool:
        """Bridges configured and every part healthy."""
        parts = (self.bridges, self.sources, self.journals)
        return bool(self.bridges) and all(all_good(p) for p in parts)

    @property
    def warning(self) -> bool:
        """Something the agent should look at (the warning icon)."""
        return not all(all_good(p) for p in (self.bridges, self.sources, self.journals))

    def summary(self) -> str:
        """The one line shown in tooltips and the fallback window."""
        bridges = self.bridges
        if not bridges:
            line = QCoreApplication.translate("Health", "screenpop — no bridges configured")
        elif all_good(bridges):
            line = fill(
                QCoreApplication.translate("Health", "screenpop — ready: %1"),
                ", ".join(sorted(bridges)),
            )
        else:
            bad = ", ".join(n for n in sorted(bridges) if not bridges[n].good)
            line = fill(QCoreApplication.translate("Health", "screenpop — no calls from %1"), bad)
        failing = [n for n in sorted(self.sources) if not self.sources[n].good]
        if failing:
            line += " · " + fill(
                QCoreApplication.translate("Health", "sources failing: %1"), ", ".join(failing)
            )
        local = self.journals.get(LOCAL_JOURNAL)
        if local is not None and not local.good:
            line += " · " + QCoreApplication.translate(
                "Health", "journal cannot write: calls and wrap-ups are kept and retried"
            )
        central = self.journals.get(CENTRAL_JOURNAL)
        if central is not None and not central.good:
            line += " · " + QCoreApplication.translate(
                "Health", "central journal unreachable: calls are kept on this PC and sent later"
            )
        return line

    def lines(self) -> list[str]:
        """Every part, one per line, under a heading per kind (tray menu, tooltip)."""
        parts = [QCoreApplication.translate("Health", "Call bridges:"), *health_lines(self.bridges)]
        if self.sources:
            parts += [
                QCoreApplication.translate("Health", "Data sources:"),
                *source_lines(self.sources),
            ]
        if self.journals:
            parts += [
                QCoreApplication.translate("Health", "Journal:"),
                *journal_lines(self.journals),
            ]
        return parts

    def tooltip(self) -> str:
        return "\n".join(self.lines())

    def icon(self) -> QIcon:
        return icon("screenpop-warning" if self.warning else "screenpop")
