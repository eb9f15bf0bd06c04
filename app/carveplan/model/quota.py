"""Tariff-rate quotas: an in-quota rate (the line's), an over-quota rate and a volume that grows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, getcontext
from enum import StrEnum

from carveplan.model.duty import Rate
from carveplan.model.staging import Step


class Growth(StrEnum):
    """How a quota volume grows each year after the first."""

    PERCENT = "percent"
    UNITS = "units"


@dataclass(frozen=True)
class Quota:
    """A tariff-rate quota on a line; the line's own base and category are the in-quota rate's.

    Attributes:
        over: the over-quota rate before the agreement, in the line's unit or a compound duty.
        over_category: the staging category of the over-quota rate; empty: it stays as it is.
        volume: the quantity that enters at the in-quota rate in agreement year 1.
        volume_unit: the unit of the volume (``t``, ``l``, ``units``).
        growth: the yearly growth after year 1, in percent or in units (see ``growth_kind``).
        growth_kind: percent of the previous year's volume (KORUS honey: 3%), or units a year.
        volumes: explicit volumes by agreement year; when given, they replace the growth.
    """

    over: Rate
    volume: Decimal
    volume_unit: str = "t"
    over_category: str = ""
    growth: Decimal = Decimal(0)
    growth_kind: Growth = Growth.PERCENT
    volumes: tuple[Step, ...] = ()


def quota_volume(quota: Quota, year: int) -> Decimal:
    """The volume of agreement year ``year`` (1 = EIF): the explicit one in force, else the grown one."""
    if quota.volumes:
        ordered = sorted(quota.volumes, key=lambda s: s.year)
        return next((s.value for s in reversed(ordered) if s.year <= year), ordered[0].value)
    volume = quota.volume
    for _ in range(1, max(year, 1)):
        volume = volume + (
            volume * quota.growth / 100 if quota.growth_kind is Growth.PERCENT else quota.growth
        )
    # Published volumes are whole units: 200 t growing 3% a year is 206 t, then 212 t.
    if quota.growth_kind is Growth.PERCENT and quota.growth:
        # A volume with more whole digits than the context holds cannot be quantized; it is whole already.
        return (
            volume.quantize(Decimal(1))
            if volume.adjusted() < getcontext().prec
            else volume.to_integral_value()
        )
    return volume
