"""The page frame: margins for row labels, title block, year axis and legend, in points then fractions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING

from carveplan.chart.axes import day_num, num_day
from carveplan.chart.rows import Row, RowKind
from carveplan.chart.style import ChartStyle
from carveplan.chart.text import shorten, text_points
from carveplan.engine.dates import add_months
from carveplan.engine.schedule import Schedule
from carveplan.model.timing import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from carveplan.chart.extents import LineExtents


@dataclass(frozen=True)
class Frame:
    """Where the chart's axes sit and how big a day and a row are on the page.

    Attributes:
        rect: axes ``(left, bottom, width, height)`` as figure fractions.
        width_points: axes width in points.
        height_points: axes height in points.
        row_points: height of one row in points.
        points_per_day: width of one day in points.
        label_points: room for row labels left of the axes, in points.
        header_rows: the band above row 0 (in rows) kept for marker labels (EIF, Today, reviews).
        legend_bottom: the legend's lower edge (figure fraction).
        title_top: the title block's upper edge (figure fraction).
        label_chars: longest row label before it is cut: the style's, or more on a wide page.
        header_tiers: lines of date-mark labels the header band holds.
        slots: rows the axes are divided into.
    """

    rect: tuple[float, float, float, float]
    width_points: float
    height_points: float
    row_points: float
    points_per_day: float
    label_points: float
    header_rows: float
    legend_bottom: float
    title_top: float
    label_chars: int = 0
    header_tiers: int = 1
    slots: int = 0


def row_label(row: Row, style: ChartStyle, chars: int = 0) -> str:
    """A row's label, indented by level and cut to ``chars`` (the style's length by default)."""
    chars = chars or style.label_chars
    if row.kind is RowKind.SECTOR:
        return shorten(row.label, chars)
    if row.kind is RowKind.PARTY:
        return "  " + shorten(row.label, chars - 2)
    return "      " + shorten(row.label, chars - 6)


def wide_label_chars(width_points: float, style: ChartStyle) -> int:
    """How long a row label may be on a page ``width_points`` wide: descriptions use the room there
    is, and are cut at the style's length only where the page is narrow."""
    return max(style.label_chars, int(width_points * style.label_share / text_points("x", style.font_size)))


def make_frame(
    fig_size: tuple[float, float],
    rows: Sequence[Row],
    labelled: Sequence[Row],
    style: ChartStyle,
    span: tuple[float, float],
    legend_points: float,
    title_block: bool = True,
    header_tiers: int = 1,
    label_chars: int = 0,
    page_rows: int = 0,
) -> Frame:
    """Lay out the page for a figure of ``fig_size`` inches.

    Args:
        fig_size: figure width and height in inches.
        rows: all rows drawn.
        labelled: the rows whose labels show (they decide the left margin).
        style: the chart style.
        span: the window as date numbers.
        legend_points: height of the legend block.
        title_block: leave room for the title block (``False``: the app folds it away).
        header_tiers: lines of date-mark labels above the rows (a second when labels crowd).
        label_chars: longest row label before it is cut (the style's by default).
        page_rows: rows a full page holds: a page with fewer keeps their height, not stretched, and
            ends under its last row (the date axis and legend move up with it).

    Returns:
        The frame.
    """
    width, height = fig_size[0] * 72, fig_size[1] * 72
    chars = label_chars or style.label_chars
    longest = max((text_points(row_label(r, style, chars), style.font_size) for r in labelled), default=0)
    # The estimate runs wide for lower case and indents: no extra slack beyond half an em.
    label_points = min(longest + style.font_size * 0.5, width * (style.label_share + 0.06))
    left = label_points + style.font_size * 0.8
    right = style.font_size * 1.6
    title_room = style.title_size * 1.5 + style.font_size * 1.6 + 12 if title_block else 4.0
    year_axis = style.small_font_size * 2.0 + 6
    top = title_room + year_axis
    date_axis = style.font_size * 3.0 + 8
    bottom = date_axis + legend_points + 6
    axes_w = max(width - left - right, 10.0)
    axes_h = max(height - top - bottom, 10.0)
    days = max(span[1] - span[0], 1.0)
    header = min(style.small_font_size * (2.0 + 1.3 * (header_tiers - 1)), axes_h * 0.2 * header_tiers)
    slots = max(len(rows), page_rows, 1)
    row_points = (axes_h - header) / slots
    # A short page keeps a full page's rows and closes up under its last one: the axes end there and
    # the date axis and legend follow, so no empty band of rows runs through the chart.
    cut = (slots - max(len(rows), 1)) * row_points
    axes_h -= cut
    rect = (left / width, (bottom + cut) / height, axes_w / width, axes_h / height)
    return Frame(
        rect=rect,
        width_points=axes_w,
        height_points=axes_h,
        row_points=row_points,
        points_per_day=axes_w / days,
        label_points=label_points,
        header_rows=header / row_points,
        legend_bottom=(4 + cut) / height,
        title_top=1 - 8 / height,
        label_chars=chars,
        header_tiers=header_tiers,
        slots=max(len(rows), 1),
    )


