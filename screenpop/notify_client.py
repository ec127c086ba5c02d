"""The sending half of ``screenpop notify``, kept to the standard library.

A softphone runs ``screenpop notify NUMBER`` on every ring, and the pop waits
for that process: it must not pay for pydantic, SQLAlchemy or the engine just
to write one line to a socket. The listening half (the bridge, which also
holds the single-instance lock) is ``screenpop.bridges.notify``.
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


class NotifyError(Exception):
    """``screenpop notify`` could not hand the call over."""


def default_runtime_dir() -> Path:
    """Where the notify socket lives (per user; the app and ``notify`` agree on it)."""
    with warnings.catch_warnings():
        # Without XDG_RUNTIME_DIR (ssh, cron) platformdirs warns and falls back
        # to /tmp/runtime-UID, which is per user and exactly what we want.
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir("screenpop"))


def socket_path(runtime_dir: Path) -> Path:
    return runtime_dir / ("screenpop.sock" if USE_UNIX else "screenpop.port")


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
    path = socket_path(runtime_dir)
    try:
        if USE_UNIX:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            sock.connect(str(path))
        else:  # pragma: no cover
            port, token = path.read_text().split()
            payload["token"] = token
            sock = socket.create_connection(("127.0.0.1", int(port)), timeout=timeout)
    except (OSError, ValueError):
        raise NotifyError(
            "no running screenpop instance to notify (start `screenpop run`)"
        ) from None
    with sock:
        sock.sendall(json.dumps(payload).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    try:
        reply = json.loads(data)
    except ValueError:
        raise NotifyError("the running instance gave no answer") from None
    if not reply.get("ok"):
        raise NotifyError(f"refused: {reply.get('error', 'unknown reason')}")
    return str(reply["call_id"])
