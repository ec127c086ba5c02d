"""End to end with the pop window: sipp calls a real baresip, the real Engine pops in Qt.

The headless end-to-end tests prove the engine's path; this one proves what
the agent sees on the same real calls: the pop opens on the ring with the
right customer, says "Missed" or "On call" then "Ended", closes after its
linger, keeps the notes typed during the call for the wrap-up, and the
recent-calls window calls the missed caller back through the same softphone.
"""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from screenpop.config.loader import load_config
from screenpop.engine import Engine
from screenpop.frontend import CallInfo, CallRecord
from screenpop.ui.controller import UiController
from screenpop.ui.signals import QtPopListener
from tests.bridges.e2e import write_config
from tests.bridges.helpers import SIPP, sipp
from tests.bridges.peers_bridges import BaresipPeer, KamailioPeer
from tests.peers import free_port, need_program

# The offscreen platform cannot raise windows or pass size hints to a window manager.
OFFSCREEN_NOISE = r"This plugin does not support (raise|propagateSizeHints)\(\)"


def place_call(scenario: str, target: str, tmp_path: Path, **kw: Any) -> subprocess.Popen[bytes]:
    """Start a sipp caller without blocking the Qt loop (the test waits with qtbot)."""
    return asyncio.run(sipp(scenario, target, cwd=tmp_path, local_port=free_port(), wait=False,
                            **kw))


def sipp_uas(tmp_path: Path, port: int) -> subprocess.Popen[bytes]:
    """The called-back party: a sipp UAS that answers, hangs up, and traces the INVITE."""
    return subprocess.Popen(
        ["sipp", "-sf", str(SIPP / "uas_answer_bye.xml"), "-p", str(port), "-mp",
         str(free_port()), "-i", "127.0.0.1", "-m", "1", "-nostdin", "-timeout", "20s",
         "-timeout_error", "-trace_msg", "-message_file", str(tmp_path / "uas-messages.log")],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )


def labels(widget: Any) -> list[str]:
    return [lb.text() for lb in widget.findChildren(QLabel)]


class GuiApp:
    """The real Engine and the real pop UI on one bridge, as ``run_gui`` wires them."""

    def __init__(self, qtbot: Any, tmp_path: Path, bridge_toml: str) -> None:
        path = write_config(tmp_path, f"{bridge_toml}\n[ui]\nlinger_s = 0.5\n")
        self.config = load_config(path, use_user_file=False, use_machine_file=False)
        self.tmp_path = tmp_path
        self.engine = Engine(self.config, runtime_dir=tmp_path / "run")
        self.listener = QtPopListener()
        self.rang: list[CallInfo] = []
        self.listener.ringing.connect(self.rang.append)
        self.controller = UiController(self.engine, self.config, self.listener,
                                       tray_available=False)
        qtbot.addWidget(self.controller.pop)
        qtbot.addWidget(self.controller.window)
        self.pop = self.controller.pop

    def start(self, qtbot: Any, bridge: str) -> None:
        self.engine.start(self.listener)
        self.controller.start()
        qtbot.waitUntil(lambda: bridge in self.engine.bridge_healths()
                        and self.engine.bridge_healths()[bridge].good, timeout=10_000)

    def stop(self, calls: list[subprocess.Popen[bytes]]) -> None:
        """Stop the app, and any sipp party a failed test left running."""
        for proc in calls:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
        self.controller.close_all()
        self.engine.stop()

    def journal(self) -> dict[str, CallRecord]:
        """The journal as a fresh process would read it after this one stopped."""
        check = Engine(self.config, runtime_dir=self.tmp_path / "run-check")
        check.open_core()
        try:
            return {r.call_id: r for r in check.recent_calls(10)}
        finally:
            check.stop()

    def wait_pop(self, qtbot: Any, customer: str) -> str:
        """The pop is up for ``customer`` with every section filled in; its call id."""
        pop = self.pop
        qtbot.waitUntil(lambda: pop.isVisible() and pop.header.customer.text() == customer,
                        timeout=5000)
        qtbot.waitUntil(
            lambda: not any(b.is_busy for b in pop.boxes.values() if b.isVisible()), timeout=5000
        )
        assert pop.call_id is not None
        return pop.call_id


