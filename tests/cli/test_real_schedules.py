"""Real schedules as delivered, imported with only --party, --eif and --categories, reproduce the
year-by-year rates the agreements publish.

Each fixture is built in the layout its source uses, from the annex texts and published tables:
- a Korean ministry tariff-tool export of the KORUS schedule (Annex 2-B; EIF 15 March 2012): a numeric
  basket id beside the text category, the published rate of every year (``Y2012…``), both parties'
  schedules in one file, codes that became numbers;
- a USTR-style annex of US–Bahrain (Annex 2-B; EIF 1 August 2006), rates rounded to the nearest 0.1;
- a Viet Nam–EAEU year-column table (Annex 1, the tobacco quota note, rows as printed; EIF 5 October
  2016), an EIF column and no base rate;
- an EU-style EU–Viet Nam annex (Annex 2-A, Viet Nam's schedule; EIF 1 August 2020): comma
  decimals, dotted codes, title and header rows repeated on every page, the B10* and B10** rows
  checked against the rate tables of Section A;
- Viet Nam's CPTPP schedule as its FTA tariff portal exports it: Vietnamese headers, dated year
  columns, ``Free`` as a base rate.

A staged US–Australia row as the US FTA Tariff Tool publishes it is in test_published_staged_rows.
Not here yet: a staged (non-EIF) published row of USMCA, CPTPP or RCEP; no schedule page or party
table printing such a row's year-by-year rates was found in the stored sources.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from carveplan.io import native
from carveplan.main import main


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _import(capsys: pytest.CaptureFixture[str], source: Path, *options: str) -> tuple[int, str, str]:
    out = source.with_suffix(".carveplan")
    status = main(["import", str(source), "-o", str(out), *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _rates(capsys: pytest.CaptureFixture[str], path: Path, first: int, last: int) -> dict[str, list[Decimal]]:
    """Each line's rates by calendar year, as numbers: a published 4.0 and a computed 4 are one rate."""
    assert main(["trajectory", str(path), "--from", str(first), "--to", str(last)]) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    return {row["code"]: [Decimal(row[str(y)]) for y in range(first, last + 1)] for row in rows}


def _published(*values: object) -> list[Decimal]:
    return [Decimal(str(v)) for v in values]


KORUS_TOOL = [
    ["KORUS FTA: tariff schedule of Korea (tariff tool export)"],
    [
        "  HSK ",
        "TL_Desc",
        "Base Rate",
        "Staging_Basket",
        "StagingBasket",
        "Reporter",
        *(f"Y{y}" for y in range(2012, 2017)),
    ],
    ["2711121000", "Propane, liquefied", 8, 6, "5 Years", "Korea", 6.4, 4.8, 3.2, 1.6, 0],
    ["2710194210", "Fuel oil", 6.8, 6, "5 Years", "Korea", 5.4, 4.0, 2.7, 1.3, 0],
    [101211000, "Pure-bred breeding horses", 0, 1, "Immediate", "Korea", 0, 0, 0, 0, 0],
    ["8517622000", "Routers", 8, 11, "10 Years", "Korea", 7.2, 6.4, 5.6, 4.8, 4.0],
    ["2711110000", "Natural gas, liquefied", 3, 6, "5 Years", "Korea", 2.4, 1.8, 1.3, 0.6, 0],
    ["27111100", "Natural gas, liquefied", 10, 13, "C", "United States", 9, 8, 7, 6, 5],
]


def test_korus_tool_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _xlsx(tmp_path / "korus.xlsx", KORUS_TOOL)
    status, out, err = _import(
        capsys, source, "--party", "KOR", "--eif", "2012-03-15", "--categories", "KORUS"
    )
    assert status == 0, err
    assert "imported 5 lines of KOR (4 in the focus sectors, 1 other)" in out
    assert "1 rows of other parties" in out
    # The text category is read, not the basket id: "11" is not eleven annual cuts.
    agreement = native.load(source.with_suffix(".carveplan"))
    assert {line.category for line in agreement.lines} == {"5 Years", "Immediate", "10 Years"}
    assert agreement.rule_set == "KORUS"
    # The published 1.3 in 2014 for a base of 3 is the scrub's find: 5 Years computes 1.2.
    (scrub,) = [text for text in err.splitlines() if "legal scrub" in text]
    assert "2711110000 year 3 (2014): published 1.3, category 5 Years computes 1.2" in scrub
    rates = _rates(capsys, source.with_suffix(".carveplan"), 2012, 2016)
    assert rates["2711121000"] == _published(*["6.4", "4.8", "3.2", "1.6", "0"])
    assert rates["2710194210"] == _published(*["5.4", "4.0", "2.7", "1.3", "0"])
    assert rates["0101211000"] == _published(*["0", "0", "0", "0", "0"])  # the lost zero restored
    assert rates["8517622000"] == _published(*["7.2", "6.4", "5.6", "4.8", "4.0"])
    assert main(["validate", str(source.with_suffix(".carveplan"))]) == 0
    assert "published 1.3" in capsys.readouterr().out


