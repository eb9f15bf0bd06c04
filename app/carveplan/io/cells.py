"""Cell values to model values and back: each parser says what it expected when a cell does not fit."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar

from carveplan.model import Gate, Step, TableRow, Timing
from carveplan.model import grammar as g
from carveplan.model.duty import Rate, format_column, is_specific
from carveplan.model.grammar import CellError
from carveplan.model.quota import Quota
from carveplan.model.quota_grammar import format_quota, parse_quota
from carveplan.model.ranges import whole_expected, whole_out_of_range
from carveplan.model.rates import format_rate_cell, parse_rate

E = TypeVar("E", bound=StrEnum)
Parser = Callable[[Any], Any]

__all__ = ["CellError"]

_BLANKS = frozenset({"", "n/a", "na", "-", "—", "–", "none", "null"})


def is_blank(value: Any) -> bool:
    """Whether a cell is empty (an empty string, ``None``, or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str:
    """Free text: kept as written; a number a person typed is read back without a trailing ``.0``."""
    if type(value) is str:  # the common case first: this runs for most cells of a sheet
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def ident(value: Any) -> str:
    """An id or code: text without surrounding spaces."""
    return text(value).strip()


def decimal(value: Any) -> Decimal:
    """A number: numeric cells, or text such as ``17.6``, ``5 %``, ``1,000`` or ``20,0`` (the grammar's)."""
    if type(value) is float:
        if value != value or abs(value) == float("inf"):
            raise CellError("a finite number")
        # Readers give every number cell as a float: 20 must read as 20, not 20.0. Otherwise repr is
        # the shortest text that reads back as the same float: 17.6 stays 17.6.
        number = Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
        return g.in_range(number)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise CellError(g.NUMBER)
    return g.parse_number(str(value))


def optional_decimal(value: Any) -> Decimal | None:
    """A number, or nothing for an empty or ``N/A`` cell."""
    return None if _blank_or_na(value) else decimal(value)


def optional_int(value: Any) -> int | None:
    """A whole number of zero or more, or nothing for an empty cell."""
    if _blank_or_na(value):
        return None
    return g.parse_count(g.format_number(decimal(value)) if not isinstance(value, str) else value)


def rate(value: Any) -> tuple[Rate, str | None]:
    """A rate as published (``5``, ``4.4¢/kg``, ``3.4¢/kg + 2%``) and the unit it names, if any."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        number = decimal(value)
        return (number, None) if number >= 0 else parse_rate(g.format_number(number))
    return parse_rate(text(value))


def rate_value(value: Any) -> Rate:
    """A value in a line's unit, or a compound duty (the unit a cell names is the Unit column's)."""
    return rate(value)[0]


def optional_rate_value(value: Any) -> Rate | None:
    """A rate, or nothing for an empty or ``N/A`` cell."""
    return None if _blank_or_na(value) else rate_value(value)


def write_rate(value: Rate, unit: str) -> float | int | str | None:
    """A rate as a cell: ad valorem as a number cell, a specific or compound duty as published text."""
    if isinstance(value, Decimal) and not is_specific(unit):
        return write_number(value)
    return format_rate_cell(value, unit)


def write_published(value: Rate, unit: str) -> float | int | str | None:
    """A value for a sheet people read (year by year, timeline): numbers, duties as published (``Free``)."""
    if isinstance(value, Decimal) and not is_specific(unit):
        return write_number(value)
    return format_column(value, unit)


def optional_quota(value: Any) -> Quota | None:
    """A tariff-rate quota (``over 20% staged B10 | 10000 t | +3% a year``), or nothing."""
    return None if _blank_or_na(value) else parse_quota(text(value))


def write_quota(value: Quota | None, unit: str) -> str | None:
    """A quota as one cell."""
    return None if value is None else format_quota(value, unit)


def whole_in_range(field: str) -> Callable[[Any], int | None]:
    """:func:`optional_int` within the range the model gives ``field`` (``notification_days`` 0-3,650)."""

    def parse(value: Any) -> int | None:
        try:
            number = optional_int(value)
        except CellError:
            raise CellError(whole_expected(field)) from None
        expected = None if number is None else whole_out_of_range(field, number)
        if expected is not None:
            raise CellError(expected)
        return number

    return parse


def day(value: Any) -> date:
    """A date from 1900 to 2200: a date cell, or text YYYY-MM-DD."""
    if isinstance(value, datetime):
        return g.parse_date(value.date().isoformat())
    if isinstance(value, date):
        return g.parse_date(value.isoformat())
    return g.parse_date(text(value))


def optional_day(value: Any) -> date | None:
    """A date, or nothing for an empty cell."""
    return None if _blank_or_na(value) else day(value)


def timing(value: Any) -> Timing:
    """A timing expression (``EIF+6m``, ``Y3``, ``M:REG-1``); a date cell is a fixed date."""
    if isinstance(value, date):
        return Timing.on(day(value))
    return g.parse_timing_text(text(value))


def optional_timing(value: Any) -> Timing | None:
    """A timing, or nothing for an empty cell."""
    return None if is_blank(value) else timing(value)


def boolean(value: Any) -> bool:
    """Yes or no: a boolean cell, or text yes/no/true/false/1/0."""
    return value if isinstance(value, bool) else g.parse_bool(text(value))


def enum_parser(kind: type[E]) -> Callable[[Any], E]:
    """A parser for one of ``kind``'s values, tolerant of case, spaces and hyphens."""
    by_value = {m.value: m for m in kind}
    parse_text = g.enum_parser(kind)

    def parse(value: Any) -> E:
        # Cells CarvePlan wrote hold the exact word: look it up before normalising.
        member = by_value.get(value) if type(value) is str else None
        return member or parse_text(text(value))

    return parse


