"""One parser and one formatter per typed value, for the tables, the workbook, CSV, the CLI and the file."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from carveplan.model.line import Gate
from carveplan.model.ranges import MAX_CALENDAR_YEAR
from carveplan.model.staging import Step
from carveplan.model.timing import (
    CALENDAR,
    REAL_DATE,
    Offset,
    Timing,
    TimingError,
    Unit,
    format_timing,
    in_calendar,
    parse_timing,
)

E = TypeVar("E", bound=StrEnum)

MAX_DIGITS = 15  # numbers are kept within 10**±15: a larger exponent is a typing slip
MAX_PERCENT = Decimal(1000)  # the highest published ad valorem rates are in the hundreds

NUMBER = "a number such as 6.8"
COUNT = "a whole number of 0 or more"
DATE = "a date YYYY-MM-DD, such as 2027-07-01"
TIMING = "a timing such as EIF+6m, Y3 or M:REG-1+6m"
GATES = "gates such as REG-1+6m, DATA-2: a milestone id, then a lag such as +6m, +1y or +90d"
STEPS = "steps such as Y1=25; Y3=35 (agreement year = value)"
BOOL = "yes or no"


class CellError(ValueError):
    """Text that does not hold the value asked for.

    Attributes:
        expected: what the value should look like (``a number such as 6.8``).
        found: the text read, when the surface wants it in the message.
    """

    def __init__(self, expected: str, found: str | None = None, sentence: bool = False) -> None:
        self.expected = expected
        self.found = found
        self.sentence = sentence
        super().__init__(expected)

    @classmethod
    def plain(cls, message: str) -> CellError:
        """An error whose message is a whole sentence, shown as it is."""
        return cls(message, sentence=True)

    def __str__(self) -> str:
        if self.sentence:
            return self.expected
        if self.found is None:
            return f"expected {self.expected}"
        return f"found {self.found!r}, expected {self.expected}"

    def at(self, found: str) -> CellError:
        """The same error naming the text it was given."""
        return self if self.sentence else CellError(self.expected, found)


# --- numbers ------------------------------------------------------------------------
_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,000 and 12,345.6: commas group
_DOTTED_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+,\d+")  # 1.000,5: EU grouping
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")  # 20,0: an EU decimal comma


def parse_number(text: str) -> Decimal:
    """A decimal number read exactly: ``6.8``, ``6.8%``, ``1,000`` (a thousand), ``20,0`` (twenty).

    A comma followed by groups of three digits separates thousands; any other single comma is a
    decimal comma, as EU schedules write rates.
    """
    value = text.strip().removesuffix("%").strip()
    if _THOUSANDS.fullmatch(value):
        value = value.replace(",", "")
    elif _DOTTED_THOUSANDS.fullmatch(value):
        value = value.replace(".", "").replace(",", ".")
    elif _COMMA_DECIMAL.fullmatch(value):
        value = value.replace(",", ".")
    elif not _PLAIN.fullmatch(value):
        raise CellError(NUMBER)
    try:
        number = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only numbers
        raise CellError(NUMBER) from None
    return in_range(number)


def looks_numeric(text: str) -> bool:
    """Whether ``text`` is written as a plain number (``6.8``, ``-2``, ``1E+3``), as files store them."""
    return _PLAIN.fullmatch(text.strip()) is not None


def in_range(number: Decimal) -> Decimal:
    """``number`` when it lies within 10**±15; the agreement file refuses others (a typing slip)."""
    if number and not -MAX_DIGITS <= number.adjusted() <= MAX_DIGITS:
        raise CellError("a number from 1e-15 to 1e15")
    return number


def format_number(value: Decimal) -> str:
    """The number as stored, in plain notation (``6.80`` keeps the digits typed, never ``1E+3``)."""
    return format(value, "f")


def format_percent(value: Decimal) -> str:
    """A percentage rate with at least one decimal (``15.0``, ``6.8``, ``6.85``): a rate typed as
    ``15`` and one staged to ``16.0`` read alike in the table, on the chart and in text."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return f"{value:.1f}"
    return format(value, "f")


def parse_count(text: str) -> int:
    """A whole number of zero or more (``12``, ``12.0``)."""
    try:
        number = parse_number(text)
    except CellError:
        raise CellError(COUNT) from None
    if number < 0 or number != number.to_integral_value() or number > 999_999:
        raise CellError(COUNT)
    return int(number)


def check_percent(value: Decimal) -> Decimal:
    """An ad valorem rate: refuse one below zero or above :data:`MAX_PERCENT`."""
    if value < 0:
        raise CellError("a rate of 0 or more")
    if value > MAX_PERCENT:
        raise CellError(f"a rate of at most {MAX_PERCENT}% (a typing slip?)")
    return value


# --- time ---------------------------------------------------------------------------
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> date:
    """A calendar date ``YYYY-MM-DD`` from 1900 to 2200 (a spreadsheet's ``2029-03-01 00:00:00`` too)."""
    value = text.strip()
    spreadsheet = len(value) > 10 and value[10] in " T" and _ISO.fullmatch(value[:10]) is not None
    if not spreadsheet and not _ISO.fullmatch(value):
        raise CellError(DATE)
    try:
        found = datetime.fromisoformat(value).date() if spreadsheet else date.fromisoformat(value)
    except ValueError:
        raise CellError(REAL_DATE) from None
    if not in_calendar(found):
        raise CellError(CALENDAR)
    return found


def format_date(value: date) -> str:
    """An ISO date: it sorts and reads the same in every locale."""
    return value.isoformat()


