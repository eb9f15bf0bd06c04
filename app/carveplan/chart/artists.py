"""Artists of the Gantt chart: bar collections, milestones and deadline marks, vertical date lines."""

from __future__ import annotations

from typing import Any, Literal, assert_never

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import Collection, LineCollection, PolyCollection
from matplotlib.colors import to_rgba

from carveplan.chart.axes import day_num
from carveplan.chart.bars import MIN_DIVIDER, Rects
from carveplan.chart.frame import Frame
from carveplan.chart.geometry import Geometry
from carveplan.chart.hit import Hit, HitIndex, HitKind
from carveplan.chart.marks import MilestoneMark, VerticalKind, VerticalMark, place_vertical_labels
from carveplan.chart.style import OKABE_ITO, ChartStyle
from carveplan.model import MilestoneId

# Okabe-Ito yellow: no milestone status uses it, so a halo in it reads as emphasis, not as a status.
HALO_COLOUR = OKABE_ITO[5]


def _poly(ax: Axes, rects: Rects, zorder: float, **kwargs: Any) -> PolyCollection:
    # An (n, 4, 2) array takes matplotlib's vectorised path; a list of arrays builds paths one by one.
    verts: Any = rects.verts()
    colours = rects.colours()
    coll = PolyCollection(verts, facecolors=colours if len(colours) else "none", zorder=zorder, **kwargs)
    ax.add_collection(coll, autolim=False)
    return coll


def draw_bars(ax: Axes, geo: Geometry, style: ChartStyle, frame: Frame) -> dict[str, Collection]:
    """One PolyCollection per kind: stripes, exception bands, ghosts, phases, excluded, blocked, groups."""
    # Edges narrower than a row is tall would paint thin rows solid: scale them with the row.
    edge = min(style.divider_width, frame.row_points * 0.12)
    bands = Rects()
    for b in geo.bands:
        bands.add(b.x0, b.x1, b.y0, b.y1, to_rgba(style.exception_colour, style.exception_alpha))
    return {
        "stripes": _poly(ax, geo.stripes, 0.2, edgecolors="none"),
        "bands": _poly(
            ax,
            bands,
            1.0,
            edgecolors=style.exception_colour,
            linewidths=min(0.9, edge + 0.3),
            hatch=style.exception_hatch or None,
        ),
        "ghosts": _poly(ax, geo.ghosts, 1.5, edgecolors="none"),
        "phases": _poly(
            ax,
            geo.phases,
            2.0,
            edgecolors=style.background if edge >= MIN_DIVIDER else "none",
            linewidths=edge,
        ),
        "excluded": _poly(
            ax, geo.excluded, 2.0, edgecolors=style.muted, linewidths=edge, hatch=style.excluded_hatch
        ),
        "blocked": _poly(
            ax, geo.blocked, 2.0, edgecolors=style.muted, linewidths=edge * 0.6, hatch=style.blocked_hatch
        ),
        "groups": _poly(ax, geo.groups, 2.0, edgecolors="none"),
        # A tariff-rate quota line has a dashed outline (its bar shows the in-quota rate); a hatch would
        # hide the values written in the bar.
        "quotas": _poly(
            ax,
            geo.quota_rects(),
            2.2,
            edgecolors=style.foreground,
            linewidths=max(edge * 2, 1.0),
            linestyles="--",
        ),
    }


