"""The chart's first screen while a large file opens: its top rows painted before the canvas loads.

Opening a national schedule reads the file, resolves every line and loads the plotting library:
about two seconds. The worker that reads the file draws the rows that show first as plain shapes
(:func:`carveplan.chart.first_screen.first_screen`), and this pane paints them at once; the
chart's canvas replaces it when the whole schedule is resolved.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollBar, QWidget

from carveplan.chart.first_screen import FirstScreen, ScreenSpec, first_screen
from carveplan.chart.rows import RowSelection
from carveplan.chart.style import ChartStyle
from carveplan.model import BASELINE, Agreement
from carveplan.ui.page_painter import PageView

if TYPE_CHECKING:
    from collections.abc import Callable

# The chart's canvas lays out 100 pixels to the inch (matplotlib's figure resolution on screen).
POINTS_PER_PIXEL = 72 / 100


class FirstScreenPane(QWidget):
    """The first screen's page, with a scroll bar showing how much more there is (not yet usable).

    Signals:
        painted: the first screen is on the window (emitted after its first paint).
    """

    painted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = PageView(self)
        self.page.painted.connect(self.painted)
        self.scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.scrollbar.setEnabled(False)  # scrolling waits for the chart
        self.scrollbar.setToolTip("The rest of the rows show when the whole schedule is resolved")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.page, 1)
        row.addWidget(self.scrollbar)

    def show_screen(self, screen: FirstScreen, first: int) -> None:
        """Paint ``screen``, its scroll bar at row ``first`` of all its rows."""
        self.scrollbar.setRange(0, max(0, screen.total_rows - screen.shown_rows))
        self.scrollbar.setPageStep(max(1, screen.shown_rows))
        self.scrollbar.setValue(first)
        self.scrollbar.setVisible(screen.total_rows > screen.shown_rows)
        self.page.set_page(screen.page)


def screen_job(
    size: tuple[int, int],
    style: ChartStyle,
    selection: RowSelection,
    first: int,
    count: int,
    scrollbar_width: int,
) -> Callable[[Agreement], FirstScreen]:
    """What a worker runs on the agreement it has read: the chart's first screen at ``size`` pixels.

    Args:
        size: the chart's width and height in pixels.
        style: the chart style as the window draws it.
        selection: the view's filters and collapsed groups.
        first: the first row shown.
        count: rows that fit.
        scrollbar_width: pixels the scroll bar takes from the width.
    """
    width, height = size
    points = (max(100, width - scrollbar_width) * POINTS_PER_PIXEL, max(100, height) * POINTS_PER_PIXEL)
    spec = ScreenSpec(points, style, selection, first, count, date.today(), BASELINE)
    return partial(first_screen, spec=spec)
