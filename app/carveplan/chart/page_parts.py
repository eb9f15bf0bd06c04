"""The chrome of a vector deck page: date and agreement-year axes, row labels, title block, legend.

Sizes follow what matplotlib draws for the same page (tick lengths, pads, legend spacing), so a
deck page set from these items looks like the chart in the app.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from carveplan.chart.axes import TickPlan, day_num
from carveplan.chart.frame import Frame, row_label
from carveplan.chart.legend import LegendEntry
from carveplan.chart.rows import Row
from carveplan.chart.style import ChartStyle
from carveplan.chart.text import shorten, text_points
from carveplan.chart.vector import Anchor, Baseline, Box, Item, Mark, Polyline, Rule, Shape, Text

Measure = Callable[[str, float, bool], float]  # text, size, bold -> width in points
_TICK, _PAD = 3.5, 3.5  # matplotlib's major tick length and label pad
_DASHES = {"-": (), "--": (3.7, 1.6), ":": (1.0, 1.65), "-.": (6.4, 1.6, 1.0, 1.6)}


def estimate(text: str, size: float, bold: bool = False) -> float:
    """The chart's own width estimate, when the writer has no font metrics to give."""
    return text_points(text, size) * (1.08 if bold else 1.0)


def dashes(style: str, width: float) -> tuple[float, ...]:
    """matplotlib's dash pattern for a line style, scaled by the line's width as matplotlib does."""
    return tuple(d * max(width, 1.0) for d in _DASHES.get(style, ()))


def mix(colour: str, background: str, share: float) -> str:
    """``colour`` laid over ``background`` at opacity ``share`` (a grid line at alpha 0.3)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * share + y * (1 - share)):02X}" for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class Area:
    """The axes on the page in points (y down) and the data-to-page mapping."""

    left: float
    top: float
    right: float
    bottom: float
    span: tuple[float, float]
    y_top: float  # the row coordinate at the axes' top edge
    frame: Frame

    def x(self, value: float) -> float:
        """A date number's place across the page."""
        return self.left + (value - self.span[0]) * self.frame.points_per_day

    def y(self, row: float) -> float:
        """A row coordinate's place down the page."""
        return self.top + (row - self.y_top) * self.frame.row_points


def area(frame: Frame, size: tuple[float, float], span: tuple[float, float]) -> Area:
    """Where ``frame``'s axes sit on a page of ``size`` points."""
    width, height = size
    left, bottom, w, h = frame.rect
    return Area(left * width, height * (1 - bottom - h), (left + w) * width, height * (1 - bottom), span,
                -0.5 - frame.header_rows, frame)  # fmt: skip


def date_axis(a: Area, plan: TickPlan, style: ChartStyle, out: list[Item]) -> None:
    """The grid behind the bars is drawn by :func:`grid`; this is the spine, ticks and labels below."""
    out.append(Rule(a.left, a.bottom, a.right, a.bottom, style.muted, 0.8))
    for day in plan.minor:
        x = a.x(day_num(day))
        if a.left <= x <= a.right:
            out.append(Rule(x, a.bottom, x, a.bottom + 2, style.muted, 0.6))
    for day, label in zip(plan.major, plan.labels, strict=True):
        x = a.x(day_num(day))
        if not a.left - 0.01 <= x <= a.right + 0.01:
            continue
        out.append(Rule(x, a.bottom, x, a.bottom + _TICK, style.foreground, 0.8))
        for i, part in enumerate(label.split("\n")):
            y = a.bottom + _TICK + _PAD + i * style.font_size * 1.2
            out.append(Text(x, y, part, style.font_size, style.foreground, anchor=Anchor.MIDDLE,
                            baseline=Baseline.TOP))  # fmt: skip


def grid(a: Area, plan: TickPlan, style: ChartStyle) -> list[Item]:
    """Vertical grid lines at the labelled dates (under the bars)."""
    colour = mix(style.muted, style.background, 0.3)
    xs = [a.x(day_num(d)) for d in plan.major]
    return [Rule(x, a.top, x, a.bottom, colour, 0.6) for x in xs if a.left <= x <= a.right]


def year_axis(
    a: Area, years: Sequence[tuple[int, float, float]], every: int, style: ChartStyle
) -> list[Item]:
    """Ticks at each stage day above the axes and ``Y1``, ``Y2``... between them.

    Args:
        a: the axes.
        years: ``(number, first day, next year's first day)`` as date numbers.
        every: label every ``every``-th year.
        style: the chart style.
    """
    out: list[Item] = []
    lo, hi = a.span
    for number, first, following in years:
        if lo <= first <= hi:
            out.append(Rule(a.x(first), a.top, a.x(first), a.top - 4, style.muted, 0.8))
        shown = (number - 1) % every == 0 if every <= 2 else number == 1 or number % every == 0
        if shown:
            mid = min(max((first + following) / 2, lo), hi)
            y = a.top - _PAD - style.small_font_size * 0.22
            out.append(
                Text(a.x(mid), y, f"Y{number}", style.small_font_size, style.muted, anchor=Anchor.MIDDLE)
            )
    return out


