"""``carveplan categories``: the rule sets, one set's definitions, and rule set files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carveplan.engine import RULE_SETS
from carveplan.io.errors import ReadError
from carveplan.io.native.rules import load_rules
from carveplan.main import main


def test_lists_every_rule_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["categories"]) == 0
    out = capsys.readouterr().out
    for name in RULE_SETS:
        assert name in out
    assert "Annex 2-A" in out


def test_one_set_shows_its_rounding_and_definitions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["categories", "eu-vietnam"]) == 0
    out = capsys.readouterr().out
    assert "rounding: down to 0.1; first cut at EIF; later cuts on 01-01" in out
    assert "  B3            linear, 4 stages" in out
    assert "2024: 80, 2025: 75" in out


def test_a_set_written_to_a_file_reads_back_and_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bahrain.json"
    assert main(["categories", "US-Bahrain", "-o", str(target)]) == 0
    assert load_rules(target) == RULE_SETS["US-Bahrain"]
    schedule = tmp_path / "s.csv"
    schedule.write_text("HTS8,Base Rate,Staging Category\n64029190,26.4,C\n", encoding="utf-8")
    out = tmp_path / "s.carveplan"
    args = ["import", str(schedule), "-o", str(out), "--party", "USA", "--eif", "2006-08-01"]
    assert main([*args, "--categories", str(target)]) == 0
    assert "staging rules: US-Bahrain" in capsys.readouterr().out


def test_bad_names_and_files_are_located_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["categories", "NAFTA 1994"]) == 2
    assert "no such rule set; built-in ones are: KORUS" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    document = {
        "format": "carveplan-staging-rules",
        "rules": {
            "name": "x",
            "description": "",
            "categories": [{"code": "B3", "kind": "linear", "stages": "four"}],
            "rounding": {},
            "stage_day": "01-01",
        },
    }
    bad.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        load_rules(bad)
    assert "rules.categories[0].stages" in str(caught.value)
    assert main(["categories", str(tmp_path / "missing.json")]) == 2


def test_rcep_file_keeps_japan_s_stage_day_and_a_japanese_schedule_cuts_on_1_april(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from carveplan.io import native
    from carveplan.model import MonthDay

    target = tmp_path / "rcep.json"
    assert main(["categories", "RCEP", "-o", str(target)]) == 0
    assert load_rules(target) == RULE_SETS["RCEP"]
    assert main(["categories", "RCEP"]) == 0
    assert "later cuts on 01-01 (MM-DD); JPN: 04-01" in capsys.readouterr().out
    schedule = tmp_path / "s.csv"
    schedule.write_text("HS Code,Base Rate,Category\n2710.19,5,B5\n", encoding="utf-8")
    for party, day in (("JPN", MonthDay(4, 1)), ("KOR", MonthDay(1, 1))):
        out = tmp_path / f"{party}.carveplan"
        args = ["import", str(schedule), "-o", str(out), "--party", party, "--eif", "2022-01-01"]
        assert main([*args, "--categories", "RCEP"]) == 0
        assert native.load(out).stage_day == day
