"""The Gantt chart: draws a resolved schedule onto a given figure, one PolyCollection per kind of bar."""

from __future__ import annotations

from collections.abc import Collection as Many
from dataclasses import dataclass, field
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
from carveplan.chart.extents import LineExtents
from carveplan.chart.frame import Frame, default_window, row_label
from carveplan.chart.geometry import build_geometry
from carveplan.chart.groups import GroupSpans
from carveplan.chart.hit import Hit, HitIndex
from carveplan.chart.labels import draw_labels, label_row
from carveplan.chart.legend import draw_legend, draw_title_block, legend_handle, subtitle_text
from carveplan.chart.marks import MilestoneMark, VerticalMark, milestone_marks, vertical_marks
from carveplan.chart.plan import PagePlan, plan_page, tick_counts
from carveplan.chart.rows import Row, RowSelection, layout_rows
from carveplan.chart.style import SCREEN, ChartStyle
from carveplan.engine.schedule import Schedule
from carveplan.model import MilestoneId


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
    visible: tuple[Row, ...] | None = None,
    ghost_label: str = "Baseline",
    empty_hint: str = "",
    title_block: bool = True,
    legend: bool = True,
    wide_labels: bool = False,
    page_rows: int = 0,
    lines: int | None = None,
    extents: LineExtents | None = None,
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
        visible: the rows already laid out (a page of a deck); ``rows`` is then not read.
        ghost_label: the legend's name for the ghost bars (a round drawn behind the chart).
        empty_hint: what to do next, drawn instead of "No lines match" when the agreement has no line.
        title_block: draw the title block (exports); the app folds it away to show more rows.
        legend: draw the legend (exports); the app folds it away to show more rows.
        wide_labels: row labels fill their share of a wide page before they are cut (the app);
            pages of a deck keep the style's length, so their margins agree.
        page_rows: rows a full page holds (presentation mode): a short page keeps that row height.
        lines: the line count the subtitle gives (a deck of one party counts that party's lines).
        extents: the lines' figures kept between redraws (the app's chart, see :mod:`chart.extents`).

    Returns:
        The artists drawn and a hit-test helper.
    """
    fig.clear()
    fig.patch.set_facecolor(style.background)
    shown = layout_rows(schedule, rows) if visible is None else visible
    start, end = window or default_window(schedule, baseline)
    span = (day_num(start), day_num(end))
    verticals = [v for v in vertical_marks(schedule, today) if span[0] <= v.x <= span[1]]
    groups = extents.spans(schedule, span[1]) if extents is not None else None
    plan = plan_page(_size(fig), schedule, shown, style, span, baseline, verticals, ghost_label, legend,
                     title_block, wide_labels, page_rows, groups)  # fmt: skip
    ax = fig.add_axes(plan.frame.rect)
    _prepare_axes(ax, style, span)
    ticks = tick_counts(plan.frame, style)
    tick_plan = apply_date_axis(ax, start, end, style, ticks[0])
    top = apply_year_axis(ax, schedule.eif, schedule.agreement.stage_day, start, end, style, ticks[1])
    art = GanttArtists(fig, ax, top, shown, (start, end), style, plan.frame, tick_plan)
    _draw_page(art, schedule, plan, verticals, today, title, highlight, empty_hint, lines)
    return art


class GanttPages:
    """Page after page of one schedule on one figure, as a deck draws them.

    The axes, the date and agreement-year axes (hundreds of tick artists) and the window are made
    once; each page replaces only what depends on its rows: bars, labels, row labels, legend and
    title. A page whose frame needs other date ticks is drawn afresh.
    """

    def __init__(
        self,
        fig: Figure,
        schedule: Schedule,
        *,
        style: ChartStyle = SCREEN,
        baseline: Schedule | None = None,
        window: tuple[date, date] | None = None,
        today: date | None = None,
        ghost_label: str = "Baseline",
        lines: int | None = None,
    ) -> None:
        self.ghost_label, self.lines = ghost_label, lines
        self.fig, self.schedule, self.style, self.baseline, self.today = fig, schedule, style, baseline, today
        self.window = window or default_window(schedule, baseline)
        self.span = (day_num(self.window[0]), day_num(self.window[1]))
        self.verticals = [v for v in vertical_marks(schedule, today) if self.span[0] <= v.x <= self.span[1]]
        self._art: GanttArtists | None = None
        self.groups = GroupSpans(schedule, self.span[1])
        self._ticks: tuple[int, int] = (0, 0)

    def draw(self, rows: tuple[Row, ...], title: str | None = None) -> GanttArtists:
        """Draw one page: ``rows`` laid out from ``y == 0`` (see :func:`chart.rows.window`).

        Returns:
            The artists of this page (valid until the next call).
        """
        plan = plan_page(_size(self.fig), self.schedule, rows, self.style, self.span, self.baseline,
                         self.verticals, self.ghost_label, groups=self.groups)  # fmt: skip
        art = self._art
        if art is None or tick_counts(plan.frame, self.style) != self._ticks:
            art = draw_gantt(self.fig, self.schedule, style=self.style, baseline=self.baseline,
                             window=self.window, today=self.today, title=title, visible=rows,
                             ghost_label=self.ghost_label, lines=self.lines)  # fmt: skip
            self._art, self._ticks = art, tick_counts(art.frame, self.style)
            return art
        _remove_page(art)
        art.ax.set_position(plan.frame.rect)
        art.rows, art.frame = rows, plan.frame
        _draw_page(art, self.schedule, plan, self.verticals, self.today, title, frozenset(), lines=self.lines)
        return art


def _draw_page(
    art: GanttArtists,
    schedule: Schedule,
    plan: PagePlan,
    verticals: list[VerticalMark],
    today: date | None,
    title: str | None,
    highlight: frozenset[MilestoneId],
    empty_hint: str = "",
    lines: int | None = None,
) -> None:
    """Everything that depends on the rows: row labels, bars, marks, labels, legend and title."""
    ax, style, frame, geo = art.ax, art.style, plan.frame, plan.geo
    span = (day_num(art.window[0]), day_num(art.window[1]))
    _row_axis(ax, art.rows, plan.labelled, style, frame)
    art.index = geo.index
    art.collections = draw_bars(ax, geo, style, frame)
    art.collections.update(draw_milestones(ax, plan.marks, geo, style, art.index, highlight))
    art.markers = draw_verticals(ax, verticals, style, frame)
    art.milestones = plan.marks
    art.labels = draw_labels(ax, geo, plan.marks, style, frame, span)
    if not art.rows:
        first_time = not schedule.agreement.lines and empty_hint
        art.labels.append(
            ax.text(
                0.5,
                0.5,
                empty_hint if first_time else "No lines match the selection",
                linespacing=1.6,
                transform=ax.transAxes,
                ha="center",
                va="center",
                color=style.muted,
                fontsize=style.font_size,
                parse_math=False,
            )
        )
    if plan.legend:
        handles = [legend_handle(entry) for entry in plan.entries]
        art.legend = draw_legend(art.figure, handles, style, plan.ncols, frame.legend_bottom)
    if not plan.title_block:
        return
    agreement = schedule.agreement
    subtitle = subtitle_text(
        schedule.scenario,
        schedule.eif,
        agreement.eif_tentative,
        today,
        len(schedule.lines) if lines is None else lines,
    )
    if title:  # a page title (a sector, a page number) leaves the agreement's name to the subtitle
        subtitle = f"{agreement.title}  ·  {subtitle}"
    width = float(art.figure.get_figwidth()) * 72
    art.title = draw_title_block(art.figure, style, title or agreement.title, subtitle,
                                 agreement.classification, 8 / width, frame.title_top)  # fmt: skip


def _remove_page(art: GanttArtists) -> None:
    """Take the previous page's artists off the figure (the axes and their date ticks stay)."""
    artists: list[Artist] = [*art.collections.values(), *art.labels, *art.title]
    artists += [a for group in art.markers.values() for a in group]
    if art.legend is not None:
        artists.append(art.legend)
    for artist in artists:
        artist.remove()


