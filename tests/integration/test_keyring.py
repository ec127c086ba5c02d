"""Secrets through a real Secret Service, and ``doctor`` on a broken installation.

Each test runs the real command line in a subprocess under ``dbus-run-session``
with gnome-keyring unlocked non-interactively, in a throw-away HOME, against a
real MariaDB user whose password only the keyring knows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.peers import need_program
from tests.sources import backends
from tests.sources.conftest import ROOT, Db, maria_db  # noqa: F401  (fixture)

SESSION = r"""
printf %s "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
run() { name=$1; shift; "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; }
if [ -n "$STORE_REF" ]; then
  printf %s "$STORE_VALUE" | run secret "$PY" -m screenpop secret set "$STORE_REF"
fi
run doctor "$PY" -m screenpop doctor --config "$CONFIG"
run lookup "$PY" -m screenpop lookup +358401234567 --config "$CONFIG" --json
"""


@dataclass
class Result:
    out: str
    err: str
    rc: int


def in_keyring_session(tmp: Path, config: Path, store: tuple[str, str] | None) -> dict[str, Result]:
    """Run secret set (optional), doctor and lookup in a fresh Secret Service."""
    dbus = need_program("dbus-run-session")
    need_program("gnome-keyring-daemon")
    home = tmp / "home"
    out = tmp / "out"
    for d in (home / "data", home / "config", home / "run", out):
        d.mkdir(parents=True, exist_ok=True)
    (home / "run").chmod(0o700)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "SCREENPOP_MACHINE_CONFIG": str(home / "machine.toml"),
        "PYTHONPATH": str(ROOT),
        "KEYRING_PW": "unlock-" + uuid.uuid4().hex,
        "PY": sys.executable,
        "OUT": str(out),
        "CONFIG": str(config),
        "STORE_REF": store[0] if store else "",
        "STORE_VALUE": store[1] if store else "",
    }
    subprocess.run(
        [dbus, "--", "sh", "-c", SESSION], env=env, cwd=ROOT, timeout=90, capture_output=True
    )
    results = {}
    for name in ("secret", "doctor", "lookup"):
        if (out / f"{name}.rc").exists():
            results[name] = Result(
                (out / f"{name}.out").read_text(),
                (out / f"{name}.err").read_text(),
                int((out / f"{name}.rc").read_text()),
            )
    return results


@pytest.fixture
def maria_user(maria_db: Db) -> Iterator[tuple[Db, str, str]]:  # noqa: F811
    """A MariaDB user that needs its password; the sample tables to read."""
    backends.load_sample(maria_db.url)
    user = f"sp_{uuid.uuid4().hex[:10]}"
    password = "Right-" + uuid.uuid4().hex
    with maria_db.admin.connect() as conn:
        for host in ("%", "localhost"):
            conn.execute(text(f"CREATE USER '{user}'@'{host}' IDENTIFIED BY '{password}'"))
            conn.execute(text(f"GRANT SELECT ON {maria_db.name}.* TO '{user}'@'{host}'"))
    try:
        yield maria_db, user, password
    finally:
        with maria_db.admin.connect() as conn:
            for host in ("%", "localhost"):
                conn.execute(text(f"DROP USER '{user}'@'{host}'"))


def _url(db: Db, user: str) -> str:
    return f"mysql+pymysql://{user}@127.0.0.1:3306/{db.name}?charset=utf8mb4"


def test_secret_set_from_stdin_reaches_the_database(
    tmp_path: Path, maria_user: tuple[Db, str, str]
) -> None:
    db, user, password = maria_user
    ref = f"screenpop/maria-{uuid.uuid4().hex[:8]}"
    config = tmp_path / "agent.toml"
    config.write_text(
        backends.sql_config(
            dict.fromkeys(("accounting", "sales", "credit"), _url(db, user)),
            password=f"keyring:{ref}",
            # the keyring is what is tested: a loaded machine's cold MariaDB
            # login must not make identification time out
            timeout_ms=5000,
            credit_timeout_ms=5000,
        ),
        encoding="utf-8",
    )
    r = in_keyring_session(tmp_path, config, (ref, password))
    assert r["secret"].rc == 0, r["secret"].err
    assert "SecretService" in r["doctor"].out  # the real backend, not a stand-in
    assert r["doctor"].rc == 0, r["doctor"].out
    assert "source accounting (balance): mysql reachable" in r["doctor"].out
    assert r["lookup"].rc == 0, r["lookup"].err
    card = json.loads(r["lookup"].out)
    assert card["customer"]["customer_id"] == "C-100"
    assert card["sections"]["balance"]["data"]["currency"] == "EUR"
    for res in r.values():
        assert password not in res.out + res.err


def test_doctor_names_every_problem_and_never_a_password(
    tmp_path: Path, maria_user: tuple[Db, str, str]
) -> None:
    db, user, _right = maria_user
    wrong = "Wrong-" + uuid.uuid4().hex
    ref = f"screenpop/maria-{uuid.uuid4().hex[:8]}"
    missing = f"screenpop/missing-{uuid.uuid4().hex[:8]}"
    badsql = tmp_path / "ok.sqlite"
    backends.load_sample(f"sqlite:///{badsql}")
    config = tmp_path / "broken.toml"
    config.write_text(
        f'''
[agent]
region = "GB"

[[source]]
name = "accounting"
kind = "sql"
url = "{_url(db, user)}"
password = "keyring:{ref}"
section = "balance"
identify = "{backends.IDENTIFY}"
query = "{backends.BALANCE}"

[[source]]
name = "erp-offline"
kind = "sql"
url = "postgresql+psycopg://root@127.0.0.1:1/test"
section = "profile"
identify = "SELECT id AS customer_id, name FROM customers WHERE phone = :e164"

[[source]]
name = "typo"
kind = "sql"
url = "sqlite:///{badsql}"
section = "purchases"
identify = "SELECT id AS customer_id, name FROM custmers WHERE phone = :e164"

[[source]]
name = "credit"
kind = "sql"
url = "{_url(db, user)}"
password = "keyring:{missing}"
section = "credit"
query = """{backends.CREDIT}"""
''',
        encoding="utf-8",
    )
    r = in_keyring_session(tmp_path, config, (ref, wrong))
    doctor = r["doctor"]
    assert doctor.rc == 1, doctor.out
    lines = doctor.out.splitlines()

    def line(prefix: str) -> str:
        found = [ln for ln in lines if ln.partition("] ")[2].startswith(prefix)]
        assert found, f"no line for {prefix!r} in:\n{doctor.out}"
        return found[0]

    assert "FAIL" in line("source accounting")
    assert "refused the user name or password" in line("source accounting")
    assert "FAIL" in line("source erp-offline")
    assert "cannot reach the database server" in line("source erp-offline")
    assert "FAIL" in line("source typo")
    assert "does not fit this database" in line("source typo")
    assert "FAIL" in line("source credit")
    assert f"screenpop secret set {missing}" in line("source credit")
    assert f"secret set {missing}" in line("secret source credit.password")
    assert "5 problem(s) found" in doctor.out  # 4 sources + the missing secret itself

    lookup = r["lookup"]
    card = json.loads(lookup.out)
    assert card["customer"] is None  # accounting (the identifier) is refused
    for res in r.values():
        assert wrong not in res.out + res.err
