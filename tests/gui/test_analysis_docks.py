"""The analysis docks in the main window: tabbed with Problems, toggled from View, driven from Scenario."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from carveplan.engine.presets import EXCEPTION_PRESETS, REVIEW_PRESETS
from carveplan.model import RecordKind
from carveplan.ui import preset_dialog
from carveplan.ui.comparison import ComparisonView
from carveplan.ui.coverage_view import CoverageView
from carveplan.ui.document import Document
from carveplan.ui.lazy_dock import LazyDock
from carveplan.ui.main_window import MainWindow
from tests.helpers.analysis import analysis_agreement

# The offscreen platform cannot pass on size hints or raise windows, and says so.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow(Document(analysis_agreement()))
    monkeypatch.setattr(win.files, "maybe_save", lambda: True)  # closing after edits asks nothing
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def menu(window: MainWindow, title: str) -> QMenu:
    found = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title)
    assert isinstance(found, QMenu)
    found.aboutToShow.emit()
    return found


def texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_docks_are_tabbed_with_problems(window: MainWindow) -> None:
    docks = window.bench.docks
    tabbed = window.tabifiedDockWidgets(docks["problems"])
    analysis = [docks[name] for name in ("comparison", "divergence", "exceptions-register", "coverage")]
    assert {d.windowTitle() for d in analysis} <= {d.windowTitle() for d in tabbed}
    assert [d.objectName() for d in analysis] == [
        "dock-comparison",
        "dock-divergence",
        "dock-exceptions-register",
        "dock-coverage",
    ]


def test_an_analysis_dock_is_made_when_first_raised_and_keeps_its_group_height(
    window: MainWindow, qtbot: QtBot
) -> None:
    docks = window.bench.docks
    coverage = docks["coverage"]
    assert isinstance(coverage, LazyDock)
    assert not coverage.made  # tabbed behind the tables: nothing made, nothing imported for it
    height = docks["tables"].height()
    coverage.raise_()
    qtbot.waitUntil(lambda: coverage.made and coverage.height() == height)
    view = window.bench.view("coverage", CoverageView)
    qtbot.waitUntil(lambda: view.figure is not None)  # seen, so refreshed: the curves are drawn


def test_a_dock_left_in_front_comes_back_at_its_size(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    coverage = window.bench.docks["coverage"]
    coverage.raise_()
    qtbot.waitUntil(lambda: coverage.height() > 100)
    height = coverage.height()
    window.resizeDocks([coverage], [height + 80], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: coverage.height() != height)
    height = coverage.height()
    window.close()  # keeps the window's state in the settings
    again = MainWindow(Document(analysis_agreement()))
    monkeypatch.setattr(again.files, "maybe_save", lambda: True)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.chart.on_screen):  # painted: laid out at the restored sizes
        again.show()
    restored = again.bench.docks["coverage"]
    assert isinstance(restored, LazyDock)
    assert restored.made
    assert restored.height() == height


def test_view_menu_toggles_each_dock(window: MainWindow) -> None:
    assert {"Comparison", "Divergence", "Exceptions register"} <= set(texts(menu(window, "View")))


def test_scenario_menu_lists_scenarios_then_analysis_actions(window: MainWindow) -> None:
    assert texts(menu(window, "Scenario")) == [
        "baseline",
        "late",
        "sanctions",
        "eif later",
        "Compare with Baseline",
        "Edit Scenario…",
        "New Scenario…",
        "Duplicate Scenario",
        "Delete Scenario",
        "Add Security Exception from Preset…",
        "Add Review Clause from Preset…",
    ]


def test_duplicate_and_delete_wait_for_a_scenario(window: MainWindow) -> None:
    actions = window.bench.actions
    assert not actions["delete_scenario"].isEnabled()
    window.document.set_scenario("late")
    assert actions["delete_scenario"].isEnabled()
    actions["duplicate_scenario"].trigger()
    assert window.document.scenario == "late (copy)"


def test_compare_raises_the_comparison_and_lights_the_chart(window: MainWindow, qtbot: QtBot) -> None:
    window.document.set_scenario("late")
    window.bench.docks["tables"].raise_()
    window.bench.actions["compare"].trigger()
    comparison = window.bench.view("comparison", ComparisonView)
    qtbot.waitUntil(lambda: comparison.isVisible() and comparison.model.comparison is not None)
    window.document.select(RecordKind.LINES, "L6")
    assert window.chart.state.highlight == frozenset({"M1"})
    assert window.chart.state.selected == "L6"
    window.bench.docks["tables"].raise_()  # the comparison goes behind: its highlight goes too
    qtbot.waitUntil(lambda: window.chart.state.highlight == frozenset())


def test_editor_is_one_per_window(window: MainWindow) -> None:
    assert window.bench.open_editor() is window.bench.open_editor()


@pytest.mark.parametrize(
    ("kind", "key"),
    [(RecordKind.EXCEPTIONS, EXCEPTION_PRESETS[0].key), (RecordKind.REVIEWS, REVIEW_PRESETS[0].key)],
)
def test_preset_adds_one_record_as_one_step(window: MainWindow, kind: str, key: str) -> None:
    document = window.document
    ident = preset_dialog.next_id(document, kind)
    assert preset_dialog.add_from_preset(document, kind, key, ident, "BBB", ["energy"])
    added = getattr(document.agreement, kind)[-1]
    assert added.id == ident
    table = window.tables.table(kind)
    assert table.selected_rows() == [table.model.row_of(ident)]  # selected, ready to adjust
    document.undo_stack.undo()
    assert all(r.id != ident for r in getattr(document.agreement, kind))
    document.undo_stack.redo()
    assert getattr(document.agreement, kind)[-1] == added


def test_preset_dialog_fills_party_and_sectors(window: MainWindow, qtbot: QtBot) -> None:
    dialog = preset_dialog.PresetDialog(window.document, RecordKind.EXCEPTIONS, window)
    qtbot.addWidget(dialog)
    dialog.preset.setCurrentIndex(dialog.preset.findData("rcep_7_5"))
    dialog.party.setCurrentIndex(dialog.party.findData("BBB"))
    dialog.sectors.item(1).setCheckState(dialog.sectors.item(1).checkState().Checked)
    dialog.accept()
    added = window.document.agreement.exceptions[-1]
    assert (added.id, added.party, added.scope_sectors) == ("EXC-2", "BBB", ("telecommunications",))
    assert (added.legal_basis, added.max_duration_months, added.extension_months) == ("RCEP Art. 7.5", 36, 12)


def test_preset_dialog_refuses_a_taken_id(window: MainWindow, qtbot: QtBot) -> None:
    dialog = preset_dialog.PresetDialog(window.document, RecordKind.EXCEPTIONS, window)
    qtbot.addWidget(dialog)
    dialog.ident.setText("EX1")
    dialog.accept()
    assert "already used" in dialog.error.text()
    assert window.document.undo_stack.count() == 0
