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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from screenpop.card import Section, Status
from screenpop.credit.policy import Policy
from screenpop.credit.rules import FIELD_WORDS
from screenpop.money import to_decimal, to_float
from screenpop.reasons import Reason, define

# Why a term is refused. A rule's own reason is the business's sentence from
# the config (data: shown as written); everything else is worded here.
RULE = define("credit.rule", "{reason}")
#: ``fields`` are field ids (each worded by ``credit.field.<id>``); ``missing``
#: is the same in English.
RULE_UNSURE = define("credit.rule_unsure", "{reason} (cannot rule out: {missing} not on file)")
MORE_GENEROUS = define("credit.more_generous", "more generous than the agreed {agreed}")
AGREED_NOT_A_TERM = define(
    "credit.agreed_not_a_term", "agreed terms '{agreed}' are not in credit.terms"
)
NO_AGREED = define("credit.no_agreed", "no agreed terms on file")

# Why terms cannot be checked at all (the credit record or the balance is
# missing): each refused term says so, and so does the section when the
# record itself is there.
UNCHECKED = {
    ("credit", Status.TIMEOUT): define(
        "credit.unchecked.record_timeout", "cannot check terms: credit record ({source}) timed out"
    ),
    ("credit", Status.UNAVAILABLE): define(
        "credit.unchecked.record_unavailable",
        "cannot check terms: credit record ({source}) unavailable",
    ),
    ("credit", Status.EMPTY): define(
        "credit.unchecked.no_record", "cannot check terms: no credit record on file ({source})"
    ),
    ("credit", Status.OK): define(
        "credit.unchecked.record_not_single",
        "cannot check terms: credit record ({source}) is not a single record",
    ),
    ("balance", Status.TIMEOUT): define(
        "credit.unchecked.balance_timeout", "cannot check terms: balance ({source}) timed out"
    ),
    ("balance", Status.UNAVAILABLE): define(
        "credit.unchecked.balance_unavailable", "cannot check terms: balance ({source}) unavailable"
    ),
    ("balance", Status.EMPTY): define(
        "credit.unchecked.no_balance", "cannot check terms: no balance on file ({source})"
    ),
    ("balance", Status.OK): define(
        "credit.unchecked.balance_not_single",
        "cannot check terms: balance ({source}) is not a single record",
    ),
}
NO_BALANCE_SOURCE = define(
    "credit.unchecked.no_balance_source", "cannot check terms: no balance source configured"
)
# The section's own words when the credit record (not a failed source) is
# what is missing.
NO_RECORD = define("credit.no_record", "no credit record on file ({source})")
RECORD_NOT_SINGLE = define(
    "credit.record_not_single", "credit record ({source}) is not a single record"
)


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


def joined(reasons: tuple[Reason, ...]) -> str:
    """Several reasons as one English sentence (scripts read this)."""
    return "; ".join(r.text for r in reasons)


def parts_json(reasons: tuple[Reason, ...]) -> list[dict[str, Any]]:
    """Several reasons as ``[{reason_code, reason_args}]`` (the front end words each)."""
    return [{k: v for k, v in r.to_json().items() if k != "reason"} for r in reasons]


@dataclass(frozen=True, slots=True)
class Decision:
    """What the agent may offer, and for every other term, why not (in rule order)."""

    allowed: tuple[str, ...]
    refused: tuple[tuple[str, tuple[Reason, ...]], ...]


def decide(policy: Policy, facts: Mapping[str, Any]) -> Decision:
    """Apply every rule to the full ordered term list; a term survives all or none.

    A refused term's reasons name every rule that took it away, in rule order,
    so the agent hears the whole story ("account on credit hold; over the
    credit limit").
    """
    reasons: dict[str, list[Reason]] = {t: [] for t in policy.terms}
    if policy.cap_at_agreed:
        agreed_raw = facts.get("terms")
        agreed = policy.canonical(agreed_raw)
        for term in policy.terms:
            if agreed is None:
                if term != policy.terms[0]:
                    reasons[term].append(
                        Reason.of(AGREED_NOT_A_TERM, agreed=str(agreed_raw))
                        if agreed_raw
                        else Reason.of(NO_AGREED)
                    )
            elif policy.terms.index(term) > policy.terms.index(agreed):
                reasons[term].append(Reason.of(MORE_GENEROUS, agreed=str(agreed_raw)))
    for rule in policy.rules:
        holds, missing = rule.condition.evaluate(facts)
        if holds is False:
            continue
        why = (
            Reason.of(RULE, reason=rule.reason)
            if holds is not None
            else Reason.of(
                RULE_UNSURE,
                reason=rule.reason,
                missing=tuple(FIELD_WORDS[f] for f in missing),
                fields=missing,
            )
        )
        for term in policy.terms:
            if not rule.permits(term, policy.terms) and why not in reasons[term]:
                reasons[term].append(why)
    allowed = tuple(t for t in policy.terms if not reasons[t])
    refused = tuple((t, tuple(reasons[t])) for t in policy.terms if reasons[t])
    return Decision(allowed, refused)


