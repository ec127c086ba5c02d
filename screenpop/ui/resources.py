"""Icons and the style sheet shipped in the repository's ``resources/``.

The repository keeps them at its top level; an installed wheel and the
PyInstaller bundle carry them inside the package as ``screenpop/resources``
(pyproject maps the package ``screenpop.resources`` to ``resources/``). A
missing file gives an empty icon or no style rather than a crash, and a logged
reason.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)


def resources_dir() -> Path:
    """``$SCREENPOP_RESOURCES`` if set; else ``screenpop/resources`` (installed
    wheel, bundle); else ``resources/`` of the source checkout (editable install)."""
    override = os.environ.get("SCREENPOP_RESOURCES")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parents[1]
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as an icon (Qt's SVG plugin renders any size)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        log.warning("icon %s missing", path)
        return QIcon()
    return QIcon(str(path))


def style_sheet() -> str:
    """The application's QSS (``resources/style.qss``), or "" when missing."""
    path = resources_dir() / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("style sheet not loaded: %s", exc)
        return ""
