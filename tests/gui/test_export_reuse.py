"""An export from the app takes the schedules the window already resolved, and writes the same file."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from carveplan.io.formats import ExportOptions, exporter_for
from carveplan.model import BASELINE, Agreement
from carveplan.ui.document import Document
from carveplan.ui.main_window import MainWindow
from tests.benchmarks.national import national_agreement

SCENARIO = "sanctions persist"


def _refuse(agreement: Agreement, scenario: str | None = None) -> None:
    raise AssertionError(f"the export resolved {scenario or 'the baseline'} again")


def test_the_window_s_scenario_and_baseline_go_to_the_export(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    agreement = national_agreement(1, per_party=100)
    window = MainWindow(Document(agreement))
    qtbot.addWidget(window)
    window.document.set_scenario(SCENARIO)
    window.document.schedule(SCENARIO), window.document.schedule(BASELINE)  # as the chart did
    options = ExportOptions(scenario=SCENARIO, today=date(2027, 3, 1))
    (tmp_path / "cli").mkdir()
    by_itself = tmp_path / "cli" / "plan.xml"
    exporter_for(by_itself)(agreement, by_itself, options)  # as the command line does: resolving
    monkeypatch.setattr(importlib.import_module("carveplan.engine.resolve"), "resolve", _refuse)
    path = tmp_path / "plan.xml"
    assert window.files.export_to(path, options)
    with qtbot.waitSignal(window.files.exported, timeout=60000):
        pass
    assert path.read_bytes() == by_itself.read_bytes()  # baseline dates and all


def test_without_the_window_s_schedule_the_export_resolves_it(qtbot: QtBot, tmp_path: Path) -> None:
    agreement = national_agreement(1, per_party=100)
    window = MainWindow(Document(agreement))
    qtbot.addWidget(window)
    assert window.document.resolved(SCENARIO) is None  # never shown: nothing to hand
    path = tmp_path / "plan.xml"
    assert window.files.export_to(path, ExportOptions(scenario=SCENARIO))
    with qtbot.waitSignal(window.files.exported, timeout=60000):
        pass
    assert b"sanctions persist" in path.read_bytes()
