"""The central journal from the command line: the shipped SQL, ``doctor``, ``journal export
--central`` and the config keys, all against the real local PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql

from screenpop.cli import main
from screenpop.config.loader import ConfigError, load_config
from screenpop.config.secrets import resolve
from screenpop.events import CallState
from screenpop.journal import Journal
from screenpop.journal.central import CALLS, SCHEMA_COMMENT
from screenpop.journal.replicate import Replicator
from tests.journal.central_support import (
    PASSWORD,
    SECRET_REF,
    Central,
    apply_sql,
    central_database,
)
from tests.journal.conftest import ev
from tests.peers import free_port


def write_config(
    tmp_path: Path, url: str, *, extension: str = "1017", secret: str = SECRET_REF
) -> Path:
    path = tmp_path / "screenpop.toml"
    path.write_text(
        f'[agent]\nextension = "{extension}"\n'
        f'[journal]\nlocal = "{tmp_path / "journal.db"}"\n'
        f'central = "{url}"\npassword = "{secret}"\n'
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------ shipped SQL --


def test_the_shipped_sql_is_idempotent_and_matches_the_code(central: Central) -> None:
    again = apply_sql(central.database, central.admin_name)
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""  # quiet: no "already exists, skipping" for the DBA to wade through
    with central.admin.connect() as conn:
        columns = {c["name"]: c for c in inspect(conn).get_columns("calls", schema="screenpop")}
        pk = inspect(conn).get_pk_constraint("calls", schema="screenpop")["constrained_columns"]
        rls = conn.exec_driver_sql(
            "SELECT relrowsecurity FROM pg_class WHERE oid = 'screenpop.calls'::regclass"
        ).scalar()
        comment = conn.exec_driver_sql(
            "SELECT obj_description('screenpop.calls'::regclass)"
        ).scalar()
    assert list(columns) == [c.name for c in CALLS.columns]
    pg = postgresql.dialect()
    for column in CALLS.columns:
        found = columns[column.name]
        assert found["nullable"] == column.nullable, column.name
        assert found["type"].compile(dialect=pg) == column.type.compile(dialect=pg), column.name
    assert pk == ["agent", "call_id"]
    assert rls is True
    assert comment == SCHEMA_COMMENT


# ------------------------------------------------------------------ config --


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+psycopg://u:hunter2@db/screenpop", "contains a password"),
        ("mysql+pymysql://u@db/screenpop", "is PostgreSQL"),
        ("postgresql+psycopg://u@db", "names no database"),
        ("not a url", "not a database URL"),
    ],
)
def test_config_refuses_a_bad_central_url(tmp_path: Path, url: str, message: str) -> None:
    path = write_config(tmp_path, url)
    with pytest.raises(ConfigError, match=r"journal\.central") as refused:
        load_config(path, environ={}, use_user_file=False, use_machine_file=False)
    assert message in str(refused.value)
    assert "hunter2" not in str(refused.value)


# ------------------------------------------------------------------ doctor --


def test_doctor_passes_a_good_central(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login = central.agent("a", "1017", "north")
    code, out, _ = run(
        capsys, "doctor", "--config", str(write_config(tmp_path, central.url(login)))
    )
    assert code == 0, out
    assert f"[  ok] central journal: {login}@127.0.0.1:5432/{central.database} reachable" in out
    assert f"{login} replicates agent '1017' of team 'north'" in out
    assert "central journal backlog: 0 call(s) waiting" in out
    assert PASSWORD not in out


def _doctor_fails(capsys: pytest.CaptureFixture[str], config: Path, *expected: str) -> str:
    code, out, err = run(capsys, "doctor", "--config", str(config))
    assert code == 1, out
    for text_ in expected:
        assert text_ in out, out
    assert PASSWORD not in out + err
    return out


def test_doctor_unreachable_central(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login = central.agent("a", "1017", "north")
    url = central.url(login, port=free_port())
    _doctor_fails(
        capsys, write_config(tmp_path, url), "[FAIL] central journal:", "cannot reach the database"
    )


def test_doctor_missing_schema(
    tmp_path: Path, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with central_database(with_schema=False) as bare:
        url = bare.url(bare.admin_name)
        _doctor_fails(
            capsys,
            write_config(tmp_path, url),
            "[FAIL] central journal:",
            "no table screenpop.calls",
            "installers/central/postgresql.sql",
        )
        with bare.admin.connect() as conn:  # and doctor created nothing
            assert conn.exec_driver_sql("SELECT to_regnamespace('screenpop')").scalar() is None


def test_doctor_login_not_mapped_or_wrong_agent(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    unmapped = central.login("u", "screenpop_agent")
    _doctor_fails(
        capsys,
        write_config(tmp_path, central.url(unmapped)),
        "[FAIL] central journal login:",
        "not mapped to an agent in screenpop.team_members",
    )
    other = central.agent("o", "1018", "north")
    _doctor_fails(
        capsys,
        write_config(tmp_path, central.url(other)),
        "mapped to agent '1018'",
        "this workstation is agent '1017'",
    )
    sup = central.supervisor("s", "north")
    _doctor_fails(
        capsys,
        write_config(tmp_path, central.url(sup)),
        "may not write calls (EXECUTE on screenpop.record_calls(jsonb))",
        "it supervises north",
    )


def test_doctor_refuses_a_login_that_bypasses_rls(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with central.admin.connect() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO screenpop.team_members VALUES ('{central.admin_name}', '1017', 'north')"
        )
    _doctor_fails(
        capsys,
        write_config(tmp_path, central.url(central.admin_name)),
        "[FAIL] central journal security:",
        "bypasses row-level security",
    )


def test_doctor_missing_keyring_entry(
    tmp_path: Path,
    central: Central,
    memory_keyring: dict[Any, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    login = central.agent("a", "1017", "north")
    out = _doctor_fails(
        capsys,
        write_config(tmp_path, central.url(login), secret="keyring:screenpop/not-stored"),
        "[FAIL] central journal: cannot log in without its password",
        "screenpop secret set screenpop/not-stored",
    )
    assert "reachable" not in out


# ------------------------------------------------------------------ export --


def _replicate(central: Central, tmp_path: Path, name: str, agent: str, team: str) -> None:
    login = central.agent(name, agent, team)
    with Journal(tmp_path / f"{name}.db") as journal:
        journal.record_event(*ev(f"{name}-1", CallState.RINGING, 1_700_000_000.0))
        journal.record_event(*ev(f"{name}-2", CallState.RINGING, 1_700_090_000.0, name="=cmd|x"))
        journal.save_wrapup(f"{name}-2", "sale", f"{name} sold")
        rep = Replicator(journal, central.config(login), agent, resolve)
        try:
            while rep.push_once():
                pass
        finally:
            rep.stop(drain_s=0)


def test_export_central_as_a_supervisor_shows_their_team_only(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _replicate(central, tmp_path, "a", "1001", "north")
    _replicate(central, tmp_path, "b", "1002", "south")
    sup = central.supervisor("sup", "north")
    config = str(write_config(tmp_path, central.url(sup), extension="supervisor"))

    code, out, err = run(
        capsys, "journal", "export", "--config", config, "--central", "--format", "json"
    )
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["agent"], r["team"], r["call_id"]) for r in rows] == [
        ("1001", "north", "a-1"),
        ("1001", "north", "a-2"),
    ]
    assert rows[1]["disposition"] == "sale"
    assert rows[1]["ringing_at"] == "2023-11-15T23:13:20.000Z"
    assert list(rows[0])[:4] == ["agent", "team", "call_id", "state"]

    code, out, _ = run(
        capsys, "journal", "export", "--config", config, "--central", "--since", "2023-11-15"
    )
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:3] == ["agent", "team", "call_id"]
    assert [r[2] for r in table[1:]] == ["a-2"]
    assert table[1][table[0].index("caller_name")] == "'=cmd|x"  # never a formula

    # Another team's agent, asked for by name: RLS still says no.
    code, out, _ = run(
        capsys,
        "journal",
        "export",
        "--config",
        config,
        "--central",
        "--agent",
        "1002",
        "--format",
        "json",
    )
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(
        capsys,
        "journal",
        "export",
        "--config",
        config,
        "--central",
        "--agent",
        "1001",
        "--format",
        "json",
    )
    assert len(json.loads(out)) == 2


def test_export_central_errors(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # --agent is for the central journal only.
    code, _, err = run(capsys, "journal", "export", "--agent", "1001")
    assert code == 2
    assert "--agent needs --central" in err
    # No central configured: a configuration error naming the key.
    local_only = tmp_path / "local.toml"
    local_only.write_text(f'[journal]\nlocal = "{tmp_path / "j.db"}"\n')
    code, _, err = run(capsys, "journal", "export", "--config", str(local_only), "--central")
    assert code == 2
    assert "journal.central" in err
    # Unreachable: exit 1 with the reason, no password.
    sup = central.supervisor("sup", "north")
    config = write_config(tmp_path, central.url(sup, port=free_port()))
    code, out, err = run(capsys, "journal", "export", "--config", str(config), "--central")
    assert code == 1
    assert out == ""
    assert "cannot reach the database server" in err
    assert PASSWORD not in err


def test_local_export_is_unchanged_by_central(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --central the export reads this workstation's journal, as before."""
    login = central.agent("a", "1017", "north")
    config = write_config(tmp_path, central.url(login))
    with Journal(tmp_path / "journal.db") as journal:
        journal.record_event(*ev("local-1", CallState.RINGING, 1_700_000_000.0))
    code, out, _ = run(capsys, "journal", "export", "--config", str(config), "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert "agent" not in row
    assert row["call_id"] == "local-1"
    assert central.rows() == []