def parse_timing_text(text: str) -> Timing:
    """A timing expression (``EIF+6m``, ``Y3``, ``M:REG-1+6m``, ``2027-01-01``)."""
    try:
        return parse_timing(text)
    except TimingError as err:
        raise CellError(f"{TIMING} ({err.describe()})") from None


def format_timing_text(value: Timing) -> str:
    """A timing in its canonical form."""
    return format_timing(value)


_OFFSET = re.compile(r"([+-]?)\s*(\d{1,5})\s*([dmyDMY])")


def parse_offset(text: str) -> Offset:
    """A span of time such as ``+6m``, ``2y`` or ``-90d``."""
    match = _OFFSET.fullmatch(text.strip())
    if not match:
        raise CellError("an offset such as +6m, 2y or -90d")
    amount = int(match.group(2))
    return Offset(-amount if match.group(1) == "-" else amount, Unit(match.group(3).lower()))


# --- choices ------------------------------------------------------------------------
def parse_bool(text: str) -> bool:
    """``yes``/``no`` (also ``true``/``false``, ``1``/``0``, ``x`` and empty for no)."""
    value = text.strip().casefold()
    if value in ("yes", "y", "true", "1", "x"):
        return True
    if value in ("no", "n", "false", "0", ""):
        return False
    raise CellError(BOOL)


def format_bool(value: bool) -> str:
    """``yes`` or ``no``."""
    return "yes" if value else "no"


def enum_parser(enum: type[E]) -> Callable[[str], E]:
    """A parser for ``enum`` taking its value or name in any case and spacing (``Equity cap``)."""
    by_word = {_folded(m.value): m for m in enum} | {_folded(m.name): m for m in enum}
    expected = "one of: " + ", ".join(enum_label(m) for m in enum)

    def parse(text: str) -> E:
        member = by_word.get(_folded(text))
        if member is None:
            raise CellError(expected)
        return member

    return parse


def enum_label(value: StrEnum) -> str:
    """How a choice reads in a cell: ``equity cap`` for ``equity_cap``; codes such as ``HS`` stay."""
    return value.value.replace("_", " ")


def _folded(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip()).casefold()


# --- lists --------------------------------------------------------------------------
def parse_ids(text: str) -> tuple[str, ...]:
    """Ids separated by commas, semicolons or line breaks, in the order given."""
    items = [item.strip() for item in re.split(r"[,;\n]", text)]
    for item in items:
        if re.search(r"\s", item):
            raise CellError(f"ids separated by commas, without spaces; found {item!r}")
    return tuple(item for item in items if item)


def format_ids(values: tuple[str, ...]) -> str:
    """Ids separated by a comma and a space."""
    return ", ".join(values)


# A milestone id, then an optional lag; an id may hold '-', so a trailing "-3m" is the lag (as in timings).
_GATE = re.compile(r"(?P<id>[A-Za-z0-9][A-Za-z0-9_.\-]*?)(?:\s*(?P<lag>[+-]\s*\d{1,5}\s*[dmyDMY]))?")


def parse_gates(text: str) -> tuple[Gate, ...]:
    """Gates such as ``REG-1+6m, DATA-2``: a milestone id and an optional lag after its verification."""
    gates = []
    for item in (part.strip() for part in re.split(r"[,;\n]", text)):
        if not item:
            continue
        match = _GATE.fullmatch(item)
        if not match:
            raise CellError(f"{GATES}; found {item!r}")
        lag = match.group("lag")
        gates.append(Gate(match.group("id"), parse_offset(lag) if lag else None))
    return tuple(gates)


def format_gates(values: tuple[Gate, ...]) -> str:
    """Gates as ``REG-1+6m, DATA-2``, the lag spelled as in a timing."""
    return ", ".join(g.milestone + (str(g.lag) if g.lag is not None else "") for g in values)


def _items(text: str) -> list[str]:
    # Semicolons separate items when present, so decimal commas (0,2; 0,1) stay inside a number.
    parts = text.split(";") if ";" in text else text.split(",")
    return [part.strip() for part in parts if part.strip()]


def parse_shares(text: str) -> tuple[Decimal, ...]:
    """Shares of a non-linear category by year: ``0.2; 0; 0.1`` (commas also separate)."""
    return tuple(parse_number(item) for item in _items(text))


def format_shares(values: tuple[Decimal, ...]) -> str:
    """Numbers separated by a semicolon and a space."""
    return "; ".join(format_number(v) for v in values)


_STEP = re.compile(r"[Yy]?\s*(\d{1,4})\s*[=:]\s*(.+)")
# A comma starts a new step only when a year follows (Y1=2,5 is one step of 2.5 written the EU way).
_STEP_SPLIT = re.compile(r"\s*;\s*|\s*,\s*(?=[Yy]?\s*\d{1,3}\s*[=:])")


def parse_steps(text: str) -> tuple[Step, ...]:
    """Values by agreement year: ``Y1=25; Y3=35`` (commas also separate steps)."""
    steps = []
    for item in (part for part in _STEP_SPLIT.split(text.strip()) if part.strip()):
        match = _STEP.fullmatch(item.strip())
        if not match or not 1 <= int(match.group(1)) <= MAX_CALENDAR_YEAR:
            raise CellError(f"{STEPS}; found {item.strip()!r}")
        steps.append(Step(int(match.group(1)), parse_number(match.group(2))))
    return tuple(steps)


def format_steps(values: tuple[Step, ...]) -> str:
    """Steps as ``Y1=25; Y3=35``: the same spelling in the tables and the workbook."""
    return "; ".join(f"Y{s.year}={format_number(s.value)}" for s in values)
