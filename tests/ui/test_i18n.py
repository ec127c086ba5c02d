"""The UI in the agent's language: catalogues complete and in step with the code,
pops in Finnish and Hebrew, English for a locale without a catalogue."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from screenpop.card import Section, Status
from screenpop.config.schema import Config
from screenpop.ui.i18n import LANGUAGES, catalogue_path, install_translations, language_for
from tests.ui.conftest import CREDIT_HOLD, FakeCore, call_info, customer_card

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "screenpop" / "ui"
SUPERVISOR = UI / "supervisor"
NBSP = "\xa0"
BIN = Path(sys.executable).parent
#: Plural forms Qt expects per language (Lithuanian: 1 / 2-9 / 0,10-20).
NUMERUS_FORMS = {"fi": 2, "et": 2, "lt": 3, "sv": 2, "he": 2, "en": 2}

Key = tuple[str, str, bool]  # context, source text, numerus


def ts_messages(path: Path) -> dict[Key, ET.Element]:
    root = ET.parse(path).getroot()
    out: dict[Key, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.get("numerus") == "yes")
            out[key] = message
    return out


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in element.findall("numerusform")]
    return [element.text or ""]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%L?n|%\d", text))


def code_messages() -> set[Key]:
    """Every tr()/translate() call in screenpop/ui (and its packages), read from the source.

    The supervisor's window keeps its own catalogues (``supervisor_<lang>.ts``,
    tests/ui/supervisor/test_i18n.py): its texts are not the agent app's.
    """
    found: set[Key] = set()
    for path in sorted(UI.rglob("*.py")):
        if SUPERVISOR in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, cls: str, path: Path = path) -> None:
            for child in ast.iter_child_nodes(node):
                name = child.name if isinstance(child, ast.ClassDef) else cls
                if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                    func = child.func
                    where = f"{path.name}:{child.lineno}"
                    if func.attr == "tr" and isinstance(func.value, ast.Name):
                        assert func.value.id == "self", f"{where}: tr() only as self.tr()"
                        text = child.args[0] if child.args else None
                        assert isinstance(text, ast.Constant), f"{where}: tr() needs a literal"
                        assert isinstance(text.value, str), f"{where}: tr() needs a text"
                        if len(child.args) >= 3:
                            assert isinstance(child.args[2], ast.Name), (
                                f"{where}: the count must be a plain name (lupdate)"
                            )
                        found.add((cls, text.value, len(child.args) >= 3))
                    if func.attr == "translate" and getattr(func.value, "id", "") == (
                        "QCoreApplication"
                    ):
                        assert len(child.args) == 2, f"{where}: no plural forms in translate()"
                        ctx, text = child.args
                        assert isinstance(ctx, ast.Constant), f"{where}: literal context"
                        assert isinstance(text, ast.Constant), f"{where}: literal text"
                        found.add((str(ctx.value), str(text.value), False))
                visit(child, name)

        visit(tree, "")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    messages = ts_messages(catalogue_path(language, ".ts"))
    assert len(messages) > 90
    for (context, source, numerus), message in messages.items():
        where = f"{language} {context}: {source!r}"
        element = message.find("translation")
        assert element is not None
        assert element.get("type") is None, f"{where} is {element.get('type')}"
        texts = translations(message)
        if numerus:
            assert len(texts) == NUMERUS_FORMS[language], where
        for text in texts:
            assert text.strip(), f"{where}: empty translation"
            assert placeholders(text) == placeholders(source), f"{where}: {text!r}"
            assert text != source, f"{where}: not translated"


def test_english_catalogue_has_every_plural_and_only_plurals() -> None:
    messages = ts_messages(catalogue_path("en", ".ts"))
    plurals = {key for key in code_messages() if key[2]}
    assert set(messages) == plurals
    for message in messages.values():
        one, many = translations(message)
        assert "(s)" not in one + many
        assert "(es)" not in one + many


def test_catalogues_hold_exactly_what_the_code_asks_for() -> None:
    """A tr() added, changed or removed in the code without updating the .ts fails here."""
    in_code = code_messages()
    for language in LANGUAGES:
        in_ts = set(ts_messages(catalogue_path(language, ".ts")))
        assert in_ts - in_code == set(), f"{language}: stale messages"
        assert in_code - in_ts == set(), (
            f"{language}: untranslated messages; run pyside6-lupdate (README, Languages)"
        )


def test_lupdate_sees_what_the_code_asks_for(tmp_path: Path) -> None:
    """The .ts files are lupdate's: it must find every message the code has (and no more)."""
    lupdate = BIN / "pyside6-lupdate"
    out = tmp_path / "fresh_fi.ts"
    command = [str(lupdate), "-silent", "-extensions", "py", "-locations", "none"]
    subprocess.run(
        [*command, str(UI), "-ts", str(out)],
        check=True,
        timeout=60,
    )
    assert set(ts_messages(out)) == code_messages()


