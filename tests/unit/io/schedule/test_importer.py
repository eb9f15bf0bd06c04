"""Foreign tariff schedules in the layouts delegations send, as .xlsx and .csv."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carveplan.engine import builtin_rules
from carveplan.io.errors import ReadError
from carveplan.io.schedule.codes import hs_code
from carveplan.io.schedule.importer import import_schedule, import_schedule_report, sniff_schedule
from carveplan.io.schedule.options import ScheduleImportOptions
from carveplan.model import Agreement, Line, Phase, StagingKind, Timing


def _xlsx(path: Path, rows: list[list[object]], merge: str = "") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Annex 2-B"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


USTR = [
    ["Schedule of the United States"],
    [],
    ["HTS8", "Brief Description", "Base Rate", "Staging Category"],
    ["27111100", "Natural gas, liquefied", "8", "5 Years"],
    [],  # an empty row in the middle
    [85176100, None, "Free", "B5"],  # a code that became a number, no description
    ["01012100", "Horses", 3, "A"],  # outside the focus sectors: kept as "other"
    ["Chapter 28 footnote", None, None, None],
]


def test_ustr_layout(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "ustr.xlsx", USTR)
    sniff = sniff_schedule(path)
    assert sniff.header_row == 3
    assert sniff.recognized()[0] == "code ← A (HTS8)"
    result = import_schedule_report(path, ScheduleImportOptions("USA", eif=date(2012, 3, 15)))
    assert result.added == 3
    assert result.other == 1
    lng, stations, horses = result.agreement.lines
    assert horses.sector == "other"
    assert (lng.id, lng.sector, lng.base, lng.category) == ("USA-27111100", "energy", Decimal(8), "5 Years")
    assert stations.code == "85176100"
    assert stations.description  # filled from the HS nomenclature
    assert {c.code: c.kind for c in result.agreement.categories} == {
        "A": StagingKind.IMMEDIATE,
        "5 Years": StagingKind.LINEAR,
        "B5": StagingKind.LINEAR,
    }
    assert [p.code for p in result.agreement.parties] == ["USA"]


def test_year_columns_become_phases(tmp_path: Path) -> None:
    path = tmp_path / "years.csv"
    path.write_text(
        "Tariff schedule of Viet Nam\n"
        "HS Code;Description;Base Rate;2019;2020;2021;2022;2023 and subsequent years\n"
        "0101.21;Chevaux;10;10;8;6;6;0\n",
        encoding="cp1252",
    )
    agreement = import_schedule(path, ScheduleImportOptions("VNM", sector="energy"))
    assert agreement.eif == date(2019, 1, 1)
    (line,) = agreement.lines
    assert line.code == "0101.21"  # as printed; matched on its digits
    assert line.phases == (
        Phase(Timing.agreement_year(1), Decimal(10)),
        Phase(Timing.agreement_year(2), Decimal(8)),
        Phase(Timing.agreement_year(3), Decimal(6)),
        Phase(Timing.agreement_year(5), Decimal(0)),
    )


def test_ministry_export_padded_lower_case_na(tmp_path: Path) -> None:
    path = tmp_path / "ministry.csv"
    path.write_text(
        " tl ,  desc ,base rate, staging \n8504400000,N/A,N/A,Y-5\n2844100000,Uranium,5%,B5\n",
        encoding="utf-8",
    )
    result = import_schedule_report(path, ScheduleImportOptions("KOR", eif=date(2027, 1, 1)))
    converters, uranium = result.agreement.lines
    assert converters.code == "8504400000"
    assert converters.notes == "base rate not given in the source"
    assert uranium.base == Decimal(5)
    assert "Y-5" in {c.code for c in result.agreement.categories}


def test_map_overrides_recognition(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "odd.xlsx", [["Line", "Text", "Duty", "Treatment"], ["271111", "LNG", "7", "C"]])
    options = ScheduleImportOptions("VNM", eif=date(2027, 1, 1), mapping={"base": "Duty", "category": "D"})
    (line,) = import_schedule(path, options).lines
    assert (line.base, line.category) == (Decimal(7), "C")


def test_lines_are_added_to_an_existing_agreement(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "ustr.xlsx", USTR)
    existing = Agreement(
        "Existing", date(2012, 3, 15), lines=(Line("USA-27111100", "USA", "energy", "27111100"),)
    )
    agreement = import_schedule(path, ScheduleImportOptions("USA", existing=existing))
    ids = [line.id for line in agreement.lines]
    assert ids == ["USA-27111100", "USA-27111100-2", "USA-85176100", "USA-01012100"]
    assert agreement.title == "Existing"


def test_every_bad_cell_is_reported_with_its_place(tmp_path: Path) -> None:
    rows = [
        ["HTS8", "Base Rate", "2020", "2021"],
        ["27111100", "-2.2¢/kg", "5", "?"],
        ["85176100", "abc", "1", "0"],
    ]
    path = _xlsx(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ReadError) as caught:
        import_schedule(path, ScheduleImportOptions("USA"))
    text = [str(p) for p in caught.value.problems]
    assert len(text) == 3
    assert "bad.xlsx sheet 'Annex 2-B' row 2 column B (Base Rate)" in text[0]
    assert "row 2 column D (2021)" in text[1]
    assert "row 3 column B (Base Rate)" in text[2]


def test_no_header_row_and_no_eif_are_errors(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "none.xlsx", [["a", "b"], ["1", "2"]])
    with pytest.raises(ReadError, match="no header row found"):
        import_schedule(path, ScheduleImportOptions("USA"))
    path = _xlsx(tmp_path / "noeif.xlsx", [["HTS8", "Base Rate"], ["27111100", "5"]])
    with pytest.raises(ReadError, match="--eif"):
        import_schedule(path, ScheduleImportOptions("USA"))


def test_merged_header_cells_are_a_warning(tmp_path: Path) -> None:
    rows = [["HTS8", "Base Rate", "", "Staging Category"], ["27111100", "5", "", "A"]]
    path = _xlsx(tmp_path / "merged.xlsx", rows, merge="B1:C1")
    sniff = sniff_schedule(path)
    assert any("merged header cells B1:C1" in p.message for p in sniff.problems)
    assert len(import_schedule(path, ScheduleImportOptions("USA", eif=date(2027, 1, 1))).lines) == 1


@pytest.mark.parametrize(
    ("value", "code"),
    [(101210, "0101210"[1:]), (1012100, "01012100"), ("0101.21.00", "0101.21.00"), ("ex 2711", "ex 2711")],
)
def test_codes_stay_text(value: object, code: str) -> None:
    assert hs_code(value) == code


@given(st.integers(1, 9), st.integers(0, 10**8 - 1), st.sampled_from([8, 10]))
def test_a_code_that_became_a_number_regains_its_zero(chapter: int, rest: int, width: int) -> None:
    code = f"0{chapter}{rest:0{width - 2}d}"[:width]
    assert hs_code(int(code), width) == code
    assert hs_code(code, width) == code  # text is kept as written


# EU-Viet Nam FTA, Annex 2-A, Tariff Schedule of Viet Nam: rows copied as printed, the page title and
# header repeated at the page break, starred categories that name the tables of Section A, 1(h)-(i).
EVFTA_PAGES = [
    ["TARIFF SCHEDULE OF VIETNAM"],
    ["HS 2012", "Description", "Base rate (%)", "Category"],
    ["2203.00.10", "- Stout or porter", "35,0", "B10*"],
    ["2710.12.11", "- - - - Of RON 97 and above, leaded", "20,0", "B10**"],
    ["TARIFF SCHEDULE OF VIETNAM"],
    ["HS 2012", "Description", "Base rate (%)", "Category"],
    ["2710.19.79", "- - - - Fuel oils", "10,0", "B10**"],
]


def test_eu_viet_nam_pages_keep_the_starred_categories(tmp_path: Path) -> None:
    rules = builtin_rules("EU-Viet Nam")
    options = ScheduleImportOptions("VNM", eif=date(2020, 8, 1), rules=rules)
    result = import_schedule_report(_xlsx(tmp_path / "evfta.xlsx", EVFTA_PAGES), options)
    beer, spirit, fuel = result.agreement.lines
    assert [line.code for line in (beer, spirit, fuel)] == ["2203.00.10", "2710.12.11", "2710.19.79"]
    assert [line.category for line in (beer, spirit, fuel)] == ["B10*", "B10**", "B10**"]
    assert [line.base for line in (beer, spirit, fuel)] == [Decimal(35), Decimal(20), Decimal(10)]
    assert (beer.sector, spirit.sector) == ("other", "energy")
