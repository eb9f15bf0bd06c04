"""Calendar arithmetic for timings: month ends clamp, agreement years follow the stage day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import assert_never

from carveplan.model import MonthDay, Offset, Unit


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the month's end (31 Jan + 1m = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_offset(day: date, offset: Offset | None) -> date:
    """``day`` moved by ``offset`` (none: unchanged)."""
    if offset is None:
        return day
    match offset.unit:
        case Unit.DAYS:
            return day + timedelta(days=offset.amount)
        case Unit.MONTHS:
            return add_months(day, offset.amount)
        case Unit.YEARS:
            return add_months(day, offset.amount * 12)
        case _:
            assert_never(offset.unit)


@lru_cache(maxsize=8192)
def stage_date(eif: date, stage_day: MonthDay, year: int) -> date:
    """The date agreement year ``year`` starts.

    Year 1 starts on the EIF date itself; year ``n`` (n ≥ 2) on the ``n-1``-th stage day strictly
    after EIF. With a 1 January stage day and EIF 15 March 2012, year 2 is 1 January 2013; with a
    1 April stage day and EIF 15 March 2012, year 2 is 1 April 2012 (Japan's fiscal year).
    """
    if year <= 1:
        return eif
    first = _clamped(eif.year, stage_day)
    if first <= eif:
        first = _clamped(eif.year + 1, stage_day)
    return _clamped(first.year + year - 2, stage_day)


def agreement_year(eif: date, stage_day: MonthDay, day: date) -> int:
    """The agreement year ``day`` falls in (0 before EIF)."""
    if day < eif:
        return 0
    year = 1
    # A few hundred iterations at most: agreements do not run for centuries.
    while stage_date(eif, stage_day, year + 1) <= day:
        year += 1
    return year


def stage_day_in(year: int, stage_day: MonthDay) -> date:
    """The stage day falling in calendar year ``year`` (clamped to the month's end)."""
    return _clamped(year, stage_day)


def _clamped(year: int, stage_day: MonthDay) -> date:
    last = calendar.monthrange(year, stage_day.month)[1]
    return date(year, stage_day.month, min(stage_day.day, last))
