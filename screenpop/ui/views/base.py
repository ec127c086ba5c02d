"""The registry of section views, the fallback view, and what views share.

A section's view is a title and a function turning the section's ``data``
into a widget; ``register`` files them under the section's name. A section
nobody registered a view for (a newer core, a source configured for a
section this UI does not know) is still shown, by ``generic``: a mapping as
label/value pairs, a list of rows as a table, anything else as text.

A renderer is handed the widget it returned for the same box last time and
fills that one again when it can: widgets made in Python are dear while the
core's threads are busy (a new widget takes the GIL anew for each of its
first calls from Qt, ~50 ms for a section's worth under a burst of rings:
benchmarks/burst.py), while setting texts on a widget that exists costs
microseconds. So each box builds its widgets once and then only refills them.

Sources are configured by users, so every field is optional and a value of
an unexpected type is shown as text, never an exception that would blank the
card. Labels are translated; data (names, descriptions, terms, tiers) is
shown as delivered; sentences from the core through ``reason_texts``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screenpop.money import to_decimal
from screenpop.ui.formatting import Formats
from screenpop.ui.widgets import label

#: ``render(data, formats, card currency, previous)`` → the section's widget;
#: ``previous`` is what the renderer returned for this box before (or None),
#: to be filled again and returned when it is of the right kind.
Renderer = Callable[[Any, Formats, str | None, QWidget | None], QWidget]
W = TypeVar("W", bound=QWidget)
#: Rows a table view shows; the rest is one line ("and 4 more").
MAX_TABLE_ROWS = 5
ROW_HEIGHT = 22


# ``caption(section)`` → a line under the title about where the data is
# from ("this desk only"), or None.
Caption = Callable[[Any], str | None]


@dataclass(frozen=True, slots=True)
class SectionView:
    """How one section looks: its heading (translated when asked), its renderer,
    and optionally a caption saying where its data is from."""

    title: Callable[[], str]
    render: Renderer
    caption: Caption | None = None
    #: Left out of the pop when the source has nothing for the customer (no
    #: cases, no earlier calls: the usual case, not worth a box).
    quiet_when_empty: bool = False


_VIEWS: dict[str, SectionView] = {}


def register(
    name: str,
    title: Callable[[], str],
    render: Renderer,
    caption: Caption | None = None,
    *,
    quiet_when_empty: bool = False,
) -> None:
    """File the view of section ``name`` (a view module does this on import)."""
    _VIEWS[name] = SectionView(title, render, caption, quiet_when_empty)


def quiet_when_empty(name: str) -> bool:
    """Whether section ``name`` is left out of the pop when it is empty."""
    view = _VIEWS.get(name)
    return view is not None and view.quiet_when_empty


def section_caption(name: str, section: Any) -> str | None:
    """The caption of ``section`` under its title (e.g. "this desk only"), if any."""
    view = _VIEWS.get(name)
    return view.caption(section) if view is not None and view.caption is not None else None


# ``fn(widget of section shown, data of section other)``: a view that reads another
# section (products with an open case marked among the purchases).
Linker = Callable[[QWidget, Any], None]
_LINKS: list[tuple[str, str, Linker]] = []


def link(shown: str, other: str, fn: Linker) -> None:
    """Have ``fn`` adjust section ``shown``'s widget whenever it or ``other`` is painted."""
    _LINKS.append((shown, other, fn))


def links_for(name: str) -> list[tuple[str, str, Linker]]:
    """The links to run after section ``name`` was painted."""
    return [entry for entry in _LINKS if name in entry[:2]]


def registered() -> tuple[str, ...]:
    return tuple(_VIEWS)


def section_title(name: str) -> str:
    """A section's heading in the agent's language (its name for one we do not know)."""
    view = _VIEWS.get(name)
    return view.title() if view is not None else name.replace("_", " ").capitalize()


def render(
    name: str, data: Any, fmt: Formats, currency: str | None, previous: QWidget | None = None
) -> QWidget:
    """The widget for section ``name``'s data (``previous`` refilled when it fits)."""
    view = _VIEWS.get(name)
    return (view.render if view is not None else generic)(data, fmt, currency, previous)


def reuse(previous: QWidget | None, kind: type[W]) -> W:
    """``previous`` when it is a ``kind`` (to fill again), else a new one."""
    return previous if type(previous) is kind else kind()


class Text(QWidget):
    """One wrapped line of text: data of a shape the view did not expect."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = label("", wrap=True)
        layout.addWidget(self.label)


def text(value: Any, previous: QWidget | None) -> QWidget:
    view = reuse(previous, Text)
    view.label.setText(str(value))
    return view


class Pool(Generic[W]):
    """Widgets of one kind in a layout, made as more are needed, hidden when not."""

    def __init__(self, layout: QBoxLayout, make: Callable[[], W], at: int = -1) -> None:
        self.layout = layout
        self.make = make
        self.at = at  # where new ones go in the layout (-1: the end)
        self.items: list[W] = []

    def take(self, count: int) -> list[W]:
        """The first ``count`` widgets, shown; the rest hidden."""
        while len(self.items) < count:
            widget = self.make()
            at = self.at if self.at < 0 else self.at + len(self.items)
            self.layout.insertWidget(at, widget)
            self.items.append(widget)
        for i, widget in enumerate(self.items):
            widget.setVisible(i < count)
        return self.items[:count]


# --------------------------------------------------------------- helpers --


def first(data: Mapping[str, Any], *keys: str) -> Any:
    """The first present, non-empty value among ``keys`` (sources name things differently)."""
    for key in keys:
        value = data.get(key)
        if value is not None and value != "":
            return value
    return None


def card_currency(sections: Mapping[str, Any]) -> str | None:
    """The customer's currency, from whichever money section names it."""
    for name in ("balance", "credit", "profile"):
        section = sections.get(name)
        data = getattr(section, "data", None)
        if isinstance(data, Mapping):
            currency = data.get("currency")
            if isinstance(currency, str) and currency:
                return currency
    return None