def row_labels(a: Area, labelled: Sequence[Row], style: ChartStyle) -> list[Item]:
    """Each labelled row's name left of the axes, group headers in bold."""
    x = a.left - a.frame.label_points
    return [
        Text(
            x,
            a.y(r.y),
            row_label(r, style, a.frame.label_chars),
            style.font_size,
            style.foreground,
            bold=r.is_group,
            baseline=Baseline.MIDDLE,
        )
        for r in labelled
    ]


def title_block(
    size: tuple[float, float],
    style: ChartStyle,
    title: str,
    subtitle: str,
    classification: str,
    measure: Measure,
) -> list[Item]:
    """The title and a line of context at the top left, the classification label boxed at the right."""
    out: list[Item] = []
    right = size[0] - 8.0
    if classification:
        edge = "#000000" if style.name == "print" else "#D55E00"
        label, pad = classification.upper(), style.font_size * 0.35
        width = measure(label, style.font_size, True)
        x = size[0] * 0.985
        out.append(Box(x - width - pad, 8 - pad, width + 2 * pad, style.font_size * 1.2 + 2 * pad,
                       style.background, stroke=edge, stroke_width=1.2))  # fmt: skip
        out.append(
            Text(x, 8, label, style.font_size, edge, bold=True, anchor=Anchor.END, baseline=Baseline.TOP)
        )
        right = x - width - pad - style.font_size
    title = _fit(title, right - 8, style.title_size, True, measure)
    subtitle = _fit(subtitle, size[0] - 16, style.font_size, False, measure)
    out.insert(0, Text(8, 8, title, style.title_size, style.foreground, bold=True, baseline=Baseline.TOP))
    out.insert(
        1, Text(8, 8 + style.title_size * 1.45, subtitle, style.font_size, style.muted, baseline=Baseline.TOP)
    )
    return out


def _fit(text: str, room: float, size: float, bold: bool, measure: Measure) -> str:
    """``text`` cut with an ellipsis until it fits ``room`` points."""
    chars = len(text)
    while chars > 8 and measure(text, size, bold) > room:
        chars = max(8, int(chars * room / measure(text, size, bold)) - 1)
        text = shorten(text, chars)
    return text


def legend(
    entries: Sequence[LegendEntry], ncols: int, size: tuple[float, float], style: ChartStyle, measure: Measure
) -> list[Item]:
    """The legend centred under the chart, columns filled top to bottom as matplotlib fills them."""
    if not entries:
        return []
    em = style.small_font_size
    handle, gap, spacing, step = 1.6 * em, 0.8 * em, 1.4 * em, 1.5 * em
    ncols = max(1, min(ncols, len(entries)))
    nrows = -(-len(entries) // ncols)
    # As matplotlib: the first ``len % ncols`` columns hold one entry more than the others.
    columns, start = [], 0
    for c in range(ncols):
        count = len(entries) // ncols + (1 if c < len(entries) % ncols else 0)
        columns.append(entries[start : start + count])
        start += count
    widths = [handle + gap + max(measure(e.label, em, False) for e in col) for col in columns if col]
    x = (size[0] - sum(widths) - spacing * (len(widths) - 1)) / 2
    top = size[1] - 4 - 0.4 * em - nrows * step
    out: list[Item] = []
    for col, width in zip(columns, widths, strict=False):
        for r, entry in enumerate(col):
            y = top + (r + 0.5) * step
            out += _handle(entry, x, y, handle, em, style)
            out.append(Text(x + handle + gap, y, entry.label, em, style.foreground, baseline=Baseline.MIDDLE))
        x += width + spacing
    return out


def _handle(
    entry: LegendEntry, x: float, y: float, length: float, em: float, style: ChartStyle
) -> list[Item]:
    if entry.kind == "line":
        return [Rule(x, y, x + length, y, entry.colour, entry.width, dashes(entry.dash, entry.width))]
    if entry.kind == "marker":
        return [marker(entry.marker, x + length / 2, y, entry.size, entry.colour, entry.edge)]
    h = 0.7 * em
    fill = None if entry.colour == "none" else entry.colour
    stroke = entry.edge if entry.edge and entry.dash == "-" else None
    box = Box(x, y - h / 2, length, h, fill, entry.alpha, stroke, 1.0 if stroke else 0.0, bool(entry.hatch))
    if entry.dash == "-":
        return [box]
    return [box, *dashed_rect(x, y - h / 2, x + length, y + h / 2, entry.edge or style.foreground, 1.0)]


def dashed_rect(x0: float, y0: float, x1: float, y1: float, colour: str, width: float) -> list[Item]:
    """A rectangle's outline in dashes (a tariff-rate quota's bar)."""
    dash = dashes("--", width)
    corners = ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))
    return [Polyline(corners, colour, width, dash)]


def marker(
    kind: str, x: float, y: float, size: float, fill: str, stroke: str | None, width: float = 1.0
) -> Item:
    """A matplotlib marker (``D``, ``^``, ``v``) as a vector mark."""
    if kind == "v":
        h = size / 2
        return Polyline(((x - h, y - h), (x + h, y - h), (x, y + h)), None, 0.0, fill=fill, closed=True)
    shape = {"D": Shape.DIAMOND, "^": Shape.TRIANGLE, "s": Shape.SQUARE}.get(kind, Shape.CIRCLE)
    across = size * math.sqrt(2) if shape is Shape.DIAMOND else size  # matplotlib's "D" is a turned square
    return Mark(x, y, across, shape, fill, stroke, width if stroke else 0.0)
