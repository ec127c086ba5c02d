"""Credit policy evaluation: every rule, its edges, and missing data never allowing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from screenpop.card import Section, Status
from screenpop.credit import Policy, credit_section
from screenpop.reasons import SOURCE_TIMEOUT, Reason
from tests.credit.conftest import POLICY_TOML, load_policy

ALL = ["Prepay", "Net 15", "Net 30", "Net 60"]


def record(**over: Any) -> dict[str, Any]:
    base = {"limit": 1000, "risk_grade": "A", "terms": "Net 60", "hold": 0, "hold_reason": ""}
    base.update(over)
    return base


def owed(**over: Any) -> dict[str, Any]:
    base = {"balance": 100.0, "overdue": 0.0, "overdue_days": 0, "currency": "GBP"}
    base.update(over)
    return base


def evaluate(
    policy: Policy, credit: dict[str, Any] | None = None, balance: dict[str, Any] | None = None
) -> Section:
    return credit_section(
        policy,
        Section(Status.OK, data=credit if credit is not None else record(), source="credit"),
        Section(Status.OK, data=balance if balance is not None else owed(), source="accounting"),
    )


def refused(section: Section) -> dict[str, str]:
    return {r["term"]: r["reason"] for r in section.data["refused"]}


def parts(section: Section) -> dict[str, list[str]]:
    """Each refused term's reason codes, in order."""
    return {
        r["term"]: [p["reason_code"] for p in r["reason_parts"]] for r in section.data["refused"]
    }


def test_every_refusal_is_coded_and_its_english_is_the_parts_joined(policy: Policy) -> None:
    sec = evaluate(
        policy,
        credit=record(hold=1, risk_grade=None, terms="Net 30"),
        balance=owed(balance=1200.0),
    )
    for r in sec.data["refused"]:
        said = [
            Reason(p["reason_code"], tuple(p["reason_args"].items())) for p in r["reason_parts"]
        ]
        assert "; ".join(x.text for x in said) == r["reason"]
    assert parts(sec)["Net 60"] == [
        "credit.more_generous",
        "credit.rule",
        "credit.rule_unsure",
        "credit.rule",
        "credit.rule_unsure",
    ]
    unsure = next(
        p for p in sec.data["refused"][-1]["reason_parts"] if p["reason_code"].endswith("unsure")
    )
    # Config text is data (an argument); the missing figure is named by field id too.
    assert unsure["reason_args"] == {
        "reason": "risk grade C or D",
        "missing": ["risk grade"],
        "fields": ["risk_grade"],
    }
    assert Reason.of("credit.field.risk_grade").text == "risk grade"


def test_clean_account_may_have_every_term(policy: Policy) -> None:
    sec = evaluate(policy)
    assert sec.status is Status.OK
    assert sec.source == "credit"
    assert sec.data["terms"] == ALL
    assert sec.data["allowed"] == ALL
    assert sec.data["refused"] == []
    assert sec.data["limit"] == 1000.0
    assert sec.data["available"] == 900.0
    assert sec.data["currency"] == "GBP"
    assert sec.data["hold"] is False
    assert sec.data["risk_grade"] == "A"
    assert sec.data["agreed_terms"] == "Net 60"


@pytest.mark.parametrize(
    ("balance", "available", "terms"),
    [
        (999.99, 0.01, ALL),  # a cent to spare: exact decimal, not 0.00999...
        (1000.0, 0.0, ["Prepay"]),  # exactly at the limit: nothing available
        (1000.01, -0.01, ["Prepay"]),  # one cent over
        (5000.0, -4000.0, ["Prepay"]),
    ],
)
def test_available_at_the_limit(
    policy: Policy, balance: float, available: float, terms: list[str]
) -> None:
    sec = evaluate(policy, balance=owed(balance=balance))
    assert sec.data["available"] == available
    assert sec.data["terms"] == terms
    if terms == ["Prepay"]:
        assert set(refused(sec).values()) == {"over the credit limit"}


