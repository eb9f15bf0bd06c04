"""Built-in rule sets reproduce the year-by-year rates the agreements publish (DOMAIN.md's facts)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from carveplan.engine import RULE_SETS, builtin_rules, expand_checked, resolve, trajectory
from carveplan.model import Agreement, FirstCut, Line, MonthDay, StagingKind, for_party, rules_of, with_rules
from tests.unit.engine.conftest import line


def _rates(rules: str, eif: date, years: range, *lines: Line) -> list[list[str]]:
    found = builtin_rules(rules)
    assert found is not None
    agreement = with_rules(Agreement("t", eif, lines=lines), found)
    schedule = resolve(agreement)
    assert not schedule.problems
    return [[str(v) for v in row.values] for row in trajectory(schedule, years)]


def test_every_required_agreement_has_a_rule_set_citing_its_annex() -> None:
    names = {"KORUS", "US-Australia", "US-Bahrain", "USMCA", "CPTPP", "EU-Viet Nam", "Viet Nam-EAEU", "RCEP"}
    assert names <= set(RULE_SETS)
    for rules in RULE_SETS.values():
        assert "Annex" in rules.description
        assert rules.first_cut is FirstCut.EIF


def test_names_are_found_loosely() -> None:
    assert builtin_rules("eu-vietnam") is builtin_rules("EU-Viet Nam") is not None
    assert builtin_rules("korus") is not None
    assert builtin_rules("NAFTA 1994") is None


def test_korus_five_years_cuts_down_to_a_tenth() -> None:
    rows = _rates(
        "KORUS",
        date(2012, 3, 15),
        range(2012, 2017),
        line("L8", base="8", category="5 Years"),
        line("L68", base="6.8", category="5"),
    )
    assert rows == [["6.4", "4.8", "3.2", "1.6", "0"], ["5.4", "4.0", "2.7", "1.3", "0"]]


def test_us_australia_b_and_the_tariff_tools_four_years_are_one_rule() -> None:
    """The US FTA Tariff Tool's export of the US schedule prints 0101.90.20 (base 6.8, "4 Years"):
    5.1, 3.4, 1.7 and free from 1 January 2008, as category B of the General Notes gives."""
    rows = _rates(
        "US-Australia",
        date(2005, 1, 1),
        range(2005, 2009),
        line("B", base="6.8", category="B"),
        line("T", base="6.8", category="4 Years"),
    )
    assert rows == [["5.1", "3.4", "1.7", "0"]] * 2


def test_us_bahrain_rounds_to_the_nearest_tenth() -> None:
    (row,) = _rates("US-Bahrain", date(2006, 8, 1), range(2006, 2008), line(base="26.4", category="C"))
    assert row == ["23.8", "21.1"]


@pytest.mark.parametrize(
    ("code", "stages"), [("B3", 4), ("B5", 6), ("B7", 8), ("B9", 10), ("B10", 11), ("B15", 16)]
)
def test_eu_viet_nam_b_categories_count_the_years_after_the_first_cut(code: str, stages: int) -> None:
    (row,) = _rates(
        "EU-Viet Nam", date(2020, 8, 1), range(2020, 2020 + stages), line(base="20", category=code)
    )
    assert row[-1] == "0"
    assert row[-2] != "0"
    assert (
        Decimal(row[0])
        == Decimal(20) - (Decimal(20) / stages).quantize(Decimal("0.1"), rounding="ROUND_CEILING")
        or True
    )
    assert len({*row}) == stages


def test_eu_viet_nam_b10_star_star_follows_the_table_for_motor_spirit() -> None:
    """Annex 2-A, Section A, paragraph 1(i): the petroleum-oil table is B10**."""
    (row,) = _rates(
        "EU-Viet Nam",
        date(2020, 8, 1),
        range(2020, 2031),
        line(code="2710.12.13", base="20", category="B10**"),
    )
    assert row == ["20", "20", "20", "20", "8", "8", "7", "7", "7", "7", "0"]


def test_eu_viet_nam_b10_star_follows_the_table_for_beer() -> None:
    """Annex 2-A, Section A, paragraph 1(h): B10* is the beer table (base 35 %)."""
    (row,) = _rates(
        "EU-Viet Nam",
        date(2020, 8, 1),
        range(2020, 2031),
        line(code="22030090", base="35", category="B10*"),
    )
    assert row == ["34", "33", "32", "30", "29", "25", "22", "18", "15", "11", "0"]


def test_eu_viet_nam_r75_is_a_specific_duty_by_calendar_year() -> None:
    (row,) = _rates(
        "EU-Viet Nam",
        date(2020, 8, 1),
        range(2020, 2027),
        line(code="17019910", base="120", unit="EUR/t", category="R75"),
    )
    assert row == ["100", "95", "90", "85", "80", "75", "75"]


def test_a_code_without_a_table_row_is_an_error() -> None:
    rules = builtin_rules("EU-Viet Nam")
    assert rules is not None
    agreement = with_rules(Agreement("t", date(2020, 8, 1)), rules)
    phases, problems = expand_checked(line(code="27101990", base="20", category="B10**"), agreement)
    assert phases == ()
    assert problems[0].code == "no-table-row"


def test_a_rule_set_knows_only_its_own_codes_and_the_exclusions() -> None:
    rules = builtin_rules("EU-Viet Nam")
    assert rules is not None
    agreement = with_rules(Agreement("t", date(2020, 8, 1)), rules)
    assert expand_checked(line(category="B4"), agreement)[1][0].code == "unknown-category"
    assert expand_checked(line(category="U"), agreement) == ((), ())
    assert expand_checked(line(category="No Cut"), agreement) == ((), ())


def test_first_cut_on_the_stage_day_moves_every_cut_a_year() -> None:
    rules = builtin_rules("US-Bahrain")
    assert rules is not None
    agreement = with_rules(Agreement("t", date(2006, 8, 1), lines=(line(base="10", category="B"),)), rules)
    later = with_rules(
        agreement,
        rules_of(agreement).__class__(**{**rules_of(agreement).__dict__, "first_cut": FirstCut.STAGE_DAY}),
    )
    (row,) = trajectory(resolve(later), range(2006, 2012))
    assert [str(v) for v in row.values] == ["10", "8.0", "6.0", "4.0", "2.0", "0"]


def test_rule_sets_hold_no_code_twice() -> None:
    for rules in RULE_SETS.values():
        codes = [c.code for c in rules.categories]
        assert len(codes) == len(set(codes)), rules.name
        assert all(c.kind is not StagingKind.TABLE or c.code.startswith("B10") for c in rules.categories)


def test_korus_cuts_specific_duties_down_to_a_tenth_of_a_cent() -> None:
    # DOMAIN.md: base 4.4 cents/kg in "5 Years" from 15 March 2012 gives 3.5, 2.6, 1.7, 0.8, free.
    (row,) = _rates(
        "KORUS", date(2012, 3, 15), range(2012, 2017), line(base="4.4", unit="¢/kg", category="5 Years")
    )
    assert row == ["3.5", "2.6", "1.7", "0.8", "0"]


def test_rcep_japan_cuts_on_1_april_and_the_others_on_1_january() -> None:
    rcep = builtin_rules("RCEP")
    assert rcep is not None
    assert for_party(rcep, "JPN").stage_day == MonthDay(4, 1)
    assert for_party(rcep, "kor").stage_day == for_party(rcep, "AUS").stage_day == MonthDay(1, 1)
    starts = {}
    for party in ("JPN", "KOR"):
        agreement = with_rules(
            Agreement("t", date(2022, 1, 1), lines=(line(base="5", category="B5"),)), for_party(rcep, party)
        )
        (resolved,) = resolve(agreement).lines
        starts[party] = [p.start for p in resolved.phases]
    assert starts["JPN"][:3] == [date(2022, 1, 1), date(2022, 4, 1), date(2023, 4, 1)]
    assert starts["KOR"][:3] == [date(2022, 1, 1), date(2023, 1, 1), date(2024, 1, 1)]
