"""The divergence heatmap: one row per sector, one column per party and the spread, coloured by year."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carveplan.ui import heat
from carveplan.ui.divergence_view import DivergenceView
from carveplan.ui.document import Document
from tests.helpers.analysis import analysis_agreement

BG = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def view(qtbot: QtBot) -> DivergenceView:
    document = Document(analysis_agreement())
    document.set_scenario("late")
    widget = DivergenceView(document)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_model_passes_the_model_tester(view: DivergenceView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.model)


def test_headers_are_sectors_parties_and_spread(view: DivergenceView) -> None:
    model = view.model
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == [
        "Energy",
        "Telecommunications",
        "Critical minerals",
    ]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "AAA",
        "BBB",
        "Spread",
    ]
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Beta"


def test_cells_show_the_final_year_coloured_from_early_to_late(view: DivergenceView) -> None:
    model = view.model
    energy, minerals = model.index(0, 0), model.index(2, 0)
    assert (energy.data(), minerals.data()) == ("2029", "2026")  # M1 24 months late in energy
    assert energy.data(BG).color().name().upper() == heat.LATE
    assert minerals.data(BG).color().name().upper() == heat.EARLY
    assert energy.data(Qt.ItemDataRole.ForegroundRole).color().name().upper() == heat.LIGHT_TEXT


def test_blocked_cells_are_hatched(view: DivergenceView) -> None:
    blocked = view.model.index(1, 1)
    assert blocked.data() == "blocked"
    assert blocked.data(BG).style() == Qt.BrushStyle.BDiagPattern
    assert "never reach their final value" in blocked.data(Qt.ItemDataRole.ToolTipRole)


def test_empty_cells_are_blank(view: DivergenceView) -> None:
    empty = view.model.index(0, 1)
    assert empty.data() is None
    assert empty.data(BG) is None
    assert empty.data(Qt.ItemDataRole.ToolTipRole) == "Beta has no lines in Energy"


def test_tooltips_list_lines_excluded_and_exceptions(view: DivergenceView) -> None:
    tip = view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "4 lines: 3 committed, 1 excluded" in tip
    assert "Exceptions covering them: EX1" in view.model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_spread_column_is_bold_and_tinted(view: DivergenceView) -> None:
    spread = view.model.index(0, 2)
    assert spread.data(Qt.ItemDataRole.FontRole).bold()
    assert spread.data(BG).color().name().upper() == heat.SPREAD_NONE  # one party per sector here
    assert "Never (blocked): BBB" in view.model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_double_click_goes_to_the_first_line(view: DivergenceView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view._document.selection_changed) as blocker:
        view.table.activated.emit(view.model.index(0, 0))
    assert blocker.args == ["lines", "L1"]


def test_follows_the_scenario(view: DivergenceView) -> None:
    view._document.set_scenario("baseline")
    view.refresh()
    assert view.model.index(1, 1).data() == "2026"
    assert view.heading.text() == "Baseline"
