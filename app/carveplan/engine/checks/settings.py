"""Checks of the agreement's settings and of its own staging categories."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from typing import assert_never

from carveplan.model import (
    Agreement,
    Location,
    MonthDay,
    Problem,
    RoundingDirection,
    StagingCategory,
    StagingKind,
    error,
)

# A non-leap year: 29 February is refused because most years have no such stage day.
_PLAIN_YEAR = 2023


def stage_day_ok(stage_day: MonthDay) -> bool:
    """Whether the stage day is a day every year has."""
    return (
        1 <= stage_day.month <= 12
        and 1 <= stage_day.day <= calendar.monthrange(_PLAIN_YEAR, stage_day.month)[1]
    )


def settings_problems(agreement: Agreement) -> Iterator[Problem]:
    """An impossible stage day or a rounding step of zero or less."""
    if not stage_day_ok(agreement.stage_day):
        text = f"stage day {agreement.stage_day} is not a day every year has (month-day, 29 February refused)"
        yield error(Location(kind="agreement", field="stage_day"), text, "stage-day")
    rounding = agreement.rounding
    if rounding.direction is not RoundingDirection.NONE and rounding.step <= 0:
        text = f"rounding step must be over 0, not {rounding.step}"
        yield error(Location(kind="agreement", field="rounding.step"), text, "rounding-step")


def category_problems(agreement: Agreement) -> Iterator[Problem]:
    """Categories that cannot generate phases: no stages, shares not adding to 1, no steps."""
    for c in agreement.categories:

        def bad(field: str, text: str, code: str = c.code) -> Problem:
            return error(Location(kind="category", item=code, field=field), text, "category-invalid")

        shape = _shape_problem(c)
        if shape is not None:
            yield bad(*shape)
        if c.hold < 0:
            yield bad("hold", "years held cannot be negative")
        if any(s.year < 1 for s in c.steps):
            yield bad("steps", "steps start in agreement year 1 or later")


def _shape_problem(c: StagingCategory) -> tuple[str, str] | None:
    """``(field, message)`` when the numbers a category's kind needs are missing or wrong."""
    match c.kind:
        case StagingKind.LINEAR | StagingKind.BACK_LOADED | StagingKind.PARTIAL:
            return None if c.stages >= 1 else ("stages", f"a {c.kind.value} category needs at least 1 stage")
        case StagingKind.NON_LINEAR:
            if c.shares and sum(c.shares) == 1 and min(c.shares) >= 0:
                return None
            return "shares", f"shares must be 0 or more and add up to 1, not {sum(c.shares)}"
        case StagingKind.STEPS | StagingKind.CALENDAR_STEPS:
            return None if c.steps else ("steps", "a steps category needs at least one step")
        case StagingKind.IMMEDIATE | StagingKind.TABLE | StagingKind.EXCLUDED:
            return None
        case _:
            assert_never(c.kind)
