"""Screenshots of the real windows, in English, Hebrew and Finnish, for the README.

Builds the embedded demo (real Online Retail customers and purchases), builds
its cross-sell model, looks customers up with the real engine, and shows the
cards in the real ``PopWindow`` and the real dialogs on a real X display
(Xvfb with openbox as the window manager: the script re-runs itself under
``xvfb-run`` when no display is set), then grabs them to ``docs/screenshots/``.
Every shot is taken in each language, the agent's translations installed
before its windows are made (``NAME.png`` in English, ``NAME-he.png``,
``NAME-fi.png``):

* ``pop`` — a customer on the phone, with the notes the agent is typing;
* ``pop-hold`` — a customer on credit hold with an overdue balance, ringing;
* ``pop-matches`` — a line two customers share: choose who is calling;
* ``pop-reorders`` — a wholesaler (customer 17841, the most lines): reorders
  due first, then cross-sells;
* ``wrapup`` — the wrap-up dialog in front of the pop after the call;
* ``recent`` — the recent calls in the window shown when there is no tray;
* ``wrapup-case`` — a customer with an open warranty case: the agent opens
  another case from the wrap-up;
* ``pop-relationship`` — the same customer calls back while the accounting
  database is locked (really: ``screenpop.demo.outage``): the earlier call in
  the history, the open warranty case, and the last known balance beside the
  failure.

Usage: ``.venv/bin/python scripts/screenshot.py [--demo-dir DIR] [--out DIR]
[--language en|he|fi ...]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Language:
    """An agent's desk: locale, a customer of theirs, their words for the call."""

    suffix: str
    locale: str
    #: (number as the bridge delivers it, caller name) of the customer on the phone
    caller: tuple[str, str]
    notes: str
    #: The call centre's own dispositions (config: written in the agents' language).
    dispositions: tuple[str, ...]
    #: The business's own words in the demo config (credit terms and rules, value
    #: tiers), as a call centre of that language writes them: English -> theirs.
    words: dict[str, str] = field(default_factory=dict)
    #: The agent's notes on a complaint call, and the fault in the customer's words.
    complaint: tuple[str, str] = (
        "Clock stopped after two weeks; wants a replacement.",
        "Stopped after two weeks, new battery did not help.",
    )


