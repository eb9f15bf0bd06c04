"""The Gantt chart: draws a resolved schedule onto a given figure, one PolyCollection per kind of bar."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axes._secondary_axes import SecondaryAxis
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text

from carveplan.chart.artists import draw_bars, draw_milestones, draw_verticals
from carveplan.chart.axes import TickPlan, apply_date_axis, apply_year_axis, day_num
from carveplan.chart.frame import Frame, default_window, labelled_rows, make_frame, row_label
from carveplan.chart.geometry import Geometry, build_geometry
from carveplan.chart.hit import Hit, HitIndex
from carveplan.chart.labels import draw_labels
from carveplan.chart.legend import (
    LegendContent,
    draw_legend,
    draw_title_block,
    legend_handles,
    legend_layout,
    subtitle_text,
)
from carveplan.chart.marks import MilestoneMark, VerticalMark, milestone_marks, vertical_marks
from carveplan.chart.rows import Row, RowSelection, layout_rows
from carveplan.chart.style import SCREEN, ChartStyle
from carveplan.engine.schedule import Schedule
from carveplan.model import MilestoneId, MilestoneStatus


@dataclass
class GanttArtists:
    """What :func:`draw_gantt` drew, and what lies under a point.

    Attributes:
        figure: the figure drawn on.
        ax: the chart's axes (x: date numbers, y: rows, row 0 at the top).
        year_axis: the agreement-year axis on top.
        rows: the rows drawn, ``rows[i].y == i``.
        window: first and last day shown.
        style: the style used.
        frame: the page layout (sizes of a row and a day in points).
        tick_plan: the date axis ticks.
        collections: ``stripes``, ``bands``, ``ghosts``, ``phases``, ``excluded``, ``blocked``,
            ``groups``, ``connectors``, ``milestones``, ``unmet``, ``highlight`` (halos behind
            highlighted diamonds), ``deadlines``, ``exception_reviews``.
        labels: texts inside and beside the bars.
        markers: vertical lines by kind (``eif``, ``today``, ``review``, ``sunset``) and their labels
            (``<kind>_labels``).
        milestones: the milestone marks drawn.
        legend: the legend.
        title: the title block texts.
        index: the hit index.
    """

    figure: Figure
    ax: Axes
    year_axis: SecondaryAxis
    rows: tuple[Row, ...]
    window: tuple[date, date]
    style: ChartStyle
    frame: Frame
    tick_plan: TickPlan
    collections: dict[str, Collection] = field(default_factory=dict)
    labels: list[Text] = field(default_factory=list)
    markers: dict[str, list[Artist]] = field(default_factory=dict)
    milestones: list[MilestoneMark] = field(default_factory=list)
    legend: Legend | None = None
    title: list[Text] = field(default_factory=list)
    index: HitIndex = field(default_factory=HitIndex)

    def hit(self, x_date_num: float, y: float) -> Hit | None:
        """What is under a point in data coordinates (``event.xdata``, ``event.ydata``).

        Args:
            x_date_num: the x coordinate, a matplotlib date number.
            y: the y coordinate in rows.

        Returns:
            A milestone within half a diamond, else the bar, group summary or exception band there.
        """
        radius = self.style.milestone_size * 0.75
        x_tol = radius / max(self.frame.points_per_day, 1e-9)
        y_tol = max(0.35, radius / max(self.frame.row_points, 1e-9))
        return self.index.find(x_date_num, y, x_tol, y_tol)


def draw_gantt(
    fig: Figure,
    schedule: Schedule,
    *,
    style: ChartStyle = SCREEN,
    rows: RowSelection | None = None,
    baseline: Schedule | None = None,
    window: tuple[date, date] | None = None,
    today: date | None = None,
    title: str | None = None,
    highlight: frozenset[MilestoneId] = frozenset(),
    ghost_label: str = "Baseline",
) -> GanttArtists:
    """Clear ``fig`` and draw the schedule's Gantt chart on it.

    Args:
        fig: the figure (its size decides the layout; the app redraws on resize).
        schedule: the resolved schedule (a scenario, or the baseline).
        style: screen, projector or print.
        rows: which rows, collapsed groups, selection and scroll window (default: all).
        baseline: drawn as ghost bars under each line, so scenario delays show.
        window: first and last day shown (default: everything, padded).
        today: where the "today" line goes (``None``: no line); also the "as of" date.
        title: the title (default: the agreement's title).
        highlight: milestones drawn with a halo (e.g. the gating chain of the line being examined).
        ghost_label: the legend's name for the ghost bars (a round drawn behind the chart).

    Returns:
        The artists drawn and a hit-test helper.
    """
    fig.clear()
    fig.patch.set_facecolor(style.background)
    visible = layout_rows(schedule, rows)
    start, end = window or default_window(schedule, baseline)
    span = (day_num(start), day_num(end))
    geo = build_geometry(schedule, visible, style, span, baseline)
    marks = [m for m in milestone_marks(schedule, visible) if span[0] <= m.x <= span[1]]
    verticals = [v for v in vertical_marks(schedule, today) if span[0] <= v.x <= span[1]]
    content = replace(_content(schedule, visible, geo, marks, verticals, baseline), ghost_label=ghost_label)
    handles = legend_handles(content, style)
    size = (float(fig.get_figwidth()), float(fig.get_figheight()))
    ncols, legend_points = legend_layout(handles, style, size[0] * 72 - 24)
    first = make_frame(size, visible, (), style, span, legend_points)
    labelled = labelled_rows(visible, style, first.row_points)
    frame = make_frame(size, visible, labelled, style, span, legend_points)
    ax = fig.add_axes(frame.rect)
    _prepare_axes(ax, visible, labelled, style, span, frame)
    plan = apply_date_axis(ax, start, end, style, max(2, int(frame.width_points // (style.font_size * 4.5))))
    top = apply_year_axis(
        ax,
        schedule.eif,
        schedule.agreement.stage_day,
        start,
        end,
        style,
        max(2, int(frame.width_points // (style.small_font_size * 3.5))),
    )
    art = GanttArtists(fig, ax, top, visible, (start, end), style, frame, plan, index=geo.index)
    art.collections = draw_bars(ax, geo, style, frame)
    art.collections.update(draw_milestones(ax, marks, geo, style, art.index, highlight))
    art.markers = draw_verticals(ax, verticals, style, frame)
    art.milestones = marks
    art.labels = draw_labels(ax, geo, marks, style, frame, span)
    if not visible:
        art.labels.append(
            ax.text(
                0.5,
                0.5,
                "No lines match the selection",
                transform=ax.transAxes,
                ha="center",
                va="center",
                color=style.muted,
                fontsize=style.font_size,
                parse_math=False,
            )
        )
    art.legend = draw_legend(fig, handles, style, ncols, frame.legend_bottom)
    subtitle = subtitle_text(
        schedule.scenario, schedule.eif, schedule.agreement.eif_tentative, today, len(schedule.lines)
    )
    if title:  # a page title (a sector, a page number) leaves the agreement's name to the subtitle
        subtitle = f"{schedule.agreement.title}  ·  {subtitle}"
    art.title = draw_title_block(
        fig,
        style,
        title or schedule.agreement.title,
        subtitle,
        schedule.agreement.classification,
        8 / (size[0] * 72),
        frame.title_top,
    )
    return art


def _content(
    schedule: Schedule,
    rows: tuple[Row, ...],
    geo: Geometry,
    marks: list[MilestoneMark],
    verticals: list[VerticalMark],
    baseline: Schedule | None,
) -> LegendContent:
    names = {s.id: s.name for s in schedule.agreement.sectors}
    shown = list(dict.fromkeys(r.sector for r in rows))
    quota_lines = {line.id for line in schedule.agreement.lines if line.quota is not None}
    statuses = {m.status for m in marks}
    kinds = {v.kind for v in verticals}
    return LegendContent(
        sectors=tuple((names.get(s, s), _hex(geo.sector_colours[s])) for s in shown),
        excluded=len(geo.excluded) > 0,
        blocked=len(geo.blocked) > 0,
        quotas=bool(quota_lines) and any(r.line in quota_lines for r in rows),
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


def _hex(colour: tuple[float, float, float, float]) -> str:
    r, g, b, _ = (round(c * 255) for c in colour)
    return f"#{r:02X}{g:02X}{b:02X}"


def _prepare_axes(
    ax: Axes,
    rows: tuple[Row, ...],
    labelled: list[Row],
    style: ChartStyle,
    span: tuple[float, float],
    frame: Frame,
) -> None:
    ax.set_facecolor(style.background)
    ax.set_xlim(*span)
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5 - frame.header_rows)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(style.muted)
    ax.grid(True, axis="x", which="major", color=style.muted, alpha=0.3, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_yticks([r.y for r in labelled], [row_label(r, style) for r in labelled])
    ax.tick_params(
        axis="y", length=0, pad=frame.label_points, labelsize=style.font_size, labelcolor=style.foreground
    )
    for text, row in zip(ax.get_yticklabels(), labelled, strict=True):
        text.set_parse_math(False)  # a description may hold "$" ("US$30/t"): never math
        text.set_horizontalalignment("left")
        if row.is_group:
            text.set_fontweight("bold")
