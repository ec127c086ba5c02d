"""End to end: sipp -> kamailio (shipped evapi snippet) -> phone; screenpop hears tcp-json."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.bridges.e2e import Headless, write_config
from tests.bridges.helpers import SIPP, run, sipp
from tests.bridges.peers_bridges import BaresipPeer, KamailioPeer
from tests.peers import free_port, need_program


@pytest.mark.peer("kamailio")
def test_headless_over_kamailio_evapi_pops_and_journals(tmp_path: Path) -> None:
    need_program("sipp")
    kam = KamailioPeer(tmp_path / "kamailio")
    phone = BaresipPeer(tmp_path / "baresip")  # rings; nobody answers
    config = write_config(
        tmp_path, f'[[bridge]]\nkind = "tcp-json"\nport = {kam.evapi_port}\nframing = "netstring"\n'
    )
    uas_port = free_port()

    async def body() -> None:
        await kam.start()
        await phone.start()
        app = Headless(config)
        uas = None
        try:
            await app.connected("tcp-json")
            via = ["-rsa", f"127.0.0.1:{kam.sip_port}"]
            # 1. rings the agent's phone, the caller gives up: missed
            await sipp("uac_cancel.xml", phone.sip_target, cwd=tmp_path, extra=via,
                       caller="+442079460958", display="Oliver Brown", pause_ms=300,
                       local_port=free_port())
            missed = await app.pop(0)
            assert missed["customer"]["customer_id"] == "C-200"
            assert missed["caller_name"] == "Oliver Brown"
            # 2. the agent answers (a sipp UAS as the phone), the callee hangs up: ended
            with open(tmp_path / "uas.log", "wb") as out:
                uas = await asyncio.create_subprocess_exec(
                    "sipp", "-sf", str(SIPP / "uas_answer_bye.xml"), "-p", str(uas_port),
                    "-mp", str(free_port()), "-i", "127.0.0.1", "-m", "1", "-nostdin",
                    "-timeout", "15s", "-timeout_error",
                    cwd=tmp_path, stdout=out, stderr=asyncio.subprocess.STDOUT,
                    stdin=asyncio.subprocess.DEVNULL)
            await sipp("uac_answered_remote_bye.xml", f"127.0.0.1:{uas_port}", cwd=tmp_path, extra=via,
                       caller="+358401234567", display="Aino", pause_ms=2000,
                       local_port=free_port(), headers="X-Screenpop-Account: C-100")
            assert await asyncio.wait_for(uas.wait(), 15) == 0
            answered = await app.pop(1)
            assert answered["customer"]["customer_id"] == "C-100"
            call_id = answered["call_id"]
            await app.wait_for("the answered call ended",
                               lambda: f"call {call_id[:40]}: ended" in app.stderr(), 10)
        finally:
            if uas is not None and uas.returncode is None:
                uas.kill()
                await uas.wait()
            rc = app.stop()
            phone.stop()
            kam.stop()
        assert rc == 0, app.stderr()
        rows = app.journal()
        assert rows[missed["call_id"]]["state"] == "missed"
        row = rows[answered["call_id"]]
        assert row["state"] == "ended"
        assert row["answered_by"] == "agent"
        assert row["ringing_at"] <= row["answered_at"] <= row["ended_at"]
        assert len(app.pops) == 2

    run(body(), timeout=90)
