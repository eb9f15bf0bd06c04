"""Coverage as tables of plain values (sheets, decks, terminals) and as JSON-ready data."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from carveplan.engine.coverage import Coverage, CoverageRow, Status
from carveplan.engine.xxiv import Verdict
from carveplan.io.reports.analysis import text_table
from carveplan.io.reports.rows import Cell, Rows
from carveplan.model.duty import Rate


def pct(value: Decimal | None, places: int = 1) -> float | None:
    """A percentage or rate rounded for display; ``None`` stays empty."""
    return None if value is None else round(float(value), places)


def money(value: Decimal) -> int:
    """US dollars to the dollar."""
    return int(value.to_integral_value())


def test_text(cover: Coverage) -> str:
    """The thresholds in words: ``90 % of lines and 90 % of trade duty-free by the end of year 10 (2036)``."""
    t = cover.test
    return (
        f"{t.lines_share:g} % of lines and {t.trade_share:g} % of trade duty-free "
        f"by the end of year {t.horizon} ({cover.horizon_year})"
    )


def trade_text(cover: Coverage) -> str:
    """Where the trade figures come from, or that there are none."""
    table = cover.schedule.agreement.trade
    if table is None:
        return "no trade data: shares of lines only (add trade data to weigh by imports)"
    said = "illustrative" in table.source.casefold()
    label = " (ILLUSTRATIVE, not published data)" if table.illustrative and not said else ""
    year = f", {table.year}" if table.year else ""
    return f"Trade: {table.source}{year}{label}; imports from the other parties, US$"


def verdict_rows(verdicts: tuple[Verdict, ...]) -> Rows:
    """One row per party: the shares at the horizon and the verdict."""
    header: list[Cell] = ["Party", "Year", "Lines free %", "Trade free %", "Verdict", "Lines short of free"]
    rows: Rows = [header]
    for v in verdicts:
        rows.append([v.party, v.year, pct(v.line_share), pct(v.trade_share), v.label, len(v.blockers)])
    return rows


def year_rows(cover: Coverage, sectors: bool = False) -> Rows:
    """One row per party (and sector) and calendar year: counts, shares, averages, revenue forgone."""
    header: list[Cell] = [
        "Party",
        "Sector",
        "Year",
        "Agreement year",
        "Lines",
        "Free",
        "Partly cut",
        "Not yet cut",
        "Excluded",
        "Lines free %",
        "Trade free %",
        "Trade partly cut %",
        "Trade excluded %",
        "Simple average %",
        "Trade-weighted average %",
        "Revenue forgone US$",
    ]
    names = {s.id: s.name for s in cover.schedule.agreement.sectors}
    rows = [r for r in cover.rows if sectors or r.sector is None]
    traded = cover.match is not None
    return [header, *(_year_row(r, names.get(r.sector or "", r.sector or "All"), traded) for r in rows)]


def _year_row(row: CoverageRow, sector: str, traded: bool) -> list[Cell]:
    """A row's cells; without trade data the revenue is unknown, not zero."""
    return [
        row.party,
        sector,
        row.year,
        row.agreement_year,
        row.line_count,
        row.lines[Status.FREE],
        row.lines[Status.CUT],
        row.lines[Status.BASE],
        row.lines[Status.EXCLUDED],
        pct(row.line_share()),
        pct(row.trade_share()),
        pct(row.trade_share(Status.CUT)),
        pct(row.trade_share(Status.EXCLUDED)),
        pct(row.simple_average, 2),
        pct(row.weighted_average, 2),
        money(row.revenue_forgone) if traded else None,
    ]


def blocker_rows(verdicts: tuple[Verdict, ...], limit: int | None = None) -> Rows:
    """The lines that keep each failing party short of the test, largest trade first."""
    header: list[Cell] = ["Party", "Line", "Code", "Description", "Status", "Rate", "Trade US$", "Blocked"]
    rows: Rows = [header]
    for verdict in verdicts:
        if verdict.passes:
            continue
        for b in verdict.blockers[:limit]:
            rows.append(
                [
                    verdict.party,
                    b.line.id,
                    b.line.code,
                    b.line.description,
                    b.status.value,
                    _rate(b.rate),
                    money(b.value),
                    "yes" if b.blocked else "",
                ]
            )
    return rows


