"""The pop's reorders view: due state, the reason worded from its code, any language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from screenpop.card import Section, Status
from screenpop.crosssell.history import day_of
from screenpop.crosssell.reorders import reason
from screenpop.ui.formatting import Formats
from screenpop.ui.i18n import install_translations
from screenpop.ui.views import render, section_title
from screenpop.ui.views.reorders import reorders_view


def item(product: str, due: str | None, interval: int | None, **kw: Any) -> dict[str, Any]:
    last = kw.pop("last", "2011-11-19")
    next_due = kw.pop("next_due", "2011-12-10" if interval else None)
    day = day_of(last)
    assert day is not None
    r = reason(day, interval, due, next_due)
    return {
        "product": product, "description": f"ITEM {product}", "last_bought": last,
        "times_bought": kw.pop("times", 5 if interval else 1), "interval_days": interval,
        "due": due, "next_due": next_due, "score": 0.9, **r.to_json(), **kw,
    }


DATA = [
    item("22355", "overdue", 8, last="2011-11-20", next_due="2011-11-28", times=45),
    item("21975", "due", 21),
    item("79321", "later", 91, last="2011-12-08", next_due="2012-03-08", times=4),
    item("20727", None, None, last="2011-12-01"),
]


def texts(widget: QWidget) -> list[str]:
    return [lb.text() for lb in widget.findChildren(QLabel)]


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    install_translations("en_GB")
    yield
    install_translations("en_GB")


def test_each_reorder_with_its_due_state_and_reason(qtbot: Any, english: None) -> None:
    widget = reorders_view(Section(Status.OK, data=DATA).data, Formats("en_GB"))
    qtbot.addWidget(widget)
    shown = texts(widget)
    assert "Overdue" in shown
    assert "Due now" in shown
    assert "Next: 8 Mar 2012" in shown
    assert "Orders about every 8 days; last on 20 Nov 2011, overdue" in shown
    assert "Orders about every 3 weeks; last on 19 Nov 2011, due now" in shown
    assert "Orders about every 3 months; last on 8 Dec 2011, next around 8 Mar 2012" in shown
    assert "Bought once, on 1 Dec 2011" in shown
    assert "Bought 45 times" in shown
    assert "Bought once" in shown
    # Due ones first, as the section orders them.
    items = [t for t in shown if t.startswith("ITEM ")]
    assert items == ["ITEM 22355", "ITEM 21975", "ITEM 79321", "ITEM 20727"]


def test_finnish_and_lithuanian_plural_forms(qtbot: Any, qapp: Any) -> None:
    try:
        install_translations("fi_FI")
        fi = reorders_view(DATA, Formats("fi_FI"))
        qtbot.addWidget(fi)
        assert "Tilaa noin 3 viikon välein; viimeksi 19.11.2011, tilausaika nyt" in texts(fi)
        assert "Myöhässä" in texts(fi)
        assert "Ostettu 45 kertaa" in texts(fi)
        assert section_title("reorders") == "Uusintatilaukset"
        install_translations("lt_LT")
        lt = reorders_view([item("A", "due", 21, times=21), item("B", "due", 70, times=12)],
                           Formats("lt_LT"))
        qtbot.addWidget(lt)
        shown = texts(lt)
        assert any(t.startswith("Užsako maždaug kas 3 savaites;") for t in shown)
        assert any(t.startswith("Užsako maždaug kas 2 mėnesius;") for t in shown)
        assert "Pirkta 21 kartą" in shown
        assert "Pirkta 12 kartų" in shown
    finally:
        install_translations("en_GB")


def test_an_unknown_code_shows_the_english_sentence_and_junk_never_raises(
    qtbot: Any, english: None
) -> None:
    odd = [
        {"product": "X", "reason": "something new", "reason_code": "reorders.fortnights.due",
         "reason_args": {"fortnights": 2}},
        {"product": "Y", "reason": "plain", "reason_code": 7, "reason_args": None},
        {"description": None, "times_bought": "many", "due": "soonish", "reason_args": {}},
        "not an item",
        None,
    ]
    widget = reorders_view(odd, Formats("en_GB"))
    qtbot.addWidget(widget)
    shown = texts(widget)
    assert "something new" in shown
    assert "plain" in shown
    for data in (None, "text", 42, {}, []):
        qtbot.addWidget(reorders_view(data, Formats("en_GB")))


def test_the_section_views_render_reorders(qtbot: Any, english: None) -> None:
    widget = render("reorders", DATA, Formats("en_GB"), None)
    qtbot.addWidget(widget)
    assert widget.objectName() == "reorders"
    assert section_title("reorders") == "Reorders"


def test_the_next_pop_fills_the_same_widgets_and_shows_nothing_stale(
    qtbot: Any, english: None
) -> None:
    """The burst's cost (benchmarks/burst.py): entries are filled again, not made anew."""
    first = reorders_view(DATA, Formats("en_GB"))
    qtbot.addWidget(first)
    labels = set(first.findChildren(QLabel))
    later = [item("11111", "later", 30, last="2011-12-01", next_due="2011-12-31", times=3)]
    again = reorders_view(later, Formats("en_GB"), previous=first)
    assert again is first
    assert set(again.findChildren(QLabel)) == labels  # not one label made
    shown = [lb.text() for lb in again.findChildren(QLabel) if lb.isVisibleTo(again)]
    assert [t for t in shown if t.startswith("ITEM ")] == ["ITEM 11111"]
    assert "Overdue" not in shown
    assert "Due now" not in shown
    assert "Next: 31 Dec 2011" in shown
    assert "Bought 3 times" in shown
    chip = next(lb for lb in again.findChildren(QLabel) if lb.text() == "Next: 31 Dec 2011")
    assert (chip.property("tone") or "") == ""  # the overdue entry's red is gone
    assert reorders_view([], Formats("en_GB"), previous=first) is first
    assert not any(lb.isVisibleTo(first) and lb.text() for lb in first.findChildren(QLabel))
