"""Resolving a whole agreement: KORUS dates, stage days, scenarios and moved entry into force."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from carveplan.engine import resolve
from carveplan.model import Agreement, EifMoved, MilestoneDelay, MonthDay, Scenario
from tests.unit.engine.conftest import agreement, line, milestone


def test_korus_five_years_dates_and_values(korus: Agreement) -> None:
    schedule = resolve(korus)
    assert schedule.scenario == "baseline"
    eight = schedule.line("L8")
    assert [(p.start, str(p.value)) for p in eight.phases] == [
        (date(2012, 3, 15), "6.4"),
        (date(2013, 1, 1), "4.8"),
        (date(2014, 1, 1), "3.2"),
        (date(2015, 1, 1), "1.6"),
        (date(2016, 1, 1), "0"),
    ]
    six_eight = schedule.line("L68")
    assert [str(p.value) for p in six_eight.phases] == ["5.4", "4.0", "2.7", "1.3", "0"]
    assert six_eight.final_date == date(2016, 1, 1)
    assert six_eight.final_value == Decimal(0)
    assert schedule.problems == ()


def test_a_first_of_april_stage_day(korus: Agreement) -> None:
    schedule = resolve(replace(korus, stage_day=MonthDay(4, 1)))
    assert [p.start for p in schedule.line("L8").phases] == [
        date(2012, 3, 15),
        date(2012, 4, 1),
        date(2013, 4, 1),
        date(2014, 4, 1),
        date(2015, 4, 1),
    ]


def test_moving_eif_moves_everything_that_hangs_off_it() -> None:
    deal = agreement(
        lines=(line(base="8", category="B2"),),
        milestones=(milestone("REG-1", "EIF+6m"), milestone("FIXED", "2013-05-05")),
        scenarios=(Scenario("later", overrides=(EifMoved(date(2014, 7, 1)),)),),
    )
    schedule = resolve(deal, "later")
    assert schedule.eif == date(2014, 7, 1)
    assert [p.start for p in schedule.line("L1").phases] == [date(2014, 7, 1), date(2015, 1, 1)]
    assert schedule.milestone("REG-1").date == date(2015, 1, 1)
    assert schedule.milestone("FIXED").date == date(2013, 5, 5)
    assert resolve(deal).eif == date(2012, 3, 15)


def test_baseline_and_unknown_scenarios() -> None:
    deal = agreement(scenarios=(Scenario("late", overrides=(MilestoneDelay("GHOST", 3),)),))
    assert resolve(deal, "baseline").scenario == "baseline"
    assert resolve(deal, None).problems == ()
    late = resolve(deal, "late")
    assert late.scenario == "late"
    assert [p.code for p in late.problems] == ["unknown-milestone"]
    assert str(late.problems[0].location) == "scenario late overrides[0]"
    with pytest.raises(KeyError, match=r"no scenario named 'nope'.*'late'"):
        resolve(deal, "nope")


def test_lines_and_milestones_keep_agreement_order() -> None:
    deal = agreement(
        lines=(line("Z", base="1", category="A"), line("A", base="1", category="A")),
        milestones=(milestone("M2", depends_on=("M1",)), milestone("M1")),
    )
    schedule = resolve(deal)
    assert [ln.line.id for ln in schedule.lines] == ["Z", "A"]
    assert [m.milestone.id for m in schedule.milestones] == ["M2", "M1"]


def test_windows_alone_match_the_full_resolution() -> None:
    from carveplan.engine import resolve_windows
    from carveplan.io import native
    from carveplan.resources import sample_path

    agreement = native.load(sample_path())
    for scenario in agreement.scenarios:
        assert resolve_windows(agreement, scenario.name) == resolve(agreement, scenario.name).windows
    assert resolve_windows(agreement) == ()


def test_a_part_resolves_each_line_as_the_whole_does() -> None:
    from carveplan.engine.resolve import resolve_some
    from tests.benchmarks.national import national_agreement

    agreement = national_agreement(1, per_party=30)
    whole = resolve(agreement)
    chosen = agreement.lines[5::7]
    part = resolve_some(agreement, chosen)
    assert [r.line for r in part.lines] == list(chosen)
    assert all(part.line(line.id) == whole.line(line.id) for line in chosen)
    assert (part.milestones, part.windows, part.reviews) == (whole.milestones, whole.windows, whole.reviews)
    assert set(part.problems) <= set(whole.problems)
