"""Comparison and divergence as JSON-ready data and as aligned text tables for a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from carveplan.engine.compare import Change, Comparison
from carveplan.engine.divergence import DivergenceCell, DivergenceMatrix
from carveplan.io.reports.rows import (
    Cell,
    Rows,
    comparison_rows,
    comparison_sector_rows,
    divergence_detail_rows,
    divergence_rows,
)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """A comparison as JSON-ready data."""
    return {
        "agreement": comparison.schedule.agreement.title,
        "scenario": comparison.schedule.scenario,
        "against": comparison.against.scenario,
        "lines": [
            {
                "id": e.line.id,
                "party": e.line.party,
                "sector": e.line.sector,
                "code": e.line.code,
                "final": _day(e.final),
                "against_final": _day(e.against_final),
                "delay_days": e.delay_days,
                "delay_months": e.delay_months,
                "change": e.change.value,
                "blocked": e.blocked,
                "against_blocked": e.against_blocked,
                "critical_chain": list(e.chain),
                "causes": list(e.causes),
            }
            for e in comparison.lines
        ],
        "sectors": [
            {
                "sector": s.sector,
                "lines": s.lines,
                "delayed": s.delayed,
                "earlier": s.earlier,
                "max_delay_days": s.max_delay_days,
                "mean_delay_days": s.mean_delay_days,
                "blocked": s.blocked,
                "against_blocked": s.against_blocked,
                "newly_blocked": s.newly_blocked,
                "unblocked": s.unblocked,
            }
            for s in comparison.sectors
        ],
    }


def divergence_cell(cell: DivergenceCell) -> dict[str, Any]:
    """One sector-and-party cell of a divergence matrix as data (the final date stays a date)."""
    return {
        "sector": cell.sector,
        "party": cell.party,
        "lines": cell.lines,
        "excluded": cell.excluded,
        "partial": cell.partial,
        "blocked": cell.blocked,
        "final_date": cell.final_date,
        "final_year": cell.final_year,
        "exceptions": list(cell.exceptions),
        "invoked": list(cell.invoked),
    }


def divergence_dict(matrix: DivergenceMatrix) -> dict[str, Any]:
    """A divergence matrix as JSON-ready data."""
    return {
        "scenario": matrix.scenario,
        "sectors": [s.id for s in matrix.sectors],
        "parties": list(matrix.parties),
        "cells": [{**divergence_cell(c), "final_date": _day(c.final_date)} for c in matrix.cells],
        "spreads": [
            {
                "sector": s.sector,
                "fastest": list(s.fastest),
                "slowest": list(s.slowest),
                "first_year": s.first_year,
                "last_year": s.last_year,
                "spread_years": s.spread_years,
                "blocked": list(s.blocked),
            }
            for s in matrix.spreads
        ],
    }


def comparison_text(comparison: Comparison) -> Iterator[str]:
    """A comparison as text: a heading, the sector summary, then the lines that changed."""
    scenario, against = comparison.schedule.scenario, comparison.against.scenario
    yield f"{comparison.schedule.agreement.title} — scenario {scenario!r} against {against!r}"
    yield ""
    yield "Sectors"
    yield from text_table(comparison_sector_rows(comparison))
    rows = comparison_rows(comparison)
    moved = [
        row for row, e in zip(rows[1:], comparison.lines, strict=True) if e.change is not Change.UNCHANGED
    ]
    yield ""
    if not moved:
        yield "Every line reaches its final value on the same date in both scenarios."
        return
    yield "Lines delayed, earlier or blocked"
    # The description column is long and the line id already names the line.
    yield from text_table([row[:4] + row[5:] for row in [rows[0], *moved]])


def divergence_text(matrix: DivergenceMatrix) -> Iterator[str]:
    """A divergence matrix as text: the year matrix with spreads, then the counts per party."""
    yield f"Divergence across parties — scenario {matrix.scenario!r}"
    yield "Year each party's lines in the sector reach their final value"
    yield ""
    yield from text_table(divergence_rows(matrix))
    detail = divergence_detail_rows(matrix)
    if len(detail) > 1:
        yield ""
        yield from text_table(detail)


def text_table(rows: Rows) -> Iterator[str]:
    """Rows as aligned columns: numbers right-aligned, text left-aligned, a rule under the header."""
    if not rows:
        return
    cells = [[_text(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows[1:]) for i in range(len(widths))
    ]

    def fmt(row: list[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(row, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    yield fmt(cells[0])
    yield "  ".join("-" * w for w in widths)
    for row in cells[1:]:
        yield fmt(row)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
