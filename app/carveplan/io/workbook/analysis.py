"""The analysis sheets of the exchange workbook: divergence, the exceptions register and coverage."""

from __future__ import annotations

from datetime import date

from carveplan.engine.coverage import coverage_of
from carveplan.engine.divergence import divergence_of
from carveplan.engine.register import exception_register
from carveplan.engine.schedule import Schedule
from carveplan.engine.xxiv import verdicts
from carveplan.io.reports.coverage import blocker_rows, test_text, trade_text, verdict_rows, year_rows
from carveplan.io.reports.rows import Rows, divergence_detail_rows, divergence_rows, register_rows
from carveplan.io.workbook.writer import DATE_FORMAT, SheetWriter

DIVERGENCE = "Divergence"
REGISTER = "Exceptions register"
COVERAGE = "Coverage"
LEGEND = (
    (DIVERGENCE, "year each party's lines in a sector reach their final value, and the spread (computed)"),
    (REGISTER, "every security exception, its scope and rules, its invocations per scenario (computed)"),
    (COVERAGE, "share of lines and of trade duty-free per party and year, the Article XXIV check (computed)"),
)


def analysis_rows(schedule: Schedule) -> dict[str, Rows]:
    """The rows of both sheets, by sheet name.

    Args:
        schedule: the scenario the workbook's computed columns show (the divergence follows it);
            the register lists the invocations of every scenario.

    Returns:
        The divergence matrix, a blank row, then its per-party detail; the register; and coverage:
        the test and the trade source, the verdicts, every party and sector by year, and the lines
        short of the test.
    """
    matrix = divergence_of(schedule)
    return {
        DIVERGENCE: [*divergence_rows(matrix), [], *divergence_detail_rows(matrix)],
        REGISTER: register_rows(exception_register(schedule.agreement)),
        COVERAGE: coverage_sheet_rows(schedule),
    }


def coverage_sheet_rows(schedule: Schedule) -> Rows:
    """The Coverage sheet: a note block, the verdicts, the years (party and sectors), the blockers."""
    cover = coverage_of(schedule)
    found = verdicts(cover)
    notes: Rows = [
        [f"Scenario: {cover.scenario}"],
        [f"Article XXIV test: {test_text(cover)}"],
        [trade_text(cover)],
        ["Static: the reference year's trade at each year's rates, no trade created or diverted."],
    ]
    return [*notes, [], *verdict_rows(found), [], *year_rows(cover, sectors=True), [], *blocker_rows(found)]


def row_count(rows: dict[str, Rows]) -> int:
    """How many rows :func:`write_analysis` writes (for the progress bar)."""
    return sum(1 for sheet in rows.values() for row in sheet if row)  # blank rows are not counted


def write_analysis(writer: SheetWriter, rows: dict[str, Rows]) -> None:
    """Write the two sheets: bold headers, dates as dates, widths that fit the text.

    Args:
        writer: the workbook's sheet writer.
        rows: from :func:`analysis_rows`.
    """
    for name, sheet_rows in rows.items():
        sheet = writer.sheet(name, _widths(sheet_rows), _formats(sheet_rows))
        raw = writer.raw(sheet, first=1)  # thousands of rows: written as text, headers included
        bold = raw.style(fill=writer.header_fill, font=writer.bold)
        # Each block of a sheet (the divergence has two) starts with its own header row.
        header = True
        for row in sheet_rows:
            if not row:
                raw.blank()
                header = True
                continue
            if header:
                raw.append([(str(cell), bold) for cell in row])
                header = False
            else:
                raw.append(row)
            writer.progress.step()


def _widths(rows: Rows) -> list[int]:
    widest: dict[int, int] = {}
    for row in rows:
        for index, cell in enumerate(row):
            text = cell.isoformat() if isinstance(cell, date) else "" if cell is None else str(cell)
            widest[index] = max(widest.get(index, 0), len(text))
    return [min(48, max(8, widest[i] + 2)) for i in range(len(widest))]


def _formats(rows: Rows) -> list[str]:
    columns = max((len(row) for row in rows), default=0)
    dated = {i for row in rows for i, cell in enumerate(row) if isinstance(cell, date)}
    return [DATE_FORMAT if i in dated else "" for i in range(columns)]
