"""Static revenue forgone on one line: duty no longer collected on the trade it carries."""

from __future__ import annotations

import re
from decimal import Decimal

from carveplan.engine.trade_match import LineTrade

_HUNDRED = Decimal(100)
# Currency of a specific duty -> US dollars per unit of it; other currencies cannot be priced from
# US-dollar trade data without an exchange rate, so they are left unpriced rather than guessed.
_CURRENCY = {
    "¢": Decimal("0.01"),
    "c": Decimal("0.01"),
    "$": Decimal(1),
    "us$": Decimal(1),
    "usd": Decimal(1),
}
# Quantity units in kilograms, where the duty's unit and the trade's unit are both masses.
_KILOGRAMS = {"kg": Decimal(1), "t": Decimal(1000), "tonne": Decimal(1000), "mt": Decimal(1000)}
_SPECIFIC = re.compile(r"\s*(¢|c|\$|us\$|usd)\s*/\s*(\d+\s*)?([a-z]+)\s*", re.IGNORECASE)


def is_ad_valorem(unit: str) -> bool:
    """Whether a line's unit is a percentage of the value (``%``, ``% ad valorem``)."""
    return unit.strip().startswith("%")


def revenue_forgone(unit: str, base: Decimal, rate: Decimal, trade: LineTrade) -> Decimal | None:
    """Duty that the cut from ``base`` to ``rate`` no longer collects on a year's trade, statically.

    Static: the same trade as in the reference year, no trade created or diverted by the cut.

    Args:
        unit: the line's unit: ``%`` for ad valorem, ``¢/kg``, ``$/t``, ``US$/100 kg`` for specific.
        base: the base rate.
        rate: the rate in force.
        trade: the line's trade (value in US dollars, quantity by unit).

    Returns:
        US dollars; ``None`` for a specific duty whose currency or quantity cannot be priced.
    """
    cut = base - rate
    if is_ad_valorem(unit):
        return trade.value * cut / _HUNDRED
    if not cut:
        return Decimal(0)
    price = _per_kilogram(unit)
    if price is None:
        return None
    dollars, kilograms_per_unit = price
    mass = _kilograms(trade)
    if mass is None:
        return None
    return mass / kilograms_per_unit * cut * dollars


def _per_kilogram(unit: str) -> tuple[Decimal, Decimal] | None:
    """(US dollars per currency unit, kilograms per duty unit) of a specific duty's unit."""
    match = _SPECIFIC.fullmatch(unit)
    if match is None:
        return None
    currency, count, quantity = match.groups()
    per = _KILOGRAMS.get(quantity.lower())
    if per is None:
        return None
    return _CURRENCY[currency.lower()], per * Decimal(count.strip() if count else 1)


def _kilograms(trade: LineTrade) -> Decimal | None:
    masses = [qty * _KILOGRAMS[unit.lower()] for unit, qty in trade.quantity if unit.lower() in _KILOGRAMS]
    return sum(masses, Decimal(0)) if masses else None
