"""The credit rule language: ``when`` conditions, parsed and checked, never ``eval``-ed.

A ``[[credit.rule]]``'s ``when`` is a tiny language::

    condition  := clause ("and" clause)*
    clause     := BOOL_FIELD | "not" BOOL_FIELD
                | FIELD OP literal              OP: < <= > >= == !=
                | TEXT_FIELD ["not"] "in" list
    literal    := number | 'text' | "text" | true | false
    list       := "[" literal ("," literal)* "]"

Fields are a closed vocabulary (``FIELDS``); each has a type, and a clause
that compares a field with the wrong kind of literal is refused at config load
(``PolicyError`` is a ``ValueError``, so pydantic reports it at the rule's key).

A clause whose field's figure is missing is neither true nor false but unknown
(``None``): the policy decides what unknown means (it applies the rule).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from screenpop.reasons import define

FieldType = Literal["number", "text", "bool"]

#: The closed vocabulary of figures a rule may test, with their types.
FIELDS: dict[str, FieldType] = {
    # from the credit record
    "limit": "number",
    "risk_grade": "text",
    "terms": "text",  # the customer's agreed terms (after ``credit.alias``)
    "hold": "bool",
    # from the balance (accounting)
    "balance": "number",
    "overdue": "number",
    "overdue_days": "number",
    "currency": "text",
    # derived
    "available": "number",  # limit - balance, in the customer's currency
    "utilisation": "number",  # balance / limit (0.9 = 90 % used); missing when limit <= 0
}

#: What each field is called in the reasons an agent reads (English). Each is
#: also a reason code ``credit.field.<name>`` so that the front end can word a
#: field in the agent's language (``credit.rule_unsure`` names fields by id).
FIELD_WORDS = {
    "limit": "credit limit",
    "risk_grade": "risk grade",
    "terms": "agreed terms",
    "hold": "hold flag",
    "balance": "balance",
    "overdue": "overdue amount",
    "overdue_days": "overdue days",
    "currency": "currency",
    "available": "available credit",
    "utilisation": "credit utilisation",
}
FIELD_CODES = {name: define(f"credit.field.{name}", words) for name, words in FIELD_WORDS.items()}

Op = Literal["<", "<=", ">", ">=", "==", "!=", "in", "not in", "is", "is not"]
Literal_ = Decimal | str | bool
Tristate = bool | None


class PolicyError(ValueError):
    """A rule that cannot be parsed or does not fit its field; says where and why."""


# ------------------------------------------------------------------ parsing --

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>-?\d+(?:\.\d+)?)
      | (?P<string>'[^'\\]*'|"[^"\\]*")
      | (?P<op><=|>=|==|!=|<|>)
      | (?P<punct>[\[\],])
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    pos: int


def tokenize(text: str) -> list[Token]:
    """Split a condition into tokens; anything else is an error with its position."""
    out: list[Token] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            bad = text[pos:].strip()[:20]
            raise PolicyError(f"cannot read {bad!r} at column {pos + 1}")
        kind = m.lastgroup
        assert kind is not None
        out.append(Token(kind, m.group(kind), m.start(kind)))
        pos = m.end()
    return out


@dataclass(frozen=True, slots=True)
class Clause:
    """One comparison: ``field op value`` (``value`` a tuple for ``in``)."""

    field: str
    op: Op
    value: Literal_ | tuple[Literal_, ...]

    def evaluate(self, facts: Mapping[str, Any]) -> Tristate:
        """True/False, or None when the field's figure is missing."""
        have = facts.get(self.field)
        if have is None:
            return None
        want = self.value
        if self.op in ("is", "is not"):
            return (have is want) == (self.op == "is")
        if self.op in ("in", "not in"):
            assert isinstance(want, tuple)
            inside = fold(have) in {fold(v) for v in want}
            return inside == (self.op == "in")
        if isinstance(have, str):
            assert isinstance(want, str)
            a, b = fold(have), fold(want)
            return a == b if self.op == "==" else a != b
        assert isinstance(have, Decimal)
        assert isinstance(want, Decimal)
        return {
            "<": have < want,
            "<=": have <= want,
            ">": have > want,
            ">=": have >= want,
            "==": have == want,
            "!=": have != want,
        }[self.op]


def fold(value: Any) -> str:
    """Text compares without regard to case or surrounding spaces ('c' is 'C')."""
    return str(value).strip().casefold()


