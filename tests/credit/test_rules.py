"""The rule language: what parses, what is refused at load, and the messages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from screenpop.config.loader import ConfigError, load_config
from screenpop.credit import Clause, PolicyError, parse_condition


def test_parses_every_clause_form() -> None:
    assert parse_condition("hold").clauses == (Clause("hold", "is", True),)
    assert parse_condition("not hold").clauses == (Clause("hold", "is not", True),)
    assert parse_condition("hold == false").clauses == (Clause("hold", "is not", True),)
    assert parse_condition("hold != false").clauses == (Clause("hold", "is", True),)
    assert parse_condition("overdue_days>60").clauses == (Clause("overdue_days", ">", Decimal(60)),)
    assert parse_condition("available <= -0.01").clauses == (
        Clause("available", "<=", Decimal("-0.01")),
    )
    assert parse_condition("risk_grade in ['C', \"D\"]").clauses == (
        Clause("risk_grade", "in", ("C", "D")),
    )
    assert parse_condition("currency not in ['GBP']").clauses == (
        Clause("currency", "not in", ("GBP",)),
    )
    both = parse_condition("  hold and overdue > 100  ")
    assert both.text == "hold and overdue > 100"
    assert both.fields == ("hold", "overdue")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("overdue_dys > 60", "unknown field 'overdue_dys'"),
        ("", "empty condition"),
        ("overdue_days >", "ends too early"),
        ("overdue_days > 'sixty'", "'overdue_days' is a number, compared with text 'sixty'"),
        ("risk_grade > 'B'", "only == and != (or in) apply"),
        ("risk_grade == 3", "'risk_grade' is text, compared with a number 3"),
        ("overdue_days in [1, 2]", "'in' needs a text field"),
        ("risk_grade in 'C'", "expected a list"),
        ("risk_grade in ['C' 'D']", "expected ',' or ']'"),
        ("limit", "'limit' is a number; compare it"),
        ("not limit > 0", "'limit' is a number"),
        ("hold or overdue_days > 60", "write 'or' as two rules"),
        ("hold; DROP TABLE credit", "cannot read ';"),
        ("__import__('os')", "cannot read \"('os')\" at column 11"),
        ("__import__ == 'os'", "unknown field '__import__'"),
        ("overdue_days = 60", "cannot read '= 60'"),
        ("hold and", "ends too early"),
        ("overdue_days > hold", "expected a value"),
    ],
)
def test_refuses_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(PolicyError) as err:
        parse_condition(text)
    assert message in str(err.value)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text), environ={})
    return str(err.value)


RULES_HEAD = '[credit]\nterms = ["Prepay", "Net 15", "Net 30"]\n'


def rule(when: str, effect: str = 'allow = ["Prepay"]', reason: str = "r") -> str:
    return f'[[credit.rule]]\nwhen = "{when}"\n{effect}\nreason = "{reason}"\n'


def test_load_names_the_rule_and_key(tmp_path: Path) -> None:
    text = RULES_HEAD + rule("hold") + rule("hold") + rule("overdue_dys > 60")
    msg = load_error(tmp_path, text)
    assert "credit.rule[2].when: unknown field 'overdue_dys'" in msg


def test_load_refuses_unknown_terms(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULES_HEAD + rule("hold") + rule("hold", 'max = "Net 90"'))
    assert "rule[1].max: unknown term 'Net 90' (credit.terms: Prepay, Net 15, Net 30)" in msg
    msg = load_error(tmp_path, RULES_HEAD + 'without_data = ["Cash"]\n')
    assert "without_data: unknown term 'Cash'" in msg
    msg = load_error(tmp_path, RULES_HEAD + 'alias = { "Pro forma" = "Advance" }\n')
    assert "alias.Pro forma: unknown term 'Advance'" in msg


def test_load_refuses_bad_rule_shapes(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULES_HEAD + rule("hold", 'allow = ["Prepay"]\nmax = "Net 15"'))
    assert "credit.rule[0]: a rule needs exactly one of allow, max, deny (has allow, max)" in msg
    msg = load_error(tmp_path, RULES_HEAD + rule("hold", ""))
    assert "exactly one of allow, max, deny" in msg
    msg = load_error(tmp_path, RULES_HEAD + rule("hold", reason=""))
    assert "credit.rule[0].reason" in msg
    msg = load_error(tmp_path, RULES_HEAD + rule("hold") + "unless = 'x'\n")
    assert "credit.rule[0].unless: unknown key" in msg
    msg = load_error(tmp_path, '[credit]\nterms = ["Net 30", "net 30"]\n')
    assert "listed twice" in msg
    msg = load_error(tmp_path, "[credit]\nterms = []\n")
    assert "list every term" in msg


def test_no_credit_table_means_no_policy(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "[agent]\n"), environ={}).credit is None
