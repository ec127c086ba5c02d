"""The .deb: control fields, conffiles, file list, and the extracted tree runs.

Extracted with ``dpkg -x`` into a temporary root (nothing is installed on the
machine), then run from there as IT would after a silent install, with a
pre-seeded machine-wide config that locks keys.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from screenpop import __version__
from tests.peers import need_program

pytestmark = pytest.mark.slow

MACHINE_CONFIG = "etc/xdg/screenpop/screenpop.toml"
AUTOSTART = "etc/xdg/autostart/screenpop.desktop"


def dpkg_deb(*args: str) -> str:
    return subprocess.run(
        [need_program("dpkg-deb"), *args], capture_output=True, text=True, check=True, timeout=120
    ).stdout


@pytest.fixture(scope="module")
def root(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's files as ``dpkg -x`` lays them out (a temporary root)."""
    target = tmp_path_factory.mktemp("root")
    dpkg_deb("-x", str(deb), str(target))
    return target


def test_control_fields(deb: Path) -> None:
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert deb.name == f"screenpop_{__version__}-1_{arch}.deb"
    fields = dict(re.findall(r"^(\S+): (.*)$", dpkg_deb("-f", str(deb)), flags=re.MULTILINE))
    assert fields["Package"] == "screenpop"
    assert fields["Version"] == f"{__version__}-1"
    assert fields["Architecture"] == arch
    assert fields["Maintainer"]
    assert int(fields["Installed-Size"]) > 100_000  # KiB: the bundle is hundreds of MB
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert re.fullmatch(r"libc6 \(>= \d+\.\d+\)", depends[0])
    assert "libxcb1" in depends  # Qt's xcb platform plugin: the one X library not bundled
    info = dpkg_deb("-I", str(deb))
    assert "conffiles" in info


def test_conffiles_are_the_files_in_etc(deb: Path, tmp_path: Path) -> None:
    dpkg_deb("-e", str(deb), str(tmp_path / "DEBIAN"))
    conffiles = (tmp_path / "DEBIAN" / "conffiles").read_text().split()
    assert sorted(conffiles) == sorted(["/" + MACHINE_CONFIG, "/" + AUTOSTART])


def test_file_list(deb: Path) -> None:
    listing = dpkg_deb("-c", str(deb))
    entries = {}
    for line in listing.splitlines():
        mode, owner, _size, _date, _time, name = line.split(None, 5)
        entries[name.split(" -> ")[0]] = (mode, owner)
    for path, mode in (
        ("./opt/screenpop/screenpop", "-rwxr-xr-x"),
        ("./usr/bin/screenpop", "-rwxr-xr-x"),
        ("./" + MACHINE_CONFIG, "-rw-r--r--"),
        ("./" + AUTOSTART, "-rw-r--r--"),
        ("./usr/share/applications/screenpop.desktop", "-rw-r--r--"),
        ("./usr/share/icons/hicolor/scalable/apps/screenpop.svg", "-rw-r--r--"),
        ("./usr/share/doc/screenpop/copyright", "-rw-r--r--"),
        ("./opt/screenpop/_internal/screenpop/resources/style.qss", "-rw-r--r--"),
        ("./opt/screenpop/_internal/screenpop/journal/migrations/env.py", "-rw-r--r--"),
        ("./opt/screenpop/_internal/screenpop/demo/data/lines.csv.gz", "-rw-r--r--"),
    ):
        assert entries.get(path, ("missing",))[0] == mode, path
    assert {owner for _mode, owner in entries.values()} == {"root/root"}
    outside = {
        name
        for name in entries
        if not name.startswith(("./opt/screenpop/", "./usr/share/", "./etc/xdg/"))
        and not name.endswith("/")
    }
    assert outside == {"./usr/bin/screenpop"}


def test_desktop_entries(root: Path) -> None:
    for rel in ("usr/share/applications/screenpop.desktop", AUTOSTART):
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str  # type: ignore[assignment,method-assign]
        entry.read(root / rel, encoding="utf-8")
        desktop = entry["Desktop Entry"]
        assert desktop["Type"] == "Application"
        assert desktop["Exec"] == "screenpop run"
        assert desktop["Icon"] == "screenpop"


def test_shipped_machine_config_sets_nothing(root: Path) -> None:
    """As shipped the machine-wide file is all comments: a valid, empty layer."""
    assert tomllib.loads((root / MACHINE_CONFIG).read_text(encoding="utf-8")) == {}


def test_extracted_tree_runs_with_a_preseeded_locked_machine_config(
    root: Path, tmp_path: Path, app_env: dict[str, str], agent_config: Path
) -> None:
    """IT's workflow: the machine file carries the sources and locks them and the
    region; an agent's own file tries to change both and is overruled. Run
    through /usr/bin/screenpop with its paths moved into the temporary root,
    from a desktop session whose XDG_CONFIG_DIRS puts another directory first."""
    machine = tmp_path / "etc" / "screenpop.toml"  # the extracted root stays as shipped
    machine.parent.mkdir()
    shipped = (root / MACHINE_CONFIG).read_text(encoding="utf-8")
    sources = agent_config.read_text(encoding="utf-8")
    machine.write_text(
        'lock = ["source", "agent.region"]\n' + sources + "\n" + shipped, encoding="utf-8"
    )
    launcher = tmp_path / "screenpop"
    launcher.write_text(
        (root / "usr/bin/screenpop")
        .read_text(encoding="utf-8")
        .replace("/opt/screenpop/", f"{root}/opt/screenpop/"),
        encoding="utf-8",
    )
    user_file = Path(app_env["XDG_CONFIG_HOME"]) / "screenpop" / "screenpop.toml"
    user_file.parent.mkdir(parents=True)
    user_file.write_text(
        '[agent]\nregion = "FI"\n\n[[source]]\nname = "mine"\nkind = "sql"\n'
        'url = "sqlite:///nowhere.db"\nsection = "balance"\nquery = "SELECT 1 AS balance"\n',
        encoding="utf-8",
    )
    # The managed path is fixed; this test's stand-in for it is the override,
    # honoured because no managed file is installed on the test machine.
    env = dict(app_env, XDG_CONFIG_DIRS="/etc/xdg/xdg-ubuntu:/etc/xdg",
               SCREENPOP_MACHINE_CONFIG=str(machine))
    res = subprocess.run(
        ["sh", str(launcher), "lookup", "020 7946 0958", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    card = json.loads(res.stdout)
    assert card["number"]["e164"] == "+442079460958"  # region GB, not the agent's FI
    assert card["customer"] == {"customer_id": "C-200", "name": "Oliver Brown"}
    assert card["sections"]["balance"]["source"] == "accounting"
    assert "source is locked by the machine-wide config" in res.stderr
    assert "agent.region is locked by the machine-wide config" in res.stderr

    version = subprocess.run(
        [str(root / "opt/screenpop/screenpop"), "--version"],
        capture_output=True,
        text=True,
        env=app_env,
        timeout=60,
    )
    assert version.stdout.strip() == f"screenpop {__version__}"


def test_launcher_starts_the_bundle(root: Path) -> None:
    text = (root / "usr/bin/screenpop").read_text(encoding="utf-8")
    assert text.startswith("#!/bin/sh\n")
    assert text.rstrip().endswith('exec /opt/screenpop/screenpop "$@"')
    assert os.access(root / "usr/bin/screenpop", os.X_OK)
