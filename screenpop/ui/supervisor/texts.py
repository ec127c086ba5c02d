"""Words and numbers of the supervisor window in the supervisor's language.

Outcome and phase names, times in the local time zone with the locale's
format (Babel), durations as ``m:ss`` / ``h:mm:ss``. Every word goes through
``QCoreApplication.translate`` in the ``screenpop_supervisor`` context (the
``resources/translations/supervisor_*.ts`` catalogues).
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from babel.dates import format_datetime, format_time
from PySide6.QtCore import QCoreApplication, QObject

from screenpop.ui.formatting import Formats

CONTEXT = "screenpop_supervisor"
W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name set (tests and style sheets find it by that)."""
    widget.setObjectName(name)
    return widget


def tx(text: str) -> str:
    """``text`` in the supervisor's language (the ``screenpop_supervisor`` context).

    Not named ``tr``: the app's lupdate run over screenpop/ui must not collect
    these into the agent app's catalogues; ``supervisor_<lang>.ts`` hold them and
    tests/ui/supervisor/test_i18n.py keeps them in step with the code.
    """
    return QCoreApplication.translate(CONTEXT, text)


def ltr(text: str) -> str:
    """A phone number kept left to right inside right-to-left text (Unicode isolates)."""
    return f"\u2066{text}\u2069" if text else text


def outcome_word(outcome: str) -> str:
    words = {
        "answered": tx("answered"),
        "missed": tx("missed"),
        "elsewhere": tx("answered elsewhere"),
        "in_progress": tx("in progress"),
    }
    return words.get(outcome, outcome)


def phase_word(phase: str) -> str:
    words = {"ringing": tx("ringing"), "on_call": tx("on call"), "wrap_up": tx("wrap-up")}
    return words.get(phase, phase)


def step_word(step: str) -> str:
    words = {
        "ringing": tx("rang"),
        "answered": tx("answered"),
        "answered_elsewhere": tx("answered elsewhere"),
        "ended": tx("ended"),
        "missed": tx("missed"),
        "wrapped_up": tx("wrap-up saved"),
    }
    return words.get(step, step)


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone()


def when(fmt: Formats, moment: dt.datetime | None) -> str:
    """Date and time, short, in the local time zone."""
    if moment is None:
        return ""
    return str(format_datetime(local(moment), format="short", locale=fmt.locale))


def clock(fmt: Formats, moment: dt.datetime | None) -> str:
    """Time of day with seconds, in the local time zone (the detail's timeline)."""
    if moment is None:
        return ""
    return str(format_time(local(moment), format="medium", locale=fmt.locale))


def duration(seconds: float | None) -> str:
    """``m:ss`` or ``h:mm:ss`` (digits read the same in every language here)."""
    if seconds is None:
        return ""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
