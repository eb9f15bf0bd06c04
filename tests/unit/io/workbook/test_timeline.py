"""The year-by-year and timeline sheets: values as trajectory gives them, bars where phases run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl

from carveplan.io.formats import ExportOptions
from carveplan.io.workbook.export import export_workbook
from carveplan.io.workbook.timeline import periods
from carveplan.model import Agreement, ExceptionInvoked, Line, Milestone, Scenario, SecurityException, Timing

KORUS = Agreement(
    "KORUS excerpt",
    date(2012, 3, 15),
    lines=(
        Line("L1", "KOR", "energy", "271121", "Natural gas", base=Decimal(8), category="5 Years"),
        Line("L2", "KOR", "critical_minerals", "253090", "Lithium", base=Decimal(3), category="U"),
    ),
    milestones=(Milestone("M-1", "KOR", "Alignment", Timing.agreement_year(2)),),
    exceptions=(SecurityException("X1", "KOR", scope_sectors=("energy",)),),
    scenarios=(Scenario("crisis", overrides=(ExceptionInvoked("X1", Timing.agreement_year(3), 12),)),),
)


def _export(tmp_path: Path, scenario: str | None = None) -> openpyxl.Workbook:
    path = tmp_path / "k.xlsx"
    export_workbook(KORUS, path, ExportOptions(scenario=scenario, today=date(2026, 1, 1)))
    return openpyxl.load_workbook(path)


def test_year_by_year_follows_korus(tmp_path: Path) -> None:
    sheet = _export(tmp_path)["Year by year"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][7:] == ("2012", "2013", "2014", "2015", "2016")
    assert rows[1][7:] == (6.4, 4.8, 3.2, 1.6, 0)
    assert rows[2][7:] == (3, 3, 3, 3, 3)


def test_timeline_bars_marks_and_suspension(tmp_path: Path) -> None:
    book = _export(tmp_path, "crisis")
    rows = {row[0].value: row for row in book["Timeline"].iter_rows(min_row=2)}
    header = [c.value for c in next(book["Timeline"].iter_rows(max_row=1))]
    q = header.index
    gas = rows["L1"]
    assert gas[q("2012 Q1")].value == 6.4
    assert gas[q("2012 Q1")].fill.fgColor.rgb.endswith("F4B183")  # the energy colour
    assert gas[q("2014 Q2")].fill.fgColor.rgb.endswith("E06666")  # suspended by X1
    assert rows["L2"][q("2012 Q1")].value == "excluded"
    assert rows["M-1"][q("2013 Q1")].value == "◆"
    assert rows["X1"][q("2014 Q1")].value == "invoked"


def test_periods_are_months_for_short_spans_and_quarters_beyond() -> None:
    starts, labels = periods(date(2027, 2, 10), date(2028, 1, 31))
    assert labels[0] == "2027-02"
    assert starts[-1] == date(2028, 1, 1)
    starts, labels = periods(date(2027, 5, 1), date(2040, 12, 31))
    assert labels[:2] == ["2027 Q2", "2027 Q3"]
    assert labels[-1] == "2040 Q4"


def test_a_milestone_before_entry_into_force_has_its_own_column(tmp_path: Path) -> None:
    early = Milestone("T-0", "KOR", "Licensing procedures published", Timing.on(date(2011, 11, 20)))
    path = tmp_path / "early.xlsx"
    export_workbook(
        replace(KORUS, milestones=(*KORUS.milestones, early)), path, ExportOptions(today=date(2026, 1, 1))
    )
    sheet = openpyxl.load_workbook(path)["Timeline"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert header[5] == "2011 Q4"  # the sheet starts with the early milestone, not at EIF
    assert rows["T-0"][header.index("2011 Q4")].value == "◆"
    assert rows["L1"][header.index("2011 Q4")].value is None  # nothing applies before EIF
    assert rows["L1"][header.index("2012 Q1")].value == 6.4
    assert rows["L2"][header.index("2012 Q1")].value == "excluded"
