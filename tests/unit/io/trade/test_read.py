"""Reading trade data: Comtrade, WITS and plain files, what is set aside, and located errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from carveplan.io.errors import ReadError
from carveplan.io.trade.read import read_trade
from carveplan.model import TradeSplit
from tests.helpers.trade import trade_agreement

COMTRADE_HEADER = (
    "typeCode,freqCode,refYear,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,"
    "partnerCode,partnerISO,partnerDesc,cmdCode,cmdDesc,qtyUnitAbbr,qty,netWgt,primaryValue"
)


def _comtrade(*rows: str) -> str:
    return "\n".join([COMTRADE_HEADER, *rows]) + "\n"


def _row(year: int, reporter: str, flow: str, partner: str, code: str, value: str, weight: str = "") -> str:
    return f"C,A,{year},1,{reporter},x,{flow},Import,2,{partner},y,{code},d,kg,,{weight},{value}"


def _write(tmp_path: Path, text: str, name: str = "trade.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_comtrade_download_keeps_imports_between_parties(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _comtrade(
            _row(2023, "AAA", "M", "BBB", "270900", "600", "1000"),
            _row(2023, "AAA", "M", "W00", "270900", "9000"),
            _row(2023, "AAA", "X", "BBB", "270900", "77"),
            _row(2023, "AAA", "M", "CHN", "270900", "5"),
            _row(2023, "AAA", "M", "BBB", "TOTAL", "850"),
            _row(2023, "AAA", "M", "BBB", "999999", "50"),
            _row(2022, "AAA", "M", "BBB", "270900", "1"),
        ),
    )
    result = read_trade(path, trade_agreement())
    assert result.table.year == 2023
    assert [(f.importer, f.partner, f.code, f.value) for f in result.table.flows] == [
        ("AAA", "BBB", "270900", 600)
    ]
    assert result.table.flows[0].quantity == 1000
    assert [f.code for f in result.unmatched] == ["999999"]
    report = "\n".join(result.report())
    for said in ("other flows", "World", "CHN (1)", "TOTAL", "other years", "999999", "equal parts"):
        assert said in report


def test_numeric_reporter_and_partner_codes_name_the_parties(tmp_path: Path) -> None:
    header = "refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue"
    path = _write(tmp_path, f"{header}\n2023,704,392,M,270900,10\n2023,704,0,M,270900,99\n")
    agreement = trade_agreement()
    from dataclasses import replace

    from carveplan.model import Party

    agreement = replace(agreement, parties=(Party("VNM", "Viet Nam"), Party("JPN", "Japan")))
    lines = tuple(replace(line, party="VNM") for line in agreement.lines)
    result = read_trade(path, replace(agreement, lines=lines))
    assert [(f.importer, f.partner, f.value) for f in result.table.flows] == [("VNM", "JPN", 10)]


def test_a_wits_export_is_in_thousands_of_dollars(tmp_path: Path) -> None:
    header = (
        "Nomenclature,ReporterISO3,ProductCode,ReporterName,PartnerISO3,PartnerName,Year,"
        "TradeFlowName,TradeValue in 1000 USD"
    )
    path = _write(tmp_path, f"{header}\nH5,AAA,271012,Alpha,BBB,Beta,2022,Gross Imp.,1.5\n")
    result = read_trade(path, trade_agreement())
    assert [(f.code, f.value) for f in result.table.flows] == [("271012", 1500)]


def test_a_plain_file_needs_the_importing_party(tmp_path: Path) -> None:
    path = _write(tmp_path, "code;partner;value\n2709.00;BBB;12,5\n271111;BBB;1.003,5\n", "plain.csv")
    with pytest.raises(ReadError, match="--party"):
        read_trade(path, trade_agreement())
    result = read_trade(path, trade_agreement(), importer="AAA")
    assert [(f.code, f.value) for f in result.table.flows] == [
        ("270900", Decimal("12.5")),
        ("271111", Decimal("1003.5")),
    ]


def test_a_leading_zero_lost_in_a_spreadsheet_is_restored(tmp_path: Path) -> None:
    agreement = trade_agreement()
    from dataclasses import replace

    lines = (replace(agreement.lines[0], code="010121"),)
    path = _write(tmp_path, "code,partner,value\n10121,BBB,4\n")
    result = read_trade(path, replace(agreement, lines=lines), importer="AAA")
    assert [f.code for f in result.table.flows] == ["010121"]
    assert any("leading zero" in note for note in result.notes)


def test_the_line_split_keeps_national_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "code,partner,value\n85176210,BBB,30\n85176290,BBB,170\n")
    equal = read_trade(path, trade_agreement(), importer="AAA")
    assert {k: v.value for k, v in equal.match.lines.items()} == {"A4": 100, "A5": 100}
    by_line = read_trade(path, trade_agreement(), split=TradeSplit.LINE, importer="AAA")
    assert {k: v.value for k, v in by_line.match.lines.items()} == {"A4": 30, "A5": 170}
    assert by_line.table.split is TradeSplit.LINE


def test_subtotals_are_not_counted_twice(tmp_path: Path) -> None:
    path = _write(tmp_path, "code,partner,value\n2709,BBB,600\n270900,BBB,600\n")
    result = read_trade(path, trade_agreement(), importer="AAA")
    assert [(f.code, f.value) for f in result.table.flows] == [("270900", 600)]


def test_a_bad_value_is_located_by_row_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "Trade of AAA\n\ncode,partner,value\n270900,BBB,600\n271111,BBB,lots\n")
    with pytest.raises(ReadError) as info:
        read_trade(path, trade_agreement(), importer="AAA")
    (problem,) = info.value.problems
    assert (problem.location.file, problem.location.row, problem.location.column) == (
        "trade.csv",
        5,
        "C (value)",
    )
    assert "found 'lots'" in problem.message


def test_a_file_without_a_recognizable_header_says_what_was_expected(tmp_path: Path) -> None:
    path = _write(tmp_path, "a,b,c\n1,2,3\n")
    with pytest.raises(ReadError, match="UN Comtrade download"):
        read_trade(path, trade_agreement())


def test_a_year_the_file_does_not_have_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _comtrade(_row(2023, "AAA", "M", "BBB", "270900", "600")))
    with pytest.raises(ReadError, match="the file has years: 2023"):
        read_trade(path, trade_agreement(), year=2019)


def test_no_trade_between_parties_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, _comtrade(_row(2023, "AAA", "M", "CHN", "270900", "600")))
    with pytest.raises(ReadError, match="no imports between the agreement's parties"):
        read_trade(path, trade_agreement())


def test_a_workbook_is_read_too(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Illustrative"])
    sheet.append(["HS6", "Partner", "Value"])
    sheet.append([271012, "BBB", 300])
    path = tmp_path / "trade.xlsx"
    book.save(path)
    result = read_trade(path, trade_agreement(), importer="AAA")
    assert [(f.code, f.value) for f in result.table.flows] == [("271012", 300)]
