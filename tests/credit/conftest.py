"""The policy the credit tests share: the issue's example rules, loaded as config."""

from __future__ import annotations

from pathlib import Path

import pytest

from screenpop.config.loader import load_config
from screenpop.credit import Policy

POLICY_TOML = """
[credit]
terms = ["Prepay", "Net 15", "Net 30", "Net 60"]
alias = { "Pro forma only" = "Prepay" }
without_data = ["Prepay"]

[[credit.rule]]
when = "hold"
allow = ["Prepay"]
reason = "account on credit hold"

[[credit.rule]]
when = "overdue_days > 60"
allow = ["Prepay"]
reason = "invoices overdue more than 60 days"

[[credit.rule]]
when = "risk_grade in ['C', 'D']"
max = "Net 15"
reason = "risk grade C or D"

[[credit.rule]]
when = "available <= 0"
allow = ["Prepay"]
reason = "over the credit limit"

[[credit.rule]]
when = "utilisation >= 0.9 and risk_grade != 'A'"
deny = ["Net 60"]
reason = "90% of the limit used"
"""


def load_policy(tmp_path: Path, text: str = POLICY_TOML) -> Policy:
    path = tmp_path / "credit.toml"
    path.write_text(text, encoding="utf-8")
    cfg = load_config(path, environ={})
    assert cfg.credit is not None
    return Policy.from_config(cfg.credit)


@pytest.fixture
def policy(tmp_path: Path) -> Policy:
    return load_policy(tmp_path)
