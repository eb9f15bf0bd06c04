"""The comparison view: grouped by sector, most delayed first; a row selects its line and lights its gates."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carveplan.engine.compare import Change
from carveplan.model import RecordKind
from carveplan.ui import commands
from carveplan.ui.comparison import ComparisonView
from carveplan.ui.comparison_model import COLUMNS, ComparisonModel, gating_milestones
from carveplan.ui.document import Document
from tests.helpers.analysis import analysis_agreement

# Shown widgets whose size hints change make the offscreen platform say it cannot pass them on.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DELAY = next(i for i, c in enumerate(COLUMNS) if c.header == "Delay (months)")


@pytest.fixture
def document() -> Document:
    document = Document(analysis_agreement())
    document.set_scenario("late")
    return document


@pytest.fixture
def view(qtbot: QtBot, document: Document) -> ComparisonView:
    widget = ComparisonView(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    widget.refresh()
    return widget


def _lines(model: ComparisonModel, sector_row: int) -> list[str]:
    parent = model.index(sector_row, 0)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_model_passes_the_model_tester(view: ComparisonView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.model)


def test_sectors_in_agreement_order_with_summaries(view: ComparisonView) -> None:
    model = view.model
    sectors = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sectors == ["Energy (3 lines)", "Telecommunications (1 lines)", "Critical minerals (1 lines)"]
    assert model.index(0, DELAY).data() == "max +24"
    assert model.index(1, DELAY + 1).data() == "1 newly blocked"


def test_lines_most_delayed_first(view: ComparisonView) -> None:
    energy = _lines(view.model, 0)
    assert energy == ["L6", "L1", "L2"]  # L6 waits for M1 + 12 months, L1 for M1, L2 never did
    first = view.model.entry(view.model.index(0, 0, view.model.index(0, 0)))
    assert first is not None
    assert first.change is Change.DELAYED


def test_blocked_line_reads_never(view: ComparisonView) -> None:
    model = view.model
    telecom = model.index(1, 0)
    assert model.index(0, 3, telecom).data() == "never (blocked)"
    assert model.index(0, 4, telecom).data() == "2026-01-01"
    assert model.index(0, 7, telecom).data() == "M2"


def test_changed_only_leaves_out_lines_that_did_not_move(view: ComparisonView) -> None:
    view.changed_only.setChecked(True)
    assert _lines(view.model, 0) == ["L6", "L1"]
    assert view.model.rowCount() == 2  # critical minerals has no line that moved


def test_selecting_a_row_selects_the_line_and_highlights_its_gates(view: ComparisonView) -> None:
    selected: list[tuple[str, str]] = []
    lit: list[frozenset[str]] = []
    view._document.selection_changed.connect(lambda kind, key: selected.append((kind, key)))
    view.highlight_changed.connect(lit.append)
    view.tree.setCurrentIndex(view.model.index_of_line("L6"))
    assert selected == [("lines", "L6")]
    assert lit == [frozenset({"M1"})]


def test_line_selected_elsewhere_becomes_current(view: ComparisonView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.highlight_changed) as blocker:
        view._document.select(RecordKind.LINES, "L3")
    assert view.model.entry(view.tree.currentIndex()).line.id == "L3"  # type: ignore[union-attr]
    assert blocker.args == [frozenset({"M2"})]


def test_sector_row_highlights_nothing(view: ComparisonView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.highlight_changed) as blocker:
        view.tree.setCurrentIndex(view.model.index(0, 0))
    assert blocker.args == [frozenset()]


def test_an_edit_refreshes_after_a_pause_and_keeps_the_line(view: ComparisonView, qtbot: QtBot) -> None:
    document = view._document
    document.select(RecordKind.LINES, "L1")
    late = document.agreement.scenarios[0]
    unmissed = dataclasses.replace(late, overrides=late.overrides[:1])  # M2 is met after all
    after = dataclasses.replace(document.agreement, scenarios=(unmissed, *document.agreement.scenarios[1:]))
    commands.apply(document, after, "Edit scenario")
    qtbot.waitUntil(lambda: view.model.index(1, DELAY + 1).data() == "no change")
    assert view.model.entry(view.tree.currentIndex()).line.id == "L1"  # type: ignore[union-attr]


def test_baseline_heading_invites_a_scenario(view: ComparisonView) -> None:
    view._document.set_scenario("baseline")
    view.refresh()
    assert "pick a scenario" in view.heading.text()
    assert view.model.index(0, DELAY).data() is None


def test_gating_milestones_are_milestones_only(document: Document) -> None:
    from carveplan.engine import compare

    comparison = compare(document.agreement, "sanctions")
    entry = comparison.line("L5")
    assert "EX1" in entry.causes
    assert gating_milestones(comparison.schedule, entry) == frozenset()


def test_hiding_the_view_clears_the_highlight(view: ComparisonView, qtbot: QtBot) -> None:
    view._document.select(RecordKind.LINES, "L6")
    with qtbot.waitSignal(view.highlight_changed) as blocker:
        view.hide()
    assert blocker.args == [frozenset()]


def test_headers_name_both_scenarios(view: ComparisonView, document: Document) -> None:
    model = view.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Final (late)" in headers
    assert "Final (baseline)" in headers
    document.set_scenario("baseline")
    view.refresh()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert len({h for h in headers if h.startswith("Final")}) == 2