LANGUAGES = {
    "en": Language(
        "",
        "en_GB",
        ("+442920180015", "Chloë Baker"),
        "Asked about the Christmas order; wants T-light holders restocked.",
        ("resolved", "follow-up", "sale", "complaint"),
    ),
    "he": Language(
        "-he",
        "he_IL",
        ("sip:+972502347679@pbx.demo.invalid;user=phone", "מיכל גבאי"),
        "שאלה על ההזמנה לחג; מבקשת מחזיקי נרות נוספים.",
        ("טופל", "מעקב", "מכירה", "תלונה"),
        complaint=(
            "השעון הפסיק לעבוד אחרי שבועיים; מבקש החלפה.",
            "הפסיק לעבוד אחרי שבועיים, סוללה חדשה לא עזרה.",
        ),
        words={
            "Prepay": "תשלום מראש",
            "Net 14": "שוטף+14",
            "Net 30": "שוטף+30",
            "Net 60": "שוטף+60",
            "account on credit hold": "החשבון בהקפאת אשראי",
            "invoices overdue more than 60 days": "חשבוניות בפיגור של יותר מ־60 יום",
            "over the credit limit": "מעל מסגרת האשראי",
            "risk grade C or D": "דירוג סיכון C או D",
            "invoices overdue more than 30 days": "חשבוניות בפיגור של יותר מ־30 יום",
            "more than 90% of the credit limit used": "נוצלו יותר מ־90% ממסגרת האשראי",
            "Platinum": "פלטינום",
            "Gold": "זהב",
            "Silver": "כסף",
            "Bronze": "ארד",
            "top 5% by revenue": "5% העליונים לפי מחזור",
            "top 20% by revenue": "20% העליונים לפי מחזור",
            "top 50% by revenue": "50% העליונים לפי מחזור",
            "bottom 50% by revenue": "50% התחתונים לפי מחזור",
            "Does not work": "לא עובד",
            "Damaged on arrival": "הגיע פגום",
            "Missing parts": "חסרים חלקים",
            "Wrong item": "פריט שגוי",
            "Other": "אחר",
        },
    ),
    "fi": Language(
        "-fi",
        "fi_FI",
        ("+358 13 123 0597", "Sanna Mäkelä"),
        "Kysyi joulutilauksesta; haluaa lisää kynttilänpitimiä.",
        ("ratkaistu", "soitetaan takaisin", "myynti", "reklamaatio"),
        complaint=(
            "Kello pysähtyi kahden viikon jälkeen; haluaa uuden tilalle.",
            "Pysähtyi kahden viikon jälkeen, uusi paristo ei auttanut.",
        ),
        words={
            "Prepay": "Ennakkomaksu",
            "Net 14": "14 pv netto",
            "Net 30": "30 pv netto",
            "Net 60": "60 pv netto",
            "account on credit hold": "asiakkaan luotto on jäädytetty",
            "invoices overdue more than 60 days": "laskuja yli 60 päivää erääntyneenä",
            "over the credit limit": "luottoraja ylitetty",
            "risk grade C or D": "riskiluokka C tai D",
            "invoices overdue more than 30 days": "laskuja yli 30 päivää erääntyneenä",
            "more than 90% of the credit limit used": "yli 90 % luottorajasta käytetty",
            "Platinum": "Platina",
            "Gold": "Kulta",
            "Silver": "Hopea",
            "Bronze": "Pronssi",
            "top 5% by revenue": "myynniltään ylin 5 %",
            "top 20% by revenue": "myynniltään ylin 20 %",
            "top 50% by revenue": "myynniltään ylin 50 %",
            "bottom 50% by revenue": "myynniltään alin 50 %",
            "Does not work": "Ei toimi",
            "Damaged on arrival": "Vaurioitunut toimituksessa",
            "Missing parts": "Osia puuttuu",
            "Wrong item": "Väärä tuote",
            "Other": "Muu",
        },
    ),
}
#: Checked by eye for text that does not fit (long words), not shown in the
#: README: ``--language lt --out /tmp/shots``.
LANGUAGES["lt"] = Language(
    "-lt",
    "lt_LT",
    ("+442920180015", "Chloë Baker"),
    "Klausė apie kalėdinį užsakymą; nori daugiau žvakidžių.",
    ("išspręsta", "perskambinti", "pardavimas", "skundas"),
    complaint=(
        "Laikrodis sustojo po dviejų savaičių; nori pakeisti.",
        "Sustojo po dviejų savaičių, nauja baterija nepadėjo.",
    ),
)
LANGUAGES["et"] = Language(
    "-et",
    "et_EE",
    ("+442920180015", "Chloë Baker"),
    "Küsis jõulutellimuse kohta; soovib juurde küünlahoidjaid.",
    ("lahendatud", "helistada tagasi", "müük", "kaebus"),
    complaint=(
        "Kell jäi kahe nädala pärast seisma; soovib asendust.",
        "Jäi kahe nädala pärast seisma, uus patarei ei aidanud.",
    ),
)
LANGUAGES["sv"] = Language(
    "-sv",
    "sv_SE",
    ("+442920180015", "Chloë Baker"),
    "Frågade om julbeställningen; vill ha fler ljushållare.",
    ("löst", "ring tillbaka", "försäljning", "reklamation"),
    complaint=(
        "Klockan stannade efter två veckor; vill ha en ersättning.",
        "Stannade efter två veckor, nytt batteri hjälpte inte.",
    ),
)
#: The README's languages (every shot in each).
README_LANGUAGES = ("en", "he", "fi")

#: A customer on credit hold, overdue (Sarah Barnes), and a line two customers share.
HOLD_NUMBER = "0161 496 0624"
SHARED_NUMBER = "+441164960396"
#: Customer 17841, the demo's biggest wholesaler (the most purchase lines).
WHOLESALER_NUMBER = "+442920180660"


