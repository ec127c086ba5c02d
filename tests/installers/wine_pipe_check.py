"""Run by the Windows CPython under Wine (tests/installers/test_msi.py): the notify pipe.

Not a pytest module. Claims the pipe as ``screenpop run`` does, serves it with
the real ``NotifyBridge`` on an asyncio loop, then tries it as a client would
and as an intruder would, and prints one JSON object of what it saw:

    wine python.exe wine_pipe_check.py RUNTIME_DIR
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from multiprocessing.connection import Client
from pathlib import Path
from typing import Any

from screenpop import winsec
from screenpop.bridges.notify import AlreadyRunning, NotifyBridge, claim
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import NotifyBridge as NotifyConfig
from screenpop.events import CallEvent
from screenpop.notify_client import NotifyError, read_pipe_file, send, socket_path


def raw_request(address: str, payload: dict[str, Any]) -> dict[str, Any]:
    with Client(address, family="AF_PIPE") as conn:
        conn.send_bytes(json.dumps(payload).encode() + b"\n")
        if not conn.poll(5):
            return {"no": "answer"}
        return dict(json.loads(conn.recv_bytes(8192)))


def main(runtime_dir: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"sid": winsec.current_user_sid()}
    held = claim(runtime_dir)
    address, _token = read_pipe_file(socket_path(runtime_dir))
    out["address"] = address
    out["pipe_dacl"] = winsec.dacl_of(address)
    out["dir_dacl"] = winsec.dacl_of(str(runtime_dir))
    try:
        claim(runtime_dir)
        out["second_claim"] = "claimed"
    except AlreadyRunning as exc:
        out["second_claim"] = f"AlreadyRunning: {exc}"

    events: list[CallEvent] = []
    ready = threading.Event()
    loop = asyncio.new_event_loop()
    bridge = NotifyBridge(
        NotifyConfig(kind="notify"),
        BridgeContext(extension="1017", secret=lambda ref: "", runtime_dir=str(runtime_dir)),
        held,
    )

    def serve() -> None:
        asyncio.set_event_loop(loop)
        task = loop.create_task(bridge.run(events.append, lambda name, health: ready.set()))
        try:
            loop.run_until_complete(task)
        except asyncio.CancelledError:
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)

    # A client that connects and says nothing holds nobody up.
    silent = Client(address, family="AF_PIPE")
    started = time.monotonic()
    out["call_id"] = send(runtime_dir, "+442079460958", name="Oliver", call_id="wine-1")
    out["answered_beside_silent_s"] = round(time.monotonic() - started, 2)
    out["wrong_token"] = raw_request(
        address, {"event": "ringing", "call_id": "intruder-1", "caller_number": "+1",
                  "token": "0" * 64},
    )  # fmt: skip
    out["no_token"] = raw_request(
        address, {"event": "ringing", "call_id": "intruder-2", "caller_number": "+1"}
    )
    out["events"] = [e.call_id for e in events]
    silent.close()

    def cancel() -> None:
        for task in asyncio.all_tasks(loop):
            task.cancel()

    loop.call_soon_threadsafe(cancel)
    thread.join(15)
    out["stopped"] = not thread.is_alive()
    out["pipe_file_after_stop"] = socket_path(runtime_dir).exists()
    try:
        send(runtime_dir, "+442079460958", timeout=2)
        out["after_stop"] = "accepted"
    except NotifyError as exc:
        out["after_stop"] = str(exc)
    reclaimed = claim(runtime_dir)  # the lock went with the bridge: a new start works
    out["reclaimed"] = True
    reclaimed.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
