"""The bundled sample agreements: they load, resolve without problems and match their generator."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from carveplan.engine import resolve, validate
from carveplan.io.native import SUFFIX, dumps, load
from carveplan.model import BASELINE, MilestoneStatus, Severity, StagingKind
from carveplan.resources import sample_path

SCHEDULES = Path(__file__).resolve().parents[4] / "schedules"
SAMPLES = sorted(SCHEDULES.glob("*" + SUFFIX))
SAMPLE = sample_path()


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sample", SCHEDULES / "make_sample.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_both_samples_are_there() -> None:
    assert [p.name for p in SAMPLES] == ["fiscal-year.carveplan", "sample.carveplan"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_scenario_resolves_without_problems(path: Path) -> None:
    agreement = load(path)
    for name in [BASELINE, *(s.name for s in agreement.scenarios)]:
        schedule = resolve(agreement, name)
        assert schedule.problems == (), [str(p) for p in schedule.problems]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_the_validator_finds_no_errors(path: Path) -> None:
    errors = [str(p) for p in validate(load(path)) if p.severity is Severity.ERROR]
    assert errors == []


def test_files_match_their_generator() -> None:
    generator = _generator()
    assert SAMPLE.read_text(encoding="utf-8") == dumps(generator.sample())
    assert (SCHEDULES / "fiscal-year.carveplan").read_text(encoding="utf-8") == dumps(generator.fiscal_year())


def test_the_main_sample_covers_what_a_negotiator_plans() -> None:
    agreement = load(SAMPLE)
    assert len(agreement.lines) >= 30
    assert len(agreement.milestones) >= 12
    assert {p.code for p in agreement.parties} == {"AUS", "CAN", "JPN", "VNM"}
    assert {c.kind for c in agreement.categories} >= {
        StagingKind.IMMEDIATE,
        StagingKind.LINEAR,
        StagingKind.BACK_LOADED,
        StagingKind.NON_LINEAR,
        StagingKind.PARTIAL,
        StagingKind.EXCLUDED,
    }
    assert {m.status for m in agreement.milestones} >= {MilestoneStatus.PLANNED, MilestoneStatus.VERIFIED}
    assert any(line.code_system.value == "CPC" and line.phases for line in agreement.lines)
    assert {s.name for s in agreement.scenarios} == {"sanctions persist", "late ratification"}


def test_sanctions_delay_and_block_what_the_baseline_opens() -> None:
    agreement = load(SAMPLE)
    baseline, sanctions = resolve(agreement), resolve(agreement, "sanctions persist")
    # The missed verification blocks the magnets line; the invoked exception holds Japan's energy lines.
    assert not baseline.line("VNM-C04").blocked
    assert sanctions.line("VNM-C04").blocked
    (window,) = sanctions.windows
    assert window.exception == "XXI-JPN"
    assert "JPN-E01" in window.lines
    planned, slipped = baseline.line("VNM-S01").final_date, sanctions.line("VNM-S01").final_date
    assert planned is not None
    assert slipped is not None
    assert slipped > planned  # the 49% equity cap waits for the delayed licensing milestone


def test_the_sample_trade_is_labelled_illustrative_and_its_csv_reads_back(tmp_path: Path) -> None:
    from dataclasses import replace

    from carveplan.io.trade.read import read_trade

    agreement = load(SAMPLE)
    assert agreement.trade is not None
    assert agreement.trade.illustrative
    assert "Illustrative" in agreement.trade.source
    read = read_trade(SCHEDULES / "sample-trade.csv", replace(agreement, trade=None))
    assert set(read.table.flows) == set(agreement.trade.flows)  # the file is sorted by importer
    assert read.unmatched == ()
