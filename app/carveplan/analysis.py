"""Analysis as pandas DataFrames, for analysts working in notebooks.

Every function takes an :class:`~carveplan.model.Agreement` or the path of a file CarvePlan opens
(``.carveplan``, an exported workbook, MS Project XML) and returns a fresh DataFrame::

    from carveplan import analysis

    cover = analysis.coverage_frame("schedules/sample.carveplan", scenario="sanctions persist")
    cover.pivot(index="year", columns="party", values="trade_free_pct")

Numbers are floats (rates and values in the agreement's units, trade in US dollars), dates are
``datetime.date`` and missing values are ``NaN``/``None``. pandas is imported when a function is
called, so importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carveplan.engine.compare import compare
from carveplan.engine.coverage import Status, coverage
from carveplan.engine.divergence import divergence
from carveplan.engine.resolve import resolve
from carveplan.engine.trajectory import trajectory, year_range
from carveplan.engine.xxiv import verdicts
from carveplan.io.formats import read_agreement
from carveplan.io.reports.analysis import divergence_cell
from carveplan.model import Agreement, CoverageTest
from carveplan.model.duty import Rate, level

if TYPE_CHECKING:
    import pandas as pd

Source = Agreement | str | Path

__all__ = ["compare_frame", "coverage_frame", "divergence_frame", "trajectory_frame", "verdict_frame"]


def trajectory_frame(
    source: Source, scenario: str | None = None, years: Iterable[int] | None = None
) -> pd.DataFrame:
    """Each line's value in force in each calendar year, one row per line, one column per year.

    Args:
        source: the agreement, or a file to open.
        scenario: a scenario name; ``None`` for the baseline.
        years: calendar years (default: from EIF to the last final value).

    Returns:
        Columns ``line, party, sector, code, description, measure, unit, base`` then one per year.
    """
    schedule = resolve(_agreement(source), scenario)
    span = list(years) if years is not None else list(year_range(schedule))
    records = [
        {
            **_line_fields(row.line.line),
            **{year: float(level(v)) for year, v in zip(span, row.values, strict=True)},
        }
        for row in trajectory(schedule, span)
    ]
    return _frame(records, [*_LINE_COLUMNS, *span])


def coverage_frame(
    source: Source,
    scenario: str | None = None,
    by_sector: bool = False,
    test: CoverageTest | None = None,
) -> pd.DataFrame:
    """Coverage per importing party and calendar year (and sector with ``by_sector``).

    Args:
        source: the agreement (with its trade table, if any), or a file to open.
        scenario: a scenario name; ``None`` for the baseline.
        by_sector: add a row per sector beside each party's whole schedule (``sector`` empty).
        test: the Article XXIV thresholds; the agreement's by default.

    Returns:
        Columns ``party, sector, year, agreement_year``, line counts ``lines, free, cut, base,
        excluded``, import values ``value, value_free, value_cut, value_base, value_excluded``,
        shares ``lines_free_pct, trade_free_pct``, ``simple_average, weighted_average`` and
        ``revenue_forgone`` (US$, static).
    """
    cover = coverage(_agreement(source), scenario, test)
    records = []
    for row in cover.rows:
        if row.sector is not None and not by_sector:
            continue
        record: dict[str, Any] = {
            "party": row.party,
            "sector": row.sector or "",
            "year": row.year,
            "agreement_year": row.agreement_year,
            "lines": row.line_count,
            **{_STATUS[s]: row.lines[s] for s in Status},
            "value": float(row.value),
            **{f"value_{_STATUS[s]}": float(row.values[s]) for s in Status},
            "lines_free_pct": _float(row.line_share()),
            "trade_free_pct": _float(row.trade_share()),
            "simple_average": _float(row.simple_average),
            "weighted_average": _float(row.weighted_average),
            "revenue_forgone": float(row.revenue_forgone),
        }
        records.append(record)
    return _frame(records, None)


def verdict_frame(
    source: Source, scenario: str | None = None, test: CoverageTest | None = None
) -> pd.DataFrame:
    """The Article XXIV verdict per party: shares at the horizon, pass or fail, lines short of free.

    Returns:
        Columns ``party, year, lines_free_pct, trade_free_pct, lines_pass, trade_pass, passes,
        blockers`` (the ids of the lines not duty-free then, largest trade first).
    """
    found = verdicts(coverage(_agreement(source), scenario, test))
    records = [
        {
            "party": v.party,
            "year": v.year,
            "lines_free_pct": _float(v.line_share),
            "trade_free_pct": _float(v.trade_share),
            "lines_pass": v.lines_pass,
            "trade_pass": v.trade_pass,
            "passes": v.passes,
            "blockers": [b.line.id for b in v.blockers],
        }
        for v in found
    ]
    return _frame(records, None)


def compare_frame(source: Source, scenario: str, against: str | None = None) -> pd.DataFrame:
    """Each line's final date in a scenario and in another (the baseline by default), and the delay.

    Returns:
        Columns ``line, party, sector, code, final, against_final, delay_days, delay_months,
        change, critical_chain, causes``, most delayed first within each sector.
    """
    comparison = compare(_agreement(source), scenario, against)
    records = [
        {
            "line": e.line.id,
            "party": e.line.party,
            "sector": e.line.sector,
            "code": e.line.code,
            "final": e.final,
            "against_final": e.against_final,
            "delay_days": e.delay_days,
            "delay_months": e.delay_months,
            "change": e.change.value,
            "critical_chain": list(e.chain),
            "causes": list(e.causes),
        }
        for e in comparison.lines
    ]
    return _frame(records, None)


def divergence_frame(source: Source, scenario: str | None = None) -> pd.DataFrame:
    """Sector by party: when each party's lines reach their final value, and how many are carved out.

    Returns:
        One row per sector and party: ``sector, party, lines, excluded, partial, blocked,
        final_date, final_year, exceptions, invoked``; pivot on ``final_year`` for the matrix.
    """
    matrix = divergence(_agreement(source), scenario)
    records = [divergence_cell(c) for c in matrix.cells]
    return _frame(records, None)


_LINE_COLUMNS = ["line", "party", "sector", "code", "description", "measure", "unit", "base"]
_STATUS = {Status.FREE: "free", Status.CUT: "cut", Status.BASE: "base", Status.EXCLUDED: "excluded"}


def _agreement(source: Source) -> Agreement:
    return source if isinstance(source, Agreement) else read_agreement(Path(source))


def _line_fields(line: Any) -> dict[str, Any]:
    values = (line.id, line.party, line.sector, line.code, line.description, line.measure.value, line.unit)
    return {**dict(zip(_LINE_COLUMNS, values, strict=False)), "base": float(line.base)}


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _frame(records: list[dict[str, Any]], columns: list[Any] | None) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(records, columns=columns)


def _number(value: Rate) -> float:
    """A value as a number for a frame: a compound duty by its ad valorem part."""
    return float(level(value))
