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