def _refused_json(refused: Iterable[tuple[str, tuple[Reason, ...]]]) -> list[dict[str, Any]]:
    """``refused`` as the card says it: term, English ``reason``, ``reason_parts``."""
    return [
        {"term": term, "reason": joined(why), "reason_parts": parts_json(why)}
        for term, why in refused
    ]


def _problem(what: str, section: Section | None) -> Reason:
    """Why terms cannot be checked, for the credit record or the balance."""
    if section is None:
        return Reason.of(NO_BALANCE_SOURCE)
    status = section.status
    if section.ok and section.data is None:
        status = Status.EMPTY
    return Reason.of(UNCHECKED[(what, status)], source=section.source or "-")


def credit_section(policy: Policy, credit: Section, balance: Section | None) -> Section:
    """The final credit section: the department's record plus what may be offered.

    ``credit`` and ``balance`` are the two sections as their sources answered;
    ``balance`` is None when no balance source is configured. Data keeps the
    credit record's own columns (``hold_reason`` ...) and adds ``limit``,
    ``available``, ``currency``, ``terms`` (may offer, most generous last; also
    as ``allowed``), ``refused`` [{term, reason, reason_parts}], ``hold``,
    ``risk_grade`` and ``agreed_terms`` (the record's own ``terms``).
    """
    latency = max(credit.latency_ms, balance.latency_ms if balance else 0.0)
    problems: list[Reason] = []
    if not credit.ok or not isinstance(credit.data, Mapping):
        problems.append(_problem("credit", credit))
    if balance is None or not balance.ok or not isinstance(balance.data, Mapping):
        problems.append(_problem("balance", balance))

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
        why = tuple(problems)
        allowed = [t for t in policy.terms if t in policy.without_data]
        refused = [(t, why) for t in policy.terms if t not in policy.without_data]
        data.update(terms=allowed, allowed=allowed, refused=_refused_json(refused))
        return _unchecked(
            credit, balance, problems[0], data if record or allowed else None, latency
        )

    decision = decide(policy, facts)
    data.update(
        terms=list(decision.allowed),
        allowed=list(decision.allowed),
        refused=_refused_json(decision.refused),
    )
    return Section(Status.OK, data=data, source=credit.source, latency_ms=latency)


def _unchecked(
    credit: Section, balance: Section | None, first: Reason, data: Any, latency: float
) -> Section:
    """The section when terms cannot be checked: whose failure speaks for it, and how.

    A failed credit source speaks for the section in its own words (its
    status, its reason: the raw credit record is not shown elsewhere). A
    credit record that is missing or malformed says so. A missing balance
    makes an existing record uncheckable: timed out if the balance timed out,
    else unavailable (the balance section itself says why).
    """
    if credit.failed:
        return Section(
            credit.status,
            data=data,
            source=credit.source,
            error=credit.error,
            reason=credit.reason,
            latency_ms=latency,
        )
    if not isinstance(credit.data, Mapping):
        if credit.status is Status.EMPTY or credit.data is None:
            status, reason = Status.EMPTY, Reason.of(NO_RECORD, source=credit.source or "-")
        else:
            status = Status.UNAVAILABLE
            reason = Reason.of(RECORD_NOT_SINGLE, source=credit.source or "-")
        return Section(status, data=data, source=credit.source, reason=reason, latency_ms=latency)
    status = (
        Status.TIMEOUT
        if balance is not None and balance.status is Status.TIMEOUT
        else Status.UNAVAILABLE
    )
    return Section(status, data=data, source=credit.source, reason=first, latency_ms=latency)