@pytest.mark.parametrize(("days", "terms"), [(0, ALL), (60, ALL), (61, ["Prepay"])])
def test_overdue_sixty_versus_sixty_one_days(policy: Policy, days: int, terms: list[str]) -> None:
    sec = evaluate(policy, balance=owed(overdue=50.0, overdue_days=days))
    assert sec.data["terms"] == terms
    if days == 61:
        assert refused(sec)["Net 60"] == "invoices overdue more than 60 days"


@pytest.mark.parametrize("grade", ["C", "D", "d", " c "])
def test_risk_grade_c_or_d_caps_at_net_15(policy: Policy, grade: str) -> None:
    sec = evaluate(policy, credit=record(risk_grade=grade))
    assert sec.data["terms"] == ["Prepay", "Net 15"]
    assert refused(sec) == {"Net 30": "risk grade C or D", "Net 60": "risk grade C or D"}


def test_missing_grade_applies_the_grade_rule(policy: Policy) -> None:
    sec = evaluate(policy, credit=record(risk_grade=None))
    assert sec.status is Status.OK
    assert sec.data["risk_grade"] is None
    assert sec.data["terms"] == ["Prepay", "Net 15"]
    assert refused(sec)["Net 30"] == ("risk grade C or D (cannot rule out: risk grade not on file)")


def test_a_known_false_clause_outweighs_a_missing_one(policy: Policy) -> None:
    # utilisation 0.1 >= 0.9 is false, so the unknown grade cannot make rule 5 apply
    sec = evaluate(policy, credit=record(risk_grade=""))
    assert "90% of the limit used" not in " ".join(refused(sec).values())


def test_hold_with_reason(policy: Policy) -> None:
    sec = evaluate(policy, credit=record(hold=1, hold_reason="stopped paying"))
    assert sec.data["hold"] is True
    assert sec.data["hold_reason"] == "stopped paying"
    assert sec.data["terms"] == ["Prepay"]
    assert refused(sec) == {t: "account on credit hold" for t in ALL[1:]}


@pytest.mark.parametrize(("flag", "held"), [("Y", True), ("no", False), (True, True), (0, False)])
def test_hold_flag_spellings(policy: Policy, flag: object, held: bool) -> None:
    sec = evaluate(policy, credit=record(hold=flag))
    assert sec.data["hold"] is held
    assert (sec.data["terms"] == ["Prepay"]) is held


def test_unclear_hold_flag_counts_as_held(policy: Policy) -> None:
    sec = evaluate(policy, credit=record(hold="pending review"))
    assert sec.data["hold"] is None
    assert sec.data["terms"] == ["Prepay"]
    assert (
        refused(sec)["Net 15"] == "account on credit hold (cannot rule out: hold flag not on file)"
    )


def test_deny_rule_with_and(policy: Policy) -> None:
    # 95% used by a B customer: only Net 60 goes
    sec = evaluate(policy, credit=record(risk_grade="B"), balance=owed(balance=950.0))
    assert sec.data["terms"] == ["Prepay", "Net 15", "Net 30"]
    assert refused(sec) == {"Net 60": "90% of the limit used"}
    # the same utilisation for an A customer: the 'and' fails
    assert evaluate(policy, balance=owed(balance=950.0)).data["terms"] == ALL
    # exactly 90% is '>= 0.9'
    edge = evaluate(policy, credit=record(risk_grade="B"), balance=owed(balance=900.0))
    assert "Net 60" not in edge.data["terms"]


def test_reasons_accumulate_in_rule_order(policy: Policy) -> None:
    sec = evaluate(
        policy,
        credit=record(hold=1, risk_grade="D"),
        balance=owed(balance=1200.0, overdue=700.0, overdue_days=90),
    )
    assert sec.data["terms"] == ["Prepay"]
    assert refused(sec)["Net 60"] == (
        "account on credit hold; invoices overdue more than 60 days; risk grade C or D; "
        "over the credit limit; 90% of the limit used"
    )
    assert refused(sec)["Net 15"] == (
        "account on credit hold; invoices overdue more than 60 days; over the credit limit"
    )