def _size(fig: Figure) -> tuple[float, float]:
    return float(fig.get_figwidth()), float(fig.get_figheight())


def _prepare_axes(ax: Axes, style: ChartStyle, span: tuple[float, float]) -> None:
    """What every page of the chart shares: background, time span, spines and grid."""
    ax.set_facecolor(style.background)
    ax.set_xlim(*span)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(style.muted)
    ax.grid(True, axis="x", which="major", color=style.muted, alpha=0.3, linewidth=0.6)
    ax.set_axisbelow(True)


def _row_axis(ax: Axes, rows: tuple[Row, ...], labelled: list[Row], style: ChartStyle, frame: Frame) -> None:
    """The rows' extent and labels (group headers in bold)."""
    ax.set_ylim(max(len(rows), frame.slots, 1) - 0.5, -0.5 - frame.header_rows)
    ax.set_yticks([r.y for r in labelled], [row_label(r, style, frame.label_chars) for r in labelled])
    ax.tick_params(
        axis="y", length=0, pad=frame.label_points, labelsize=style.font_size, labelcolor=style.foreground
    )
    for text, row in zip(ax.get_yticklabels(), labelled, strict=True):
        text.set_horizontalalignment("left")
        text.set_parse_math(False)  # a description may hold "$" ("US$30/t"): never math
        text.set_fontweight("bold" if row.is_group else "normal")


