"""Credit policy: which payment terms an agent may offer, and why not the others.

The credit department's record (limit, risk grade, agreed terms, hold) and the
accounting balance (balance, overdue, overdue days) are combined by rules the
business declares in config (``[credit]``). The rules are a tiny language,
parsed here, never ``eval``-ed:

    condition  := clause ("and" clause)*
    clause     := BOOL_FIELD | "not" BOOL_FIELD
                | FIELD OP literal              OP: < <= > >= == !=
                | TEXT_FIELD ["not"] "in" list
    literal    := number | 'text' | "text" | true | false
    list       := "[" literal ("," literal)* "]"

Fields are a closed vocabulary (``FIELDS``); each has a type, and a clause that
compares a field with the wrong kind of literal is refused at config load.

Three properties keep the policy safe, whatever a config says:

* rules only ever take terms away (``allow``, ``max``, ``deny``); nothing can
  widen what the ordered ``terms`` list offers;
* a rule whose condition cannot be decided because a figure is missing (no
  risk grade on file, a hold flag that is not yes/no) **applies**, with the
  reason saying which figure was missing: missing data never allows;
* when the credit record or the balance is missing altogether (source timed
  out, unavailable, or has no row), the section keeps that failure's status
  and reason and offers only ``credit.without_data`` (default: nothing).

Pure functions over plain values; no Qt, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from screenpop.card import Section, Status
from screenpop.money import to_decimal, to_float

if TYPE_CHECKING:
    from screenpop.config.schema import CreditPolicy

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

#: What each field is called in the reasons an agent reads.
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
            inside = _fold(have) in {_fold(v) for v in want}
            return inside == (self.op == "in")
        if isinstance(have, str):
            assert isinstance(want, str)
            a, b = _fold(have), _fold(want)
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


def _fold(value: Any) -> str:
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


# ----------------------------------------------------------------- policy --

Effect = Literal["allow", "max", "deny"]


@dataclass(frozen=True, slots=True)
class Rule:
    """When ``condition`` holds, restrict the terms; ``reason`` is read to the agent."""

    condition: Condition
    effect: Effect
    terms: tuple[str, ...]
    reason: str

    def permits(self, term: str, order: Sequence[str]) -> bool:
        """Whether this rule, applied, leaves ``term`` on offer."""
        if self.effect == "allow":
            return term in self.terms
        if self.effect == "deny":
            return term not in self.terms
        return order.index(term) <= order.index(self.terms[0])


@dataclass(frozen=True, slots=True)
class Policy:
    """The compiled ``[credit]`` table."""

    terms: tuple[str, ...]
    rules: tuple[Rule, ...]
    alias: Mapping[str, str]
    cap_at_agreed: bool = True
    without_data: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, cfg: CreditPolicy) -> Policy:
        rules = []
        for r in cfg.rule:
            effect: Effect
            if r.allow is not None:
                effect, terms = "allow", tuple(r.allow)
            elif r.max is not None:
                effect, terms = "max", (r.max,)
            else:
                assert r.deny is not None
                effect, terms = "deny", tuple(r.deny)
            rules.append(Rule(parse_condition(r.when), effect, terms, r.reason))
        return cls(
            terms=tuple(cfg.terms),
            rules=tuple(rules),
            alias=dict(cfg.alias),
            cap_at_agreed=cfg.cap_at_agreed,
            without_data=tuple(cfg.without_data),
        )

    def canonical(self, term: Any) -> str | None:
        """A source's term name as a policy term (via ``alias``), or None."""
        if term is None:
            return None
        name = str(term).strip()
        name = self.alias.get(name, name)
        by_fold = {_fold(t): t for t in self.terms}
        return by_fold.get(_fold(name))


# ------------------------------------------------------------ evaluation --


