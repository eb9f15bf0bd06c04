"""The legend (only what the chart shows) and the title block with the classification label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from carveplan.chart.style import ChartStyle
from carveplan.model import MilestoneStatus
from carveplan.model.words import day_text

if TYPE_CHECKING:  # drawn only by the matplotlib chart: the vector pages plan without loading it
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Text


@dataclass(frozen=True)
class LegendContent:
    """What the chart drew, so the legend lists only that.

    Attributes:
        sectors: ``(name, colour)`` of each sector shown.
        excluded: any carve-out (excluded) line.
        blocked: any blocked phase.
        ghost: baseline ghost bars.
        ghost_label: what the ghost bars are (``Baseline``, or the round drawn behind the chart).
        exceptions: any exception band.
        deadlines: any notification or termination deadline mark.
        statuses: milestone statuses shown.
        reviews: any review line.
        sunsets: any sunset or term-end line.
        today: the today line.
        quotas: any tariff-rate quota line (dashed outline).
    """

    sectors: tuple[tuple[str, str], ...]
    excluded: bool = False
    blocked: bool = False
    ghost: bool = False
    ghost_label: str = "Baseline"
    exceptions: bool = False
    deadlines: bool = False
    statuses: tuple[MilestoneStatus, ...] = ()
    reviews: bool = False
    sunsets: bool = False
    today: bool = False
    quotas: bool = False


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One legend entry as plain data: a swatch, a line or a marker, and its label.

    Attributes:
        label: the words.
        kind: ``patch`` (a filled swatch), ``line`` or ``marker``.
        colour: the face (swatch, marker) or the line's colour; ``none`` for an empty swatch.
        edge: the swatch's or marker's outline colour (``None``: none, or the face for a swatch).
        alpha: the face's opacity.
        hatch: the swatch's hatch (matplotlib pattern, empty for none).
        dash: the line's or outline's style (``-``, ``--``, ``:``, ``-.``).
        width: the line's width in points.
        marker: the marker (``D`` diamond, ``v`` and ``^`` triangles).
        size: the marker's size in points.
    """

    label: str
    kind: str
    colour: str
    edge: str | None = None
    alpha: float = 1.0
    hatch: str = ""
    dash: str = "-"
    width: float = 1.0
    marker: str = ""
    size: float = 0.0


def legend_entries(content: LegendContent, style: ChartStyle) -> list[LegendEntry]:
    """Legend entries in reading order: sectors, bar kinds, milestones, markers."""
    fg, small = style.foreground, style.milestone_size * 0.8
    out = [LegendEntry(n, "patch", c, c) for n, c in content.sectors]
    if content.excluded:
        out.append(LegendEntry("Carve-out", "patch", "none", style.muted, hatch=style.excluded_hatch))
    if content.quotas:
        out.append(LegendEntry("Tariff-rate quota (in-quota rate)", "patch", "none", fg, dash="--"))
    if content.blocked:
        out.append(
            LegendEntry("Blocked", "patch", style.blocked_colour, style.muted, hatch=style.blocked_hatch)
        )
    if content.ghost:
        out.append(LegendEntry(content.ghost_label, "patch", style.ghost_colour, None, alpha=0.45))
    if content.exceptions:
        alpha = max(style.exception_alpha, 0.3)
        colour = style.exception_colour
        out.append(LegendEntry("Exception", "patch", colour, colour, alpha, style.exception_hatch))
    for status in content.statuses:
        face = style.milestone_colour(status)
        out.append(LegendEntry(f"Milestone {status.value}", "marker", face, fg, marker="D", size=small))
    if content.deadlines:
        colour = style.exception_colour
        out.append(LegendEntry("Notification due", "marker", colour, None, marker="v", size=small))
        out.append(LegendEntry("Termination notice", "marker", colour, None, marker="^", size=small))
    out.append(LegendEntry("EIF", "line", fg, width=style.line_width))
    width = style.line_width
    if content.today:
        out.append(LegendEntry("Today", "line", style.today_colour, dash="--", width=style.line_width))
    if content.reviews:
        out.append(LegendEntry("Review", "line", style.review_colour, dash=":", width=width * 0.8))
    if content.sunsets:
        out.append(LegendEntry("Sunset", "line", style.review_colour, dash="-.", width=width * 1.4))
    return out


