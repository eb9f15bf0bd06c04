"""The analysis docks of the main window (comparison, divergence, register, coverage) and their actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from carveplan.model import BASELINE, RecordKind
from carveplan.ui import scenario_editor as se
from carveplan.ui.comparison import ComparisonView
from carveplan.ui.coverage_view import CoverageView
from carveplan.ui.divergence_view import DivergenceView
from carveplan.ui.preset_dialog import PresetDialog
from carveplan.ui.register_view import RegisterView
from carveplan.ui.trade_dialog import TradeDialog

if TYPE_CHECKING:
    from carveplan.ui.main_window import MainWindow


@dataclass
class AnalysisDocks:
    """What :func:`add_analysis_docks` added to a window.

    Attributes:
        comparison: the scenario comparison view.
        divergence: the divergence heatmap.
        register: the exceptions register.
        coverage: liberalization coverage and the Article XXIV check.
        docks: their dock widgets, for the View menu.
        actions: the Scenario menu's actions by name (``compare``, ``edit``, ``new``, ``duplicate``,
            ``delete``, ``exception_preset``, ``review_preset``), and the Agreement menu's ``trade``.
        editor: the scenario editor, once opened (one per window).
    """

    comparison: ComparisonView
    divergence: DivergenceView
    register: RegisterView
    coverage: CoverageView
    docks: list[QDockWidget]
    actions: dict[str, QAction] = field(default_factory=dict)
    editor: se.ScenarioEditor | None = None

    def scenario_actions(self) -> list[QAction | None]:
        """The Scenario menu's entries after the list of scenarios; ``None`` is a separator."""
        a = self.actions
        scenarios = [a["compare"], None, a["edit"], a["new"], a["duplicate"], a["delete"]]
        # Presets add clauses a scenario can invoke, so they sit apart from the scenario commands.
        return [*scenarios, None, a["exception_preset"], a["review_preset"]]

    def agreement_actions(self) -> list[QAction]:
        """The Agreement menu's entries."""
        return [self.actions["trade"]]


def add_analysis_docks(window: MainWindow) -> AnalysisDocks:
    """Dock the analysis views behind the Problems panel and create their actions.

    Args:
        window: the main window (its ``document``, ``chart`` and ``problems_dock`` must exist).

    Returns:
        The views, docks and actions, for the menus.
    """
    document = window.document
    comparison = ComparisonView(document, window)
    divergence = DivergenceView(document, window)
    register = RegisterView(document, window)
    cover = CoverageView(document, window)
    views = (
        ("Comparison", comparison, comparison.set_exposed),
        ("Divergence", divergence, divergence.set_exposed),
        ("Exceptions register", register, register.set_exposed),
        ("Coverage", cover, cover.set_exposed),
    )
    docks = []
    for title, view, set_exposed in views:
        dock = _dock(window, title, view)
        window.tabifyDockWidget(window.problems_dock, dock)
        # A dock tabbed behind another stays "visible" to Qt: its tab tells whether it is seen.
        dock.visibilityChanged.connect(set_exposed)
        docks.append(dock)
    analysis = AnalysisDocks(comparison, divergence, register, cover, docks=docks)
    analysis.comparison.highlight_changed.connect(window.chart.set_highlight)
    analysis.actions = _actions(window, analysis)
    document.scenario_changed.connect(lambda name: _enable(analysis, name))
    _enable(analysis, document.scenario)
    return analysis


def _dock(window: MainWindow, title: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(f"dock-{title.lower().replace(' ', '-')}")
    dock.setWidget(widget)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    return dock


def _actions(window: MainWindow, analysis: AnalysisDocks) -> dict[str, QAction]:
    document = window.document

    def action(text: str, tip: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
        made = QAction(text, window)
        made.setStatusTip(tip)
        made.setToolTip(tip)
        if shortcut:
            made.setShortcut(shortcut)
        made.triggered.connect(lambda _checked=False: slot())
        return made

    return {
        "compare": action(
            "&Compare with Baseline",
            "Each line's final date in this scenario and in the baseline",
            lambda: _raise(analysis.docks[0]),
            "Ctrl+Shift+B",
        ),
        "edit": action(
            "&Edit Scenario…",
            "Delay or miss milestones, invoke exceptions, move EIF",
            lambda: open_editor(window),
        ),
        "new": action(
            "&New Scenario…", "Add an empty scenario", lambda: se.ask_new_scenario(window, document)
        ),
        "duplicate": action(
            "D&uplicate Scenario",
            "Copy this scenario to try a variant",
            lambda: se.duplicate_current(document),
        ),
        "delete": action(
            "&Delete Scenario", "Delete this scenario", lambda: se.confirm_delete_current(window, document)
        ),
        "exception_preset": action(
            "Add Security &Exception from Preset…",
            "WTO safeguard, RCEP transitional safeguard, GATS XIV bis, GATT XXI …",
            lambda: PresetDialog(document, RecordKind.EXCEPTIONS, window).exec(),
        ),
        "trade": action(
            "&Trade Data…",
            "Imports between the parties (UN Comtrade, WITS) and the Article XXIV thresholds",
            lambda: _open_trade(window, analysis),
            "Ctrl+Shift+T",
        ),
        "review_preset": action(
            "Add &Review Clause from Preset…",
            "USMCA joint review, CPTPP review …",
            lambda: PresetDialog(document, RecordKind.REVIEWS, window).exec(),
        ),
    }


def open_editor(window: MainWindow) -> se.ScenarioEditor:
    """Show the window's scenario editor (created on first use) and bring it to front."""
    analysis = window.analysis
    if analysis.editor is None:
        analysis.editor = se.ScenarioEditor(window.document, window)
    analysis.editor.show()
    analysis.editor.raise_()
    analysis.editor.activateWindow()
    return analysis.editor


def _open_trade(window: MainWindow, analysis: AnalysisDocks) -> None:
    """Edit trade data and the test; on OK bring the Coverage dock forward to show the result."""
    if TradeDialog(window.document, window).exec():
        _raise(analysis.docks[-1])


def _raise(dock: QDockWidget) -> None:
    dock.show()
    dock.raise_()


def _enable(analysis: AnalysisDocks, scenario: str) -> None:
    on_scenario = scenario != BASELINE
    analysis.actions["duplicate"].setEnabled(on_scenario)
    analysis.actions["delete"].setEnabled(on_scenario)
