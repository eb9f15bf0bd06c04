"""Values over time: the value in force on a day, and year-by-year rows as schedules print them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from carveplan.engine.dates import stage_day_in
from carveplan.engine.schedule import ResolvedLine, Schedule
from carveplan.model import Rate


@dataclass(frozen=True)
class TrajectoryRow:
    """One line's value in force in each requested calendar year.

    Attributes:
        line: the resolved line.
        values: one value per requested year, in the order asked.
    """

    line: ResolvedLine
    values: tuple[Rate, ...]


def value_at(line: ResolvedLine, day: date) -> Rate:
    """The value of a line in force on ``day``.

    Args:
        line: the resolved line.
        day: any date.

    Returns:
        The value of the latest phase started on or before ``day`` (the later index when two start
        on the same day); the base before the first phase. Blocked phases never apply.
    """
    value = line.line.base
    latest: tuple[date, int] | None = None
    for phase in line.phases:
        if phase.start is None or phase.start > day:
            continue
        key = (phase.start, phase.index)
        if latest is None or key > latest:
            latest, value = key, phase.value
    return value


UNSTAGED = frozenset({"unknown-category", "no-table-row"})


def unstaged_lines(schedule: Schedule) -> frozenset[str]:
    """Lines whose category could not be expanded (unknown, or no table row for the code): their
    values are unknown, and showing the base for every year would be silently wrong."""
    return frozenset(p.location.item for p in schedule.problems if p.code in UNSTAGED)


def year_range(schedule: Schedule) -> range:
    """The calendar years worth showing: from EIF to the year the last line reaches its final value.

    Args:
        schedule: a resolved schedule.

    Returns:
        At least the EIF year and the next one.
    """
    first = schedule.eif.year
    finals = [ln.final_date.year for ln in schedule.lines if ln.final_date is not None]
    return range(first, max([first + 1, *finals]) + 1)


def trajectory(schedule: Schedule, years: Iterable[int]) -> tuple[TrajectoryRow, ...]:
    """The value of every line in force in each calendar year.

    Args:
        schedule: a resolved schedule.
        years: calendar years, e.g. :func:`year_range`.

    Returns:
        One row per line in agreement order. A year's value is the one in force on that year's
        stage day; in the EIF year it is the value at EIF (whatever year the agreement starts in,
        the rate for that year applies); before EIF it is the base.
    """
    days = reference_days(schedule, years)
    before = next((i for i, day in enumerate(days) if day is not None), len(days))  # years before EIF
    known = [day for day in days[before:] if day is not None]
    if len(known) == len(days) - before and all(a <= b for a, b in pairwise(known)):
        return tuple(TrajectoryRow(line, _spread(line, before, known)) for line in schedule.lines)
    return tuple(TrajectoryRow(line, _values(line, days)) for line in schedule.lines)


def _spread(line: ResolvedLine, before: int, days: list[date]) -> tuple[Rate, ...]:
    """The base for ``before`` years, then the line's value on each ascending day, run by run."""
    values = [line.line.base] * before
    for first, end, value in value_runs(line, days):
        values += [value] * (end - first)
    return tuple(values)


def _values(line: ResolvedLine, days: list[date | None]) -> tuple[Rate, ...]:
    """:func:`value_at` on each day, sorting the line's phases once instead of scanning them per day."""
    base = line.line.base
    # In (start, index) order, the phase in force on a day is the last one started by then.
    applied = sorted((p.start, p.index, p.value) for p in line.phases if p.start is not None)
    starts = [start for start, _, _ in applied]
    values = [base, *(value for _, _, value in applied)]
    return tuple(base if d is None else values[bisect_right(starts, d)] for d in days)


def value_runs(line: ResolvedLine, days: Sequence[date]) -> list[tuple[int, int, Rate]]:
    """A line's values on ascending ``days`` as runs of one value: ``(first, end, value)``.

    The runs cover the indexes ``0 .. len(days)`` in order, each ``days[first:end]`` in force at
    ``value`` (:func:`value_at`), and two runs next to each other differ in value. Each phase
    costs one search, however many days there are.
    """
    count = len(days)
    runs: list[tuple[int, int, Rate]] = []
    first, current = 0, line.line.base
    for start, _, value in sorted((p.start, p.index, p.value) for p in line.phases if p.start is not None):
        at = bisect_left(days, start)  # the first day the phase is in force
        if at >= count:
            break
        if at > first:
            if value == current:
                continue
            runs.append((first, at, current))
            first = at
        elif runs and runs[-1][2] == value:  # the value before was never in force: the run goes on
            first = runs.pop()[0]
        current = value
    if count:
        runs.append((first, count, current))
    return runs


def reference_days(schedule: Schedule, years: Iterable[int]) -> list[date | None]:
    """The day whose value stands for each calendar year (``None`` before EIF: the base)."""
    return [_reference_day(schedule, year) for year in years]


def _reference_day(schedule: Schedule, year: int) -> date | None:
    if year < schedule.eif.year:
        return None
    if year == schedule.eif.year:
        return schedule.eif
    return stage_day_in(year, schedule.agreement.stage_day)
