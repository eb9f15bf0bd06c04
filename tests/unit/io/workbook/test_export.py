"""What a spreadsheet program shows of the workbook: print setup, drop-downs, the sheet list, .ods."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from carveplan.io.formats import ExportOptions, read_agreement
from carveplan.io.workbook.export import LEGEND, export_workbook
from carveplan.io.workbook.importer import read_workbook
from tests.helpers.plans import DELAY, partnership

OPTIONS = ExportOptions(scenario=DELAY, today=date(2026, 11, 25))


@pytest.fixture(scope="module")
def book_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("book") / "plan.xlsx"
    export_workbook(partnership(), path, OPTIONS)
    return path


def test_every_sheet_prints_landscape_one_page_wide_with_its_header(book_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title


def test_the_category_column_offers_the_staging_categories(book_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    lines = book["Lines"]
    header = [c.value for c in lines[1]]
    letter = openpyxl.utils.get_column_letter(header.index("Category") + 1)
    (rule,) = [r for r in lines.data_validations.dataValidation if f"{letter}2" in str(r.sqref)]
    assert rule.type == "list"
    assert rule.formula1 == "'Lists'!$A$2:$A$5000"
    assert not rule.showErrorMessage  # a suggestion: any built-in spelling is allowed
    lists = book["Lists"]
    offered = [row[0] for row in lists.iter_rows(min_row=2, values_only=True)]
    assert {"5 Years", "B5", "A", "U"} <= set(offered)
    assert lists.sheet_state == "hidden"


def test_the_overview_lists_every_sheet(book_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    listed = {name for name, _ in LEGEND}
    overview = [row[0] for row in book["Overview"].iter_rows(values_only=True)]
    assert set(book.sheetnames) <= listed
    assert set(book.sheetnames) <= set(overview)


def test_a_workbook_resaved_as_ods_by_libreoffice_opens_as_the_xlsx_does(
    book_path: Path, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (libreoffice-calc-nogui) is not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "ods",
         "--outdir", str(tmp_path), str(book_path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    ods = tmp_path / "plan.ods"
    assert read_agreement(ods) == read_workbook(book_path)