def box(layout: QVBoxLayout | QHBoxLayout | QGridLayout) -> QWidget:
    widget = QWidget()
    widget.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    return widget


def positive(value: Any) -> bool:
    number = to_decimal(value)
    return number is not None and number > 0


def is_rows(data: Any) -> bool:
    """Whether section data is a list of rows (a card holds them as a tuple)."""
    return isinstance(data, Sequence) and not isinstance(data, str)


def mappings(data: Any) -> list[Mapping[str, Any]]:
    return [r for r in data if isinstance(r, Mapping)] if is_rows(data) else []


def tier_text(data: Any) -> str | None:
    """The value tier as the header badge shows it, if the profile names one."""
    if isinstance(data, Mapping):
        tier = first(data, "value_tier", "tier")
        if tier is not None:
            return str(tier)
    return None


def dash(what: str, reason: str) -> str:
    """``Net 30 — overdue > 60 days``: a term or state with the reason after it."""
    return f"{what} — {reason}" if reason else what


def make_table(name: str = "table") -> QTableWidget:
    """A compact read-only table (fill it with ``fill_table``)."""
    widget = QTableWidget(0, 0)
    widget.setObjectName(name)
    widget.setProperty("role", "table")
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setShowGrid(False)
    widget.setWordWrap(False)
    widget.setAlternatingRowColors(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.horizontalHeader().setHighlightSections(False)
    widget.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return widget


def fill_table(
    widget: QTableWidget,
    headers: Sequence[str],
    rows: Sequence[Sequence[tuple[str, bool]]],
    stretch: int | None = None,
) -> None:
    """Headers and cells (text, numeric); ``stretch`` takes the room left."""
    if widget.columnCount() != len(headers):
        widget.setColumnCount(len(headers))
    widget.setHorizontalHeaderLabels(list(headers))
    widget.setRowCount(len(rows))
    numeric = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
    for r, cells in enumerate(rows):
        for c, (value, is_number) in enumerate(cells):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            if is_number:
                cell.setTextAlignment(numeric)
            widget.setItem(r, c, cell)
    header = widget.horizontalHeader()
    for c in range(len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None and 0 <= stretch < len(headers):
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    widget.setFixedHeight(header.sizeHint().height() + ROW_HEIGHT * len(rows) + 4)


class TableView(QWidget):
    """A table and, under it, "and N more" when rows were left out."""

    def __init__(self, name: str = "table") -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = make_table(name)
        column.addWidget(self.table)
        self.more = label("", role="note")
        column.addWidget(self.more)

    def fill(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[tuple[str, bool]]],
        more: int,
        stretch: int | None = None,
    ) -> None:
        fill_table(self.table, headers, rows, stretch)
        self.more.setText(_and_more(more) if more > 0 else "")
        self.more.setVisible(more > 0)


class ViewWords(QObject):
    """Words every view may use (a class: lupdate finds plural forms only in ``tr()``)."""

    def and_more(self, count: int) -> str:
        return self.tr("and %Ln more", "", count)


_words = ViewWords()


def _and_more(count: int) -> str:
    return _words.and_more(count)


# ----------------------------------------------------------- fallback view --


def _cell(value: Any, fmt: Formats) -> tuple[str, bool]:
    if isinstance(value, bool) or value is None:
        return ("" if value is None else str(value), False)
    if isinstance(value, int | float):
        return (fmt.number(value), True)
    if isinstance(value, Mapping) or is_rows(value):
        parts = value.values() if isinstance(value, Mapping) else value
        return (", ".join(str(v) for v in parts), False)
    return (str(value), False)


def _heading(key: str) -> str:
    """A data key as a column heading: the source's own name for it (data)."""
    return key.replace("_", " ")


def generic(data: Any, fmt: Formats, currency: str | None, previous: QWidget | None) -> QWidget:
    """A section without a view of its own: pairs, a table, or text (made anew:
    a section nobody made a view for is rare)."""
    if isinstance(data, Mapping):
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for row, (key, value) in enumerate(data.items()):
            grid.addWidget(label(_heading(str(key)), role="caption"), row, 0)
            grid.addWidget(label(_cell(value, fmt)[0], wrap=True), row, 1)
        grid.setColumnStretch(1, 1)
        return box(grid)
    rows = mappings(data)
    if rows:
        keys = list(dict.fromkeys(k for r in rows for k in r))
        shown = rows[:MAX_TABLE_ROWS]
        cells = [[_cell(r.get(k), fmt) for k in keys] for r in shown]
        view = reuse(previous, TableView)
        view.fill([_heading(k) for k in keys], cells, len(rows) - len(shown))
        return view
    if is_rows(data):
        return text(", ".join(str(v) for v in data), previous)
    return text(data, previous)
