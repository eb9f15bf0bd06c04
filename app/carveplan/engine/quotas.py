"""Tariff-rate quotas over the years: the over-quota rate staged by its own category, the volume's path."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from carveplan.engine.staging import expand
from carveplan.model import Agreement, Line, Rate
from carveplan.model.duty import format_column
from carveplan.model.quota import quota_volume


def over_quota_line(line: Line) -> Line | None:
    """The over-quota rate as a line of its own (its base, its category), or ``None`` without a quota."""
    if line.quota is None:
        return None
    quota = line.quota
    return replace(line, base=quota.over, category=quota.over_category, target=None, phases=(), quota=None)


def over_quota_by_year(line: Line, agreement: Agreement, years: Iterable[int]) -> tuple[Rate, ...]:
    """The over-quota rate in force in each calendar year, by agreement year (stages fall on the stage day).

    Gates and exceptions act on the in-quota schedule; schedules stage the over-quota rate by year.
    """
    over = over_quota_line(line)
    if over is None:
        return ()
    phases = expand(over, agreement)
    eif = agreement.eif.year
    result = []
    for year in years:
        value: Rate = over.base
        for phase in phases:
            if phase.start.year is not None and phase.start.year <= year - eif + 1:
                value = phase.value
        result.append(value if year >= eif else over.base)
    return tuple(result)


def volume_by_year(line: Line, agreement: Agreement, years: Iterable[int]) -> tuple[Decimal, ...]:
    """The quota volume of each calendar year (year 1 is the year of entry into force)."""
    if line.quota is None:
        return ()
    eif = agreement.eif.year
    return tuple(quota_volume(line.quota, max(year - eif + 1, 1)) for year in years)


def quota_rows(line: Line, agreement: Agreement, years: Iterable[int]) -> list[list[str]]:
    """A quota line's extra rows for a year-by-year table: the over-quota rate and the volume.

    Returns:
        ``[description, base, category, *years]`` for each; none for a line without a quota.
    """
    if line.quota is None:
        return []
    quota, spans = line.quota, list(years)
    over = over_quota_by_year(line, agreement, spans)
    volumes = volume_by_year(line, agreement, spans)
    unit = quota.volume_unit
    return [
        [
            f"{line.description} (over quota)".strip(),
            format_column(quota.over, line.unit),
            quota.over_category,
            *(format_column(v, line.unit) for v in over),
        ],
        [
            f"{line.description} (quota volume in {unit})".strip(),
            format(quota.volume, "f"),
            "",
            *(format(v, "f") for v in volumes),
        ],
    ]
