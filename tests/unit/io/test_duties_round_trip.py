"""A compound duty and a tariff-rate quota line through the file, the workbook and MS Project XML."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from carveplan.io.formats import ExportOptions
from carveplan.io.mspdi.export import mspdi_bytes
from carveplan.io.mspdi.importer import loads_mspdi
from carveplan.io.native import file as native
from carveplan.io.workbook.export import export_workbook
from carveplan.io.workbook.importer import read_workbook
from carveplan.io.workbook.year_by_year import YEAR_BY_YEAR
from carveplan.model import Agreement, Amount, Cuts, Duty, Line, Party, StagingCategory, StagingKind, Step
from carveplan.model.quota import Growth, Quota

D = Decimal
OPTIONS = ExportOptions(today=date(2026, 11, 25))
# US HTS 0406.90: "238% but not less than $1.67/kg" style bounded duty; an EU entry-price line (A+EP);
# a sugar line with its over-quota rate staged and a volume growing by explicit years.
AGREEMENT = Agreement(
    "Duties and quotas",
    date(2020, 8, 1),
    parties=(Party("USA", "United States"), Party("EU", "European Union")),
    categories=(StagingCategory("AV5", StagingKind.LINEAR, stages=5, cuts=Cuts.AD_VALOREM),),
    lines=(
        Line(
            "L-1",
            "USA",
            "energy",
            "27101215",
            "Light oils",
            base=Duty((Amount(D("3.4"), "¢/kg"), Amount(D(2)))),
            category="5 Years",
        ),
        Line(
            "L-2",
            "USA",
            "energy",
            "04069012",
            "Cheese",
            base=Duty((Amount(D(238)),), minimum=Amount(D("1.67"), "$/kg")),
            category="10 Years",
        ),
        Line("L-3", "EU", "energy", "27090010", "Crude", unit="€/100 kg", base=D("2.5"), category="B5"),
        Line(
            "L-6",
            "EU",
            "energy",
            "07099999",
            "Entry price line",
            base=Duty((Amount(D(8)), Amount(D("2.5"), "€/100 kg"))),
            category="A+EP",
        ),
        Line(
            "L-4",
            "EU",
            "energy",
            "17019910",
            "Cane sugar",
            base=D(20),
            category="B10-in quota",
            quota=Quota(D(50), D(10000), "t", "5 Years", volumes=(Step(1, D(10000)), Step(5, D(12500)))),
        ),
        Line(
            "L-5",
            "USA",
            "energy",
            "04090000",
            "Natural honey",
            base=D(0),
            category="A",
            quota=Quota(
                Duty((Amount(D(243)),), minimum=Amount(D(1864), "¥/kg")),
                D(200),
                growth=D(3),
                growth_kind=Growth.PERCENT,
            ),
        ),
    ),
)


def test_the_file_keeps_compounds_and_quotas(tmp_path: Path) -> None:
    path = tmp_path / "d.carveplan"
    native.save(AGREEMENT, path)
    assert native.load(path) == AGREEMENT
    text = path.read_text(encoding="utf-8")
    assert '"base": "3.4¢/kg + 2%"' in text  # the duty as published, readable in the file


def test_the_workbook_keeps_compounds_and_quotas(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    export_workbook(AGREEMENT, path, OPTIONS)
    assert read_workbook(path) == AGREEMENT
    book = openpyxl.load_workbook(path)
    lines = book["Lines"]
    header = [c.value for c in lines[1]]
    base, quota = header.index("Base"), header.index("Tariff-rate quota")
    rows = {row[0].value: row for row in lines.iter_rows(min_row=2)}
    assert rows["L-1"][base].value == "3.4¢/kg + 2%"
    assert rows["L-3"][base].value == "€2.5/100 kg"
    assert rows["L-4"][quota].value == "over 50% staged 5 Years | 10000 t | Y1=10000; Y5=12500"


def test_ms_project_keeps_compounds_and_quotas() -> None:
    back = loads_mspdi(mspdi_bytes(AGREEMENT, OPTIONS), "plan.xml")
    assert {line.id: line for line in back.lines} == {line.id: line for line in AGREEMENT.lines}
    xml = mspdi_bytes(AGREEMENT, OPTIONS).decode("utf-8")
    assert "238% but not less than $1.67/kg" in xml  # "Base as published"
    assert "Tariff-rate quota" in xml


@pytest.mark.parametrize(
    ("year", "oils", "over", "volume"),
    [(2020, "2.7¢/kg + 1.6%", 40, 10000), (2023, "0.6¢/kg + 0.4%", 10, 10000), (2024, "Free", 0, 12500)],
)
def test_the_year_sheet_shows_both_rates_and_the_volume(
    tmp_path: Path, year: int, oils: str, over: int, volume: int
) -> None:
    path = tmp_path / "d.xlsx"
    export_workbook(AGREEMENT, path, OPTIONS)
    sheet = openpyxl.load_workbook(path)[YEAR_BY_YEAR]
    column = [c.value for c in sheet[1]].index(str(year))
    rows = {row[4].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows["Light oils"][column].value == oils
    assert rows["Cane sugar (over quota)"][column].value == over  # staged 5 Years from 50%
    assert rows["Cane sugar (quota volume in t)"][column].value == volume
