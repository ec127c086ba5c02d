"""Credit policy: which payment terms an agent may offer, and why not the others.

The business declares its terms and rules in config (``[credit]``); this
package turns them into the card's credit section:

* ``rules``: the rule language (``when`` conditions), parsed and type-checked
  at config load;
* ``policy``: the compiled ``[credit]`` table;
* ``evaluate``: the policy applied to a credit record and a balance, every
  refusal said as reasons the front end can translate.
"""

from screenpop.credit.evaluate import Decision, credit_section, decide, facts_from, to_bool
from screenpop.credit.policy import Policy, Rule
from screenpop.credit.rules import (
    FIELD_WORDS,
    FIELDS,
    Clause,
    Condition,
    PolicyError,
    parse_condition,
)

__all__ = [
    "FIELDS",
    "FIELD_WORDS",
    "Clause",
    "Condition",
    "Decision",
    "Policy",
    "PolicyError",
    "Rule",
    "credit_section",
    "decide",
    "facts_from",
    "parse_condition",
    "to_bool",
]
