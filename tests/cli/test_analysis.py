"""``carveplan compare``, ``carveplan divergence`` and the calendar export through the entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from carveplan.io import native
from carveplan.main import main, wants_cli
from tests.helpers.analysis import analysis_agreement


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "analysis.carveplan"
    native.save(analysis_agreement(), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_compare_prints_sector_summary_and_moved_lines(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "compare", str(sample), "--scenario", "late")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Analysis test agreement — scenario 'late' against 'baseline'"
    energy = next(line for line in lines if line.startswith("Energy"))
    assert energy.split() == ["Energy", "3", "2", "0", "731", "456.0", "0", "0", "0", "0"]
    moved = lines[lines.index("Lines delayed, earlier or blocked") :]
    assert [line.split()[2] for line in moved[3:]] == ["L6", "L1", "L3"]
    expected = "Energy AAA L6 270900 2028-07-01 2026-07-01 731 24 delayed M1 M1"
    assert moved[3].split() == expected.split()
    assert "newly blocked" in moved[5]


def test_compare_json_against_another_scenario(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "compare", str(sample), "--scenario", "eif later", "--against", "late", "--json"
    )
    assert status == 0
    data = json.loads(out)
    assert (data["scenario"], data["against"]) == ("eif later", "late")
    l3 = next(line for line in data["lines"] if line["id"] == "L3")
    assert (l3["change"], l3["final"], l3["against_final"]) == ("unblocked", "2027-01-01", None)
    l6 = next(line for line in data["lines"] if line["id"] == "L6")
    assert (l6["delay_days"], l6["delay_months"], l6["critical_chain"]) == (-304, -10, ["M1"])
    assert [s["sector"] for s in data["sectors"]] == ["energy", "telecommunications", "critical_minerals"]


def test_compare_with_nothing_moved_says_so(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", str(sample), "--scenario", "baseline", "--against", "late")
    assert status == 0
    assert "newly blocked" not in out
    assert "unblocked" in out


def test_compare_user_errors(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "compare", str(sample), "--scenario", "nope")
    assert status == 2
    assert "no scenario named 'nope'" in err
    status, _, err = run(capsys, "compare", str(sample), "--scenario", "late", "--against", "late")
    assert status == 2
    assert "pick two different scenarios" in err
    with pytest.raises(SystemExit) as info:
        main(["compare", str(sample)])
    assert info.value.code == 2
    assert "--scenario" in capsys.readouterr().err


def test_divergence_prints_the_year_matrix(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "divergence", str(sample), "--scenario", "late")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Divergence across parties — scenario 'late'"
    header = next(line for line in lines if line.startswith("Sector  "))
    assert header.split() == [
        "Sector",
        "AAA",
        "BBB",
        "Fastest",
        "Slowest",
        "Spread",
        "(years)",
        "Never",
        "(blocked)",
    ]
    telecom = next(line for line in lines if line.startswith("Telecommunications "))
    assert telecom.split() == ["Telecommunications", "blocked", "BBB"]


def test_divergence_json(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "divergence", str(sample), "--json")
    assert status == 0
    data = json.loads(out)
    assert data["scenario"] == "baseline"
    assert data["parties"] == ["AAA", "BBB"]
    energy = next(c for c in data["cells"] if (c["sector"], c["party"]) == ("energy", "AAA"))
    assert (energy["lines"], energy["excluded"], energy["final_year"]) == (4, 1, 2029)
    minerals = next(c for c in data["cells"] if (c["sector"], c["party"]) == ("critical_minerals", "AAA"))
    assert minerals["exceptions"] == ["EX1"]
    assert data["spreads"][0] == {
        "sector": "energy",
        "fastest": ["AAA"],
        "slowest": ["AAA"],
        "first_year": 2029,
        "last_year": 2029,
        "spread_years": 0,
        "blocked": [],
    }


def test_export_ics_writes_the_scenario_deadlines(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "deadlines.ics"
    status, out, _ = run(capsys, "export", str(sample), "-o", str(out_path), "--scenario", "sanctions")
    assert status == 0
    assert str(out_path) in out
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(out_path.read_bytes()).walk("VEVENT")]
    assert "Notify invocation of Essential security — minerals" in summaries
    assert "Joint review #1" in summaries


def test_the_launcher_hands_both_commands_to_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert wants_cli(["compare", "x.carveplan"])
    assert wants_cli(["divergence", "x.carveplan"])
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "compare" in out
    assert "divergence" in out


def test_calendar_export_keeps_only_the_party_asked_for(tmp_path: Path) -> None:
    from icalendar import Calendar

    from carveplan.main import main
    from carveplan.resources import sample_path

    everything, vietnam = tmp_path / "all.ics", tmp_path / "vnm.ics"
    assert main(["export", str(sample_path()), "-o", str(everything)]) == 0
    assert main(["export", str(sample_path()), "-o", str(vietnam), "--party", "VNM"]) == 0
    events = list(Calendar.from_ical(vietnam.read_bytes()).walk("VEVENT"))
    assert 0 < len(events) < len(list(Calendar.from_ical(everything.read_bytes()).walk("VEVENT")))
    assert not any("JPN-" in str(e.get("summary")) for e in events)
