"""Coverage against a plain oracle: every line asked for every year, summed field by field.

The engine adds each run of equal rates once and shares the amounts of lines alike; the oracle
does neither, so any bookkeeping slip shows as a difference in some party, sector or year.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from carveplan.engine import resolve
from carveplan.engine.coverage import Coverage, Status, coverage, coverage_of, status_of
from carveplan.engine.dates import stage_day_in
from carveplan.engine.revenue import is_ad_valorem, revenue_forgone
from carveplan.engine.trade_match import is_tariff_line
from carveplan.engine.trajectory import _values, trajectory, value_at, value_runs
from carveplan.model import Agreement
from carveplan.model.duty import level
from tests.helpers.strategies import agreements
from tests.helpers.trade import trade_agreement

_Key = tuple[str, str | None, int]


@dataclass
class _Sums:
    """One party (and sector) in one year, summed the plain way."""

    lines: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    values: dict[Status, Decimal] = field(default_factory=lambda: dict.fromkeys(Status, Decimal(0)))
    rate_sum: Decimal = Decimal(0)
    rate_count: int = 0
    weighted_sum: Decimal = Decimal(0)
    weighted_value: Decimal = Decimal(0)
    revenue: Decimal = Decimal(0)
    unpriced: int = 0


def _oracle(cover: Coverage) -> dict[_Key, _Sums]:
    """Every tariff line asked for every year, added to its party and to its sector."""
    sums: dict[_Key, _Sums] = defaultdict(_Sums)
    lines = tuple(r for r in cover.schedule.lines if is_tariff_line(r.line))
    schedule = cover.schedule
    days = [
        schedule.eif if y == schedule.eif.year else stage_day_in(y, schedule.agreement.stage_day)
        for y in cover.years
    ]
    for resolved in lines:
        line = resolved.line
        trade = cover.trade_of(line.id)
        for year, day in zip(cover.years, days, strict=True):
            duty = value_at(resolved, day)
            status = status_of(resolved, duty)
            for sector in (None, line.sector):
                entry = sums[line.party, sector, year]
                entry.lines[status] += 1
                entry.values[status] += trade.value
                if is_ad_valorem(line.unit):
                    entry.rate_sum += level(duty)
                    entry.rate_count += 1
                    entry.weighted_sum += trade.value * level(duty)
                    entry.weighted_value += trade.value
                if duty != line.base:
                    forgone = revenue_forgone(line.unit, level(line.base), level(duty), trade)
                    if forgone is None:
                        entry.unpriced += 1
                    else:
                        entry.revenue += forgone
    return sums


def _assert_matches_oracle(cover: Coverage) -> None:
    expected = _oracle(cover)
    assert set(expected) <= {(r.party, r.sector, r.year) for r in cover.rows}
    for row in cover.rows:
        sums = expected[row.party, row.sector, row.year]
        assert row.lines == sums.lines
        assert row.values == sums.values
        assert row.simple_average == (sums.rate_sum / sums.rate_count if sums.rate_count else None)
        weighted = sums.weighted_sum / sums.weighted_value if sums.weighted_value else None
        assert row.weighted_average == weighted
        assert row.revenue_forgone == sums.revenue
        assert row.unpriced == sums.unpriced


def _with_twins(sample: Agreement) -> Agreement:
    """The agreement with each line repeated under a new id: lines alike share their amounts."""
    twins = tuple(replace(line, id=f"{line.id}~twin") for line in sample.lines)
    return replace(sample, lines=(*sample.lines, *twins))


@settings(max_examples=60, deadline=None)
@given(agreements(), st.booleans())
def test_coverage_equals_the_oracle_on_random_agreements(sample: Agreement, twins: bool) -> None:
    schedule = resolve(_with_twins(sample) if twins else sample)
    _assert_matches_oracle(coverage_of(schedule))


def test_coverage_equals_the_oracle_with_trade_and_a_late_scenario() -> None:
    sample = trade_agreement()
    for scenario in (None, "energy late"):
        _assert_matches_oracle(coverage(sample, scenario))
        _assert_matches_oracle(coverage(_with_twins(sample), scenario))


@settings(max_examples=60, deadline=None)
@given(agreements(), st.integers(0, 30), st.integers(0, 12))
def test_value_runs_follow_the_value_in_force_each_day(sample: Agreement, first: int, count: int) -> None:
    schedule = resolve(sample)
    days = [date(schedule.eif.year + first + i, 1 + i % 12, 1) for i in range(count)]
    for line in schedule.lines:
        runs = value_runs(line, days)
        spread = [value for start, end, value in runs for _ in range(start, end)]
        assert spread == list(_values(line, days))
        assert [end for _, end, _ in runs[:-1]] == [start for start, _, _ in runs[1:]]
        assert all(a[2] != b[2] for a, b in pairwise(runs))


@settings(max_examples=60, deadline=None)
@given(agreements(), st.lists(st.integers(1990, 2100), max_size=12))
def test_rows_over_ascending_years_hold_each_value_in_force(sample: Agreement, years: list[int]) -> None:
    schedule = resolve(sample)
    ascending = sorted(years)  # the years of a table: built from the runs of each line
    days = [
        None
        if y < schedule.eif.year
        else schedule.eif
        if y == schedule.eif.year
        else stage_day_in(y, sample.stage_day)
        for y in ascending
    ]
    for row in trajectory(schedule, ascending):
        assert row.values == tuple(row.line.line.base if d is None else value_at(row.line, d) for d in days)
