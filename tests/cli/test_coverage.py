"""``carveplan trade`` and ``carveplan coverage`` through the entry point."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from carveplan.io import native
from carveplan.main import main, wants_cli
from tests.helpers.trade import trade_agreement


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.carveplan"
    native.save(replace(trade_agreement(), trade=None), path)
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "comtrade.csv"
    rows = [
        "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue",
        "2024,AAA,BBB,M,270900,600",
        "2024,AAA,CCC,M,270900,400",
        "2024,AAA,BBB,M,271012,300",
        "2024,AAA,BBB,M,271111,100",
        "2024,AAA,BBB,M,851762,200",
        "2024,AAA,BBB,M,999999,50",
        "2024,BBB,AAA,M,270900,250",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_words_go_to_the_command_line() -> None:
    assert wants_cli(["trade", "x"])
    assert wants_cli(["coverage", "x"])


def test_trade_add_stores_the_table_and_reports_unmatched_codes(
    plan: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "trade", str(plan), "--add", str(data))
    assert (status, err) == (0, "")
    assert "999999" in out
    assert "equal parts" in out
    stored = native.load(plan).trade
    assert stored is not None
    assert (stored.year, stored.source) == (2024, "comtrade.csv, imports 2024")
    assert len(stored.flows) == 6
    status, out, _ = run(capsys, "trade", str(plan))
    assert "AAA: imports from the other parties US$ 1,600" in out


def test_coverage_json_matches_the_hand_computed_figures(
    plan: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "trade", str(plan), "--add", str(data))
    status, out, _ = run(capsys, "coverage", str(plan), "--json")
    assert status == 1  # AAA fails the default test
    report = json.loads(out)
    aaa = report["parties"][0]
    assert (aaa["party"], aaa["verdict"], aaa["line_share"], aaa["trade_share"]) == (
        "AAA",
        "fail",
        60.0,
        87.5,
    )
    assert [b["line"] for b in aaa["blockers"]] == ["A3", "A4"]
    first = aaa["years"][0]
    assert (first["year"], first["trade_share_free"], first["revenue_forgone"]) == (2027, 68.75, 110.0)
    assert aaa["sectors"]["energy"][0]["value"]["free"] == 1000.0


def test_coverage_thresholds_from_the_command_line(
    plan: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "trade", str(plan), "--add", str(data))
    status, out, _ = run(capsys, "coverage", str(plan), "--lines", "60", "--trade", "85")
    assert status == 0
    assert "Article XXIV test: 60 % of lines and 85 % of trade duty-free by the end of year 10 (2036)" in out


def test_coverage_of_a_scenario(plan: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "trade", str(plan), "--add", str(data))
    _status, out, _ = run(
        capsys, "coverage", str(plan), "--scenario", "energy late", "--horizon", "5", "--json"
    )
    assert _status == 1
    aaa = json.loads(out)["parties"][0]
    assert aaa["blockers"][0]["line"] == "A2"


def test_a_bad_trade_file_is_reported_and_the_agreement_untouched(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("code,partner,value\n270900,BBB,n/a-ish\n", encoding="utf-8")
    status, _out, err = run(capsys, "trade", str(plan), "--add", str(bad), "--party", "AAA")
    assert status == 2
    assert "bad.csv row 2 column C (value)" in err
    assert "Traceback" not in err
    assert plan.read_bytes() == before


def test_an_unknown_party_is_a_user_error(plan: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "trade", str(plan), "--add", str(data), "--party", "ZZZ")
    assert status == 2
    assert "no party 'ZZZ'" in err
