"""The command line as users' scripts use it: real processes, real files."""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import sampledb


def screenpop(
    *args: str, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screenpop", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=timeout,
        env=os.environ.copy(),
    )


@pytest.fixture
def config(tmp_path: Path) -> Path:
    paths = sampledb.build(tmp_path / "db")
    path = tmp_path / "agent.toml"
    path.write_text(
        sampledb.config_text(
            paths,
            credit_query=sampledb.TIMEOUT_SQL,
            credit_timeout_ms=300,
            extra=f'\n[journal]\nlocal = "{tmp_path / "journal.db"}"\n',
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "number",
    [
        "+442079460958",
        "020 7946 0958",
        "0044 20 7946 0958",
        "tel:+44-20-7946-0958",
        "sip:02079460958@pbx.example",
    ],
)
def test_lookup_json_contract(config: Path, number: str) -> None:
    res = screenpop("lookup", number, "--config", str(config), "--json")
    assert res.returncode == 0, res.stderr
    card = json.loads(res.stdout)
    assert set(card) >= {"number", "customer", "matches", "sections", "latency_ms"}
    assert card["number"] == {"received": number, "e164": "+442079460958", "valid": True}
    assert card["customer"] == {"customer_id": "C-200", "name": "Oliver Brown"}
    assert card["sections"]["balance"] == {
        "status": "ok",
        "source": "accounting",
        "data": {"balance": 980.0, "overdue": 400.0, "overdue_days": 75, "currency": "GBP"},
    }
    assert card["sections"]["purchases"]["data"][0]["description"] == "PARTY BUNTING"
    assert card["sections"]["credit"]["status"] == "timeout"
    assert "300 ms" in card["sections"]["credit"]["error"]
    assert card["latency_ms"]["total"] > 0


def test_lookup_unknown_number_is_null_customer(config: Path) -> None:
    res = screenpop("lookup", "+14155550123", "--config", str(config), "--json")
    assert res.returncode == 0
    card = json.loads(res.stdout)
    assert card["customer"] is None
    assert card["matches"] == []


def test_lookup_text_output(config: Path) -> None:
    res = screenpop("lookup", "+358401234567", "--config", str(config))
    assert res.returncode == 0
    assert "Aino Jääskeläinen (#C-100)" in res.stdout


def test_bad_config_exit_2_names_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[source]]\nname="a"\nkind="sql"\nurl="sqlite:///x"\nsection="balance"\ntimeout="1"\n'
    )
    res = screenpop("lookup", "+442079460958", "--config", str(bad), "--json")
    assert res.returncode == 2
    assert "source[0].timeout: unknown key" in res.stderr
    assert res.stdout == ""


def test_bad_usage_exit_2() -> None:
    assert screenpop("lookup").returncode == 2
    assert screenpop("journal", "export", "--since", "last tuesday").returncode == 2


def test_notify_without_instance_fails_clearly() -> None:
    res = screenpop("notify", "+442079460958")
    assert res.returncode == 1
    assert "no running screenpop instance" in res.stderr


def test_notify_imports_no_schema_engine_or_database_layer() -> None:
    """A softphone runs ``notify`` on every ring and the pop waits for it: the
    command must not pay for pydantic, SQLAlchemy or the engine (0.9 s once)."""
    probe = (
        "import sys\n"
        "from screenpop.cli import main\n"
        "rc = main(['notify', '+442079460958'])\n"
        "heavy = sorted(m for m in ('pydantic', 'sqlalchemy', 'screenpop.engine',"
        " 'screenpop.config.schema', 'screenpop.bridges.notify', 'phonenumbers')"
        " if m in sys.modules)\n"
        "print(rc, heavy)\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60, env=os.environ.copy())
    assert res.stdout.strip() == "1 []", res.stdout + res.stderr


class Headless:
    """A ``screenpop run --headless`` process whose stdout lines we can await."""

    def __init__(self, config: Path) -> None:
        self.log_path = config.with_suffix(".stderr.log")
        with self.log_path.open("w") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "screenpop", "run", "--headless", "--config", str(config)],
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env=os.environ.copy(),
            )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def notify(self, *args: str, deadline: float = 20.0) -> str:
        end = time.monotonic() + deadline
        while True:
            res = screenpop("notify", *args)
            if res.returncode == 0:
                return res.stdout.strip()
            if time.monotonic() > end or self.proc.poll() is not None:
                raise AssertionError(f"notify failed: {res.stderr}\n{self.log_path.read_text()}")
            time.sleep(0.1)  # the instance is still starting

    def pop(self, timeout: float = 10.0) -> dict[str, Any]:
        return json.loads(self.lines.get(timeout=timeout))  # type: ignore[no-any-return]