def relationship_customer(demo_dir: Path) -> tuple[str, str]:
    """(E.164, name) of a UK customer with an open case still under warranty."""
    import sqlite3

    from screenpop.demo.scenario import AS_OF

    con = sqlite3.connect(f"file:{demo_dir / 'service.db'}?mode=ro", uri=True)
    try:
        con.execute("ATTACH DATABASE ? AS acc", (f"file:{demo_dir / 'accounting.db'}?mode=ro",))
        row = con.execute(
            "SELECT c.phone_e164, c.name FROM cases s JOIN acc.customers c "
            "ON c.customer_id = s.customer_id WHERE s.status <> 'closed' "
            "AND s.warranty_until >= ? AND c.country = 'United Kingdom' "
            "ORDER BY s.customer_id LIMIT 1",
            (AS_OF.isoformat(),),
        ).fetchone()
    finally:
        con.close()
    assert row is not None, "the demo's service desk has no open warranty case"
    return str(row[0]), str(row[1])


def localise(config: Any, words: dict[str, str]) -> Any:
    """The demo config with its credit, value and fault words in ``words``' language.

    The credit system's own names for terms stay as they are in its database;
    ``credit.alias`` maps them to the policy's (now translated) terms.
    """
    if not words or config.credit is None or config.value is None:
        return config

    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return words.get(value, value)
        if isinstance(value, list | tuple):
            return [swap(v) for v in value]
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        return value

    credit = swap(config.credit.model_dump())
    terms = config.credit.terms
    credit["alias"] = {
        **{term: words.get(term, term) for term in terms},
        **{source: words.get(term, term) for source, term in config.credit.alias.items()},
    }
    value = swap(config.value.model_dump())
    cases = swap(config.cases.model_dump())
    return config.model_copy(
        update={
            "credit": type(config.credit).model_validate(credit),
            "value": type(config.value).model_validate(value),
            "cases": type(config.cases).model_validate(cases),
        }
    )


