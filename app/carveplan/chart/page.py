"""A deck page as plain shapes (:mod:`carveplan.chart.vector`): the chart matplotlib draws, without
matplotlib's per-glyph text layout, so hundreds of pages are set in seconds.

The page is planned as the app's chart is (:func:`carveplan.chart.plan.plan_page`): the same
frame, bars, value labels, milestone and date marks and legend, mapped from data coordinates to
points on the page (y down from the top-left corner).
"""

from __future__ import annotations

from datetime import date

from carveplan.chart.axes import agreement_years, day_num, zoom_levels
from carveplan.chart.frame import default_window
from carveplan.chart.groups import GroupSpans
from carveplan.chart.labels import label_places
from carveplan.chart.legend import subtitle_text
from carveplan.chart.marks import vertical_marks
from carveplan.chart.page_body import bars, labels, marks, rects, verticals
from carveplan.chart.page_parts import (
    Measure,
    area,
    date_axis,
    estimate,
    grid,
    legend,
    row_labels,
    title_block,
    year_axis,
)
from carveplan.chart.plan import plan_page, tick_counts
from carveplan.chart.rows import Row
from carveplan.chart.style import SCREEN, ChartStyle
from carveplan.chart.vector import Anchor, Baseline, Item, Page, Text
from carveplan.engine.schedule import Schedule


class VectorPages:
    """Page after page of one schedule as vector pages: what every page shares is worked out once.

    Args:
        schedule: the resolved schedule.
        size: the page's width and height in points.
        style: screen, projector or print.
        window: first and last day shown (default: everything, padded).
        today: the "today" line and the "as of" date (``None``: neither).
        baseline: drawn as ghost bars under each line.
        ghost_label: the legend's name for the ghost bars.
        lines: the line count the subtitle gives (default: the schedule's).
        measure: a text's width in points as the writer will set it (default: the chart's estimate).
        title_block: draw the title block (the app's chart folds it away: its title is the window's).
        legend: draw the legend (the app's chart folds it away too).
        wide_labels: row labels fill their share of a wide page, as in the app's chart.
    """

    def __init__(
        self,
        schedule: Schedule,
        *,
        size: tuple[float, float],
        style: ChartStyle = SCREEN,
        window: tuple[date, date] | None = None,
        today: date | None = None,
        baseline: Schedule | None = None,
        ghost_label: str = "Baseline",
        lines: int | None = None,
        measure: Measure = estimate,
        title_block: bool = True,
        legend: bool = True,
        wide_labels: bool = False,
    ) -> None:
        self.schedule, self.size, self.style = schedule, size, style
        self.title_block, self.legend, self.wide_labels = title_block, legend, wide_labels
        self.today, self.baseline, self.ghost_label, self.measure = today, baseline, ghost_label, measure
        self.lines = len(schedule.lines) if lines is None else lines
        self.window = window or default_window(schedule, baseline)
        self.span = (day_num(self.window[0]), day_num(self.window[1]))
        self.verticals = [v for v in vertical_marks(schedule, today) if self.span[0] <= v.x <= self.span[1]]
        agreement = schedule.agreement
        years = agreement_years(schedule.eif, agreement.stage_day, *self.window)
        self.years = [(n, day_num(b), day_num(f)) for n, b, f in years]
        self.groups = GroupSpans(schedule, self.span[1])

    def page(self, rows: tuple[Row, ...], title: str | None = None) -> Page:
        """One page showing ``rows`` (laid out from ``y == 0``, see :func:`carveplan.chart.rows.window`)."""
        style, span = self.style, self.span
        inches = (self.size[0] / 72, self.size[1] / 72)
        plan = plan_page(inches, self.schedule, rows, style, span, self.baseline, self.verticals,
                         self.ghost_label, self.legend, self.title_block, self.wide_labels,
                         groups=self.groups)  # fmt: skip
        a = area(plan.frame, self.size, span)
        counts = tick_counts(plan.frame, style)
        ticks = zoom_levels(*self.window, counts[0])
        every = next((n for n in (1, 2, 5, 10, 20) if len(self.years) / n <= counts[1]), 50)
        items: list[Item] = []
        items += rects(a, plan.geo.stripes)
        items += grid(a, ticks, style)
        items += bars(a, plan, style)
        items += marks(a, plan, style)
        items += verticals(a, self.verticals, style, self.measure)
        items += labels(a, label_places(plan.geo, plan.marks, style, plan.frame, span), style, self.measure)
        items += row_labels(a, plan.labelled, style, self.measure)
        date_axis(a, ticks, style, items)
        items += year_axis(a, self.years, every, style)
        if not rows:
            middle = ((a.left + a.right) / 2, (a.top + a.bottom) / 2)
            empty = "No lines match the selection"
            items.append(
                Text(*middle, empty, style.font_size, style.muted, False, Anchor.MIDDLE, Baseline.MIDDLE)
            )
        if self.legend:
            items += legend(plan.entries, plan.ncols, self.size, style, self.measure)
        if self.title_block:
            items += self._title(title)
        return Page(self.size[0], self.size[1], style.background, tuple(items))

    def _title(self, title: str | None) -> list[Item]:
        agreement = self.schedule.agreement
        schedule = self.schedule
        tentative = agreement.eif_tentative
        subtitle = subtitle_text(schedule.scenario, schedule.eif, tentative, self.today, self.lines)
        if title:  # a page title (a sector, a page number) leaves the agreement's name to the subtitle
            subtitle = f"{agreement.title}  ·  {subtitle}"
        heading = title or agreement.title
        return title_block(self.size, self.style, heading, subtitle, agreement.classification, self.measure)


def build_page(
    schedule: Schedule,
    rows: tuple[Row, ...],
    *,
    size: tuple[float, float],
    style: ChartStyle = SCREEN,
    window: tuple[date, date] | None = None,
    today: date | None = None,
    title: str | None = None,
    baseline: Schedule | None = None,
    ghost_label: str = "Baseline",
    lines: int | None = None,
    measure: Measure = estimate,
) -> Page:
    """One deck page of ``schedule`` showing ``rows``, as plain shapes (see :class:`VectorPages`)."""
    pages = VectorPages(schedule, size=size, style=style, window=window, today=today, baseline=baseline,
                        ghost_label=ghost_label, lines=lines, measure=measure)  # fmt: skip
    return pages.page(rows, title)