def legend_handle(entry: LegendEntry) -> Artist:
    """One legend entry as a matplotlib legend handle."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if entry.kind == "patch":
        alpha = entry.alpha if entry.alpha < 1 else None
        dash: Any = entry.dash
        return Patch(facecolor=entry.colour, edgecolor=entry.edge, hatch=entry.hatch or None, alpha=alpha,
                     linestyle=dash, label=entry.label)  # fmt: skip
    if entry.kind == "marker":
        return Line2D([], [], ls="", marker=entry.marker, markersize=entry.size, markerfacecolor=entry.colour,
                      markeredgecolor=entry.edge or entry.colour, label=entry.label)  # fmt: skip
    return Line2D([], [], color=entry.colour, lw=entry.width, ls=entry.dash, label=entry.label)


def draw_legend(fig: Figure, handles: list[Artist], style: ChartStyle, ncols: int, bottom: float) -> Legend:
    """Place the legend centred under the chart, ``bottom`` being its lower edge (figure fraction)."""
    return fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, bottom),
        ncols=max(1, ncols),
        frameon=False,
        fontsize=style.small_font_size,
        labelcolor=style.foreground,
        handlelength=1.6,
        columnspacing=1.4,
    )


def legend_layout(labels: Sequence[str], style: ChartStyle, width_points: float) -> tuple[int, float]:
    """Columns and height (points) a legend of ``labels`` needs across ``width_points``."""
    label_points = max((len(label) for label in labels), default=4) * style.small_font_size * 0.6
    column = label_points + style.small_font_size * 4.0
    ncols = max(1, min(len(labels), int(width_points // column)))
    lines = -(-len(labels) // ncols)
    return ncols, lines * style.small_font_size * 1.75 + style.small_font_size


def draw_title_block(
    fig: Figure, style: ChartStyle, title: str, subtitle: str, classification: str, left: float, top: float
) -> list[Text]:
    """The title, a line of context under it, and the classification label at the top right.

    Args:
        fig: the figure.
        style: the chart style.
        title: agreement name (or the caller's title).
        subtitle: scenario, EIF and date.
        classification: e.g. ``DRAFT – for negotiation``; nothing is drawn when empty.
        left: left edge (figure fraction).
        top: top edge (figure fraction).

    Returns:
        The text artists.
    """
    texts = [
        fig.text(
            left,
            top,
            title,
            ha="left",
            va="top",
            fontsize=style.title_size,
            fontweight="bold",
            color=style.foreground,
            parse_math=False,
        ),
        fig.text(
            left,
            top - style.title_size * 1.45 / 72 / fig.get_figheight(),
            subtitle,
            ha="left",
            va="top",
            fontsize=style.font_size,
            color=style.muted,
            parse_math=False,
        ),
    ]
    if classification:
        edge = "#000000" if style.name == "print" else "#D55E00"
        texts.append(
            fig.text(
                0.985,
                top,
                classification.upper(),
                ha="right",
                va="top",
                color=edge,
                fontsize=style.font_size,
                fontweight="bold",
                bbox={
                    "boxstyle": "square,pad=0.35",
                    "facecolor": style.background,
                    "edgecolor": edge,
                    "linewidth": 1.2,
                },
                parse_math=False,
            )
        )
    return texts


def subtitle_text(scenario: str, eif: date, tentative: bool, today: date | None, lines: int) -> str:
    """``Scenario: baseline · EIF 1 Jan 2027 (tentative) · 42 lines · as of 3 May 2026``."""
    parts = [f"Scenario: {scenario}", f"EIF {_day(eif)}{' (tentative)' if tentative else ''}"]
    parts.append(f"{lines} line{'s' if lines != 1 else ''}")
    if today is not None:
        parts.append(f"as of {_day(today)}")
    return "  ·  ".join(parts)


def _day(day: date) -> str:
    return day_text(day)
