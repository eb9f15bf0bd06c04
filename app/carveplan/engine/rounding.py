"""Rounding of staged values in decimal arithmetic (a float turns 17.6 into 17.5999...)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Decimal,
    InvalidOperation,
)
from typing import assert_never

from carveplan.model import RoundingDirection, RoundingRule


# "Down" means toward the lower value whichever way the measure moves: a tariff cut down to 0.1
# and an equity cap rounded down are both the conservative reading of the commitment.
def _mode(direction: RoundingDirection) -> str | None:
    """The decimal rounding mode of ``direction``; ``None`` leaves values as they are."""
    match direction:
        case RoundingDirection.DOWN:
            return ROUND_FLOOR
        case RoundingDirection.UP:
            return ROUND_CEILING
        case RoundingDirection.HALF_UP:
            return ROUND_HALF_UP
        case RoundingDirection.HALF_EVEN:
            return ROUND_HALF_EVEN
        case RoundingDirection.NONE:
            return None
        case _:
            assert_never(direction)


# Looked up once per direction: values are rounded for every stage of every category expanded.
_MODES = {direction: _mode(direction) for direction in RoundingDirection}


def round_value(value: Decimal, rule: RoundingRule) -> Decimal:
    """Bring ``value`` to a multiple of the rule's step, in the rule's direction.

    Args:
        value: the exact staged value.
        rule: the agreement's rounding rule; direction ``none`` or a step of zero or less leaves
            the value as it is.

    Returns:
        The rounded value, a multiple of ``rule.step`` written with the step's decimal places.
    """
    return round_values((value,), rule)[0]


def round_values(values: Iterable[Decimal], rule: RoundingRule) -> list[Decimal]:
    """:func:`round_value` of each value, the rule read once (a category's stages round together)."""
    mode = _MODES[rule.direction]
    step = rule.step
    if mode is None or step <= 0:
        return list(values)
    return [_rounded(value, step, mode) for value in values]


def _rounded(value: Decimal, step: Decimal, mode: str) -> Decimal:
    rounded = (value / step).to_integral_value(rounding=mode) * step
    try:
        # Keep the step's decimal places so 5 prints as 5.0 in a 0.1 schedule, as treaties write it.
        return rounded.quantize(step)
    except InvalidOperation:
        return rounded  # more digits than decimal arithmetic keeps (a base typed as 1e400)
