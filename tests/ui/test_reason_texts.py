"""Every sentence the core sends is read in the agent's language.

The core sends reasons as codes (``screenpop.reasons``); the UI words each
through one table (``screenpop.ui.reason_texts``). These tests fail when a
code declared anywhere in the core has no wording there, when a wording
drops one of the code's arguments, or when a catalogue lacks its
translation; and they check what the agent reads where reasons appear.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import screenpop
from screenpop.card import Card, Section, SourceFailure, Status
from screenpop.phone import normalise
from screenpop.reasons import CATALOGUE, SOURCE_TIMEOUT, Reason, define
from screenpop.ui.formatting import Formats
from screenpop.ui.i18n import LANGUAGES, catalogue_path, install_translations
from screenpop.ui.reason_texts import ReasonTexts, reason_texts
from screenpop.ui.reason_words import words
from tests.ui.conftest import call_info, customer_card
from tests.ui.test_i18n import parts, shown_texts, translations, ts_messages

#: Core modules that declare reason codes (some are being written right now:
#: a module that does not exist yet declares nothing).
DECLARING = (
    "screenpop.lookup",
    "screenpop.derived",
    "screenpop.credit",
    "screenpop.value",
    "screenpop.crosssell.model",
    "screenpop.sources.sql",
    "screenpop.sources.rest",
)


def all_codes() -> dict[str, str]:
    """Every code the core declares: the modules named above (a missing one
    declares nothing yet), and every other core module besides, so that a code
    declared where nobody thought to look is found too."""
    for module in DECLARING:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    for info in pkgutil.walk_packages(screenpop.__path__, "screenpop."):
        if info.name.startswith("screenpop.ui") or info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:
            continue  # a platform's own module (Windows), or an optional library
    return {code: english for code, english in CATALOGUE.items() if not code.startswith("test.")}


class Recorder(QTranslator):
    """Answers nothing and notes what was asked: the source texts of ``tr()`` calls."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        self.asked.append((context, source))
        return ""


def source_texts(texts: ReasonTexts) -> dict[str, tuple[str, str]]:
    """code -> (context, English source text) its wording hands to ``tr()``."""
    recorder = Recorder()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(recorder)
    try:
        out = {}
        for code, wording in texts.table.items():
            if wording.text is None:
                continue
            recorder.asked.clear()
            wording.text(2)
            assert len(recorder.asked) == 1, code
            out[code] = recorder.asked[0]
        return out
    finally:
        app.removeTranslator(recorder)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_the_core_declares_is_worded_with_all_its_arguments() -> None:
    texts = ReasonTexts()
    sources = source_texts(texts)
    codes = all_codes()
    assert len(codes) >= 8
    unworded = sorted(set(codes) - set(texts.table))
    assert not unworded, f"reason codes without a wording in ReasonTexts._table: {unworded}"
    for code, english in codes.items():
        wording = texts.table[code]
        named = {name for spec in wording.args for name in arg_names(spec)} | set(wording.also)
        if wording.count:
            named.add(wording.count)
        expected = (fields(english) - set(wording.skip)) | set(wording.also)
        assert named == expected, f"{code}: wording names {named}, English {english!r}"
        if wording.text is None and wording.fixed is None:
            assert len(wording.args) == 1, code  # shown as it came
            continue
        source = wording.fixed if wording.fixed is not None else sources[code][1]
        places = sorted({int(p) for p in re.findall(r"%(\d)", source)})
        assert places == list(range(1, len(wording.args) + 1)), f"{code}: {source!r}"
        counted = wording.count is not None or wording.one
        assert ("%Ln" in source or "%n" in source) == counted, code


def arg_names(spec: str) -> set[str]:
    """The reason arguments a wording's argument spec reads (``revenue@currency``: both)."""
    name, _, currency = spec.partition("@")
    return {name.partition("~")[0].partition("#")[0], *([currency] if currency else [])}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_is_translated(language: str) -> None:
    messages = ts_messages(catalogue_path(language, ".ts"))
    texts = ReasonTexts()
    sources = source_texts(texts)
    missing = []
    for code in all_codes():
        wording = texts.table.get(code)
        if wording is None or wording.text is None:
            continue  # unworded: the test above says so; verbatim or figures: nothing to say
        context, source = sources[code]
        key = (context, source, wording.count is not None or wording.one)
        message = messages.get(key)
        finished = message is not None and message.find("translation").get("type") is None
        if not finished or not all(t.strip() for t in translations(message)):
            missing.append(code)
    assert not missing, f"{language}: no translation for {missing}"


def test_a_code_nobody_worded_yet_falls_back_to_the_cores_english() -> None:
    code = define("test.newer_core", "the warehouse says {what}")
    reason = Reason.of(code, what="no")
    texts = ReasonTexts()
    assert texts.reason(reason, None) == "the warehouse says no"
    # Arguments that do not fit the wording: the English, never a broken sentence.
    broken = Reason(SOURCE_TIMEOUT, (("seconds", 3),))
    assert texts.reason(broken, "no answer within 3 s") == "no answer within 3 s"
    assert texts.item({"reason": "bought by 3 customers"}) == "bought by 3 customers"
    assert texts.item({"reason": "x", "reason_code": "nope", "reason_args": {}}) == "x"
    CATALOGUE.pop(code)


