"""The body of a vector deck page: bars, exception bands, milestone and date marks, and the labels,
mapped from the chart's data coordinates to points on the page."""

from __future__ import annotations

import numpy as np

from carveplan.chart.axes import day_num
from carveplan.chart.bars import MIN_DIVIDER, Rects
from carveplan.chart.labels import LabelPlace
from carveplan.chart.marks import VerticalKind, VerticalMark, place_vertical_labels
from carveplan.chart.page_parts import Area, Measure, dashed_rect, dashes, estimate, marker
from carveplan.chart.plan import PagePlan
from carveplan.chart.style import ChartStyle
from carveplan.chart.vector import Anchor, Baseline, Box, Item, Rule, Text
from carveplan.model import MilestoneStatus

_VERTICAL = {  # line style and width share of each date mark, as the app's chart draws them
    VerticalKind.EIF: ("-", 1.0),
    VerticalKind.TODAY: ("--", 1.0),
    VerticalKind.REVIEW: (":", 0.8),
    VerticalKind.SUNSET: ("-.", 1.4),
}


def _hexes(colours: np.ndarray) -> list[str]:
    values = np.clip(np.round(colours[:, :3] * 255), 0, 255).astype(np.int64)
    packed = (values[:, 0] << 16) | (values[:, 1] << 8) | values[:, 2]
    return [f"#{v:06X}" for v in packed.tolist()]


def rects(
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


def bars(a: Area, plan: PagePlan, style: ChartStyle) -> list[Item]:
    geo = plan.geo
    edge = min(style.divider_width, a.frame.row_points * 0.12)
    out: list[Item] = []
    bands = Rects()
    colour = tuple(int(style.exception_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    for b in geo.bands:
        bands.add(b.x0, b.x1, b.y0, b.y1, (*colour, style.exception_alpha))  # type: ignore[arg-type]
    out += rects(a, bands, style.exception_colour, min(0.9, edge + 0.3), bool(style.exception_hatch))
    out += rects(a, geo.ghosts)
    out += rects(a, geo.phases, style.background if edge >= MIN_DIVIDER else None, edge)
    out += rects(a, geo.excluded, style.muted, edge, True)
    out += rects(a, geo.blocked, style.muted, edge * 0.6, True)
    out += rects(a, geo.groups)
    for box in rects(a, geo.quota_rects()):
        assert isinstance(box, Box)
        out += dashed_rect(
            box.x, box.y, box.x + box.width, box.y + box.height, style.foreground, max(edge * 2, 1)
        )
    return out


def marks(a: Area, plan: PagePlan, style: ChartStyle) -> list[Item]:
    """Gate connectors, exception deadlines, milestone diamonds (crossed when unmet)."""
    out: list[Item] = []
    inside = [m for m in plan.marks if a.span[0] <= m.x <= a.span[1]]
    dotted = dashes(":", 0.8)
    for m in inside:
        for tx, ty in m.targets:
            out.append(Rule(a.x(m.x), a.y(m.y), a.x(tx), a.y(ty), style.muted, 0.8, dotted))
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
    faces = {status: style.milestone_colour(status) for status in MilestoneStatus}
    for m in inside:
        x, y = a.x(m.x), a.y(m.y)
        out.append(marker("D", x, y, style.milestone_size, faces[m.status], style.foreground))
        if m.unmet:
            out.append(Rule(x - half, y - half, x + half, y + half, style.foreground, 1.2))
            out.append(Rule(x - half, y + half, x + half, y - half, style.foreground, 1.2))
    return [item for item in out if not isinstance(item, Rule) or a.left - 1 <= item.x0 <= a.right + 1]


def verticals(
    a: Area, marks: list[VerticalMark], style: ChartStyle, measure: Measure = estimate
) -> list[Item]:
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
        out += _boxed(a.x(place.x), y, label, size, style, anchor, 1.0, measure)
    return out


def _vertical_colour(kind: VerticalKind, style: ChartStyle) -> str:
    if kind is VerticalKind.TODAY:
        return style.today_colour
    return style.foreground if kind is VerticalKind.EIF else style.review_colour


def labels(a: Area, places: list[LabelPlace], style: ChartStyle, measure: Measure) -> list[Item]:
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
