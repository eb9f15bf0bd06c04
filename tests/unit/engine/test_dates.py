"""Calendar arithmetic: month ends, offsets and agreement years with 1 January or 1 April stage days."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.engine.dates import add_months, add_offset, agreement_year, stage_date, stage_day_in
from carveplan.model import MonthDay, Offset, Unit

EIF = date(2012, 3, 15)
APRIL = MonthDay(4, 1)


def test_month_ends_clamp() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)


def test_offsets_in_each_unit() -> None:
    assert add_offset(EIF, None) == EIF
    assert add_offset(EIF, Offset(90, Unit.DAYS)) == date(2012, 6, 13)
    assert add_offset(EIF, Offset(-3, Unit.MONTHS)) == date(2011, 12, 15)
    assert add_offset(date(2012, 2, 29), Offset(1, Unit.YEARS)) == date(2013, 2, 28)


@pytest.mark.parametrize(
    ("stage_day", "year", "expected"),
    [
        (MonthDay(), 1, EIF),
        (MonthDay(), 2, date(2013, 1, 1)),
        (MonthDay(), 5, date(2016, 1, 1)),
        (APRIL, 2, date(2012, 4, 1)),
        (APRIL, 3, date(2013, 4, 1)),
    ],
)
def test_stage_dates(stage_day: MonthDay, year: int, expected: date) -> None:
    assert stage_date(EIF, stage_day, year) == expected


def test_eif_on_the_stage_day_puts_year_two_a_year_later() -> None:
    assert stage_date(date(2012, 4, 1), APRIL, 2) == date(2013, 4, 1)
    assert stage_date(date(2012, 1, 1), MonthDay(), 2) == date(2013, 1, 1)


def test_agreement_year_of_a_day() -> None:
    assert agreement_year(EIF, MonthDay(), date(2012, 1, 1)) == 0
    assert agreement_year(EIF, MonthDay(), EIF) == 1
    assert agreement_year(EIF, MonthDay(), date(2012, 12, 31)) == 1
    assert agreement_year(EIF, MonthDay(), date(2013, 1, 1)) == 2
    assert agreement_year(EIF, APRIL, date(2012, 4, 1)) == 2


def test_stage_day_in_a_calendar_year_clamps() -> None:
    assert stage_day_in(2013, APRIL) == date(2013, 4, 1)
    assert stage_day_in(2013, MonthDay(6, 31)) == date(2013, 6, 30)


days = st.dates(date(1990, 1, 1), date(2080, 12, 31))
stage_days = st.sampled_from([MonthDay(), APRIL, MonthDay(7, 1), MonthDay(12, 31)])


@given(days, stage_days, st.integers(0, 40))
def test_agreement_year_and_stage_date_agree(eif: date, stage_day: MonthDay, offset_days: int) -> None:
    day = eif + timedelta(days=offset_days * 97)
    year = agreement_year(eif, stage_day, day)
    assert stage_date(eif, stage_day, year) <= day < stage_date(eif, stage_day, year + 1)


@given(days, st.integers(-600, 600))
def test_adding_months_lands_in_the_right_month(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == min(day.day, calendar.monthrange(moved.year, moved.month)[1])