def test_compiled_catalogues_are_those_of_the_sources(tmp_path: Path) -> None:
    lrelease = BIN / "pyside6-lrelease"
    for language in (*LANGUAGES, "en"):
        source = catalogue_path(language, ".ts")
        fresh = tmp_path / f"{language}.qm"
        subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(fresh)], check=True)
        shipped = catalogue_path(language)
        assert shipped.is_file(), f"{shipped} missing: run scripts/bootstrap.sh"
        assert shipped.read_bytes() == fresh.read_bytes(), f"{shipped} stale: scripts/bootstrap.sh"


# ------------------------------------------------------------------- pops --


def parts(qtbot: Any, locale: str, core: FakeCore | None = None) -> Any:
    from screenpop.ui.controller import UiController
    from screenpop.ui.signals import QtPopListener

    config = Config.model_validate({"ui": {"linger_s": 30}, "agent": {"locale": locale}})
    install_translations(locale)
    listener = QtPopListener()
    controller = UiController(core or FakeCore(), config, listener, tray_available=False)
    qtbot.addWidget(controller.pop)
    qtbot.addWidget(controller.window)
    return controller, listener


@pytest.fixture
def cleanup() -> Iterator[list[Any]]:
    made: list[Any] = []
    yield made
    for controller in made:
        controller.close_all()


def shown_texts(widget: Any) -> list[str]:
    return [lb.text() for lb in widget.findChildren(QLabel) if lb.isVisibleTo(widget)]


BIG_BALANCE = Section(
    Status.OK,
    {"balance": 11558.81, "overdue": 2500, "overdue_days": 1, "currency": "GBP"},
    "accounting",
)


def ring_with_sections(qtbot: Any, controller: Any, listener: Any) -> Any:
    pop = controller.pop
    listener.call_ringing(call_info())
    listener.identified("c1", customer_card(), ("balance", "credit", "cross_sells"))
    listener.section_ready("c1", "balance", BIG_BALANCE)
    listener.section_ready("c1", "credit", CREDIT_HOLD)
    listener.section_ready("c1", "cross_sells", Section(Status.TIMEOUT, error="800 ms"))
    qtbot.waitUntil(lambda: not any(pop.boxes[n].is_busy for n in ("balance", "credit")))
    qtbot.waitUntil(lambda: not pop.render_pending())
    return pop