def test_a_basket_id_column_alone_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["HSK", "TL_Desc", "Base Rate", "Staging_Basket"], ["2711121000", "Propane", 8, 11]]
    source = _xlsx(tmp_path / "ids.xlsx", rows)
    status, _, err = _import(
        capsys, source, "--party", "VNM", "--eif", "2020-08-01", "--categories", "EU-Viet Nam"
    )
    assert status == 2
    assert "row 2 column D (Staging_Basket): found '11', expected a staging category" in err
    assert not source.with_suffix(".carveplan").exists()


US_BAHRAIN = (
    "Annex 2-B: Schedule of the United States\n"
    "HTS8,Brief Description,Base Rate,Staging Category\n"
    "64029190,Footwear with uppers of rubber or plastics,26.4,C\n"
    "27101906,Distillate and residual fuel oils,Free,A\n"
    "Annex 2-B: Schedule of the United States (continued)\n"
    "HTS8,Brief Description,Base Rate,Staging Category\n"
    "85176200,Machines for the reception and transmission of data,5,B\n"
)


def test_us_bahrain_rounds_to_the_nearest_tenth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bahrain.csv"
    source.write_text(US_BAHRAIN, encoding="utf-8")
    status, out, err = _import(
        capsys, source, "--party", "USA", "--eif", "2006-08-01", "--categories", "US-Bahrain"
    )
    assert status == 0, err
    assert "imported 3 lines of USA" in out
    rates = _rates(capsys, source.with_suffix(".carveplan"), 2006, 2010)
    assert rates["64029190"] == _published(*["23.8", "21.1", "18.5", "15.8", "13.2"])
    assert rates["85176200"] == _published(*["4.0", "3.0", "2.0", "1.0", "0"])
    assert rates["27101906"] == _published(*["0"] * 5)


# Viet Nam-EAEU FTA, Annex 1 (Schedules of Tariff Commitments), "Note on tariff rate quotas for
# unmanufactured tobacco and tobacco refuse exported to Viet Nam" (pages 637-638 of the signed text):
# the within-quota rates of three of its eleven rows, copied as printed, in the note's own layout (no
# base rate column, an EIF column, calendar years, "2020 and subsequent years", the out-of-quota rate U).
VN_EAEU = [
    ["NOTE ON TARIFF RATE QUOTAS FOR UNMANUFACTURED TOBACCO AND TOBACCO REFUSE EXPORTED TO VIET NAM"],
    [
        "HS Code",
        "Description",
        "Quota quantity",
        "EIF",
        *(str(y) for y in range(2016, 2020)),
        "2020 and subsequent years",
        "Rate of customs duty out of quota",
    ],
    ["24.01", "Unmanufactured tobacco; tobacco refuse."],
    [
        "2401.10.10",
        "- - Virginia type, flue-cured",
        "500 tonnes per year",
        *["10%", "7%", "5%", "5%", "3%", "0%", "U"],
    ],
    ["2401.30.10", "- - Tobacco stems", None, "5%", "5%", "5%", "5%", "3%", "0%", "U"],
    ["2401.30.90", "- - Other", None, "10%", "7%", "5%", "5%", "3%", "0%", "U"],
]


def test_viet_nam_eaeu_year_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """General Notes 4-5 of Annex 1: the first cut at EIF, later ones on 1 January, and in the EIF year
    the rate printed for that year applies: EIF fell on 5 October 2016, so 2016 is at 7 %, not the
    EIF column's 10 %."""
    source = _xlsx(tmp_path / "eaeu.xlsx", VN_EAEU)
    status, out, err = _import(
        capsys, source, "--party", "VNM", "--eif", "2016-10-05", "--categories", "viet nam-eaeu"
    )
    assert status == 0, err
    assert "imported 3 lines" in out
    assert "1 heading rows" in out
    target = source.with_suffix(".carveplan")
    rates = _rates(capsys, target, 2016, 2022)
    assert rates["2401.10.10"] == _published(*["7", "5", "5", "3", "0", "0", "0"])
    assert rates["2401.30.10"] == _published(*["5", "5", "5", "3", "0", "0", "0"])
    assert rates["2401.30.90"] == rates["2401.10.10"]
    # No base rate is printed: the EIF column's rate stands in, so the cuts go down from it.
    assert [line.base for line in native.load(target).lines] == [10, 5, 10]
    assert main(["validate", str(target)]) == 0