def redraw_rows(
    art: GanttArtists,
    schedule: Schedule,
    rows: tuple[Row, ...],
    *,
    baseline: Schedule | None = None,
    today: date | None = None,
    highlight: frozenset[MilestoneId] = frozenset(),
    ghost_label: str = "Baseline",
    empty_hint: str = "",
    title_block: bool = True,
    legend: bool = True,
    wide_labels: bool = False,
    page_rows: int = 0,
    extents: LineExtents | None = None,
) -> GanttArtists | None:
    """Draw ``rows`` of ``schedule`` again on the axes ``art`` drew, keeping its window and date axes.

    After an edit or a scroll the window, the style and the figure's size stay: the axes and their
    hundreds of tick artists are kept and only the rows' artists are replaced, as a deck's pages are.

    Returns:
        The artists drawn (``art``, updated), or ``None`` when the axes cannot be kept (the date
        ticks the frame needs, or entry into force, changed): draw with :func:`draw_gantt` then.
    """
    span = (day_num(art.window[0]), day_num(art.window[1]))
    verticals = [v for v in vertical_marks(schedule, today) if span[0] <= v.x <= span[1]]
    groups = extents.spans(schedule, span[1]) if extents is not None else None
    plan = plan_page(_size(art.figure), schedule, rows, art.style, span, baseline, verticals, ghost_label,
                     legend, title_block, wide_labels, page_rows, groups)  # fmt: skip
    if tick_counts(plan.frame, art.style) != tick_counts(art.frame, art.style):
        return None
    _remove_page(art)
    art.legend, art.title = None, []
    art.ax.set_position(plan.frame.rect)
    art.rows, art.frame = rows, plan.frame
    _draw_page(art, schedule, plan, verticals, today, None, highlight, empty_hint)
    return art


def redraw_content(
    art: GanttArtists,
    schedule: Schedule,
    *,
    baseline: Schedule | None = None,
    highlight: frozenset[MilestoneId] = frozenset(),
    extents: LineExtents | None = None,
    changed: Many[float] | None = None,
) -> GanttArtists | None:
    """Draw the bars and marks of the rows ``art`` shows again, after an edit of their lines.

    Everything else stays: the axes, the row labels, the date lines and the layout (an edit that
    changes a row's label, the rows shown, entry into force, an exception or a review date draws
    with :func:`redraw_rows` instead). The window's rows get new bars (one collection per kind, a
    few dozen rows); no row outside the window is looked at.

    Args:
        changed: the rows (their ``y``) whose labels are made again; the others keep theirs.
            Default: all of them (a milestone moved: its label and connectors may cross rows).

    Returns:
        ``art``, updated; ``None`` when there is no row to draw (the hint text then stays).
    """
    if not art.rows:
        return None
    span = (day_num(art.window[0]), day_num(art.window[1]))
    groups = extents.spans(schedule, span[1]) if extents is not None else None
    geo = build_geometry(schedule, art.rows, art.style, span, baseline, groups)
    gated = extents.gated_of(schedule, [r.line for r in art.rows]) if extents is not None else None
    marks = [m for m in milestone_marks(schedule, art.rows, gated) if span[0] <= m.x <= span[1]]
    if marks != art.milestones:
        changed = None
    rows = None if changed is None else {round(y) for y in changed}
    kept = [t for t in art.labels if rows is not None and label_row(t) not in rows]
    keep = {id(t) for t in kept}
    for artist in [*art.collections.values(), *(t for t in art.labels if id(t) not in keep)]:
        artist.remove()
    art.index = geo.index
    art.collections = draw_bars(art.ax, geo, art.style, art.frame)
    art.collections.update(draw_milestones(art.ax, marks, geo, art.style, art.index, highlight))
    art.milestones = marks
    art.labels = kept + draw_labels(art.ax, geo, marks, art.style, art.frame, span, rows)
    return art
