"""Analysis results as tables of plain values: a header row, then data rows (for sheets and terminals)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from carveplan.engine.compare import Comparison
from carveplan.engine.divergence import DivergenceCell, DivergenceMatrix
from carveplan.engine.register import Invocation, RegisterRow

Cell = str | int | float | date | None
Rows = list[list[Cell]]


def comparison_rows(comparison: Comparison) -> Rows:
    """One row per line: final dates in both scenarios, delay, change, critical chain and causes.

    Args:
        comparison: the comparison.

    Returns:
        A header row, then the lines in the comparison's order (by sector, most delayed first).
    """
    scenario, against = comparison.schedule.scenario, comparison.against.scenario
    header: list[Cell] = [
        "Sector",
        "Party",
        "Line",
        "Code",
        "Description",
        f"Final ({scenario})",
        f"Final ({against})",
        "Delay (days)",
        "Delay (months)",
        "Change",
        "Critical chain",
        "Causes",
    ]
    names = {s.sector: s.name for s in comparison.sectors}
    rows: Rows = [header]
    for entry in comparison.lines:
        line = entry.line
        rows.append(
            [
                names.get(line.sector, line.sector),
                line.party,
                line.id,
                line.code,
                line.description,
                entry.final,
                entry.against_final,
                entry.delay_days,
                entry.delay_months,
                entry.change.value,
                " → ".join(entry.chain),
                ", ".join(entry.causes),
            ]
        )
    return rows


def comparison_sector_rows(comparison: Comparison) -> Rows:
    """One row per sector: lines delayed, longest and mean delay, blocked counts.

    Args:
        comparison: the comparison.

    Returns:
        A header row, then the sectors in the agreement's order.
    """
    scenario, against = comparison.schedule.scenario, comparison.against.scenario
    header: list[Cell] = [
        "Sector",
        "Lines",
        "Delayed",
        "Earlier",
        "Max delay (days)",
        "Mean delay (days)",
        f"Blocked ({scenario})",
        f"Blocked ({against})",
        "Newly blocked",
        "Unblocked",
    ]
    rows: Rows = [header]
    for s in comparison.sectors:
        counts = [s.lines, s.delayed, s.earlier, s.max_delay_days, s.mean_delay_days]
        rows.append([s.name, *counts, s.blocked, s.against_blocked, s.newly_blocked, s.unblocked])
    return rows


def divergence_rows(matrix: DivergenceMatrix) -> Rows:
    """The matrix itself: one row per sector, one column per party, and the spread.

    A cell holds the year the party's lines in the sector reach their final value, or ``blocked``,
    ``excluded`` (every line carved out) or nothing (no lines).

    Args:
        matrix: the divergence matrix.

    Returns:
        A header row, then one row per sector.
    """
    header: list[Cell] = [
        "Sector",
        *matrix.parties,
        "Fastest",
        "Slowest",
        "Spread (years)",
        "Never (blocked)",
    ]
    rows: Rows = [header]
    for sector, spread in zip(matrix.sectors, matrix.spreads, strict=True):
        values = [cell_value(c) for c in matrix.row(sector.id)]
        ends = [
            ", ".join(spread.fastest),
            ", ".join(spread.slowest),
            spread.spread_years,
            ", ".join(spread.blocked),
        ]
        rows.append([sector.name, *values, *ends])
    return rows


def divergence_detail_rows(matrix: DivergenceMatrix) -> Rows:
    """One row per sector and party with lines: counts, final date and the exceptions covering them.

    Args:
        matrix: the divergence matrix.

    Returns:
        A header row, then the cells that have lines, sector by sector.
    """
    header: list[Cell] = [
        "Sector",
        "Party",
        "Lines",
        "Excluded",
        "Partial",
        "Blocked",
        "Final value reached",
        "Year",
        "Exceptions",
        "Invoked",
    ]
    names = {s.id: s.name for s in matrix.sectors}
    rows: Rows = [header]
    for c in matrix.cells:
        if c.lines:
            counts = [c.lines, c.excluded, c.partial, c.blocked]
            exceptions = [", ".join(c.exceptions), ", ".join(c.invoked)]
            rows.append([names[c.sector], c.party, *counts, c.final_date, c.final_year, *exceptions])
    return rows


def cell_value(cell: DivergenceCell) -> Cell:
    """What a matrix cell shows: the year, ``blocked``, ``excluded`` or nothing."""
    if not cell.lines:
        return None
    if cell.blocked:
        return "blocked"
    if not cell.committed:
        return "excluded"
    return cell.final_year


def register_rows(register: Sequence[RegisterRow]) -> Rows:
    """The exceptions register: one row per invocation (one row for an exception never invoked).

    Args:
        register: the register rows, from :func:`carveplan.engine.register.exception_register`.

    Returns:
        A header row, then the rows.
    """
    header: list[Cell] = [
        "Exception",
        "Party",
        "Title",
        "Legal basis",
        "Trigger",
        "Scope sectors",
        "Lines in scope",
        "Rules",
        "Scenario",
        "Invoked",
        "Ends",
        "Notify by",
        "Notify termination by",
        "Reviews",
        "Warnings",
    ]
    rows: Rows = [header]
    for row in register:
        e = row.exception
        head: list[Cell] = [e.id, e.party, e.title, e.legal_basis, e.trigger]
        head += [", ".join(e.scope_sectors), len(row.scope), row.rules]
        invocations: Sequence[Invocation | None] = row.invocations or [None]
        rows.extend([*head, *_invocation_cells(i)] for i in invocations)
    return rows


def _invocation_cells(invocation: Invocation | None) -> list[Cell]:
    if invocation is None:
        return ["", None, None, None, None, "", ""]
    w = invocation.window
    reviews = ", ".join(d.isoformat() for d in w.review_dates)
    deadlines: list[Cell] = [w.start, w.end, w.notification_deadline, w.termination_notice]
    return [invocation.scenario, *deadlines, reviews, "; ".join(w.warnings)]
