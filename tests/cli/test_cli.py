"""The command line through its entry point: exit codes, output, and no traceback for user errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import carveplan
from carveplan import __version__
from carveplan.io import native
from carveplan.main import main
from carveplan.model import Agreement, Line, Milestone, MilestoneDelay, Party, Scenario, Timing
from carveplan.model.line import Gate

KORUS = Agreement(
    title="KORUS excerpt",
    eif=date(2012, 3, 15),
    parties=(Party("KOR", "Korea"), Party("USA", "United States")),
    lines=(
        Line("L-1", "KOR", "energy", "271121", "Natural gas", base=Decimal("8"), category="5 Years"),
        Line("L-2", "KOR", "energy", "271111", "LNG", base=Decimal("6.8"), category="5 Years"),
        Line(
            "L-3",
            "USA",
            "telecommunications",
            "851762",
            "Routers",
            base=Decimal("5"),
            category="A",
            gates=(Gate("REG-1"),),
        ),
    ),
    milestones=(Milestone("REG-1", "USA", "Regulatory alignment", Timing.eif()),),
    scenarios=(Scenario("late", overrides=(MilestoneDelay("REG-1", 12),)),),
)


@pytest.fixture
def korus(tmp_path: Path) -> Path:
    path = tmp_path / "korus.carveplan"
    native.save(KORUS, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("validate", "show", "trajectory", "export"):
        assert command in out


def test_trajectory_follows_korus_rounding(korus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "trajectory", str(korus), "--from", "2012", "--to", "2016")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [rows[1][str(y)] for y in range(2012, 2017)] == ["5.4", "4.0", "2.7", "1.3", "0"]
    assert [rows[0][str(y)] for y in range(2012, 2017)] == ["6.4", "4.8", "3.2", "1.6", "0"]
    assert rows[0]["code"] == "271121"
    assert rows[0]["category"] == "5 Years"


def test_show_text_and_json(korus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", str(korus))
    assert status == 0
    assert "KORUS excerpt — scenario: baseline" in out
    assert "Entry into force: 2012-03-15" in out
    status, out, _ = run(capsys, "show", str(korus), "--scenario", "late", "--json")
    data = json.loads(out)
    assert data["scenario"] == "late"
    routers = next(line for line in data["lines"] if line["id"] == "L-3")
    assert routers["phases"][0]["start"] == "2013-03-15"
    assert routers["phases"][0]["delayed_by"] == ["REG-1"]


def test_validate_exit_codes(korus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate", str(korus))
    assert status == 0
    assert "0 errors, 0 warnings, 3 lines" in out
    broken = tmp_path / "broken.carveplan"
    native.save(Agreement("Broken", date(2027, 1, 1), lines=(Line("X", "ZZZ", "energy", "27"),)), broken)
    status, out, _ = run(capsys, "validate", str(broken))
    assert status == 1
    assert "ERROR" in out
    junk = tmp_path / "junk.carveplan"
    junk.write_text("not json", encoding="utf-8")
    status, _, err = run(capsys, "validate", str(junk))
    assert status == 2
    assert "junk.carveplan" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "missing.carveplan"], "no such file"),
        (["show", "{korus}", "--scenario", "nope"], "no scenario named 'nope'"),
        (["export", "{korus}", "-o", "out.unknown"], "cannot export to .unknown"),
        (["trajectory", "{korus}", "--from", "2020", "--to", "2019"], "before --from"),
        (["show", "agreement.docx"], "no such file"),
    ],
)
def test_user_errors_are_one_clear_line(
    args: list[str], message: str, korus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, *(a.format(korus=korus) for a in args))
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_python_dash_m_entry_point(korus: Path) -> None:
    # Run the source under test, wherever the package is installed from.
    source = Path(carveplan.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(
        [sys.executable, "-m", "carveplan", "validate", str(korus)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "korus.carveplan: 0 errors" in done.stdout


def test_trajectory_csv_keeps_formula_like_text_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = replace(KORUS.lines[0], description='=HYPERLINK("http://x.invalid","click")\x00')
    path = tmp_path / "hostile.carveplan"
    native.save(replace(KORUS, lines=(hostile, *KORUS.lines[1:])), path)
    status, out, _ = run(capsys, "trajectory", str(path), "--from", "2012", "--to", "2013")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["description"] == '\'=HYPERLINK("http://x.invalid","click")'
    assert rows[0]["2012"] == "6.4"  # numbers are left alone, negative ones too


def test_trajectory_help_says_how_to_keep_codes_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["trajectory", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "set its type to Text" in out
    assert "leading apostrophe" in out
