"""The rule for tests that need a real peer (service, program, display).

On a developer laptop without the peer such a test skips; in CI (``CI=true``)
it fails, because there the project's own scripts must have provided it.
"""

from __future__ import annotations

import os
import shutil
import socket

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def need(available: bool, what: str) -> None:
    """Skip (laptop) or fail (CI) unless ``available``."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required when CI=true (scripts/bootstrap.sh provides it)")
    pytest.skip(f"{what} not available on this machine")


def need_program(name: str) -> str:
    path = shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/sbin/{name}") if os.path.exists(p)), None
    )
    need(path is not None, f"program {name!r}")
    assert path is not None
    return path


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def need_service(name: str, host: str, port: int) -> None:
    need(port_open(host, port), f"service {name} on {host}:{port}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
