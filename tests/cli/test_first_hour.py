"""A new user's first commands: a mistyped word, a pipe into head, scenarios listed, advice that works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import carveplan
from carveplan.cli import main as cli_main
from carveplan.main import main, unknown_word
from carveplan.resources import sample_path

ENV = {**os.environ, "PYTHONPATH": str(Path(carveplan.__file__).resolve().parent.parent)}


def test_a_word_that_is_neither_command_nor_file_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shwo", "x.carveplan"]) == 2
    err = capsys.readouterr().err
    assert "'shwo' is neither a command nor a file" in err
    assert "show" in err
    assert "validate" in err
    assert unknown_word([str(sample_path())]) is None
    assert unknown_word(["show", "x"]) is None
    assert unknown_word([]) is None


def test_piping_into_head_exits_quietly() -> None:
    command = [sys.executable, "-m", "carveplan", "show", str(sample_path()), "--json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        err = process.stderr.read().decode()
        status = process.wait(timeout=60)
    assert "BrokenPipeError" not in err
    assert "Traceback" not in err
    assert status == 0


def test_show_lists_the_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["show", str(sample_path())]) == 0
    out = capsys.readouterr().out
    assert "Scenarios: baseline, sanctions persist, late ratification" in out


def test_a_missed_milestone_says_so_instead_of_blocking_itself(capsys: pytest.CaptureFixture[str]) -> None:
    cli_main(["show", str(sample_path()), "--scenario", "sanctions persist"])
    out = capsys.readouterr().out
    verification = next(line for line in out.splitlines() if line.strip().startswith("VNM-VER-1 "))
    assert "BLOCKED: missed" in verification
    assert "by VNM-VER-1" not in verification


def test_importing_a_picture_says_it_is_not_a_spreadsheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = tmp_path / "schedule.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert cli_main(["import", str(picture), "-o", str(tmp_path / "out.carveplan"), "--party", "VNM"]) == 2
    assert "a PNG file is not a spreadsheet" in capsys.readouterr().err


def test_the_display_advice_works_as_printed() -> None:
    env = {k: v for k, v in ENV.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "carveplan", str(sample_path())],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    advice = [line.strip() for line in done.stderr.splitlines() if line.endswith("--help")]
    assert advice == [f"{sys.executable} -m carveplan --help"]
    helped = subprocess.run(
        advice[0].split(), capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert helped.returncode == 0
    assert "usage: carveplan" in helped.stdout
