"""The legend (only what the chart shows) and the title block with the classification label."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from carveplan.chart.style import ChartStyle
from carveplan.model import MilestoneStatus
from carveplan.model.words import day_text


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


def legend_handles(content: LegendContent, style: ChartStyle) -> list[Artist]:
    """Legend entries in reading order: sectors, bar kinds, milestones, markers."""
    fg = style.foreground
    handles: list[Artist] = [Patch(facecolor=c, edgecolor=c, label=n) for n, c in content.sectors]
    if content.excluded:
        handles.append(
            Patch(facecolor="none", edgecolor=style.muted, hatch=style.excluded_hatch, label="Carve-out")
        )
    if content.quotas:
        handles.append(
            Patch(facecolor="none", edgecolor=fg, linestyle="--", label="Tariff-rate quota (in-quota rate)")
        )
    if content.blocked:
        handles.append(
            Patch(
                facecolor=style.blocked_colour,
                edgecolor=style.muted,
                hatch=style.blocked_hatch,
                label="Blocked",
            )
        )
    if content.ghost:
        handles.append(Patch(facecolor=style.ghost_colour, alpha=0.45, label=content.ghost_label))
    if content.exceptions:
        handles.append(
            Patch(
                facecolor=style.exception_colour,
                alpha=max(style.exception_alpha, 0.3),
                edgecolor=style.exception_colour,
                hatch=style.exception_hatch,
                label="Exception",
            )
        )
    for status in content.statuses:
        handles.append(_diamond(style, status))
    if content.deadlines:
        handles.append(_marker("v", style.exception_colour, "Notification due", style))
        handles.append(_marker("^", style.exception_colour, "Termination notice", style))
    handles.append(Line2D([], [], color=fg, lw=style.line_width, label="EIF"))
    if content.today:
        handles.append(Line2D([], [], color=style.today_colour, lw=style.line_width, ls="--", label="Today"))
    if content.reviews:
        handles.append(
            Line2D([], [], color=style.review_colour, lw=style.line_width * 0.8, ls=":", label="Review")
        )
    if content.sunsets:
        handles.append(
            Line2D([], [], color=style.review_colour, lw=style.line_width * 1.4, ls="-.", label="Sunset")
        )
    return handles


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


def legend_layout(handles: list[Artist], style: ChartStyle, width_points: float) -> tuple[int, float]:
    """Columns and height (points) the legend needs across ``width_points``."""
    label_points = max((len(str(h.get_label())) for h in handles), default=4) * style.small_font_size * 0.6
    column = label_points + style.small_font_size * 4.0
    ncols = max(1, min(len(handles), int(width_points // column)))
    lines = -(-len(handles) // ncols)
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


def _diamond(style: ChartStyle, status: MilestoneStatus) -> Line2D:
    face = style.milestone_colour(status)
    return Line2D(
        [],
        [],
        ls="",
        marker="D",
        markersize=style.milestone_size * 0.8,
        markerfacecolor=face,
        markeredgecolor=style.foreground,
        label=f"Milestone {status.value}",
    )


def _marker(shape: str, colour: str, label: str, style: ChartStyle) -> Line2D:
    return Line2D(
        [], [], ls="", marker=shape, markersize=style.milestone_size * 0.8, color=colour, label=label
    )


def _day(day: date) -> str:
    return day_text(day)
