"""The first screen of an agreement being opened: its top rows drawn before the rest is resolved.

A national schedule takes about a second to resolve, and the plotting library as long again to
load. The rows depend only on where the lines sit, and each line resolves on its own, so the
rows that show first are laid out from every line, only their lines are resolved, and the screen
is drawn as plain shapes (:mod:`carveplan.chart.vector`) that the window paints at once. The
full chart replaces it when the whole schedule is resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from carveplan.chart.page import VectorPages
from carveplan.chart.rows import RowSelection, first_rows, window
from carveplan.chart.style import ChartStyle
from carveplan.chart.vector import Page
from carveplan.engine.resolve import resolve_some
from carveplan.engine.trajectory import unstaged_lines
from carveplan.model import BASELINE, Agreement


@dataclass(frozen=True)
class ScreenSpec:
    """What the window's chart shows, as plain data a worker thread can draw from.

    Attributes:
        size: the chart's width and height in points.
        style: the chart style, as the window draws it.
        selection: the view's filters and collapsed groups (its ``first``/``count`` ignored).
        first: the first row shown.
        count: rows that fit.
        today: the "today" line.
        scenario: the scenario drawn.
    """

    size: tuple[float, float]
    style: ChartStyle
    selection: RowSelection
    first: int
    count: int
    today: date
    scenario: str = BASELINE


@dataclass(frozen=True)
class FirstScreen:
    """The first screen drawn: the page, and how many rows there are in all (for the scroll bar)."""

    page: Page
    total_rows: int
    shown_rows: int


def first_screen(agreement: Agreement, spec: ScreenSpec) -> FirstScreen:
    """The rows ``spec`` shows first, drawn as the window's chart draws them, their lines alone resolved.

    The group headers' summary bars and the date window span the lines on screen: the full chart
    that follows widens them to every line.

    Raises:
        KeyError: when the agreement has no scenario of that name.
    """
    limit = spec.first + spec.count
    rows, total = first_rows(agreement, agreement.lines, spec.selection, limit)
    shown = window(rows, spec.first, spec.count)
    wanted = {row.line for row in shown if row.line is not None}
    part = resolve_some(agreement, [line for line in agreement.lines if line.id in wanted], spec.scenario)
    unstaged = unstaged_lines(part) if part.problems else frozenset()
    if unstaged:  # their labels say why no bars show
        rows, total = first_rows(agreement, agreement.lines, spec.selection, limit, unstaged)
        shown = window(rows, spec.first, spec.count)
    pages = VectorPages(
        part,
        size=spec.size,
        style=spec.style,
        today=spec.today,
        lines=len(agreement.lines),
        title_block=False,
        legend=False,
        wide_labels=True,
    )
    return FirstScreen(pages.page(shown), total, len(shown))
