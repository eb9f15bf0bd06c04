"""Staged lines as a party's government publishes them, year by year, imported with only --party,
--eif and --categories, reproduce every published year.

- US-Australia (EIF 1 January 2005), the US schedule as the US FTA Tariff Tool exports it: the
  International Trade Administration's own data loader keeps a sample of that export,
  ``client/australia.csv`` in https://github.com/InternationalTradeAdministration/fta-tariff-tool-dataloader
  (commit b97a09117544b11ae4fba69014136c234b6d382d). Both parties' rows in one file (``ReporterName`` is
  the party whose schedule it is, ``PartnerName`` the other), the text category ``StagingBasket``
  beside the numeric ``Staging_Basket`` and ``StagingBasketId``, year columns ``Y2004…Y2041`` with an
  ``Alt_`` column after each for specific duties, and codes that lost their leading zero in the tool
  itself. Row 439158 is a staged line: HTS 0101.90.20, live asses, base 6.8 %, "4 Years" (category B
  of the US General Notes: four equal annual stages, free from 1 January 2008), published 5.1, 3.4,
  1.7 and 0.

  Row 439288 is a specific duty: HTS 0102.90.40, live bovine animals, ``Base_Rate`` empty and
  ``Base_Rate_Alt`` "1 cents/kg", "18 Years" (eighteen equal annual stages, free from 1 January 2022),
  its rates in the ``Alt_`` columns: 0.9 cents/kg in 2005 … 0.1 in 2020, then 0 in ``Y2021`` and
  ``Y2022``. The tool prints 0.4 for 2013 where nine of eighteen stages cut down to 0.1 give 0.5: the
  legal scrub names it. Rows 439502 and 439538 are specific duties eliminated at EIF (68 cents/head,
  0.9 cents each).

Not found in any stored repository or page: a staged published row of USMCA, CPTPP or RCEP. The same
tool's USMCA sample (``src/main/resources/fixtures/canada-usmca.csv``, year columns ``YEAR1…YEAR30``)
holds only Immediate and No Cut lines.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from carveplan.io import native
from carveplan.main import main

_ITA_YEARS = ",".join(f"Y{y},Alt_{y}" for y in range(2004, 2042))
ITA_HEADER = (
    "ID,TL,TL_Desc,HS6,HS6_Desc,Sector_Code,Base_Rate,Base_Rate_Alt,Final_Year,TLs_Per_6_Digit,"
    "Staging_Basket,TRQ_Quota,TRQ_Note,Tariff_Eliminated,Product_Type,Pending_Data,Ag_ID,PartnerName,"
    "ReporterName,StagingBasket,StagingBasketId,Num_MAR_Columns,PartnerStartYear,ReporterStartYear,"
    "PartnerAgreementName,ReporterAgreementName,PartnerAgreementApproved,ReporterAgreementApproved,"
    f"Rule_Text,Link_Text,Link_Url,QuotaName,ProductType,{_ITA_YEARS}"
)
_RULE_01 = "A change to heading 0101 through 0106 from any other chapter."


def _years(*values: str) -> str:
    """The year cells of a row from Y2004 on: each value followed by its empty Alt_ cell."""
    return ",".join(f"{value}," for value in values)


# Rows of client/australia.csv as the file holds them; the space padding of HS6_Desc and the empty
# cells after the last year are left out.
AUSFTA_TOOL = [
    ITA_HEADER,
    "439026,1011000,Pure-bred breeding animals,10110,PUREBRED BREEDING ANIMAL,15,0,,2005,1,6,,,TRUE,2,"
    "FALSE,1,United States,Australia,Immediate,6,10,,2005,United States,Australia,,TRUE,"
    f"{_RULE_01},,,,Agricultural," + _years("", *["0"] * 11),
    "439054,1011000,Live purebred breeding horses and asses,10110,PUREBRED BREEDING ANIMAL,15,0,,2005,"
    "1,6,,,TRUE,2,FALSE,29,Australia,United States,Immediate,6,10,2005,,Australia,United States,TRUE,,"
    f"{_RULE_01},,,,Agricultural," + _years("", *["0"] * 17),
    '439158,1019020,Live asses other than purebred breeding asses,10190,"LIVE HORSES, ASSES, MULES AND '
    'HINNIES, NESOI",15,6.8,,2008,4,25,,,TRUE,2,FALSE,97,Australia,United States,4 Years,25,10,2005,,'
    f"Australia,United States,TRUE,,{_RULE_01},,,,Agricultural,"
    + _years("", "5.1", "3.4", "1.7", *["0"] * 14),
    '349027,87169030,"Parts of vehicles, not mechanically propelled, castors (o/than castors of heading '
    '8302)",871690,"PARTS OF TRAILERS, SEMI-TRAILERS AND OTHER VEHICLES, NOT MECHANICALLY PROPELLED",'
    "AUTO,5.7,,2005,3,6,,,,1,FALSE,,Australia,United States,Immediate,6,10,2005,,Australia,"
    "United States,TRUE,,A change to subheading 8716.90 from any other heading.,,,,Industrial/Textile,"
    + _years("", *["0"] * 10),
]


_BOVINE = "BOVINE ANIMALS, LIVE, NESOI" + " " * 48
_GOATS = "GOATS, LIVE" + " " * 64
_CHICKENS = "CHICKENS, LIVE, WT NOT OVER 185 G (6.53 OZ.)" + " " * 31
# Rows 439288, 439502 and 439538 of client/australia.csv, every cell as the file prints it, the empty
# cells up to Alt_2041 included; HS6_Desc is padded with spaces to 75 characters, the width its
# aligned closing quotes show in the file.
AUSFTA_SPECIFIC = [
    ITA_HEADER,
    "439288,1029040,Live bovine animals other than purebred or those imported for dairy purposes,10290,"
    f'"{_BOVINE}",15,,1 cents/kg,2022,2,49,,,TRUE,2,FALSE,227,Australia,United States,18 Years,49,18,2005,,'
    f"Australia,United States,TRUE,,{_RULE_01},,,,Agricultural,,,,0.9 cents/kg,,0.8 cents/kg,,"
    "0.8 cents/kg,,0.7 cents/kg,,0.7 cents/kg,,0.6 cents/kg,,0.6 cents/kg,,0.5 cents/kg,,0.4 cents/kg,,"
    "0.4 cents/kg,,0.3 cents/kg,,0.3 cents/kg,,0.2 cents/kg,,0.2 cents/kg,,0.1 cents/kg,,0.1 cents/kg,0,,0,"
    + ","
    * 38,
    f'439502,1042000,Live goats,10420,"{_GOATS}",15,,68 cents/head,2005,1,6,,,TRUE,2,FALSE,441,Australia,'
    f"United States,Immediate,6,10,2005,,Australia,United States,TRUE,,{_RULE_01},,,,Agricultural,,,"
    + "0,," * 18
    + "," * 37,
    f'439538,1051100,Live chickens weighing not over 185 g each,10511,"{_CHICKENS}",15,,0.9 cents each,2005,'
    "1,6,,,TRUE,2,FALSE,477,Australia,United States,Immediate,6,10,2005,,Australia,United States,TRUE,,"
    f"{_RULE_01},,,,Agricultural,,," + "0,," * 18 + "," * 37,
]


def _import(capsys: pytest.CaptureFixture[str], source: Path, *options: str) -> tuple[int, str, str]:
    status = main(["import", str(source), "-o", str(source.with_suffix(".carveplan")), *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _rates(capsys: pytest.CaptureFixture[str], path: Path, first: int, last: int) -> dict[str, list[Decimal]]:
    assert main(["trajectory", str(path), "--from", str(first), "--to", str(last)]) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    return {row["code"]: [Decimal(row[str(y)]) for y in range(first, last + 1)] for row in rows}


def _published(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def test_the_fixture_is_the_tools_layout() -> None:
    rows = list(csv.DictReader(io.StringIO("\n".join(AUSFTA_TOOL))))
    staged = next(row for row in rows if row["ID"] == "439158")
    assert (staged["Y2005"], staged["Alt_2005"], staged["Y2008"], staged["Final_Year"]) == (
        "5.1",
        "",
        "0",
        "2008",
    )
    assert [row["Y2014"] for row in rows] == ["0", "0", "0", "0"]


def test_us_australia_tool_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "australia.csv"
    source.write_text("\n".join(AUSFTA_TOOL) + "\n", encoding="utf-8")
    status, out, err = _import(
        capsys, source, "--party", "USA", "--eif", "2005-01-01", "--categories", "US-Australia"
    )
    assert status == 0, err
    assert "party ← S (ReporterName)" in out  # not PartnerName, the column before it
    assert "imported 3 lines of USA" in out
    assert "1 rows of other parties" in out
    assert "legal scrub" not in err  # every published year agrees with its category
    assert "code '1019020' looks short" in err  # the tool's own export lost the zero
    target = source.with_suffix(".carveplan")
    agreement = native.load(target)
    assert {line.category for line in agreement.lines} == {"Immediate", "4 Years"}
    rates = _rates(capsys, target, 2004, 2009)
    # General Notes, category B: four equal annual stages from EIF, free from 1 January 2008.
    assert rates["1019020"] == _published("6.8", "5.1", "3.4", "1.7", "0", "0")
    assert rates["87169030"] == _published("5.7", "0", "0", "0", "0", "0")
    assert main(["validate", str(target)]) == 0


def _published_cells(
    capsys: pytest.CaptureFixture[str], path: Path, first: int, last: int
) -> dict[str, list[str]]:
    assert main(["trajectory", str(path), "--from", str(first), "--to", str(last)]) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    return {row["code"]: [row[str(y)] for y in range(first, last + 1)] for row in rows}


def test_us_australia_specific_duties(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "australia.csv"
    source.write_text("\n".join(AUSFTA_SPECIFIC) + "\n", encoding="utf-8")
    status, out, err = _import(
        capsys, source, "--party", "USA", "--eif", "2005-01-01", "--categories", "US-Australia"
    )
    assert status == 0, err
    assert "specific base ← H (Base_Rate_Alt)" in out
    assert "specific years 2004–2041" in out
    assert "imported 3 lines of USA" in out
    assert "no base rate" not in err  # the base is in Base_Rate_Alt, never 0
    # The tool's 2013 rate is one tenth below nine of eighteen stages: the scrub names it, no other year.
    assert "legal scrub: 1029040 year 9 (2013): published 0.4¢/kg, category 18 Years computes 0.5¢/kg" in err
    assert "1 published rates differ" in out
    target = source.with_suffix(".carveplan")
    lines = {line.code: line for line in native.load(target).lines}
    assert (lines["1029040"].base, lines["1029040"].unit) == (Decimal(1), "¢/kg")
    assert (lines["1042000"].base, lines["1042000"].unit) == (Decimal(68), "¢/head")
    assert (lines["1051100"].base, lines["1051100"].unit) == (Decimal("0.9"), "¢/each")
    rates = _published_cells(capsys, target, 2004, 2023)
    # Alt_2005 … Alt_2020, then Y2021 and Y2022 (0, free), as the file prints them.
    published = ["0.9", "0.8", "0.8", "0.7", "0.7", "0.6", "0.6", "0.5", "0.4", "0.4", "0.3", "0.3"]
    published += ["0.2", "0.2", "0.1", "0.1"]
    assert rates["1029040"] == ["1¢/kg", *(f"{v}¢/kg" for v in published), "Free", "Free", "Free"]
    assert rates["1042000"] == ["68¢/head", *["Free"] * 19]
    assert rates["1051100"] == ["0.9¢/each", *["Free"] * 19]
    assert main(["validate", str(target)]) == 0
    assert "published 0.4¢/kg, category 18 Years computes 0.5¢/kg" in capsys.readouterr().out
