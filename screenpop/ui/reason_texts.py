"""Sentences from the core in the agent's language: reason code → translated text.

The core never words what it tells an agent: it sends a ``Reason`` (a code
such as ``source.timeout`` and named arguments, ``screenpop.reasons``) with
the English sentence beside it for scripts. Sections carry one as
``Section.reason``; section data items (a cross-sell, a refused credit term,
a part of the value basis) and identification failures carry
``reason_code``/``reason_args`` next to the English ``reason``/``error``.

``ReasonTexts`` words each code with ``tr()``. The arguments a wording names
go into ``%1``, ``%2``... in that order; its ``count`` argument, if any, into
``%Ln`` (the language's plural form, grouped the locale's way). Numbers are
written the agent's way, lists as "a, b, c", text (product and source names,
a driver's own error) as it came. An argument named ``revenue@currency`` is
money in the currency the ``currency`` argument names; ``last#date`` is a
date written the agent's way; one named ``fields~credit.field.`` holds ids
each worded by its own code (here ``credit.field.<id>``). A code the
table does not know (a newer core) or arguments that do not fit show the
core's English: an English sentence beats none.

Adding a code is one line in ``ReasonTexts._table`` and its translation in
each catalogue; ``tests/ui/test_reason_texts.py`` fails while a code of
``screenpop.reasons.CATALOGUE`` has no wording or no translation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject

from screenpop.reasons import Reason
from screenpop.ui.formatting import Formats
from screenpop.ui.reason_words import BusinessWords, SourceWords, Wording, words

_PLACE = re.compile(r"%(\d)")


class ReasonTexts(QObject):
    """The table from reason code to wording, and the wording of a reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: dict[str, Wording] = self._table()

    def _table(self) -> dict[str, Wording]:
        """The core's own codes (``screenpop.reasons``, ``screenpop.derived``), one
        line each, and the tables of the modules that declare theirs."""
        return {
            # screenpop.reasons: what sources and the lookup say
            "source.error": words(None, "error"),
            "source.timeout": words(lambda n: self.tr("no answer within %1 ms"), "ms"),
            "source.abandoned": words(
                lambda n: self.tr("no answer within %1 ms (abandoned; could not be stopped)"), "ms"
            ),
            "source.failing": words(
                lambda n: self.tr("%1 is failing (%Ln error(s) in a row); retrying in %2 s", "", n),
                "source",
                "seconds",
                count="count",
            ),
            "source.bad_data": words(
                lambda n: self.tr("%1 answered something a card cannot hold: %2"), "source", "what"
            ),
            "source.internal": words(
                lambda n: self.tr("%1: internal error (%2)"), "source", "error"
            ),
            "section.no_answer": words(lambda n: self.tr("no answer")),
            # screenpop.derived, screenpop.crosssell
            "crosssell.model_unusable": words(
                lambda n: self.tr("cross-sell model unusable: %1"), "error"
            ),
            **BusinessWords().table(),
            **SourceWords().table(),
        }

    # ------------------------------------------------------------ wording --

    def say(
        self,
        code: str | None,
        args: Mapping[str, Any] | None,
        english: str | None,
        fmt: Formats | None = None,
    ) -> str:
        """``code`` with ``args`` in the agent's language; else ``english``."""
        fallback = english or ""
        wording = self.table.get(code or "")
        if wording is None or args is None:
            return fallback
        try:
            values = [self._argument(spec, args, fmt) for spec in wording.args]
            count = 1 if wording.one else args[wording.count] if wording.count else 0
        except KeyError:
            return fallback
        if wording.fixed is not None:
            return fill(wording.fixed, *values)
        if wording.text is None:
            return values[0] if values else fallback
        if isinstance(count, bool) or not isinstance(count, int):
            return fallback
        return fill(wording.text(count), *values)

    def _argument(self, spec: str, args: Mapping[str, Any], fmt: Formats | None) -> str:
        """One argument as the agent reads it, by its spec (see the module's doc)."""
        name, _, currency = spec.partition("@")
        name, _, prefix = name.partition("~")
        name, _, kind = name.partition("#")
        value = args[name]
        if kind == "date":
            return fmt.date(value) if fmt is not None else _value(value, None)
        if currency:
            code = args[currency]
            if fmt is not None:
                return fmt.money(value, code if isinstance(code, str) else None)
            return f"{code} {_value(value, None)}"
        if prefix:
            ids = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
            return ", ".join(self.say(f"{prefix}{i}", {}, str(i), fmt) for i in ids)
        return _value(value, fmt)

    def reason(self, reason: Reason | None, english: str | None, fmt: Formats | None = None) -> str:
        """A ``Reason`` (a section's) in the agent's language; else ``english``."""
        if reason is None:
            return english or ""
        return self.say(reason.code, reason.arguments, english or reason.text, fmt)

    def item(self, item: Mapping[str, Any], key: str = "reason", fmt: Formats | None = None) -> str:
        """The reason a card data item carries (``reason_code``/``reason_args``
        beside the English ``key``), in the agent's language; with
        ``reason_parts`` (several reasons, e.g. every rule refusing a credit
        term), each part so, joined by "; "."""
        parts = item.get("reason_parts")
        if isinstance(parts, Sequence) and not isinstance(parts, str) and parts:
            english_parts = str(item.get(key) or "").split("; ")
            said = [
                self.item(part, fmt=fmt)
                or (english_parts[i] if len(parts) == len(english_parts) else "")
                for i, part in enumerate(parts)
                if isinstance(part, Mapping)
            ]
            if all(said):
                return "; ".join(said)
        english = item.get(key)
        args = item.get("reason_args")
        return self.say(
            _text(item.get("reason_code")),
            args if isinstance(args, Mapping) else None,
            "" if english is None else str(english),
            fmt,
        )

    def any(self, value: Any, fmt: Formats | None = None, sep: str = "; ") -> str:
        """A reason however the data gives it: plain text, an item with a code,
        or a list of those (parts of a value basis, every rule refusing a term)."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, Mapping):
            return self.item(value, fmt=fmt)
        if isinstance(value, Sequence):
            parts = (self.any(v, fmt, sep) for v in value)
            return sep.join(p for p in parts if p)
        return str(value)


def fill(template: str, *values: str) -> str:
    """``%1``, ``%2``... of a translated text replaced in one pass (a value that
    itself holds "%2" stays as it is)."""
    return _PLACE.sub(
        lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values) else m[0], template
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _value(value: Any, fmt: Formats | None) -> str:
    """An argument as the agent reads it: numbers the locale's way, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return fmt.number(value) if fmt is not None else str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, Sequence):
        return ", ".join(_value(v, fmt) for v in value)
    return str(value)


_texts: ReasonTexts | None = None


def reason_texts() -> ReasonTexts:
    """The one table (translations are looked up on each use, so a language
    installed later applies)."""
    global _texts
    if _texts is None:
        _texts = ReasonTexts()
    return _texts