def test_never_more_than_the_agreed_terms(policy: Policy) -> None:
    sec = evaluate(policy, credit=record(terms="Net 30"))
    assert sec.data["terms"] == ["Prepay", "Net 15", "Net 30"]
    assert refused(sec) == {"Net 60": "more generous than the agreed Net 30"}
    aliased = evaluate(policy, credit=record(terms="Pro forma only"))
    assert aliased.data["terms"] == ["Prepay"]
    assert aliased.data["agreed_terms"] == "Pro forma only"
    unknown = evaluate(policy, credit=record(terms="Net 45"))
    assert unknown.data["terms"] == ["Prepay"]
    assert refused(unknown)["Net 15"] == "agreed terms 'Net 45' are not in credit.terms"
    none = evaluate(policy, credit=record(terms=None))
    assert none.data["terms"] == ["Prepay"]
    assert refused(none)["Net 15"] == "no agreed terms on file"


def test_cap_at_agreed_can_be_switched_off(tmp_path: Path) -> None:
    policy = load_policy(
        tmp_path, POLICY_TOML.replace("[credit]\n", "[credit]\ncap_at_agreed = false\n")
    )
    assert evaluate(policy, credit=record(terms="Net 15")).data["terms"] == ALL


def test_different_currencies_leave_available_unknown(policy: Policy) -> None:
    sec = evaluate(policy, credit=record(currency="EUR"), balance=owed(currency="GBP"))
    assert sec.data["available"] is None
    assert sec.data["terms"] == ["Prepay"]
    assert (
        "over the credit limit (cannot rule out: available credit not on file)"
        in (refused(sec)["Net 15"])
    )


def test_missing_limit_applies_the_limit_rule(policy: Policy) -> None:
    sec = evaluate(policy, credit=record(limit=None))
    assert sec.data["limit"] is None
    assert sec.data["terms"] == ["Prepay"]


@pytest.mark.parametrize(
    ("status", "code", "words"),
    [
        (Status.TIMEOUT, "credit.unchecked.record_timeout", "timed out"),
        (Status.UNAVAILABLE, "credit.unchecked.record_unavailable", "unavailable"),
    ],
)
def test_credit_source_failed_offers_only_without_data(
    policy: Policy, status: Status, code: str, words: str
) -> None:
    own = Reason.of(SOURCE_TIMEOUT, ms=300)
    failed = Section(status, source="credit", reason=own)
    sec = credit_section(policy, failed, Section(Status.OK, data=owed(), source="accounting"))
    assert sec.status is status
    assert sec.source == "credit"
    # The credit source's own failure speaks for the section, in its own code.
    assert sec.reason == own
    assert sec.error == "no answer within 300 ms"
    assert sec.data["terms"] == ["Prepay"]  # the configured without_data
    assert {r["term"] for r in sec.data["refused"]} == set(ALL[1:])
    for r in sec.data["refused"]:
        assert r["reason"] == f"cannot check terms: credit record (credit) {words}"
        assert r["reason_parts"] == [{"reason_code": code, "reason_args": {"source": "credit"}}]
    assert "limit" not in sec.data


def test_by_default_missing_data_offers_nothing(tmp_path: Path) -> None:
    policy = load_policy(tmp_path, '[credit]\nterms = ["Prepay", "Net 30"]\n')
    failed = Section(Status.UNAVAILABLE, source="credit", error="no such table: credit")
    sec = credit_section(policy, failed, Section(Status.OK, data=owed()))
    assert sec.status is Status.UNAVAILABLE
    assert sec.data is None  # nothing on file, nothing offered
    assert "no such table: credit" in (sec.error or "")
    empty = credit_section(
        policy, Section(Status.EMPTY, source="credit"), Section(Status.OK, data=owed())
    )
    assert empty.status is Status.EMPTY
    assert empty.error == "no credit record on file (credit)"
    assert empty.reason == Reason.of("credit.no_record", source="credit")
    assert empty.data is None