@dataclass(frozen=True, slots=True)
class Condition:
    """Clauses joined by ``and``, as written in the config."""

    text: str
    clauses: tuple[Clause, ...]

    def evaluate(self, facts: Mapping[str, Any]) -> tuple[Tristate, tuple[str, ...]]:
        """Kleene ``and``: False if any clause is False, else None if any is unknown.

        Also returns the fields whose figures were missing, for the reason.
        """
        missing: list[str] = []
        result: Tristate = True
        for clause in self.clauses:
            value = clause.evaluate(facts)
            if value is False:
                return False, ()
            if value is None:
                result = None
                if clause.field not in missing:
                    missing.append(clause.field)
        return result, tuple(missing)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.field for c in self.clauses))


def parse_condition(text: str) -> Condition:
    """Parse ``when`` into a condition, checking every field and literal type."""
    if not isinstance(text, str) or not text.strip():
        raise PolicyError("empty condition")
    tokens = tokenize(text)
    pos = 0

    def peek(offset: int = 0) -> Token | None:
        i = pos + offset
        return tokens[i] if i < len(tokens) else None

    def take() -> Token:
        nonlocal pos
        tok = peek()
        if tok is None:
            raise PolicyError(f"condition {text!r} ends too early")
        pos += 1
        return tok

    def literal(field: str, ftype: FieldType) -> Literal_:
        tok = take()
        if tok.kind == "number":
            value: Literal_ = Decimal(tok.text)
            got: FieldType = "number"
        elif tok.kind == "string":
            value, got = tok.text[1:-1], "text"
        elif tok.kind == "word" and tok.text in ("true", "false"):
            value, got = tok.text == "true", "bool"
        else:
            raise PolicyError(f"expected a value at column {tok.pos + 1}, found {tok.text!r}")
        if got != ftype:
            raise PolicyError(f"'{field}' is {_a(ftype)}, compared with {_a(got)} {tok.text}")
        return value

    def clause() -> Clause:
        nonlocal pos
        tok = take()
        negated = False
        if tok.kind == "word" and tok.text == "not":
            negated = True
            tok = take()
        if tok.kind != "word" or tok.text in ("and", "in", "not", "true", "false"):
            raise PolicyError(f"expected a field at column {tok.pos + 1}, found {tok.text!r}")
        field = tok.text
        if field not in FIELDS:
            raise PolicyError(f"unknown field {field!r} (known: {', '.join(sorted(FIELDS))})")
        ftype = FIELDS[field]
        nxt = peek()
        compared = nxt is not None and (
            nxt.kind == "op" or (nxt.kind == "word" and nxt.text in ("in", "not"))
        )
        if negated or not compared:
            if ftype != "bool":
                raise PolicyError(
                    f"'{field}' is {_a(ftype)}; compare it (e.g. {field} > 0), only yes/no "
                    f"fields ({', '.join(f for f, t in FIELDS.items() if t == 'bool')}) "
                    "stand alone"
                )
            return Clause(field, "is not" if negated else "is", True)
        op_tok = take()
        if op_tok.kind == "word" and op_tok.text in ("in", "not"):
            op: Op = "in"
            if op_tok.text == "not":
                if take().text != "in":
                    raise PolicyError(f"expected 'not in' at column {op_tok.pos + 1}")
                op = "not in"
            if ftype != "text":
                raise PolicyError(f"'{op}' needs a text field; '{field}' is {_a(ftype)}")
            if take().text != "[":
                raise PolicyError(f"expected a list like ['C', 'D'] after '{op}'")
            values = [literal(field, ftype)]
            while (sep := take()).text == ",":
                values.append(literal(field, ftype))
            if sep.text != "]":
                raise PolicyError(f"expected ',' or ']' at column {sep.pos + 1}")
            return Clause(field, op, tuple(values))
        if op_tok.kind != "op":
            raise PolicyError(
                f"expected a comparison (< <= > >= == != in) at column {op_tok.pos + 1}, "
                f"found {op_tok.text!r}"
            )
        op = op_tok.text  # type: ignore[assignment]
        if ftype != "number" and op not in ("==", "!="):
            raise PolicyError(f"'{field}' is {_a(ftype)}; only == and != (or in) apply")
        value = literal(field, ftype)
        if ftype == "bool":
            # ``hold == false`` is ``not hold``: store as identity on True.
            assert isinstance(value, bool)
            return Clause(field, "is" if value == (op == "==") else "is not", True)
        return Clause(field, op, value)

    clauses = [clause()]
    while pos < len(tokens):
        tok = take()
        if tok.kind != "word" or tok.text != "and":
            raise PolicyError(
                f"expected 'and' or the end at column {tok.pos + 1}, found {tok.text!r} "
                "(write 'or' as two rules)"
            )
        clauses.append(clause())
    return Condition(text.strip(), tuple(clauses))


def _a(ftype: str) -> str:
    return {"number": "a number", "text": "text", "bool": "a yes/no field"}[ftype]
