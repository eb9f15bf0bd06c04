"""Every dock of the main window, declared once: the window adds them and the View menu lists them from here.

A new dock is one :class:`DockSpec` in :data:`DOCKS`: its widget's factory, where it goes, which dock it is
tabbed with. Its View-menu toggle follows the declaration order; nothing else lists docks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from carveplan.ui.comparison import ComparisonView
from carveplan.ui.coverage_view import CoverageView
from carveplan.ui.divergence_view import DivergenceView
from carveplan.ui.register_view import RegisterView
from carveplan.ui.rounds_panel import RoundsPanel
from carveplan.ui.workbench import Workbench

Area = Qt.DockWidgetArea
MAX_DOCK_MINIMUM = 200  # pixels a bottom dock may insist on before it scrolls instead


@runtime_checkable
class Exposable(Protocol):
    """A view that refreshes only while it can be seen: its dock tells it when its tab is in front."""

    def set_exposed(self, exposed: bool) -> None: ...


@dataclass(frozen=True)
class DockSpec:
    """One dock of the main window.

    Attributes:
        id: its name in ``Workbench.docks`` and (as ``dock-<id>``) in the saved window state.
        title: the dock's title, also its View-menu entry.
        factory: builds the widget it shows.
        area: where it docks by default.
        tab_with: the id of an earlier dock it is tabbed behind, or ``""``.
        scroll: whether a tall widget scrolls inside the dock rather than claim its height (below the tables,
            a tall minimum would leave the chart a few rows at 1280x720).
    """

    id: str
    title: str
    factory: Callable[[Workbench], QWidget]
    area: Qt.DockWidgetArea = Area.BottomDockWidgetArea
    tab_with: str = ""
    scroll: bool = False


def _comparison(bench: Workbench) -> QWidget:
    view = ComparisonView(bench.document, bench.window)
    view.highlight_changed.connect(bench.chart.set_highlight)
    return view


DOCKS: tuple[DockSpec, ...] = (
    DockSpec("outline", "Outline", lambda b: b.outline, Area.LeftDockWidgetArea),
    DockSpec("tables", "Tables", lambda b: b.tables),
    DockSpec("problems", "Problems", lambda b: b.problems, tab_with="tables"),
    DockSpec("comparison", "Comparison", _comparison, tab_with="problems", scroll=True),
    DockSpec(
        "divergence",
        "Divergence",
        lambda b: DivergenceView(b.document, b.window),
        tab_with="problems",
        scroll=True,
    ),
    DockSpec(
        "exceptions-register",
        "Exceptions register",
        lambda b: RegisterView(b.document, b.window),
        tab_with="problems",
        scroll=True,
    ),
    DockSpec(
        "coverage", "Coverage", lambda b: CoverageView(b.document, b.window), tab_with="problems", scroll=True
    ),
    DockSpec("rounds", "Rounds", lambda b: RoundsPanel(b.document, b.chart, b.window), tab_with="problems"),
)


def add_docks(bench: Workbench) -> None:
    """Add every declared dock to the bench's window, tabbed as declared, into ``bench.docks``."""
    for spec in DOCKS:
        widget = spec.factory(bench)
        dock = QDockWidget(spec.title, bench.window)
        dock.setObjectName(f"dock-{spec.id}")
        dock.setWidget(widget)
        bench.window.addDockWidget(spec.area, dock)
        if spec.tab_with:
            bench.window.tabifyDockWidget(bench.docks[spec.tab_with], dock)
        if isinstance(widget, Exposable):
            # A dock tabbed behind another stays "visible" to Qt: its tab tells whether it is seen.
            dock.visibilityChanged.connect(widget.set_exposed)
        if spec.scroll:
            _let_scroll(dock)
        bench.docks[spec.id] = dock


def _let_scroll(dock: QDockWidget) -> None:
    """Put a tall dock's contents in a scroll area, so its minimum height is not the tables' too."""
    widget = dock.widget()
    if widget is None or widget.minimumSizeHint().height() <= MAX_DOCK_MINIMUM:
        return
    area = QScrollArea(dock)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    dock.setWidget(area)
