"""Render the analysis views on the sample agreement under "sanctions persist" (for a person to look at)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from carveplan.io import native
from carveplan.model import RecordKind
from carveplan.resources import sample_path
from carveplan.ui.comparison import ComparisonView
from carveplan.ui.comparison_model import gating_milestones
from carveplan.ui.coverage_view import CoverageView
from carveplan.ui.divergence_view import DivergenceView
from carveplan.ui.document import Document
from carveplan.ui.main_window import MainWindow
from carveplan.ui.register_view import RegisterView
from tests.helpers.pictures import saved_picture

SAMPLE = sample_path()

# The offscreen platform cannot pass on size hints or raise windows, and says so.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow(Document(native.load(SAMPLE), SAMPLE))
    monkeypatch.setattr(win.files, "maybe_save", lambda: True)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.document.set_scenario("sanctions persist")
    return win


def test_render_analysis_views(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    bench = window.bench
    comparison_view = bench.view("comparison", ComparisonView)
    models = (
        comparison_view.model,
        bench.view("divergence", DivergenceView).model,
        bench.view("exceptions-register", RegisterView).model,
        bench.view("coverage", CoverageView).years,
    )
    docks = ("comparison", "divergence", "exceptions-register", "coverage")
    for dock_id, model, name in zip(
        docks, models, ("comparison", "divergence", "register", "coverage"), strict=True
    ):
        dock = bench.docks[dock_id]
        dock.raise_()
        qtbot.waitUntil(lambda m=model: m.rowCount() > 0)
        if name == "comparison":
            comparison = comparison_view.model.comparison
            assert comparison is not None
            line = next(
                e for e in comparison.lines if e.delay_months and gating_milestones(comparison.schedule, e)
            )
            window.document.select(RecordKind.LINES, line.line.id)
            qtbot.waitUntil(lambda: bool(window.chart.state.highlight))
            with qtbot.waitSignal(window.chart.drawn, timeout=10000):
                window.chart.redraw()
            saved_picture(window.grab(), tmp_path / "analysis-window.png")
        saved_picture(dock.widget().grab(), tmp_path / f"analysis-{name}.png")


def test_render_scenario_editor(window: MainWindow, tmp_path: Path) -> None:
    editor = window.bench.open_editor()
    editor.resize(620, 620)
    assert editor.overrides.count() == 6
    saved_picture(editor.grab(), tmp_path / "analysis-editor.png")
