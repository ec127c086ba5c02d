"""The pop's ``cases`` section: the customer's complaints and warranty cases, open first.

Each case is one entry: the product (description and code), its status
(the service desk's own word, or "Queued" for a case opened here that has
not reached the service desk yet), whether it is in warranty, worded and
coloured (in: good, out: bad, unknown: plain), and under it the fault, the
case id and when it was opened. The core sorts open cases first and works
out the warranty against the desk's today (``screenpop/cases/rows.py``);
this view only words it.

Products with an open case are marked in the purchases table too
(``link``): the agent sees at once that the lantern they are about to
re-sell is the one the customer complained about.

Data comes from the card, so every field is optional and an odd value is
shown as text, never an exception that would blank the pop.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QTableWidget, QVBoxLayout, QWidget

from screenpop.ui.formatting import Formats
from screenpop.ui.views.base import Pool, first, link, mappings, register, reuse
from screenpop.ui.widgets import label, set_tone

# Cases shown in the pop (the section may carry more).
MAX_CASES = 5
# Statuses a service desk uses for a closed case (as screenpop/cases/rows.py).
CLOSED = frozenset({"closed", "resolved", "done", "cancelled", "canceled", "rejected", "completed"})
# The purchases table's product column, and where a marked cell keeps its code.
PRODUCT_COLUMN = 1
_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
MARK = "● "
MARK_COLOUR = QColor("#b71c1c")


def is_open(case: Mapping[str, Any]) -> bool:
    return str(case.get("status") or "").strip().casefold() not in CLOSED


def open_case_products(data: Any) -> dict[str, str]:
    """Product -> case id of each open case (the first listed: open ones come first)."""
    out: dict[str, str] = {}
    for case in mappings(data):
        product = str(case.get("product") or "").strip()
        if product and is_open(case):
            out.setdefault(product, str(case.get("case_id") or ""))
    return out


class CaseEntry(QWidget):
    """One case: title, status and warranty chips; fault, id and date under it."""

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(8)
        # Wrapped: a long description must not widen the pop past its width.
        self.title = label("", role="item", wrap=True)
        line.addWidget(self.title, 1)
        self.code = label("", role="code")
        line.addWidget(self.code)
        self.status = label("", role="chip")
        self.status.setObjectName("case-status")
        line.addWidget(self.status)
        self.warranty = label("", role="chip")
        self.warranty.setObjectName("case-warranty")
        line.addWidget(self.warranty)
        column.addLayout(line)
        self.fault = label("", role="reason", wrap=True)
        column.addWidget(self.fault)
        self.note = label("", role="note")
        column.addWidget(self.note)


class CasesBox(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cases")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.pool: Pool[CaseEntry] = Pool(column, CaseEntry)
        self.more = label("", role="note")
        column.addWidget(self.more)


class CasesView(QObject):
    """Widgets and wording of the cases section (a QObject for its ``tr`` context)."""

    def title(self) -> str:
        return self.tr("Cases")

    def render(
        self, data: Any, fmt: Formats, currency: str | None, previous: QWidget | None
    ) -> QWidget:
        box = reuse(previous, CasesBox)
        cases = mappings(data)
        shown = cases[:MAX_CASES]
        for entry, case in zip(box.pool.take(len(shown)), shown, strict=True):
            self.fill(entry, case, fmt)
        more = len(cases) - len(shown)
        box.more.setText(self.tr("and %n more cases", "", more) if more > 0 else "")
        box.more.setVisible(more > 0)
        return box

    def fill(self, entry: CaseEntry, case: Mapping[str, Any], fmt: Formats) -> None:
        product = str(case.get("product") or "")
        title = str(first(case, "description", "product") or "")
        entry.title.setText(title)
        entry.code.setText(product)
        entry.code.setVisible(bool(product) and product != title)
        queued = case.get("queued") is True or case.get("status") == "queued"
        status = self.tr("Queued") if queued else self.status_words(case.get("status"))
        entry.status.setText(status)
        entry.status.setVisible(bool(status))
        set_tone(entry.status, "warn" if queued else "")
        words, tone = self.warranty_words(case, fmt)
        entry.warranty.setText(words)
        set_tone(entry.warranty, tone)
        fault = str(case.get("fault") or "")
        entry.fault.setText(fault)
        entry.fault.setVisible(bool(fault))
        parts = [str(case.get("case_id") or "")]
        if case.get("opened"):
            parts.append(self.tr("opened %1").replace("%1", fmt.date(case["opened"])))
        if queued:
            parts.append(self.tr("not at the service desk yet"))
        entry.note.setText(" · ".join(p for p in parts if p))

    def status_words(self, status: Any) -> str:
        """A service desk's usual statuses in the agent's language; others as it says them."""
        text = str(status or "").strip()
        known = {
            "new": self.tr("New"),
            "open": self.tr("Open"),
            "in progress": self.tr("In progress"),
            "waiting": self.tr("Waiting"),
            "on hold": self.tr("On hold"),
            "resolved": self.tr("Resolved"),
            "closed": self.tr("Closed"),
        }
        return known.get(text.casefold().replace("_", " ").replace("-", " "), text)

    def warranty_words(self, case: Mapping[str, Any], fmt: Formats) -> tuple[str, str]:
        """("In warranty until 31 Mar 2026", "good"), ("Out of warranty since …", "bad"),
        or ("Warranty unknown", "")."""
        state = case.get("warranty")
        until = case.get("warranty_until")
        if state == "in":
            if until:
                return self.tr("In warranty until %1").replace("%1", fmt.date(until)), "good"
            return self.tr("In warranty"), "good"
        if state == "out":
            if until:
                return self.tr("Out of warranty since %1").replace("%1", fmt.date(until)), "bad"
            return self.tr("Out of warranty"), "bad"
        return self.tr("Warranty unknown"), ""

    def mark_purchases(self, widget: QWidget, cases: Any) -> None:
        """Mark the purchases table's products that have an open case (and unmark others)."""
        table = widget.findChild(QTableWidget, "purchases")
        if table is None:
            return
        open_cases = open_case_products(cases)
        for row in range(table.rowCount()):
            item = table.item(row, PRODUCT_COLUMN)
            if item is None:
                continue
            code = item.data(_CODE_ROLE)
            if code is None:
                code = item.text()
                item.setData(_CODE_ROLE, code)
            case_id = open_cases.get(str(code))
            if case_id is not None:
                item.setText(MARK + str(code))
                item.setToolTip(self.tr("Open case %1").replace("%1", case_id))
                item.setForeground(QBrush(MARK_COLOUR))
            else:
                item.setText(str(code))
                item.setToolTip(str(code))
                item.setData(Qt.ItemDataRole.ForegroundRole, None)


_view = CasesView()
register("cases", _view.title, _view.render, quiet_when_empty=True)
link("purchases", "cases", _view.mark_purchases)
