"""How large each whole-number field may be: bounds no treaty comes near, checked wherever a file is read.

Without them one slip (``stages: 100000000``, ``notification_days: 999999999999``) makes the engine
generate a hundred million phases or step past the last date Python has. Lower bounds that are
mistakes of meaning (a review every 0 months) are left to validation, which explains them; these
bounds only keep the numbers within what a planner can mean.
"""

from __future__ import annotations

# The longest period an agreement plans over: 1900 to 2200.
MAX_MONTHS = 1_200
MAX_DAYS = 3_650  # ten years of notice is already far beyond any treaty's
MAX_STAGES = 50  # the longest real staging categories have 30 annual stages (KORUS "30 Years")
MAX_CALENDAR_YEAR = 2_200  # dates are read from 1900 to 2200

# field name -> (least, most), for every whole-number field of the model, under its name in the
# agreement file and in the workbook's columns; ``Record.field`` where the name alone is ambiguous.
WHOLE_RANGES: dict[str, tuple[int, int]] = {
    "stages": (0, MAX_STAGES),
    "hold": (0, MAX_STAGES),
    # A step's year is an agreement year, or a calendar year in calendar steps (EU–Viet Nam R75).
    "Step.year": (0, MAX_CALENDAR_YEAR),
    "notification_days": (0, MAX_DAYS),
    "termination_notice_days": (0, MAX_DAYS),
    "max_duration_months": (0, MAX_MONTHS),
    "extension_months": (0, MAX_MONTHS),
    "review_interval_months": (0, MAX_MONTHS),
    "interval_months": (0, MAX_MONTHS),
    "count": (0, MAX_MONTHS),
    "months": (-MAX_MONTHS, MAX_MONTHS),  # a milestone delay; an early milestone is a negative one
    "duration_months": (0, MAX_MONTHS),
    "duration": (0, MAX_MONTHS),
}


def whole_out_of_range(field: str, value: int, record: str = "") -> str | None:
    """What was expected when ``value`` is outside the range of ``field``; ``None`` when it is within.

    Args:
        field: the field's name (``stages``, ``notification_days`` ...).
        value: the whole number read.
        record: the record's class name (``Step``), for names that mean different things.

    Returns:
        ``"a whole number from 0 to 50"`` style text, or ``None``.
    """
    bounds = whole_range(field, record)
    if bounds is None or bounds[0] <= value <= bounds[1]:
        return None
    return whole_expected(field, record)


def whole_range(field: str, record: str = "") -> tuple[int, int] | None:
    """The range of ``field`` of ``record``, if it has one."""
    return WHOLE_RANGES.get(f"{record}.{field}") or WHOLE_RANGES.get(field)


def whole_expected(field: str, record: str = "") -> str:
    """``"a whole number from 0 to 50"`` for ``stages``; the plain words for a field without a range."""
    bounds = whole_range(field, record)
    return "a whole number" if bounds is None else f"a whole number from {bounds[0]:,} to {bounds[1]:,}"
