"""The wheel carries what the app reads at run time: resources, migrations, demo data."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject() -> None:
    """pyproject lists packages (to map resources/ in); a new one must not go missing."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "screenpop").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert listed - on_disk == {"screenpop.resources"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the tree, so setuptools' build/ in the checkout plays no part."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("screenpop", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(src)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (whl,) = out.glob("screenpop-*.whl")
    return whl


@pytest.mark.slow
def test_wheel_ships_resources_migrations_and_demo_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = ROOT / "resources"
    expected = {
        f"screenpop/resources/{p.relative_to(resources).as_posix()}"
        for pattern in ("*.qss", "icons/*.svg", "translations/*.qm")
        for p in resources.glob(pattern)
    }
    assert "screenpop/resources/style.qss" in expected
    assert "screenpop/resources/icons/screenpop.svg" in expected
    assert expected <= names
    for path in (
        "screenpop/journal/migrations/env.py",
        "screenpop/journal/migrations/versions/0001_initial.py",
        "screenpop/demo/data/lines.csv.gz",
        "screenpop/demo/data/customers.csv.gz",
        "screenpop/demo/data/products.csv.gz",
        "screenpop/demo/data/screenpop-demo.toml",
    ):
        assert path in names


@pytest.mark.slow
def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    """Installed (not editable), the UI loads the style sheet and icons from the package."""
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    probe = (
        "import json, screenpop\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from screenpop.ui.resources import icon, resources_dir, style_sheet\n"
        "print(json.dumps({'package': screenpop.__file__, 'dir': str(resources_dir()),\n"
        "  'qss': len(style_sheet()), 'icon': not icon('screenpop').isNull(),\n"
        "  'warning': not icon('screenpop-warning').isNull()}))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
    res = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    found = json.loads(res.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert found["dir"] == str(site / "screenpop" / "resources")
    assert found["qss"] == len((ROOT / "resources" / "style.qss").read_text(encoding="utf-8"))
    assert found["icon"]
    assert found["warning"]


def test_machine_config_template_examples_are_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """installers/deb/screenpop.toml ships commented out; uncommented, it must load."""
    from screenpop.config.loader import load_config

    template = (ROOT / "installers" / "deb" / "screenpop.toml").read_text(encoding="utf-8")
    example = re.compile(r"^# (\[|lock = |[a-z_]+ = )")
    lines = [line[2:] if example.match(line) else line for line in template.splitlines()]
    uncommented = "\n".join(lines)
    assert uncommented.count("\n[") >= 4  # agent, bridge, source, crosssell, journal
    machine = tmp_path / "machine.toml"
    machine.write_text(uncommented, encoding="utf-8")
    data = tomllib.loads(uncommented)
    assert data["lock"] == ["source", "journal", "crosssell", "agent.region"]
    monkeypatch.setenv("SCREENPOP_MACHINE_CONFIG", str(machine))
    config = load_config(None, use_user_file=False, environ={})
    assert config.locked == ("source", "journal", "crosssell", "agent.region")
    assert config.source[0].name == "accounting"
    assert config.agent.region == "GB"
