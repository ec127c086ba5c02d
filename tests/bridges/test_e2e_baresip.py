"""End to end: sipp calls a real baresip; ``screenpop run --headless`` pops and journals."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bridges.e2e import Headless, write_config
from tests.bridges.helpers import run, sipp
from tests.bridges.peers_bridges import BaresipPeer
from tests.peers import free_port, need_program


@pytest.mark.peer("baresip")
def test_headless_pops_customer_and_journals_missed_and_answered(tmp_path: Path) -> None:
    need_program("sipp")
    # "agent" rings until the caller gives up; "agent-auto" is answered at once
    # (ctrl_tcp serves one client, screenpop, so the test can not press accept).
    phone = BaresipPeer(tmp_path / "baresip", extra_accounts={"agent-auto": "auto"})
    config = write_config(tmp_path, f'[[bridge]]\nkind = "baresip"\nport = {phone.ctrl_port}\n')

    async def body() -> None:
        await phone.start()
        app = Headless(config)
        try:
            await app.connected("baresip")
            await sipp("uac_cancel.xml", phone.sip_target, cwd=tmp_path, caller="+442079460958",
                       display="Oliver Brown", pause_ms=300, local_port=free_port())
            missed = await app.pop(0)
            assert missed["customer"]["customer_id"] == "C-200"
            assert missed["caller_name"] == "Oliver Brown"
            assert missed["bridge"] == "baresip"
            assert missed["sections"]["balance"]["status"] == "ok"

            await sipp("uac_answered.xml", phone.sip_target, cwd=tmp_path, service="agent-auto",
                       caller="00358401234567", display="Aino", pause_ms=300,
                       local_port=free_port())
            answered = await app.pop(1)
            assert answered["customer"]["customer_id"] == "C-100"
            assert answered["number"]["e164"] == "+358401234567"
            ended = answered["call_id"]
            await app.wait_for("both calls journaled", lambda: "ended" in app.stderr()
                               and ended in app.stderr(), 10)
        finally:
            rc = app.stop()
            phone.stop()
        assert rc == 0, app.stderr()
        rows = app.journal()
        first, second = rows[missed["call_id"]], rows[answered["call_id"]]
        assert first["state"] == "missed"
        assert first["answered_at"] is None
        assert first["customer_id"] == "C-200"
        assert second["state"] == "ended"
        assert second["answered_at"] is not None
        assert second["ringing_at"] <= second["answered_at"] <= second["ended_at"]
        assert second["answered_by"] == "agent"
        assert len(app.pops) == 2  # no duplicate pops

    run(body(), timeout=90)