def coverage_dict(cover: Coverage, verdicts: tuple[Verdict, ...]) -> dict[str, Any]:
    """Coverage as JSON-ready data: the test, the trade source, per party the verdict and every year."""
    table = cover.schedule.agreement.trade
    return {
        "agreement": cover.schedule.agreement.title,
        "scenario": cover.scenario,
        "test": {
            "lines_share": float(cover.test.lines_share),
            "trade_share": float(cover.test.trade_share),
            "horizon": cover.test.horizon,
            "horizon_year": cover.horizon_year,
        },
        "trade": None
        if table is None
        else {
            "source": table.source,
            "year": table.year,
            "split": table.split.value,
            "illustrative": table.illustrative,
        },
        "skipped_lines": cover.skipped,
        "parties": [_party(cover, v) for v in verdicts],
    }


def _party(cover: Coverage, verdict: Verdict) -> dict[str, Any]:
    sectors = dict.fromkeys(r.sector for r in cover.rows if r.party == verdict.party and r.sector)
    return {
        "party": verdict.party,
        "verdict": verdict.label,
        "passes": verdict.passes,
        "line_share": pct(verdict.line_share, 4),
        "trade_share": pct(verdict.trade_share, 4),
        "lines_pass": verdict.lines_pass,
        "trade_pass": verdict.trade_pass,
        "blockers": [
            {
                "line": b.line.id,
                "code": b.line.code,
                "status": b.status.value,
                "rate": _rate(b.rate),
                "value": float(b.value),
                "blocked": b.blocked,
            }
            for b in verdict.blockers
        ],
        "years": [_row_dict(r) for r in cover.series(verdict.party)],
        "sectors": {s: [_row_dict(r) for r in cover.series(verdict.party, s)] for s in sectors if s},
    }


def _row_dict(row: CoverageRow) -> dict[str, Any]:
    return {
        "year": row.year,
        "agreement_year": row.agreement_year,
        "lines": {s.name.lower(): n for s, n in row.lines.items()},
        "value": {s.name.lower(): float(v) for s, v in row.values.items()},
        "line_share_free": pct(row.line_share(), 4),
        "trade_share_free": pct(row.trade_share(), 4),
        "simple_average": pct(row.simple_average, 4),
        "weighted_average": pct(row.weighted_average, 4),
        "revenue_forgone": float(row.revenue_forgone),
        "unpriced_lines": row.unpriced,
    }


def coverage_text(cover: Coverage, verdicts: tuple[Verdict, ...], blockers: int = 10) -> Iterator[str]:
    """Coverage for a terminal: the test and source, the verdicts, the years, then the lines short of free."""
    yield f"{cover.schedule.agreement.title} — liberalization coverage, scenario {cover.scenario!r}"
    yield f"Article XXIV test: {test_text(cover)}"
    yield trade_text(cover)
    if cover.skipped:
        yield f"{cover.skipped} lines that are not tariff lines (services, caps, quotas) are not counted"
    yield ""
    yield from text_table(verdict_rows(verdicts))
    yield ""
    yield "Year by year, whole schedule"
    years = year_rows(cover)
    # Trade columns are empty without trade data, and the partly-cut and excluded trade shares are
    # in the JSON and the workbook: a terminal shows what fits.
    dropped = {"Sector", "Trade partly cut %", "Trade excluded %"}
    if cover.match is None:
        dropped |= {"Trade free %", "Trade-weighted average %", "Revenue forgone US$"}
    keep = [i for i, name in enumerate(years[0]) if name not in dropped]
    yield from text_table([[row[i] for i in keep] for row in years])
    short = blocker_rows(verdicts, blockers)
    if len(short) > 1:
        yield ""
        yield f"Lines keeping a party from passing, largest trade first (at most {blockers} per party)"
        yield from text_table(short)


def _rate(rate: Rate) -> float | str:
    """A plain rate as a number; a specific or compound duty as published (``3.4¢/kg + 2%``)."""
    return float(rate) if isinstance(rate, Decimal) else str(rate)