@pytest.mark.parametrize(
    ("balance", "status", "code", "why"),
    [
        (
            Section(Status.TIMEOUT, source="accounting", error="late"),
            Status.TIMEOUT,
            "credit.unchecked.balance_timeout",
            "balance (accounting) timed out",
        ),
        (
            Section(Status.UNAVAILABLE, source="accounting", error="down"),
            Status.UNAVAILABLE,
            "credit.unchecked.balance_unavailable",
            "balance (accounting) unavailable",
        ),
        (
            Section(Status.EMPTY, source="accounting"),
            Status.UNAVAILABLE,
            "credit.unchecked.no_balance",
            "no balance on file (accounting)",
        ),
        (
            Section(Status.OK, data=[owed(), owed()], source="accounting"),
            Status.UNAVAILABLE,
            "credit.unchecked.balance_not_single",
            "balance (accounting) is not a single record",
        ),
        (
            None,
            Status.UNAVAILABLE,
            "credit.unchecked.no_balance_source",
            "no balance source configured",
        ),
    ],
)
def test_balance_missing_keeps_the_record_but_offers_only_without_data(
    policy: Policy, balance: Section | None, status: Status, code: str, why: str
) -> None:
    sec = credit_section(policy, Section(Status.OK, data=record(), source="credit"), balance)
    assert sec.status is status
    assert sec.error == f"cannot check terms: {why}"
    assert sec.reason is not None
    assert sec.reason.code == code
    assert sec.data["limit"] == 1000.0
    assert sec.data["available"] is None
    assert sec.data["risk_grade"] == "A"
    assert sec.data["terms"] == ["Prepay"]
    assert refused(sec)["Net 60"] == f"cannot check terms: {why}"
    assert parts(sec)["Net 60"] == [code]


def test_a_credit_record_that_is_a_list_is_unavailable(policy: Policy) -> None:
    listed = Section(Status.OK, data=[record(), record()], source="credit")
    sec = credit_section(policy, listed, Section(Status.OK, data=owed(), source="accounting"))
    assert sec.status is Status.UNAVAILABLE
    assert sec.error == "credit record (credit) is not a single record"
    assert refused(sec)["Net 60"] == (
        "cannot check terms: credit record (credit) is not a single record"
    )


def test_both_missing_say_both(policy: Policy) -> None:
    sec = credit_section(
        policy,
        Section(Status.EMPTY, source="credit"),
        Section(Status.TIMEOUT, source="accounting"),
    )
    assert sec.status is Status.EMPTY
    assert refused(sec)["Net 15"] == (
        "cannot check terms: no credit record on file (credit); "
        "cannot check terms: balance (accounting) timed out"
    )
    assert parts(sec)["Net 15"] == [
        "credit.unchecked.no_record",
        "credit.unchecked.balance_timeout",
    ]


def test_a_policy_without_rules_still_caps_and_needs_data(tmp_path: Path) -> None:
    policy = load_policy(tmp_path, '[credit]\nterms = ["Prepay", "Net 30", "Net 60"]\n')
    assert evaluate(policy, credit=record(terms="Net 30")).data["terms"] == ["Prepay", "Net 30"]
    assert credit_section(policy, Section(Status.OK, data=record()), None).data["terms"] == []


def test_latency_is_the_later_of_the_two(policy: Policy) -> None:
    sec = credit_section(
        policy,
        Section(Status.OK, data=record(), latency_ms=5.0),
        Section(Status.OK, data=owed(), latency_ms=40.0),
    )
    assert sec.latency_ms == 40.0
