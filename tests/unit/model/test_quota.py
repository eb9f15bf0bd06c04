"""Quota volumes by agreement year."""

from __future__ import annotations

from decimal import Decimal

from carveplan.model.quota import Growth, Quota, quota_volume
from carveplan.model.quota_grammar import format_quota, parse_quota


def test_a_volume_grown_by_a_percentage_is_whole_units() -> None:
    quota = Quota(over=Decimal(20), volume=Decimal(200), growth=Decimal(3))
    assert [quota_volume(quota, year) for year in (1, 2, 3)] == [Decimal(200), Decimal(206), Decimal(212)]


def test_a_volume_grown_past_the_decimal_precision_is_still_given() -> None:
    # 36 % a year for three centuries: more whole digits than the decimal context holds.
    quota = Quota(over=Decimal(20), volume=Decimal(1), growth=Decimal(36))
    volume = quota_volume(quota, 300)
    assert volume == volume.to_integral_value()
    assert volume > Decimal("1e30")


def test_no_growth_in_units_reads_back_as_written() -> None:
    quota = Quota(over=Decimal(20), volume=Decimal(10), growth_kind=Growth.UNITS)
    assert format_quota(quota) == "over 20% | 10 t | +0 t a year"
    assert parse_quota(format_quota(quota)) == quota