@pytest.fixture
def headless(config: Path) -> Iterator[Headless]:
    h = Headless(config)
    yield h
    if h.proc.poll() is None:
        h.proc.kill()
    h.proc.wait(10)
    assert h.proc.stdout is not None
    h.proc.stdout.close()


def test_headless_pops_and_journals_notified_calls(
    headless: Headless, config: Path, tmp_path: Path
) -> None:
    call_id = headless.notify("+358 40 123 4567", "--name", "Aino", "--call-id", "call-1")
    assert call_id == "call-1"
    pop = headless.pop()
    assert pop["call_id"] == "call-1"
    assert pop["caller_name"] == "Aino"
    assert pop["customer"]["customer_id"] == "C-100"
    assert pop["sections"]["balance"]["status"] == "ok"
    assert pop["sections"]["credit"]["status"] == "timeout"

    # a second instance refuses to start
    second = screenpop("run", "--headless", "--config", str(config), timeout=30)
    assert second.returncode == 1
    assert "already running" in second.stderr

    # unknown caller and a duplicate ring
    headless.notify("+14155550123", "--call-id", "call-2")
    headless.notify("+14155550123", "--call-id", "call-2")
    unknown = headless.pop()
    assert unknown["call_id"] == "call-2"
    assert unknown["customer"] is None
    headless.notify("+358401234567", "--call-id", "call-1", "--event", "answered")
    headless.notify("+358401234567", "--call-id", "call-1", "--event", "ended")
    headless.notify("+14155550123", "--call-id", "call-2", "--event", "ended")
    with pytest.raises(queue.Empty):
        headless.lines.get(timeout=0.5)  # the duplicate ring did not pop again

    headless.proc.send_signal(signal.SIGTERM)
    assert headless.proc.wait(15) == 0

    res = screenpop("journal", "export", "--config", str(config), "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = {r["call_id"]: r for r in json.loads(res.stdout)}
    assert rows["call-1"]["state"] == "ended"
    assert rows["call-1"]["customer_id"] == "C-100"
    assert "credit" in rows["call-1"]["failed_sections"]
    assert rows["call-1"]["pop_latency_ms"] > 0
    assert rows["call-2"]["state"] == "missed"
    assert rows["call-2"]["customer_id"] is None


def test_text_card_says_when_identification_failed(tmp_path: Path) -> None:
    """A broken identify is not an unknown caller, in the terminal card too."""
    db = tmp_path / "erp.db"
    sqlite3.connect(db).close()  # exists, but has no customers table
    path = tmp_path / "broken.toml"
    path.write_text(
        f'[[source]]\nname = "accounting"\nkind = "sql"\nurl = "sqlite:///{db}"\n'
        'section = "balance"\n'
        'identify = "SELECT id AS customer_id, name FROM customers WHERE phone = :e164"\n',
        encoding="utf-8",
    )
    res = screenpop("lookup", "+442079460958", "--config", str(path))
    assert res.returncode == 0, res.stderr
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("Customer"))
    assert line.startswith("Customer could not identify the caller: accounting: ")
    assert "unknown caller" not in res.stdout


def test_render_card_lists_every_failed_identifier() -> None:
    from screenpop.cli.card_text import render_card

    card = {
        "number": {"received": "0207", "e164": "+44207", "valid": True},
        "customer": None,
        "matches": [],
        "sections": {},
        "latency_ms": {},
        "identify_failed": [
            {"source": "erp", "error": "timed out"},
            {"source": "crm", "error": "401"},
        ],
    }
    assert "Customer could not identify the caller: erp: timed out; crm: 401" in render_card(card)
    del card["identify_failed"]
    assert "Customer unknown caller" in render_card(card)
