"""A tool export's specific duties: ``Base_Rate_Alt`` beside ``Base_Rate``, an ``Alt_`` after each year.

The US FTA Tariff Tool prints an ad valorem duty in ``Base_Rate`` and the year columns (``Y2013``),
and a specific one (``1 cents/kg``) in ``Base_Rate_Alt`` and the ``Alt_`` columns (``Alt_2013``).
A line is read as what its base columns hold: ad valorem, specific, or both (a compound duty).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from carveplan.model import Rate
from carveplan.model.duty import PERCENT, Amount, Duty, format_rate, is_specific, is_zero

NOT_GIVEN = "base rate not given in the source"  # the note of a line whose base columns are empty
# The shape of a compound of a specific and an ad valorem part, as year cells are read: "¢/kg + %".
_PLUS = " + "
SPECIFIC_EXPECTED = "a specific duty such as 1 cents/kg or $1.67/kg"
Cell = tuple[Rate, str | None]  # a value and the unit its cell names
Printed = dict[int, tuple[Cell, int]]  # agreement year -> (cell, column)


@dataclass(frozen=True)
class Base:
    """A line's base as chosen from its base columns.

    Attributes:
        value: the base.
        unit: the line's unit (``%`` for a compound, whose parts carry their own).
        kept: what was left unread, for a warning; empty when both columns were read.
    """

    value: Rate
    unit: str
    kept: str = ""


def choose_base(base: Rate, unit: str, given: bool, alt: Cell | None) -> Base:
    """The base from the ad valorem column's value and the specific column's cell.

    Args:
        base, unit: what the ad valorem column gave.
        given: whether the ad valorem column printed anything.
        alt: the specific column's value, ``None`` when it is empty.

    Raises:
        ValueError: the specific column holds a bare number other than 0 (what it expected).
    """
    if alt is None:
        return Base(base, unit)
    value, alt_unit = alt
    if isinstance(value, Duty):  # a compound printed whole in the specific column
        if not given:
            return Base(value, PERCENT)
        return Base(base, unit, f"kept the base rate {format_rate(base, unit)}; {value} beside it")
    if alt_unit is None or not is_specific(alt_unit):
        if is_zero(value):
            return Base(base, unit) if given else Base(Decimal(0), PERCENT)
        raise ValueError(SPECIFIC_EXPECTED)
    if not given or (isinstance(base, Decimal) and not base):
        return Base(value, alt_unit)
    if isinstance(base, Decimal) and unit == PERCENT:
        return Base(Duty((Amount(value, alt_unit), Amount(base))), PERCENT)
    return Base(base, unit, f"kept the base rate {format_rate(base, unit)}; {_text(alt)} beside it")


def shape_of(base: Rate, unit: str) -> str:
    """How a line's year cells are read: its unit, or ``¢/kg + %`` for a specific-plus-ad-valorem compound."""
    if isinstance(base, Duty) and len(base.parts) == 2 and base.minimum is None and base.maximum is None:
        specific, ad_valorem = base.parts
        if not specific.ad_valorem and ad_valorem.ad_valorem:
            return f"{specific.unit}{_PLUS}{PERCENT}"
    return unit


@dataclass(frozen=True)
class YearValue:
    """One year's value from its ad valorem cell and its specific cell.

    Attributes:
        value: the value in the line's shape; ``None`` when nothing was read.
        left: what was printed but not read (a warning).
        expected: set when a cell cannot be read in the line's shape: what it should hold.
        in_specific: whether ``left`` or ``expected`` is about the specific cell.
    """

    value: Rate | None
    left: str = ""
    expected: str = ""
    in_specific: bool = False


def year_value(ad_valorem: Cell | None, specific: Cell | None, shape: str) -> YearValue:
    """The year's value of a line of ``shape`` (``%``, ``¢/kg`` or ``¢/kg + %``)."""
    for cell in (specific, ad_valorem):
        if cell is not None and isinstance(cell[0], Duty):  # a compound printed whole
            return YearValue(cell[0], in_specific=cell is specific)
    if _PLUS in shape:
        unit = shape.split(_PLUS)[0]
        if specific is not None and not _in(specific, unit):
            return YearValue(None, expected=f"a specific duty in {unit}", in_specific=True)
        if ad_valorem is not None and not _in(ad_valorem, PERCENT):
            return YearValue(None, expected="an ad valorem rate")
        if specific is None and ad_valorem is None:
            return YearValue(None)
        amounts = (_amount(specific), unit), (_amount(ad_valorem), PERCENT)
        return YearValue(Duty(tuple(Amount(value, u) for value, u in amounts)))
    if is_specific(shape):
        if specific is not None:
            if not _in(specific, shape):
                return YearValue(None, expected=f"a specific duty in {shape}", in_specific=True)
            return YearValue(specific[0])
        if ad_valorem is None or is_zero(ad_valorem[0]) or ad_valorem[1] == shape:
            return YearValue(None if ad_valorem is None else ad_valorem[0])
        left = f"{_text(ad_valorem)} beside a specific base ({shape}) not read"
        return YearValue(None, left)
    left = ""
    if specific is not None and not is_zero(specific[0]):
        left = f"{_text(specific)} beside an ad valorem base not read; kept the ad valorem rates"
    if ad_valorem is None:
        return YearValue(None, left, in_specific=True)
    if ad_valorem[1] not in (None, shape):
        return YearValue(None, expected=f"a rate in the base rate's unit ({shape})")
    return YearValue(ad_valorem[0], left, in_specific=bool(left))


def merge_years(
    ad_valorem: Printed, specific: Printed, shape: str
) -> tuple[dict[int, Rate], list[tuple[int, int, str]], list[tuple[int, str]]]:
    """Each year's value from its two cells.

    Returns:
        The values by agreement year; what was left unread as ``(year, column, what)``; the cells
        that cannot be read in the line's shape as ``(column, what they should hold)``.
    """
    values: dict[int, Rate] = {}
    left: list[tuple[int, int, str]] = []
    bad: list[tuple[int, str]] = []
    for year in sorted({*ad_valorem, *specific}):
        av, sp = ad_valorem.get(year), specific.get(year)
        got = year_value(av and av[0], sp and sp[0], shape)
        cell = sp if sp is not None and (got.in_specific or av is None) else av
        assert cell is not None
        if got.expected:
            bad.append((cell[1], got.expected))
        elif got.left:
            left.append((year, cell[1], got.left))
        if got.value is not None:
            values[year] = got.value
    return values, left, bad


def _in(cell: Cell, unit: str) -> bool:
    """Whether a cell reads in ``unit``: it names it, or names none (a bare number; ``0`` is free)."""
    value, named = cell
    if isinstance(value, Duty):
        return False
    return named == unit or (named is None and (unit == PERCENT or not value))


def _text(cell: Cell) -> str:
    return format_rate(cell[0], cell[1] or PERCENT)


def _amount(cell: Cell | None) -> Decimal:
    if cell is None:
        return Decimal(0)
    value = cell[0]
    return value if isinstance(value, Decimal) else Decimal(0)
