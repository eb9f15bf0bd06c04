"""Table cells as text, read and written by the model's grammar; messages name the text typed (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple, TypeVar

from carveplan.model import Gate, MeasureKind, Step, Timing
from carveplan.model import grammar as g
from carveplan.model.duty import Rate
from carveplan.model.grammar import CellError, enum_label
from carveplan.model.quota import Quota
from carveplan.model.quota_grammar import format_quota, parse_quota
from carveplan.model.ranges import whole_out_of_range
from carveplan.model.rates import format_rate_cell, parse_rate

__all__ = ["CellError", "enum_label"]

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


def _read(parse: Callable[[str], T], text: str) -> T:
    """``parse(text)``, its error naming the text typed."""
    try:
        return parse(text)
    except CellError as err:
        raise err.at(text.strip()) from None


def _optional(parse: Callable[[str], T], text: str) -> T | None:
    return _read(parse, text) if text.strip() else None


# --- text ---------------------------------------------------------------------------
def parse_text(text: str) -> str:
    """Free text, with the surrounding spaces spreadsheets leave behind removed."""
    return text.strip()


def parse_key(text: str) -> str:
    """An identifier (code, id, name): required, and a single line."""
    value = text.strip()
    if not value:
        raise CellError("a value: it cannot be empty")
    if "\n" in value or "\t" in value:
        raise CellError("a single line", value)
    return value


# --- numbers ------------------------------------------------------------------------
def parse_decimal(text: str) -> Decimal:
    """A decimal number such as ``6.8``, ``6.8%``, ``1,000`` or ``20,0`` (read exactly, never as a float)."""
    return _read(g.parse_number, text)


def parse_non_negative(text: str) -> Decimal:
    """A decimal of 0 or more: a rate, a cap, a volume or a requirement cannot be below zero."""
    number = parse_decimal(text)
    if number < 0:
        raise CellError(f"{text.strip()!r} is negative; a rate, cap or volume is 0 or more")
    return number


def parse_optional_non_negative(text: str) -> Decimal | None:
    """A decimal of 0 or more, or empty."""
    return parse_non_negative(text) if text.strip() else None


def parse_optional_decimal(text: str) -> Decimal | None:
    """A decimal number, or ``None`` for an empty cell."""
    return _optional(g.parse_number, text)


def format_decimal(value: Decimal | None) -> str:
    """The number as stored (``6.80`` keeps its digits: the user typed them), empty for none."""
    return "" if value is None else g.format_number(value)


class TypedRate(NamedTuple):
    """A rate typed in a cell, with the unit it names (``4.4¢/kg``), or ``None`` to keep the line's."""

    value: Rate
    unit: str | None


def parse_rate_cell(text: str) -> TypedRate:
    """A rate as published: ``5``, ``4.4¢/kg``, ``3.4¢/kg + 2%``; the unit when the text names one."""
    return TypedRate(*_read(parse_rate, text))


def parse_optional_rate_cell(text: str) -> TypedRate | None:
    """A rate, or ``None`` for an empty cell."""
    return TypedRate(*_read(parse_rate, text)) if text.strip() else None


def format_rate(value: Rate | None, unit: str) -> str:
    """A rate in a cell: ``6.8`` for ad valorem, ``4.4¢/kg`` or ``3.4¢/kg + 2%`` as published."""
    return "" if value is None else format_rate_cell(value, unit)


def check_typed(record: object, typed: TypedRate) -> None:
    """Refuse a rate that cannot be true on this line: an ad valorem tariff above 1,000% (a slip)."""
    unit = typed.unit or getattr(record, "unit", "%")
    value = typed.value
    if getattr(record, "measure", None) is MeasureKind.TARIFF and unit == "%" and isinstance(value, Decimal):
        _read(lambda _text: g.check_percent(value), g.format_number(value))


def parse_count(text: str) -> int:
    """A whole number of zero or more."""
    return _read(g.parse_count, text)


