"""Schedule import benchmark: a 10,000-line ministry tool export with year columns, read with its
agreement's rules and the legal scrub, against a bare calamine read of the same file (target 2×).

The file has the layout of a trade-ministry tariff-tool export (DOMAIN.md, "Spreadsheets people
exchange"): codes as text, a numeric basket id beside the text category, the reporting party, and
the published rate of every year (``Y2012…Y2031``) computed with the KORUS rules, so every line is
scrubbed and agrees.
"""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from carveplan.engine import RULE_SETS, resolve, trajectory
from carveplan.io.schedule.importer import import_schedule_report
from carveplan.io.schedule.options import ScheduleImportOptions
from carveplan.model import Agreement, Line, with_rules
from tests.benchmarks.harness import Result, best_of_both

LINES = 10_000
EIF = date(2012, 3, 15)
YEARS = range(2012, 2032)
TARGET = 2.0
_BASKETS = {"Immediate": 1, "5 Years": 6, "10 Years": 11, "15 Years": 13}


def run() -> list[Result]:
    """Time the import with rules and scrub against a bare calamine read of the same workbook."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tool-export.xlsx"
        _write_export(path)
        options = ScheduleImportOptions("KOR", eif=EIF, rules=RULE_SETS["KORUS"])
        result = import_schedule_report(path, options)
        assert result.added == LINES, result.added
        assert not [p for p in result.warnings if p.code == "scrub"]
        read, floor = best_of_both(lambda: import_schedule_report(path, options), lambda: _bare_read(path))
    return [
        Result(
            f"schedule: import {LINES:,} lines with year columns, rules and scrub",
            read,
            "bare calamine read of the same file",
            floor,
            TARGET,
        )
    ]


def _lines() -> tuple[Line, ...]:
    codes = [f"{chapter:02d}{n:08d}" for chapter in range(1, 98) for n in range(0, 110_000, 1000)]
    rates = [Decimal(r) for r in ("3", "5", "6.8", "8", "13", "20", "26.4", "30")]
    categories = list(_BASKETS)
    return tuple(
        Line(f"L{i}", "KOR", "other", codes[i], f"Goods {i}", base=rates[i % 8], category=categories[i % 4])
        for i in range(LINES)
    )


def _write_export(path: Path) -> None:
    from openpyxl import Workbook

    agreement = with_rules(Agreement("bench", EIF, lines=_lines()), RULE_SETS["KORUS"])
    rows = trajectory(resolve(agreement), YEARS)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Schedule")
    sheet.append(["KORUS FTA: tariff schedule of Korea (tool export)"])
    sheet.append(
        ["HSK", "TL_Desc", "Base Rate", "Staging_Basket", "StagingBasket", "Reporter"]
        + [f"Y{y}" for y in YEARS]
    )
    for row in rows:
        line = row.line.line
        basket = _BASKETS[line.category]
        head = [line.code, line.description, float(line.base), basket, line.category, "Korea"]
        sheet.append(head + [float(v) for v in row.values])
    book.save(path)


def _bare_read(path: Path) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    book.close()
