"""Money, dates and direction per agent locale (CLDR via Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from screenpop.ui.formatting import FALLBACK_LOCALE, Formats, resolve_locale

NBSP = "\xa0"
RLM = "\u200f"


@pytest.mark.parametrize(
    ("locale", "eur", "gbp_negative", "date", "rtl"),
    [
        ("fi_FI", f"1{NBSP}234,50{NBSP}€", f"-3,20{NBSP}£", "9.12.2011", False),
        ("et_EE", f"1{NBSP}234,50{NBSP}€", f"-3,20{NBSP}£", "9. dets 2011", False),
        ("lt_LT", f"1{NBSP}234,50{NBSP}€", f"-3,20{NBSP}GBP", "2011-12-09", False),
        ("sv_SE", f"1{NBSP}234,50{NBSP}€", f"-3,20{NBSP}GBP", "9 dec. 2011", False),
        ("he_IL", f"{RLM}1,234.50{NBSP}{RLM}€", f"{RLM}-3.20{NBSP}{RLM}£", "9 בדצמ׳ 2011", True),
        ("en_GB", "€1,234.50", "-£3.20", "9 Dec 2011", False),
    ],
)
def test_money_dates_and_direction(
    locale: str, eur: str, gbp_negative: str, date: str, rtl: bool
) -> None:
    fmt = Formats(locale)
    assert fmt.money(1234.5, "EUR") == eur
    assert fmt.money("-3.2", "gbp") == gbp_negative
    assert fmt.date("2011-12-09T12:50:00") == date
    assert fmt.date(dt.date(2011, 12, 9)) == date
    assert fmt.rtl is rtl


def test_bcp47_names_and_the_system_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    assert str(resolve_locale("fi-FI")) == "fi_FI"
    monkeypatch.setattr("screenpop.ui.formatting.system_locale_name", lambda: "C")
    assert str(resolve_locale("")) == FALLBACK_LOCALE
    monkeypatch.setattr("screenpop.ui.formatting.system_locale_name", lambda: "sv_SE")
    assert str(Formats("").locale) == "sv_SE"


def test_odd_values_are_shown_not_raised() -> None:
    fmt = Formats("en_GB")
    assert fmt.money(None, "GBP") == ""
    assert fmt.money("n/a", "GBP") == "n/a"
    assert fmt.money(Decimal("15.3"), None) == "15.30"
    assert fmt.money(12, "XYZ") in ("XYZ12.00", "12.00 XYZ")
    assert fmt.date("last tuesday") == "last tuesday"
    assert fmt.number(12345) == "12,345"
    assert Formats("fi_FI").number(12345) == f"12{NBSP}345"


def test_call_times_show_the_date_only_when_not_today() -> None:
    fmt = Formats("en_GB")
    ts = dt.datetime(2011, 12, 9, 14, 5).timestamp()
    assert fmt.when(ts, now=ts) == "14:05"
    assert fmt.when(ts, now=ts + 86400 * 2) == "09/12/2011, 14:05"
