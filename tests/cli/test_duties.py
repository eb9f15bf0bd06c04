"""Specific and compound duties from a schedule import to ``show`` and ``trajectory`` (DOMAIN.md, KORUS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from carveplan.io import native
from carveplan.main import main
from tests.helpers import cli

# KORUS, United States schedule (Annex 2-B): category "5 Years" is five equal annual stages from EIF,
# duty-free on 1 January of year 5, intermediate rates cut down to 0.1 cent as percentages are cut
# to 0.1 point. Base 4.4¢/kg, EIF 15 March 2012: 3.5 (2012), 2.6, 1.7, 0.8, free (2016).
USTR = (
    "HTS8,Brief Description,Base Rate,Staging Category\n"
    "27090020,Petroleum oils testing 25 degrees A.P.I. or more,4.4¢/kg,5 Years\n"
    "27101215,Light oils: motor fuel,3.4¢/kg + 2%,5 Years\n"
    "27111100,Natural gas liquefied,6.8,5 Years\n"
)


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return cli.imported(capsys, tmp_path, "korus", USTR, "USA", "2012-03-15")


def test_korus_specific_duty_reproduces_year_by_year(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["trajectory", str(imported), "--from", "2012", "--to", "2016"]) == 0
    rows = {row.split(",")[2]: row.split(",") for row in capsys.readouterr().out.splitlines()}
    assert rows["27090020"][4:] == ["4.4¢/kg", "5 Years", "3.5¢/kg", "2.6¢/kg", "1.7¢/kg", "0.8¢/kg", "Free"]
    # Each part of a compound is staged alone: 3.4¢/kg gives 2.7, 2.0, 1.3, 0.6; 2% gives 1.6, 1.2, 0.8, 0.4.
    assert rows["27101215"][6:] == [
        "2.7¢/kg + 1.6%",
        "2.0¢/kg + 1.2%",
        "1.3¢/kg + 0.8%",
        "0.6¢/kg + 0.4%",
        "Free",
    ]
    assert rows["27111100"][6:] == ["5.4", "4.0", "2.7", "1.3", "0"]  # DOMAIN.md: ad valorem unchanged


def test_show_writes_the_published_spelling(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(imported)]) == 0
    out = capsys.readouterr().out
    assert "base 4.4¢/kg, category 5 Years" in out
    assert "2012-03-15  3.5¢/kg" in out
    assert "2016-01-01  Free" in out
    assert "base 3.4¢/kg + 2%" in out


def test_the_import_keeps_the_unit_and_the_compound(imported: Path) -> None:
    lines = {line.code: line for line in native.load(imported).lines}
    assert (str(lines["27090020"].base), lines["27090020"].unit) == ("4.4", "¢/kg")
    assert str(lines["27101215"].base) == "3.4¢/kg + 2%"


def test_a_rate_that_cannot_be_true_refuses_the_import_and_names_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = USTR + "27160000,Electrical energy,1500,5 Years\n"
    code, out = cli.run_import(tmp_path, "bad", bad, "USA", "2012-03-15")
    assert code != 0
    err = capsys.readouterr().err
    assert "row 5 column C (Base Rate)" in err
    assert "at most 1000%" in err
    assert not out.exists()
