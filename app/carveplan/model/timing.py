"""Timing expressions: dates written the way treaties write them (``EIF+6m``, ``Y3``, ``M:REG-1``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

MilestoneId = str


class Unit(StrEnum):
    """The unit of an offset."""

    DAYS = "d"
    MONTHS = "m"
    YEARS = "y"


@dataclass(frozen=True)
class Offset:
    """A signed duration added to an anchor.

    Attributes:
        amount: signed number of units.
        unit: days, months or years.
    """

    amount: int
    unit: Unit = Unit.MONTHS

    def __str__(self) -> str:
        sign = "-" if self.amount < 0 else "+"
        return f"{sign}{abs(self.amount)}{self.unit.value}"


class Anchor(StrEnum):
    """What a timing is measured from."""

    DATE = "date"
    EIF = "eif"
    YEAR = "year"
    MILESTONE = "milestone"
    PREV = "prev"


@dataclass(frozen=True)
class Timing:
    """A point in time stored as the user wrote it; the engine resolves it to a date.

    Attributes:
        anchor: what the timing hangs off.
        day: the calendar date, for ``Anchor.DATE``.
        year: the agreement year (1 = EIF), for ``Anchor.YEAR``.
        milestone: the milestone id, for ``Anchor.MILESTONE``.
        offset: a duration added to the anchor, if any.
    """

    anchor: Anchor
    day: date | None = None
    year: int | None = None
    milestone: MilestoneId | None = None
    offset: Offset | None = None

    def __str__(self) -> str:
        return format_timing(self)

    @staticmethod
    def on(day: date) -> Timing:
        """A fixed calendar date."""
        return Timing(Anchor.DATE, day=day)

    @staticmethod
    def eif(offset: Offset | None = None) -> Timing:
        """Entry into force, optionally offset."""
        return Timing(Anchor.EIF, offset=offset)

    @staticmethod
    def agreement_year(year: int, offset: Offset | None = None) -> Timing:
        """The stage day of agreement year ``year``."""
        return Timing(Anchor.YEAR, year=year, offset=offset)

    @staticmethod
    def after_milestone(milestone: MilestoneId, offset: Offset | None = None) -> Timing:
        """The date milestone ``milestone`` is verified, optionally offset."""
        return Timing(Anchor.MILESTONE, milestone=milestone, offset=offset)

    @staticmethod
    def after_previous(offset: Offset | None = None) -> Timing:
        """The start of the previous phase of the same line, optionally offset."""
        return Timing(Anchor.PREV, offset=offset)


class TimingError(ValueError):
    """A timing expression that cannot be read; ``position`` points at the bad character."""

    def __init__(self, text: str, position: int, expected: str) -> None:
        self.text = text
        self.position = position
        self.expected = expected
        super().__init__(self.describe())

    def describe(self) -> str:
        """One line naming the bad character and what was expected there."""
        found = "the end" if self.position >= len(self.text) else repr(self.text[self.position])
        if self.expected == REAL_DATE:
            # "at character 6 found '1'" tells nobody that 13 is not a month.
            return f"cannot read timing {self.text!r}: {self.text.strip()!r} is not {REAL_DATE}"
        return (
            f"cannot read timing {self.text!r}: at character {self.position + 1} found {found}, "
            f"expected {self.expected} (a date is written YYYY-MM-DD, such as 2027-07-01; "
            "or EIF+6m, Y3, M:REG-1+6m, prev+12m)"
        )

    def caret(self) -> str:
        """The expression with a caret under the bad character (for terminals)."""
        return f"{self.text}\n{' ' * self.position}^"


MILESTONE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_OFFSET = re.compile(r"([+-])(\d{1,5})([dmyDMY])")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"[Yy](\d{1,3})")
# Dates an agreement can hold. Charts, reviews and stage years run up to a century past the latest
# date, so a slip such as 9999 would push them off the calendar and break every view.
FIRST_YEAR, LAST_YEAR = 1900, 2200
CALENDAR = f"a date from {FIRST_YEAR} to {LAST_YEAR}"
REAL_DATE = "a real calendar date YYYY-MM-DD (month 01 to 12, a day the month has), such as 2027-07-01"


def in_calendar(day: date) -> bool:
    """Whether ``day`` falls in the years an agreement can be planned in (1900 to 2200)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


