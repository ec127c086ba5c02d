"""The supervisor window speaks fi, et, lt, sv and he (right to left); English is the source."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.journal.central_support import Central
from tests.ui.supervisor.conftest import supervisor_config

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "screenpop" / "ui" / "supervisor"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fi", "et", "lt", "sv", "he")


def code_texts() -> set[str]:
    found = set()
    for path in PACKAGE.glob("*.py"):
        for match in re.finditer(r'\btx\(\s*"((?:[^"\\]|\\.)*)"\s*\)', path.read_text()):
            found.add(match.group(1))
    return found


def catalogue(language: str) -> dict[str, str]:
    root = ET.parse(TRANSLATIONS / f"supervisor_{language}.ts").getroot()
    [context] = root.findall("context")
    assert context.findtext("name") == "screenpop_supervisor"
    return {
        m.findtext("source") or "": m.findtext("translation") or "" for m in context.iter("message")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_translated_with_its_placeholders(language: str) -> None:
    texts = catalogue(language)
    assert set(texts) == code_texts()  # a text added or removed in the code fails here
    for source, translation in texts.items():
        assert translation.strip(), source
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), source


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_is_the_sources(language: str, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = tmp_path / "x.qm"
    subprocess.run(
        [
            str(lrelease),
            "-silent",
            str(TRANSLATIONS / f"supervisor_{language}.ts"),
            "-qm",
            str(fresh),
        ],
        check=True,
    )
    assert (TRANSLATIONS / f"supervisor_{language}.qm").read_bytes() == fresh.read_bytes()


def test_the_window_in_hebrew_is_right_to_left_and_translated(
    qtbot: Any, central_db: Central, org: dict[str, str], open_window: Any
) -> None:
    from PySide6.QtCore import Qt

    from screenpop.ui.supervisor.i18n import install_supervisor_translations

    try:
        window = open_window(supervisor_config(central_db, org["sup_n"], locale="he_IL"))
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert [window.tabs.tabText(i) for i in range(3)] == ["שיחות", "תמונת מצב", "נתונים"]
        assert window.log.filters.apply.text() == "החל"
        assert window.log.model.headerData(0, Qt.Orientation.Horizontal) == "זמן"
    finally:
        install_supervisor_translations("en_GB")
