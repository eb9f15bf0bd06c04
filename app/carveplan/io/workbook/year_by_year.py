"""The year-by-year sheet: one row per line, one column per calendar year, the value in force that year."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from carveplan.engine import Schedule, trajectory, unstaged_lines
from carveplan.engine.quotas import over_quota_by_year, volume_by_year
from carveplan.io.cells import write_number, write_published
from carveplan.io.workbook.rawrows import Cell, RawRows
from carveplan.io.workbook.writer import SheetWriter
from carveplan.model import Line, LineId, Rate
from carveplan.model.duty import is_specific

YEAR_BY_YEAR = "Year by year"
HEAD = ("Id", "Party", "Sector", "Code", "Description")


def write_year_by_year(writer: SheetWriter, schedule: Schedule, shown: set[LineId], years: range) -> None:
    """One row per line, one column per calendar year: the value in force that year."""
    head = (*HEAD, "Base", "Category")
    widths = (14, 8, 18, 12, 36, 8, 10, *(8 for _ in years))
    sheet = writer.sheet(YEAR_BY_YEAR, widths, freeze="H2")
    writer.header(sheet, (*head, *(str(y) for y in years)))
    rows = writer.raw(sheet)
    count = 0
    unstaged = unstaged_lines(schedule)
    for row in trajectory(schedule, years):
        line = row.line.line
        if line.id not in shown:
            continue
        category = line.category if not line.phases else "explicit"
        if line.id in unstaged:  # its values are unknown: blank cells, never the base
            base = write_published(line.base, line.unit)
            named = [line.id, line.party, line.sector, line.code, line.description]
            rows.append([*named, base, f"{category} (not defined)"])
            writer.progress.step()
            count += 1
            continue
        cells = [
            line.id,
            line.party,
            line.sector,
            line.code,
            line.description,
            write_published(line.base, line.unit),
            category,
        ]
        rows.append([*cells, *published(row.values, line.unit)])
        writer.progress.step()
        count += 1 + _quota_rows(rows, schedule, line, years)
    sheet.auto_filter.ref = f"A1:G{count + 1}"


def _quota_rows(rows: RawRows, schedule: Schedule, line: Line, years: range) -> int:
    """Under a quota line, its over-quota rate and its volume each year; how many rows were added."""
    quota = line.quota
    if quota is None:
        return 0
    head = [line.id, line.party, line.sector, line.code]
    over = over_quota_by_year(line, schedule.agreement, years)
    volumes = volume_by_year(line, schedule.agreement, years)
    over_cells = [
        f"{line.description} (over quota)",
        write_published(quota.over, line.unit),
        quota.over_category,
    ]
    rows.append([*head, *over_cells, *published(over, line.unit)])
    volume_cells = [
        f"{line.description} (quota volume in {quota.volume_unit})",
        write_number(quota.volume),
        "",
    ]
    rows.append([*head, *volume_cells, *(write_number(v) for v in volumes)])
    return 2


def published(values: Iterable[Rate], unit: str) -> list[Cell]:
    """:func:`write_published` of each value, the unit looked at once (a line's 20–40 years)."""
    if _specific(unit):
        return [write_published(v, unit) for v in values]
    return [write_number(v) if type(v) is Decimal else write_published(v, unit) for v in values]


@lru_cache(maxsize=256)
def _specific(unit: str) -> bool:
    return is_specific(unit)
