"""A deck page as plain shapes (:mod:`carveplan.chart.vector`): the chart matplotlib draws, without
matplotlib's per-glyph text layout, so hundreds of pages are set in seconds.

The page is planned as the app's chart is (:func:`carveplan.chart.plan.plan_page`): the same
frame, bars, value labels, milestone and date marks and legend, mapped from data coordinates to
points on the page (y down from the top-left corner).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from carveplan.chart.artists import MIN_DIVIDER
from carveplan.chart.axes import agreement_years, day_num, zoom_levels
from carveplan.chart.bars import Rects
from carveplan.chart.frame import default_window
from carveplan.chart.geometry import GroupSpans
from carveplan.chart.labels import LabelPlace, label_places
from carveplan.chart.legend import subtitle_text
from carveplan.chart.marks import VerticalKind, VerticalMark, place_vertical_labels, vertical_marks
from carveplan.chart.page_parts import (
    Area,
    Measure,
    area,
    dashed_rect,
    dashes,
    date_axis,
    estimate,
    grid,
    legend,
    marker,
    row_labels,
    title_block,
    year_axis,
)
from carveplan.chart.plan import PagePlan, plan_page, tick_counts
from carveplan.chart.rows import Row
from carveplan.chart.style import SCREEN, ChartStyle
from carveplan.chart.vector import Anchor, Baseline, Box, Item, Page, Rule, Text
from carveplan.engine.schedule import Schedule

_VERTICAL = {  # line style and width share of each date mark, as the app's chart draws them
    VerticalKind.EIF: ("-", 1.0),
    VerticalKind.TODAY: ("--", 1.0),
    VerticalKind.REVIEW: (":", 0.8),
    VerticalKind.SUNSET: ("-.", 1.4),
}


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
    ) -> None:
        self.schedule, self.size, self.style, self.today, self.baseline = (
            schedule,
            size,
            style,
            today,
            baseline,
        )
        self.ghost_label, self.measure = ghost_label, measure
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
                         self.ghost_label, groups=self.groups)  # fmt: skip
        a = area(plan.frame, self.size, span)
        counts = tick_counts(plan.frame, style)
        ticks = zoom_levels(*self.window, counts[0])
        every = next((n for n in (1, 2, 5, 10, 20) if len(self.years) / n <= counts[1]), 50)
        items: list[Item] = []
        items += _rects(a, plan.geo.stripes)
        items += grid(a, ticks, style)
        items += _bars(a, plan, style)
        items += _marks(a, plan, style)
        items += _verticals(a, self.verticals, style)
        items += _labels(a, label_places(plan.geo, plan.marks, style, plan.frame, span), style, self.measure)
        items += row_labels(a, plan.labelled, style)
        date_axis(a, ticks, style, items)
        items += year_axis(a, self.years, every, style)
        if not rows:
            middle = ((a.left + a.right) / 2, (a.top + a.bottom) / 2)
            empty = "No lines match the selection"
            items.append(
                Text(*middle, empty, style.font_size, style.muted, False, Anchor.MIDDLE, Baseline.MIDDLE)
            )
        items += legend(plan.entries, plan.ncols, self.size, style, self.measure)
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


def _hexes(colours: np.ndarray) -> list[str]:
    values = np.clip(np.round(colours[:, :3] * 255), 0, 255).astype(np.int64)
    packed = (values[:, 0] << 16) | (values[:, 1] << 8) | values[:, 2]
    return [f"#{v:06X}" for v in packed.tolist()]


def _rects(
    a: Area, rects: Rects, stroke: str | None = None, width: float = 0.0, hatch: bool = False
) -> list[Item]:
    """Rectangles in data coordinates as boxes, clipped to the axes (their colours' alpha kept)."""
    if not len(rects):
        return []
    ppd, rp = a.frame.points_per_day, a.frame.row_points
    x0 = np.clip(a.left + (rects.column(0) - a.span[0]) * ppd, a.left, a.right)
    x1 = np.clip(a.left + (rects.column(1) - a.span[0]) * ppd, a.left, a.right)
    y0 = a.top + (rects.column(2) - a.y_top) * rp
    y1 = a.top + (rects.column(3) - a.y_top) * rp
    colours = rects.colours()
    fills, alphas = _hexes(colours), colours[:, 3].tolist()
    out: list[Item] = []
    for i, (left, right, top, bottom) in enumerate(
        zip(x0.tolist(), x1.tolist(), y0.tolist(), y1.tolist(), strict=True)
    ):
        if right - left > 1e-6:
            fill = fills[i] if alphas[i] > 0 else None
            out.append(Box(left, top, right - left, bottom - top, fill, alphas[i], stroke, width, hatch))
    return out


def _bars(a: Area, plan: PagePlan, style: ChartStyle) -> list[Item]:
    geo = plan.geo
    edge = min(style.divider_width, a.frame.row_points * 0.12)
    out: list[Item] = []
    bands = Rects()
    colour = tuple(int(style.exception_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    for b in geo.bands:
        bands.add(b.x0, b.x1, b.y0, b.y1, (*colour, style.exception_alpha))  # type: ignore[arg-type]
    out += _rects(a, bands, style.exception_colour, min(0.9, edge + 0.3), bool(style.exception_hatch))
    out += _rects(a, geo.ghosts)
    out += _rects(a, geo.phases, style.background if edge >= MIN_DIVIDER else None, edge)
    out += _rects(a, geo.excluded, style.muted, edge, True)
    out += _rects(a, geo.blocked, style.muted, edge * 0.6, True)
    out += _rects(a, geo.groups)
    for box in _rects(a, geo.quota_rects()):
        assert isinstance(box, Box)
        out += dashed_rect(
            box.x, box.y, box.x + box.width, box.y + box.height, style.foreground, max(edge * 2, 1)
        )
    return out


def _marks(a: Area, plan: PagePlan, style: ChartStyle) -> list[Item]:
    """Gate connectors, exception deadlines, milestone diamonds (crossed when unmet)."""
    out: list[Item] = []
    inside = [m for m in plan.marks if a.span[0] <= m.x <= a.span[1]]
    for m in inside:
        for tx, ty in m.targets:
            out.append(Rule(a.x(m.x), a.y(m.y), a.x(tx), a.y(ty), style.muted, 0.8, dashes(":", 0.8)))
    size = style.milestone_size * 0.9
    for b in (b for b in plan.geo.bands if b.first):
        window = b.window
        if window.notification_deadline:
            out.append(marker("v", a.x(day_num(window.notification_deadline)), a.y(b.y0 + 0.3), size,
                              style.exception_colour, None))  # fmt: skip
        if window.termination_notice:
            out.append(marker("^", a.x(day_num(window.termination_notice)), a.y(b.y0 + 0.3), size,
                              style.exception_colour, None))  # fmt: skip
        for day in window.review_dates:
            x, y = a.x(day_num(day)), a.y((b.y0 + b.y1) / 2)
            out.append(Rule(x, y - size / 2, x, y + size / 2, style.exception_colour, 1.5))
    half = style.milestone_size * 0.37
    for m in inside:
        x, y = a.x(m.x), a.y(m.y)
        out.append(
            marker("D", x, y, style.milestone_size, style.milestone_colour(m.status), style.foreground)
        )
        if m.unmet:
            out.append(Rule(x - half, y - half, x + half, y + half, style.foreground, 1.2))
            out.append(Rule(x - half, y + half, x + half, y - half, style.foreground, 1.2))
    return [item for item in out if not isinstance(item, Rule) or a.left - 1 <= item.x0 <= a.right + 1]


def _verticals(a: Area, marks: list[VerticalMark], style: ChartStyle) -> list[Item]:
    """EIF, today, review and sunset lines across the axes, labelled in the band above row 0."""
    out: list[Item] = []
    for mark in marks:
        dash, share = _VERTICAL[mark.kind]
        width = style.line_width * share
        x = a.x(mark.x)
        out.append(
            Rule(x, a.top, x, a.bottom, _vertical_colour(mark.kind, style), width, dashes(dash, width))
        )
    frame = a.frame
    tiers = max(frame.header_tiers, 1)
    band = frame.header_rows / tiers
    size = style.small_font_size
    for place in place_vertical_labels(marks, size, frame.points_per_day, a.span, tiers):
        y = a.y(-0.5 - frame.header_rows + band * (place.tier + 0.5))
        colour = _vertical_colour(place.mark.kind, style)
        anchor = Anchor.START if place.align == "left" else Anchor.END
        label = LabelPlace(place.x, 0, place.mark.label, colour, place.align, True)
        out += _boxed(a.x(place.x), y, label, size, style, anchor, 1.0)
    return out


def _vertical_colour(kind: VerticalKind, style: ChartStyle) -> str:
    if kind is VerticalKind.TODAY:
        return style.today_colour
    return style.foreground if kind is VerticalKind.EIF else style.review_colour


def _labels(a: Area, places: list[LabelPlace], style: ChartStyle, measure: Measure) -> list[Item]:
    out: list[Item] = []
    size = style.small_font_size
    for place in places:
        anchor = Anchor.MIDDLE if place.align == "center" else Anchor.START
        y = a.y(place.y) - (size * 0.6 if place.bottom else 0.0)
        if place.boxed:
            out += _boxed(a.x(place.x), y, place, size, style, anchor, 1.0 if place.bottom else 0.85, measure)
        else:
            out.append(
                Text(a.x(place.x), y, place.text, size, place.colour, place.bold, anchor, Baseline.MIDDLE)
            )
    return out


def _boxed(
    x: float,
    y: float,
    place: LabelPlace,
    size: float,
    style: ChartStyle,
    anchor: Anchor,
    alpha: float,
    measure: Measure = estimate,
) -> list[Item]:
    """A text on a box of the background colour (readable over lines, hatching and bars)."""
    width, pad = measure(place.text, size, place.bold), size * 0.15
    left = {Anchor.START: x, Anchor.MIDDLE: x - width / 2, Anchor.END: x - width}[anchor]
    box = Box(
        left - pad, y - size * 0.6 - pad, width + 2 * pad, size * 1.2 + 2 * pad, style.background, alpha
    )
    return [box, Text(x, y, place.text, size, place.colour, place.bold, anchor, Baseline.MIDDLE)]
