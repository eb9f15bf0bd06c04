"""A tool export's specific duties (Base_Rate_Alt, Alt_ year columns) and rows without any base rate.

The layout is the US FTA Tariff Tool's (``Base_Rate, Base_Rate_Alt, …, Y2005, Alt_2005, …``); the
published rows themselves are tested in tests/cli/test_published_staged_rows.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carveplan.io.errors import ReadError
from carveplan.io.schedule.columns import recognize
from carveplan.io.schedule.importer import ScheduleImport, import_schedule_report
from carveplan.io.schedule.options import ScheduleImportOptions
from carveplan.model import Amount, Duty, Phase, Timing

HEADER = "TL,TL_Desc,Base_Rate,Base_Rate_Alt,StagingBasket,Y2005,Alt_2005,Y2006,Alt_2006,Y2007,Alt_2007"


def _import(tmp_path: Path, *rows: str, header: str = HEADER) -> ScheduleImport:
    path = tmp_path / "tool.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return import_schedule_report(path, ScheduleImportOptions("USA", eif=date(2005, 1, 1)))


def _messages(result: ScheduleImport, code: str) -> list[str]:
    return [str(p) for p in result.warnings if p.code == code]


def test_the_specific_columns_are_recognized() -> None:
    columns = recognize(HEADER.split(","))
    assert columns.fields["base"] == 2
    assert columns.alt_base == 3
    assert columns.years == ((2005, 5), (2006, 7), (2007, 9))
    assert columns.alt_years == ((2005, 6), (2006, 8), (2007, 10))
    assert "Alt_2005" not in columns.unrecognized


def test_an_empty_base_with_a_specific_one_is_the_specific_duty(tmp_path: Path) -> None:
    result = _import(tmp_path, "1029040,Bovine,,1 cents/kg,3 Years,,0.6 cents/kg,,0.3 cents/kg,0,")
    (line,) = result.agreement.lines
    assert (line.base, line.unit, line.notes) == (Decimal(1), "¢/kg", "")
    assert line.phases == (
        Phase(Timing.agreement_year(1), Decimal("0.6")),
        Phase(Timing.agreement_year(2), Decimal("0.3")),
        Phase(Timing.agreement_year(3), Decimal(0)),
    )
    assert not _messages(result, "no-base")
    assert not _messages(result, "scrub")  # 3 stages of 1¢/kg cut down: 0.6, 0.3, free


def test_a_row_with_no_base_in_any_base_column_is_a_located_warning(tmp_path: Path) -> None:
    result = _import(tmp_path, "1029040,Bovine,,,5 Years,,,,,,", "1019020,Asses,6.8,,4 Years,5.1,,3.4,,1.7,")
    bovine, asses = result.agreement.lines
    assert bovine.base == 0  # kept, and said
    (message,) = _messages(result, "no-base")
    assert "tool.csv" in message
    assert "row 2" in message
    assert "C (Base_Rate) and D (Base_Rate_Alt)" in message
    assert "starts from 0" in message
    assert asses.base == Decimal("6.8")


def test_a_row_without_base_in_a_file_with_one_base_column_is_warned(tmp_path: Path) -> None:
    result = _import(tmp_path, "8504400000,Converters,N/A,Y-5", header="tl,desc,base rate,staging")
    (message,) = _messages(result, "no-base")
    assert "row 2" in message
    assert "C (base rate)" in message


def test_a_heading_row_without_rates_is_no_line_and_no_warning(tmp_path: Path) -> None:
    result = _import(
        tmp_path, "1029040,Bovine,,1 cents/kg,Immediate,0,,0,,0,", "0102,Bovine animals,,,,,,,,,"
    )
    assert len(result.agreement.lines) == 1
    assert result.headings == 1
    assert not _messages(result, "no-base")


def test_ad_valorem_and_specific_together_are_a_compound_duty(tmp_path: Path) -> None:
    result = _import(tmp_path, "2009,Juice,14.9,46.3 cents/kg,Immediate,0,0 cents/kg,0,,0,")
    (line,) = result.agreement.lines
    free = Duty((Amount(Decimal(0), "¢/kg"), Amount(Decimal(0))))
    assert line.base == Duty((Amount(Decimal("46.3"), "¢/kg"), Amount(Decimal("14.9"))))
    assert line.phases == (Phase(Timing.agreement_year(1), free),)
    assert not _messages(result, "scrub")


def test_specific_years_beside_an_ad_valorem_base_say_what_was_kept(tmp_path: Path) -> None:
    result = _import(tmp_path, "1019020,Asses,6.8,,4 Years,5.1,1 cents/kg,3.4,1 cents/kg,1.7,")
    (line,) = result.agreement.lines
    assert [p.value for p in line.phases] == [Decimal("5.1"), Decimal("3.4"), Decimal("1.7")]
    (message,) = _messages(result, "specific")
    assert "row 2" in message
    assert "G (Alt_2005)" in message
    assert "1¢/kg beside an ad valorem base not read; kept the ad valorem rates" in message
    assert "(and in 1 later years)" in message


def test_a_bare_number_in_the_specific_base_column_is_refused_where_it_is(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        _import(tmp_path, "1029040,Bovine,,7,Immediate,0,,0,,0,")
    assert "D (Base_Rate_Alt)" in str(caught.value)
    assert "a specific duty such as 1 cents/kg" in str(caught.value)


def test_a_schedule_without_a_base_column_says_its_lines_start_from_0(tmp_path: Path) -> None:
    result = _import(tmp_path, "27111100,LNG,5 Years", "27090000,Crude,A", header="HTS8,Description,Category")
    (message,) = _messages(result, "no-base")
    assert "no base rate column: 2 lines start from 0 (27111100, 27090000)" in message
    assert "--map base=" in message


def test_a_compound_printed_whole_in_the_specific_columns_is_read_whole(tmp_path: Path) -> None:
    row = '2009,Juice,,46.3 cents/kg + 14.9%,Immediate,,"23.1 cents/kg + 7.4%",,,0,'
    (line,) = _import(tmp_path, row).agreement.lines
    assert line.base == Duty((Amount(Decimal("46.3"), "¢/kg"), Amount(Decimal("14.9"))))
    assert [p.value for p in line.phases] == [
        Duty((Amount(Decimal("23.1"), "¢/kg"), Amount(Decimal("7.4")))),
        Duty((Amount(Decimal(0), "¢/kg"), Amount(Decimal(0)))),  # Y2007's 0: both parts free
    ]


NO_AD_VALOREM = "TL,TL_Desc,Base_Rate_Alt,StagingBasket,Y2005,Alt_2005,Y2006,Alt_2006,Y2007,Alt_2007"


def test_a_specific_base_column_alone_is_the_base_not_the_first_printed_year(tmp_path: Path) -> None:
    # No Base_Rate column: the first printed year stands in only for a row with no base at all.
    rows = (
        "1029040,Bovine,1 cents/kg,3 Years,0,0.6 cents/kg,,0.3 cents/kg,0,",
        '2009,Juice,46.3 cents/kg + 14.9%,Immediate,,"23.1 cents/kg + 7.4%",,,0,',
        "1019020,Asses,,4 Years,5.1,,3.4,,1.7,",
    )
    result = _import(tmp_path, *rows, header=NO_AD_VALOREM)
    bovine, juice, asses = result.agreement.lines
    assert (bovine.base, bovine.unit, bovine.notes) == (Decimal(1), "¢/kg", "")
    assert [p.value for p in bovine.phases] == [Decimal("0.6"), Decimal("0.3"), Decimal(0)]
    assert juice.base == Duty((Amount(Decimal("46.3"), "¢/kg"), Amount(Decimal("14.9"))))
    assert not _messages(result, "specific")  # nothing kept beside a base the file does not print
    assert (asses.base, asses.unit) == (Decimal("5.1"), "%")
    assert asses.notes == "base rate not printed: the first year's rate"
    assert not [m for m in _messages(result, "scrub") if "1029040" in m]  # 3 stages of 1¢/kg


def test_a_row_empty_in_the_only_base_column_is_counted_as_starting_from_0(tmp_path: Path) -> None:
    rows = ("1029040,Bovine,1 cents/kg,Immediate,,,,,,", "1019020,Asses,,4 Years,,,,,,")
    result = _import(tmp_path, *rows, header=NO_AD_VALOREM)
    (message,) = _messages(result, "no-base")
    assert "no base rate column: 1 line starts from 0 (1019020)" in message
