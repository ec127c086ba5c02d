"""CSV cells a spreadsheet shows as text and never runs as a formula.

Caller names come from the telephony side and dispositions from agents, so
both are untrusted: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return would be evaluated by Excel or LibreOffice (CSV injection).
Such cells get a leading ``'``; plain phone numbers such as ``+441632960123``
are left alone. Used by every CSV screenpop writes (export, stats).
"""

from __future__ import annotations

import re
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?[\d\s().-]*\d[\d\s().-]*$")


def csv_cell(value: Any) -> str:
    """``value`` as the text of a CSV cell that a spreadsheet never evaluates.

    None is empty, booleans are ``true``/``false``, lists are joined with
    ``;``; text that a spreadsheet would read as a formula is prefixed with ``'``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text