_EXPECTED_ANCHOR = "a date YYYY-MM-DD, EIF, Y<n>, M:<milestone id> or prev"


def parse_timing(text: str) -> Timing:
    """Read a timing expression.

    Args:
        text: e.g. ``2027-01-01``, ``EIF+6m``, ``Y3``, ``M:REG-1+6m``, ``prev+12m``.

    Returns:
        The parsed timing.

    Raises:
        TimingError: naming the first character that does not fit.
    """
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    try:
        return _parse(stripped)
    except TimingError as err:
        raise TimingError(text, err.position + lead, err.expected) from None


def _parse(text: str) -> Timing:
    if not text:
        raise TimingError(text, 0, _EXPECTED_ANCHOR)
    date_match = _DATE.match(text)
    if date_match:
        return _parse_date(text, date_match)
    upper = text.upper()
    if upper.startswith("EIF"):
        return Timing(Anchor.EIF, offset=_parse_offset(text, 3))
    if upper.startswith("PREV"):
        return Timing(Anchor.PREV, offset=_parse_offset(text, 4))
    if upper.startswith("M:"):
        return _parse_milestone(text)
    year_match = _YEAR.match(text)
    if year_match:
        year = int(year_match.group(1))
        if year < 1:
            raise TimingError(text, 1, "an agreement year of 1 or more")
        return Timing(Anchor.YEAR, year=year, offset=_parse_offset(text, year_match.end()))
    raise TimingError(text, 0, _EXPECTED_ANCHOR)


def _parse_date(text: str, match: re.Match[str]) -> Timing:
    year, month, day = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise TimingError(text, 5, REAL_DATE) from None
    if not in_calendar(value):
        raise TimingError(text, 0, CALENDAR)
    if match.end() != len(text):
        raise TimingError(text, match.end(), "the end after a calendar date")
    return Timing(Anchor.DATE, day=value)


def _parse_milestone(text: str) -> Timing:
    body = text[2:]
    id_match = MILESTONE_ID.match(body)
    if not id_match:
        raise TimingError(text, 2, "a milestone id (letters, digits, '-', '_', '.')")
    ident = id_match.group(0)
    # Ids may contain '-': a trailing "+6m"/"-3m" is the offset, not part of the id.
    trailing = re.search(r"[+-]\d{1,5}[dmyDMY]$", ident)
    if trailing and trailing.start() > 0:
        ident = ident[: trailing.start()]
    return Timing(Anchor.MILESTONE, milestone=ident, offset=_parse_offset(text, 2 + len(ident)))


def _parse_offset(text: str, start: int) -> Offset | None:
    rest = text[start:]
    if not rest:
        return None
    rest_stripped = rest.lstrip()
    pos = start + len(rest) - len(rest_stripped)
    if rest_stripped[:1] not in ("+", "-"):
        raise TimingError(text, pos, "'+' or '-' and an offset such as 6m, 2y or 90d")
    sign = rest_stripped[0]
    body = rest_stripped[1:].strip()
    pos_body = len(text) - len(body)
    match = _OFFSET.fullmatch(sign + body)
    if not match:
        digits = re.match(r"\d*", body)
        assert digits is not None
        if not digits.group(0):
            raise TimingError(text, pos_body, "a number of days, months or years")
        bad = pos_body + digits.end()
        raise TimingError(text, bad, "a unit: d (days), m (months) or y (years) at the end")
    amount = int(match.group(2))
    return Offset(-amount if sign == "-" else amount, Unit(match.group(3).lower()))


def format_timing(timing: Timing) -> str:
    """Write a timing in its canonical form (the inverse of :func:`parse_timing`)."""
    if timing.anchor is Anchor.DATE:
        assert timing.day is not None
        return timing.day.isoformat()
    head = {
        Anchor.EIF: "EIF",
        Anchor.PREV: "prev",
        Anchor.YEAR: f"Y{timing.year}",
        Anchor.MILESTONE: f"M:{timing.milestone}",
    }[timing.anchor]
    return head + (str(timing.offset) if timing.offset is not None else "")