def ids(value: Any) -> tuple[str, ...]:
    """A list of ids separated by commas or semicolons."""
    return g.parse_ids(text(value))


def write_ids(values: tuple[str, ...]) -> str:
    """Ids as one cell."""
    return g.format_ids(values)


def gates(value: Any) -> tuple[Gate, ...]:
    """Gates written ``REG-1+6m, DATA-2``: the app's spelling too."""
    return g.parse_gates(text(value))


def write_gates(values: tuple[Gate, ...]) -> str:
    """Gates as one cell, spelled as the lag of a timing (``REG-1+6m``)."""
    return g.format_gates(values)


def decimals(value: Any) -> tuple[Decimal, ...]:
    """Numbers separated by semicolons (the shares of a non-linear category)."""
    return g.parse_shares(text(value))


def write_decimals(values: tuple[Decimal, ...]) -> str:
    """Numbers as one cell."""
    return g.format_shares(values)


def steps(value: Any) -> tuple[Step, ...]:
    """Steps written ``Y1=25; Y3=35``."""
    return g.parse_steps(text(value))


def write_steps(values: tuple[Step, ...]) -> str:
    """Steps as one cell."""
    return g.format_steps(values)


def table_rows(value: Any) -> tuple[TableRow, ...]:
    """An explicit rate table written ``2710.12.11 2710.12.12: 20 20 20 8 0; 2710.19: 7 5 0``."""
    result = []
    for part in re.split(r"\s*;\s*", text(value).strip()):
        if not part:
            continue
        codes, sep, values = part.partition(":")
        if not sep or not codes.split() or not values.split():
            raise CellError(f"table rows such as '2710.12.11 2710.12.12: 20 20 8 0', found {part!r}")
        result.append(TableRow(tuple(codes.split()), tuple(decimal(v) for v in values.split())))
    return tuple(result)


def write_table_rows(rows: tuple[TableRow, ...]) -> str:
    """An explicit rate table as one cell."""
    return "; ".join(f"{' '.join(r.codes)}: {' '.join(format(v, 'f') for v in r.values)}" for r in rows)


def write_timing(value: Timing | None) -> str:
    """A timing as its canonical expression."""
    return "" if value is None else g.format_timing_text(value)


def write_number(value: Decimal | None) -> float | int | str | None:
    """A decimal as a number cell when a float holds it exactly, else as text (nothing is lost)."""
    if value is None:
        return None
    return _number_cell(value)


@lru_cache(maxsize=4096)
def _number_cell(value: Decimal) -> float | int | str:
    # Schedules repeat a few hundred rates across hundreds of thousands of cells.
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else g.format_number(value)


def _blank_or_na(value: Any) -> bool:
    return is_blank(value) or (isinstance(value, str) and value.strip().lower() in _BLANKS)