def ensure_display() -> None:
    """Re-run under Xvfb with the xcb platform unless a display is already there."""
    if os.environ.get("DISPLAY") or os.environ.get("SCREENSHOT_UNDER_XVFB"):
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.exit("no DISPLAY and no xvfb-run (apt-get install xvfb xauth)")
    env = dict(os.environ, SCREENSHOT_UNDER_XVFB="1", QT_QPA_PLATFORM="xcb")
    cmd = [xvfb, "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv]
    sys.exit(subprocess.call(cmd, env=env))


def window_manager() -> subprocess.Popen[bytes] | None:
    """openbox, so that windows are stacked and decorated as on a desk (if installed)."""
    openbox = shutil.which("openbox")
    if openbox is None:
        print("openbox not found: dialogs without decorations", file=sys.stderr)
        return None
    wm = subprocess.Popen([openbox], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # the WM takes over the root window before ours are mapped
    return wm


def prepare_demo(demo_dir: Path) -> Path:
    """The demo's config, with the cross-sell model built (once per demo dir)."""
    from screenpop.demo.build import build_demo

    demo = build_demo(demo_dir)
    if not demo.crosssell_model.exists():
        subprocess.check_call(
            [sys.executable, "-m", "screenpop", "crosssell", "build", "--config", str(demo.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return demo.config


class Shooter:
    """One language's shots: calls handed to the running engine as a bridge hands
    them over, the real windows showing what it reports, the real journal."""

    def __init__(
        self, engine: Any, config: Any, language: Language, out: Path, demo_dir: Path
    ) -> None:
        from screenpop.ui.controller import UiController
        from screenpop.ui.i18n import install_translations
        from screenpop.ui.signals import QtPopListener

        self.engine = engine
        self.language = language
        self.out = out
        install_translations(language.locale)  # before the windows: texts are made with it
        self.listener = QtPopListener()
        self.controller = UiController(engine, config, self.listener, tray_available=False)
        self.controller.pop.linger_s = 600  # the shots take their time
        self.count = 0
        self.demo_dir = demo_dir

    def send(
        self,
        call_id: str,
        state: Any,
        received: str,
        caller: str = "",
        attached: dict[str, str] | None = None,
    ) -> None:
        """A call event, handed to the engine on its bridge loop as a bridge's emit does."""
        from screenpop.events import CallEvent

        agent = self.engine.config.agent.extension
        event = CallEvent(
            call_id,
            state,
            received,
            caller,
            attached=attached or {},
            bridge="demo",
            agent=agent if caller else "",
        )
        self.engine.loop.call_soon_threadsafe(self.engine._on_event, event)

    def ring(self, received: str, caller: str, attached: dict[str, str] | None = None) -> str:
        """A call rings; returns once its card is complete and painted."""
        from screenpop.events import CallState

        self.count += 1
        call_id = f"shot-{self.language.suffix or 'en'}-{self.count}@demo"
        self.send(call_id, CallState.RINGING, received, caller, attached)
        pop = self.controller.pop
        settle(lambda: pop.call_id == call_id and pop.card is not None)
        settle(lambda: pop._complete and not pop.render_pending(), wait_ms=500)
        return call_id

    def save(self, widget: Any, name: str) -> None:
        settle()
        path = self.out / f"{name}{self.language.suffix}.png"
        widget.grab().save(str(path))
        print(path)

    def save_screen(self, widgets: list[Any], name: str, margin: int = 16) -> None:
        """The part of the screen where ``widgets`` are, as the agent sees it."""
        from PySide6.QtGui import QGuiApplication

        settle(wait_ms=800)
        area = widgets[0].frameGeometry()
        for widget in widgets[1:]:
            area = area.united(widget.frameGeometry())
        area = area.adjusted(-margin, -margin, margin, margin)
        screen = QGuiApplication.primaryScreen()
        area = area.intersected(screen.geometry())
        shot = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
        path = self.out / f"{name}{self.language.suffix}.png"
        shot.save(str(path))
        print(path)

    def shoot(self) -> None:
        from screenpop.events import CallState

        pop = self.controller.pop
        language = self.language
        received, caller = language.caller
        # 1. On the phone with a customer, typing notes.
        call_id = self.ring(received, caller)
        self.send(call_id, CallState.ANSWERED, received, caller)
        settle(lambda: pop.state is CallState.ANSWERED)
        pop.notes.setPlainText(language.notes)
        self.save(pop, "pop")
        # 2. After the call: the wrap-up in front of the shrunk pop; then saved.
        self.send(call_id, CallState.ENDED, received, caller)
        settle(lambda: pop.shrunk)
        pop.wrapup_button.click()
        dialog = self.controller.wrapups[call_id]
        dialog.disposition.setCurrentIndex(2)
        self.save_screen([pop, dialog], "wrapup")
        dialog.save()
        settle(lambda: call_id not in self.controller.wrapups)
        # 3. A customer on credit hold rings, and hangs up before the agent answers.
        hold_id = self.ring(HOLD_NUMBER, "")
        self.save(pop, "pop-hold")
        self.send(hold_id, CallState.ENDED, HOLD_NUMBER)
        settle(lambda: pop.shrunk)
        # 4. A line two customers share.
        shared_id = self.ring(SHARED_NUMBER, "")
        self.save(pop, "pop-matches")
        self.send(shared_id, CallState.ENDED, SHARED_NUMBER)
        settle(lambda: pop.shrunk)
        # 5. A wholesaler: the reorders that are due first, then cross-sells.
        self.wholesaler = self.ring(WHOLESALER_NUMBER, "")
        self.save(pop, "pop-reorders")
        # 6. The recent calls from the journal (the window shown without a tray).
        window = self.controller.window
        recent = window.recent
        self.controller.refresh_recent()
        settle(lambda: recent.model.rowCount() == 4, wait_ms=500)
        recent.table.selectRow(1)
        window.show()
        settle(wait_ms=500)
        self.save(window, "recent")
        window.hide()
        self.send(self.wholesaler, CallState.ENDED, WHOLESALER_NUMBER)
        settle(lambda: pop.shrunk)
        self.relationship()

    def relationship(self) -> None:
        """A complaint call with a case opened, then the call-back with accounting down."""
        from screenpop.demo.outage import Outage
        from screenpop.events import CallState

        pop = self.controller.pop
        notes, fault = self.language.complaint
        number, name = relationship_customer(self.demo_dir)
        # 7. The customer with an open warranty case; a case opened in the wrap-up.
        call_id = self.ring(number, name)
        assert pop.card is not None
        assert pop.card.customer is not None
        customer = pop.card.customer.customer_id
        self.send(call_id, CallState.ANSWERED, number, name)
        settle(lambda: pop.state is CallState.ANSWERED)
        pop.notes.setPlainText(notes)
        self.send(call_id, CallState.ENDED, number, name)
        settle(lambda: pop.shrunk)
        pop.wrapup_button.click()
        dialog = self.controller.wrapups[call_id]
        dialog.disposition.setCurrentIndex(3)  # complaint
        panel = dialog.cases
        settle(lambda: panel.form is not None and panel.isVisible())
        assert panel.form is not None, "no service desk to open a case at"
        panel.product.setText(panel.form.products[0][0])
        panel.description.setPlainText(fault)
        panel.open_case()
        settle(lambda: bool(panel.lines), wait_ms=1500)
        self.save_screen([pop, dialog], "wrapup-case")
        dialog.save()
        settle(lambda: call_id not in self.controller.wrapups)
        # 8. The call-back, the account keyed in the IVR, while accounting's
        # database is locked by a batch job: really down, not a faked card.
        outage = Outage(self.demo_dir / "accounting.db")
        try:
            self.ring(number, "", {"account": customer})
            self.save(pop, "pop-relationship")
        finally:
            outage.end()

    def close(self) -> None:
        self.controller.close_all()


def settle(until: Any = None, wait_ms: int = 300, timeout_ms: int = 5000) -> None:
    """Let the event loop run ``wait_ms`` (and until ``until()`` is true)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    start = time.monotonic()
    while True:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        elapsed = (time.monotonic() - start) * 1000
        done = until is None or until()
        if (done and elapsed >= wait_ms) or elapsed >= timeout_ms:
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo-dir", type=Path, default=ROOT / "build" / "screenshot-demo")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--language", action="append", choices=sorted(LANGUAGES),
        help="default: the README's (en, he, fi)",
    )
    args = parser.parse_args()
    ensure_display()
    wm = window_manager()
    try:
        return shoot_all(args)
    finally:
        if wm is not None:
            wm.terminate()
            wm.wait(5)


def shoot_all(args: argparse.Namespace) -> int:
    from screenpop.config.loader import load_config
    from screenpop.engine import Engine
    from screenpop.ui.app import application

    config_path = prepare_demo(args.demo_dir)
    # Each language starts from the demo's own service desk, without the cases
    # the other languages' shots opened.
    service = args.demo_dir / "service.db"
    pristine = service.read_bytes()
    base = load_config(config_path, use_user_file=False, use_machine_file=False)
    args.out.mkdir(parents=True, exist_ok=True)
    app = application()  # kept: the windows below need it alive
    assert app is not None
    for code in args.language or README_LANGUAGES:
        language = LANGUAGES[code]
        agent = base.agent.model_copy(
            update={"locale": language.locale, "dispositions": language.dispositions}
        )
        # No demo bridge: the script rings the calls itself.
        config = localise(base.model_copy(update={"agent": agent, "bridge": ()}), language.words)
        for suffix in ("-wal", "-shm", "-journal"):  # WAL: the cases are there first
            Path(f"{service}{suffix}").unlink(missing_ok=True)
        service.write_bytes(pristine)
        with tempfile.TemporaryDirectory() as tmp:
            # Keep the pop's position, the journal and the socket away from the user's.
            os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
            engine = Engine(config, journal_path=Path(tmp) / "journal.db", runtime_dir=Path(tmp))
            shooter = Shooter(engine, config, language, args.out, args.demo_dir)
            engine.start(shooter.listener)
            shooter.controller.start()
            shooter.controller.window.hide()
            try:
                shooter.shoot()
            finally:
                shooter.close()
                engine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
