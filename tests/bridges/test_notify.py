"""``screenpop notify`` reaches only the same user's running instance.

On Linux: the Unix socket, tried by a real second OS user (``runuser``; CI
runs as root and makes the user). The Windows channel's server half
(``PipeServer``) is the same code over any ``multiprocessing.connection``
listener: here it runs over ``AF_UNIX`` to check the token, a silent client
and an oversized request; its named pipe, DACL and lock are checked under
Wine (tests/installers/test_msi.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from multiprocessing.connection import Client, Listener
from pathlib import Path
from typing import Any

import pytest

from screenpop.bridges.notify import AlreadyRunning, NotifyBridge, claim
from screenpop.bridges.notify_pipe import PipeServer
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import NotifyBridge as NotifyConfig
from screenpop.events import CallEvent
from screenpop.health import Health
from screenpop.notify_client import NotifyError, send, socket_path
from tests.peers import need, need_program

OTHER_USER = "screenpop-other"
WINDOWS = sys.platform == "win32"
#: The pipe server runs over named pipes on Windows, Unix sockets elsewhere.
FAMILY = "AF_PIPE" if WINDOWS else "AF_UNIX"


class Running:
    """A notify bridge serving on its own loop thread, as the engine runs it."""

    def __init__(self, runtime_dir: Path) -> None:
        self.events: list[CallEvent] = []
        self.ready = threading.Event()
        self.loop = asyncio.new_event_loop()
        self.bridge = NotifyBridge(
            NotifyConfig(kind="notify"),
            BridgeContext(extension="1017", secret=lambda ref: "", runtime_dir=str(runtime_dir)),
            claim(runtime_dir),
        )
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        assert self.ready.wait(10)

    def _health(self, name: str, health: Health) -> None:
        self.ready.set()

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.task = self.loop.create_task(self.bridge.run(self.events.append, self._health))
        try:
            self.loop.run_until_complete(self.task)
        except asyncio.CancelledError:
            pass
        # Connections accepted before the stop (e.g. claim()'s probe) finish:
        # each ends at EOF. An accept finishing here starts its handler on a
        # later turn of the loop, hence turning it until nothing is left.
        for _ in range(3):
            self.loop.run_until_complete(asyncio.sleep(0.02))
            while pending := asyncio.all_tasks(self.loop):
                self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.task.cancel)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[Path, Running]]:
    runtime = tmp_path / "run"
    bridge = Running(runtime)
    try:
        yield runtime, bridge
    finally:
        bridge.stop()


def test_the_same_user_is_served_and_a_second_instance_refused(
    running: tuple[Path, Running],
) -> None:
    runtime, bridge = running
    assert send(runtime, "+442079460958", name="Oliver", call_id="c-1") == "c-1"
    assert bridge.events[0].call_id == "c-1"
    assert bridge.events[0].called == "1017"
    with pytest.raises(AlreadyRunning):
        claim(runtime)
    # The running instance still serves after that probe (and has closed it).
    assert send(runtime, "+442079460958", call_id="c-1b") == "c-1b"
    if WINDOWS:
        from screenpop import winsec
        from screenpop.notify_client import read_pipe_file

        sid = winsec.current_user_sid()
        address, _token = read_pipe_file(socket_path(runtime))
        assert re.fullmatch(rf"D:P\(A;;(GA|FA);;;{sid}\)", winsec.dacl_of(address))
        assert re.fullmatch(rf"D:P\(A;OICI;(GA|FA);;;{sid}\)", winsec.dacl_of(str(runtime)))
    else:
        assert stat.S_IMODE(socket_path(runtime).stat().st_mode) == 0o600
        assert stat.S_IMODE(runtime.stat().st_mode) == 0o700


@pytest.fixture(scope="module")
def other_user() -> str:
    """A second real OS user (made when missing: CI runs as root)."""
    need(os.geteuid() == 0, "root, to act as a second OS user")
    runuser = need_program("runuser")
    del runuser
    if subprocess.run(["id", OTHER_USER], capture_output=True).returncode != 0:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OTHER_USER],
            check=True,
        )
    return OTHER_USER


CONNECT = """
import json, socket, sys
s = socket.socket(socket.AF_UNIX)
try:
    s.connect(sys.argv[1])
except OSError as exc:
    print("refused:", type(exc).__name__); raise SystemExit(0)
