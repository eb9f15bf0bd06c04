"""Lags in tenths of a minute, and the working-day stamps of the calendar we write."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from carveplan.engine.dates import add_offset
from carveplan.io.mspdi.fields import duration_text, finish_stamp, lag_offset, lag_tenths, start_stamp
from carveplan.model import Offset, Unit
from tests.helpers.strategies import offsets


@given(offsets())
def test_lag_round_trip_lands_on_the_same_day(lag: Offset) -> None:
    tenths, lag_format = lag_tenths(lag)
    back = lag_offset(tenths, lag_format)
    day = date(2030, 1, 31)
    assert add_offset(day, back) == add_offset(day, lag)


def test_years_are_written_as_elapsed_months() -> None:
    assert lag_tenths(Offset(2, Unit.YEARS)) == (24 * 30 * 1440 * 10, 12)
    assert lag_offset(24 * 30 * 1440 * 10, 12) == Offset(24, Unit.MONTHS)


@pytest.mark.parametrize(
    ("tenths", "lag_format", "expected"),
    [
        (0, 7, None),
        (5 * 480 * 10, 7, Offset(5, Unit.DAYS)),  # working days of the project's 8-hour day
        (5 * 480 * 10, 39, Offset(5, Unit.DAYS)),  # "5 days?" (estimated)
        (2 * 30 * 480 * 10, 11, Offset(2, Unit.MONTHS)),
        (36 * 60 * 10, 6, Offset(2, Unit.DAYS)),  # 36 elapsed hours round to 2 days
        (-3 * 1440 * 10, 8, Offset(-3, Unit.DAYS)),
    ],
)
def test_lag_formats(tenths: int, lag_format: int, expected: Offset | None) -> None:
    assert lag_offset(tenths, lag_format) == expected


def test_percent_lags_are_refused() -> None:
    with pytest.raises(ValueError, match="percent"):
        lag_offset(500, 19)


def test_working_day_stamps_and_durations() -> None:
    day = date(2027, 1, 1)
    assert start_stamp(day) == "2027-01-01T08:00:00"
    assert finish_stamp(day) == "2027-01-01T17:00:00"
    assert finish_stamp(day, milestone=True) == "2027-01-01T08:00:00"
    assert duration_text(day, date(2027, 12, 31)) == f"PT{365 * 8}H0M0S"
    assert duration_text(day, day, milestone=True) == "PT0H0M0S"
