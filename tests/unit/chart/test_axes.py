"""Date ticks by zoom and the agreement-year axis."""

from __future__ import annotations

from datetime import date

import matplotlib.dates as mdates
from hypothesis import given
from hypothesis import strategies as st

from carveplan.chart.axes import ZoomLevel, agreement_years, day_num, num_day, zoom_level, zoom_levels
from carveplan.model import MonthDay


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_day_num_matches_matplotlib_and_round_trips(day: date) -> None:
    assert day_num(day) == mdates.date2num(day)
    assert num_day(day_num(day)) == day


def test_zoom_level_by_span() -> None:
    assert zoom_level(date(2027, 1, 1), date(2027, 12, 31)) is ZoomLevel.MONTHS
    assert zoom_level(date(2027, 1, 1), date(2029, 6, 30)) is ZoomLevel.QUARTERS
    assert zoom_level(date(2027, 1, 1), date(2047, 1, 1)) is ZoomLevel.YEARS


def test_quarters_and_months_are_labelled() -> None:
    plan = zoom_levels(date(2027, 1, 1), date(2028, 12, 31))
    assert plan.labels[:3] == ("Q1\n2027", "Q2", "Q3")
    months = zoom_levels(date(2027, 3, 15), date(2027, 9, 30))
    assert months.major[0] == date(2027, 4, 1)
    assert months.labels[0] == "Apr"


def test_long_horizon_stays_readable() -> None:
    plan = zoom_levels(date(2027, 1, 1), date(2060, 1, 1), max_labels=10)
    assert plan.level is ZoomLevel.YEARS
    assert len(plan.labels) <= 10
    assert all(int(label) % 5 == 0 for label in plan.labels)


def test_agreement_years_follow_the_stage_day() -> None:
    years = agreement_years(date(2012, 3, 15), MonthDay(), date(2012, 1, 1), date(2014, 6, 1))
    assert years[:3] == [
        (1, date(2012, 3, 15), date(2013, 1, 1)),
        (2, date(2013, 1, 1), date(2014, 1, 1)),
        (3, date(2014, 1, 1), date(2015, 1, 1)),
    ]
    fiscal = agreement_years(date(2012, 3, 15), MonthDay(4, 1), date(2012, 1, 1), date(2012, 12, 1))
    assert fiscal[1] == (2, date(2012, 4, 1), date(2013, 4, 1))
