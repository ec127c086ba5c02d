"""The Windows MSI under Wine: silent install, the installed CLI, upgrade, uninstall.

What runs here is what IT runs: ``msiexec /i screenpop.msi /qn CONFIG=...
AUTOSTART=1`` into a fresh Wine prefix, then the installed
``screenpop-cli.exe``. The MSIs come from ``installers/windows/build-msi``:
``scripts/test-windows`` (the Wine stage of ``scripts/test``) builds them once
and names them in ``SCREENPOP_TEST_MSI`` / ``SCREENPOP_TEST_OLD_MSI``; without
those this module builds them itself (minutes). Without Wine the tests skip on
a laptop and fail when ``CI=true``.

Limits of Wine 8 (not of Windows), so not tested here: the Qt GUI (Qt6Core
needs icuuc.dll, which Windows 10+ ship and Wine 8 does not) and numpy (it
aborts on ucrtbase.crealf), hence configs without a cross-sell model. The
test prefix gets the bcryptprimitives.dll stand-in pydantic-core needs
(installers/windows/wine); the MSI never carries it.
"""

from __future__ import annotations

import getpass
import json
import os
import queue
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from screenpop import __version__
from tests import sampledb
from tests.installers.conftest import BUILD_CACHE, ROOT
from tests.peers import free_port, need, need_program

# Wine starts each Windows process in seconds, more on a busy machine: these
# are bounded by their own deadlines, not the suite's 120 s per test.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

