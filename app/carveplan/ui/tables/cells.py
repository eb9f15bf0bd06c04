"""Reading and writing table cells as text, with messages a person can act on (no Qt here)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from carveplan.io import cells as sheet_cells
from carveplan.io.native.decode import MAX_DIGITS
from carveplan.model import Gate, Step, Timing, TimingError, format_timing, in_calendar, parse_timing

E = TypeVar("E", bound=StrEnum)


class CellError(ValueError):
    """A cell's text that cannot be read; the message says what was expected."""


# --- text ---------------------------------------------------------------------------
def parse_text(text: str) -> str:
    """Free text, with the surrounding spaces spreadsheets leave behind removed."""
    return text.strip()


def parse_key(text: str) -> str:
    """An identifier (code, id, name): required, and a single line."""
    value = text.strip()
    if not value:
        raise CellError("cannot be empty")
    if "\n" in value or "\t" in value:
        raise CellError("must be a single line")
    return value


# --- numbers ------------------------------------------------------------------------
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")


def parse_decimal(text: str) -> Decimal:
    """A decimal number such as ``6.8``, ``6.8%`` or ``1,000`` (read exactly, never as a float)."""
    value = text.strip().removesuffix("%").strip()
    if _THOUSANDS.fullmatch(value):
        value = value.replace(",", "")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CellError(f"{text.strip()!r} is not a number such as 6.8") from None
    if not number.is_finite():
        raise CellError(f"{text.strip()!r} is not a finite number")
    if not -MAX_DIGITS <= number.adjusted() <= MAX_DIGITS:
        # The agreement file refuses such numbers: saved, the agreement could not be opened again.
        raise CellError(f"{text.strip()!r} is too large or too small a number")
    return number


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
    return parse_decimal(text) if text.strip() else None


def format_decimal(value: Decimal | None) -> str:
    """The number as stored (``6.80`` keeps its digits: the user typed them), empty for none."""
    return "" if value is None else str(value)


def parse_count(text: str) -> int:
    """A whole number of zero or more."""
    value = text.strip()
    if not re.fullmatch(r"\+?\d{1,6}", value):
        raise CellError(f"{value!r} is not a whole number of 0 or more")
    return int(value)


def parse_optional_count(text: str) -> int | None:
    """A whole number of zero or more, or ``None`` for an empty cell."""
    return parse_count(text) if text.strip() else None


def format_optional(value: object) -> str:
    """Any value as text, empty for ``None``."""
    return "" if value is None else str(value)


# --- time ---------------------------------------------------------------------------
def parse_timing_cell(text: str) -> Timing:
    """A timing expression (``EIF+6m``, ``Y3``, ``M:REG-1+6m``), with the parser's own message."""
    try:
        return parse_timing(text)
    except TimingError as err:
        raise CellError(err.describe()) from None


def parse_optional_timing(text: str) -> Timing | None:
    """A timing expression, or ``None`` for an empty cell."""
    return parse_timing_cell(text) if text.strip() else None


def format_optional_timing(value: Timing | None) -> str:
    """A timing in its canonical form, empty for none."""
    return "" if value is None else format_timing(value)


def parse_date(text: str) -> date:
    """A calendar date ``YYYY-MM-DD`` (a spreadsheet's ``2029-03-01 00:00:00`` is accepted)."""
    value = text.strip()
    spreadsheet = len(value) > 10 and value[10] in " T"
    if not spreadsheet and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise CellError(f"{value!r} is not a date YYYY-MM-DD")
    try:
        found = datetime.fromisoformat(value).date() if spreadsheet else date.fromisoformat(value)
    except ValueError:
        raise CellError(f"{value!r} is not a real calendar date") from None
    if not in_calendar(found):
        raise CellError(f"{value!r} is not a date from 1900 to 2200")
    return found


def parse_optional_date(text: str) -> date | None:
    """A calendar date, or ``None`` for an empty cell."""
    return parse_date(text) if text.strip() else None


