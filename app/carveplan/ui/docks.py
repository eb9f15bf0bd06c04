"""Every dock of the main window, declared once: the window adds them and the View menu lists them from here.

A new dock is one :class:`DockSpec` in :data:`DOCKS`: its widget's factory, where it goes, which dock it is
tabbed with. Its View-menu toggle follows the declaration order; nothing else lists docks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from carveplan.ui.lazy_dock import LazyDock
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
        lazy: whether the widget is made (and its module imported) only when the dock first comes into
            sight, rather than with the window.
    """

    id: str
    title: str
    factory: Callable[[Workbench], QWidget]
    area: Qt.DockWidgetArea = Area.BottomDockWidgetArea
    tab_with: str = ""
    scroll: bool = False
    lazy: bool = False


# The analysis views are imported with their dock's first showing, not with the window.
def _comparison(bench: Workbench) -> QWidget:
    from carveplan.ui.comparison import ComparisonView

    view = ComparisonView(bench.document, bench.window)
    view.highlight_changed.connect(bench.chart.set_highlight)
    return view


def _divergence(bench: Workbench) -> QWidget:
    from carveplan.ui.divergence_view import DivergenceView

    return DivergenceView(bench.document, bench.window)


def _register(bench: Workbench) -> QWidget:
    from carveplan.ui.register_view import RegisterView

    return RegisterView(bench.document, bench.window)


def _coverage(bench: Workbench) -> QWidget:
    from carveplan.ui.coverage_view import CoverageView

    return CoverageView(bench.document, bench.window)


def _rounds(bench: Workbench) -> QWidget:
    from carveplan.ui.rounds_panel import RoundsPanel

    return RoundsPanel(bench.document, bench.chart, bench.window)


DOCKS: tuple[DockSpec, ...] = (
    DockSpec("outline", "Outline", lambda b: b.outline, Area.LeftDockWidgetArea),
    DockSpec("tables", "Tables", lambda b: b.tables),
    DockSpec("problems", "Problems", lambda b: b.problems, tab_with="tables"),
    DockSpec("comparison", "Comparison", _comparison, tab_with="problems", scroll=True, lazy=True),
    DockSpec("divergence", "Divergence", _divergence, tab_with="problems", scroll=True, lazy=True),
    DockSpec(
        "exceptions-register", "Exceptions register", _register, tab_with="problems", scroll=True, lazy=True
    ),
    DockSpec("coverage", "Coverage", _coverage, tab_with="problems", scroll=True, lazy=True),
    DockSpec("rounds", "Rounds", _rounds, tab_with="problems", lazy=True),
)


def add_docks(bench: Workbench) -> None:
    """Add every declared dock to the bench's window, tabbed as declared, into ``bench.docks``."""
    for spec in DOCKS:
        if spec.lazy:
            dock: QDockWidget = LazyDock(spec.title, bench.window, partial(_fill, spec=spec, bench=bench))
        else:
            dock = QDockWidget(spec.title, bench.window)
            _fill(dock, spec, bench)
        dock.setObjectName(f"dock-{spec.id}")
        bench.window.addDockWidget(spec.area, dock)
        if spec.tab_with:
            bench.window.tabifyDockWidget(bench.docks[spec.tab_with], dock)
        bench.docks[spec.id] = dock


def _fill(dock: QDockWidget, spec: DockSpec, bench: Workbench) -> None:
    """Make the dock's widget and put it in the dock (a lazy dock's holder, which keeps the dock's size)."""
    widget = spec.factory(bench)
    shown = _scrolling(widget, dock) if spec.scroll else widget
    if isinstance(dock, LazyDock):
        dock.put(shown)
    else:
        dock.setWidget(shown)
    if isinstance(widget, Exposable):
        # A dock tabbed behind another stays "visible" to Qt: its tab tells whether it is seen.
        dock.visibilityChanged.connect(widget.set_exposed)


def _scrolling(widget: QWidget, parent: QWidget) -> QWidget:
    """A tall widget in a scroll area, so its minimum height is not the tables' too; a short one as it is."""
    if widget.minimumSizeHint().height() <= MAX_DOCK_MINIMUM:
        return widget
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area
