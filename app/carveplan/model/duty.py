"""Duties as schedules publish them: Free, ad valorem, specific (4.4¢/kg) and compound (3.4¢/kg + 2%)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from carveplan.model.grammar import MAX_DIGITS, CellError, check_percent, format_number, parse_number

PERCENT = "%"
RATE = (
    "a rate such as Free, 5, 5%, 4.4¢/kg, $1.67/kg, €2.5/100 kg, 3.4¢/kg + 2% "
    "or 238% but not less than $1.67/kg"
)
# Currencies written before the amount, longest first so US$ is not read as $.
_PREFIXES = ("US$", "A$", "C$", "NZ$", "$", "€", "£", "¥")
_WORDS = {"usd": "US$", "eur": "€", "gbp": "£", "jpy": "¥", "aud": "A$", "cad": "C$"}
_CENTS = {"¢": "¢", "c": "¢", "cent": "¢", "cents": "¢", "ct": "¢"}
_NUM = r"[+-]?\d[\d.,]*"
_SPECIFIC = re.compile(
    rf"(?P<pre>US\$|A\$|C\$|NZ\$|\$|€|£|¥|usd|eur|gbp|jpy|aud|cad)?\s*(?P<num>{_NUM})\s*"
    r"(?P<post>¢|cents?|ct|c|usd|eur|gbp|jpy|€|US\$|\$)?\s*/\s*(?P<per>(?:\d+\s*)?[^\d\s/+%][^/+%]{0,30})",
    re.IGNORECASE,
)
_MIN = re.compile(r"\s*(?:,\s*)?(?:but\s+not\s+less\s+than|minimum|min\.?)\s+", re.IGNORECASE)
_MAX = re.compile(r"\s*(?:,\s*)?(?:but\s+not\s+more\s+than|maximum|max\.?)\s+", re.IGNORECASE)
_FREE = frozenset({"free", "duty free", "duty-free", "exempt"})


@dataclass(frozen=True)
class Amount:
    """One component of a duty.

    Attributes:
        value: the amount (``4.4``).
        unit: ``%`` for ad valorem, else the currency and the unit per which it is charged (``¢/kg``,
            ``$/kg``, ``€/100 kg``).
    """

    value: Decimal
    unit: str = PERCENT

    @property
    def ad_valorem(self) -> bool:
        """Whether this is a percentage of the value of the goods."""
        return self.unit == PERCENT

    def __str__(self) -> str:
        return format_amount(self.value, self.unit)


@dataclass(frozen=True)
class Duty:
    """A compound duty: components that add up, with an optional floor and ceiling.

    Attributes:
        parts: the components charged together (``3.4¢/kg + 2%``).
        minimum: the least duty charged (``238% but not less than $1.67/kg``).
        maximum: the most duty charged (``20% max €5/kg``).
    """

    parts: tuple[Amount, ...]
    minimum: Amount | None = None
    maximum: Amount | None = None

    @property
    def components(self) -> tuple[Amount, ...]:
        """Every amount, parts first, then the floor and the ceiling."""
        return (*self.parts, *(a for a in (self.minimum, self.maximum) if a is not None))

    @property
    def free(self) -> bool:
        """Whether nothing is charged any more."""
        return all(not a.value for a in self.parts)

    def __str__(self) -> str:
        return format_duty(self)


Rate = Decimal | Duty


def level(value: Rate) -> Decimal:
    """One number for a value, to compare and draw: a compound's ad valorem part, else its first part."""
    if isinstance(value, Decimal):
        return value
    for part in value.parts:
        if part.ad_valorem:
            return part.value
    return value.parts[0].value if value.parts else Decimal(0)


def is_zero(value: Rate) -> bool:
    """Whether a value is nothing (a zero rate, or a compound with nothing left to charge)."""
    return value.free if isinstance(value, Duty) else not value


def is_specific(unit: str) -> bool:
    """Whether a line's unit is a specific duty's (a currency per something)."""
    return "/" in unit and unit != PERCENT


def currency(unit: str) -> str:
    """The currency a specific unit is written in (``¢``, ``US$``, ``€``), or empty."""
    if unit.startswith("¢"):
        return "¢"
    return next((p for p in _PREFIXES if unit.startswith(p)), "")