def labelled_rows(rows: Sequence[Row], style: ChartStyle, row_points: float) -> list[Row]:
    """The rows that get a label: all when rows are tall enough, else group headers that have room."""
    if row_points >= style.label_min_points:
        return list(rows)
    groups = [r for r in rows if r.is_group]
    room = style.font_size * 1.05 / max(row_points, 1e-6)
    kept: list[Row] = []
    for row in groups:
        if not kept or row.y - kept[-1].y >= room:
            kept.append(row)
    return kept


def default_window(
    schedule: Schedule, baseline: Schedule | None = None, extents: LineExtents | None = None
) -> tuple[date, date]:
    """A window holding every date of the schedule (and the baseline), padded a little each side.

    Args:
        schedule: the schedule drawn.
        baseline: the baseline drawn behind it, if any.
        extents: the lines' dates kept from the last redraw (the app's chart; the baseline's, which
            an edit of a scenario does not replace, are walked again only when it is replaced).

    Returns:
        ``(first, last)`` day shown; at least a year wide.
    """
    days: list[date] = []
    for sched in (schedule, baseline):
        if sched is None:
            continue
        days.append(sched.eif)
        if extents is None or sched is baseline:
            days.extend(_schedule_days(sched))
        else:
            days.extend(d for d in extents.line_days(sched) if d is not None)
            days.extend(_mark_days(sched))
    # A chain of offsets can resolve past any calendar (year 10184): show the planning calendar and
    # the century after it, as reviews and stage years run, and no more.
    first, last = day_num(date(FIRST_YEAR, 1, 1)), day_num(date(LAST_YEAR + 100, 12, 31))
    lo, hi = (min(max(day_num(d), first), last - 365) for d in (min(days), max(days)))
    pad = max(30.0, (hi - lo) * 0.03)
    hi = min(max(hi + pad, lo + 365), last)
    return num_day(max(lo - pad, first)), num_day(hi)


def _schedule_days(sched: Schedule) -> set[date]:
    # A set: tens of thousands of phases share a few hundred dates.
    phases = chain.from_iterable(map(attrgetter("phases"), sched.lines))
    out: set[date | None] = set(chain.from_iterable(map(attrgetter("start", "nominal_start"), phases)))
    out.update(map(attrgetter("final_date"), sched.lines))
    out.update(_mark_days(sched))
    return {d for d in out if d is not None}


def _mark_days(sched: Schedule) -> set[date]:
    """The dates of the milestones, exception windows and first reviews of ``sched``."""
    out: set[date | None] = set()
    out.update(d for m in sched.milestones for d in (m.date, m.due))
    out.update(d for w in sched.windows for d in (w.start, w.end))
    # Periodic reviews can run for a century: only term ends within 30 years widen the window.
    horizon = add_months(sched.eif, 30 * 12)
    out.update(r.date for r in sched.reviews if r.number == 0 and r.date <= horizon)
    return {d for d in out if d is not None}