@pytest.mark.peer("baresip")
@pytest.mark.slow
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_pop_window_over_a_real_softphone(qtbot: Any, tmp_path: Path) -> None:
    need_program("sipp")
    uas_port = free_port()
    # "agent" rings until the caller gives up; "agent-auto" is answered at once
    # (ctrl_tcp serves one client, screenpop, so the test can not press accept).
    # Calls the agent places go to the sipp UAS, the test's "outside world".
    phone = BaresipPeer(tmp_path / "baresip", extra_accounts={"agent-auto": "auto"},
                        outbound=f"sip:127.0.0.1:{uas_port}")
    app = GuiApp(qtbot, tmp_path, f'[[bridge]]\nkind = "baresip"\nport = {phone.ctrl_port}\n')
    pop, controller = app.pop, app.controller
    calls: list[subprocess.Popen[bytes]] = []
    asyncio.run(phone.start())
    try:
        app.start(qtbot, "baresip")

        # 1. The caller rings and gives up: the pop shows who it is, then "Missed".
        calls.append(place_call("uac_cancel.xml", phone.sip_target, tmp_path,
                                caller="+442079460958", display="Oliver Brown", pause_ms=1500))
        missed_id = app.wait_pop(qtbot, "Oliver Brown")
        assert pop.header.state.text() == "Ringing"
        assert pop.header.customer_id.text().endswith("C-200")
        assert pop.boxes["balance"].content is not None
        assert "£980.00" in labels(pop.boxes["balance"].content)
        qtbot.waitUntil(lambda: pop.header.state.text() == "Missed", timeout=5000)
        qtbot.waitUntil(lambda: calls[0].poll() is not None, timeout=10_000)
        assert calls[0].returncode == 0
        qtbot.waitUntil(lambda: not pop.isVisible(), timeout=3000)  # gone after its linger

        # 2. Answered at the phone; the agent types notes during the call; the caller
        #    hangs up: "On call", then "Ended", and the notes reach the wrap-up.
        calls.append(place_call("uac_answered.xml", phone.sip_target, tmp_path,
                                service="agent-auto", caller="00358401234567", display="Aino",
                                pause_ms=2500))
        answered_id = app.wait_pop(qtbot, "Aino Jääskeläinen")
        assert answered_id != missed_id
        qtbot.waitUntil(lambda: pop.header.state.text() == "On call", timeout=5000)
        qtbot.keyClicks(pop.notes, "wants the cake stand again")
        qtbot.waitUntil(lambda: pop.header.state.text() == "Ended", timeout=10_000)
        qtbot.mouseClick(pop.wrapup_button, Qt.MouseButton.LeftButton)
        dialog = controller.wrapups[answered_id]
        assert dialog.notes.toPlainText() == "wants the cake stand again"
        dialog.disposition.setCurrentIndex(dialog.disposition.findText("sale"))
        dialog.save()
        qtbot.waitUntil(lambda: calls[1].poll() is not None, timeout=10_000)
        assert calls[1].returncode == 0

        # 3. Call the missed caller back from the recent-calls window.
        recent = controller.window.recent
        controller.refresh_recent()
        qtbot.waitUntil(lambda: {r.call_id for r in recent.model.rows} >= {missed_id, answered_id},
                        timeout=5000)
        uas = sipp_uas(tmp_path, uas_port)
        calls.append(uas)
        row = next(i for i, r in enumerate(recent.model.rows) if r.call_id == missed_id)
        recent.table.selectRow(row)
        assert recent.callback_button.isEnabled()
        qtbot.mouseClick(recent.callback_button, Qt.MouseButton.LeftButton)
        # rc 0: the UAS got the INVITE, answered, hung up, and saw the call through
        qtbot.waitUntil(lambda: uas.poll() is not None, timeout=20_000)
        assert uas.returncode == 0
        invite = (tmp_path / "uas-messages.log").read_text(errors="replace")
        assert "INVITE sip:+442079460958@" in invite
    finally:
        app.stop(calls)
        phone.stop()

    # One pop per call (the agent's own call back is not a pop), journaled right.
    assert [c.call_id for c in app.rang] == [missed_id, answered_id]
    rows = app.journal()
    assert set(rows) == {missed_id, answered_id}
    assert rows[missed_id].state == "missed"
    assert rows[missed_id].customer_id == "C-200"
    assert rows[answered_id].state == "ended"
    assert rows[answered_id].answered_by == "agent"
    assert rows[answered_id].disposition == "sale"
    assert rows[answered_id].notes == "wants the cake stand again"


@pytest.mark.peer("kamailio")
@pytest.mark.slow
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_pop_window_over_kamailio_evapi(qtbot: Any, tmp_path: Path) -> None:
    """sipp -> kamailio (the shipped evapi snippet) -> phone; the pop hears tcp-json."""
    need_program("sipp")
    kam = KamailioPeer(tmp_path / "kamailio")
    phone = BaresipPeer(tmp_path / "baresip")  # rings; nobody answers
    uas_port = free_port()
    app = GuiApp(qtbot, tmp_path, f'[[bridge]]\nkind = "tcp-json"\nport = {kam.evapi_port}\n'
                 'framing = "netstring"\n')
    pop = app.pop
    via = ["-rsa", f"127.0.0.1:{kam.sip_port}"]
    calls: list[subprocess.Popen[bytes]] = []
    asyncio.run(kam.start())
    asyncio.run(phone.start())
    try:
        app.start(qtbot, "tcp-json")

        # 1. Rings the agent's phone through the proxy; the caller gives up: missed.
        calls.append(place_call("uac_cancel.xml", phone.sip_target, tmp_path, extra=via,
                                caller="+442079460958", display="Oliver Brown", pause_ms=1500))
        missed_id = app.wait_pop(qtbot, "Oliver Brown")
        assert pop.header.state.text() == "Ringing"
        qtbot.waitUntil(lambda: pop.header.state.text() == "Missed", timeout=5000)
        qtbot.waitUntil(lambda: not pop.isVisible(), timeout=3000)

        # 2. The agent's phone (a sipp UAS here) answers; the IVR's account number
        #    rides along as attached data and identifies a caller whose number is not on
        #    file; the callee hangs up.
        calls.append(sipp_uas(tmp_path, uas_port))
        calls.append(place_call("uac_answered_remote_bye.xml", f"127.0.0.1:{uas_port}", tmp_path,
                                extra=via, caller="+358409999999", display="Aino",
                                pause_ms=2000, headers="X-Screenpop-Account: C-100"))
        answered_id = app.wait_pop(qtbot, "Aino Jääskeläinen")
        qtbot.waitUntil(lambda: pop.header.state.text() == "Ended", timeout=10_000)
        for proc in calls:
            qtbot.waitUntil(lambda p=proc: p.poll() is not None, timeout=20_000)
            assert proc.returncode == 0, proc.args
    finally:
        app.stop(calls)
        phone.stop()
        kam.stop()

    assert [c.call_id for c in app.rang] == [missed_id, answered_id]
    rows = app.journal()
    assert rows[missed_id].state == "missed"
    assert rows[answered_id].state == "ended"
    assert rows[answered_id].answered_by == "agent"
    assert rows[answered_id].customer_id == "C-100"
