"""A tariff-rate quota as one cell: ``over 20% staged B10 | 10000 t | +3% a year``."""

from __future__ import annotations

import re
from decimal import Decimal

from carveplan.model.duty import format_amount
from carveplan.model.grammar import CellError, format_number, format_steps, parse_number, parse_steps
from carveplan.model.quota import Growth, Quota
from carveplan.model.rates import format_rate_cell, parse_rate

QUOTA = "a quota such as 'over 20% staged B10 | 10000 t | +3% a year' (over-quota rate | volume | growth)"

_VOLUME = re.compile(r"(?P<number>\S+)\s*(?P<unit>[^\d\s].*)?")
_GROWTH = re.compile(r"\+\s*(?P<number>[\d.,]+)\s*(?P<unit>%|[^\d\s%][^%]*?)?\s+a\s+year", re.IGNORECASE)
_OVER = re.compile(r"over(?:-quota)?\s+(?P<rate>.+?)(?:\s+staged\s+(?P<category>.+))?", re.IGNORECASE)


def parse_quota(text: str, unit: str = "%") -> Quota:
    """A quota as one cell: ``over 20% staged B10 | 10000 t | +3% a year`` (or ``| Y1=200; Y5=225``).

    Args:
        text: the over-quota rate (and its category), the volume with its unit, and its growth.
        unit: the line's unit, which a bare over-quota number is in.

    Raises:
        CellError: naming what was expected; a negative volume or growth is refused.
    """
    parts = [p.strip() for p in text.split("|")]
    over = _OVER.fullmatch(parts[0]) if parts else None
    if over is None or len(parts) not in (2, 3):
        raise CellError(QUOTA)
    rate, _unit = parse_rate(over.group("rate"))
    volume = _VOLUME.fullmatch(parts[1])
    if volume is None:
        raise CellError(QUOTA)
    amount = _not_negative(parse_number(volume.group("number")), "a quota volume of 0 or more")
    quota = Quota(rate, amount, (volume.group("unit") or "").strip(), (over.group("category") or "").strip())
    return _with_growth(quota, parts[2]) if len(parts) == 3 else quota


def _with_growth(quota: Quota, text: str) -> Quota:
    growth = _GROWTH.fullmatch(text)
    if growth is not None:
        amount = _not_negative(parse_number(growth.group("number")), "a growth of 0 or more")
        kind = Growth.PERCENT if (growth.group("unit") or "%").strip() == "%" else Growth.UNITS
        return Quota(quota.over, quota.volume, quota.volume_unit, quota.over_category, amount, kind)
    try:
        steps = parse_steps(text)
    except CellError:
        raise CellError(QUOTA) from None
    for step in steps:
        _not_negative(step.value, "a quota volume of 0 or more")
    return Quota(quota.over, quota.volume, quota.volume_unit, quota.over_category, volumes=steps)


def _not_negative(value: Decimal, expected: str) -> Decimal:
    if value < 0:
        raise CellError(expected)
    return value


def format_quota(quota: Quota, unit: str = "%") -> str:
    """A quota as one cell, read back by :func:`parse_quota`."""
    rate = quota.over
    written = (
        format_amount(rate, unit)
        if isinstance(rate, Decimal) and unit == "%"
        else format_rate_cell(rate, unit)
    )
    over = f"over {written}"
    if quota.over_category:
        over += f" staged {quota.over_category}"
    volume = f"{format_number(quota.volume)} {quota.volume_unit}".strip()
    if quota.volumes:
        return f"{over} | {volume} | {format_steps(quota.volumes)}"
    if quota.growth or quota.growth_kind is not Growth.PERCENT:  # "+0 t a year" keeps its kind
        per = "%" if quota.growth_kind is Growth.PERCENT else f" {quota.volume_unit or 'units'}"
        return f"{over} | {volume} | +{format_number(quota.growth)}{per} a year"
    return f"{over} | {volume}"