def format_optional_date(value: date | None) -> str:
    """An ISO date (sorts and reads the same in every locale), empty for none."""
    return "" if value is None else value.isoformat()


# --- choices ------------------------------------------------------------------------
def enum_parser(enum: type[E]) -> Callable[[str], E]:
    """A parser for ``enum`` accepting its value or label in any case (``Equity cap``, ``equity_cap``)."""

    def parse(text: str) -> E:
        wanted = _folded(text)
        for member in enum:
            if wanted in (_folded(member.value), _folded(member.name)):
                return member
        choices = ", ".join(enum_label(m) for m in enum)
        raise CellError(f"{text.strip()!r} is not one of: {choices}")

    return parse


def enum_label(value: StrEnum) -> str:
    """How a choice reads in a cell: ``equity cap`` for ``equity_cap``; codes such as ``HS`` stay."""
    return value.value.replace("_", " ")


def _folded(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip()).casefold()


def parse_bool(text: str) -> bool:
    """``yes``/``no`` (also ``true``/``false``, ``1``/``0``, ``x`` and empty)."""
    value = text.strip().casefold()
    if value in ("yes", "y", "true", "1", "x"):
        return True
    if value in ("no", "n", "false", "0", ""):
        return False
    raise CellError(f"{text.strip()!r} is not yes or no")


# --- lists --------------------------------------------------------------------------
def parse_ids(text: str) -> tuple[str, ...]:
    """A comma-separated list of ids (``energy, telecommunications``), in the order given."""
    items = [item.strip() for item in re.split(r"[,;]", text)]
    for item in items:
        if item and re.search(r"\s", item):
            raise CellError(f"{item!r}: ids are separated by commas, and contain no spaces")
    return tuple(item for item in items if item)


def format_ids(values: tuple[str, ...]) -> str:
    """Ids separated by a comma and a space."""
    return ", ".join(values)


def parse_gates(text: str) -> tuple[Gate, ...]:
    """Gates such as ``REG-1+6m, DATA-2``: a milestone id and an optional lag after its verification.

    The workbook reads and writes gates with the same grammar, so cells copy between the two.
    """
    gates: list[Gate] = []
    for item in (part.strip() for part in re.split(r"[,;]", text)):
        if not item:
            continue
        try:
            gates.extend(sheet_cells.gates(item))
        except sheet_cells.CellError:
            raise CellError(f"gate {item!r}: a milestone id with an optional lag such as REG-1+6m") from None
    return tuple(gates)


def format_gates(gates: tuple[Gate, ...]) -> str:
    """Gates as ``REG-1+6m, DATA-2``."""
    return sheet_cells.write_gates(gates)


def parse_decimals(text: str) -> tuple[Decimal, ...]:
    """Numbers separated by commas or semicolons (``0.2, 0, 0.1``)."""
    return tuple(parse_decimal(item) for item in re.split(r"[,;]", text) if item.strip())


def format_decimals(values: tuple[Decimal, ...]) -> str:
    """Numbers separated by a comma and a space."""
    return ", ".join(str(v) for v in values)


def parse_steps(text: str) -> tuple[Step, ...]:
    """Values by agreement year: ``Y1=25, Y2=35, Y4=49``."""
    steps: list[Step] = []
    for item in (part.strip() for part in re.split(r"[,;]", text)):
        if not item:
            continue
        match = re.fullmatch(r"[Yy]?\s*(\d{1,3})\s*[=:]\s*(.+)", item)
        if not match or int(match.group(1)) < 1:
            raise CellError(f"{item!r} is not a step such as Y3=35 (agreement year = value)")
        steps.append(Step(int(match.group(1)), parse_decimal(match.group(2))))
    return tuple(steps)


def format_steps(steps: tuple[Step, ...]) -> str:
    """Steps as ``Y1=25, Y2=35``."""
    return ", ".join(f"Y{s.year}={s.value}" for s in steps)
