"""Words shared by the app, the command line and every export: counted nouns and dates in prose."""

from __future__ import annotations

from datetime import date

# Not strftime's %b: Qt sets the C library's locale from the user's, which would change the month
# names in a window but not on the command line.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_IRREGULAR = {"party": "parties", "category": "categories", "entry": "entries", "country": "countries"}


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 error``, ``2 errors``, ``0 parties``: a count and its noun in the matching number.

    Args:
        count: how many.
        noun: the singular noun.
        many: the plural when it is not the noun with an ``s`` (or a known ``y`` → ``ies``).
    """
    if count == 1:
        return f"{count:,} {noun}"
    return f"{count:,} {many or _IRREGULAR.get(noun) or noun + 's'}"


def day_text(day: date | None) -> str:
    """A date written for people, the one way CarvePlan writes one: ``1 Jan 2027`` (``—`` for none).

    Cells that are typed into, files and the command line's columns keep ``2027-01-01``, which sorts
    and reads the same in every locale.
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else "—"