#: Read at import: tests/conftest.py clears SCREENPOP_* per test.
PREBUILT_MSI = os.environ.get("SCREENPOP_TEST_MSI", "")
PREBUILT_OLD_MSI = os.environ.get("SCREENPOP_TEST_OLD_MSI", "")
CACHE = Path(
    os.environ.get("SP_WINDOWS_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "screenpop-windows"
)
OLD_VERSION = "0.0.1"


def winpath(path: Path) -> str:
    return "Z:" + str(path.resolve()).replace("/", "\\")


#: Pipes a Wine helper process still holds open after the program exited
#: (kept referenced so that they are not garbage-collected under their reader).
_HELD_OPEN: list[object] = []


@dataclass
class Prefix:
    """A fresh Wine prefix: a Windows of its own for one test module."""

    path: Path
    env: dict[str, str]

    def run(
        self, *argv: str, timeout: float = 180, check: bool = False
    ) -> subprocess.CompletedProcess[str]:
        """Run a Windows program with pipes on every stream (Wine 8 needs them).

        Done when the program exits, not when its pipes close: a Wine helper
        process the program started (explorer, a device service) can inherit
        them and hold them open long after it ended.
        """
        proc = subprocess.Popen(
            ["nice", "-n", "10", "wine", *argv],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=self.env,
        )  # fmt: skip
        assert proc.stdin is not None
        proc.stdin.close()
        chunks: dict[str, list[bytes]] = {"out": [], "err": []}

        def read(name: str, stream: object) -> None:
            for chunk in iter(lambda: stream.read1(65536), b""):  # type: ignore[attr-defined]
                chunks[name].append(chunk)

        readers = [
            threading.Thread(target=read, args=("out", proc.stdout), daemon=True),
            threading.Thread(target=read, args=("err", proc.stderr), daemon=True),
        ]
        for reader in readers:
            reader.start()
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
        for reader, stream in zip(readers, (proc.stdout, proc.stderr), strict=True):
            reader.join(5)
            if reader.is_alive():  # a Wine helper holds the pipe: leave its reader be
                _HELD_OPEN.append(stream)
            elif stream is not None:
                stream.close()

        def text(name: str) -> str:
            return b"".join(chunks[name]).decode("utf-8", errors="replace").replace("\r\n", "\n")

        res = subprocess.CompletedProcess(["wine", *argv], rc, text("out"), text("err"))
        if check:
            assert res.returncode == 0, f"{argv}: {res.returncode}\n{res.stdout}\n{res.stderr}"
        return res

    def wait(self) -> None:
        subprocess.run(["wineserver", "-w"], env=self.env, check=True, timeout=300)

    @property
    def c(self) -> Path:
        return self.path / "drive_c"

    @property
    def install_dir(self) -> Path:
        return self.c / "Program Files" / "screenpop"

    @property
    def machine_config(self) -> Path:
        return self.c / "ProgramData" / "screenpop" / "screenpop.toml"

    @property
    def shortcuts(self) -> list[Path]:
        """screenpop.lnk wherever it is: all users' Start menu on Windows (ALLUSERS=1);
        Wine 8's msi puts it in the installing user's."""
        menus = [self.c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs",
                 self.c / "users" / getpass.getuser() / "AppData" / "Roaming" / "Microsoft"
                 / "Windows" / "Start Menu" / "Programs"]  # fmt: skip
        return [m / "screenpop.lnk" for m in menus if (m / "screenpop.lnk").is_file()]

    def cli(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return self.run(str(self.install_dir / "screenpop-cli.exe"), *args, timeout=timeout)

    def reg(self, key: str, value: str) -> str | None:
        res = self.run("reg", "query", key, "/v", value, timeout=60)
        if res.returncode != 0:
            return None
        for line in res.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == value:
                return parts[2].strip()
        return ""

    def products(self) -> list[str]:
        """DisplayName/DisplayVersion of every installed product named screenpop."""
        uninstall = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
        res = self.run("reg", "query", uninstall, "/s", timeout=60)
        found, name = [], ""
        for line in res.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == "DisplayName":
                name = parts[2].strip()
            if len(parts) == 3 and parts[0] == "DisplayVersion" and name == "screenpop":
                found.append(f"{name} {parts[2].strip()}")
                name = ""
        return found


def _wine_env(prefix: Path) -> dict[str, str]:
    # SCREENPOP_* would be config overrides to the Windows program (Wine passes
    # the environment on): none but what a test sets.
    drop = ("PYTHON", "DISPLAY", "SCREENPOP_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env.update(
        WINEPREFIX=str(prefix),
        WINEDEBUG="-all",
        WINEDLLOVERRIDES="mscoree,mshtml=",
    )
    return env


def _make_prefix(path: Path) -> Prefix:
    env = _wine_env(path)
    script = f'. "{ROOT}/installers/windows/wine.sh" && wine_prefix "{path}"'
    subprocess.run(["bash", "-c", script], env={**env, "SP_WINDOWS_CACHE": str(CACHE)},
                   check=True, timeout=300)  # fmt: skip
    return Prefix(path, env)


def _build(out: Path, *extra: str) -> Path:
    res = subprocess.run(
        ["bash", str(ROOT / "installers" / "windows" / "build-msi"), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        timeout=3600,
        env={**os.environ, "SP_WINDOWS_CACHE": str(CACHE),
             "SP_BUILD_CACHE": str(BUILD_CACHE)},
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-5000:]
    return Path(res.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def msis(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(older, newer) MSIs of the same bundle: 0.0.1 and this version."""
    need_program("wine")
    need_program("wixl")
    need_program("msibuild")
    if PREBUILT_MSI and PREBUILT_OLD_MSI:
        return Path(PREBUILT_OLD_MSI), Path(PREBUILT_MSI)
    out = tmp_path_factory.mktemp("msi")
    new = _build(out)
    old = _build(out, "--bundle", str(out / "screenpop"), "--msi-version", OLD_VERSION)
    return old, new


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return sampledb.build(tmp_path_factory.mktemp("db"))


def _config(sources: dict[str, Path], folder: Path, bridges: str = "", **kwargs: object) -> Path:
    """The sample SQLite sources as the Windows program sees them (Z:/...)."""
    win = {k: Path(winpath(v).replace("\\", "/")) for k, v in sources.items()}
    journal = winpath(folder / "journal.db").replace("\\", "/")
    extra = f'\n[[bridge]]\nkind = "notify"\n{bridges}\n[journal]\nlocal = "{journal}"\n'
    text = sampledb.config_text(win, extra=extra, **kwargs)  # type: ignore[arg-type]
    path = folder / "agent.toml"
    path.write_text(text, encoding="utf-8")
    return path


IT_CONFIG = '# IT\'s machine config, passed as CONFIG=\nlock = ["ui.linger_s"]\n\n[ui]\nlinger_s = 6\n'


@pytest.fixture(scope="module")
def installed(msis: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prefix]:
    """Older MSI installed with CONFIG and AUTOSTART, its config edited, then upgraded."""
    old, new = msis
    prefix = _make_prefix(tmp_path_factory.mktemp("wine") / "prefix")
    it = tmp_path_factory.mktemp("it") / "screenpop.toml"
    it.write_text(IT_CONFIG, encoding="utf-8")
    started = time.monotonic()
    prefix.run("msiexec", "/i", winpath(old), "/qn", f"CONFIG={winpath(it)}", "AUTOSTART=1",
               timeout=900, check=True)  # fmt: skip
    prefix.wait()
    print(f"msiexec /i (older MSI) under Wine: {time.monotonic() - started:.1f} s")
    assert prefix.machine_config.read_text(encoding="utf-8") == IT_CONFIG
    assert prefix.reg(r"HKLM\Software\screenpop", "Version") == OLD_VERSION
    # IT edits the machine config on the desk; the upgrade must keep the edit.
    edited = IT_CONFIG + "# edited on this desk\n"
    prefix.machine_config.write_text(edited, encoding="utf-8")
    started = time.monotonic()
    prefix.run("msiexec", "/i", winpath(new), "/qn", "AUTOSTART=1", timeout=900, check=True)
    prefix.wait()
    print(f"msiexec /i (upgrade) under Wine: {time.monotonic() - started:.1f} s")
    yield prefix
    subprocess.run(["wineserver", "-k"], env=prefix.env, check=False, timeout=60)


def test_upgrade_in_place_keeps_the_edited_machine_config(installed: Prefix) -> None:
    assert installed.products() == [f"screenpop {__version__}"]  # one installed copy
    assert installed.reg(r"HKLM\Software\screenpop", "Version") == __version__
    assert installed.machine_config.read_text(encoding="utf-8").endswith("# edited on this desk\n")
    assert (installed.install_dir / "screenpop.exe").is_file()
    assert not (installed.c / "Program Files (x86)" / "screenpop").exists()


def test_installed_layout_shortcut_and_autostart(installed: Prefix) -> None:
    inside = {p.name for p in installed.install_dir.iterdir()}
    assert inside == {"screenpop.exe", "screenpop-cli.exe", "screenpop.default.toml", "_internal"}
    internal = installed.install_dir / "_internal"
    shipped = {p.name.lower() for p in internal.rglob("*")}
    assert "bcryptprimitives.dll" not in shipped  # the Wine stand-in never ships
    assert "scipy" not in {p.name for p in internal.iterdir()}  # the agent bundle is lean
    assert "numpy" in {p.name for p in internal.iterdir()}  # pop-time scoring on Windows
    assert len(installed.shortcuts) == 1
    run = installed.reg(r"HKLM\Software\Microsoft\Windows\CurrentVersion\Run", "screenpop")
    assert run == '"C:\\Program Files\\screenpop\\screenpop.exe"'


def test_version(installed: Prefix) -> None:
    res = installed.cli("--version")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"screenpop {__version__}"


def test_lookup_json_customer_unknown_and_deadline(
    installed: Prefix, sources: dict[str, Path], tmp_path: Path
) -> None:
    config = _config(sources, tmp_path)
    # A named time zone (warranty's "today"): Windows has no zoneinfo files, so
    # this loads only if the bundle carries tzdata.
    text = config.read_text(encoding="utf-8")
    assert "[agent]\n" in text
    config.write_text(
        text.replace("[agent]\n", '[agent]\ntime_zone = "Europe/Helsinki"\n', 1), encoding="utf-8"
    )
    res = installed.cli("lookup", "020 7946 0958", "--config", winpath(config), "--json")
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

    res = installed.cli("lookup", "+44 20 7946 0000", "--config", winpath(config), "--json")
    assert res.returncode == 0, res.stderr
    unknown = json.loads(res.stdout)
    assert unknown["customer"] is None
    assert unknown["matches"] == []
    assert unknown["number"]["e164"] == "+442079460000"

    (tmp_path / "slow").mkdir()
    slow = _config(sources, tmp_path / "slow", credit_query=sampledb.TIMEOUT_SQL,
                   credit_timeout_ms=300)  # fmt: skip
    res = installed.cli("lookup", "+358 40 123 4567", "--config", winpath(slow), "--json")
    assert res.returncode == 0, res.stderr
    late = json.loads(res.stdout)
    assert late["customer"]["customer_id"] == "C-100"
    assert late["sections"]["balance"]["status"] == "ok"
    credit = late["sections"]["credit"]
    assert credit["status"] == "timeout", credit
    assert "300 ms" in credit["error"]
    assert late["latency_ms"]["total"] < 5000  # the lookup did not wait for the query


def test_the_machine_config_applies_and_its_locks_hold(
    installed: Prefix, sources: dict[str, Path], tmp_path: Path
) -> None:
    """IT's file in C:\\ProgramData\\screenpop is the locked layer, as /etc/xdg/screenpop is."""
    config = _config(sources, tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + "\n[ui]\nlinger_s = 1\n", encoding="utf-8")
    res = installed.cli("lookup", "020 7946 0958", "--config", winpath(config), "--json")
    assert res.returncode == 0, res.stderr
    assert "ui.linger_s is locked by the machine-wide config; ignored" in res.stderr
    # A broken machine config stops every command with its path named (exit 2).
    machine = installed.machine_config
    kept = machine.read_text(encoding="utf-8")
    try:
        machine.write_text(kept + "\n[agent]\nregoin = 1\n", encoding="utf-8")
        res = installed.cli("lookup", "020 7946 0958", "--config", winpath(config), "--json")
        assert res.returncode == 2
        assert "C:\\ProgramData\\screenpop\\screenpop.toml" in res.stderr
        assert "agent.regoin" in res.stderr
        assert res.stdout == ""
    finally:
        machine.write_text(kept, encoding="utf-8")


def test_doctor_and_a_secret_in_credential_manager(
    installed: Prefix, sources: dict[str, Path], tmp_path: Path
) -> None:
    """secret set stores in Credential Manager (WinVaultKeyring); doctor reads it back."""
    webhook = f'\n[[bridge]]\nkind = "webhook"\nlisten = "127.0.0.1:{free_port()}"\nsecret = "keyring:screenpop/webhook"\n'
    config = winpath(_config(sources, tmp_path, bridges=webhook))
    res = installed.cli("doctor", "--config", config)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "screenpop/webhook" in res.stdout
    res = installed.cli("secret", "set", "screenpop/webhook")  # empty stdin: refused
    assert res.returncode == 1
    assert "empty secret" in res.stderr
    proc = subprocess.run(
        ["wine", str(installed.install_dir / "screenpop-cli.exe"), "secret", "set", "screenpop/webhook"],
        input="s3cret-wine\n", capture_output=True, text=True, env=installed.env, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "s3cret-wine" not in proc.stdout + proc.stderr
    res = installed.cli("doctor", "--config", config)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "all checks passed" in res.stdout
    assert "WinVaultKeyring" in res.stdout, res.stdout
    assert "screenpop/webhook present" in res.stdout
    assert "s3cret-wine" not in res.stdout + res.stderr


def _reap(proc: subprocess.Popen[str], *readers: _Lines) -> None:
    """Wait for a killed process, its pipes' readers (they end at EOF), close the pipes."""
    proc.wait(60)
    for reader in readers:
        reader.thread.join(30)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


class _Lines:
    """Lines of a stream, read on a thread, waited for with a deadline."""

    def __init__(self, stream: object) -> None:
        self.q: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.q.put(line)

    def next(self, timeout: float) -> str:
        line = self.q.get(timeout=timeout)
        self.seen.append(line)
        return line

    def drain(self) -> list[str]:
        """Every line that arrived so far."""
        got = []
        while not self.q.empty():
            got.append(self.q.get())
        self.seen.extend(got)
        return got


def test_headless_run_pops_a_notified_call_and_journals_it(
    installed: Prefix, sources: dict[str, Path], tmp_path: Path
) -> None:
    """The named pipe end to end: notify -> the running instance -> a pop -> the journal."""
    config = _config(sources, tmp_path)
    exe = str(installed.install_dir / "screenpop-cli.exe")
    proc = subprocess.Popen(
        ["wine", exe, "run", "--headless", "--config", winpath(config)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", env=installed.env,
    )  # fmt: skip
    out, err = _Lines(proc.stdout), _Lines(proc.stderr)
    try:
        deadline = time.monotonic() + 300
        while True:
            res = installed.cli("notify", "+442079460958", "--name", "Oliver", "--call-id", "w-1")
            if res.returncode == 0 or time.monotonic() > deadline or proc.poll() is not None:
                break
            time.sleep(1)  # not listening yet
        assert res.returncode == 0, res.stderr + "".join(err.seen)
        assert res.stdout.strip() == "w-1"
        pop = json.loads(out.next(timeout=120))
        assert pop["call_id"] == "w-1"
        assert pop["caller_name"] == "Oliver"
        assert pop["customer"] == {"customer_id": "C-200", "name": "Oliver Brown"}
        second = installed.cli("run", "--headless", "--config", winpath(config))
        assert second.returncode == 1  # one instance per user
        assert "already running" in second.stderr
        res = installed.cli("notify", "+442079460958", "--call-id", "w-1", "--event", "ended")
        assert res.returncode == 0, res.stderr
    finally:
        proc.kill()  # no SIGTERM on Windows; the journal is durable at each event
        _reap(proc, out, err)
    installed.wait()
    res = installed.cli("journal", "export", "--config", winpath(config), "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    (row,) = [r for r in rows if r["call_id"] == "w-1"]
    assert row["state"] == "missed"  # rang, then ended unanswered
    after = installed.cli("notify", "+442079460958")
    assert after.returncode == 1
    assert "no running screenpop instance" in after.stderr


def test_the_windowed_app_starts_with_qt_offscreen(
    installed: Prefix, sources: dict[str, Path], tmp_path: Path
) -> None:
    """screenpop.exe, the agent app: Qt starts (offscreen), the app says it is
    ready, and a notified call reaches its engine, which runs in a second
    process started from the same frozen executable (screenpop.remote:
    ``multiprocessing.freeze_support`` in the bundle's entry), and is journaled.
    When the app is killed its engine process ends too (``installed.wait()``
    waits for every Wine process) and the journal keeps the call.

    Qt6Core needs icuuc.dll, which Windows 10+ ship and Wine 8 lacks: the test
    prefix has the stand-in (installers/windows/wine/icuuc.c). A real display,
    the tray and the pop window as an agent sees them are for real Windows.
    """
    config = _config(sources, tmp_path)
    log = (installed.c / "users" / getpass.getuser() / "AppData" / "Local" / "screenpop"
           / "Logs" / "screenpop.log")  # fmt: skip
    env = dict(installed.env, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        ["wine", str(installed.install_dir / "screenpop.exe"), "-v", "run", "--config",
         winpath(config)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", errors="replace", env=env,
    )  # fmt: skip
    err = _Lines(proc.stderr)
    ready = ""
    popped = False
    rang = None

    def logged() -> str:  # the log file when stderr is none, else stderr
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        return text + "".join(err.seen)

    try:
        deadline = time.monotonic() + 180
        while not ready and time.monotonic() < deadline and proc.poll() is None:
            err.drain()
            ready = next((line for line in logged().splitlines() if "ready (" in line), "")
            time.sleep(1)
        if ready:
            rang = installed.cli("notify", "+442079460958", "--call-id", "w-gui")
        while rang is not None and rang.returncode == 0 and not popped:
            err.drain()
            popped = "call w-gui ringing" in logged()  # logged by the engine, written here
            if time.monotonic() > deadline or proc.poll() is not None:
                break
            time.sleep(0.5)
    finally:
        proc.kill()
        _reap(proc, err)
    installed.wait()
    shown = logged()
    assert ready, shown
    assert "Traceback" not in shown
    assert rang is not None
    assert rang.returncode == 0, rang.stderr + shown
    assert popped, shown
    res = installed.cli("journal", "export", "--config", winpath(config), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert [r["call_id"] for r in json.loads(res.stdout)] == ["w-gui"]


def test_notify_pipe_refuses_intruders(installed: Prefix, tmp_path: Path) -> None:
    """What Wine can prove of the pipe: its DACL, the token, the lock, a silent client.

    Another Windows user cannot be made under Wine (one user, no ACL checks
    between processes): the DACL read back is the evidence; the refusal of a
    second user is tested with a real second OS user on Linux
    (tests/bridges/test_notify.py) and left to a real Windows machine here.
    """
    python = next(CACHE.glob("buildpy-*/python.exe"), None)
    need(python is not None, "the build Python of installers/windows/build-msi")
    assert python is not None
    runtime = tmp_path / "run"
    res = installed.run(str(python), winpath(ROOT / "tests" / "installers" / "wine_pipe_check.py"),
                        winpath(runtime), timeout=300)  # fmt: skip
    assert res.returncode == 0, res.stdout + res.stderr
    seen = json.loads(res.stdout.strip().splitlines()[-1])
    sid = seen["sid"]
    assert seen["address"].startswith("\\\\.\\pipe\\screenpop-")
    assert len(seen["address"]) > 40
    # One entry, the user's, nothing inherited (Windows reads GENERIC_ALL back
    # as FA, Wine as GA).
    assert re.fullmatch(rf"D:P\(A;;(GA|FA);;;{sid}\)", seen["pipe_dacl"]), seen
    # The folder's DACL: Wine 8 keeps its own on files and folders (the set is
    # answered with success and changes nothing): proven on Windows only.
    assert seen["second_claim"].startswith("AlreadyRunning"), seen
    assert seen["call_id"] == "wine-1"
    assert seen["answered_beside_silent_s"] < 4  # the silent client held nobody up
    assert seen["wrong_token"] == {"ok": False, "error": "bad token"}
    assert seen["no_token"] == {"ok": False, "error": "bad token"}
    assert seen["events"] == ["wine-1"]  # the intruders' calls never reached the engine
    assert seen["stopped"]
    assert not seen["pipe_file_after_stop"]
    assert "no running screenpop instance" in seen["after_stop"]
    assert seen["reclaimed"]


def test_uninstall_leaves_nothing_behind(installed: Prefix) -> None:
    """Runs last in this module: removes what the module installed."""
    started = time.monotonic()
    # msiexec /x takes the product code (new per build): found by the name.
    uninstall = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
    listing = installed.run("reg", "query", uninstall, timeout=60).stdout
    codes = [line.strip().rsplit("\\", 1)[-1] for line in listing.splitlines()
             if line.strip().startswith("HKEY") and "{" in line]  # fmt: skip
    removed = False
    for code in codes:
        name = installed.reg(f"{uninstall}\\{code}", "DisplayName")
        if name == "screenpop":
            installed.run("msiexec", "/x", code, "/qn", timeout=900, check=True)
            removed = True
    installed.wait()
    assert removed
    print(f"msiexec /x under Wine: {time.monotonic() - started:.1f} s")
    assert installed.products() == []
    assert not installed.install_dir.exists()
    assert not (installed.c / "ProgramData" / "screenpop").exists()
    assert installed.shortcuts == []
    assert installed.reg(r"HKLM\Software\Microsoft\Windows\CurrentVersion\Run", "screenpop") is None
    assert installed.reg(r"HKLM\Software\screenpop", "Version") is None
