"""Cell values to model values and back: each parser says what it expected when a cell does not fit."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar

from carveplan.io.native.decode import MAX_DIGITS
from carveplan.model import (
    Gate,
    Offset,
    Step,
    Timing,
    TimingError,
    Unit,
    format_timing,
    in_calendar,
    parse_timing,
)

E = TypeVar("E", bound=StrEnum)
Parser = Callable[[Any], Any]


class CellError(ValueError):
    """A cell that does not hold what its column takes; the message says what was expected."""


_LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")
_OFFSET = re.compile(r"([+-])\s*(\d{1,5})\s*([dmyDMY])")
# A milestone id, then an optional lag; an id may hold '-', so a trailing "-3m" is the lag (as in timings).
_GATE = re.compile(r"(?P<id>[A-Za-z0-9][A-Za-z0-9_.\-]*?)(?:\s*(?P<lag>[+-]\s*\d{1,5}\s*[dmyDMY]))?")
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
    """A number: numeric cells, or text such as ``17.6`` or ``5 %``."""
    number = _number(value)
    if number and not -MAX_DIGITS <= number.adjusted() <= MAX_DIGITS:
        # The agreement file refuses these: imported, the agreement could not be opened again.
        raise CellError("a number from 1e-15 to 1e15")
    return number


def _number(value: Any) -> Decimal:
    if type(value) is float:
        if value != value or abs(value) == float("inf"):
            return _not_finite()
        # Readers give every number cell as a float: 20 must read as 20, not 20.0. Otherwise repr is
        # the shortest text that reads back as the same float: 17.6 stays 17.6.
        return Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    if isinstance(value, bool):
        raise CellError("a number")
    if isinstance(value, int):
        return Decimal(value)
    cleaned = text(value).strip().rstrip("%").strip().replace(",", ".") if isinstance(value, str) else ""
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise CellError("a number") from None
    if not number.is_finite():
        raise CellError("a finite number")
    return number


def optional_decimal(value: Any) -> Decimal | None:
    """A number, or nothing for an empty or ``N/A`` cell."""
    return None if _blank_or_na(value) else decimal(value)


def optional_int(value: Any) -> int | None:
    """A whole number, or nothing for an empty cell."""
    if _blank_or_na(value):
        return None
    number = decimal(value)
    if number != number.to_integral_value():
        raise CellError("a whole number")
    return int(number)


def day(value: Any) -> date:
    """A date from 1900 to 2200: a date cell, or text YYYY-MM-DD."""
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    else:
        try:
            found = date.fromisoformat(text(value).strip())
        except ValueError:
            raise CellError("a date (a date cell, or text YYYY-MM-DD)") from None
    if not in_calendar(found):
        raise CellError("a date from 1900 to 2200")
    return found


def optional_day(value: Any) -> date | None:
    """A date, or nothing for an empty cell."""
    return None if _blank_or_na(value) else day(value)


def timing(value: Any) -> Timing:
    """A timing expression (``EIF+6m``, ``Y3``, ``M:REG-1``); a date cell is a fixed date."""
    if isinstance(value, date):
        return Timing.on(day(value))
    try:
        return parse_timing(text(value))
    except TimingError as err:
        raise CellError(f"a timing such as EIF+6m, Y3 or M:REG-1 ({err.describe()})") from None


def optional_timing(value: Any) -> Timing | None:
    """A timing, or nothing for an empty cell."""
    return None if is_blank(value) else timing(value)


def boolean(value: Any) -> bool:
    """Yes or no: a boolean cell, or text yes/no/true/false/1/0."""
    if isinstance(value, bool):
        return value
    word = text(value).strip().lower()
    if word in ("yes", "y", "true", "1", "x"):
        return True
    if word in ("no", "n", "false", "0", ""):
        return False
    raise CellError("yes or no")


def enum_parser(kind: type[E]) -> Callable[[Any], E]:
    """A parser for one of ``kind``'s values, tolerant of case, spaces and hyphens."""
    by_word = {_word(m.value): m for m in kind} | {_word(m.name): m for m in kind}
    expected = "one of " + ", ".join(m.value for m in kind)

    def parse(value: Any) -> E:
        # Cells CarvePlan wrote hold the exact word: look it up before normalising.
        member = by_word.get(value) if type(value) is str else None
        member = member or by_word.get(_word(text(value)))
        if member is None:
            raise CellError(expected)
        return member

    return parse


def ids(value: Any) -> tuple[str, ...]:
    """A list of ids separated by commas or semicolons."""
    return tuple(part for part in _LIST_SPLIT.split(text(value).strip()) if part)


def write_ids(values: tuple[str, ...]) -> str:
    """Ids as one cell."""
    return ", ".join(values)


def gates(value: Any) -> tuple[Gate, ...]:
    """Gates written ``REG-1+6m, DATA-2`` (a space before the lag is allowed): the app's spelling too."""
    result = []
    for part in ids(value):
        match = _GATE.fullmatch(part)
        if not match:
            expected = "gates such as 'REG-1+6m, DATA-2': a milestone id, then a lag such as +6m, +1y or +90d"
            raise CellError(f"{expected}; found {part!r}")
        lag = match.group("lag")
        result.append(Gate(match.group("id"), _offset(lag) if lag else None))
    return tuple(result)


def write_gates(values: tuple[Gate, ...]) -> str:
    """Gates as one cell, spelled as the lag of a timing (``REG-1+6m``)."""
    return ", ".join(g.milestone + (str(g.lag) if g.lag is not None else "") for g in values)


def decimals(value: Any) -> tuple[Decimal, ...]:
    """Numbers separated by semicolons (the shares of a non-linear category)."""
    return tuple(decimal(part) for part in re.split(r"\s*;\s*", text(value).strip()) if part)


def write_decimals(values: tuple[Decimal, ...]) -> str:
    """Numbers as one cell."""
    return "; ".join(str(v) for v in values)


def steps(value: Any) -> tuple[Step, ...]:
    """Steps written ``Y1=25; Y3=35``."""
    result = []
    for part in re.split(r"\s*;\s*", text(value).strip()):
        if not part:
            continue
        match = re.fullmatch(r"[Yy]\s*(\d{1,3})\s*=\s*(\S+)", part)
        if not match:
            raise CellError(f"steps such as 'Y1=25; Y3=35', found {part!r}")
        result.append(Step(int(match.group(1)), decimal(match.group(2))))
    return tuple(result)


def write_steps(values: tuple[Step, ...]) -> str:
    """Steps as one cell."""
    return "; ".join(f"Y{s.year}={s.value}" for s in values)


def write_timing(value: Timing | None) -> str:
    """A timing as its canonical expression."""
    return "" if value is None else format_timing(value)


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
    return as_float if Decimal(repr(as_float)) == value else str(value)


def _not_finite() -> Decimal:
    raise CellError("a finite number")


def _offset(text_value: str) -> Offset:
    match = _OFFSET.fullmatch(text_value.strip())
    if not match:
        raise CellError(f"a lag such as +6m, +1y or +90d after the milestone id, found {text_value!r}")
    amount = int(match.group(2))
    return Offset(-amount if match.group(1) == "-" else amount, Unit(match.group(3).lower()))


_WORD_GAPS = re.compile(r"[\s_\-]+")


def _word(value: str) -> str:
    return _WORD_GAPS.sub("_", value.strip().lower())


def _blank_or_na(value: Any) -> bool:
    return is_blank(value) or (isinstance(value, str) and value.strip().lower() in _BLANKS)