def draw_milestones(
    ax: Axes,
    marks: list[MilestoneMark],
    geo: Geometry,
    style: ChartStyle,
    index: HitIndex,
    highlight: frozenset[MilestoneId] = frozenset(),
) -> dict[str, Collection]:
    """Diamonds by status (crossed when unmet), halos behind highlighted ones, gate connectors, and
    exception deadline marks."""
    segments = [[(m.x, m.y), target] for m in marks for target in m.targets]
    connectors = LineCollection(segments, colors=style.muted, linewidths=0.8, linestyles=":", zorder=2.6)
    ax.add_collection(connectors, autolim=False)
    faces = [style.milestone_colour(m.status) for m in marks]
    size = style.milestone_size**2
    xs, ys = [m.x for m in marks], [m.y for m in marks]
    diamonds = ax.scatter(
        xs, ys, s=size, marker="D", c=faces or None, edgecolors=style.foreground, linewidths=1.0, zorder=4.0
    )
    lit = [m for m in marks if m.milestone.milestone.id in highlight]
    halos = ax.scatter(
        [m.x for m in lit],
        [m.y for m in lit],
        s=size * 3.2,
        marker="D",
        c=HALO_COLOUR,
        edgecolors=style.foreground,
        linewidths=1.6,
        zorder=3.9,  # under the diamond, over bars and bands
    )
    unmet = [m for m in marks if m.unmet]
    crosses = ax.scatter(
        [m.x for m in unmet],
        [m.y for m in unmet],
        s=size * 0.55,
        marker="x",
        c=style.foreground,
        linewidths=1.2,
        zorder=4.1,
    )
    for m in marks:
        index.add_point(m.x, m.y, Hit(HitKind.MILESTONE, m.row, milestone=m.milestone.milestone.id))
    first = [b for b in geo.bands if b.first]
    notify = [
        (day_num(b.window.notification_deadline), b.y0 + 0.3) for b in first if b.window.notification_deadline
    ]
    ends = [(day_num(b.window.termination_notice), b.y0 + 0.3) for b in first if b.window.termination_notice]
    reviews = [(day_num(d), (b.y0 + b.y1) / 2) for b in first for d in b.window.review_dates]
    return {
        "connectors": connectors,
        "milestones": diamonds,
        "unmet": crosses,
        "highlight": halos,
        "deadlines": _points(ax, notify, "v", style),
        "terminations": _points(ax, ends, "^", style),
        "exception_reviews": _points(ax, reviews, "|", style),
    }


def _points(ax: Axes, points: list[tuple[float, float]], marker: str, style: ChartStyle) -> Collection:
    return ax.scatter(
        [p[0] for p in points],
        [p[1] for p in points],
        s=(style.milestone_size * 0.9) ** 2,
        marker=marker,
        c=style.exception_colour,
        zorder=3.5,
    )


def draw_verticals(
    ax: Axes, marks: list[VerticalMark], style: ChartStyle, frame: Frame
) -> dict[str, list[Artist]]:
    """EIF, today, review and sunset lines across the chart, labelled in the band above row 0."""
    out: dict[str, list[Artist]] = {}
    for kind in VerticalKind:
        dash, width = _vertical_line(kind)
        xs = [m.x for m in marks if m.kind == kind]
        colour = _vertical_colour(kind, style)
        lines = ax.vlines(
            xs,
            0,
            1,
            transform=ax.get_xaxis_transform(),
            colors=colour,
            linestyles=dash,
            linewidths=style.line_width * width,
            zorder=3.0,
        )
        out[kind] = [lines]
        out[f"{kind}_labels"] = []
    # Labels sit side by side in the header band above row 0, on a second line when the band has
    # one; a label that would overprint a more important one or run off the chart is left out.
    lo, hi = ax.get_xlim()
    tiers = max(frame.header_tiers, 1)
    band = frame.header_rows / tiers
    for place in place_vertical_labels(marks, style.small_font_size, frame.points_per_day, (lo, hi), tiers):
        mark = place.mark
        text = ax.text(
            place.x,
            -0.5 - frame.header_rows + band * (place.tier + 0.5),
            mark.label,
            ha=place.align,
            va="center",
            fontsize=style.small_font_size,
            color=_vertical_colour(mark.kind, style),
            zorder=5,
            clip_on=True,
            parse_math=False,
            # A line close by (today beside EIF) must not strike through the label.
            bbox={"boxstyle": "square,pad=0.1", "facecolor": style.background, "edgecolor": "none"},
        )
        out[f"{mark.kind}_labels"].append(text)
    return out


def _vertical_line(kind: VerticalKind) -> tuple[Literal["-", "--", ":", "-."], float]:
    """The dash pattern and the width of a vertical line."""
    match kind:
        case VerticalKind.EIF:
            return "-", 1.0
        case VerticalKind.TODAY:
            return "--", 1.0
        case VerticalKind.REVIEW:
            return ":", 0.8
        case VerticalKind.SUNSET:
            return "-.", 1.4
        case _:
            assert_never(kind)


def _vertical_colour(kind: VerticalKind, style: ChartStyle) -> str:
    match kind:
        case VerticalKind.TODAY:
            return style.today_colour
        case VerticalKind.EIF:
            return style.foreground
        case VerticalKind.REVIEW | VerticalKind.SUNSET:
            return style.review_colour
        case _:
            assert_never(kind)
