"""The legal scrub's wording: a specific duty's values carry their unit, a percentage stays bare."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from carveplan.engine import RULE_SETS
from carveplan.engine.checks.scrub import scrub_line
from carveplan.model import Agreement, Line, Phase, Timing, with_rules

# Four equal annual stages of a base of 1, cut down to tenths: 0.7, 0.5, 0.2, 0; year 2 is printed 0.4.
_PUBLISHED = ((1, "0.7"), (2, "0.4"), (3, "0.2"), (4, "0"))


@pytest.mark.parametrize(
    ("unit", "said"),
    [
        ("¢/kg", "published 0.4¢/kg, category 4 Years computes 0.5¢/kg"),
        ("%", "published 0.4, category 4 Years computes 0.5"),
    ],
)
def test_the_scrub_names_values_with_their_unit_unless_a_percentage(unit: str, said: str) -> None:
    agreement = with_rules(Agreement("US-Australia", date(2005, 1, 1)), RULE_SETS["US-Australia"])
    phases = tuple(Phase(Timing.agreement_year(year), Decimal(value)) for year, value in _PUBLISHED)
    line = Line("L", "USA", "other", "1029040", unit=unit, base=Decimal(1), category="4 Years", phases=phases)
    (problem,) = scrub_line(line, agreement)
    assert problem.message == f"legal scrub: 1029040 year 2 (2006): {said}"