def count_of(field: str) -> Callable[[str], int]:
    """:func:`parse_count` within the range the model gives ``field`` (stages and hold up to 50)."""

    def parse(text: str) -> int:
        value = parse_count(text)
        expected = whole_out_of_range(field, value)
        if expected is not None:
            raise CellError.plain(f"{value} is out of range: expected {expected}")
        return value

    return parse


def parse_optional_count(text: str) -> int | None:
    """A whole number of zero or more, or ``None`` for an empty cell."""
    return _optional(g.parse_count, text)


def optional_count_of(field: str) -> Callable[[str], int | None]:
    """:func:`parse_optional_count` within the range the file reader gives ``field``
    (notification days 0 to 3,650, months up to 1,200)."""
    within = count_of(field)

    def parse(text: str) -> int | None:
        return None if not text.strip() else within(text)

    return parse


def format_optional(value: object) -> str:
    """Any value as text, empty for ``None``."""
    return "" if value is None else str(value)


# --- time ---------------------------------------------------------------------------
def parse_timing_cell(text: str) -> Timing:
    """A timing expression (``EIF+6m``, ``Y3``, ``M:REG-1+6m``)."""
    return _read(g.parse_timing_text, text)


def parse_optional_timing(text: str) -> Timing | None:
    """A timing expression, or ``None`` for an empty cell."""
    return _optional(g.parse_timing_text, text)


def format_optional_timing(value: Timing | None) -> str:
    """A timing in its canonical form, empty for none."""
    return "" if value is None else g.format_timing_text(value)


def parse_date(text: str) -> date:
    """A calendar date ``YYYY-MM-DD`` (a spreadsheet's ``2029-03-01 00:00:00`` is accepted)."""
    return _read(g.parse_date, text)


def parse_optional_date(text: str) -> date | None:
    """A calendar date, or ``None`` for an empty cell."""
    return _optional(g.parse_date, text)


def format_optional_date(value: date | None) -> str:
    """An ISO date (sorts and reads the same in every locale), empty for none."""
    return "" if value is None else g.format_date(value)


# --- choices ------------------------------------------------------------------------
def enum_parser(enum: type[E]) -> Callable[[str], E]:
    """A parser for ``enum`` accepting its value or label in any case (``Equity cap``, ``equity_cap``)."""
    parse = g.enum_parser(enum)
    return lambda text: _read(parse, text)


# --- lists --------------------------------------------------------------------------
def parse_ids(text: str) -> tuple[str, ...]:
    """A comma-separated list of ids (``energy, telecommunications``), in the order given."""
    return g.parse_ids(text)


def format_ids(values: tuple[str, ...]) -> str:
    """Ids separated by a comma and a space."""
    return g.format_ids(values)


def parse_gates(text: str) -> tuple[Gate, ...]:
    """Gates such as ``REG-1+6m, DATA-2``: the workbook's grammar, so cells copy between the two."""
    return g.parse_gates(text)


def format_gates(gates: tuple[Gate, ...]) -> str:
    """Gates as ``REG-1+6m, DATA-2``."""
    return g.format_gates(gates)


def parse_decimals(text: str) -> tuple[Decimal, ...]:
    """Numbers separated by semicolons (or commas): ``0.2; 0; 0.1``."""
    return _read(g.parse_shares, text)


def format_decimals(values: tuple[Decimal, ...]) -> str:
    """Numbers separated by a semicolon and a space, as in the workbook."""
    return g.format_shares(values)


def parse_steps(text: str) -> tuple[Step, ...]:
    """Values by agreement year: ``Y1=25; Y2=35; Y4=49``."""
    return g.parse_steps(text)


def format_steps(steps: tuple[Step, ...]) -> str:
    """Steps as ``Y1=25; Y2=35``, as in the workbook."""
    return g.format_steps(steps)


def parse_optional_quota(text: str) -> Quota | None:
    """A tariff-rate quota (``over 20% staged B10 | 10000 t | +3% a year``), or none for an empty cell."""
    return _optional(parse_quota, text)


def format_optional_quota(value: Quota | None, unit: str) -> str:
    """A quota as one cell, empty for none."""
    return "" if value is None else format_quota(value, unit)
