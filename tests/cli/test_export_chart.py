"""``carveplan export`` writes charts end to end: arguments, file reading, resolving, drawing."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from carveplan.cli import export
from carveplan.io.native import save
from carveplan.model import MilestoneDelay, Scenario
from tests.helpers.schedules import sample_schedule


def _run(*argv: str) -> int:
    # Only the export command, so the test does not depend on the other commands' modules.
    parser = argparse.ArgumentParser(prog="carveplan")
    export.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    status: int = args.run(args)
    return status


@pytest.fixture
def agreement_file(tmp_path: Path) -> Path:
    agreement = sample_schedule().agreement
    late = Scenario("late", overrides=(MilestoneDelay("REG-1", 12),))
    path = tmp_path / "sample.carveplan"
    save(replace(agreement, scenarios=(late,), eif=date(2027, 3, 15)), path)
    return path


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_chart_formats(agreement_file: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"chart{suffix}"
    status = _run(
        "export",
        str(agreement_file),
        "-o",
        str(out),
        "--scenario",
        "late",
        "--style",
        "print",
        "--dpi",
        "50",
        "--from",
        "2027-01-01",
        "--to",
        "2037-12-31",
    )
    assert status == 0
    assert out.stat().st_size > 1000


def test_export_deck_by_party_on_16_9(agreement_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    status = _run(
        "export",
        str(agreement_file),
        "-o",
        str(out),
        "--party",
        "VNM",
        "--sector",
        "energy",
        "--page",
        "16:9",
        "--style",
        "projector",
    )
    assert status == 0
    data = out.read_bytes()
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2  # the cover and energy/VNM