def test_u_in_year_columns_is_excluded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """General Note 6 of Annex 1: lines marked U are excluded. Illustrative row (not copied from the
    schedule): the base rate stays in every year."""
    rows = [[*VN_EAEU[1][:2], "Base rate", *VN_EAEU[1][3:9]], ["2709.00.10", "Crude", "5", *["U"] * 6]]
    source = _xlsx(tmp_path / "u.xlsx", rows)
    options = ("--party", "VNM", "--eif", "2016-10-05", "--categories", "Viet Nam-EAEU")
    assert _import(capsys, source, *options)[0] == 0
    rates = _rates(capsys, source.with_suffix(".carveplan"), 2016, 2021)
    assert rates["2709.00.10"] == _published(*["5"] * 6)


# EU-Viet Nam FTA, Annex 2-A, Tariff Schedule of Viet Nam, in the text published before legal revision
# (article numbers still in brackets): every row below is copied as printed, with the page title and
# header repeated at each page break. B10* (beer) and B10** (heading 27.10) rows are checked against
# the rates Section A, paragraphs 1(h) and 1(i) tabulate for their codes; the A, B7 and B10 rows
# against what the definitions of paragraph 1 give, cut down to 0.1 (paragraph 4). No year-by-year
# table of Viet Nam's own is used.
_EVFTA_PAGE = [["TARIFF SCHEDULE OF VIETNAM"], ["HS 2012", "Description", "Base rate (%)", "Category"]]
EVFTA = [
    *_EVFTA_PAGE,
    ["0105.11.90", "- - - Other", "10,0", "A"],
    ["0207.14.10", "- - - Wings", "20,0", "B10"],
    ["2203.00.10", "- Stout or porter", "35,0", "B10*"],
    ["2710.12.11", "- - - - Of RON 97 and above, leaded", "20,0", "B10**"],
    *_EVFTA_PAGE,
    ["2710.12.13", "- - - - Of RON 90 and above, but below RON 97, leaded", "20,0", "B10**"],
    [
        "2710.12.50",
        "- - - Low aromatic solvents containing by weight less than 1% aromatic content",
        "20,0",
        "B10**",
    ],
    ["2710.19.79", "- - - - Fuel oils", "10,0", "B10**"],
    ["2710.19.89", "- - - Other medium oils and preparations", "15,0", "B10"],
    ["2711.12.00", "- - Propane", "5,0", "B7"],
]


