"""Duties as schedules publish them: Free, ad valorem, specific (4.4¢/kg) and compound (3.4¢/kg + 2%)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

PERCENT = "%"
# Currencies written before the amount, longest first so US$ is not read as $.
PREFIXES = ("US$", "A$", "C$", "NZ$", "$", "€", "£", "¥")
# As the rate grammar writes a specific unit: a currency, "/", an optional quantity, the unit.
_SPECIFIC_UNIT = re.compile(r"(?:¢|US\$|A\$|C\$|NZ\$|\$|€|£|¥)/(?:\d+ )?[^\d\s/+%][^/+%]{0,30}")


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
        return format_duty(self, exact=True)


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
    """Whether a line's unit is a specific duty's: a currency per something (``¢/kg``, ``€/100 kg``)."""
    return _SPECIFIC_UNIT.fullmatch(unit) is not None


def currency(unit: str) -> str:
    """The currency a specific unit is written in (``¢``, ``US$``, ``€``), or empty."""
    if unit.startswith("¢"):
        return "¢"
    return next((p for p in PREFIXES if unit.startswith(p)), "")


# --- formatting ---------------------------------------------------------------------
def format_amount(value: Decimal, unit: str) -> str:
    """``4.4¢/kg``, ``$1.67/kg``, ``€2.5/100 kg``, ``5%``; other units follow the number (``12000 t``)."""
    number = format(value, "f")  # as stored, never 1E+1
    if unit == PERCENT:
        return f"{number}%"
    prefix = currency(unit)
    if prefix and prefix != "¢":
        # Staged to a thousandth (0.1 cent), US$27.000/t is published as US$27/t.
        number = format(value.normalize(), "f") if "." in number else number
        return f"{prefix}{number}{unit[len(prefix) :]}"
    return f"{number}{unit}" if prefix or not unit else f"{number} {unit}"


def format_duty(duty: Duty, exact: bool = False) -> str:
    """A compound as schedules write it.

    Args:
        duty: the duty.
        exact: write every component, even at zero (for files and cells, which must read back the
            same shape); otherwise ``Free`` when nothing is charged and zero parts left out.
    """
    parts = duty.parts if exact else tuple(a for a in duty.parts if a.value)
    if not parts:
        if not exact:
            return "Free"
        parts = duty.parts
    text = " + ".join(str(a) for a in parts)
    if duty.minimum is not None:
        text += f" but not less than {duty.minimum}"
    if duty.maximum is not None:
        text += f" max {duty.maximum}"
    return text


def format_rate(value: Rate, unit: str = PERCENT) -> str:
    """A value as published: ``6.4%``, ``3.5¢/kg``, ``Free`` for a specific duty at zero,
    ``3.4¢/kg + 2%``, ``12000 t``."""
    if isinstance(value, Duty):
        return format_duty(value)
    if not value and is_specific(unit):
        return "Free"
    return format_amount(value, unit)


def format_column(value: Rate, unit: str) -> str:
    """A value in a column headed by its unit (CSV, year sheets): ``6.4`` for a percentage or a
    volume, the published spelling for specific and compound duties (``3.5¢/kg``, ``Free``)."""
    if isinstance(value, Decimal) and not is_specific(unit):
        return format(value, "f")
    return format_rate(value, unit)
