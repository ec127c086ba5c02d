"""Credit evaluation: the policy applied to today's credit record and balance.

The credit department's record (limit, risk grade, agreed terms, hold) and the
accounting balance (balance, overdue, overdue days) become the facts rules
test (``facts_from``); ``decide`` applies every rule; ``credit_section`` is
the section the card shows. Three properties keep the policy safe, whatever a
config says:

* rules only ever take terms away; nothing can widen what ``terms`` offers;
* a rule whose condition cannot be decided because a figure is missing (no
  risk grade on file, a hold flag that is not yes/no) **applies**, with the
  reason saying which figure was missing: missing data never allows;
* when the credit record or the balance is missing altogether (source timed
  out, unavailable, or has no row), the section keeps that failure's status
  and reason and offers only ``credit.without_data`` (default: nothing).

Pure functions over plain values; no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from screenpop.card import Section, Status
from screenpop.credit.policy import Policy
from screenpop.credit.rules import FIELD_WORDS
from screenpop.money import to_decimal, to_float


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
