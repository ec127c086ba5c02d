"""The agent's language: Qt translators for ``agent.locale``.

Every visible text in ``screenpop/ui`` is written in English inside
``self.tr()`` or ``QCoreApplication.translate()``. ``pyside6-lupdate``
collects them into ``resources/translations/screenpop_<lang>.ts`` (the
sources translators edit, e.g. in Qt Linguist) and ``pyside6-lrelease``
compiles those into the ``.qm`` files loaded here; ``scripts/bootstrap.sh``
compiles them, they are not committed.

A locale whose language has no catalogue (``de_DE``, ``en_US``, a name
nobody knows) gets English, whose catalogue holds only plural forms ("1 day"
/ "2 days"): the source texts are English already. Qt's own catalogue
(``qtbase_<lang>.qm`` from the PySide6 wheel, where it has one: fi, he, sv)
is installed beside ours for texts Qt draws itself (a text field's context
menu). ``%Ln`` in a text is a count written the ``QLocale`` way, so the
default ``QLocale`` is set to the agent's locale too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from screenpop.ui.formatting import resolve_locale
from screenpop.ui.resources import resources_dir

log = logging.getLogger(__name__)

#: Languages with a full catalogue, besides English (the source language).
LANGUAGES = ("fi", "et", "lt", "sv", "he")
SOURCE_LANGUAGE = "en"
CATALOGUE = "screenpop"

#: The translators this module installed, to be replaced as a whole.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def catalogue_path(language: str, suffix: str = ".qm") -> Path:
    return translations_dir() / f"{CATALOGUE}_{language}{suffix}"


def language_for(locale_name: str) -> str:
    """The catalogue for a locale name: ``fi_FI`` → ``fi``, ``de_DE`` → ``en``."""
    language = str(resolve_locale(locale_name).language)
    language = {"iw": "he"}.get(language, language)  # Hebrew's old ISO 639 code
    return language if language in LANGUAGES else SOURCE_LANGUAGE


def install_translations(locale_name: str) -> str:
    """Make the UI speak ``locale_name``'s language; returns the language used.

    Call it before creating windows: texts are translated when widgets are
    built. Replaces whatever an earlier call installed. Never raises: a
    missing catalogue is logged and leaves the UI in English.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(str(resolve_locale(locale_name))))
    language = language_for(locale_name)
    if app is None:
        log.warning("no application yet: translations for %s not installed", locale_name)
        return SOURCE_LANGUAGE
    ours = QTranslator(app)
    if ours.load(str(catalogue_path(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning(
            "translations %s not found (scripts/bootstrap.sh compiles them); UI in English",
            catalogue_path(language),
        )
        language = SOURCE_LANGUAGE
    if language != SOURCE_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in (f"qtbase_{language}", f"qt_{language}"):
            qt = QTranslator(app)
            if qt.load(name, qt_dir):
                app.installTranslator(qt)
                _installed.append(qt)
                break
    return language