def test_eu_viet_nam_annex(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _xlsx(tmp_path / "evfta.xlsx", EVFTA)
    status, out, err = _import(
        capsys, source, "--party", "VNM", "--eif", "2020-08-01", "--categories", "EU-Viet Nam"
    )
    assert status == 0, err
    assert "imported 9 lines of VNM (6 in the focus sectors, 3 other)" in out
    rates = _rates(capsys, source.with_suffix(".carveplan"), 2020, 2030)
    # The tables of paragraphs 1(h) and 1(i), years 1-11 (2020-2030).
    assert rates["2203.00.10"] == _published(34, 33, 32, 30, 29, 25, 22, 18, 15, 11, 0)
    assert rates["2710.12.11"] == _published(20, 20, 20, 20, 8, 8, 7, 7, 7, 7, 0)
    assert rates["2710.12.13"] == rates["2710.12.11"]
    assert rates["2710.12.50"] == _published(17, 16, 14, 13, 11, 10, 8, 7, 7, 7, 0)
    assert rates["2710.19.79"] == _published(9, 8, 7, 7, 7, 7, 7, 7, 7, 7, 0)
    # Paragraph 1(a), (d), (g): A free at EIF; B7 eight and B10 eleven equal stages.
    assert rates["0105.11.90"] == _published(*["0"] * 11)
    assert rates["2711.12.00"] == _published("4.3", "3.7", "3.1", "2.5", "1.8", "1.2", "0.6", 0, 0, 0, 0)
    assert rates["0207.14.10"] == _published(
        "18.1", "16.3", "14.5", "12.7", "10.9", "9.0", "7.2", "5.4", "3.6", "1.8", 0
    )
    assert rates["2710.19.89"] == _published(
        "13.6", "12.2", "10.9", "9.5", "8.1", "6.8", "5.4", "4.0", "2.7", "1.3", 0
    )
    assert main(["validate", str(source.with_suffix(".carveplan"))]) == 0


# Viet Nam's CPTPP schedule toward Mexico as exported from Viet Nam's FTA tariff portal (the export
# published at https://gist.github.com/daohoangson/0f0e28defc6f394a24990eb0d1f4b20f): its header and
# first rows as printed there, year columns through 2034.
_VN_YEARS = ["2019-01-14", *(f"{y}-01-01" for y in range(2020, 2035))]
VN_CPTPP = [
    "Mã,Hiệp định,Thuế suất cơ sở,Thuế suất ưu đãi hiện hành,Thuế suất ưu đãi vào cuối lộ trình,Lộ trình,"
    + ",".join(_VN_YEARS),
    *(
        f"{code},CPTPP,{base},0%,0%,EIF," + ",".join(["0%"] * len(_VN_YEARS))
        for code, base in [("01012101", "10%"), ("01012901", "20%"), ("01022101", "Free")]
    ),
]


def test_viet_nam_cptpp_portal_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """TPP Annex 2-D, Tariff Schedule of Viet Nam, General Notes paragraph 4(a) (incorporated in the
    CPTPP): items in staging category EIF are duty-free on the date of entry into force for Viet Nam,
    14 January 2019. The published rate of every year is 0 %, from a base of 10 %, 20 % or Free."""
    source = tmp_path / "vn-cptpp.csv"
    source.write_text("\n".join(VN_CPTPP) + "\n", "utf-8")
    status, out, err = _import(
        capsys, source, "--party", "VNM", "--eif", "2019-01-14", "--categories", "CPTPP"
    )
    assert status == 0, err
    assert "imported 3 lines of VNM" in out
    assert "legal scrub" not in err  # the published years agree with EIF
    agreement = native.load(source.with_suffix(".carveplan"))
    assert {line.category for line in agreement.lines} == {"EIF"}
    assert sorted(line.base for line in agreement.lines) == [0, 10, 20]
    rates = _rates(capsys, source.with_suffix(".carveplan"), 2018, 2034)
    assert rates["01012101"] == _published(10, *["0"] * 16)
    assert rates["01012901"] == _published(20, *["0"] * 16)
    assert rates["01022101"] == _published(*["0"] * 17)


def test_a_schedule_of_headings_only_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "headings.csv"
    source.write_text(
        "HS Code,Description,Base Rate\n27.10,Petroleum oils,\n27.11,Petroleum gases,\n", "utf-8"
    )
    status, _, err = _import(capsys, source, "--party", "VNM", "--eif", "2020-08-01")
    assert status == 2
    assert "no line imported" in err
    assert not source.with_suffix(".carveplan").exists()


def test_an_unknown_category_leaves_trajectory_cells_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "unknown.csv"
    source.write_text('HS 2012,Base rate,Category\n2710.19.71,"7,0",B4\n2711.12.00,5,B5\n', "utf-8")
    status, _, err = _import(
        capsys, source, "--party", "VNM", "--eif", "2020-08-01", "--categories", "EU-Viet Nam"
    )
    assert status == 0
    assert "'B4' is not defined" in err
    target = source.with_suffix(".carveplan")
    assert main(["trajectory", str(target), "--from", "2020", "--to", "2021"]) == 1
    captured = capsys.readouterr()
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(captured.out))}
    assert (rows["2710.19.71"]["2020"], rows["2711.12.00"]["2020"]) == ("", "4.1")
    assert "unknown staging category 'B4'" in captured.err
    assert main(["validate", str(target)]) == 1


def test_the_workbook_marks_a_line_whose_category_is_not_defined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "unknown.csv"
    source.write_text('HS 2012,Base rate,Category\n2710.19.71,"7,0",B4\n', "utf-8")
    assert (
        _import(capsys, source, "--party", "VNM", "--eif", "2020-08-01", "--categories", "EU-Viet Nam")[0]
        == 0
    )
    book = tmp_path / "out.xlsx"
    assert main(["export", str(source.with_suffix(".carveplan")), "-o", str(book)]) == 0
    sheet = openpyxl.load_workbook(book)["Year by year"]
    head, row = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    assert row[head.index("Category")] == "B4 (not defined)"
    assert row[head.index("2020")] is None
