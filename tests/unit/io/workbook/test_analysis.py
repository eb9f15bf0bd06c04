"""The Divergence, Exceptions register and Coverage sheets of the exchange workbook; import ignores them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from carveplan.engine import divergence, exception_register
from carveplan.io.formats import ExportOptions
from carveplan.io.reports.rows import divergence_detail_rows, divergence_rows, register_rows
from carveplan.io.workbook.export import export_workbook
from carveplan.io.workbook.importer import read_workbook
from tests.helpers.analysis import analysis_agreement
from tests.helpers.trade import trade_agreement


@pytest.fixture
def book(tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "analysis.xlsx"
    export_workbook(analysis_agreement(), path, ExportOptions(scenario="late", today=date(2026, 1, 1)))
    return openpyxl.load_workbook(path)


def _trimmed(row: list[object]) -> list[object]:
    """Empty text reads back as an empty cell; sheets pad short rows with empty cells."""
    cells = [None if v == "" else v for v in row]
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def _values(book: openpyxl.Workbook, name: str) -> list[list[object]]:
    def plain(value: object) -> object:
        return value.date() if isinstance(value, datetime) else value

    return [_trimmed([plain(v) for v in row]) for row in book[name].iter_rows(values_only=True)]


def _expected(rows: list[list[object]]) -> list[list[object]]:
    return [_trimmed(row) for row in rows]


def test_sheets_come_after_the_timeline(book: openpyxl.Workbook) -> None:
    assert book.sheetnames[-4:] == [
        "Divergence",
        "Exceptions register",
        "Coverage",
        "Lists",
    ]  # Lists is hidden


def test_divergence_sheet_holds_the_matrix_then_the_detail(book: openpyxl.Workbook) -> None:
    matrix = divergence(analysis_agreement(), "late")
    expected = [*divergence_rows(matrix), [], *divergence_detail_rows(matrix)]
    assert _values(book, "Divergence") == _expected(expected)
    assert book["Divergence"]["B3"].value is None  # Beta has no energy lines
    assert book["Divergence"]["C3"].value == "blocked"  # telecommunications, Beta, under "late"


def test_register_sheet_lists_invocations_with_dates(book: openpyxl.Workbook) -> None:
    agreement = analysis_agreement()
    assert _values(book, "Exceptions register") == _expected(register_rows(exception_register(agreement)))
    invoked = book["Exceptions register"]["J2"]
    assert invoked.value == datetime(2025, 6, 1)
    assert invoked.number_format == "yyyy-mm-dd"


def test_headers_are_bold(book: openpyxl.Workbook) -> None:
    assert book["Divergence"]["A1"].font.bold
    assert book["Divergence"]["A6"].font.bold  # the detail block's own header
    assert book["Exceptions register"]["A1"].font.bold


def test_import_ignores_the_analysis_sheets(tmp_path: Path) -> None:
    path = tmp_path / "round.xlsx"
    export_workbook(analysis_agreement(), path, ExportOptions(today=date(2026, 1, 1)))
    assert read_workbook(path).exceptions == analysis_agreement().exceptions


def test_the_coverage_sheet_has_verdicts_years_and_blockers(tmp_path: Path) -> None:
    path = tmp_path / "coverage.xlsx"
    export_workbook(trade_agreement(), path, ExportOptions(today=date(2026, 1, 1)))
    rows = _values(openpyxl.load_workbook(path), "Coverage")
    assert rows[1] == [
        "Article XXIV test: 90 % of lines and 90 % of trade duty-free by the end of year 10 (2036)"
    ]
    verdicts = rows[
        rows.index(["Party", "Year", "Lines free %", "Trade free %", "Verdict", "Lines short of free"]) + 1
    ]
    assert verdicts == ["AAA", 2036, 60, 87.5, "fail", 2]
    energy_2027 = next(r for r in rows if r[:3] == ["AAA", "Energy", 2027])
    assert energy_2027[4:6] == [3, 1]  # three energy lines, one (A1) free
    assert ["AAA", "A3", "271111", "line A3", "excluded", 5, 100] in rows
    assert read_workbook(path).lines == trade_agreement().lines  # the computed sheet is not read back
