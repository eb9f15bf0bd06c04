"""``carveplan diff`` and ``carveplan rounds``: text, JSON, redlines read back, rounds and imported rounds."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from carveplan.io import native
from carveplan.main import main
from carveplan.model import Agreement, Line, Party

# KORUS excerpt (EIF 15 March 2012; category "5 Years" is free on 1 January 2016, "10 Years" in 2021).
OFFER = Agreement(
    "KORUS excerpt",
    date(2012, 3, 15),
    parties=(Party("KOR", "Korea"), Party("USA", "United States")),
    lines=(
        Line("K-1", "KOR", "energy", "271121", "Natural gas", base=Decimal(8), category="5 Years"),
        Line("K-2", "KOR", "energy", "27101211", "Motor spirit", base=Decimal("6.8"), category="5 Years"),
        Line(
            "K-3",
            "KOR",
            "telecommunications",
            "854470",
            "Optical fibre cables",
            base=Decimal(8),
            category="A",
        ),
        Line("U-1", "USA", "energy", "270900", "Crude petroleum", base=Decimal("0.5"), category="A"),
    ),
)
REVISED = replace(
    OFFER,
    lines=(
        replace(OFFER.lines[0], category="10 Years"),
        Line(
            "K-2a",
            "KOR",
            "energy",
            "2710121110",
            "Motor spirit, unleaded",
            base=Decimal("6.8"),
            category="5 Years",
        ),
        Line(
            "K-2b", "KOR", "energy", "2710121190", "Motor spirit, other", base=Decimal("6.8"), category="EXCL"
        ),
        OFFER.lines[2],
        OFFER.lines[3],
        Line("K-4", "KOR", "energy", "271600", "Electrical energy", base=Decimal(3), category="A"),
    ),
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "round2.carveplan", tmp_path / "round3.carveplan"
    native.save(OFFER, old)
    native.save(REVISED, new)
    return old, new


def test_text_report_names_every_kind_of_change(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(files[0]), str(files[1])]) == 0
    out = capsys.readouterr().out
    assert "What moved from round2.carveplan to round3.carveplan" in out
    assert "category 5 Years → 10 Years; final date 2016-01-01 → 2021-01-01" in out
    assert "split from 27101211" in out
    assert "added" in out


def test_json_report(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(files[0]), str(files[1]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    gas = next(x for x in data["lines"] if x["code"] == "271121")
    assert (gas["change"], gas["months"], gas["new_final"]) == ("changed", 60, "2021-01-01")
    assert data["regroupings"] == [
        {"party": "KOR", "kind": "split", "old": ["27101211"], "new": ["2710121110", "2710121190"]}
    ]
    energy = next(s for s in data["summary"] if s["party"] == "KOR" and s["sector"] == "Energy")
    assert (energy["later"], energy["split"], energy["added"], energy["newly_excluded"]) == (1, 1, 1, 1)


def test_party_limits_the_comparison(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(files[0]), str(files[1]), "--party", "usa", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["party"] == "USA"
    assert data["lines"] == []


def test_redline_workbook_marks_changed_cells_with_the_old_value(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "redline.xlsx"
    assert main(["diff", str(files[0]), str(files[1]), "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["Lines"]
    headers = [c.value for c in sheet[1]]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    category = rows["271121"][headers.index("Category")]
    assert category.value == "10 Years"
    assert category.comment.text == "Was: 5 Years"
    assert category.fill.start_color.rgb.endswith("FFF2CC")
    final = rows["271121"][headers.index("Final date")]
    assert (final.value, final.comment.text) == ("2021-01-01", "Was: 2016-01-01")
    assert rows["271121"][headers.index("Months")].value == 60
    assert rows["271121"][headers.index("Description")].comment is None  # unchanged cells stay plain
    assert rows["2710121110"][headers.index("Code")].comment.text == "Was: 27101211"
    assert rows["271600"][0].fill.start_color.rgb.endswith("E2EFDA")  # added
    assert rows["2710121190"][headers.index("Final date")].value == "excluded"
    summary = openpyxl.load_workbook(out)["Summary"]
    assert summary["A1"].value == "What moved from round2.carveplan to round3.carveplan"


def test_redline_pdf_has_a_page_per_sector(files: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "redline.pdf"
    assert main(["diff", str(files[0]), str(files[1]), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") == 2  # energy, telecommunications


def test_a_delegations_schedule_compares_on_the_agreements_rules(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["HTS8", "Brief Description", "Base Rate", "Staging Category"])
    book.active.append(["2711.21.00", "Natural gas", "8", "10 Years"])
    book.active.append(["2710.12.11", "Motor spirit", "6.8", "5 Years"])
    book.active.append(["8544.70.00", "Optical fibre cables", "8", "A"])
    book.save(tmp_path / "kor-request.xlsx")
    args = ["diff", str(files[0]), str(tmp_path / "kor-request.xlsx"), "--party", "KOR", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert {(x["code"], x["change"], x["months"]) for x in data["lines"]} == {("27112100", "changed", 60)}


def test_rounds_add_list_compare_and_remove(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = files[0]
    args = ["rounds", str(path), "--add", "Round 2 — KOR offer", "--party", "kor", "--stance", "offer"]
    assert main([*args, "--date", "2026-03-02"]) == 0
    native.save(replace(native.load(path), lines=REVISED.lines), path)  # the offer is revised in the file
    assert main(["rounds", str(path), "--add", "Round 3", "--date", "2026-05-04"]) == 0
    capsys.readouterr()
    assert main(["rounds", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["party"], r["stance"], r["lines"]) for r in listed] == [
        ("Round 2 — KOR offer", "KOR", "offer", 3),
        ("Round 3", None, "snapshot", 6),
    ]
    compare = ["diff", str(path), str(path), "--old-round", "Round 2 — KOR offer", "--new-round", "Round 3"]
    assert main([*compare, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["party"] == "KOR"  # the offer was one party's schedule
    assert any(x["code"] == "271121" and x["months"] == 60 for x in data["lines"])
    assert main(["rounds", str(path), "--remove", "Round 3"]) == 0
    assert [r.name for r in native.load(path).rounds] == ["Round 2 — KOR offer"]


def test_unknown_round_and_duplicate_names_are_clear_errors(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = files[0]
    assert main(["rounds", str(path), "--add", "R1"]) == 0
    assert main(["rounds", str(path), "--add", "R1"]) == 2
    assert "a round named 'R1' is already kept" in capsys.readouterr().err
    assert main(["diff", str(path), str(files[1]), "--old-round", "R9"]) == 2
    assert "no round named 'R9' (rounds: 'R1')" in capsys.readouterr().err
    assert len(native.load(path).rounds) == 1


def test_import_a_request_as_a_round(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "usa-request.csv"
    csv.write_text(
        "HTS8,Brief Description,Base Rate,Staging Category\n27090000,Crude petroleum,0.5,5 Years\n"
    )
    out = tmp_path / "with-round.carveplan"
    args = ["import", str(csv), "--into", str(files[0]), "-o", str(out), "--party", "USA"]
    assert (
        main([*args, "--as-round", "Round 3 — USA request", "--stance", "request", "--date", "2026-05-06"])
        == 0
    )
    kept = native.load(out)
    assert kept.lines == OFFER.lines  # the lines are left as they were
    (round_,) = kept.rounds
    assert (round_.party, round_.stance.value, round_.taken) == ("USA", "request", date(2026, 5, 6))
    assert [x.code for x in round_.lines] == ["27090000"]
    capsys.readouterr()
    assert main(["diff", str(out), str(out), "--new-round", "Round 3 — USA request", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (crude,) = data["lines"]
    # The HS8 line 27090000 is the HS6 subheading 270900 it does not subdivide: the same line.
    assert (crude["code"], crude["change"], crude["old_code"]) == ("27090000", "changed", "270900")
    assert crude["fields"][0] == {"field": "category", "old": "A", "new": "5 Years"}


def test_rounds_survive_export_and_import(files: tuple[Path, Path], tmp_path: Path) -> None:
    path = files[0]
    assert (
        main(["rounds", str(path), "--add", "Round 2 — KOR offer", "--party", "KOR", "--stance", "offer"])
        == 0
    )
    assert main(["export", str(path), "-o", str(tmp_path / "out.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert book["Rounds"]["A2"].value == "Round 2 — KOR offer"
    assert book["Round data"].sheet_state == "hidden"
    assert main(["import", str(tmp_path / "out.xlsx"), "-o", str(tmp_path / "back.carveplan")]) == 0
    assert native.load(tmp_path / "back.carveplan").rounds == native.load(path).rounds


def test_an_edited_round_is_a_located_error(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = files[0]
    assert main(["rounds", str(path), "--add", "R1"]) == 0
    assert main(["export", str(path), "-o", str(tmp_path / "out.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    book["Round data"]["C2"] = book["Round data"]["C2"].value.replace('"snapshot"', '"counter"')
    book.save(tmp_path / "out.xlsx")
    assert main(["import", str(tmp_path / "out.xlsx"), "-o", str(tmp_path / "back.carveplan")]) == 2
    err = capsys.readouterr().err
    assert "out.xlsx sheet 'Round data'" in err
    assert "stance: unknown value 'counter'" in err
    assert not (tmp_path / "back.carveplan").exists()
