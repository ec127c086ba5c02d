"""A second real OS user on this machine, for "another user on the desk" tests.

Such a test needs a user that is not the one running screenpop. As root the
helper creates ``screenpop-other`` (no home, no login shell) when it is
missing; elsewhere the test skips, and with ``CI=true`` it fails (peers.need).
Commands run as that user through ``runuser`` with the system Python, so
they get nothing of ours: no venv, no keyring, no files of the test's user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess

from tests.peers import need

OTHER_USER = "screenpop-other"
SYSTEM_PYTHON = "/usr/bin/python3"


def _uid(name: str) -> int | None:
    try:
        return pwd.getpwnam(name).pw_uid
    except KeyError:
        return None


def other_user() -> int:
    """The uid of ``screenpop-other``, created if missing and we may; else skip/fail."""
    uid = _uid(OTHER_USER)
    if uid is None and os.name == "posix" and os.geteuid() == 0 and shutil.which("useradd"):
        subprocess.run(["useradd", "-M", "-s", "/usr/sbin/nologin", OTHER_USER],
                       capture_output=True, timeout=30, check=False)
        uid = _uid(OTHER_USER)
    ok = (uid is not None and uid != os.geteuid() and shutil.which("runuser") is not None
          and os.path.exists(SYSTEM_PYTHON))
    need(ok, f"a second OS user {OTHER_USER!r} with runuser and {SYSTEM_PYTHON} "
             "(created automatically when the tests run as root)")
    assert uid is not None
    return uid


def run_as_other(code: str, *args: str, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
    """Run ``python3 -c code args`` as the other user, from ``/``, with a bare environment."""
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return subprocess.run(
        [runuser, "-u", OTHER_USER, "--", SYSTEM_PYTHON, "-I", "-c", code, *args],
        capture_output=True, text=True, timeout=timeout, cwd="/",
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
