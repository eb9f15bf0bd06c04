"""A real spreadsheet program reads the exported workbook: codes keep zeros, dates are dates, '=' is text."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from carveplan.io.formats import ExportOptions
from carveplan.io.workbook.export import export_workbook
from carveplan.model import Agreement, Line, Milestone, Party, parse_timing

AGREEMENT = Agreement(
    "=1+1",
    date(2027, 3, 15),
    parties=(Party("VNM", "Viet Nam"),),
    lines=(
        Line("L1", "VNM", "energy", "0101", "=SUM(A1:A9)", base=Decimal("17.6"), category="B5"),
        Line("L2", "VNM", "energy", "00271111", "+LNG", base=Decimal(8), category="A"),
    ),
    milestones=(Milestone("M-1", "VNM", "@review", parse_timing("EIF+1y"), actual=date(2028, 2, 29)),),
)


def _soffice() -> str:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (libreoffice-calc-nogui) not installed")
    return soffice


def _convert(book: Path, sheet: int, out: Path) -> list[list[str]]:
    soffice = _soffice()
    target = out / f"sheet{sheet}"
    target.mkdir(parents=True)
    # Filter options: comma, double quote, UTF-8, from line 1, no column types, ..., the sheet number.
    filter_options = f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{out}/profile",
            "--headless",
            "--convert-to",
            filter_options,
            "--outdir",
            str(target),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    produced = next(target.glob("*.csv"))
    with produced.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("libreoffice")
    path = folder / "agreement.xlsx"
    export_workbook(AGREEMENT, path, ExportOptions(today=date(2026, 1, 1)))
    return path


def test_libreoffice_reads_codes_dates_and_literal_text(exported: Path, tmp_path: Path) -> None:
    lines = _convert(exported, 4, tmp_path)  # sheet 4: Lines
    header = lines[0]
    rows = {row[0]: dict(zip(header, row, strict=False)) for row in lines[1:]}
    assert rows["L1"]["Code"] == "0101"
    assert rows["L2"]["Code"] == "00271111"
    assert rows["L1"]["Description"] == "=SUM(A1:A9)"
    assert rows["L2"]["Description"] == "+LNG"
    assert rows["L1"]["Base"] == "17.6"
    milestones = _convert(exported, 6, tmp_path / "m")  # sheet 6: Milestones
    record = dict(zip(milestones[0], milestones[1], strict=False))
    assert record["Actual date"] == "2028-02-29"
    assert record["Title"] == "@review"


def test_libreoffice_keeps_the_title_as_text(exported: Path, tmp_path: Path) -> None:
    overview = _convert(exported, 1, tmp_path)
    assert overview[1][:2] == ["Title", "=1+1"]
    assert overview[2][0] == "Short name"
    assert overview[3][:2] == ["Entry into force", "2027-03-15"]


def test_libreoffice_resaves_dates_as_dates_and_text_as_text(exported: Path, tmp_path: Path) -> None:
    """Saved again by LibreOffice, the cells keep their types: what it read was a date, not text."""
    import openpyxl

    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(exported),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    book = openpyxl.load_workbook(tmp_path / "out" / exported.name)
    milestones = book["Milestones"]
    actual = next(c.column for c in milestones[1] if c.value == "Actual date")
    assert isinstance(milestones.cell(2, actual).value, datetime)
    assert book["Lines"]["D2"].value == "0101"
    assert book["Overview"]["B2"].data_type == "s"
    assert book["Overview"]["B2"].value == "=1+1"
