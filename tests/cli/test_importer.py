"""``carveplan export … .xlsx`` and ``carveplan import``: round trip, foreign schedules, bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from carveplan.io import native
from carveplan.main import main
from carveplan.model import Agreement, Line, Party

AGREEMENT = Agreement(
    "Excerpt",
    date(2012, 3, 15),
    parties=(Party("KOR", "Korea"),),
    lines=(Line("L-1", "KOR", "energy", "271121", "Natural gas", base=Decimal(8), category="5 Years"),),
)


def test_export_then_import_gives_the_same_agreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.carveplan"
    native.save(AGREEMENT, source)
    assert main(["export", str(source), "-o", str(tmp_path / "a.xlsx")]) == 0
    assert main(["import", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "b.carveplan")]) == 0
    assert native.load(tmp_path / "b.carveplan") == AGREEMENT
    assert "read 1 lines" in capsys.readouterr().out


def test_foreign_schedule_with_party_sector_and_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Tariff line", "Product", "Duty", "Treatment"])
    book.active.append(["0101210000", "Horses", 5, "B5"])
    book.save(tmp_path / "s.xlsx")
    args = ["import", str(tmp_path / "s.xlsx"), "-o", str(tmp_path / "s.carveplan"), "--party", "vnm"]
    args += ["--sector", "energy", "--eif", "2027-01-01", "--map", "base=Duty", "--map", "category=Treatment"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "base ← C (Duty)" in out
    assert "imported 1 line of VNM" in out
    (line,) = native.load(tmp_path / "s.carveplan").lines
    assert (line.code, line.base, line.category, line.sector) == ("0101210000", Decimal(5), "B5", "energy")


def test_bad_input_exits_2_with_all_problems_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("HTS8,Base Rate\n27111100,five\n85176100,six\n")
    out = tmp_path / "out.carveplan"
    assert main(["import", str(path), "-o", str(out), "--party", "USA", "--eif", "2027-01-01"]) == 2
    err = capsys.readouterr().err
    assert "bad.csv sheet 'bad' row 2 column B (Base Rate)" in err
    assert "row 3 column B (Base Rate)" in err
    assert not out.exists()


def test_foreign_workbook_without_party_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["HTS8", "Base Rate"])
    book.save(tmp_path / "s.xlsx")
    assert main(["import", str(tmp_path / "s.xlsx"), "-o", str(tmp_path / "x.carveplan")]) == 2
    assert "give --party CODE" in capsys.readouterr().err


def test_bad_map_argument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.csv"
    path.write_text("HTS8\n27111100\n")
    args = ["import", str(path), "-o", str(tmp_path / "x.carveplan"), "--party", "USA", "--map", "colour=A"]
    assert main(args) == 2
    assert "unknown field 'colour'" in capsys.readouterr().err
