"""Scrolling the chart at the pace of the mouse wheel: the new rows painted at once as plain shapes.

Rendering the chart's canvas again takes about a third of a second at national scale, most of it
setting the row labels glyph by glyph, and every notch of the wheel asks for it. While the rows
scroll, the rows now in view are drawn as a vector page (the app's chart as
:class:`carveplan.chart.page.VectorPages` plans it, the same frame, bars and labels) and painted
over the canvas in a few milliseconds; the canvas renders once the scrolling pauses and the
overlay goes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from carveplan.chart.page import VectorPages
from carveplan.chart.rows import Row
from carveplan.chart.style import ChartStyle
from carveplan.engine.schedule import Schedule
from carveplan.ui.first_screen import POINTS_PER_PIXEL
from carveplan.ui.page_painter import PageView


class ScrollOverlay(PageView):
    """A page painted over the chart's canvas while its rows scroll; hidden when the canvas renders."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self._key: tuple[object, ...] = ()
        self._drawn: tuple[Schedule, Schedule | None] | None = None
        self._pages: VectorPages | None = None
        self.hide()

    def show_rows(
        self,
        schedule: Schedule,
        rows: tuple[Row, ...],
        *,
        style: ChartStyle,
        window: tuple[date, date],
        today: date,
        baseline: Schedule | None,
    ) -> None:
        """Paint ``rows`` (laid out from ``y == 0``) over the whole canvas, as the canvas will draw them."""
        canvas = self.parentWidget()
        assert canvas is not None
        size = (canvas.width() * POINTS_PER_PIXEL, canvas.height() * POINTS_PER_PIXEL)
        key = (style, window, today, size)
        drawn = self._drawn
        if (
            self._pages is None
            or key != self._key
            or drawn is None
            or drawn[0] is not schedule
            or drawn[1] is not baseline
        ):
            # What every page of this schedule shares (its group bars, date marks) is worked out once
            # for the whole scroll.
            self._pages = VectorPages(
                schedule,
                size=size,
                style=style,
                window=window,
                today=today,
                baseline=baseline,
                title_block=False,
                legend=False,
                wide_labels=True,
            )
            self._key, self._drawn = key, (schedule, baseline)
        self.setGeometry(canvas.rect())
        self.set_page(self._pages.page(rows))
        self.show()
        self.raise_()

    def drop(self) -> None:
        """The canvas shows the rows now: hide the overlay (its page is kept for the next scroll)."""
        self.hide()