def test_arguments_are_written_the_agents_way() -> None:
    install_translations("fi_FI")
    texts = reason_texts()
    fi = Formats("fi_FI")
    reason = Reason.of(SOURCE_TIMEOUT, ms=1250)
    assert texts.reason(reason, reason.text, fi) == "ei vastausta 1\xa0250 ms:n kuluessa"
    failing = Reason.of("source.failing", source="crm", count=1, seconds=2.5)
    finnish = "crm ei toimi (1 virhe peräkkäin); uusi yritys 2,5 s kuluttua"
    assert texts.reason(failing, None, fi) == finnish
    install_translations("lt_LT")
    many = Reason.of("source.failing", source="crm", count=12, seconds=5)
    assert texts.reason(many, None) == "crm neveikia (12 klaidų iš eilės); bandoma vėl po 5 s"


def test_section_errors_and_identify_failures_in_hebrew(qtbot: Any, cleanup: list[Any]) -> None:
    controller, listener = parts(qtbot, "he_IL")
    cleanup.append(controller)
    pop = controller.pop
    number = normalise("+972502347679", "IL")
    timeout = Reason.of(SOURCE_TIMEOUT, ms=800)
    failure = SourceFailure("accounting", timeout.text, timeout)
    listener.call_ringing(call_info(number="+972502347679"))
    listener.identified("c1", Card(number, identify_failed=(failure,)), ("balance",))
    section = Section(Status.TIMEOUT, reason=timeout)
    listener.section_ready("c1", "balance", section)
    qtbot.waitUntil(lambda: not pop.boxes["balance"].is_busy)
    assert pop.header.customer.text() == "המתקשר לא זוהה"
    detail = pop.header.customer_id.text()
    assert "accounting" in detail
    assert "לא התקבלה תשובה תוך 800 אלפיות שנייה" in detail
    assert pop.header.search.isVisibleTo(pop)  # the agent can still look the caller up
    status = pop.boxes["balance"].status.text()
    assert "800" in status
    assert re.search(r"[A-Za-z]", status) is None, status


def test_data_item_reasons_are_translated_where_the_pop_shows_them(
    qtbot: Any, cleanup: list[Any]
) -> None:
    """Cross-sell reasons, refused credit terms and value-basis parts carry codes."""
    code = define("test.bought_with", "bought with {product} by {customers} customers")
    texts = reason_texts()
    # Worded for this test with a text every catalogue has ("%1 answered ... %2").
    texts.table[code] = words(texts.table["source.bad_data"].text, "product", "customers")
    try:
        controller, listener = parts(qtbot, "fi_FI")
        cleanup.append(controller)
        pop = controller.pop
        part: dict[str, Any] = {"reason_code": code}
        part["reason_args"] = {"product": "LANTERN", "customers": 38}
        item = {"reason": "english", **part}
        unworded = {"reason_code": "nobody.worded.this", "reason_args": {}}
        listener.call_ringing(call_info())
        listener.identified("c1", customer_card(), ("cross_sells", "credit", "profile"))
        cross = Section(Status.OK, [{"product": "P1", "description": "LANTERN", **item}])
        refused = [
            {"term": "Net 60", "reason": "english; as written", "reason_parts": [part, unworded]}
        ]
        credit = Section(Status.OK, {"limit": 100, "refused": refused, "allowed": ["Prepay"]})
        basis = {"basis": "english; 3 orders", "basis_parts": [part, unworded]}
        profile = Section(Status.OK, {"tier": "Gold", **basis})
        for name, section in (("cross_sells", cross), ("credit", credit), ("profile", profile)):
            listener.section_ready("c1", name, section)
        qtbot.waitUntil(lambda: not pop.render_pending() and not pop.boxes["profile"].is_busy)
        finnish = "LANTERN palautti tietoa, jota kortti ei voi näyttää: 38"
        assert finnish in shown_texts(pop.boxes["cross_sells"])
        # Parts without a wording keep their English part (from the joined English).
        assert f"Net 60 — {finnish}; as written" in shown_texts(pop.boxes["credit"])
        assert f"{finnish}; 3 orders" in shown_texts(pop.boxes["profile"])
        assert "english" not in " ".join(shown_texts(pop))
    finally:
        texts.table.pop(code, None)
        CATALOGUE.pop(code, None)


@pytest.fixture
def cleanup() -> Any:
    made: list[Any] = []
    yield made
    for controller in made:
        controller.close_all()


@pytest.mark.parametrize(
    ("locale", "code", "args", "said"),
    [
        (  # money in the customer's currency, written the agent's way
            "fi_FI",
            "value.tier_top",
            {"percent": 5, "currency": "GBP", "revenue": 30021.69, "threshold": 5685.07},
            "myynniltään ylin 5 % (30\xa0021,69\xa0£ ≥ 5\xa0685,07\xa0£)",
        ),
        (  # field ids, each worded by its own code; the English list is not used
            "he_IL",
            "credit.rule_unsure",
            {"reason": "החשבון בהקפאה", "missing": ("overdue days",), "fields": ("overdue_days",)},
            "החשבון בהקפאה (לא ניתן לשלול: חסר ימי פיגור)",
        ),
        (  # a count in the language's plural form, a date the locale's way
            "lt_LT",
            "reorders.weeks.due",
            {"weeks": 3, "last": "2011-11-20"},
            "užsako maždaug kas 3 savaites; paskutinį kartą 2011-11-20, metas dabar",
        ),
        (  # an English "_one" twin without a count reads as the singular
            "sv_SE",
            "crosssell.bought_with_one",
            {"with": "WHITE METAL LANTERN"},
            "köpt med WHITE METAL LANTERN av 1 kund",
        ),
        ("he_IL", "value.orders", {"orders": 203}, "203 הזמנות"),
    ],
)
def test_arguments_by_their_kind(locale: str, code: str, args: dict[str, Any], said: str) -> None:
    install_translations(locale)
    texts = ReasonTexts()
    assert texts.say(code, args, "English", Formats(locale)) == said