def to_bool(value: Any) -> bool | None:
    """A hold flag as the sources give it (1/0, true/false, 'Y'/'N'); None if unclear."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in ("1", "true", "yes", "y", "t"):
            return True
        if word in ("0", "false", "no", "n", "f"):
            return False
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def facts_from(
    policy: Policy, credit: Mapping[str, Any], balance: Mapping[str, Any]
) -> dict[str, Any]:
    """The figures rules may test, from the two sections; missing ones are None."""
    limit = to_decimal(credit.get("limit"))
    bal = to_decimal(balance.get("balance"))
    currency = _text(balance.get("currency"))
    credit_currency = _text(credit.get("currency"))
    same_money = credit_currency is None or currency is None or credit_currency == currency
    available = limit - bal if limit is not None and bal is not None and same_money else None
    utilisation = (
        bal / limit if limit is not None and bal is not None and limit > 0 and same_money else None
    )
    agreed = _text(credit.get("terms"))
    return {
        "limit": limit,
        "risk_grade": _text(credit.get("risk_grade")),
        "terms": policy.canonical(agreed) or agreed,
        "hold": to_bool(credit.get("hold")),
        "balance": bal,
        "overdue": to_decimal(balance.get("overdue")),
        "overdue_days": to_decimal(balance.get("overdue_days")),
        "currency": currency or credit_currency,
        "available": available,
        "utilisation": utilisation,
    }


@dataclass(frozen=True, slots=True)
class Decision:
    """What the agent may offer, and for every other term, why not."""

    allowed: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]


def decide(policy: Policy, facts: Mapping[str, Any]) -> Decision:
    """Apply every rule to the full ordered term list; a term survives all or none.

    A refused term's reason names every rule that took it away, in rule order,
    so the agent hears the whole story ("account on credit hold; over the
    credit limit").
    """
    reasons: dict[str, list[str]] = {t: [] for t in policy.terms}
    if policy.cap_at_agreed:
        agreed_raw = facts.get("terms")
        agreed = policy.canonical(agreed_raw)
        for term in policy.terms:
            if agreed is None:
                if term != policy.terms[0]:
                    why = (
                        f"agreed terms {agreed_raw!r} are not in credit.terms"
                        if agreed_raw
                        else "no agreed terms on file"
                    )
                    reasons[term].append(why)
            elif policy.terms.index(term) > policy.terms.index(agreed):
                reasons[term].append(f"more generous than the agreed {agreed_raw}")
    for rule in policy.rules:
        holds, missing = rule.condition.evaluate(facts)
        if holds is False:
            continue
        why = rule.reason
        if holds is None:
            unknown = ", ".join(FIELD_WORDS[f] for f in missing)
            why = f"{rule.reason} (cannot rule out: {unknown} not on file)"
        for term in policy.terms:
            if not rule.permits(term, policy.terms) and why not in reasons[term]:
                reasons[term].append(why)
    allowed = tuple(t for t in policy.terms if not reasons[t])
    refused = tuple((t, "; ".join(reasons[t])) for t in policy.terms if reasons[t])
    return Decision(allowed, refused)


def _without_data(policy: Policy, why: str) -> tuple[list[str], list[dict[str, str]]]:
    allowed = [t for t in policy.terms if t in policy.without_data]
    refused = [{"term": t, "reason": why} for t in policy.terms if t not in policy.without_data]
    return allowed, refused


def credit_section(policy: Policy, credit: Section, balance: Section | None) -> Section:
    """The final credit section: the department's record plus what may be offered.

    ``credit`` and ``balance`` are the two sections as their sources answered;
    ``balance`` is None when no balance source is configured. Data keeps the
    credit record's own columns (``hold_reason`` ...) and adds ``limit``,
    ``available``, ``currency``, ``terms`` (may offer, most generous last; also
    as ``allowed``), ``refused`` [{term, reason}], ``hold``, ``risk_grade`` and
    ``agreed_terms`` (the record's own ``terms``).
    """
    latency = max(credit.latency_ms, balance.latency_ms if balance else 0.0)
    problems: list[tuple[Section | None, str]] = []
    if not credit.ok or not isinstance(credit.data, Mapping):
        problems.append((credit, _missing_why("credit record", credit)))
    if balance is None:
        problems.append((None, "no balance source configured"))
    elif not balance.ok or not isinstance(balance.data, Mapping):
        problems.append((balance, _missing_why("balance", balance)))

    record: Mapping[str, Any] = credit.data if isinstance(credit.data, Mapping) else {}
    owed: Mapping[str, Any] = (
        balance.data if balance is not None and isinstance(balance.data, Mapping) else {}
    )
    facts = facts_from(policy, record, owed)
    data: dict[str, Any] = dict(record)
    if record:
        data["agreed_terms"] = record.get("terms")
        data["hold"] = facts["hold"]
        data["risk_grade"] = facts["risk_grade"]
        data["limit"] = to_float(facts["limit"])
    data["available"] = to_float(facts["available"])
    if facts["currency"] is not None:
        data["currency"] = facts["currency"]

    if problems:
        why = "; ".join(p for _, p in problems)
        allowed, refused = _without_data(policy, f"cannot check terms: {why}")
        data.update(terms=allowed, allowed=allowed, refused=refused)
        # The credit record's own failure speaks for the section; a missing
        # balance makes an existing record uncheckable (timeout or unavailable).
        first = problems[0][0]
        if first is credit and credit.status is not Status.OK:
            status = credit.status
        elif first is not None and first.status is Status.TIMEOUT:
            status = Status.TIMEOUT
        else:
            status = Status.UNAVAILABLE
        return Section(
            status,
            data=data if record or allowed else None,
            source=credit.source,
            error=why,
            latency_ms=latency,
        )

    decision = decide(policy, facts)
    data.update(
        terms=list(decision.allowed),
        allowed=list(decision.allowed),
        refused=[{"term": t, "reason": r} for t, r in decision.refused],
    )
    return Section(Status.OK, data=data, source=credit.source, latency_ms=latency)


def _missing_why(what: str, section: Section) -> str:
    where = f" ({section.source})" if section.source else ""
    if section.status is Status.TIMEOUT:
        return f"{what}{where} timed out: {section.error or 'no answer'}"
    if section.status is Status.UNAVAILABLE:
        return f"{what}{where} unavailable: {section.error or 'no reason given'}"
    if section.status is Status.EMPTY:
        return f"no {what} on file{where}"
    return f"{what}{where} is not a single record"
