"""The sending half of ``screenpop notify``, kept to the standard library.

A softphone runs ``screenpop notify NUMBER`` on every ring, and the pop waits
for that process: it must not pay for pydantic, SQLAlchemy or the engine just
to write one line to a socket. The listening half (the bridge, which also
holds the single-instance lock) is ``screenpop.bridges.notify``.

How the call reaches only this user's own instance:

* POSIX: a Unix socket (0600) in the user's runtime directory (0700): the
  kernel refuses every other user at ``connect``.
* Windows: a named pipe whose DACL grants only the user who started the app,
  under a random name (``\\\\.\\pipe\\screenpop-<128 random bits>``) that is
  written, with a random token, to ``screenpop.pipe`` in the user's runtime
  directory (``%LOCALAPPDATA%\\Temp\\screenpop``). Pipe names are one namespace
  for every session of a Terminal Server, so the name is not guessable (no
  other user can create it first) and every request must carry the token
  (a pipe reached some other way still refuses it). Never loopback TCP, which
  any user of a shared desk can connect to.
"""

from __future__ import annotations

import json
import socket
import sys
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

import platformdirs

USE_UNIX = hasattr(socket, "AF_UNIX") and sys.platform != "win32"
#: Every named pipe screenpop creates has this prefix (the rest is random).
PIPE_PREFIX = "\\\\.\\pipe\\screenpop-"
#: The largest request or answer, in bytes.
MAX_MESSAGE = 8 * 1024


class NotifyError(Exception):
    """``screenpop notify`` could not hand the call over."""


def default_runtime_dir() -> Path:
    """Where the notify socket lives (per user; the app and ``notify`` agree on it)."""
    with warnings.catch_warnings():
        # Without XDG_RUNTIME_DIR (ssh, cron) platformdirs warns and falls back
        # to /tmp/runtime-UID, which is per user and exactly what we want.
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir("screenpop", appauthor=False))


def socket_path(runtime_dir: Path) -> Path:
    """The Unix socket (POSIX) or the file naming the pipe and its token (Windows)."""
    return runtime_dir / ("screenpop.sock" if USE_UNIX else "screenpop.pipe")


def read_pipe_file(path: Path) -> tuple[str, str]:
    """The pipe's address and token from ``screenpop.pipe`` (``ValueError`` if not one)."""
    fields = path.read_text(encoding="ascii").split()
    if len(fields) != 2 or not fields[0].startswith(PIPE_PREFIX) or len(fields[1]) < 32:
        raise ValueError(f"{path} does not name a screenpop pipe")
    return fields[0], fields[1]


def send(
    runtime_dir: Path,
    number: str,
    *,
    name: str = "",
    call_id: str = "",
    event: str = "ringing",
    attached: dict[str, str] | None = None,
    timeout: float = 3.0,
) -> str:
    """Hand one call event to the running instance; return its call id."""
    payload: dict[str, Any] = {
        "event": event,
        "call_id": call_id or f"notify-{uuid.uuid4()}",
        "caller_number": number,
        "caller_name": name,
        "ts": time.time(),
        "attached": attached or {},
    }
    if USE_UNIX:
        data = _send_unix(socket_path(runtime_dir), payload, timeout)
    else:
        data = _send_pipe(socket_path(runtime_dir), payload, timeout)
    try:
        reply = json.loads(data)
    except ValueError:
        raise NotifyError("the running instance gave no answer") from None
    if not isinstance(reply, dict) or not reply.get("ok"):
        error = reply.get("error", "unknown reason") if isinstance(reply, dict) else "no answer"
        raise NotifyError(f"refused: {error}")
    return str(reply["call_id"])


def _no_instance() -> NotifyError:
    return NotifyError("no running screenpop instance to notify (start `screenpop run`)")


def _send_unix(path: Path, payload: dict[str, Any], timeout: float) -> bytes:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(str(path))
    except OSError:
        sock.close()
        raise _no_instance() from None
    data = b""
    with sock:
        try:
            sock.sendall(json.dumps(payload).encode() + b"\n")
            while not data.endswith(b"\n") and len(data) < MAX_MESSAGE:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass  # judged by what arrived: nothing is "no answer"
    return data


def _send_pipe(path: Path, payload: dict[str, Any], timeout: float) -> bytes:
    # Imported here: POSIX never needs it, and it is the slowest import of notify.
    from multiprocessing.connection import Client

    try:
        address, token = read_pipe_file(path)
        conn = Client(address, family="AF_PIPE")
    except (OSError, ValueError):
        raise _no_instance() from None
    payload["token"] = token
    with conn:
        try:
            conn.send_bytes(json.dumps(payload).encode() + b"\n")
            if not conn.poll(timeout):
                return b""
            return conn.recv_bytes(MAX_MESSAGE)
        except (OSError, EOFError):
            return b""