# --- formatting ---------------------------------------------------------------------
def format_amount(value: Decimal, unit: str) -> str:
    """``4.4¢/kg``, ``$1.67/kg``, ``€2.5/100 kg``, ``5%``; other units follow the number (``12000 t``)."""
    number = format_number(value)
    if unit == PERCENT:
        return f"{number}%"
    prefix = currency(unit)
    if prefix and prefix != "¢":
        return f"{prefix}{number}{unit[len(prefix) :]}"
    return f"{number}{unit}" if prefix or not unit else f"{number} {unit}"


def format_duty(duty: Duty) -> str:
    """A compound as schedules write it; ``Free`` when nothing is left to charge."""
    if duty.free:
        return "Free"
    text = " + ".join(str(a) for a in duty.parts)
    if duty.minimum is not None:
        text += f" but not less than {duty.minimum}"
    if duty.maximum is not None:
        text += f" max {duty.maximum}"
    return text


def format_rate(value: Rate, unit: str = PERCENT) -> str:
    """A rate as published: ``Free``, ``5%``, ``3.5¢/kg``, ``3.4¢/kg + 2%``."""
    if isinstance(value, Duty):
        return format_duty(value)
    if not value and (unit == PERCENT or is_specific(unit)):
        return "Free"
    return format_amount(value, unit)


def format_rate_cell(value: Rate, unit: str = PERCENT) -> str:
    """A rate in a table or text cell: ad valorem as a bare number (``6.8``), others as published."""
    if isinstance(value, Decimal) and not is_specific(unit):
        return format_number(value)
    return format_rate(value, unit)


# --- parsing ------------------------------------------------------------------------
def parse_rate(text: str) -> tuple[Rate, str | None]:
    """A rate as typed or published.

    Args:
        text: ``Free``, ``5``, ``5%``, ``4.4¢/kg``, ``US$30/t``, ``3.4¢/kg + 2%``,
            ``238% but not less than $1.67/kg``, ``20% max €5/kg``.

    Returns:
        ``(value, unit)``: a plain rate is a decimal with its unit (``None`` when the text names none,
        as ``5`` or ``Free``); a compound is a :class:`Duty` (unit ``None``).

    Raises:
        CellError: the text is no rate, or a rate that cannot be true (below zero, above 1,000%).
    """
    written = " ".join(text.split())
    if written.casefold() in _FREE:
        return Decimal(0), None
    body, minimum, maximum = _bounds(written)
    parts = tuple(_amount(p) for p in re.split(r"\s+\+\s+|\s*\+\s*(?=[$€£¥]|US\$|\d)", body))
    if len(parts) == 1 and minimum is None and maximum is None:
        only = parts[0]
        return only.value, (only.unit if only.unit != PERCENT or "%" in written else None)
    return Duty(parts, minimum, maximum), None


def _bounds(text: str) -> tuple[str, Amount | None, Amount | None]:
    # The body runs to the first bound; each bound's amount runs to the next bound or the end.
    found = sorted(
        [(m.start(), m.end(), "min") for m in _MIN.finditer(text)]
        + [(m.start(), m.end(), "max") for m in _MAX.finditer(text)]
    )
    if not found:
        return text, None, None
    bounds: dict[str, Amount] = {}
    for index, (_start, end, kind) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(text)
        if kind in bounds:
            raise CellError(f"{RATE}; found two {kind}imum amounts")
        bounds[kind] = _amount(text[end:stop])
    return text[: found[0][0]], bounds.get("min"), bounds.get("max")


def _amount(text: str) -> Amount:
    piece = text.strip()
    specific = _SPECIFIC.fullmatch(piece)
    if specific is None:
        try:
            return Amount(check_percent(parse_number(piece)))
        except CellError as err:
            raise CellError(RATE if err.expected.startswith("a number") else err.expected) from None
    value = _positive(parse_number(specific.group("num")))
    pre, post = specific.group("pre"), specific.group("post")
    if pre and post:
        raise CellError(RATE)
    money = _money(pre or post or "")
    if not money:
        raise CellError(f"{RATE} (a currency: ¢, $, US$, €)")
    per = re.sub(r"^(\d+)\s*", r"\1 ", " ".join(specific.group("per").split()))
    return Amount(value, f"{money}/{per}")


def _money(word: str) -> str:
    folded = word.casefold()
    if folded in _CENTS:
        return "¢"
    if folded in _WORDS:
        return _WORDS[folded]
    return next((p for p in _PREFIXES if p.casefold() == folded), "")


def _positive(value: Decimal) -> Decimal:
    if value < 0:
        raise CellError("a duty of 0 or more")
    if value and value.adjusted() > MAX_DIGITS:
        raise CellError("a number from 1e-15 to 1e15")
    return value