s.sendall(json.dumps({"event": "ringing", "call_id": "intruder", "caller_number": "+1"}).encode() + b"\\n")
print("connected:", s.recv(4096).decode().strip())
"""


@pytest.mark.skipif(WINDOWS, reason="a Unix socket and runuser; Windows: the DACL above")
def test_another_os_user_cannot_reach_the_instance(
    running: tuple[Path, Running], other_user: str, tmp_path: Path
) -> None:
    """Even with every folder on the way open to them, the socket (0600) refuses them."""
    runtime, bridge = running
    for folder in (tmp_path, *tmp_path.parents):
        if folder == Path("/"):
            break
        folder.chmod(folder.stat().st_mode | 0o011)  # others may pass through, not list
    runtime.chmod(0o711)  # as if the runtime folder had been left open
    python = shutil.which("python3", path="/usr/bin:/bin") or "/usr/bin/python3"
    res = subprocess.run(
        ["runuser", "-u", other_user, "--", python, "-c", CONNECT, str(socket_path(runtime))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "refused: PermissionError", res.stdout
    assert bridge.events == []
    # and the owner still gets through
    assert send(runtime, "+442079460958", call_id="c-2") == "c-2"


def test_notify_without_an_instance_says_so(tmp_path: Path) -> None:
    with pytest.raises(NotifyError, match="no running screenpop instance"):
        send(tmp_path, "+442079460958")


# ------------------------------------------------ the pipe server, over AF_UNIX --


class Served:
    """A ``PipeServer`` on a Unix-socket listener, answering through a real bridge."""

    def __init__(self, folder: Path, token: str) -> None:
        self.address = (
            f"\\\\.\\pipe\\screenpop-test-{secrets.token_hex(8)}"
            if WINDOWS
            else str(folder / "pipe.sock")
        )
        self.listener = Listener(self.address, family=FAMILY)
        self.events: list[CallEvent] = []
        self.bridge = NotifyBridge(
            NotifyConfig(kind="notify"),
            BridgeContext(extension="1017", secret=lambda ref: "", runtime_dir=str(folder)),
        )
        self.loop = asyncio.new_event_loop()
        self.loop_thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.loop_thread.start()

        async def on_loop(line: bytes) -> dict[str, Any]:
            return self.bridge._handle(line, token, self.events.append)

        def handle(line: bytes) -> dict[str, Any]:
            return asyncio.run_coroutine_threadsafe(on_loop(line), self.loop).result(5)

        self.server = PipeServer(
            self.listener, lambda: Client(self.address, FAMILY).close(), handle,
            read_timeout=1.0,
        )  # fmt: skip
        self.server.start()

    def request(self, payload: dict[str, Any] | bytes) -> dict[str, Any]:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode() + b"\n"
        with Client(self.address, FAMILY) as conn:
            conn.send_bytes(data)
            assert conn.poll(10)
            return dict(json.loads(conn.recv_bytes()))

    def close(self) -> None:
        self.server.stop()
        self.listener.close()

        def cancel_timers() -> None:
            for handle in self.bridge._timers.values():
                handle.cancel()

        self.loop.call_soon_threadsafe(cancel_timers)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.loop_thread.join(5)
        self.loop.close()


TOKEN = "ab" * 32


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    s = Served(tmp_path, TOKEN)
    try:
        yield s
    finally:
        s.close()


def _ring(call_id: str, **extra: Any) -> dict[str, Any]:
    return {"event": "ringing", "call_id": call_id, "caller_number": "+442079460958", **extra}


def test_pipe_server_takes_a_request_with_the_token(served: Served) -> None:
    assert served.request(_ring("p-1", token=TOKEN)) == {"ok": True, "call_id": "p-1"}
    assert [e.call_id for e in served.events] == ["p-1"]


@pytest.mark.parametrize("token", [None, "", "0" * 64, TOKEN[:-1], 12345])
def test_pipe_server_refuses_a_request_without_the_token(served: Served, token: object) -> None:
    payload = _ring("intruder") if token is None else _ring("intruder", token=token)
    assert served.request(payload) == {"ok": False, "error": "bad token"}
    assert served.events == []


def test_pipe_server_is_not_held_up_by_a_silent_client(served: Served) -> None:
    silent = [Client(served.address, FAMILY) for _ in range(2)]
    try:
        assert served.request(_ring("p-2", token=TOKEN))["ok"] is True
    finally:
        for conn in silent:
            conn.close()
    assert [e.call_id for e in served.events] == ["p-2"]


def test_pipe_server_refuses_an_oversized_or_malformed_request(served: Served) -> None:
    big = json.dumps(_ring("big", token=TOKEN, caller_name="x" * 20000)).encode() + b"\n"
    with Client(served.address, FAMILY) as conn:
        try:
            conn.send_bytes(big)
            assert conn.poll(10)
            assert json.loads(conn.recv_bytes())["ok"] is False
        except (BrokenPipeError, ConnectionResetError, EOFError):
            pass  # refused before it was all sent
    assert served.request(b"not json\n") == {"ok": False, "error": "not JSON"}
    assert served.request(b"[1, 2]\n") == {"ok": False, "error": "not a JSON object"}
    assert served.events == []


def test_pipe_server_stops_promptly(tmp_path: Path) -> None:
    s = Served(tmp_path, TOKEN)
    s.close()
    assert not s.server._thread.is_alive()
    with pytest.raises(OSError):
        Client(s.address, FAMILY)
