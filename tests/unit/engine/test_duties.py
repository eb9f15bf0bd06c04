"""Staging duties part by part, each rounded in its own currency (DOMAIN.md, "Staging rules")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from carveplan.engine import expand
from carveplan.engine.duties import unit_rounding
from carveplan.model import Agreement, Amount, Cuts, Duty, Line, RoundingRule, StagingCategory, StagingKind
from carveplan.model.duty import format_rate

D = Decimal
KORUS = Agreement("KORUS", date(2012, 3, 15))  # cut down to 0.1 point or 0.1 cent: the default rule


def _staged(line: Line, agreement: Agreement = KORUS) -> list[str]:
    return [format_rate(p.value, line.unit) for p in expand(line, agreement)]


def test_korus_cuts_cents_as_it_cuts_points() -> None:
    line = Line("L", "USA", "energy", "27090020", unit="¢/kg", base=D("4.4"), category="5 Years")
    assert _staged(line) == ["3.5¢/kg", "2.6¢/kg", "1.7¢/kg", "0.8¢/kg", "Free"]


def test_dollar_amounts_are_cut_to_a_tenth_of_a_cent() -> None:
    # $1.67/kg in 3 stages: 1.11333... and 0.55666... are cut to 1.113 and 0.556, not to 1.1 and 0.5.
    line = Line("L", "USA", "energy", "0401", unit="$/kg", base=D("1.67"), category="3 Years")
    assert _staged(line) == ["$1.113/kg", "$0.556/kg", "Free"]
    assert unit_rounding(RoundingRule(), "€/100 kg").step == D("0.001")
    assert unit_rounding(RoundingRule(), "¢/kg").step == D("0.1")
    assert unit_rounding(RoundingRule(), "%").step == D("0.1")


def test_eu_euro_amounts_round_down_to_a_tenth_of_a_euro_cent() -> None:
    # EU-Viet Nam Annex 2-A: B3 is four equal stages from EIF; 2.5 EUR/100 kg gives 1.875, 1.25, 0.625, 0.
    b3 = StagingCategory("B3", StagingKind.LINEAR, stages=4)
    eu = Agreement("EU-VN", date(2020, 8, 1), categories=(b3,))
    line = Line("L", "EU", "energy", "2710", unit="€/100 kg", base=D("2.5"), category="B3")
    assert _staged(line, eu) == ["€1.875/100 kg", "€1.25/100 kg", "€0.625/100 kg", "Free"]
    odd = Line("M", "EU", "energy", "2710", unit="€/100 kg", base=D("2.3"), category="B3")
    assert _staged(odd, eu)[0] == "€1.725/100 kg"  # 1.725 exactly
    assert _staged(replace(odd, base=D("2.31")), eu)[0] == "€1.732/100 kg"  # 1.7325 rounded down


def test_each_part_of_a_compound_is_staged_alone() -> None:
    duty = Duty((Amount(D("3.4"), "¢/kg"), Amount(D(2))))
    line = Line("L", "USA", "energy", "27101215", base=duty, category="5 Years")
    assert _staged(line) == [
        "2.7¢/kg + 1.6%",
        "2.0¢/kg + 1.2%",
        "1.3¢/kg + 0.8%",
        "0.6¢/kg + 0.4%",
        "Free",
    ]


def test_a_bounded_duty_stages_its_floor_too() -> None:
    duty = Duty((Amount(D(238)),), minimum=Amount(D("1.67"), "$/kg"))
    line = Line("L", "USA", "energy", "0406", base=duty, category="10 Years")
    staged = _staged(line)
    assert staged[0] == "214.2% but not less than $1.503/kg"
    assert staged[-1] == "Free"


def test_a_plus_ep_cuts_only_the_ad_valorem_part() -> None:
    duty = Duty((Amount(D(8)), Amount(D("2.5"), "€/100 kg")))
    line = Line("L", "EU", "energy", "0709", base=duty, category="A+EP")
    (phase,) = expand(line, KORUS)
    assert phase.value == Duty((Amount(D(0)), Amount(D("2.5"), "€/100 kg")))
    assert format_rate(phase.value) == "€2.5/100 kg"


def test_a_category_may_cut_the_specific_part_only() -> None:
    specific = StagingCategory("S5", StagingKind.LINEAR, stages=2, cuts=Cuts.SPECIFIC)
    agreement = Agreement("X", date(2030, 1, 1), categories=(specific,))
    duty = Duty((Amount(D("3.4"), "¢/kg"), Amount(D(2))))
    line = Line("L", "X", "energy", "2710", base=duty, category="S5")
    assert _staged(line, agreement) == ["1.7¢/kg + 2%", "2%"]


def test_plain_ad_valorem_lines_are_staged_as_before() -> None:
    line = Line("L", "KOR", "energy", "271111", base=D("6.8"), category="5 Years")
    assert [p.value for p in expand(line, KORUS)] == [D("5.4"), D("4.0"), D("2.7"), D("1.3"), D(0)]