def test_a_finnish_agent_reads_finnish_labels_and_finnish_money(
    qtbot: Any, cleanup: list[Any]
) -> None:
    controller, listener = parts(qtbot, "fi_FI")
    cleanup.append(controller)
    pop = ring_with_sections(qtbot, controller, listener)
    assert pop.header.state.text() == "Soi"
    assert pop.header.customer_id.text() == "Asiakas 17850"
    assert pop.boxes["balance"].title.text() == "SALDO"
    assert pop.boxes["credit"].title.text() == "LUOTTO"
    balance = shown_texts(pop.boxes["balance"])
    assert f"11{NBSP}558,81{NBSP}£" in balance
    assert f"2{NBSP}500,00{NBSP}£" in balance
    assert "Erääntynyt" in balance
    assert "1 päivä myöhässä" in balance  # the singular form
    credit = shown_texts(pop.boxes["credit"])
    assert "Luotto jäädytetty — overdue 137 days" in credit  # the reason is data
    assert {"Luottoraja", "Käytettävissä", "Voi tarjota", "Ei sallittu"} <= set(credit)
    assert pop.boxes["cross_sells"].status.text() == "Aikakatkaisu — 800 ms"
    assert pop.wrapup_button.text() == "Kirjaa puhelu"
    assert pop.notes.placeholderText() == "Muistiinpanot tästä puhelusta…"
    assert pop.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog = controller.open_wrapup("c1", "")
    assert dialog.windowTitle() == "Kirjaa puhelu — Chloë Baker"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Tallenna"
    assert dialog.disposition.itemText(0) == "resolved"  # config's words stay as written
    dialog.close()


def test_a_hebrew_agent_gets_right_to_left_and_hebrew_labels(
    qtbot: Any, cleanup: list[Any]
) -> None:
    controller, listener = parts(qtbot, "he_IL")
    cleanup.append(controller)
    pop = ring_with_sections(qtbot, controller, listener)
    assert controller.formats.rtl
    assert pop.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert pop.header.state.text() == "מצלצלת"
    assert pop.boxes["balance"].title.text() == "יתרה"
    balance = shown_texts(pop.boxes["balance"])
    assert "בפיגור" in balance
    assert "באיחור של 1 יום" in balance
    assert pop.wrapup_button.text() == "סיכום שיחה"
    caption = next(lb for lb in pop.boxes["balance"].findChildren(QLabel) if lb.text() == "בפיגור")
    assert caption.alignment() & Qt.AlignmentFlag.AlignRight


@pytest.mark.parametrize("locale", ["de_DE", "xx_XX", "", "en_US"])
def test_a_locale_without_a_catalogue_gets_english(
    qtbot: Any, cleanup: list[Any], locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("screenpop.ui.formatting.system_locale_name", lambda: "C")
    assert language_for(locale) == "en"
    controller, listener = parts(qtbot, locale)
    cleanup.append(controller)
    pop = ring_with_sections(qtbot, controller, listener)
    assert pop.header.state.text() == "Ringing"
    assert pop.boxes["balance"].title.text() == "BALANCE"
    assert "1 day overdue" in shown_texts(pop.boxes["balance"])


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "vėluojama 1 dieną"),
        (3, "vėluojama 3 dienas"),
        (12, "vėluojama 12 dienų"),
        (21, "vėluojama 21 dieną"),
        (1234, f"vėluojama 1{NBSP}234 dienas"),
    ],
)
def test_lithuanian_has_three_plural_forms_and_grouped_counts(count: int, text: str) -> None:
    install_translations("lt_LT")
    from screenpop.ui.views.account import AccountViews

    views = AccountViews()
    assert views.tr("%Ln day(s) overdue", "", count) == text


def test_every_language_names_the_states_the_agent_sees() -> None:
    seen = set()
    for language in LANGUAGES:
        install_translations(f"{language}")
        seen.add(QCoreApplication.translate("PopWindow", "Missed"))
    assert len(seen) == len(LANGUAGES)


def test_missing_compiled_catalogue_leaves_english_and_says_so(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copytree(ROOT / "resources", tmp_path / "resources")
    for qm in (tmp_path / "resources" / "translations").glob("*_fi.qm"):
        qm.unlink()
    monkeypatch.setenv("SCREENPOP_RESOURCES", str(tmp_path / "resources"))
    assert install_translations("fi_FI") == "en"
    assert "bootstrap" in caplog.text
    assert QCoreApplication.translate("PopWindow", "Missed") == "Missed"
