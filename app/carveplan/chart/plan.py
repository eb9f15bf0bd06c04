"""What one page of the chart draws, worked out before anything is drawn: shared by the matplotlib
chart and the vector page builder, so a deck page and the app's chart agree."""

from __future__ import annotations

from dataclasses import dataclass, replace

from carveplan.chart.frame import Frame, labelled_rows, make_frame, wide_label_chars
from carveplan.chart.geometry import Geometry, build_geometry
from carveplan.chart.groups import GroupSpans
from carveplan.chart.legend import LegendContent, LegendEntry, legend_entries, legend_layout
from carveplan.chart.marks import MilestoneMark, VerticalMark, milestone_marks, place_vertical_labels
from carveplan.chart.rows import Row
from carveplan.chart.style import ChartStyle
from carveplan.engine.schedule import Schedule
from carveplan.model import MilestoneStatus


@dataclass(frozen=True)
class PagePlan:
    """What one page draws.

    Attributes:
        geo: bars, bands and the hit index in data coordinates.
        marks: the milestone marks in the window.
        entries: the legend's entries (none when the legend is folded away).
        ncols: the legend's columns.
        labelled: the rows whose labels show.
        frame: the page layout.
        legend: whether the legend is drawn.
        title_block: whether the title block is drawn.
    """

    geo: Geometry
    marks: list[MilestoneMark]
    entries: list[LegendEntry]
    ncols: int
    labelled: list[Row]
    frame: Frame
    legend: bool = True
    title_block: bool = True


def plan_page(
    size: tuple[float, float],
    schedule: Schedule,
    rows: tuple[Row, ...],
    style: ChartStyle,
    span: tuple[float, float],
    baseline: Schedule | None,
    verticals: list[VerticalMark],
    ghost_label: str,
    legend: bool = True,
    title_block: bool = True,
    wide_labels: bool = False,
    page_rows: int = 0,
    groups: GroupSpans | None = None,
) -> PagePlan:
    """Lay out one page of ``size`` inches showing ``rows``.

    Args:
        size: the page's width and height in inches.
        schedule: the schedule drawn.
        rows: the rows, laid out from ``y == 0``.
        style: the chart style.
        span: the window as date numbers.
        baseline: drawn as ghost bars, if any.
        verticals: the date marks in the window.
        ghost_label: the legend's name for the ghost bars.
        legend: leave room for and list the legend.
        title_block: leave room for the title block.
        wide_labels: row labels fill their share of a wide page (the app).
        page_rows: rows a full page holds (a short page keeps their height).
        groups: the groups' summary bars kept across a deck's pages.

    Returns:
        The plan.
    """
    geo = build_geometry(schedule, rows, style, span, baseline, groups)
    marks = [m for m in milestone_marks(schedule, rows) if span[0] <= m.x <= span[1]]
    content = replace(
        legend_content(schedule, rows, geo, marks, verticals, baseline), ghost_label=ghost_label
    )
    entries = legend_entries(content, style) if legend else []
    labels = [e.label for e in entries]
    ncols, legend_points = legend_layout(labels, style, size[0] * 72 - 24) if legend else (1, 0.0)
    chars = wide_label_chars(size[0] * 72, style) if wide_labels else style.label_chars
    kept = {"label_chars": chars, "page_rows": page_rows}
    first = make_frame(size, rows, (), style, span, legend_points, title_block, **kept)
    labelled = labelled_rows(rows, style, first.row_points)
    frame = make_frame(size, rows, labelled, style, span, legend_points, title_block, **kept)
    if _crowded(verticals, style, frame, span):  # a second line of date-mark labels
        frame = make_frame(size, rows, labelled, style, span, legend_points, title_block, 2, **kept)
    return PagePlan(geo, marks, entries, ncols, labelled, frame, legend, title_block)


def _crowded(marks: list[VerticalMark], style: ChartStyle, frame: Frame, span: tuple[float, float]) -> bool:
    """Whether a date mark's label is left out on one line of labels but fits on two."""
    size, ppd = style.small_font_size, frame.points_per_day
    one = len(place_vertical_labels(marks, size, ppd, span, 1))
    return one < len(marks) and len(place_vertical_labels(marks, size, ppd, span, 2)) > one


def tick_counts(frame: Frame, style: ChartStyle) -> tuple[int, int]:
    """How many date labels and agreement-year labels the axes' width holds."""
    return (
        max(2, int(frame.width_points // (style.font_size * 4.5))),
        max(2, int(frame.width_points // (style.small_font_size * 3.5))),
    )


def legend_content(
    schedule: Schedule,
    rows: tuple[Row, ...],
    geo: Geometry,
    marks: list[MilestoneMark],
    verticals: list[VerticalMark],
    baseline: Schedule | None,
) -> LegendContent:
    """What the page shows, so its legend lists only that."""
    names = {s.id: s.name for s in schedule.agreement.sectors}
    shown = list(dict.fromkeys(r.sector for r in rows))
    statuses = {m.status for m in marks}
    kinds = {v.kind for v in verticals}
    index = schedule.line_index  # the page's rows only: a deck asks this for hundreds of pages
    quotas = any(index[r.line].line.quota is not None for r in rows if r.line is not None and r.line in index)
    return LegendContent(
        sectors=tuple((names.get(s, s), hex_colour(geo.sector_colours[s])) for s in shown),
        excluded=len(geo.excluded) > 0,
        blocked=len(geo.blocked) > 0,
        quotas=quotas,
        ghost=baseline is not None and len(geo.ghosts) > 0,
        exceptions=bool(geo.bands),
        deadlines=any(
            b.first and (b.window.notification_deadline or b.window.termination_notice) for b in geo.bands
        ),
        statuses=tuple(s for s in MilestoneStatus if s in statuses),
        reviews="review" in kinds,
        sunsets="sunset" in kinds,
        today="today" in kinds,
    )


def hex_colour(colour: tuple[float, float, float, float]) -> str:
    """An RGBA colour (0-1) as ``#RRGGBB`` (alpha dropped)."""
    r, g, b, _ = (round(c * 255) for c in colour)
    return f"#{r:02X}{g:02X}{b:02X}"
