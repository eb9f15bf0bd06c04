"""Values over time: value on a day, the year range, and the EIF-year rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.engine import resolve, trajectory, value_at, year_range
from carveplan.engine.dates import stage_day_in
from carveplan.model import Agreement, Gate, MilestoneMissed, MonthDay, Phase, Scenario
from tests.helpers.strategies import agreements
from tests.unit.engine.conftest import agreement, line, milestone, timing


def test_value_at_follows_the_phases(korus: Agreement) -> None:
    eight = resolve(korus).line("L8")
    assert value_at(eight, date(2012, 3, 14)) == Decimal(8)
    assert value_at(eight, date(2012, 3, 15)) == Decimal("6.4")
    assert value_at(eight, date(2012, 12, 31)) == Decimal("6.4")
    assert value_at(eight, date(2013, 1, 1)) == Decimal("4.8")
    assert value_at(eight, date(2030, 1, 1)) == Decimal(0)


def test_korus_rows_by_calendar_year(korus: Agreement) -> None:
    schedule = resolve(korus)
    assert year_range(schedule) == range(2012, 2017)
    rows = trajectory(schedule, range(2011, 2018))
    assert [str(v) for v in rows[0].values] == ["8", "6.4", "4.8", "3.2", "1.6", "0", "0"]
    assert [str(v) for v in rows[1].values] == ["6.8", "5.4", "4.0", "2.7", "1.3", "0", "0"]
    assert rows[1].line.line.id == "L68"


def test_the_eif_year_shows_the_rate_at_eif_with_a_first_of_april_stage_day(korus: Agreement) -> None:
    schedule = resolve(replace(korus, stage_day=MonthDay(4, 1)))
    # Year 2 starts on 1 April 2012; calendar 2012 shows the EIF rate, 2013 the rate of 1 April 2013.
    (row, _) = trajectory(schedule, [2012, 2013, 2015])
    assert [str(v) for v in row.values] == ["6.4", "3.2", "0"]


def test_blocked_phases_never_apply_and_same_day_phases_take_the_later() -> None:
    phases = (
        Phase(timing("Y2"), Decimal(6)),
        Phase(timing("Y2"), Decimal(4)),
        Phase(timing("Y3"), Decimal(0), gates=(Gate("REG-1"),)),
    )
    deal = agreement(
        lines=(line(base="9", phases=phases),),
        milestones=(milestone("REG-1"),),
        scenarios=(Scenario("missed", overrides=(MilestoneMissed("REG-1"),)),),
    )
    blocked = resolve(deal, "missed")
    assert value_at(blocked.line("L1"), date(2013, 1, 1)) == Decimal(4)
    assert value_at(blocked.line("L1"), date(2040, 1, 1)) == Decimal(4)
    assert year_range(blocked) == range(2012, 2014)


def test_the_range_reaches_the_last_final_date() -> None:
    deal = agreement(lines=(line("A", base="5", category="A"), line("B", base="5", category="B10")))
    assert year_range(resolve(deal)) == range(2012, 2022)
    assert year_range(resolve(agreement())) == range(2012, 2014)


@settings(max_examples=60, deadline=None)
@given(agreements(), st.lists(st.integers(1990, 2100), max_size=8))
def test_rows_hold_the_value_in_force_on_each_reference_day(sample: Agreement, years: list[int]) -> None:
    schedule = resolve(sample)
    for row in trajectory(schedule, years):
        expected = []
        for year in years:
            if year < schedule.eif.year:
                expected.append(row.line.line.base)
            else:
                day = schedule.eif if year == schedule.eif.year else stage_day_in(year, sample.stage_day)
                expected.append(value_at(row.line, day))
        assert row.values == tuple(expected)
