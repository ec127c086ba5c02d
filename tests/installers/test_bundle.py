"""The PyInstaller bundle runs the command line, the GUI, the journal and the keyring.

One bundle per session (conftest.py); every test runs its real executable.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest

from screenpop import __version__
from tests.installers.conftest import ROOT
from tests.peers import need_program

pytestmark = pytest.mark.slow


def run(
    bundle: Path, *args: str, env: dict[str, str], stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "screenpop"), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=timeout,
    )


def test_version(bundle: Path, app_env: dict[str, str]) -> None:
    res = run(bundle, "--version", env=app_env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"screenpop {__version__}"


def test_lookup_json_gives_the_card(
    bundle: Path, agent_config: Path, app_env: dict[str, str]
) -> None:
    res = run(
        bundle, "lookup", "020 7946 0958", "--config", str(agent_config), "--json", env=app_env
    )
    assert res.returncode == 0, res.stderr
    card = json.loads(res.stdout)
    assert card["number"] == {"received": "020 7946 0958", "e164": "+442079460958", "valid": True}
    assert card["customer"] == {"customer_id": "C-200", "name": "Oliver Brown"}
    assert card["sections"]["balance"] == {
        "status": "ok",
        "source": "accounting",
        "data": {"balance": 980.0, "overdue": 400.0, "overdue_days": 75, "currency": "GBP"},
    }
    assert card["sections"]["purchases"]["data"][0]["description"] == "PARTY BUNTING"
    assert card["sections"]["credit"]["status"] == "ok"


def test_bad_config_exits_2_naming_the_key(
    bundle: Path, tmp_path: Path, app_env: dict[str, str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[agent]\nregoin = "GB"\n', encoding="utf-8")
    res = run(bundle, "doctor", "--config", str(bad), env=app_env)
    assert res.returncode == 2
    assert "agent.regoin" in res.stderr


def test_doctor_passes_and_crosssell_build_says_where_to_build(
    bundle: Path, agent_config: Path, tmp_path: Path, app_env: dict[str, str]
) -> None:
    """doctor reaches every source; the model is built with pip's screenpop, not the bundle."""
    res = run(bundle, "doctor", "--config", str(agent_config), env=app_env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "all checks passed" in res.stdout
    model = tmp_path / "crosssell.model"
    config = tmp_path / "with-model.toml"
    config.write_text(
        agent_config.read_text(encoding="utf-8") + f'\n[crosssell]\nmodel = "{model}"\n',
        encoding="utf-8",
    )
    res = run(bundle, "crosssell", "build", "--config", str(config), env=app_env, timeout=120)
    assert res.returncode == 1
    assert "needs scipy" in res.stderr
    assert "pip install screenpop" in res.stderr
    assert not model.exists()


def test_the_bundle_scores_cross_sells_without_scipy(
    bundle: Path, tmp_path: Path, app_env: dict[str, str]
) -> None:
    """scipy stays out; the demo pops with cross-sells from the model shipped in the bundle."""
    internal = bundle / "_internal"
    assert not (internal / "scipy").exists()
    assert not list(internal.glob("scipy*"))
    assert (internal / "screenpop" / "demo" / "data" / "crosssell.model").is_file()
    res = run(bundle, "demo", "--headless", "--calls", "1", "--interval", "0.5", env=app_env,
              timeout=300)  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    pop = json.loads(res.stdout.splitlines()[0])
    assert pop["customer"] is not None  # the demo's first call: a UK customer
    section = pop["sections"]["cross_sells"]
    assert section["status"] == "ok", section
    assert section["data"], section


def test_headless_run_pops_notified_call_and_journals_it(
    bundle: Path, agent_config: Path, tmp_path: Path, app_env: dict[str, str]
) -> None:
    """run --headless: the notify bridge, a lookup, the journal created by its migrations."""
    proc = subprocess.Popen(
        [str(bundle / "screenpop"), "run", "--headless", "--config", str(agent_config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            res = run(bundle, "notify", "+442079460958", "--name", "Oliver", env=app_env)
            if res.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.3)  # not listening yet
        assert res.returncode == 0, res.stderr
        call_id = res.stdout.strip()
        assert proc.stdout is not None
        line = proc.stdout.readline()
        pop = json.loads(line)
        assert pop["call_id"] == call_id
        assert pop["customer"] == {"customer_id": "C-200", "name": "Oliver Brown"}
        res = run(bundle, "notify", "+442079460958", "--call-id", call_id, "--event", "ended",
                  env=app_env)  # fmt: skip
        assert res.returncode == 0, res.stderr
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    res = run(bundle, "journal", "export", "--config", str(agent_config), "--format", "json",
              env=app_env)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert call_id in res.stdout


def test_ships_resources_migrations_demo_data_and_no_unused_qt(bundle: Path) -> None:
    internal = bundle / "_internal"
    package = internal / "screenpop"
    for rel in (
        "resources/style.qss",
        "resources/icons/screenpop.svg",
        "resources/icons/screenpop-warning.svg",
        "journal/migrations/env.py",
        "journal/migrations/versions/0001_initial.py",
        "demo/data/lines.csv.gz",
        "demo/data/customers.csv.gz",
        "demo/data/products.csv.gz",
    ):
        assert (package / rel).is_file(), rel
    catalogues = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    assert catalogues  # the UI's languages; scripts/bootstrap.sh compiles each to .qm
    for ts in catalogues:
        assert (package / "resources" / "translations" / f"{ts.stem}.qm").is_file(), ts.name
    shipped = {p.name for p in internal.rglob("*")}
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6",
                   "libQt6Pdf.so.6", "QtWebEngineCore.abi3.so", "QtQml.abi3.so"):  # fmt: skip
        assert unused not in shipped
    assert "keyrings" not in {p.name for p in internal.iterdir()}  # never keyrings.alt


def _until_ready(argv: list[str], env: dict[str, str], timeout: float = 60) -> tuple[str, str]:
    """Start ``argv`` in its own session, wait for the ready line, end the whole session."""
    proc = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if "ready (" in line:
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(timeout)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(30)
    reader.join(10)
    assert proc.stderr is not None
    proc.stderr.close()
    text = "".join(lines)
    line = next((x for x in lines if "ready (" in x), "")
    return line, text


def test_gui_is_ready_in_the_tray_on_a_real_display(
    bundle: Path, agent_config: Path, app_env: dict[str, str]
) -> None:
    """Under Xvfb with trayer as the tray host: the tray icon, style and icons load."""
    xvfb = need_program("xvfb-run")
    need_program("trayer")
    env = dict(app_env, QT_QPA_PLATFORM="xcb", APP=str(bundle / "screenpop"),
               CONFIG=str(agent_config))  # fmt: skip
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    script = 'trayer >/dev/null 2>&1 & sleep 1; exec "$APP" run --config "$CONFIG"'
    line, text = _until_ready([xvfb, "-a", "sh", "-c", script], env)
    assert "ready (tray)" in line, text
    assert "missing" not in text, text
    assert "not loaded" not in text, text


def test_secret_set_reaches_a_real_secret_service(
    bundle: Path, tmp_path: Path, app_env: dict[str, str]
) -> None:
    """The bundled keyring finds the Secret Service (gnome-keyring under dbus-run-session)."""
    dbus = need_program("dbus-run-session")
    need_program("gnome-keyring-daemon")
    need_program("secret-tool")
    home = tmp_path / "home"
    (home / "run").mkdir(parents=True, mode=0o700)
    value = "s3cret-" + uuid.uuid4().hex
    env = dict(app_env, HOME=str(home), XDG_RUNTIME_DIR=str(home / "run"),
               XDG_DATA_HOME=str(home / "data"), APP=str(bundle / "screenpop"),
               KEYRING_PW="unlock-" + uuid.uuid4().hex, VALUE=value)  # fmt: skip
    script = (
        'printf %s "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1\n'
        'printf "%s\\n" "$VALUE" | "$APP" secret set screenpop/erp-db || exit 10\n'
        'echo "stored: $(secret-tool lookup service screenpop username erp-db)"\n'
        '"$APP" doctor | grep keyring\n'
    )
    res = subprocess.run(
        [dbus, "--", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=90
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert f"stored: {value}" in res.stdout, res.stdout + res.stderr
    assert "keyring.backends.SecretService" in res.stdout, res.stdout
    assert value not in res.stderr
