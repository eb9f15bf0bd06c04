"""Rounding staged values in decimal: cut down to 0.1 like KORUS, never through floats."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.engine import round_value
from carveplan.model import RoundingDirection, RoundingRule

DOWN = RoundingRule(Decimal("0.1"), RoundingDirection.DOWN)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5.44", "5.4"), ("4.08", "4.0"), ("2.72", "2.7"), ("1.36", "1.3"), ("6.4", "6.4"), ("17.6", "17.6")],
)
def test_korus_values_are_cut_down_to_a_tenth(value: str, expected: str) -> None:
    assert round_value(Decimal(value), DOWN) == Decimal(expected)


def test_seventeen_point_six_does_not_become_seventeen_point_five() -> None:
    # 22 cut by a fifth is 17.6 exactly; a float would hold 17.5999... and truncate to 17.5.
    staged = Decimal(22) - Decimal(22) / 5
    assert round_value(staged, DOWN) == Decimal("17.6")
    assert str(round_value(staged, DOWN)) == "17.6"


@pytest.mark.parametrize(
    ("direction", "value", "expected"),
    [
        (RoundingDirection.UP, "5.41", "5.5"),
        (RoundingDirection.UP, "5.4", "5.4"),
        (RoundingDirection.HALF_UP, "5.45", "5.5"),
        (RoundingDirection.HALF_EVEN, "5.45", "5.4"),
        (RoundingDirection.HALF_EVEN, "5.55", "5.6"),
        (RoundingDirection.DOWN, "-0.05", "-0.1"),
        (RoundingDirection.NONE, "5.4567", "5.4567"),
    ],
)
def test_each_direction(direction: RoundingDirection, value: str, expected: str) -> None:
    assert round_value(Decimal(value), RoundingRule(Decimal("0.1"), direction)) == Decimal(expected)


def test_a_coarser_step_and_rising_caps_round_toward_the_lower_value() -> None:
    quarter = RoundingRule(Decimal("0.25"), RoundingDirection.DOWN)
    assert round_value(Decimal("37.6"), quarter) == Decimal("37.5")
    assert round_value(Decimal("37.75"), quarter) == Decimal("37.75")
    # An equity cap rising from 25 toward 49, rounded down to whole points: conservative.
    assert round_value(Decimal("33.0"), RoundingRule(Decimal(1))) == Decimal(33)
    assert round_value(Decimal("32.99"), RoundingRule(Decimal(1))) == Decimal(32)


def test_a_step_of_zero_leaves_the_value() -> None:
    assert round_value(Decimal("1.23"), RoundingRule(Decimal(0))) == Decimal("1.23")


values = st.decimals(min_value=-1000, max_value=1000, places=4, allow_nan=False, allow_infinity=False)
steps = st.sampled_from([Decimal("0.1"), Decimal("0.01"), Decimal("0.5"), Decimal("1"), Decimal("0.25")])


@given(values, steps)
def test_rounding_down_lands_on_the_step_at_or_below(value: Decimal, step: Decimal) -> None:
    rounded = round_value(value, RoundingRule(step, RoundingDirection.DOWN))
    assert rounded <= value < rounded + step
    assert rounded % step == 0


@given(values, steps)
def test_rounding_up_lands_on_the_step_at_or_above(value: Decimal, step: Decimal) -> None:
    rounded = round_value(value, RoundingRule(step, RoundingDirection.UP))
    assert rounded - step < value <= rounded
    assert rounded % step == 0


@pytest.mark.parametrize("value", ["1e400", "-1e40", "123456789012345678901234567890.5"])
def test_values_too_long_for_the_step_are_still_rounded(value: str) -> None:
    # A base typed as 1e400 must not stop the whole agreement from resolving: the value has more
    # digits than decimal arithmetic keeps, so it cannot be written with the step's places.
    rule = RoundingRule(Decimal("0.1"), RoundingDirection.DOWN)
    rounded = round_value(Decimal(value), rule)
    assert abs(rounded - Decimal(value)) <= Decimal(value).copy_abs() * Decimal("1e-20") + 1
