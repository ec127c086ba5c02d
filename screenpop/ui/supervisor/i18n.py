"""The supervisor window's own catalogue, beside the app's (``supervisor_<lang>.qm``).

Kept apart from ``screenpop_<lang>.ts`` so the two can change independently;
``scripts/bootstrap.sh`` compiles every ``.ts`` under resources/translations.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from screenpop.ui.i18n import SOURCE_LANGUAGE, language_for, translations_dir

log = logging.getLogger(__name__)
CATALOGUE = "supervisor"
_installed: list[QTranslator] = []


def install_supervisor_translations(locale_name: str) -> str:
    """Install the supervisor catalogue for ``locale_name``; returns the language used."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    language = language_for(locale_name)
    if app is None or language == SOURCE_LANGUAGE:
        return SOURCE_LANGUAGE
    translator = QTranslator(app)
    path = translations_dir() / f"{CATALOGUE}_{language}.qm"
    if not translator.load(str(path)):
        log.warning("translations %s not found; supervisor window in English", path)
        return SOURCE_LANGUAGE
    app.installTranslator(translator)
    _installed.append(translator)
    return language
