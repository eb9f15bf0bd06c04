"""Staging duties component by component, each rounded in its own currency with the agreement's rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import assert_never

from carveplan.engine.rounding import round_values
from carveplan.model import Amount, Cuts, Duty, Rate, RoundingRule, StagingCategory
from carveplan.model.duty import currency

# The exact values of one component by agreement year, the last one being its target.
Values = Callable[[Decimal, Decimal, StagingCategory], list[tuple[int, Decimal]]]


def unit_rounding(rule: RoundingRule, unit: str) -> RoundingRule:
    """The rule for values in ``unit``.

    KORUS cuts percentages to 0.1 point and cents to 0.1¢ alike; the EU rounds euro amounts to 0.1
    euro cent. So a step counts points for ``%``, cents for ``¢``, and for an amount in a whole
    currency (``$/kg``, ``€/100 kg``) hundredths of it: 0.1 becomes 0.001.
    """
    money = currency(unit)
    if not money or money == "¢":
        return rule
    return replace(rule, step=rule.step / 100)


def stage_component(
    base: Decimal, target: Decimal, category: StagingCategory, rule: RoundingRule, values: Values
) -> list[tuple[int, Decimal]]:
    """One component's values by agreement year: each rounded but the last, never past base or target.

    Args:
        base: the component's base amount.
        target: the amount it ends at.
        category: the line's staging category.
        rule: the rounding rule for the component's unit (see :func:`unit_rounding`).
        values: the category's exact values (the staging engine's).

    Returns:
        ``(agreement year, value)`` pairs in order.
    """
    exact = values(base, target, category)
    low, high = sorted((base, target))
    head = exact[:-1]
    rounded = round_values([v for _, v in head], rule)
    return [*((year, min(max(v, low), high)) for (year, _), v in zip(head, rounded, strict=True)), exact[-1]]


def stage_duty(
    base: Duty, target: Rate | None, category: StagingCategory, rule: RoundingRule, values: Values
) -> list[tuple[int, Duty]]:
    """A compound duty's values by agreement year, every component staged by the line's category.

    Args:
        base: the duty before the agreement.
        target: the line's own target: a duty of the same shape, a number for its ad valorem parts,
            or ``None`` for duty-free.
        category: the line's staging category; its ``cuts`` says which components it cuts.
        rule: the agreement's rounding rule.
        values: the category's exact values (the staging engine's).

    Returns:
        ``(agreement year, duty)`` pairs in order; components the category does not cut keep their base.
    """
    amounts = base.components
    ends = _targets(base, target)
    staged = [
        stage_component(a.value, end, category, unit_rounding(rule, a.unit), values)
        if _cut(a, category.cuts)
        else None
        for a, end in zip(amounts, ends, strict=True)
    ]
    years = next((tuple(y for y, _ in s) for s in staged if s is not None), (1,))
    result = []
    for index, year in enumerate(years):
        parts = [
            Amount(s[index][1] if s is not None else a.value, a.unit)
            for a, s in zip(amounts, staged, strict=True)
        ]
        result.append((year, _rebuild(base, parts)))
    return result


def _cut(amount: Amount, cuts: Cuts) -> bool:
    match cuts:
        case Cuts.ALL:
            return True
        case Cuts.AD_VALOREM:
            return amount.ad_valorem
        case Cuts.SPECIFIC:
            return not amount.ad_valorem
        case _:
            assert_never(cuts)


def _targets(base: Duty, target: Rate | None) -> list[Decimal]:
    if isinstance(target, Duty) and len(target.components) == len(base.components):
        return [a.value for a in target.components]
    zero = Decimal(0)
    return [target if isinstance(target, Decimal) and a.ad_valorem else zero for a in base.components]


def _rebuild(base: Duty, amounts: list[Amount]) -> Duty:
    count = len(base.parts)
    rest = iter(amounts[count:])
    minimum = next(rest) if base.minimum is not None else None
    maximum = next(rest) if base.maximum is not None else None
    return Duty(tuple(amounts[:count]), minimum, maximum)
